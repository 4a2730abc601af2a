"""Disclosure checklists and statuses, computed from the publication log (PageLogEntry).

Statuses are a pure function of (log, catalogue or pinned versions, calendars, as-of date):
timestamps come from the log, never from editable dates. Batch functions take many schools and
run a fixed number of queries whatever their count (the audit calls them for every school).
Public entry points are listed in /work/briefs/interfaces.md.
"""

import bisect
import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, PageLogEntry

from page_types.models import (
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosureYearPage,
    MandatedSection,
    PlanPage,
    WeeklyMenuPage,
)
from tenants.models import School

from . import rules
from .calendars import (
    Calendars,
    monday_of,
    school_weeks,
    school_year_bounds,
    school_year_of,
    shift_school_year,
    valid_school_year,
)
from .models import Checklist, ChecklistEntry, Item, ItemKind, ItemVersion, Profile, ProfileOverride

__all__ = [
    "school_year_of",
    "school_year_bounds",
    "school_weeks",
    "open_school_year",
    "profile_for",
    "year_statuses",
    "year_status",
    "disclosure_summary",
    "disclosure_summaries",
    "recurring_summary",
    "recurring_summaries",
    "upcoming_deadlines",
    "upcoming_deadlines_many",
    "overdue_items",
    "overdue_items_many",
    "deadlines_many",
    "slot_slug",
]

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
UNPUBLISH_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled")
DELETE_ACTIONS = ("wagtail.delete",)
EDIT_ACTIONS = ("wagtail.edit", "wagtail.revert")
# A draft: someone saved content. Page creation counts only when a person did it (the slots
# this app creates are logged as "wagtail.create" without a user and are still "missing").
EDITED = Q(action__in=EDIT_ACTIONS) | Q(action="wagtail.create", user__isnull=False)

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
_FILTER_LIMIT = 400
# A school's home page sits at depth 2: its path prefix of this length identifies the school.
ROOT_LEN = 2 * Page.steplen


# Catalogue -----------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _rule(text):
    return rules.parse(text) if text else None


@dataclass(frozen=True)
class ItemSpec:
    """One catalogue item as a checklist sees it (a pinned version or the current row)."""

    code: str
    title: str
    kind: str
    group: str
    source: str
    for_levels: tuple
    meals_only: bool
    deadline_rule: str
    update_rule: str
    retention_rule: str
    sort_order: int
    columns: tuple = ()
    rows: tuple = ()
    accepted_formats: str = "pdf,xlsx,docx"
    description: str = ""

    @classmethod
    def from_data(cls, data):
        return cls(
            code=data["code"],
            title=data["title"],
            kind=data["kind"],
            group=data.get("group", ""),
            source=data.get("source", ""),
            for_levels=tuple(
                level
                for level, key in (("MN", "for_mn"), ("TH", "for_th"), ("THCS", "for_thcs"))
                if data.get(key)
            ),
            meals_only=bool(data.get("meals_only")),
            deadline_rule=data["deadline_rule"],
            update_rule=data.get("update_rule", ""),
            retention_rule=data.get("retention_rule", ""),
            sort_order=data.get("sort_order", 0),
            columns=tuple(data.get("columns") or ()),
            rows=tuple(data.get("rows") or ()),
            accepted_formats=data.get("accepted_formats", ""),
            description=data.get("description", ""),
        )

    @property
    def recurring(self):
        return self.kind == ItemKind.RECURRING

    @property
    def deadline(self):
        return _rule(self.deadline_rule)

    @property
    def update(self):
        return _rule(self.update_rule)

    @property
    def retention(self):
        return _rule(self.retention_rule)

    def applies_to(self, level, serves_meals):
        if level not in self.for_levels:
            return False
        return not (self.meals_only and level != "MN" and not serves_meals)


def slot_slug(code):
    """TT09_2009.BM05 → tt09-2009-bm05."""
    return slugify(code.lower().replace(".", "-").replace("_", "-"))


