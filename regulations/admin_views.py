"""Admin screens of the regulations app (Wagtail ModelViewSets), for office staff only.

Who may do what: superusers and office admins edit; office auditors look. The catalogue
(profiles, items) is instance-wide, so only admins of a top-level office edit it. Calendars,
declared days and overrides belong to an office and are visible/editable within its subtree;
evidence and override records are read-only for everyone, scoped to the office's schools."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup

from tenants.models import Authority, Membership

from .admin_scoping import (
    OfficePolicy,
    ReadOnlyViewSet,
    ScopedViewSet,
    office_paths,
)
from .models import (
    DeclaredDay,
    Item,
    ItemVersion,
    Profile,
    ProfileOverride,
    PublicationEvidence,
    RetentionOverride,
    SchoolYearCalendar,
)


class AuthorityScopedForm(WagtailAdminModelForm):
    """The authority field offers only the offices the user administers (and below)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "authority" in self.fields and user is not None and not user.is_superuser:
            paths = [p for p, _parent in office_paths(user, (Membership.Role.ADMIN,))]
            query = Q(pk__in=[])
            for prefix in paths:
                query |= Q(path__startswith=prefix)
            self.fields["authority"].queryset = Authority.objects.filter(query)
            if self.fields["authority"].required is False:
                # Instance-wide declarations stay for top-level admins only.
                self.fields["authority"].required = not any(
                    parent is None for _p, parent in office_paths(user, (Membership.Role.ADMIN,))
                )


# Catalogue -----------------------------------------------------------------------------------


class LinesField(forms.CharField):
    """A JSON list of strings edited as one line per entry."""

    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class ItemForm(WagtailAdminModelForm):
    columns = LinesField(
        label=_("Tiêu đề cột của biểu mẫu"),
        required=False,
        help_text=_("Mỗi dòng một tiêu đề cột, theo thứ tự, ví dụ: STT, Nội dung, Lớp 1…"),
    )
    rows = LinesField(
        label=_("Các dòng nội dung cố định"),
        required=False,
        help_text=_("Mỗi dòng một nội dung; khi tạo mục cho năm học mới, bảng được điền sẵn."),
    )

    class Meta:
        model = Item
        fields = "__all__"


class ProfileViewSet(ScopedViewSet):
    model = Profile
    icon = "doc-full"
    menu_label = _("Quy định")
    list_display = ["short_name", "code", "valid_from", "valid_until", "confidence"]
    form_fields = [
        "code",
        "short_name",
        "title",
        "valid_from",
        "valid_until",
        "transition_deadline",
        "unit",
        "confidence",
        "notes",
    ]
    inspect_view_enabled = True


class ItemViewSet(ScopedViewSet):
    model = Item
    icon = "list-ul"
    menu_label = _("Mục công khai")
    list_display = [
        "code",
        "title",
        "profile",
        Column("kind", label=_("Loại"), accessor="get_kind_display"),
        Column("deadline_rule", label=_("Quy tắc hạn"), accessor="deadline_rule_label"),
        "version",
        "confidence",
    ]
    list_filter = ["profile", "kind", "confidence", "is_active"]
    search_fields = ["code", "title", "group"]
    ordering = ["profile__valid_from", "sort_order", "code"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("profile"),
                    FieldPanel("code"),
                    FieldPanel("title"),
                    FieldPanel("group"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order")]),
                ],
                heading=_("Mục"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("for_mn"), FieldPanel("for_th"), FieldPanel("for_thcs")]
                    ),
                    FieldPanel("meals_only"),
                    FieldPanel("source"),
                ],
                heading=_("Áp dụng"),
            ),
            MultiFieldPanel(
                [FieldPanel("accepted_formats"), FieldPanel("columns"), FieldPanel("rows")],
                heading=_("Hình thức công khai"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("deadline_rule"),
                    FieldPanel("update_rule"),
                    FieldPanel("retention_rule"),
                ],
                heading=_("Thời hạn"),
            ),
            MultiFieldPanel(
                [FieldPanel("confidence"), FieldPanel("notes"), FieldPanel("is_active")],
                heading=_("Độ tin cậy và ghi chú"),
            ),
        ],
        base_form_class=ItemForm,
    )


class ItemVersionViewSet(ReadOnlyViewSet):
    model = ItemVersion
    icon = "history"
    menu_label = _("Lịch sử thay đổi mục")
    list_display = [
        "__str__",
        Column("item", label=_("Mục")),
        "version",
        DateColumn("created_at", label=_("Lúc")),
        Column("created_by", label=_("Người sửa")),
    ]
    list_filter = ["item__profile"]
    search_fields = ["item__code", "item__title"]


