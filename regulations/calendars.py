"""School-year and working-day calendars.

Working days: Monday–Friday, plus the Saturdays the government turns into make-up working days,
minus Vietnam's public holidays (the ``holidays`` package computes the lunar ones: Tết, Giỗ Tổ),
then the days off / make-up days offices declare (an office's declarations apply to its subtree;
the nearest office wins). School years: an office's calendar applies to its subtree; without one
the year runs 5 September → 31 May with a Tết break covering the weeks of the Tết holidays.
"""

import datetime
from functools import lru_cache

from django.core.cache import cache

from tenants.clock import monday_of

SCHOOL_YEAR_CUTOFF_MONTH = 8  # from 1 August a date belongs to the school year starting that year
DEFAULT_START = (9, 5)  # khai giảng
DEFAULT_END = (5, 31)
ONE_DAY = datetime.timedelta(days=1)


def school_year_of(day):
    """ "2016-2017" for any date from 1/8/2016 to 31/7/2017."""
    year = day.year if day.month >= SCHOOL_YEAR_CUTOFF_MONTH else day.year - 1
    return f"{year}-{year + 1}"


def school_year_label(start_year):
    return f"{start_year}-{start_year + 1}"


def shift_school_year(school_year, years):
    return school_year_label(int(school_year[:4]) + years)


def valid_school_year(text):
    return (
        isinstance(text, str)
        and len(text) == 9
        and text[4] == "-"
        and text[:4].isdigit()
        and text[5:].isdigit()
        and int(text[5:]) == int(text[:4]) + 1
    )


HOLIDAYS_CACHE_KEY = "regulations:vn-holidays:{year}"


@lru_cache(maxsize=64)
def _year_holidays(year):
    """(holiday dates, make-up Saturdays, Tết dates) of one calendar year. Kept in the shared
    cache too: importing the holidays package costs more than the audit's whole computation."""
    key = HOLIDAYS_CACHE_KEY.format(year=year)
    cached = cache.get(key)
    if cached is None:
        import holidays

        calendar = holidays.country_holidays("VN", years=year, language="en_US")
        cached = (
            sorted(calendar.keys()),
            sorted(d for d in calendar.weekend_workdays if d.year == year),
            sorted(d for d, name in calendar.items() if "Lunar New Year" in name),
        )
        cache.set(key, cached, 7 * 24 * 3600)
    days, workdays, tet = cached
    return frozenset(days), frozenset(workdays), frozenset(tet)


def tet_days(year):
    return _year_holidays(year)[2]


