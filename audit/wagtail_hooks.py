"""The audit in the Wagtail admin: the dashboard under /admin/audit/, inspections under
/admin/inspections/, the rubric, a "Theo dõi cập nhật" menu and the school's request panel."""

import datetime

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from . import (
    access,
    publish_checks,  # noqa: F401  (the checks before publishing)
)
from .models import CorrectiveRequest, Rubric
from .rubric_admin import RubricPermissionPolicy, RubricViewSet

register_permission_policy(Rubric, RubricPermissionPolicy(Rubric))
rubric_viewset = RubricViewSet()


@hooks.register("insert_global_admin_css")
def audit_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("audit/admin.css"))


@hooks.register("register_admin_viewset")
def register_rubric_viewset():
    return rubric_viewset


@hooks.register("register_admin_urls")
def register_audit_urls():
    from .urls import inspection_patterns, urlpatterns

    return [
        path("audit/", include((urlpatterns, "audit"), namespace="audit")),
        path(
            "inspections/",
            include((inspection_patterns, "audit_inspections"), namespace="audit_inspections"),
        ),
    ]


class ShownIf(MenuItem):
    def __init__(self, *args, test, **kwargs):
        super().__init__(*args, **kwargs)
        self.test = test

    def is_shown(self, request):
        return self.test(request.user)


audit_menu = Menu(
    items=[
        ShownIf(
            _("Bảng theo dõi"),
            "/admin/audit/",
            name="audit-dashboard",
            icon_name="tasks",
            order=100,
            test=access.can_see_audit,
        ),
        ShownIf(
            _("Cây đơn vị quản lý"),
            "/admin/audit/tree/",
            name="audit-tree",
            icon_name="site",
            order=150,
            test=access.is_office_user,
        ),
        ShownIf(
            _("Đợt kiểm tra"),
            "/admin/inspections/",
            name="audit-inspections",
            icon_name="clipboard-list",
            order=200,
            test=access.can_inspect,
        ),
        ShownIf(
            _("Yêu cầu khắc phục"),
            "/admin/inspections/requests/",
            name="audit-requests",
            icon_name="warning",
            order=300,
            test=lambda user: CorrectiveRequest.objects.filter(
                inspected__school__in=access.member_schools(user)
            ).exists(),
        ),
        ShownIf(
            _("Bộ tiêu chí chấm điểm"),
            "/admin/audit/rubric/",
            name="audit-rubric",
            icon_name="list-ol",
            order=400,
            test=access.can_see_audit,
        ),
    ]
)


@hooks.register("register_admin_menu_item")
def register_audit_menu():
    return SubmenuMenuItem(
        _("Theo dõi cập nhật"), audit_menu, name="theo-doi-cap-nhat", icon_name="tasks", order=250
    )


class RequestsPanel(Component):
    """On a school user's admin home: the office's open corrective requests, to answer."""

    name = "audit_requests"
    template_name = "audit/home_requests_panel.html"
    order = 90

    def __init__(self, requests):
        self.requests = requests

    def get_context_data(self, parent_context):
        return {"requests": self.requests, "answer_url": reverse("audit_inspections:my_requests")}


@hooks.register("construct_homepage_panels")
def add_requests_panel(request, panels):
    schools = access.member_schools(request.user)
    pending = list(
        CorrectiveRequest.objects.filter(inspected__school__in=schools)
        .exclude(status=CorrectiveRequest.Status.RESOLVED)
        .select_related("inspected__school", "inspected__inspection")
        .order_by("due_date", "pk")
    )
    if pending:
        panels.append(RequestsPanel(pending))


@hooks.register("register_editor_todo_source")
def corrective_requests_source(school, now, horizon_days):
    """The office's corrective requests the school has not answered yet (regulations/todo.py)."""
    from regulations.todo import TodoDue

    horizon = timezone.localdate(now) + datetime.timedelta(days=horizon_days)
    requests = CorrectiveRequest.objects.filter(
        inspected__school=school,
        status=CorrectiveRequest.Status.OPEN,
        due_date__lte=horizon,
    ).select_related("inspected__inspection")
    return [
        TodoDue(
            str(_("Khắc phục")),
            Truncator(r.text).words(12),
            r.due_date,
            reverse("audit_inspections:answer", args=[r.pk]),
            str(_("Trả lời")),
            str(r.inspected.inspection.title),
        )
        for r in requests
    ]
