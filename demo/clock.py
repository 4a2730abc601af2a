"""Time for the demo: a simulated "now" (so Wagtail's own log, revisions and publication dates
carry 2016-2017 times) and the school-year calendar the profiles publish against."""

import datetime
from contextlib import contextmanager
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SCHOOL_YEAR = "2016-2017"
YEAR_START = datetime.date(2016, 9, 5)  # khai giảng
YEAR_END = datetime.date(2017, 5, 31)
TET_BREAK = (datetime.date(2017, 1, 23), datetime.date(2017, 2, 5))
# The structure deadline of letter 1636/GDĐT-VP and the office's inspection week.
STRUCTURE_DEADLINE = datetime.date(2016, 11, 25)
INSPECTION_START = datetime.date(2017, 3, 13)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


@contextmanager
def simulated_now(moment):
    """Make ``django.utils.timezone.now()`` return ``moment`` inside the block.

    Wagtail stamps log entries, revisions and first/last publication with ``timezone.now()``
    (looked up on the module at call time), so patching the module attribute is enough."""
    real = timezone.now
    fixed = moment.astimezone(datetime.UTC)
    timezone.now = lambda: fixed
    try:
        yield
    finally:
        timezone.now = real


def at(day, hour, minute=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


@lru_cache(maxsize=4)
def _holidays(year):
    return frozenset(holidays.country_holidays("VN", years=year).keys())


def is_working_day(day):
    return day.weekday() < 5 and day not in _holidays(day.year)


def working_day_on_or_after(day):
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def working_day_on_or_before(day):
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def in_break(day):
    return TET_BREAK[0] <= day <= TET_BREAK[1]


def school_weeks():
    """Mondays of the school weeks of 2016-2017 (the Tết break left out)."""
    monday = YEAR_START - datetime.timedelta(days=YEAR_START.weekday())
    weeks = []
    while monday <= YEAR_END:
        if not in_break(monday):
            weeks.append(monday)
        monday += datetime.timedelta(days=7)
    return weeks


def months():
    """(year, month) of the school year, September to May."""
    return [(2016, m) for m in range(9, 13)] + [(2017, m) for m in range(1, 6)]


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
