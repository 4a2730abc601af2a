"""Admin wiring: catalogue and calendar screens, the evidence list, the editor's checklist panel,
retention guards on delete/unpublish (single and bulk) and checks in the disclosure item form."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from tenants.models import School

from . import rules
from .admin_views import POLICIES, RegulationsGroup
from .models import Item
from .panels import DisclosureChecklistPanel, schools_of
from .retention import (
    OVERRIDE_ACTION,
    has_grant,
    is_office_admin,
    refusal_message,
    retained_pages,
)
from .todo import TodoPanel
from .todo_drafts import URL_NAME as DRAFT_URL_NAME
from .todo_drafts import start_period_draft
from .views import retention_override
from .year_admin import menu_item as school_years_menu_item
from .year_admin import school_years

# Policies must exist before the viewsets register (Wagtail 8 looks them up by model).
for _model, _policy in POLICIES.items():
    register_permission_policy(_model, _policy, exact_class=True)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RegulationsGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "regulations/retention/<int:page_id>/<str:action>/",
            retention_override,
            name="regulations_retention_override",
        ),
        path("regulations/school-years/", school_years, name="regulations_school_years"),
        path(
            "regulations/todo/<int:school_id>/draft/<str:source>/<str:start>/",
            start_period_draft,
            name=DRAFT_URL_NAME,
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_school_years_menu_item():
    return school_years_menu_item()


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("regulations/admin.css"))


@hooks.register("construct_homepage_panels")
def add_checklist_panel(request, panels):
    schools = list(schools_of(request.user))
    if schools:
        panels.append(TodoPanel(schools))
        panels.append(DisclosureChecklistPanel(schools))


# Retention -----------------------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(OVERRIDE_ACTION)
    class RetentionOverrideFormatter(LogFormatter):
        label = gettext_lazy("Gỡ mục công khai trong thời hạn lưu giữ")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            verb = _("xóa") if data.get("action") == "delete" else _("ngừng xuất bản")
            return _("Phòng/Sở cho phép %(verb)s trong thời hạn lưu giữ. Lý do: %(reason)s") % {
                "verb": verb,
                "reason": data.get("reason", ""),
            }


def _guard(request, page, action):
    retained = retained_pages([page])
    if not retained:
        return None
    school = School.for_page(page)
    if is_office_admin(request.user, school):
        if has_grant(request, action, page.pk, consume=request.method == "POST"):
            return None
        query = urlencode({"next": request.get_full_path()})
        return redirect(
            reverse("regulations_retention_override", args=[page.pk, action]) + "?" + query
        )
    messages.error(request, refusal_message(retained, action))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_delete_page")
def guard_delete(request, page):
    return _guard(request, page, "delete")


@hooks.register("before_unpublish_page")
def guard_unpublish(request, page):
    return _guard(request, page, "unpublish")


@hooks.register("before_bulk_action")
def guard_bulk(request, action_type, objects, action_class_instance):
    model = getattr(action_class_instance, "model", None)
    if action_type not in ("delete", "unpublish") or not (model and issubclass(model, Page)):
        return None
    retained = retained_pages(list(objects))
    if not retained:
        return None
    messages.error(
        request,
        refusal_message(retained, action_type)
        + " "
        + _("Thao tác hàng loạt không áp dụng cho mục đang lưu giữ; hãy xử lý từng trang."),
    )
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root")
    return redirect(next_url)


# Disclosure item form ------------------------------------------------------------------------


def _item_for(page):
    return Item.objects.filter(code=page.item_code).first() if page.item_code else None


@hooks.register("construct_disclosure_item_form")
def describe_item(form):
    item = _item_for(form.instance)
    if item is None or "file" not in form.fields:
        return
    formats_text = ", ".join(f.upper() for f in item.format_list)
    help_text = _("Định dạng chấp nhận: %(formats)s.") % {"formats": formats_text}
    if item.description:
        help_text += " " + _("Nội dung cần công khai: %(text)s") % {"text": item.description}
    form.fields["file"].help_text = help_text


@hooks.register("clean_disclosure_item_form")
def check_item(form):
    page = form.instance
    item = _item_for(page)
    document = form.cleaned_data.get("file")
    if item is not None and document is not None:
        allowed = item.format_list
        extension = (document.file_extension or "").lower()
        if allowed and extension not in allowed:
            form.add_error(
                "file",
                _("Mục “%(title)s” chỉ nhận tệp %(formats)s; tệp đã chọn là %(ext)s.")
                % {
                    "title": item.title,
                    "formats": ", ".join(f.upper() for f in allowed),
                    "ext": extension.upper() or _("không rõ định dạng"),
                },
            )
    expire_at = form.cleaned_data.get("expire_at")
    if expire_at and item is not None and item.retention_rule:
        rule = rules.parse(item.retention_rule)
        start = timezone.localdate()
        if page.pk and page.first_published_at:
            start = timezone.localtime(page.first_published_at).date()
        until = rules.retention_end(rule, start)
        if timezone.localtime(expire_at).date() <= until:
            form.add_error(
                "expire_at",
                _(
                    "Mục công khai phải được lưu giữ trực tuyến đến hết ngày %(until)s; "
                    "không đặt ngày hết hạn sớm hơn."
                )
                % {"until": formats.date_format(until, "d/m/Y")},
            )
