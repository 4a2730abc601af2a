"""A panel on Wagtail's group screen (Settings › Groups) saying what an office admins group holds
through the authority tree: those rights have no stored row, so Wagtail's page and collection
permission panels, which list stored rows, show none of them."""

from django.forms import Media
from django.template.loader import render_to_string

from ..models import Authority


class OfficeRightsPanel:
    """Read only: nothing to validate, nothing to save (the rights follow the tree)."""

    media = Media()

    def __init__(self, data=None, files=None, instance=None, **kwargs):
        self.instance = instance

    def is_valid(self):
        return True

    def save(self):
        pass

    def as_admin_panel(self):
        if self.instance is None or self.instance.pk is None:
            return ""
        authority = Authority.objects.filter(admins_group=self.instance).first()
        if authority is None:
            return ""
        return render_to_string(
            "tenants/groups/office_rights_panel.html",
            {"authority": authority, "schools": authority.schools_in_subtree().count()},
        )


def office_rights_panel():
    return OfficeRightsPanel
