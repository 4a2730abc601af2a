"""retain_years(N): a published disclosure item stays online N years from its first publication.
Deleting or unpublishing it earlier is refused; an office admin may override with a reason,
which is recorded (RetentionOverride) and logged on the page (PageLogEntry)."""

import datetime
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Min, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from page_types.models import DisclosureItemPage, DisclosureYearPage
from tenants.log_actions import PUBLISH_ACTIONS
from tenants.models import Membership, School

from . import rules
from .models import Item, RetentionOverride

OVERRIDE_ACTION = "regulations.retention_override"
GRANT_SESSION_KEY = "regulations_retention_grants"
GRANT_SECONDS = 15 * 60


@dataclass
class Retained:
    page: DisclosureItemPage
    first_published: datetime.datetime
    until: datetime.date
    profile_name: str
    years: int


def _retention_rules(pages):
    """{page id: (Rule, profile name)} for disclosure item pages: the item's rule by code, else
    the strongest rule of the profile its school-year page follows."""
    codes = {p.item_code for p in pages if p.item_code}
    by_code = {}
    by_profile = {}
    for item in Item.objects.filter(Q(code__in=codes) | ~Q(retention_rule="")).select_related(
        "profile"
    ):
        rule = rules.parse_or_none(item.retention_rule)
        by_code[item.code] = (rule, item.profile.short_name)
        if rule:
            current = by_profile.get(item.profile.code)
            if current is None or rule.arg > current[0].arg:
                by_profile[item.profile.code] = (rule, item.profile.short_name)
    parent_paths = {p.path[: -Page.steplen] for p in pages}
    profile_of_parent = dict(
        DisclosureYearPage.objects.filter(path__in=parent_paths).values_list("path", "profile_code")
    )
    out = {}
    for page in pages:
        rule, name = by_code.get(page.item_code, (None, ""))
        if rule is None and page.item_code not in by_code:
            rule, name = by_profile.get(
                profile_of_parent.get(page.path[: -Page.steplen], ""), (None, "")
            )
        if rule is not None:
            out[page.pk] = (rule, name)
    return out


def retained_pages(pages, today=None):
    """The live disclosure items among pages and their descendants still inside retention."""
    today = today or timezone.localdate()
    query = Q()
    for page in pages:
        query |= Q(path__startswith=page.path)
    if not query:
        return []
    items = list(DisclosureItemPage.objects.filter(query, live=True))
    if not items:
        return []
    retention = _retention_rules(items)
    firsts = dict(
        PageLogEntry.objects.filter(
            page_id__in=[p.pk for p in items if p.pk in retention], action__in=PUBLISH_ACTIONS
        )
        .order_by()
        .values("page_id")
        .annotate(first=Min("timestamp"))
        .values_list("page_id", "first")
    )
    out = []
    for page in items:
        if page.pk not in retention:
            continue
        rule, profile_name = retention[page.pk]
        first = firsts.get(page.pk) or page.first_published_at
        if first is None:
            continue
        until = rules.retention_end(rule, timezone.localtime(first).date())
        if today <= until:
            out.append(Retained(page, first, until, profile_name, rule.arg))
    return out


def refusal_message(retained, action):
    first = retained[0]
    verb = _("xóa") if action == "delete" else _("ngừng xuất bản")
    message = _(
        "Không thể %(verb)s “%(title)s”: theo %(profile)s, mục công khai phải được lưu giữ "
        "trực tuyến ít nhất %(years)s năm kể từ ngày công khai %(published)s (đến hết ngày "
        "%(until)s). Nếu thật sự cần gỡ, đề nghị Phòng/Sở quản lý cho phép."
    ) % {
        "verb": verb,
        "years": first.years,
        "title": first.page.title,
        "profile": first.profile_name or _("quy định công khai"),
        "published": formats.date_format(timezone.localtime(first.first_published), "d/m/Y"),
        "until": formats.date_format(first.until, "d/m/Y"),
    }
    if len(retained) > 1:
        message += " " + _("Còn %(count)s mục khác đang trong thời hạn lưu giữ.") % {
            "count": len(retained) - 1
        }
    return message


def is_office_admin(user, school):
    """Superusers, and admins of the school's office or of an office above it."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if school is None:
        return False
    paths = Membership.objects.filter(
        user=user, role=Membership.Role.ADMIN, authority__isnull=False
    ).values_list("authority__path", flat=True)
    return any(school.authority.path.startswith(path) for path in paths)


def _grant_key(action, page_id):
    return f"{action}:{page_id}"


def grant(request, action, page_id):
    grants = request.session.get(GRANT_SESSION_KEY, {})
    grants[_grant_key(action, page_id)] = time.time() + GRANT_SECONDS
    request.session[GRANT_SESSION_KEY] = grants


def has_grant(request, action, page_id, consume=False):
    session = getattr(request, "session", None)
    if session is None:
        return False
    grants = session.get(GRANT_SESSION_KEY, {})
    key = _grant_key(action, page_id)
    valid = grants.get(key, 0) > time.time()
    if consume and key in grants:
        del grants[key]
        session[GRANT_SESSION_KEY] = grants
    return valid


@transaction.atomic
def record_override(page, action, reason, user):
    """Write the override row and the page's log entry."""
    school = School.for_page(page)
    override = RetentionOverride.objects.create(
        school=school,
        page_id=page.pk,
        page_title=page.title[:255],
        action=action,
        reason=reason,
        user=user,
        username=user.get_username() if user else "",
    )
    log(
        instance=page,
        action=OVERRIDE_ACTION,
        user=user,
        data={"action": action, "reason": reason, "override_id": override.pk},
    )
    return override
