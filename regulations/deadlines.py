"""What a school must do next: yearly items to publish or update and recurring periods, with
their deadlines (the editor's panel and the weekly reminders)."""

import datetime
from dataclasses import dataclass

from .calendars import (
    school_year_of,
    shift_school_year,
)
from .log_reading import as_of_bounds
from .recurring import open_periods
from .statuses import MISSING, NEEDS_UPDATE, year_statuses


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
    moment, as_of_date = as_of_bounds(as_of)
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
        for school_id, periods in open_periods(schools, moment, school_year).items():
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
