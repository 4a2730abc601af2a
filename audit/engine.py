"""The audit of many schools as of a date: metrics, perfunctory flags, points per criterion,
band and rank — a pure function of (ledger, blueprint, disclosures, rubric, as-of date).

A fixed number of queries whatever the number of schools: aggregates over the daily rollup,
one query for the flagged events, one for bursts, and the regulations app's batch summaries."""

import bisect
import datetime
import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from page_types.blueprint import blueprint_generation, blueprint_owner, sections_for
from page_types.models import MandatedSection
from tenants.models import Authority, School

from . import rubric_choice
from .models import ActivityEvent, DailyActivity, EventKind, Rubric
from .sources import calendar as school_calendar
from .sources import disclosure as disclosure_source
from .text import THIN_EXEMPT_MODELS

FLAG_KINDS = ("thin", "duplicate", "burst", "backdated", "unchanged_republish")
FLAG_LABELS = {
    "thin": gettext_lazy("Bài sơ sài"),
    "duplicate": gettext_lazy("Bài trùng lặp"),
    "burst": gettext_lazy("Đăng dồn"),
    "backdated": gettext_lazy("Lùi ngày đăng"),
    "unchanged_republish": gettext_lazy("Xuất bản lại không đổi"),
}
CRITERIA = (
    ("structure", "points_structure"),
    ("volume", "points_volume"),
    ("regularity", "points_regularity"),
    ("recency", "points_recency"),
    ("disclosure_completeness", "points_disclosure_completeness"),
    ("disclosure_timeliness", "points_disclosure_timeliness"),
    ("recurring", "points_recurring"),
)


@dataclass
class YearWindow:
    """One authority's school year as seen from the as-of date."""

    year: school_calendar.SchoolYear
    elapsed: list
    window: list  # the last N school weeks that have started (may reach into the last year)

    @property
    def target_share(self):
        return len(self.elapsed) / len(self.year.weeks) if self.year.weeks else 0.0


@dataclass
class AuditRun:
    as_of: datetime.date
    school_year: str
    rubric: Rubric
    rows: list = field(default_factory=list)
    windows: dict = field(default_factory=dict)  # authority id → YearWindow
    computed_at: datetime.datetime | None = None


def share(done, required):
    return 1.0 if required <= 0 else min(1.0, done / required)


def recency_points(rubric, days):
    if days is None:
        return 0.0
    if days <= rubric.recency_full_days:
        return float(rubric.points_recency)
    if days <= rubric.recency_mid_days:
        return float(rubric.recency_mid_points)
    if days <= rubric.recency_low_days:
        return float(rubric.recency_low_points)
    return 0.0


def criterion_points(rubric, m):
    """Points per criterion (unrounded) from one school's metrics `m`."""
    disclosure = m["disclosure"]
    recurring = m["recurring"]
    points = {
        "structure": rubric.points_structure * m["structure_share"],
        "volume": rubric.points_volume * share(m["posts"]["school_year"], m["target_exact"]),
        "regularity": rubric.points_regularity
        * min(1.0, m["active_weeks_12"] / rubric.regularity_full_weeks),
        "recency": recency_points(rubric, m["days_since_update"]),
        "disclosure_completeness": rubric.points_disclosure_completeness
        * share(disclosure["published"], disclosure["required"]),
        "disclosure_timeliness": rubric.points_disclosure_timeliness
        * share(disclosure["on_time"], disclosure["required"]),
        "recurring": rubric.points_recurring * share(recurring["on_time"], recurring["required"]),
    }
    points["penalty"] = -min(float(rubric.penalty_max), rubric.penalty_per_flag * len(m["flags"]))
    return points


def score_of(points):
    return round(min(100.0, max(0.0, sum(points.values()))) + 0.0, 1)


