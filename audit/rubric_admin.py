"""The rubrics in the admin. A rubric belongs to an owner (rubric_choice.py): the instance
default, which only superusers edit, or an authority's own, which the admins covering that
authority edit (the blueprint's rule: page_types.blueprint.permissions.access_for). Office users
read the default and the rubrics on their lineage and in their subtree, a school's approvers
those their school may be scored with; nobody sees another office's. Each edit is saved as a
new version (none is ever changed or deleted); an admin may give an authority they cover its
own rubric, starting as a copy of the one it follows."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy

from page_types.blueprint.permissions import access_for
from tenants.models import Authority, Membership, authority_lineages

from . import access, rubric_choice
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


def visible_owners(user):
    """Owners (authority ids) of the rubrics a user may read besides the default; None for
    a superuser (all)."""
    if user.is_superuser:
        return None
    owners = set(access_for(user).visible)
    lineages = authority_lineages()
    for authority_id in access.member_schools(user).values_list("authority_id", flat=True):
        owners.update(lineages.get(authority_id, ()))
    return owners


def can_read(user, rubric):
    if not access.can_see_audit(user):
        return False
    owners = visible_owners(user)
    return owners is None or rubric.owner_id is None or rubric.owner_id in owners


class RubricPermissionPolicy(BasePermissionPolicy):
    """Model-level answers: may the user do this to some rubric; `..._for_instance`: to this
    one (its owner decides)."""

    def user_has_permission(self, user, action):
        if action in ("view", "inspect"):
            return access.can_see_audit(user)
        if action == "change":
            rules = access_for(user)
            return rules.superuser or bool(rules.administered)
        return False  # versions are evidence: never added from scratch nor deleted

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("view", "inspect"):
            return can_read(user, instance)
        if action == "change":
            return access_for(user).can_edit(instance.owner_id)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        rubrics = Rubric.objects.all()
        if not self.user_has_any_permission(user, actions):
            return rubrics.none()
        owners = visible_owners(user)
        if owners is None:
            return rubrics
        return rubrics.filter(Q(owner__isnull=True) | Q(owner_id__in=sorted(owners)))

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
                memberships__role=Membership.Role.ADMIN, memberships__authority__isnull=False
            )
        return users.filter(match).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class OwnedRubricMixin:
    """A screen of one version: its owner decides (a refusal is a 403)."""

    row_action = "view"

    def check_access(self, request, **kwargs):
        pk = str(kwargs.get("pk", ""))
        rubric = Rubric.objects.filter(pk=pk).first() if pk.isdigit() else None
        policy = RubricPermissionPolicy(Rubric)
        if rubric is not None and not policy.user_has_permission_for_instance(
            request.user, self.row_action, rubric
        ):
            raise PermissionDenied


class RubricIndexView(access.Forbidden403Mixin, IndexView):
    def get_base_queryset(self):
        policy = RubricPermissionPolicy(Rubric)
        return policy.instances_user_has_any_permission_for(self.request.user, ["view"])

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        rules = access_for(self.request.user)
        if rules.superuser or rules.administered:
            owned = set(Rubric.objects.exclude(owner=None).values_list("owner_id", flat=True))
            candidates = Authority.objects.exclude(pk__in=owned).order_by("path")
            if not rules.superuser:
                candidates = candidates.filter(pk__in=sorted(rules.administered))
            for authority in candidates[:5]:
                buttons.append(
                    HeaderButton(
                        gettext("Tạo bộ tiêu chí riêng cho %(authority)s")
                        % {"authority": authority},
                        url=reverse("audit_rubric:own", args=[authority.pk]),
                        icon_name="copy",
                    )
                )
        return buttons


class RubricInspectView(OwnedRubricMixin, access.Forbidden403Mixin, InspectView):
    pass


class OwnRubricView(access.Forbidden403Mixin, View):
    """Give an authority its own rubric (POST; the listing offers the button)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        authority = get_object_or_404(Authority, pk=pk)
        if not access_for(request.user).can_edit(authority.pk):
            raise PermissionDenied
        try:
            rubric = rubric_choice.create_own_rubric(authority, user=request.user)
        except rubric_choice.AlreadyOwned:
            messages.error(
                request,
                gettext("%(authority)s đã có bộ tiêu chí riêng.") % {"authority": authority},
            )
            return redirect("audit_rubric:index")
        messages.success(
            request,
            gettext(
                "Đã tạo %(rubric)s cho %(authority)s; các trường của đơn vị được chấm theo bộ này."
            )
            % {"rubric": rubric, "authority": authority},
        )
        return redirect("audit_rubric:edit", rubric.pk)


class NewVersionEditView(OwnedRubricMixin, access.Forbidden403Mixin, EditView):
    """Saving the form stores a new version built from the edited values (same owner)."""

    row_action = "change"

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
    index_view_class = RubricIndexView
    edit_view_class = NewVersionEditView
    inspect_view_class = RubricInspectView
    form_fields = TUNABLE_FIELDS
    list_display = ["__str__", "note", "posts_target", "created_at", "created_by"]
    list_filter = []
    inspect_view_fields = ["code", "version", "created_at", "created_by", *TUNABLE_FIELDS]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("own/<int:pk>/", OwnRubricView.as_view(), name="own"),
        ]
