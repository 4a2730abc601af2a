"""Who sees which directives and which schools' answers, from the user's tenant scope
(tenants/isolation/scope.py): an office sees the directives its subtree issued or received
and only its own schools' rows; a school sees the directives sent to it and its own row."""

from django.db.models import Q

from tenants.isolation.scope import scope_for_user
from tenants.models import Membership

from .models import Directive, Target

ISSUER_ROLES = (Membership.Role.ADMIN, Membership.Role.AUDITOR)


def issuing_authorities(user):
    """Offices the user may issue directives for: those where they are office admin or
    auditor (each with its subtree)."""
    from tenants.models import Authority

    if user.is_superuser:
        return Authority.objects.all()
    scope = scope_for_user(user)
    held = [pk for pk, roles in scope.authority_roles.items() if set(roles) & set(ISSUER_ROLES)]
    if not held:
        return Authority.objects.none()
    return Authority.objects.filter(pk__in=sorted(scope.authority_ids))


def is_office_user(user):
    return user.is_authenticated and (
        user.is_superuser or bool(scope_for_user(user).authority_roles)
    )


def visible_targets(user):
    scope = scope_for_user(user)
    if scope.unrestricted:
        return Target.objects.all()
    return Target.objects.filter(school_id__in=sorted(scope.school_ids))


def visible_directives(user):
    scope = scope_for_user(user)
    if scope.unrestricted:
        return Directive.objects.all()
    return Directive.objects.filter(
        Q(authority_id__in=sorted(scope.authority_ids))
        | Q(pk__in=visible_targets(user).values("directive"))
    ).distinct()


def member_school_ids(user, roles=None):
    """Schools the user is a member of (optionally with one of `roles`)."""
    scope = scope_for_user(user)
    return sorted(
        pk for pk, held in scope.school_roles.items() if roles is None or set(held) & set(roles)
    )
