"""Who may manage whom.

- A school's approver (Ban giám hiệu) manages the editors of that school.
- An office admin manages editors and approvers of every school in the office's subtree, and
  auditors and admins of the offices in that subtree.
- Nobody else manages anyone; nobody manages themselves or a superuser; a user who also holds a
  role elsewhere (outside the manager's reach) cannot be changed by that manager."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

from ..isolation.scope import scope_for_user
from ..models import Authority, Membership, School

Role = Membership.Role


@dataclass
class ManagerScope:
    unrestricted: bool = False
    # school_id -> roles this manager may give there; authority_id -> roles likewise
    school_roles: dict = field(default_factory=dict)
    authority_roles: dict = field(default_factory=dict)

    @property
    def can_manage(self):
        return self.unrestricted or bool(self.school_roles or self.authority_roles)

    @property
    def can_manage_schools(self):
        return self.unrestricted or bool(self.authority_roles)

    def schools(self):
        if self.unrestricted:
            return School.objects.all()
        return School.objects.filter(pk__in=self.school_roles)

    def managed_schools(self):
        """Schools whose details this manager edits: those of their office subtree."""
        if self.unrestricted:
            return School.objects.all()
        if not self.authority_roles:
            return School.objects.none()
        return School.objects.filter(
            pk__in=[pk for pk, roles in self.school_roles.items() if Role.APPROVER in roles]
        )

    def authorities(self):
        if self.unrestricted:
            return Authority.objects.all()
        return Authority.objects.filter(pk__in=self.authority_roles)

    def grantable(self, school=None, authority=None):
        if self.unrestricted:
            return set(Membership.SCHOOL_ROLES if school else Membership.AUTHORITY_ROLES)
        if school is not None:
            return self.school_roles.get(school.pk, set())
        return self.authority_roles.get(authority.pk, set())

    def members(self):
        """Users with a role somewhere in this manager's reach (listed, not all changeable)."""
        User = get_user_model()
        if self.unrestricted:
            return User.objects.filter(memberships__isnull=False).distinct()
        return User.objects.filter(
            Q(memberships__school__in=list(self.school_roles))
            | Q(memberships__authority__in=list(self.authority_roles))
        ).distinct()


def manager_scope(user):
    """Whom the user manages, derived once per request from their scope's Membership rows."""
    if not user.is_authenticated:
        return ManagerScope()
    scope = scope_for_user(user)
    return scope.derived("members.manager_scope", lambda: _compute(user, scope))


def _compute(user, scope):
    if not user.is_active:
        return ManagerScope()
    if user.is_superuser:
        return ManagerScope(unrestricted=True)
    school_roles, authority_roles = {}, {}
    for membership in scope.memberships:
        if membership.role == Role.APPROVER and membership.school_id:
            school_roles.setdefault(membership.school_id, set()).add(Role.EDITOR)
        if membership.role == Role.ADMIN and membership.authority_id:
            path = membership.authority_path
            # Authority.schools_in_subtree() and Authority.subtree(), from the row's path.
            for school_id in School.objects.filter(authority__path__startswith=path).values_list(
                "pk", flat=True
            ):
                school_roles.setdefault(school_id, set()).update(Membership.SCHOOL_ROLES)
            for authority_id in Authority.objects.filter(path__startswith=path).values_list(
                "pk", flat=True
            ):
                authority_roles.setdefault(authority_id, set()).update(Membership.AUTHORITY_ROLES)
    return ManagerScope(school_roles=school_roles, authority_roles=authority_roles)


def role_groups(membership):
    if membership.school_id:
        school = membership.school
        return {Role.EDITOR: school.editors_group_id, Role.APPROVER: school.approvers_group_id}[
            membership.role
        ]
    authority = membership.authority
    return {Role.AUDITOR: authority.auditors_group_id, Role.ADMIN: authority.admins_group_id}[
        membership.role
    ]


def can_manage_user(scope, manager, target):
    """True when every role the target holds is one this manager may give, in a place this
    manager reaches, and the target has no permission from anywhere else."""
    if target.pk == manager.pk or target.is_superuser:
        return False
    if scope.unrestricted:
        return True
    memberships = list(Membership.objects.filter(user=target).select_related("school", "authority"))
    if not memberships:
        return False
    allowed_groups = set()
    for membership in memberships:
        if membership.school_id:
            allowed = scope.school_roles.get(membership.school_id, set())
        else:
            allowed = scope.authority_roles.get(membership.authority_id, set())
        if membership.role not in allowed:
            return False
        allowed_groups.add(role_groups(membership))
    if target.user_permissions.exists():
        return False
    return set(target.groups.values_list("pk", flat=True)) <= allowed_groups
