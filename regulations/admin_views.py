"""Admin screens of the regulations app (Wagtail ModelViewSets), for office staff only.

Who may do what: superusers and office admins edit; office auditors look. The catalogue
(profiles, items) is instance-wide, so only admins of a top-level office edit it. Calendars,
declared days and overrides belong to an office and are visible/editable within its subtree;
evidence and override records are read-only for everyone, scoped to the office's schools."""

from django import forms
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path
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
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from tenants.isolation.scope import scope_for_user
from tenants.models import Authority, Membership

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

ALL_ACTIONS = ("add", "change", "delete", "view")


def office_paths(user, roles):
    """[(authority path, parent id)] where the user holds one of roles (the user's Membership
    rows, read once per request with their scope)."""
    return [
        (row.authority_path, row.authority_parent_id)
        for row in scope_for_user(user).office_memberships
        if row.role in roles
    ]


class OfficePolicy(BasePermissionPolicy):
    """admin_actions for office admins (top-level offices only if top_only), "view" for office
    auditors; scope_field names the path of the owning authority for per-row scoping."""

    def __init__(
        self,
        model,
        admin_actions=ALL_ACTIONS,
        auditor_actions=("view",),
        top_only=False,
        scope_field=None,
        shared_null=False,
    ):
        super().__init__(model)
        self.admin_actions = set(admin_actions)
        self.auditor_actions = set(auditor_actions)
        self.top_only = top_only
        self.scope_field = scope_field
        self.shared_null = shared_null

    def _allowed(self, user):
        if not (user.is_active and user.is_authenticated):
            return set()
        if user.is_superuser:
            return self.admin_actions | {"view"}
        allowed = set()
        admin = office_paths(user, (Membership.Role.ADMIN,))
        if admin:
            if self.top_only and not any(parent is None for _path, parent in admin):
                allowed |= self.auditor_actions
            else:
                allowed |= self.admin_actions
        if office_paths(user, (Membership.Role.AUDITOR,)):
            allowed |= self.auditor_actions
        return allowed

    def user_has_permission(self, user, action):
        return action in self._allowed(user)

    def user_has_any_permission(self, user, actions):
        return bool(self._allowed(user) & set(actions))

    def users_with_any_permission(self, actions):
        roles = []
        if set(actions) & self.admin_actions:
            roles.append(Membership.Role.ADMIN)
        if set(actions) & self.auditor_actions:
            roles.append(Membership.Role.AUDITOR)
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(memberships__role__in=roles, memberships__authority__isnull=False)
            )
            .filter(is_active=True)
            .distinct()
        )

    def scope(self, user, queryset):
        if user.is_superuser or not self.scope_field:
            return queryset
        paths = [p for p, _parent in office_paths(user, Membership.AUTHORITY_ROLES)]
        query = Q(pk__in=[])
        for prefix in paths:
            query |= Q(**{f"{self.scope_field}__startswith": prefix})
        if self.shared_null:
            query |= Q(**{self.scope_field.replace("__path", "") + "__isnull": True})
        return queryset.filter(query)

    def editable_scope(self, user, queryset):
        """Rows the user may change: shared (office-less) rows only for top-level offices."""
        queryset = self.scope(user, queryset)
        if self.shared_null and not user.is_superuser:
            top = any(parent is None for _p, parent in office_paths(user, (Membership.Role.ADMIN,)))
            if not top:
                queryset = queryset.exclude(
                    **{self.scope_field.replace("__path", "") + "__isnull": True}
                )
        return queryset

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(user, self.model._default_manager.all())

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scope(user, self.model._default_manager.filter(pk=instance.pk)).exists()
        )


# Views scoped to the user's offices ----------------------------------------------------------


class ScopedMixin:
    def scoped(self, queryset):
        return self.permission_policy.scope(self.request.user, queryset)


class ScopedIndexView(ScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped(super().get_base_queryset())


class ScopedObjectMixin(ScopedMixin):
    """The object named in the URL must be in the user's scope. Only the object lookup is
    scoped: history and usage views list log entries and references in get_queryset()."""

    def get_base_object_queryset(self):
        return self.scoped(super().get_base_object_queryset())


class ScopedFormObjectMixin(ScopedObjectMixin):
    def get_queryset(self):
        return self.scoped(self.model._default_manager.all())


class EditableObjectMixin(ScopedFormObjectMixin):
    def get_queryset(self):
        return self.permission_policy.editable_scope(
            self.request.user, self.model._default_manager.all()
        )


class ScopedEditView(EditableObjectMixin, generic.EditView):
    def save_instance(self):
        # Item versions remember who changed the item.
        self.form.instance._changed_by = self.request.user
        return super().save_instance()


class ScopedCreateView(ScopedMixin, generic.CreateView):
    def save_instance(self):
        self.form.instance._changed_by = self.request.user
        return super().save_instance()


class ScopedDeleteView(EditableObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            self.scoped(self.model._default_manager.all()), pk=unquote(str(self.pk))
        )


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    add_to_admin_menu = False


class ReadOnlyViewSet(ScopedViewSet):
    """Index and inspect only: no add, edit, delete, history or usage URL exists at all."""

    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "history_url_name",
            "usage_url_name",
        ):
            view_kwargs[name] = None
        return view_kwargs


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
