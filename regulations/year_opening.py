"""School years that open themselves.

A school year opens for a school on its opening day: 1 August of the year it starts unless the
school's office (or an office above it) set another day. Opening creates the year's disclosure
section and slots (``services.open_school_year``, idempotent). The scheduled job
``open_due_school_years`` (a command and a task, daily) opens every due year for every active
school; a new school gets the running year at once (``signals.open_current_year``); the office
can open a year early or move its day from the admin (``year_admin``)."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from tenants.models import Authority, School

from .calendars import SCHOOL_YEAR_CUTOFF_MONTH, school_year_label, school_year_of
from .models import Checklist, SchoolYearOpening
from .services import open_school_year

DEFAULT_OPENING = (SCHOOL_YEAR_CUTOFF_MONTH, 1)  # 1 August


def default_opening_day(school_year):
    return datetime.date(int(school_year[:4]), *DEFAULT_OPENING)


def years_to_consider(today):
    """The school year of ``today`` and the next one (an office may open it early)."""
    current = school_year_of(today)
    return [current, school_year_label(int(current[:4]) + 1)]


class OpeningDays:
    """Opening days by (authority, school year): the nearest office's own day wins."""

    def __init__(self, school_years):
        self.paths = dict(Authority.objects.values_list("pk", "path"))
        self.own = {
            (authority_id, year): day
            for authority_id, year, day in SchoolYearOpening.objects.filter(
                school_year__in=list(school_years)
            ).values_list("authority_id", "school_year", "opens_on")
        }
        self.by_path = {path: pk for pk, path in self.paths.items()}

    def day(self, authority_id, school_year):
        path = self.paths.get(authority_id, "")
        codes = [c for c in path.split("/") if c]
        # From the school's own office up to the root.
        for size in range(len(codes), 0, -1):
            pk = self.by_path.get("/".join(codes[:size]) + "/")
            if (pk, school_year) in self.own:
                return self.own[(pk, school_year)]
        return default_opening_day(school_year)


@dataclass
class OpenedYears:
    opened: dict = field(default_factory=dict)  # school year → schools that got it now
    slots: int = 0

    @property
    def total(self):
        return sum(self.opened.values())


def open_due_school_years(today=None, schools=None):
    """Open every school year that is due by ``today`` (default: today) for the active schools
    (default: all) that do not have it yet. Idempotent; one transaction per school."""
    today = today or timezone.localdate()
    years = years_to_consider(today)
    days = OpeningDays(years)
    schools = (schools if schools is not None else School.objects.all()).filter(is_active=True)
    result = OpenedYears()
    for year in years:
        have = set(Checklist.objects.filter(school_year=year).values_list("school_id", flat=True))
        for school in schools.exclude(pk__in=have).select_related("authority", "root_page"):
            if days.day(school.authority_id, year) > today:
                continue
            with transaction.atomic():
                opened = open_school_year(school, year)
            result.opened[year] = result.opened.get(year, 0) + 1
            result.slots += len(opened.created_slots)
    return result


def open_year_now(authority, school_year, user=None):
    """The office opens ``school_year`` for its whole subtree now, whatever the day."""
    schools = School.objects.filter(
        is_active=True, authority__path__startswith=authority.path
    ).select_related("authority", "root_page")
    result = OpenedYears()
    with transaction.atomic():
        for school in schools.order_by("code"):
            opened = open_school_year(school, school_year, user=user)
            result.opened[school_year] = result.opened.get(school_year, 0) + int(
                opened.created_year or bool(opened.created_slots)
            )
            result.slots += len(opened.created_slots)
        record, _created = SchoolYearOpening.objects.get_or_create(
            authority=authority,
            school_year=school_year,
            defaults={"opens_on": timezone.localdate()},
        )
        record.opened_at, record.opened_by = timezone.now(), user
        record.save(update_fields=["opened_at", "opened_by"])
    return result


def set_opening_day(authority, school_year, day):
    SchoolYearOpening.objects.update_or_create(
        authority=authority, school_year=school_year, defaults={"opens_on": day}
    )
