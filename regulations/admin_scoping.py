"""What every regulations admin screen shares: who may do what (the office policy: superusers and
office admins edit, auditors look; the catalogue only by a top-level office's admins), and views
and viewsets that show each office only its own subtree's rows."""

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from tenants.isolation.scope import scope_for_user
from tenants.models import Membership

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