class Catalogue:
    """Profiles, overrides and current items, loaded once per computation."""

    def __init__(self):
        self.profiles = {p.pk: p for p in Profile.objects.all()}
        self.by_code = {p.code: p for p in self.profiles.values()}
        self._overrides = {}
        for authority_id, school_year, profile_id in ProfileOverride.objects.values_list(
            "authority_id", "school_year", "profile_id"
        ):
            self._overrides[(authority_id, school_year)] = profile_id
        self._items = None
        self._applicable = {}
        self._profile_cache = {}

    def profile_for(self, chain, school_year):
        """The profile of a school year: an office's override (nearest first), else the
        profile in force on 1 September of the year."""
        key = (tuple(chain), school_year)
        if key not in self._profile_cache:
            self._profile_cache[key] = self._profile_for(chain, school_year)
        return self._profile_cache[key]

    def _profile_for(self, chain, school_year):
        for authority_id in reversed(chain):
            if (authority_id, school_year) in self._overrides:
                return self.profiles[self._overrides[(authority_id, school_year)]]
        first_september = datetime.date(int(school_year[:4]), 9, 1)
        ordered = sorted(self.profiles.values(), key=lambda p: p.valid_from)
        if not ordered:
            raise ValidationError(_("Chưa có quy định công khai nào trong danh mục."))
        in_force = [p for p in ordered if p.in_force_on(first_september)]
        if in_force:
            return in_force[-1]
        earlier = [p for p in ordered if p.valid_from <= first_september]
        return earlier[-1] if earlier else ordered[0]

    def current_specs(self, profile):
        """[(Item, ItemSpec)] of the profile's active items, in catalogue order."""
        if self._items is None:
            self._items = {}
            for item in Item.objects.filter(is_active=True).select_related("profile"):
                self._items.setdefault(item.profile_id, []).append(
                    (item, ItemSpec.from_data(item.snapshot()))
                )
            for pairs in self._items.values():
                pairs.sort(key=lambda pair: (pair[1].sort_order, pair[1].code))
        return self._items.get(profile.pk, [])

    def applicable_specs(self, profile, level, serves_meals):
        """The current specs a school of this level needs (cached: many schools share it)."""
        key = (profile.pk, level, bool(serves_meals))
        if key not in self._applicable:
            self._applicable[key] = [
                spec
                for _item, spec in self.current_specs(profile)
                if spec.applies_to(level, serves_meals)
            ]
        return self._applicable[key]


def profile_for(authority, school_year):
    """The Profile a school year of this authority follows."""
    calendars = Calendars([])
    return Catalogue().profile_for(calendars.chain(authority.pk), school_year)


def yearly_deadline(spec, school_year, profile):
    return _yearly_deadline(
        spec.deadline_rule, school_year, profile.valid_from, profile.transition_deadline
    )


@lru_cache(maxsize=1024)
def _yearly_deadline(rule_text, school_year, valid_from, transition_deadline):
    due = rules.yearly_deadline(_rule(rule_text), school_year)
    if due < valid_from and transition_deadline:
        due = max(due, transition_deadline)
    return due


# Opening a school year -----------------------------------------------------------------------


def _disclosure_index(school):
    section = (
        MandatedSection.objects.filter(school=school, key="cong-khai")
        .select_related("page")
        .first()
    )
    if section:
        return section.page.specific
    if school.root_page_id:
        index = DisclosureIndexPage.objects.child_of(school.root_page).first()
        if index:
            return index
    raise ValidationError(
        _("Trường %(school)s chưa có chuyên mục Công khai (cong-khai).") % {"school": school.code}
    )


def _table_block():
    return DisclosureItemPage._meta.get_field("table").stream_block.child_blocks["table"]


def prefilled_table(spec):
    """The form's fixed columns (and fixed rows, numbered) ready for the editor to fill."""
    if not spec.columns:
        return []
    width = len(spec.columns)
    rows = []
    for number, label in enumerate(spec.rows, start=1):
        values = [str(number), label] if width >= 2 else [label]
        rows.append({"values": (values + [""] * width)[:width]})
    raw = {
        "columns": [{"type": "text", "heading": heading} for heading in spec.columns],
        "rows": rows,
        "caption": spec.title,
    }
    return [("table", _table_block().to_python(raw))]


@dataclass
class OpenResult:
    checklist: Checklist
    year_page: DisclosureYearPage
    created_slots: list = field(default_factory=list)
    created_year: bool = False

    @property
    def changed(self):
        return self.created_year or bool(self.created_slots)


def ensure_catalogue():
    """Seed the catalogue if its tables are empty (a flushed database, e.g. after a transactional
    test): the data migration only runs once, provisioning must not depend on it."""
    if not Profile.objects.exists():
        from django.apps import apps

        from .catalogue_data import seed

        seed(apps)


