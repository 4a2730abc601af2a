"""What a dashboard and a drill-down add to the audit's table: weekly and daily post counts
(sparklines, heatmaps), the evidence list, the tiles, and the as-of date to open on."""

from collections import defaultdict

from django.db.models import Max, Sum
from django.utils import timezone

from .models import ActivityEvent, DailyActivity, EventKind
from .sources import calendar as school_calendar


def weekly_posts(school_ids, start, end):
    """{school id: {monday: posts}} between two dates (sparklines, heatmaps)."""
    result = defaultdict(dict)
    for school_id, week, posts in (
        DailyActivity.objects.filter(
            school_id__in=school_ids, day__gte=start, day__lte=end, posts__gt=0
        )
        .values("school_id", "week")
        .annotate(n=Sum("posts"))
        .values_list("school_id", "week", "n")
        .order_by()
    ):
        result[school_id][week] = posts
    return result


def daily_posts(school_id, start, end):
    return dict(
        DailyActivity.objects.filter(school_id=school_id, day__gte=start, day__lte=end, posts__gt=0)
        .values("day")
        .annotate(n=Sum("posts"))
        .values_list("day", "n")
        .order_by()
    )


def evidence(school, start, as_of):
    """Every counted post of the school from start to as_of, with its real publication time."""
    return [
        {
            "title": e["title"],
            "url": school.root_url + e["url_path"],
            "published_at": timezone.localtime(e["timestamp"]),
            "section": e["section_key"],
            "displayed_date": e["displayed_date"],
            "page_id": e["page_id"],
        }
        for e in ActivityEvent.objects.filter(
            school=school, kind=EventKind.POST, day__gte=start, day__lte=as_of
        )
        .order_by("timestamp", "log_entry_id")
        .values("title", "url_path", "timestamp", "section_key", "displayed_date", "page_id")
    ]


def summary(rows):
    """Tiles: schools, share meeting the disclosure rules, median days since update, bands."""
    from statistics import median

    from .models import BANDS

    meeting = sum(1 for r in rows if not r["disclosure"]["missing"])
    days = [r["days_since_update"] for r in rows if r["days_since_update"] is not None]
    bands = {band: 0 for band in BANDS}
    for row in rows:
        bands[row["band"]] += 1
    return {
        "schools": len(rows),
        "disclosure_meeting": meeting,
        "disclosure_share": round(100 * meeting / len(rows), 1) if rows else 0.0,
        "median_days": median(days) if days else None,
        "never_updated": sum(1 for r in rows if r["days_since_update"] is None),
        "bands": bands,
    }


def latest_activity_day(schools):
    return (
        DailyActivity.objects.filter(school__in=schools, posts__gt=0)
        .aggregate(last=Max("day"))
        .get("last")
    )


def default_as_of(schools, today=None):
    """Today, unless the current school year has no activity: then the last day of the latest
    school year with activity (the demo's history ends in May 2017). (as_of, moved?)"""
    today = today or timezone.localdate()
    last = latest_activity_day(schools)
    if last is None:
        return today, False
    label = school_calendar.school_year_label(today)
    if school_calendar.school_year_label(last) == label:
        return today, False
    calendar = school_calendar.SchoolCalendar([school_calendar.school_year_label(last)])
    year = calendar.year(None, school_calendar.school_year_label(last))
    return min(year.end, today), True
