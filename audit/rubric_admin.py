"""The rubric in the admin: every office user and school approver can read it; the top office's
admins edit it, and each edit is saved as a new version (none is ever changed or deleted)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from tenants.models import Membership

from . import access
from .models import Rubric

TUNABLE_FIELDS = [
    "note",
    "posts_target",
    *Rubric.POINT_FIELDS,
    "penalty_per_flag",
    "penalty_max",
    "regularity_window_weeks",
    "regularity_full_weeks",
    "recency_full_days",
    "recency_mid_days",
    "recency_mid_points",
    "recency_low_days",
    "recency_low_points",
    "thin_min_words",
    "thin_max_images",
    "duplicate_similarity",
    "burst_posts",
    "burst_hours",
    "burst_quiet_days",
    "backdated_days",
    "band_excellent",
    "band_good",
    "band_fair",
    "band_average",
]


class RubricPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("view", "inspect"):
            return access.can_see_audit(user)
        if action == "change":
            return access.can_edit_rubric(user)
        return False  # versions are evidence: never added from scratch nor deleted

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not {"view", "inspect", "change"} & set(actions):
            return users.none()
        if "view" in actions or "inspect" in actions:
            match = Q(is_superuser=True) | Q(
                memberships__role__in=[*access.OFFICE_ROLES, Membership.Role.APPROVER]
            )
        else:
            match = Q(is_superuser=True) | Q(
                memberships__role=Membership.Role.ADMIN, memberships__authority__parent=None
            )
        return users.filter(match).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class NewVersionEditView(EditView):
    """Saving the form stores a new version built from the edited values."""

    page_title = _("Tạo phiên bản mới")
    submit_button_label = _("Lưu thành phiên bản mới")
    success_message = _("Đã lưu %(object)s.")

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.pk = None
        instance._state.adding = True
        instance.version = None
        instance.created_by = self.request.user
        instance.save()
        return instance


class RubricViewSet(ModelViewSet):
    model = Rubric
    icon = "tasks"
    name = "audit_rubric"
    url_prefix = "audit/rubric"
    menu_label = _("Bộ tiêu chí chấm điểm")
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = NewVersionEditView
    form_fields = TUNABLE_FIELDS
    list_display = ["__str__", "note", "posts_target", "created_at", "created_by"]
    list_filter = []
    inspect_view_fields = ["code", "version", "created_at", "created_by", *TUNABLE_FIELDS]