@transaction.atomic
def open_school_year(school, school_year, user=None):
    """Create (idempotently) the school's disclosure section for the year — a published
    DisclosureYearPage "/cong-khai/<year>/" — and one draft DisclosureItemPage slot per item
    its profile requires for the school's level; pin the checklist to the item versions."""
    if not valid_school_year(school_year):
        raise ValidationError(
            _("Năm học “%(value)s” không hợp lệ; viết dạng 2016-2017.") % {"value": school_year}
        )
    ensure_catalogue()
    catalogue = Catalogue()
    calendars = Calendars([])
    checklist = Checklist.objects.filter(school=school, school_year=school_year).first()
    profile = (
        checklist.profile
        if checklist
        else catalogue.profile_for(calendars.chain(school.authority_id), school_year)
    )
    index = _disclosure_index(school)
    year_page = (
        DisclosureYearPage.objects.child_of(index).filter(school_year=school_year).first()
        or DisclosureYearPage.objects.child_of(index).filter(slug=school_year).first()
    )
    result_created_year = False
    if year_page is None:
        year_page = DisclosureYearPage(
            title=_("Năm học %(year)s") % {"year": school_year},
            slug=school_year,
            school_year=school_year,
            profile_code=profile.code,
            show_in_menus=False,
            live=True,
        )
        # Live straight away, like the blueprint's sections: a structural page, not a post.
        index.add_child(instance=year_page)
        result_created_year = True
    elif year_page.profile_code != profile.code or year_page.school_year != school_year:
        year_page.profile_code = profile.code
        year_page.school_year = school_year
        year_page.save(update_fields=["profile_code", "school_year"])

    if checklist is None:
        checklist = Checklist.objects.create(
            school=school, school_year=school_year, profile=profile, year_page=year_page
        )
    elif checklist.year_page_id != year_page.pk:
        checklist.year_page = year_page
        checklist.save(update_fields=["year_page"])

    entries = {e.item_id: e for e in checklist.entries.select_related("item_version")}
    existing = {
        p.item_code: p for p in DisclosureItemPage.objects.child_of(year_page).exclude(item_code="")
    }
    result = OpenResult(checklist=checklist, year_page=year_page, created_year=result_created_year)
    for item, current in catalogue.current_specs(profile):
        entry = entries.get(item.pk)
        if entry is not None:
            spec = ItemSpec.from_data(entry.item_version.data)
        elif current.applies_to(school.level, school.serves_meals):
            version = item.current_version()
            entry = ChecklistEntry.objects.create(
                checklist=checklist, item=item, item_version=version
            )
            spec = current
        else:
            continue
        if spec.recurring:
            continue
        slot = existing.get(spec.code)
        if slot is None:
            slot = year_page.get_children().filter(slug=slot_slug(spec.code)).specific().first()
        if slot is None:
            slot = DisclosureItemPage(
                title=spec.title,
                slug=slot_slug(spec.code),
                item_code=spec.code,
                table=prefilled_table(spec),
                live=False,
            )
            # A draft without revision or log entry: nobody has edited it yet.
            year_page.add_child(instance=slot)
            result.created_slots.append(slot)
        if entry.slot_page_id != slot.pk:
            entry.slot_page_id = slot.pk
            entry.save(update_fields=["slot_page_id"])
    return result


# Reading the log -----------------------------------------------------------------------------


@dataclass
class PageLog:
    first_pub: datetime.datetime | None = None
    last_pub: datetime.datetime | None = None
    last_unpub: datetime.datetime | None = None
    last_delete: datetime.datetime | None = None
    first_edit: datetime.datetime | None = None
    last_edit: datetime.datetime | None = None
    window_pubs: int = 0
    pending_since: datetime.datetime | None = None

    @property
    def live(self):
        if self.last_pub is None or self.last_delete is not None:
            return False
        return self.last_unpub is None or self.last_pub > self.last_unpub


