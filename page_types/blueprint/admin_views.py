"""The blueprint in the admin (/admin/blueprint/): list, add, edit and delete sections (the
rows), and the viewset that mounts them with the actions of admin_actions.py. Permissions:
permissions.py."""

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, F, IntegerField, When
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ..models import BlueprintSection, MandatedSection
from .admin_actions import BlueprintApplyView, BlueprintChangesView, BlueprintOwnView
from .admin_owner import (
    EDIT_LOG_ACTION,
    Forbidden403Mixin,
    chosen_owner,
    owner_label,
    owner_query,
)
from .forms import BlueprintSectionForm, describe_changes
from .ownership import schools_following
from .permissions import access_for, authorities_to_refine
from .store import owners_with_own_blueprint


def _stamp_owner(row, action):
    """Note the row's owner on the log entry Wagtail just wrote, so the change log shows
    each office only the changes to blueprints it may see (deleted rows included)."""
    if row.owner_id is None:
        return
    entry = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(BlueprintSection),
            object_id=str(row.pk),
            action=action,
        )
        .order_by("-pk")
        .first()
    )
    if entry is not None:
        entry.data = {**(entry.data or {}), "owner": row.owner_id}
        entry.save(update_fields=["data"])


def _levels_text(row):
    labels = {"required": _("bắt buộc"), "optional": _("tùy chọn"), "none": _("không có")}
    parts = [f"{level}: {labels[use]}" for level, use in row.level_uses().items()]
    text = ", ".join(parts)
    if row.meals_only:
        text += " " + _("(tùy chọn: chỉ trường bán trú)")
    return text


def _cadence_text(row):
    if row.cadence_days is None:
        return _("Khi cần")
    return _("%(days)s ngày") % {"days": row.cadence_days}


class OwnedRowMixin:
    """Edit, delete, history and usage screens of one row: the row's owner decides."""

    row_action = "change"

    def check_access(self, request, **kwargs):
        # In dispatch (a refusal there is a 403): some views load their row in setup().
        pk = str(kwargs.get("pk", ""))
        row = BlueprintSection.objects.filter(pk=pk).first() if pk.isdigit() else None
        if row is not None and not self.permission_policy.user_has_permission_for_instance(
            request.user, self.row_action, row
        ):
            raise PermissionDenied

    def get_success_url(self):
        return reverse("page_types_blueprint:index") + owner_query(self.object.owner_id)


class BlueprintIndexView(Forbidden403Mixin, generic.IndexView):
    paginate_by = 200

    def check_access(self, request, **kwargs):
        self.access = access_for(request.user)
        self.owner = chosen_owner(request, self.access)

    def user_has_permission(self, permission):
        if permission in ("add", "change", "delete"):
            return self.access.can_edit(self.owner)
        return super().user_has_permission(permission)

    def get_page_subtitle(self):
        return owner_label(self.owner)

    def get_add_url(self):
        url = super().get_add_url()
        return url and url + owner_query(self.owner)

    def get_index_results_url(self):
        return super().get_index_results_url() + owner_query(self.owner)

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(owner_id=self.owner)
            .select_related("parent")
            .annotate(
                _group_order=Coalesce(F("parent__sort_order"), F("sort_order")),
                _group=Coalesce(F("parent_id"), F("id")),
                _is_child=Case(
                    When(parent__isnull=True, then=0), default=1, output_field=IntegerField()
                ),
            )
        )

    def order_queryset(self, queryset):
        # The tree's order, whatever column was clicked: parents, each followed by its children.
        return queryset.order_by("_group_order", "_group", "_is_child", "sort_order", "pk")

    def get_delete_url(self, instance):
        if instance.built_in:
            return None
        return super().get_delete_url(instance)

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.access.can_apply:
            buttons.append(
                HeaderButton(
                    _("Áp dụng cho các trường hiện có"),
                    url=reverse("page_types_blueprint:apply"),
                    icon_name="resubmit",
                )
            )
        buttons.append(
            HeaderButton(
                _("Lịch sử thay đổi"),
                url=reverse("page_types_blueprint:changes"),
                icon_name="history",
            )
        )
        index = reverse("page_types_blueprint:index")
        others = [None, *sorted(owners_with_own_blueprint())]
        for owner in others:
            if owner != self.owner and self.access.can_view(owner):
                buttons.append(
                    HeaderButton(
                        _("Xem: %(label)s") % {"label": owner_label(owner)},
                        url=index + owner_query(owner),
                        icon_name="view",
                    )
                )
        if self.access.superuser or self.access.administered:
            for authority in authorities_to_refine(self.request.user)[:5]:
                buttons.append(
                    HeaderButton(
                        _("Tạo cấu trúc riêng cho %(authority)s") % {"authority": authority},
                        url=reverse("page_types_blueprint:own", args=[authority.pk]),
                        icon_name="copy",
                    )
                )
        return buttons


