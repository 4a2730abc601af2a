"""Who may do what with the blueprints.

A blueprint belongs to an owner (ownership.py): the instance default, owned by nobody, which
only superusers edit, or an authority's own version, which that authority's admins edit
(office admins whose membership covers it: the authority's own admins and those of the offices
above it). An admin may create an own version for any authority they cover that has none (a
copy of the one it follows, to refine). Office staff see the default and the versions on their
lineage (what they inherit) and in their subtree, never another office's; auditors only look;
school users get nothing (403). Roll-outs reach the schools of the offices a user administers."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from tenants.isolation.scope import scope_for_user
from tenants.models import Authority, Membership, School, authority_lineages


@dataclass(frozen=True)
class BlueprintAccess:
    superuser: bool = False
    administered: frozenset = frozenset()  # authority ids the user's admin roles cover
    visible: frozenset = frozenset()  # authority ids whose versions the user may see
    office: bool = False  # holds any office role (sees the instance default)
    # The authority whose blueprint the user looks at first: their topmost office.
    home: int | None = None

    def can_view(self, owner):
        return self.superuser or (self.office and (owner is None or owner in self.visible))

    def can_edit(self, owner):
        return self.superuser or (owner is not None and owner in self.administered)

    @property
    def can_apply(self):
        return self.superuser or bool(self.administered)


def access_for(user):
    if not (user.is_authenticated and user.is_active):
        return BlueprintAccess()
    if user.is_superuser:
        return BlueprintAccess(superuser=True, office=True)
    scope = scope_for_user(user)
    return scope.derived("blueprint.access", lambda: _compute_access(scope))


def _compute_access(scope):
    """The blueprint rights of a restricted user, from their scope's office roles."""
    roles = scope.authority_roles
    admin_of = {pk for pk, held in roles.items() if Membership.Role.ADMIN in held}
    lineages = authority_lineages() if roles else {}
    administered, visible = set(), set()
    for pk, lineage in lineages.items():
        # Covered: the authority or one above it holds the role (its subtree).
        if admin_of.intersection(lineage):
            administered.add(pk)
        if set(roles).intersection(lineage):
            visible.add(pk)
    for pk in roles:
        visible.update(lineages.get(pk, ()))  # what they inherit
    home = None
    if roles:
        home = min(roles, key=lambda pk: (len(lineages.get(pk, ())), pk))
    return BlueprintAccess(
        administered=frozenset(administered),
        visible=frozenset(visible),
        office=bool(roles),
        home=home,
    )


def schools_to_apply(user):
    """The schools a roll-out by this user reaches: every school for a superuser, else the
    schools of the offices they administer (not those they only audit)."""
    access = access_for(user)
    if access.superuser:
        return School.objects.all()
    return School.objects.filter(authority_id__in=sorted(access.administered))


def authorities_to_refine(user):
    """Authorities the user may give an own version of the blueprint (those they administer
    that follow another's), nearest to the top first."""
    from .store import owners_with_own_blueprint

    access = access_for(user)
    query = Authority.objects.exclude(pk__in=owners_with_own_blueprint())
    if not access.superuser:
        query = query.filter(pk__in=sorted(access.administered))
    return query.order_by("path")


class BlueprintPolicy(BasePermissionPolicy):
    """Model-level answers say whether a user may do an action on some blueprint; the views
    ask `user_has_permission_for_instance` (or `access_for(user).can_edit(owner)`) for the
    blueprint at hand."""

    def _actions(self, user):
        access = access_for(user)
        actions = set()
        if access.can_view(None) or access.visible:
            actions.add("view")
        if access.superuser or access.administered:
            actions |= {"add", "change", "delete", "apply"}
        return actions

    def user_has_permission(self, user, action):
        return action in self._actions(user)

    def user_has_any_permission(self, user, actions):
        return bool(self._actions(user) & set(actions))

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.built_in:
            return False
        access = access_for(user)
        if action == "view":
            return access.can_view(instance.owner_id)
        return access.can_edit(instance.owner_id) and action in self._actions(user)

    def users_with_any_permission(self, actions):
        actions = set(actions)
        admin, auditor = Membership.Role.ADMIN, Membership.Role.AUDITOR
        office = Q(memberships__authority__isnull=False)
        query = Q(is_superuser=True)
        if actions & {"add", "change", "delete", "view", "apply"}:
            query |= office & Q(memberships__role=admin)
        if "view" in actions:
            query |= office & Q(memberships__role=auditor)
        return get_user_model().objects.filter(query, is_active=True).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        access = access_for(user)
        rows = self.model._default_manager.all()
        if access.superuser:
            return rows
        if not access.office:
            return rows.none()
        actions = set(actions)
        if "view" in actions:
            owners = access.visible
            return rows.filter(Q(owner__isnull=True) | Q(owner_id__in=sorted(owners)))
        return rows.filter(owner_id__in=sorted(access.administered))