def _as_of_bounds(as_of):
    """(end of the as-of moment as an aware datetime, the local as-of date)."""
    if isinstance(as_of, datetime.datetime):
        moment = as_of if timezone.is_aware(as_of) else timezone.make_aware(as_of)
        return moment, timezone.localtime(moment).date()
    end = timezone.make_aware(datetime.datetime.combine(as_of, datetime.time.max))
    return end, as_of


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def _aware_day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _page_logs(page_ids, moment, window=None):
    """PageLog per page id from the log up to moment (one grouped query + one for pending edits)."""
    if not page_ids:
        return {}
    window_filter = Q(pk__isnull=True)
    if window:
        window_filter = Q(
            action__in=PUBLISH_ACTIONS,
            timestamp__gte=_aware_day_start(window[0]),
            timestamp__lt=_aware_day_start(window[1] + datetime.timedelta(days=1)),
        )
    logs = {}
    for chunk in _chunks(list(page_ids)):
        rows = (
            PageLogEntry.objects.filter(page_id__in=chunk, timestamp__lte=moment)
            .order_by()
            .values("page_id")
            .annotate(
                first_pub=Min("timestamp", filter=Q(action__in=PUBLISH_ACTIONS)),
                last_pub=Max("timestamp", filter=Q(action__in=PUBLISH_ACTIONS)),
                last_unpub=Max("timestamp", filter=Q(action__in=UNPUBLISH_ACTIONS)),
                last_delete=Max("timestamp", filter=Q(action__in=DELETE_ACTIONS)),
                first_edit=Min("timestamp", filter=EDITED),
                last_edit=Max("timestamp", filter=EDITED),
                window_pubs=Count("pk", filter=window_filter),
            )
        )
        for row in rows:
            page_id = row.pop("page_id")
            logs[page_id] = PageLog(**row)
    pending = [
        pid
        for pid, log in logs.items()
        if log.live and log.last_edit and log.last_edit > log.last_pub
    ]
    for chunk in _chunks(pending):
        for page_id, stamp in PageLogEntry.objects.filter(
            EDITED, page_id__in=chunk, timestamp__lte=moment
        ).values_list("page_id", "timestamp"):
            log = logs[page_id]
            if stamp > log.last_pub and (log.pending_since is None or stamp < log.pending_since):
                log.pending_since = stamp
    return logs


def _chunks(values, size=500):
    for start in range(0, len(values), size):
        yield values[start : start + size]


# Statuses ------------------------------------------------------------------------------------


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
    first_day = _local_date(log.first_pub)
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
            _local_date(log.pending_since), update.arg, authority_id
        )
        if as_of_date > status.update_due:
            status.status = NEEDS_UPDATE
    return status


def _schools(schools):
    if isinstance(schools, School):
        schools = [schools]
    rows = list(schools)
    missing_roots = [s.root_page_id for s in rows if s.root_page_id]
    paths = dict(Page.objects.filter(pk__in=missing_roots).values_list("pk", "path"))
    urls = dict(Page.objects.filter(pk__in=missing_roots).values_list("pk", "url_path"))
    return rows, paths, urls


def _root_filter(root_paths):
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


def _plans(schools, school_year, catalogue, calendars):
    """{school id: _Plan}: the checklist (pinned versions) or, before the year is opened, the
    current catalogue items that apply to the school. Three queries whatever the school count."""
    few = len(schools) <= _FILTER_LIMIT
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
    moment, as_of_date = _as_of_bounds(as_of)
    school_year = school_year or school_year_of(as_of_date)
    schools, root_paths, root_urls = _schools(schools)
    if not schools:
        return {}
    catalogue = Catalogue()
    calendars = Calendars([school_year])
    few = len(schools) <= _FILTER_LIMIT
    by_root = {root_paths[s.root_page_id]: s for s in schools if s.root_page_id in root_paths}
    plans = _plans(schools, school_year, catalogue, calendars)

    # Year pages and their item pages, by school root path.
    year_pages = DisclosureYearPage.objects.filter(school_year=school_year)
    if few:
        year_pages = year_pages.filter(_root_filter(by_root))
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
    logs = _page_logs(wanted_pages, moment, rules.september_window(school_year))

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


# Recurring items -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One period a recurring item must be published for: a school month or a school week."""

    start: datetime.date  # first day of the month, or Monday of the week
    end: datetime.date
    deadline: datetime.date


@dataclass
class Period:
    spec: ItemSpec
    start: datetime.date
    end: datetime.date
    deadline: datetime.date
    published_at: datetime.datetime | None = None

    @property
    def on_time(self):
        return self.published_at is not None and _local_date(self.published_at) <= self.deadline


