"""What an office may import: rows of schools within its own subtree, checked like the command's
file (line and column errors) and again when the background import starts."""

from django.utils.translation import gettext as _

from .importing import ImportFileError, RowError, parse_rows, read_table
from .models import Authority, Membership, School

SESSION_KEY = "portal_school_import"
MAX_BYTES = 5 * 1024 * 1024


def admin_authorities(user):
    """Offices whose schools the user may import: the subtrees of their admin memberships."""
    if user.is_superuser:
        return Authority.objects.all()
    own = Authority.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ADMIN
    ).distinct()
    match = Authority.objects.none()
    for authority in own:
        match |= authority.subtree()
    return match


def own_authority(user, rows):
    """The office an import is filed under (whose admins may follow it): the user's own admin
    office, else (a superuser) the first row's."""
    membership = (
        Membership.objects.filter(user=user, role=Membership.Role.ADMIN, authority__isnull=False)
        .select_related("authority")
        .order_by("authority__path")
        .first()
    )
    if membership:
        return membership.authority
    return Authority.objects.get(code=rows[0][1].authority)


def scope_errors(rows, user):
    """A row for an office outside the user's subtree, or changing another office's school."""
    allowed = set(admin_authorities(user).values_list("code", flat=True))
    existing = dict(
        School.objects.filter(code__in=[d.code for _l, d in rows]).values_list(
            "code", "authority__code"
        )
    )
    errors = []
    for line, data in rows:
        if data.authority not in allowed:
            errors.append(
                RowError(
                    line,
                    "authority",
                    _("Đơn vị “%(code)s” không thuộc phạm vi quản lý của bạn.")
                    % {"code": data.authority},
                )
            )
        elif data.code in existing and existing[data.code] not in allowed:
            errors.append(
                RowError(
                    line,
                    "code",
                    _("Mã trường “%(code)s” đã thuộc đơn vị khác.") % {"code": data.code},
                )
            )
    return errors


def checked_rows(name, content, user):
    rows = parse_rows(read_table(name, content))
    errors = scope_errors(rows, user)
    if errors:
        raise ImportFileError(errors)
    return rows
