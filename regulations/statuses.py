"""Statuses of a school year's yearly disclosure items, computed from the publication log.

A pure function of (log, catalogue or pinned versions, calendars, as-of date): timestamps come
from the log, never from editable dates. Batch functions take many schools and run a fixed
number of queries whatever their count (the audit calls them for every school)."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from page_types.models import (
    DisclosureItemPage,
    DisclosureYearPage,
)
from tenants.models import School

from . import rules
from .calendars import (
    Calendars,
    school_year_of,
)
from .catalogue import Catalogue, ItemSpec, yearly_deadline
from .log_reading import as_of_bounds, local_date_of, page_logs
from .models import Checklist, ChecklistEntry, ItemVersion, Profile

MISSING, DRAFT, PUBLISHED, LATE, NEEDS_UPDATE = (
    "missing",
    "draft",
    "published",
    "late",
    "needs_update",
)
STATUS_LABELS = {
    MISSING: gettext_lazy("Chưa có"),
    DRAFT: gettext_lazy("Bản nháp, chưa công khai"),
    PUBLISHED: gettext_lazy("Đã công khai đúng hạn"),
    LATE: gettext_lazy("Công khai trễ hạn"),
    NEEDS_UPDATE: gettext_lazy("Cần cập nhật"),
}
LIVE_STATUSES = (PUBLISHED, LATE, NEEDS_UPDATE)
# Above this many schools, fetch a whole school year's rows instead of filtering by school.
FILTER_LIMIT = 400
# A school's home page sits at depth 2: its path prefix of this length identifies the school.
ROOT_LEN = 2 * Page.steplen


@dataclass
class ItemStatus:
    spec: ItemSpec
    status: str
    deadline: datetime.date
    required: bool
    published_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    update_due: datetime.date | None = None
    on_time: bool | None = None
    page_id: int | None = None
    url: str | None = None

    @property
    def code(self):
        return self.spec.code

    @property
    def title(self):
        return self.spec.title

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def live(self):
        return self.status in LIVE_STATUSES


@dataclass
class YearStatus:
    school: School
    school_year: str
    profile: Profile
    opened: bool
    items: list
    recurring: list  # ItemSpec of the recurring items that apply
    year_page_id: int | None = None

    def as_dict(self):
        return {
            "school": self.school.code,
            "school_year": self.school_year,
            "profile": self.profile.code,
            "items": [
                {
                    "code": s.code,
                    "title": s.title,
                    "status": s.status,
                    "deadline": s.deadline.isoformat(),
                    "published_at": _iso(s.published_at),
                    "updated_at": _iso(s.updated_at),
                    "url": s.url,
                }
                for s in self.items
            ],
        }


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def evaluate(spec, school_year, profile, log, as_of_date, calendars, authority_id):
    """Status of one yearly item from its page's log, as of a date."""
    due = yearly_deadline(spec, school_year, profile)
    status = ItemStatus(spec=spec, status=MISSING, deadline=due, required=due < as_of_date)
    if log is None or log.last_delete is not None:
        return status
    status.published_at = log.first_pub
    status.updated_at = log.last_pub
    if not log.live:
        status.status = DRAFT if (log.first_edit or log.first_pub) else MISSING
        return status
    first_day = local_date_of(log.first_pub)
    status.on_time = first_day <= due
    status.status = PUBLISHED if status.on_time else LATE
    if spec.deadline.name == rules.YEARLY_JUNE_UPDATE_SEPTEMBER:
        window_start, window_end = rules.september_window(school_year)
        if first_day < window_start and not log.window_pubs:
            status.update_due = window_end
            if as_of_date > window_end:
                status.status = NEEDS_UPDATE
    update = spec.update
    if update and update.name == rules.WITHIN_WORKING_DAYS and log.pending_since:
        status.update_due = calendars.add_working_days(
            local_date_of(log.pending_since), update.arg, authority_id
        )
        if as_of_date > status.update_due:
            status.status = NEEDS_UPDATE
    return status


def school_rows(schools):
    if isinstance(schools, School):
        schools = [schools]
    rows = list(schools)
    missing_roots = [s.root_page_id for s in rows if s.root_page_id]
    paths = dict(Page.objects.filter(pk__in=missing_roots).values_list("pk", "path"))
    urls = dict(Page.objects.filter(pk__in=missing_roots).values_list("pk", "url_path"))
    return rows, paths, urls


def root_filter(root_paths):
    query = Q()
    for path in root_paths:
        query |= Q(path__startswith=path)
    return query


@dataclass
class _Plan:
    profile: Profile
    opened: bool
    pairs: list  # (ItemSpec, slot page id from the checklist or None), in catalogue order
    year_page_id: int | None = None