class _SlotTable:
    """The periods of each (item rule, authority calendar), computed once and shared by every
    school of that authority: the batch functions must not grow per school."""

    def __init__(self, calendars, school_year):
        self.calendars = calendars
        self.school_year = school_year
        self._slots = {}

    def slots(self, spec, authority_id):
        key = (spec.source, spec.deadline_rule, authority_id)
        if key not in self._slots:
            self._slots[key] = self._build(spec, authority_id)
        return self._slots[key]

    def _build(self, spec, authority_id):
        weeks = self.calendars.school_weeks(authority_id, self.school_year)
        start, _end = self.calendars.bounds(authority_id, self.school_year)
        if spec.source == "plan_month":
            slots = []
            for month in sorted({max(week, start).replace(day=1) for week in weeks}):
                next_month = (month + datetime.timedelta(days=32)).replace(day=1)
                slots.append(
                    Slot(
                        month,
                        next_month - datetime.timedelta(days=1),
                        rules.month_deadline(spec.deadline, month),
                    )
                )
        else:
            six = datetime.timedelta(days=6)
            slots = [Slot(week, week + six, rules.week_deadline(week)) for week in weeks]
        by_start = {slot.start: slot for slot in slots}
        deadlines = [slot.deadline for slot in slots]  # ascending, like the starts
        return slots, by_start, deadlines

    def first_day(self, authority_ids, specs):
        days = [
            self.slots(spec, a)[0][0].start
            for a in authority_ids
            for spec in specs
            if self.slots(spec, a)[0]
        ]
        return min(days) if days else None

    def last_day(self, authority_ids, specs):
        days = [
            self.slots(spec, a)[0][-1].end
            for a in authority_ids
            for spec in specs
            if self.slots(spec, a)[0]
        ]
        return max(days) if days else None


def _recurring_publications(schools_by_root, few, moment, first_day, last_day):
    """{(root, source): {period start: first publication}} for plan and menu pages."""
    found = {}
    plan_qs = PlanPage.objects.filter(
        period__in=("month", "week", "day"), period_start__range=(first_day, last_day)
    )
    menu_qs = WeeklyMenuPage.objects.filter(week_start__range=(first_day, last_day))
    if few:
        plan_qs = plan_qs.filter(_root_filter(schools_by_root))
        menu_qs = menu_qs.filter(_root_filter(schools_by_root))
    for qs, kind in ((plan_qs, "plan"), (menu_qs, "menu")):
        firsts = dict(
            PageLogEntry.objects.filter(
                page_id__in=Subquery(qs.values("pk")),
                action__in=PUBLISH_ACTIONS,
                timestamp__lte=moment,
            )
            .order_by()
            .values("page_id")
            .annotate(first=Min("timestamp"))
            .values_list("page_id", "first")
        )
        if not firsts:
            continue
        fields = (
            ("pk", "path", "period", "period_start")
            if kind == "plan"
            else ("pk", "path", "week_start")
        )
        for row in qs.values_list(*fields):
            first = firsts.get(row[0])
            root = row[1][:ROOT_LEN]
            if first is None or root not in schools_by_root:
                continue
            if kind == "plan":
                period, day = row[2], row[3]
                source, start = (
                    ("plan_month", day.replace(day=1))
                    if period == "month"
                    else ("plan_week", monday_of(day))
                )
            else:
                source, start = "menu", monday_of(row[2])
            bucket = found.setdefault((root, source), {})
            if start not in bucket or first < bucket[start]:
                bucket[start] = first
    return found


def _recurring_context(schools, as_of, school_year):
    """Everything the recurring computations share: plans, slot table and publications."""
    moment, as_of_date = _as_of_bounds(as_of)
    school_year = school_year or school_year_of(as_of_date)
    schools, root_paths, _urls = _schools(schools)
    calendars = Calendars([school_year])
    plans = _plans(schools, school_year, Catalogue(), calendars) if schools else {}
    table = _SlotTable(calendars, school_year)
    specs = {spec for plan in plans.values() for spec, _slot in plan.pairs if spec.recurring}
    authority_ids = {s.authority_id for s in schools}
    found = {}
    first_day = table.first_day(authority_ids, specs)
    if first_day is not None:
        by_root = {root_paths[s.root_page_id]: s for s in schools if s.root_page_id in root_paths}
        found = _recurring_publications(
            by_root,
            len(schools) <= _FILTER_LIMIT,
            moment,
            first_day,
            table.last_day(authority_ids, specs),
        )
    return schools, root_paths, plans, table, found, as_of_date, school_year


