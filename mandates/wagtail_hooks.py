"""Directives in the Wagtail admin: /admin/directives/, a "Chỉ đạo" menu item and, on a school
user's admin home, its open directives (a panel of its own, beside the editors' to-do list)."""

from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from tenants.models import School

from . import todo_source  # noqa: F401  (registers the directives in the editors' to-do list)
from .models import Action, Target
from .services import days_left, open_directives_for
from .visibility import is_office_user, member_school_ids, visible_targets


@hooks.register("register_admin_urls")
def register_directive_urls():
    from .urls import urlpatterns

    return [path("directives/", include((urlpatterns, "mandates"), namespace="mandates"))]


class DirectivesMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office_user(request.user) or visible_targets(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_directives_menu():
    return DirectivesMenuItem(
        _("Chỉ đạo"), "/admin/directives/", name="chi-dao", icon_name="mail", order=240
    )


class OpenDirectivesPanel(Component):
    """The school's directives not done yet, soonest deadline first, each with its start."""

    name = "mandates_open_directives"
    template_name = "mandates/home_panel.html"
    order = 80

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        # The start buttons post a form: the panel's own context lacks the page's CSRF token.
        return {"items": self.items, "csrf_token": parent_context.get("csrf_token")}


@hooks.register("construct_homepage_panels")
def add_open_directives_panel(request, panels):
    school_ids = member_school_ids(request.user)
    if not school_ids or not Target.objects.filter(school_id__in=school_ids).exists():
        return
    now = timezone.now()
    items = []
    for school in School.objects.filter(pk__in=school_ids).order_by("name"):
        for directive, target, verdict in open_directives_for(school, now):
            items.append(
                {
                    "directive": directive,
                    "target": target,
                    "verdict": verdict,
                    "school": school,
                    "days_left": days_left(directive, now),
                    "acknowledge": directive.action == Action.ACKNOWLEDGE,
                    "detail_url": reverse("mandates:detail", args=[directive.pk]),
                }
            )
    if items:
        items.sort(key=lambda i: (i["directive"].deadline, i["directive"].pk))
        panels.append(OpenDirectivesPanel(items))