# Calendars -----------------------------------------------------------------------------------


class CalendarViewSet(ScopedViewSet):
    model = SchoolYearCalendar
    icon = "date"
    menu_label = _("Khung năm học")
    list_display = ["__str__", "school_year", "start", "end"]
    list_filter = ["school_year"]
    edit_handler = ObjectList(
        [
            FieldPanel("authority"),
            FieldPanel("school_year"),
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            InlinePanel("breaks", label=_("Kỳ nghỉ (Tết, giữa học kỳ…)")),
        ],
        base_form_class=AuthorityScopedForm,
    )


class DeclaredDayViewSet(ScopedViewSet):
    model = DeclaredDay
    icon = "calendar-alt"
    menu_label = _("Ngày nghỉ, ngày làm bù")
    list_display = ["__str__", "authority", "reason"]
    list_filter = ["kind"]
    edit_handler = ObjectList(
        [FieldPanel("authority"), FieldPanel("date"), FieldPanel("kind"), FieldPanel("reason")],
        base_form_class=AuthorityScopedForm,
    )


class ProfileOverrideViewSet(ScopedViewSet):
    model = ProfileOverride
    icon = "resubmit"
    menu_label = _("Quy định cho năm chuyển tiếp")
    list_display = ["__str__", "authority", "school_year", "profile"]
    edit_handler = ObjectList(
        [
            FieldPanel("authority"),
            FieldPanel("school_year"),
            FieldPanel("profile"),
            FieldPanel("note"),
        ],
        base_form_class=AuthorityScopedForm,
    )


# Records nobody edits ------------------------------------------------------------------------


class EvidenceViewSet(ReadOnlyViewSet):
    model = PublicationEvidence
    icon = "doc-full-inverse"
    menu_label = _("Chứng cứ công khai")
    list_display = [
        "item_code",
        Column("page_title", label=_("Tiêu đề")),
        Column("school", label=_("Trường")),
        "school_year",
        Column("published_local", label=_("Công bố lúc")),
        "file_name",
        Column("file_sha256_short", label=_("SHA-256 của tệp")),
        Column("username", label=_("Người công bố")),
    ]
    list_filter = ["school", "school_year"]
    search_fields = ["item_code", "page_title", "file_name", "file_sha256"]


class RetentionOverrideViewSet(ReadOnlyViewSet):
    model = RetentionOverride
    icon = "warning"
    menu_label = _("Quyết định gỡ mục đang lưu giữ")
    list_display = [
        "__str__",
        Column("school", label=_("trường")),
        "reason",
        "username",
        "created_at",
    ]
    list_filter = ["school"]


class RegulationsGroup(ModelViewSetGroup):
    menu_label = _("Quy định công khai")
    menu_icon = "doc-full"
    menu_order = 250
    items = (
        ProfileViewSet("regulations_profiles", url_prefix="regulations/profiles"),
        ItemViewSet("regulations_items", url_prefix="regulations/items"),
        ItemVersionViewSet("regulations_item_versions", url_prefix="regulations/item-versions"),
        CalendarViewSet("regulations_calendars", url_prefix="regulations/calendars"),
        DeclaredDayViewSet("regulations_declared_days", url_prefix="regulations/days"),
        ProfileOverrideViewSet("regulations_profile_overrides", url_prefix="regulations/overrides"),
        EvidenceViewSet("regulations_evidence", url_prefix="regulations/evidence"),
        RetentionOverrideViewSet(
            "regulations_retention_overrides", url_prefix="regulations/retention-overrides"
        ),
    )


POLICIES = {
    Profile: OfficePolicy(Profile, admin_actions=("add", "change", "view"), top_only=True),
    Item: OfficePolicy(Item, admin_actions=("add", "change", "view"), top_only=True),
    ItemVersion: OfficePolicy(ItemVersion, admin_actions=("view",)),
    SchoolYearCalendar: OfficePolicy(SchoolYearCalendar, scope_field="authority__path"),
    DeclaredDay: OfficePolicy(DeclaredDay, scope_field="authority__path", shared_null=True),
    ProfileOverride: OfficePolicy(ProfileOverride, scope_field="authority__path"),
    PublicationEvidence: OfficePolicy(
        PublicationEvidence, admin_actions=("view",), scope_field="school__authority__path"
    ),
    RetentionOverride: OfficePolicy(
        RetentionOverride, admin_actions=("view",), scope_field="school__authority__path"
    ),
}