def recurring_details(schools, as_of, school_year=None):
    """{school id: [Period…]} for the recurring items of the school year, as of a date; each
    period carries its deadline and the first publication (from the log) of its plan/menu."""
    schools, root_paths, plans, table, found, _date, _year = _recurring_context(
        schools, as_of, school_year
    )
    out = {}
    for school in schools:
        root = root_paths.get(school.root_page_id)
        periods = []
        for spec, _slot in plans[school.pk].pairs:
            if not spec.recurring:
                continue
            published = found.get((root, spec.source), {})
            periods += [
                Period(spec, s.start, s.end, s.deadline, published.get(s.start))
                for s in table.slots(spec, school.authority_id)[0]
            ]
        out[school.pk] = periods
    return out


def recurring_summaries(schools, as_of):
    """{school id: {"required", "on_time"}}: periods whose deadline has passed, and how many of
    them had their plan/menu published by the deadline (first publication from the log)."""
    schools, root_paths, plans, table, found, as_of_date, _year = _recurring_context(
        schools, as_of, None
    )
    out = {}
    for school in schools:
        root = root_paths.get(school.root_page_id)
        required = on_time = 0
        for spec, _slot in plans[school.pk].pairs:
            if not spec.recurring:
                continue
            slots, by_start, deadlines = table.slots(spec, school.authority_id)
            required += bisect.bisect_left(deadlines, as_of_date)
            for start, first in found.get((root, spec.source), {}).items():
                slot = by_start.get(start)
                if slot and slot.deadline < as_of_date and _local_date(first) <= slot.deadline:
                    on_time += 1
        out[school.pk] = {"required": required, "on_time": on_time}
    return out


def recurring_summary(school, as_of):
    return recurring_summaries([school], as_of)[school.pk]


def _open_periods(schools, as_of, school_year):
    """{school id: [Period…]} of the periods not over yet (end ≥ as-of): what reminders need."""
    schools, root_paths, plans, table, found, as_of_date, _year = _recurring_context(
        schools, as_of, school_year
    )
    out = {}
    for school in schools:
        root = root_paths.get(school.root_page_id)
        periods = []
        for spec, _slot in plans[school.pk].pairs:
            if not spec.recurring:
                continue
            slots = table.slots(spec, school.authority_id)[0]
            published = found.get((root, spec.source), {})
            periods += [
                Period(spec, s.start, s.end, s.deadline, published.get(s.start))
                for s in slots
                if s.end >= as_of_date
            ]
        out[school.pk] = periods
    return out


# Reminders -----------------------------------------------------------------------------------


@dataclass
class Due:
    """One thing a school must do by a date: publish an item, update it, or publish a plan/menu."""

    school_id: int
    school_year: str
    code: str
    title: str
    kind: str  # "publish", "update", "period"
    deadline: datetime.date
    status: str
    page_id: int | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None

    def as_dict(self):
        return {
            "school_year": self.school_year,
            "code": self.code,
            "title": self.title,
            "kind": self.kind,
            "deadline": self.deadline.isoformat(),
            "status": self.status,
            "page_id": self.page_id,
            "period_start": self.period_start.isoformat() if self.period_start else None,
        }


def _years_to_check(as_of_date, days):
    current = school_year_of(as_of_date)
    years = [current]
    next_start = int(current[:4]) + 1
    # Yearly deadlines of the next school year fall in June of its start year.
    if as_of_date + datetime.timedelta(days=max(days, 0)) >= datetime.date(next_start, 5, 1):
        years.append(shift_school_year(current, 1))
    return years


