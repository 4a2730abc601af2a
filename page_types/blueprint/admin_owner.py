"""What the blueprint screens share: which version a screen is about (?owner=), its label, and
the refusal every blueprint screen gives to users outside the offices."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants import admin_refusal
from tenants.models import Authority

from .store import blueprint_owner, owners_with_own_blueprint

EDIT_LOG_ACTION = "page_types.blueprint_edit"
CHANGES_PER_PAGE = 50
DEFAULT_OWNER = "default"  # ?owner=default: the instance default, owned by nobody


def chosen_owner(request, access):
    """The blueprint a screen is about: ?owner=<authority id> (one with its own version),
    ?owner=default, or by default the one the user's own office follows."""
    raw = request.GET.get("owner", "")
    if raw == DEFAULT_OWNER:
        owner = None
    elif raw.isdigit():
        owner = int(raw)
        if owner not in owners_with_own_blueprint():
            raise PermissionDenied
    else:
        owner = None if access.superuser else blueprint_owner(access.home)
    if not access.can_view(owner):
        raise PermissionDenied
    return owner


def owner_query(owner):
    return "?owner=" + (DEFAULT_OWNER if owner is None else str(owner))


def owner_label(owner):
    if owner is None:
        return _("Cấu trúc mặc định của hệ thống")
    name = Authority.objects.filter(pk=owner).values_list("name", flat=True).first()
    return _("Cấu trúc riêng của %(authority)s") % {"authority": name}


class Forbidden403Mixin(admin_refusal.Forbidden403Mixin):
    forbidden_message = gettext_lazy(
        "Chỉ Phòng/Sở quản lý xem và điều chỉnh được cấu trúc trang trường."
    )