def school_plans(schools, school_year, catalogue, calendars):
    """{school id: _Plan}: the checklist (pinned versions) or, before the year is opened, the
    current catalogue items that apply to the school. Three queries whatever the school count."""
    few = len(schools) <= FILTER_LIMIT
    school_ids = [s.pk for s in schools]
    checklists = Checklist.objects.filter(school_year=school_year)
    entry_rows = ChecklistEntry.objects.filter(checklist__school_year=school_year)
    if few:
        checklists = checklists.filter(school_id__in=school_ids)
        entry_rows = entry_rows.filter(checklist__school_id__in=school_ids)
    checklist_rows = {
        school_id: (profile_id, year_page_id)
        for school_id, profile_id, year_page_id in checklists.values_list(
            "school_id", "profile_id", "year_page_id"
        )
    }
    entries = {}
    version_ids = set()
    for school_id, version_id, slot_id in entry_rows.values_list(
        "checklist__school_id", "item_version_id", "slot_page_id"
    ):
        entries.setdefault(school_id, []).append((version_id, slot_id))
        version_ids.add(version_id)
    versions = {
        pk: ItemSpec.from_data(data)
        for pk, data in ItemVersion.objects.filter(pk__in=version_ids).values_list("pk", "data")
    }
    plans = {}
    for school in schools:
        if school.pk in checklist_rows:
            profile_id, year_page_id = checklist_rows[school.pk]
            pairs = [(versions[v], slot) for v, slot in entries.get(school.pk, [])]
            plan = _Plan(catalogue.profiles[profile_id], True, pairs, year_page_id)
            plan.pairs.sort(key=lambda pair: (pair[0].sort_order, pair[0].code))
        else:
            profile = catalogue.profile_for(calendars.chain(school.authority_id), school_year)
            specs = catalogue.applicable_specs(profile, school.level, school.serves_meals)
            plan = _Plan(profile, False, [(spec, None) for spec in specs])
        plans[school.pk] = plan
    return plans


def year_statuses(schools, as_of, school_year=None):
    """{school id: YearStatus} of many schools, as of a date (or an aware datetime).
    The school year defaults to school_year_of(as_of). A fixed number of queries."""
    moment, as_of_date = as_of_bounds(as_of)
    school_year = school_year or school_year_of(as_of_date)
    schools, root_paths, root_urls = school_rows(schools)
    if not schools:
        return {}
    catalogue = Catalogue()
    calendars = Calendars([school_year])
    few = len(schools) <= FILTER_LIMIT
    by_root = {root_paths[s.root_page_id]: s for s in schools if s.root_page_id in root_paths}
    plans = school_plans(schools, school_year, catalogue, calendars)

    # Year pages and their item pages, by school root path.
    year_pages = DisclosureYearPage.objects.filter(school_year=school_year)
    if few:
        year_pages = year_pages.filter(root_filter(by_root))
    year_by_root = {}
    for pk, path in year_pages.order_by("path").values_list("pk", "path"):
        year_by_root.setdefault(path[:ROOT_LEN], (pk, path))
    item_pages = (
        DisclosureItemPage.objects.exclude(item_code="")
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=Subquery(year_pages.values("path")))
        .values_list("pk", "path", "item_code", "url_path")
    )
    page_by_key = {}
    url_paths = {}
    for pk, path, code, url_path in item_pages.order_by("path"):
        root = path[:ROOT_LEN]
        if year_by_root.get(root, (None, None))[1] != path[: -Page.steplen]:
            continue
        page_by_key.setdefault((root, code), pk)
        url_paths[pk] = url_path

    # The page answering each item: the one found by code, else the checklist's slot (a
    # deleted slot keeps its log, so a past state can still be reconstructed).
    wanted_pages = set()
    resolved = {}
    for school in schools:
        root = root_paths.get(school.root_page_id)
        pairs = []
        for spec, slot_id in plans[school.pk].pairs:
            page_id = None if spec.recurring else page_by_key.get((root, spec.code), slot_id)
            if page_id:
                wanted_pages.add(page_id)
            pairs.append((spec, page_id))
        resolved[school.pk] = pairs
    logs = page_logs(wanted_pages, moment, rules.september_window(school_year))

    result = {}
    for school in schools:
        plan = plans[school.pk]
        items, recurring = [], []
        root_url_path = root_urls.get(school.root_page_id)
        for spec, page_id in resolved[school.pk]:
            if spec.recurring:
                recurring.append(spec)
                continue
            status = evaluate(
                spec,
                school_year,
                plan.profile,
                logs.get(page_id),
                as_of_date,
                calendars,
                school.authority_id,
            )
            status.page_id = page_id
            if status.live and page_id in url_paths and root_url_path:
                status.url = school.root_url + url_paths[page_id][len(root_url_path) - 1 :]
            items.append(status)
        year_page_id = plan.year_page_id
        if year_page_id is None:
            year_page_id = year_by_root.get(root_paths.get(school.root_page_id), (None,))[0]
        result[school.pk] = YearStatus(
            school=school,
            school_year=school_year,
            profile=plan.profile,
            opened=plan.opened,
            items=items,
            recurring=recurring,
            year_page_id=year_page_id,
        )
    return result


def year_status(school, as_of, school_year=None):
    return year_statuses([school], as_of, school_year)[school.pk]


def _summary(year):
    required = [s for s in year.items if s.required]
    published = [s for s in required if s.live]
    return {
        "profile": year.profile.code,
        "required": len(required),
        "published": len(published),
        "on_time": sum(1 for s in published if s.on_time),
        "late": sum(1 for s in published if not s.on_time),
        "missing": [s.code for s in required if not s.live],
    }


def disclosure_summaries(schools, as_of):
    """{school id: {"profile", "required", "published", "on_time", "late", "missing"}} for the
    school year of as_of; required = items whose deadline has passed."""
    return {pk: _summary(year) for pk, year in year_statuses(schools, as_of).items()}


def disclosure_summary(school, as_of):
    return disclosure_summaries([school], as_of)[school.pk]
