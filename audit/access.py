"""Who sees what in the audit. Office auditors and admins see the schools of their authority's
subtree; a school's editors and approvers see their own school only; nobody sees another office's schools."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy

from tenants import admin_refusal
from tenants.models import Authority, Membership, School

OFFICE_ROLES = (Membership.Role.AUDITOR, Membership.Role.ADMIN)


def _office_memberships(user):
    """[(role, authority path, parent id)] of the user's office roles, read once per request
    (the menu, the sidebar and the view all ask)."""
    cached = getattr(user, "_audit_office_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, role__in=OFFICE_ROLES, authority__isnull=False)
            .values_list("role", "authority__path", "authority__parent_id")
            .order_by("authority__path")
        )
        user._audit_office_memberships = cached
    return cached


def office_paths(user):
    if not user.is_authenticated:
        return []
    return sorted({path for _role, path, _parent in _office_memberships(user)})


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
