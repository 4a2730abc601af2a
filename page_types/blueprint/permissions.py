"""Who may do what with the blueprint.

The blueprint is one for the whole instance: changing it changes every school's structure and
audit. So only superusers and admins of a top-level office (parent-less authority, e.g. the
Sở or a stand-alone Phòng) edit it; admins of a subordinate office see it and roll it out to
their own schools; office auditors see it; school users get nothing (403)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from tenants.isolation.scope import scope_for_user
from tenants.models import Authority, Membership, School

EDIT_ACTIONS = frozenset({"add", "change", "delete", "view", "apply"})
CACHE_ATTR = "_portal_blueprint_actions"


def admin_authorities(user):
    """Authorities (with their subtrees) the user administers, from memberships and groups."""
    scope = scope_for_user(user)
    ids = [pk for pk, roles in scope.authority_roles.items() if Membership.Role.ADMIN in roles]
    return Authority.objects.filter(pk__in=ids)


def _actions(user):
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if user.is_superuser:
        return EDIT_ACTIONS
    cached = getattr(user, CACHE_ATTR, None)
    if cached is not None:
        return cached
    scope = scope_for_user(user)
    actions = set()
    offices = list(admin_authorities(user).values_list("parent_id", flat=True))
    if any(parent is None for parent in offices):
        actions |= EDIT_ACTIONS
    elif offices:
        actions |= {"view", "apply"}
    if any(Membership.Role.AUDITOR in roles for roles in scope.authority_roles.values()):
        actions.add("view")
    actions = frozenset(actions)
    setattr(user, CACHE_ATTR, actions)
    return actions


def schools_to_apply(user):
    """The schools a roll-out by this user reaches: every school for a superuser, else the
    schools of the offices they administer (not those they only audit)."""
    if user.is_superuser:
        return School.objects.all()
    query = Q(pk__in=[])
    for path in admin_authorities(user).values_list("path", flat=True):
        query |= Q(authority__path__startswith=path)
    return School.objects.filter(query)


class BlueprintPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in _actions(user)

    def user_has_any_permission(self, user, actions):
        return bool(_actions(user) & set(actions))

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.built_in:
            return False
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions)
        admin, auditor = Membership.Role.ADMIN, Membership.Role.AUDITOR
        office = Q(memberships__authority__isnull=False)
        query = Q(is_superuser=True)
        if actions & {"add", "change", "delete"}:
            query |= office & Q(memberships__role=admin, memberships__authority__parent=None)
        if actions & {"view", "apply"}:
            query |= office & Q(memberships__role=admin)
        if "view" in actions:
            query |= office & Q(memberships__role=auditor)
        return get_user_model().objects.filter(query, is_active=True).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.all()