def rank_rows(rows):
    """rank_in_level: 1 + schools of the same authority and level with a higher score."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["authority"], row["level"])].append(row["score"])
    for row in rows:
        row["rank_in_level"] = 1 + sum(
            1 for s in groups[(row["authority"], row["level"])] if s > row["score"]
        )


def section_status(section, present, items, last_update, as_of):
    if not present:
        return "missing"
    if section.expects_items and items <= 0:
        return "empty"
    if not section.expects_items and last_update is None:
        return "empty"
    if section.cadence_days and (
        last_update is None or (as_of - last_update).days > section.cadence_days
    ):
        return "stale"
    return "fresh"


def scope_schools(schools):
    return schools.filter(is_active=True)


def blueprint_sections(level, serves_meals, authority_id=None):
    """(key, section, required) of a school kind under the blueprint its authority follows,
    computed once per blueprint version (office admins change blueprints)."""
    owner = blueprint_owner(authority_id)
    return _blueprint_sections(level, serves_meals, owner, blueprint_generation())


@lru_cache(maxsize=64)
def _blueprint_sections(level, serves_meals, owner, generation):
    return tuple(
        (key, section, section.is_required(level, serves_meals))
        for key, section in sections_for(level, serves_meals, authority=owner)
    )


def _school_kind(school):
    return (school.level, school.serves_meals, blueprint_owner(school.authority_id))


def year_windows(authority_ids, as_of, rubric):
    label = school_calendar.school_year_label(as_of)
    previous = school_calendar.shift(label, -1)
    calendar = school_calendar.SchoolCalendar([label, previous])
    windows = {}
    for authority_id in authority_ids:
        year = calendar.year(authority_id, label)
        elapsed = year.elapsed_weeks(as_of)
        before = list(calendar.year(authority_id, previous).weeks)
        windows[authority_id] = YearWindow(
            year=year,
            elapsed=elapsed,
            window=(before + elapsed)[-rubric.regularity_window_weeks :],
        )
    return label, windows


@contextmanager
def without_gc():
    """Tens of thousands of small dicts (a province's audit): the cyclic GC would rescan them
    again and again; nothing here makes reference cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def aggregation_memory():
    """PostgreSQL's default work_mem (4 MB) makes a province's aggregates spill to disk
    (measured: the burst query 0.52 s → see bench/README.md); raise it for this session only."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW work_mem")
        previous = cursor.fetchone()[0]
        cursor.execute("SET work_mem = '64MB'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('work_mem', %s, false)", [previous])


def run_audit(schools=None, as_of=None, rubric=None):
    """Audit the active schools of a queryset (default: all) as of a date (default: today),
    each scored with its nearest authority's rubric unless `rubric` is given."""
    with without_gc(), aggregation_memory():
        if rubric is not None:
            return _run_audit(schools, as_of, rubric)
        return _run_by_rubric(schools, as_of)


def _run_by_rubric(schools, as_of):
    """One pass per rubric in use (usually one). The run names the reference rubric
    (rubric_choice.reference_rubric); a row scored with another carries its own `rubric`."""
    scoped = scope_schools(schools if schools is not None else School.objects.all())
    groups = rubric_choice.rubric_groups(sorted(set(scoped.values_list("authority_id", flat=True))))
    reference = rubric_choice.reference_rubric(groups)
    if len(groups) <= 1:
        return _run_audit(scoped, as_of, reference)
    parts = [
        _run_audit(scoped.filter(authority_id__in=ids), as_of, rubric)
        for rubric, ids in groups.items()
    ]
    run = AuditRun(as_of=parts[0].as_of, school_year=parts[0].school_year, rubric=reference)
    for part in parts:
        if part.rubric != reference:
            for row in part.rows:
                row["rubric"] = {"code": part.rubric.code, "version": part.rubric.version}
        run.rows.extend(part.rows)
        run.windows.update(part.windows)
    rank_rows(run.rows)  # ranks are within an authority and level: one rubric each
    run.rows.sort(key=lambda r: (r["authority"], r["level"], r["rank_in_level"], r["code"]))
    return run


def _run_audit(schools, as_of, rubric):
    as_of = as_of or timezone.localdate()
    rubric = rubric or Rubric.current()
    scoped = scope_schools(schools if schools is not None else School.objects.all())
    schools = list(scoped)
    authority_ids = sorted({s.authority_id for s in schools})
    authorities = {
        pk: (code, name)
        for pk, code, name in Authority.objects.filter(pk__in=authority_ids).values_list(
            "pk", "code", "name"
        )
    }
    label, windows = year_windows(authority_ids, as_of, rubric)
    run = AuditRun(as_of=as_of, school_year=label, rubric=rubric, windows=windows)
    if not schools:
        return run
    # A subquery, not a list of thousands of ids: cheaper to build and to plan.
    scope = Q(school_id__in=scoped.values("pk"))

    # Authorities grouped by the first day of their school year (usually one group).
    by_start = defaultdict(list)
    for authority_id in authority_ids:
        by_start[windows[authority_id].year.start].append(authority_id)
    if len(by_start) == 1:
        in_year = Q(day__gte=next(iter(by_start)))
    else:
        in_year = Q()
        for start, group in by_start.items():
            in_year |= Q(day__gte=start, school__authority_id__in=group)
    earliest_start = min(by_start)

    sections = defaultdict(dict)
    for row in (
        DailyActivity.objects.filter(scope, day__lte=as_of)
        .values("school_id", "section_key")
        .annotate(
            items=Sum("items_delta"),
            last_update=Max("day", filter=Q(posts__gt=0) | Q(updates__gt=0)),
            p7=Sum("posts", filter=Q(day__gt=as_of - datetime.timedelta(days=7))),
            p30=Sum("posts", filter=Q(day__gt=as_of - datetime.timedelta(days=30))),
            p90=Sum("posts", filter=Q(day__gt=as_of - datetime.timedelta(days=90))),
            psy=Sum("posts", filter=in_year),
        )
        .order_by()
    ):
        sections[row["school_id"]][row["section_key"]] = row

    window_weeks = {w for window in windows.values() for w in window.window}
    active = defaultdict(set)
    for school_id, week in (
        DailyActivity.objects.filter(scope, week__in=window_weeks, day__lte=as_of, posts__gt=0)
        .values_list("school_id", "week")
        .distinct()
    ):
        active[school_id].add(week)

    present = present_sections(schools, scope)

    flags = _flags(schools, scope, earliest_start, as_of, rubric)
    disclosures = disclosure_source.disclosure_summaries(schools, as_of)
    recurring = disclosure_source.recurring_summaries(schools, as_of)
    for school_id, figures in schedule_recurring(schools, windows, as_of).items():
        base = recurring.get(school_id) or {"required": 0, "on_time": 0}
        recurring[school_id] = {
            "required": base["required"] + figures["required"],
            "on_time": base["on_time"] + figures["on_time"],
        }

    for school in schools:
        window = windows[school.authority_id]
        row = _school_row(
            school,
            window,
            sections[school.pk],
            active[school.pk],
            present[school.pk],
            flags.get(school.pk, []),
            disclosures.get(school.pk),
            recurring.get(school.pk),
            rubric,
            as_of,
            authorities[school.authority_id],
        )
        run.rows.append(row)
    rank_rows(run.rows)
    run.rows.sort(key=lambda r: (r["authority"], r["level"], r["rank_in_level"], r["code"]))
    return run


def present_sections(schools, scope):
    """{school id: keys of the blueprint sections it has, live}. Nearly every school has all
    of them: count per school first, and list keys only where something is missing."""
    authorities = defaultdict(set)  # kind -> authority ids (kind: level, meals, blueprint)
    for s in schools:
        authorities[_school_kind(s)].add(s.authority_id)
    expected = {
        kind: {key for key, _s, _r in _blueprint_sections(*kind, blueprint_generation())}
        for kind in authorities
    }
    match = Q()
    for (level, meals, _owner), keys in expected.items():
        match |= Q(
            school__level=level,
            school__serves_meals=meals,
            school__authority_id__in=sorted(authorities[(level, meals, _owner)]),
            key__in=keys,
        )
    sections = MandatedSection.objects.filter(scope).filter(match)
    counts = dict(
        sections.filter(page__live=True)
        .values("school_id")
        .annotate(n=Count("id"))
        .values_list("school_id", "n")
        .order_by()
    )
    present = {}
    incomplete = []
    for school in schools:
        keys = expected[_school_kind(school)]
        if counts.get(school.pk, 0) == len(keys):
            present[school.pk] = keys
        else:
            incomplete.append(school.pk)
            present[school.pk] = set()
    if incomplete:
        for school_id, key in sections.filter(
            page__live=True, school_id__in=incomplete
        ).values_list("school_id", "key"):
            present[school_id].add(key)
    return present


def _school_row(
    school,
    window,
    aggs,
    active_weeks,
    present,
    flags,
    disclosure,
    recurring,
    rubric,
    as_of,
    authority,
):
    """One school's metrics, points, score and band. `aggs`: {section key: rollup sums};
    `authority`: (code, name)."""
    year_start = window.year.start
    section_rows = []
    posts = {"7d": 0, "30d": 0, "90d": 0, "school_year": 0}
    last_update = None
    required = satisfied = 0
    for key, section, is_required in blueprint_sections(
        school.level, school.serves_meals, school.authority_id
    ):
        agg = aggs.get(key)
        items = max(0, agg["items"] or 0) if agg else 0
        section_last = agg["last_update"] if agg else None
        is_present = key in present
        status = section_status(section, is_present, items, section_last, as_of)
        if is_required:
            required += 1
            if is_present and (not section.expects_items or items >= 1):
                satisfied += 1
        section_rows.append(
            {
                "slug": key,
                "title": section.title,
                "required": is_required,
                "present": is_present,
                "items": items,
                "last_update": section_last,
                "status": status,
                "cadence_days": section.cadence_days,
            }
        )
    # Totals over every section, including pages outside the blueprint (the home page…).
    for agg in aggs.values():
        posts["7d"] += agg["p7"] or 0
        posts["30d"] += agg["p30"] or 0
        posts["90d"] += agg["p90"] or 0
        posts["school_year"] += agg["psy"] or 0
        if agg["last_update"] and (last_update is None or agg["last_update"] > last_update):
            last_update = agg["last_update"]
    target_exact = rubric.posts_target * window.target_share
    posts["target"] = round(target_exact, 1)
    flags = [f for f in flags if f["day"] >= year_start]
    metrics = {
        "school_id": school.pk,
        "school": school,
        "code": school.code,
        "name": school.name,
        "level": school.level,
        "authority": authority[0],
        "authority_id": school.authority_id,
        "authority_name": authority[1],
        "last_update": last_update,
        "days_since_update": (as_of - last_update).days if last_update else None,
        "posts": posts,
        "target_exact": target_exact,
        "active_weeks_12": len(active_weeks & set(window.window)),
        "sections": section_rows,
        "structure_share": share(satisfied, required),
        "structure": {"required": required, "satisfied": satisfied},
        "disclosure": disclosure
        or {"profile": "", "required": 0, "published": 0, "on_time": 0, "late": 0, "missing": []},
        "recurring": recurring or {"required": 0, "on_time": 0},
        "flags": flags,
    }
    points = criterion_points(rubric, metrics)
    metrics["points"] = {name: round(value, 2) for name, value in points.items()}
    metrics["score"] = score_of(points)
    metrics["band"] = rubric.band_for(metrics["score"])
    return metrics


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


FLAG_FIELDS = (
    "id",
    "school_id",
    "kind",
    "page_id",
    "page_model",
    "title",
    "url_path",
    "timestamp",
    "day",
    "word_count",
    "attachment_count",
    "image_count",
    "displayed_date",
    "displayed_lag_days",
    "duplicate_similarity",
    "shared_from_office",
    "duplicate_of__title",
    "duplicate_of__timestamp",
    "duplicate_of__school__name",
)


class _FlagMaker:
    """Builds flag dicts for thousands of events: the zone, the schools' URLs and the translated
    reasons are looked up once, not once per flag."""

    def __init__(self, schools):
        self.tz = timezone.get_current_timezone()
        self.root_urls = {s.pk: s.root_url for s in schools}
        self.reasons = {
            "unchanged_republish": _("Xuất bản lại ngày %(day)s mà nội dung không thay đổi."),
            "thin": _("Chỉ có %(words)s chữ, %(images)s ảnh, không có tệp đính kèm."),
            "duplicate": _("Giống %(pct)s%% bài “%(title)s” của %(school)s đăng ngày %(day)s."),
            "backdated": _(
                "Ngày hiển thị %(shown)s, đăng thật ngày %(real)s (sớm hơn %(lag)s ngày)."
            ),
            "burst": _("%(count)s bài trong %(hours)s giờ, sau %(quiet)s ngày không có bài nào."),
        }
        self.labels = {kind: str(label) for kind, label in FLAG_LABELS.items()}
        self.many = _("nhiều")

    def __call__(self, kind, event, **values):
        moment = event["timestamp"].astimezone(self.tz)
        return {
            "kind": kind,
            "label": self.labels[kind],
            "url": self.root_urls[event["school_id"]] + event["url_path"],
            "published_at": moment.isoformat(timespec="seconds"),
            "moment": moment,
            "day": event["day"],
            "title": event["title"],
            "page_id": event["page_id"],
            "reason": self.reasons[kind] % values,
        }


def _flags(schools, scope, start, as_of, rubric):
    """{school id: [flag]} for events from `start` to as_of (callers cut at their year start)."""
    make = _FlagMaker(schools)
    window = Q(day__gte=start, day__lte=as_of) & scope
    thin = Q(
        kind=EventKind.POST,
        word_count__lt=rubric.thin_min_words,
        attachment_count=0,
        image_count__lte=rubric.thin_max_images,
    ) & ~Q(page_model__in=THIN_EXEMPT_MODELS)
    duplicate = Q(
        kind=EventKind.POST,
        duplicate_similarity__gte=rubric.duplicate_similarity,
        shared_from_office=False,
    )
    backdated = Q(kind=EventKind.POST, displayed_lag_days__gt=rubric.backdated_days)
    unchanged = Q(kind=EventKind.UNCHANGED)
    found = defaultdict(list)
    for event in (
        ActivityEvent.objects.filter(window)
        .filter(thin | duplicate | backdated | unchanged)
        .values(*FLAG_FIELDS)
    ):
        flags = found[event["school_id"]]
        if event["kind"] == EventKind.UNCHANGED:
            flags.append(make("unchanged_republish", event, day=_date(event["day"])))
            continue
        if (
            event["word_count"] is not None
            and event["word_count"] < rubric.thin_min_words
            and event["attachment_count"] == 0
            and event["image_count"] <= rubric.thin_max_images
            and event["page_model"] not in THIN_EXEMPT_MODELS
        ):
            flags.append(
                make("thin", event, words=event["word_count"], images=event["image_count"])
            )
        similarity = event["duplicate_similarity"]
        if (
            similarity is not None
            and similarity >= rubric.duplicate_similarity
            and not event["shared_from_office"]
        ):
            original = event["duplicate_of__timestamp"].astimezone(make.tz).date()
            flags.append(
                make(
                    "duplicate",
                    event,
                    pct=round(similarity * 100),
                    title=event["duplicate_of__title"],
                    school=event["duplicate_of__school__name"],
                    day=_date(original),
                )
            )
        lag = event["displayed_lag_days"]
        if lag is not None and lag > rubric.backdated_days:
            flags.append(
                make(
                    "backdated",
                    event,
                    shown=_date(event["displayed_date"]),
                    real=_date(event["day"]),
                    lag=lag,
                )
            )
    for event in _bursts(scope, start, as_of, rubric):
        gap = event["gap_seconds"]
        found[event["school_id"]].append(
            make(
                "burst",
                event,
                count=event["burst_count"],
                hours=rubric.burst_hours,
                quiet=make.many if gap is None else gap // 86400,
            )
        )
    for flags in found.values():
        flags.sort(key=lambda f: (f["published_at"], f["kind"], f["url"]))
    return found


def _bursts(scope, start, as_of, rubric):
    """First posts of each burst: ≥ N posts within H hours, after ≥ D days without a post.

    N posts within H hours fall on at most H // 24 + 2 calendar days, so one of those days has
    at least N / (H // 24 + 2) posts: only candidates next to such a "heavy" day (found in the
    rollup) are counted exactly, which keeps this cheap for thousands of schools."""
    span_days = rubric.burst_hours // 24 + 2
    heavy_min = -(-rubric.burst_posts // span_days)
    heavy = set(
        DailyActivity.objects.filter(scope, day__gte=start, day__lte=as_of, posts__gt=0)
        .values("school_id", "day")
        .annotate(n=Sum("posts"))
        .filter(n__gte=heavy_min)
        .values_list("school_id", "day")
        .order_by()
    )
    if not heavy:
        return []
    quiet = rubric.burst_quiet_days * 86400
    spread = [datetime.timedelta(days=k) for k in range(span_days)]
    candidates = [
        event
        for event in ActivityEvent.objects.filter(
            school_id__in={school_id for school_id, _day in heavy},
            kind=EventKind.POST,
            day__gte=start,
            day__lte=as_of,
        )
        .filter(Q(gap_seconds__isnull=True) | Q(gap_seconds__gte=quiet))
        .values(*FLAG_FIELDS, "gap_seconds")
        if any((event["school_id"], event["day"] + k) in heavy for k in spread)
    ]
    if not candidates:
        return []
    # Posts of the candidate schools on the candidate days (two IN lists; pairs checked below).
    wanted = {(e["school_id"], e["day"] + k) for e in candidates for k in spread}
    times = defaultdict(list)
    for school_id, day, moment in (
        ActivityEvent.objects.filter(
            school_id__in={school_id for school_id, _day in wanted},
            day__in={day for _school_id, day in wanted},
            kind=EventKind.POST,
            day__lte=as_of,
        )
        .values_list("school_id", "day", "timestamp")
        .order_by("timestamp")
    ):
        if (school_id, day) in wanted:
            times[school_id].append(moment)
    span = datetime.timedelta(hours=rubric.burst_hours)
    found = []
    for event in candidates:
        moments = times[event["school_id"]]
        first = bisect.bisect_left(moments, event["timestamp"])
        last = bisect.bisect_left(moments, event["timestamp"] + span)
        if last - first >= rubric.burst_posts:
            found.append({**event, "burst_count": last - first})
    return found


def _date(day):
    return day.strftime("%d/%m/%Y") if day else ""


# --- what a dashboard and a drill-down add --------------------------------------------------


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
