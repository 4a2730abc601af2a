"""School years and school weeks, from the regulations app's calendars (an office's calendar
applies to its subtree; without one: 5 September → 31 May with the Tết weeks off)."""

import datetime
from dataclasses import dataclass

from regulations import calendars as regulation_calendars


@dataclass(frozen=True)
class SchoolYear:
    label: str
    start: datetime.date
    end: datetime.date
    weeks: tuple  # Mondays of the school weeks (summer and breaks excluded)

    def elapsed_weeks(self, as_of):
        return [week for week in self.weeks if week <= as_of]


def school_year_label(day):
    return regulation_calendars.school_year_of(day)


def shift(label, years):
    return regulation_calendars.shift_school_year(label, years)


class SchoolCalendar:
    """School years of many authorities, loaded once (the audit covers thousands of schools)."""

    def __init__(self, labels):
        self._calendars = regulation_calendars.Calendars(list(labels))
        self._years = {}

    def year(self, authority_id, label):
        key = (authority_id, label)
        if key not in self._years:
            start, end = self._calendars.bounds(authority_id, label)
            weeks = tuple(self._calendars.school_weeks(authority_id, label))
            self._years[key] = SchoolYear(label, start, end, weeks)
        return self._years[key]
