"""Recurring disclosure items (monthly plans, weekly plans and menus): the periods each must be
published for, and which were published on time, from the log."""

import bisect
import datetime
from dataclasses import dataclass

from django.db.models import Min, Subquery
from wagtail.models import PageLogEntry

from page_types.models import (
    PlanPage,
    WeeklyMenuPage,
)
from tenants.clock import monday_of
from tenants.log_actions import PUBLISH_ACTIONS

from . import rules
from .calendars import Calendars, school_year_of
from .catalogue import Catalogue, ItemSpec
from .log_reading import as_of_bounds, local_date_of
from .statuses import FILTER_LIMIT, ROOT_LEN, root_filter, school_plans, school_rows


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
        return self.published_at is not None and local_date_of(self.published_at) <= self.deadline


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
        plan_qs = plan_qs.filter(root_filter(schools_by_root))
        menu_qs = menu_qs.filter(root_filter(schools_by_root))
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
    moment, as_of_date = as_of_bounds(as_of)
    school_year = school_year or school_year_of(as_of_date)
    schools, root_paths, _urls = school_rows(schools)
    calendars = Calendars([school_year])
    plans = school_plans(schools, school_year, Catalogue(), calendars) if schools else {}
    table = _SlotTable(calendars, school_year)
    specs = {spec for plan in plans.values() for spec, _slot in plan.pairs if spec.recurring}
    authority_ids = {s.authority_id for s in schools}
    found = {}
    first_day = table.first_day(authority_ids, specs)
    if first_day is not None:
        by_root = {root_paths[s.root_page_id]: s for s in schools if s.root_page_id in root_paths}
        found = _recurring_publications(
            by_root,
            len(schools) <= FILTER_LIMIT,
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
                if slot and slot.deadline < as_of_date and local_date_of(first) <= slot.deadline:
                    on_time += 1
        out[school.pk] = {"required": required, "on_time": on_time}
    return out


def recurring_summary(school, as_of):
    return recurring_summaries([school], as_of)[school.pk]


def open_periods(schools, as_of, school_year):
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