class BlueprintCreateView(Forbidden403Mixin, generic.CreateView):
    def check_access(self, request, **kwargs):
        self.access = access_for(request.user)
        self.owner = chosen_owner(request, self.access)
        if not self.access.can_edit(self.owner):
            raise PermissionDenied

    def get_initial_form_instance(self):
        return BlueprintSection(owner_id=self.owner)

    def get_add_url(self):
        return super().get_add_url() + owner_query(self.owner)

    def get_success_url(self):
        return reverse("page_types_blueprint:index") + owner_query(self.owner)

    def save_instance(self):
        instance = super().save_instance()
        _stamp_owner(instance, "wagtail.create")
        return instance


class BlueprintEditView(OwnedRowMixin, Forbidden403Mixin, generic.EditView):
    def save_instance(self):
        # Logged here rather than by the edit action: the entry says what changed, from what to
        # what, which Wagtail's plain "edited" entry does not.
        changes = describe_changes(self.form)
        instance = self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        if changes:
            data = {"changes": changes}
            if instance.owner_id is not None:
                data["owner"] = instance.owner_id
            log(instance, EDIT_LOG_ACTION, user=self.request.user, data=data)
        return instance


class BlueprintDeleteView(OwnedRowMixin, Forbidden403Mixin, generic.DeleteView):
    row_action = "change"  # built-in rows: refused with a reason below, not a bare 403

    def _refusal(self):
        row = self.object
        if row.built_in:
            return _(
                "Mục “%(title)s” có sẵn trong cấu trúc chuẩn nên không xóa được; có thể đổi "
                "các cấp học thành “Tùy chọn”."
            ) % {"title": row.title}
        if row.children.exists():
            return _("Mục “%(title)s” đang có mục con; hãy xóa các mục con trước.") % {
                "title": row.title
            }
        return None

    def _refuse(self, refusal):
        messages.error(self.request, refusal)
        return redirect(self.edit_url_name, quote(self.object.pk))

    def get(self, request, *args, **kwargs):
        # Runs after the permission check in dispatch.
        if refusal := self._refusal():
            return self._refuse(refusal)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if refusal := self._refusal():
            return self._refuse(refusal)
        return super().post(request, *args, **kwargs)

    @property
    def confirmation_message(self):
        return _(
            "Xóa mục “%(title)s” khỏi cấu trúc chuẩn? Trường mới sẽ không có mục này. Các "
            "trang đã tạo ở các trường hiện có vẫn giữ nguyên (không bị xóa); trường có thể tự "
            "xóa nếu không dùng."
        ) % {"title": self.object.title}

    def delete_action(self):
        row = self.object
        with transaction.atomic():
            # The schools' pages stay; they just stop being mandated (protected) sections.
            # Only the schools that follow this blueprint: others' sections are theirs.
            MandatedSection.objects.filter(
                school__in=schools_following(row.owner_id), key=row.key
            ).delete()
            pk = row.pk
            super().delete_action()
            row.pk = pk
            _stamp_owner(row, "wagtail.delete")


class BlueprintUsageView(OwnedRowMixin, Forbidden403Mixin, usage.UsageView):
    row_action = "view"


class BlueprintHistoryView(OwnedRowMixin, Forbidden403Mixin, history.HistoryView):
    # Auditors look at the blueprint; they may read its history too.
    any_permission_required = ["add", "change", "delete", "view"]
    row_action = "view"


class BlueprintViewSet(ModelViewSet):
    model = BlueprintSection
    icon = "list-ul"
    menu_label = gettext_lazy("Cấu trúc trang trường")
    menu_name = "cau-truc-trang-truong"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False  # the listing shows everything; auditors read it there
    sort_order_field = None
    index_view_class = BlueprintIndexView
    add_view_class = BlueprintCreateView
    edit_view_class = BlueprintEditView
    delete_view_class = BlueprintDeleteView
    history_view_class = BlueprintHistoryView
    usage_view_class = BlueprintUsageView
    list_display = [
        "tree_title",
        Column("key", label=gettext_lazy("Đường dẫn")),
        Column("page_type", label=gettext_lazy("Loại trang"), accessor="get_page_type_display"),
        Column("levels", label=gettext_lazy("Cấp học"), accessor=_levels_text),
        Column("cadence", label=gettext_lazy("Chu kỳ cập nhật"), accessor=_cadence_text),
        Column(
            "built_in",
            label=gettext_lazy("Nguồn"),
            accessor=lambda row: _("Có sẵn") if row.built_in else _("Phòng/Sở bổ sung"),
        ),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("parent"),
                    FieldPanel("slug"),
                    FieldPanel("page_type"),
                    FieldPanel("sort_order"),
                ],
                heading=gettext_lazy("Mục"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("for_mn"), FieldPanel("for_th"), FieldPanel("for_thcs")]
                    ),
                    FieldPanel("meals_only"),
                ],
                heading=gettext_lazy("Cấp học"),
            ),
            MultiFieldPanel(
                [FieldPanel("cadence_days"), FieldPanel("expects_items")],
                heading=gettext_lazy("Kiểm tra cập nhật"),
            ),
        ],
        base_form_class=BlueprintSectionForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("apply/", BlueprintApplyView.as_view(), name="apply"),
            path("changes/", BlueprintChangesView.as_view(), name="changes"),
            path("own/<int:pk>/", BlueprintOwnView.as_view(), name="own"),
        ]
