"""The school years the demo builds, and how its reference dates move into them.

The demo's texts and timings were written for school year 2016-2017 (the year of letter
1636/GDĐT-VP). ``DemoYear.day`` moves a reference date into any school year by whole weeks, so a
Monday stays a Monday; dates of January and February move with Tết, which is lunar. Calendars,
working days and Tết come from ``regulations.calendars``, the product's own."""

import datetime
import random
import zlib
from dataclasses import dataclass
from functools import cached_property

from regulations import calendars
from tenants.clock import at

REFERENCE_YEAR = 2016  # the texts' school year 2016-2017
DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(days=7)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
STEMS = ("Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ")
BRANCHES = ("Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi")


def lunar_year_name(year):
    """“Đinh Dậu” for 2017: the name of the lunar year that starts at Tết of ``year``."""
    return f"{STEMS[year % 10]} {BRANCHES[year % 12]}"


def _tet_break(first):
    _start, _end, breaks = calendars.default_year(calendars.school_year_label(first))
    return breaks[0]


@dataclass(frozen=True)
class DemoYear:
    """School year ``first``-``first + 1``; nothing is published after ``horizon`` (the moment
    of the load for the year running now; None for a year that is over)."""

    first: int
    horizon: datetime.datetime | None = None

    @property
    def label(self):
        return calendars.school_year_label(self.first)

    @property
    def offset(self):
        """Years after the reference year (texts vary with it)."""
        return self.first - REFERENCE_YEAR

    @property
    def is_reference(self):
        return self.first == REFERENCE_YEAR

    @cached_property
    def bounds(self):
        return calendars.school_year_bounds(None, self.label)

    @property
    def start(self):
        return self.bounds[0]

    @property
    def end(self):
        return self.bounds[1]

    @cached_property
    def tet_break(self):
        return _tet_break(self.first)

    @cached_property
    def weeks(self):
        """Mondays of the school weeks (summer and the Tết break left out)."""
        return list(calendars.school_weeks(None, self.label))

    def months(self):
        """(year, month) of the school year, September to May."""
        return [(self.first, m) for m in range(9, 13)] + [(self.first + 1, m) for m in range(1, 6)]

    def day(self, reference):
        """The date of this year that plays the part of ``reference`` (a 2016-2017 date)."""
        if self.is_reference:
            return reference
        if reference.month in (1, 2) and reference.year == REFERENCE_YEAR + 1:
            return reference + (self.tet_break[0] - _tet_break(REFERENCE_YEAR)[0])
        years = self.first - REFERENCE_YEAR
        same = datetime.date(reference.year + years, reference.month, min(reference.day, 28))
        weeks = round((same - reference).days / 7)
        return reference + weeks * WEEK

    def moment(self, reference_moment):
        local = reference_moment
        return at(self.day(local.date()), local.hour, local.minute)

    def published(self, moment):
        """Whether something done at ``moment`` has already happened."""
        return self.horizon is None or moment <= self.horizon

    @property
    def tokens(self):
        """The year placeholders of the texts in ``fixtures/demo/texts/``."""
        first = self.first
        tet_from, tet_to = self.tet_break[0], self.tet_break[1]
        values = {f"{{y{n}}}": str(first - 1 + n) for n in range(6)}
        values.update({f"{{y_{n}}}": str(first - 1 - n) for n in range(1, 6)})
        values.update(
            {
                "{circular}": self.circular,
                "{tet_name}": lunar_year_name(first + 1),
                "{tet_from}": vn_date(tet_from),
                "{tet_to}": vn_date(tet_to),
                "{tet_back}": vn_date(tet_to + DAY),
            }
        )
        return values

    @property
    def circular(self):
        """The disclosure circular in force at the start of the year (“09/2024”)."""
        if self.first >= 2024:
            return "09/2024"
        return "36/2017" if self.first >= 2018 else "09/2009"

    @cached_property
    def calendars(self):
        """The product's calendars, loaded once for the thousands of look-ups of a load."""
        return calendars.Calendars([self.label])

    def is_working_day(self, day):
        return self.calendars.is_working_day(day)

    def working_day_on_or_after(self, day):
        while not self.is_working_day(day):
            day += DAY
        return day

    def working_day_on_or_before(self, day):
        while not self.is_working_day(day):
            day -= DAY
        return day


def years_to_build(today):
    """The school year that contains ``today`` (up to today) and the one before it, complete.
    From 1 June to the end of July the running year is over: it and the year before are shown."""
    label = calendars.school_year_of(today)
    first = int(label[:4])
    return [first - 1, first]


def vn_date(day):
    return day.strftime("%d/%m/%Y")


def weekday_name(day):
    return WEEKDAY_NAMES[day.weekday()]


def moment(rng, day, start=(7, 30), end=(16, 30)):
    """A time on ``day`` between start and end, minute precision."""
    first = start[0] * 60 + start[1]
    last = end[0] * 60 + end[1]
    minutes = rng.randint(first, last)
    return at(day, minutes // 60, minutes % 60)


def seeded(*parts):
    """A random generator fixed by its parts: the same school and item give the same text."""
    return random.Random(zlib.crc32(":".join(map(str, parts)).encode()))