class Calendars:
    """Everything calendar-related for a set of authorities, loaded once (a few small queries)
    so batch computations over thousands of schools do not query per school."""

    def __init__(self, school_years=None):
        from tenants.models import Authority

        from .models import DeclaredDay, SchoolYearCalendar

        self.paths = dict(Authority.objects.values_list("pk", "path"))
        self.by_path = {path: pk for pk, path in self.paths.items()}
        # Declarations keyed by authority id (None = everyone).
        self.declared = {}
        for authority_id, day, kind in DeclaredDay.objects.values_list(
            "authority_id", "date", "kind"
        ):
            self.declared.setdefault(authority_id, {})[day] = kind == DeclaredDay.Kind.WORK
        calendars = SchoolYearCalendar.objects.prefetch_related("breaks")
        if school_years is not None:
            calendars = calendars.filter(school_year__in=list(school_years))
        self.year_calendars = {}
        for calendar in calendars:
            self.year_calendars[(calendar.authority_id, calendar.school_year)] = (
                calendar.start,
                calendar.end,
                tuple((b.start, b.end) for b in calendar.breaks.all()),
            )
        self._chains = {}
        self._working = {}
        self._years = {}
        self._weeks = {}
        self._weeks_by_inputs = {}

    def chain(self, authority_id):
        """Authority ids from the root down to this one."""
        if authority_id not in self._chains:
            path = self.paths.get(authority_id, "")
            codes = [c for c in path.split("/") if c]
            prefixes = ["/".join(codes[: i + 1]) + "/" for i in range(len(codes))]
            self._chains[authority_id] = [self.by_path[p] for p in prefixes if p in self.by_path]
        return self._chains[authority_id]

    # Working days -------------------------------------------------------------------------

    def _declarations(self, authority_id):
        key = authority_id
        if key not in self._working:
            merged = dict(self.declared.get(None, {}))
            for pk in self.chain(authority_id) if authority_id else []:
                merged.update(self.declared.get(pk, {}))
            self._working[key] = merged
        return self._working[key]

    def is_working_day(self, day, authority_id=None):
        declared = self._declarations(authority_id)
        if day in declared:
            return declared[day]
        days, workdays, _tet = _year_holidays(day.year)
        if day in workdays:
            return True
        return day.weekday() < 5 and day not in days

    def add_working_days(self, day, count, authority_id=None):
        """The count-th working day after day (day itself not counted)."""
        current = day
        remaining = count
        while remaining > 0:
            current += ONE_DAY
            if self.is_working_day(current, authority_id):
                remaining -= 1
        return current

    # School years -------------------------------------------------------------------------

    def year(self, authority_id, school_year):
        """(start, end, breaks) of the school year for an authority's subtree."""
        key = (authority_id, school_year)
        if key not in self._years:
            found = None
            for pk in reversed(self.chain(authority_id)) if authority_id else []:
                if (pk, school_year) in self.year_calendars:
                    found = self.year_calendars[(pk, school_year)]
                    break
            self._years[key] = found or default_year(school_year)
        return self._years[key]

    def bounds(self, authority_id, school_year):
        start, end, _breaks = self.year(authority_id, school_year)
        return start, end

    def school_weeks(self, authority_id, school_year):
        """Mondays of the weeks with at least one working school day (breaks and summer out)."""
        key = (authority_id, school_year)
        if key not in self._weeks:
            year = self.year(authority_id, school_year)
            # Most authorities share their inputs (the default year, no declarations of their
            # own): compute the weeks once per distinct input, not once per authority.
            inputs = (year, frozenset(self._declarations(authority_id).items()))
            if inputs not in self._weeks_by_inputs:
                self._weeks_by_inputs[inputs] = self._count_weeks(year, authority_id)
            self._weeks[key] = self._weeks_by_inputs[inputs]
        return self._weeks[key]

    def _count_weeks(self, year, authority_id):
        start, end, breaks = year
        weeks = []
        monday = monday_of(start)
        while monday <= end:
            for offset in range(6):
                day = monday + datetime.timedelta(days=offset)
                if (
                    start <= day <= end
                    and self.is_working_day(day, authority_id)
                    and not any(b_start <= day <= b_end for b_start, b_end in breaks)
                ):
                    weeks.append(monday)
                    break
            monday += datetime.timedelta(days=7)
        return tuple(weeks)


def default_year(school_year):
    year = int(school_year[:4])
    start = datetime.date(year, *DEFAULT_START)
    end = datetime.date(year + 1, *DEFAULT_END)
    tet = sorted(d for d in tet_days(year + 1) if start <= d <= end)
    breaks = ()
    if tet:
        # The whole weeks that contain the Tết holidays.
        breaks = ((monday_of(tet[0]), monday_of(tet[-1]) + datetime.timedelta(days=6)),)
    return start, end, breaks


def _authority_id(authority):
    if authority is None:
        return None
    return authority if isinstance(authority, int) else authority.pk


def school_year_bounds(authority, school_year):
    """(start, end) dates of the school year for the authority (its calendar or the default)."""
    return Calendars([school_year]).bounds(_authority_id(authority), school_year)


def school_weeks(authority, school_year):
    """Mondays of the school weeks of the year: summer and breaks excluded."""
    return Calendars([school_year]).school_weeks(_authority_id(authority), school_year)


def is_working_day(day, authority=None):
    return Calendars([]).is_working_day(day, _authority_id(authority))


def add_working_days(day, count, authority=None):
    return Calendars([]).add_working_days(day, count, _authority_id(authority))
