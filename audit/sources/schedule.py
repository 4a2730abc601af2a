"""The weekly work schedule as a recurring item (audit.md): for TH/THCS schools that serve no
meals, the regulations app leaves it to the audit, which reads it from the ledger."""

import datetime

from ..models import ActivityEvent, EventKind

SCHEDULE_MODEL = "page_types.weeklyschedulepage"


def schedule_recurring(schools, windows, as_of):
    """audit.md's recurring item for TH/THCS schools that serve no meals (the regulations app
    leaves it to the audit): the weekly work schedule of every school week, first published by
    the Friday before that week (the regulations' weekly deadline rule)."""
    from regulations.rules import week_deadline

    targets = [s for s in schools if s.level != "MN" and not s.serves_meals]
    if not targets:
        return {}
    earliest = min(windows[s.authority_id].year.start for s in targets)
    first = {}
    for school_id, week, day in ActivityEvent.objects.filter(
        school_id__in=[s.pk for s in targets],
        kind=EventKind.POST,
        page_model=SCHEDULE_MODEL,
        period_start__gte=earliest - datetime.timedelta(days=7),
        day__lte=as_of,
    ).values_list("school_id", "period_start", "day"):
        key = (school_id, week)
        if key not in first or day < first[key]:
            first[key] = day
    due_weeks = {}
    out = {}
    for school in targets:
        year = windows[school.authority_id].year
        if year not in due_weeks:
            due_weeks[year] = [
                (w, week_deadline(w)) for w in year.weeks if week_deadline(w) < as_of
            ]
        due = due_weeks[year]
        out[school.pk] = {
            "required": len(due),
            "on_time": sum(
                1 for w, deadline in due if first.get((school.pk, w), datetime.date.max) <= deadline
            ),
        }
    return out
