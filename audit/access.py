"""Who sees what in the audit. Office auditors and admins see the schools of their authority's
subtree; a school's editors and approvers see their own school only; nobody sees another office's schools."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy

from tenants import admin_refusal
from tenants.isolation.scope import scope_for_user
from tenants.models import Authority, Membership, School

OFFICE_ROLES = (Membership.Role.AUDITOR, Membership.Role.ADMIN)


def office_paths(user):
    """Paths of the authorities where the user holds an office role (Membership rows, read
    once per request with the user's scope: the menu, the sidebar and the view all ask)."""
    if not user.is_authenticated:
        return []
    scope = scope_for_user(user)
    paths = scope.derived(
        "audit.office_paths",
        lambda: sorted(
            {row.authority_path for row in scope.office_memberships if row.role in OFFICE_ROLES}
        ),
    )
    return list(paths)


def is_office_user(user):
    return user.is_authenticated and (user.is_superuser or bool(office_paths(user)))


def office_schools(user):
    """Schools an office user supervises (every school for a superuser)."""
    if not user.is_authenticated:
        return School.objects.none()
    if user.is_superuser:
        return School.objects.all()
    paths = office_paths(user)
    if not paths:
        return School.objects.none()
    match = Q()
    for path in paths:
        match |= Q(authority__path__startswith=path)
    return School.objects.filter(match)


def visible_authorities(user):
    """Authorities whose schools the user may filter by (their subtrees)."""
    if user.is_superuser:
        return Authority.objects.all()
    match = Q()
    paths = office_paths(user)
    if not paths:
        return Authority.objects.none()
    for path in paths:
        match |= Q(path__startswith=path)
    return Authority.objects.filter(match)


def approver_schools(user):
    if not user.is_authenticated:
        return School.objects.none()
    return School.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.APPROVER
    ).distinct()


def member_schools(user):
    """Schools where the user is an editor or approver (they answer corrective requests)."""
    if not user.is_authenticated:
        return School.objects.none()
    return School.objects.filter(
        memberships__user=user, memberships__role__in=Membership.SCHOOL_ROLES
    ).distinct()


def can_view_school(user, school):
    # A school's editors see their own school's score and breakdown as its approvers do: the
    # people who write the posts see what the office sees of them.
    if not user.is_authenticated:
        return False
    if office_schools(user).filter(pk=school.pk).exists():
        return True
    return member_schools(user).filter(pk=school.pk).exists()


def school_or_403(user, pk):
    school = School.objects.select_related("authority").filter(pk=pk).first()
    # The same answer for "no such school" and "not yours": codes are not secrets, but a school
    # user must learn nothing about other schools.
    if school is None or not can_view_school(user, school):
        raise PermissionDenied
    return school


def can_see_audit(user):
    return is_office_user(user) or member_schools(user).exists()


def can_inspect(user):
    return is_office_user(user)


class Forbidden403Mixin(admin_refusal.Forbidden403Mixin):
    forbidden_message = gettext_lazy(
        "Bạn không có quyền xem trang này. Mỗi người dùng chỉ xem được số liệu của trường hoặc "
        "đơn vị mình phụ trách."
    )