def _dues(schools, as_of, days):
    moment, as_of_date = _as_of_bounds(as_of)
    out = {}
    for school_year in _years_to_check(as_of_date, days):
        for school_id, year in year_statuses(schools, moment, school_year).items():
            bucket = out.setdefault(school_id, [])
            for s in year.items:
                if not s.live:
                    bucket.append(
                        Due(
                            school_id,
                            school_year,
                            s.code,
                            s.title,
                            "publish",
                            s.deadline,
                            s.status,
                            s.page_id,
                        )
                    )
                elif s.update_due and (s.status == NEEDS_UPDATE or s.update_due >= as_of_date):
                    bucket.append(
                        Due(
                            school_id,
                            school_year,
                            s.code,
                            s.title,
                            "update",
                            s.update_due,
                            s.status,
                            s.page_id,
                        )
                    )
        for school_id, periods in _open_periods(schools, moment, school_year).items():
            bucket = out.setdefault(school_id, [])
            for p in periods:
                if p.published_at is None:
                    bucket.append(
                        Due(
                            school_id,
                            school_year,
                            p.spec.code,
                            p.spec.title,
                            "period",
                            p.deadline,
                            MISSING,
                            period_start=p.start,
                            period_end=p.end,
                        )
                    )
    return out, as_of_date


def _upcoming(dues, as_of_date, days):
    horizon = as_of_date + datetime.timedelta(days=days)
    return {
        school_id: sorted(
            (d for d in items if as_of_date <= d.deadline <= horizon),
            key=lambda d: (d.deadline, d.code),
        )
        for school_id, items in dues.items()
    }


def _overdue(dues, as_of_date):
    out = {}
    for school_id, items in dues.items():
        overdue = [
            d
            for d in items
            # A past week's menu can no longer help anyone: periods count while not over.
            if d.deadline < as_of_date and not (d.kind == "period" and d.period_end < as_of_date)
        ]
        out[school_id] = sorted(overdue, key=lambda d: (d.deadline, d.code))
    return out


def upcoming_deadlines_many(schools, as_of, days=14):
    """{school id: [Due…]} due within [as_of, as_of + days], not done yet, soonest first."""
    dues, as_of_date = _dues(schools, as_of, days)
    return _upcoming(dues, as_of_date, days)


def overdue_items_many(schools, as_of):
    """{school id: [Due…]} past their deadline and not done: items not published, items whose
    update is overdue, and plans/menus of periods not yet over that were never published."""
    dues, as_of_date = _dues(schools, as_of, 0)
    return _overdue(dues, as_of_date)


def deadlines_many(schools, as_of, days=14):
    """(upcoming, overdue) as the two functions above, computed in one pass (reminders)."""
    dues, as_of_date = _dues(schools, as_of, days)
    return _upcoming(dues, as_of_date, days), _overdue(dues, as_of_date)


def upcoming_deadlines(school, as_of, days=14):
    return upcoming_deadlines_many([school], as_of, days).get(school.pk, [])


def overdue_items(school, as_of):
    return overdue_items_many([school], as_of).get(school.pk, [])


# Public display ------------------------------------------------------------------------------


def missing_items_public(school):
    """Does the school's office show parents which disclosure items are still missing? The
    nearest office (the school's, then up the tree) with a site decides, through
    OfficeHomePage.show_disclosure_status."""
    from page_types.models import OfficeHomePage

    chain = school.authority.ancestors_and_self().filter(site__isnull=False)
    roots = {a.path: a.site.root_page_id for a in chain.select_related("site")}
    if not roots:
        return False
    flags = dict(
        OfficeHomePage.objects.filter(pk__in=roots.values()).values_list(
            "pk", "show_disclosure_status"
        )
    )
    for path in sorted(roots, key=len, reverse=True):
        if roots[path] in flags:
            return flags[roots[path]]
    return False


def year_page_specs(school, year_page):
    """(profile, [ItemSpec]) of a school-year page: the checklist's pinned versions, else the
    catalogue items of the page's profile for the school's level."""
    catalogue = Catalogue()
    checklist = (
        Checklist.objects.filter(school=school, school_year=year_page.school_year)
        .select_related("profile")
        .first()
    )
    if checklist:
        specs = [
            ItemSpec.from_data(data)
            for data in ItemVersion.objects.filter(
                pk__in=checklist.entries.values("item_version_id")
            ).values_list("data", flat=True)
        ]
        profile = checklist.profile
    else:
        profile = catalogue.by_code.get(year_page.profile_code) or catalogue.profile_for(
            Calendars([]).chain(school.authority_id), year_page.school_year
        )
        specs = [
            spec
            for _item, spec in catalogue.current_specs(profile)
            if spec.applies_to(school.level, school.serves_meals)
        ]
    specs.sort(key=lambda spec: (spec.sort_order, spec.code))
    return profile, specs
