"""The audit of many schools as of a date: metrics, perfunctory flags (flags.py), points per
criterion (scoring.py), band and rank — a pure function of (ledger, blueprint, disclosures,
rubric, as-of date).

A fixed number of queries whatever the number of schools: aggregates over the daily rollup,
one query for the flagged events, one for bursts, and the regulations app's batch summaries."""

import datetime
import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from mandates.summaries import directive_summaries
from page_types.blueprint import blueprint_generation, blueprint_owner, sections_for
from page_types.models import MandatedSection
from tenants.models import Authority, School

from . import credit, rubric_choice, scoring
from .flags import flags_by_school
from .models import DailyActivity, Rubric
from .sources import calendar as school_calendar
from .sources import disclosure as disclosure_source
from .sources import schedule


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
    scoring.rank_rows(run.rows)  # ranks are within an authority and level: one rubric each
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
    active = defaultdict(dict)  # {school id: {monday: posts}}
    for school_id, week, posts in (
        DailyActivity.objects.filter(scope, week__in=window_weeks, day__lte=as_of, posts__gt=0)
        .values("school_id", "week")
        .annotate(n=Sum("posts"))
        .values_list("school_id", "week", "n")
        .order_by()
    ):
        active[school_id][week] = posts

    present = present_sections(schools, scope)

    v2 = rubric.rules_version >= 2
    # Under rules 2 the flags of the regularity window's weeks in the last school year matter
    # too (a for-show post there earns no active week); only this year's are shown and counted.
    flag_start = min([earliest_start, *window_weeks]) if v2 else earliest_start
    flags = flags_by_school(schools, scope, flag_start, as_of, rubric)
    credits = None
    if v2:
        discounts = credit.Discounts(flags)
        page_keys = {
            key
            for kind in {(s.level, s.serves_meals) for s in schools}
            for key, section, _required in blueprint_sections(*kind)
            if not section.expects_items
        }
        credits = Credits(
            discounts=discounts,
            last_days=discounts.last_credited_days(scope, as_of),
            with_content=credit.page_sections_with_content(scope, page_keys, as_of),
        )
    disclosures = disclosure_source.disclosure_summaries(schools, as_of)
    recurring = disclosure_source.recurring_summaries(schools, as_of)
    for school_id, figures in schedule.schedule_recurring(schools, windows, as_of).items():
        base = recurring.get(school_id) or {"required": 0, "on_time": 0}
        recurring[school_id] = {
            "required": base["required"] + figures["required"],
            "on_time": base["on_time"] + figures["on_time"],
        }

    directives = directive_summaries(schools, as_of) if rubric.points_directives else {}

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
            credits,
            directives.get(school.pk),
        )
        run.rows.append(row)
    scoring.rank_rows(run.rows)
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
    credits=None,
    directives=None,
):
    """One school's metrics, points, score and band. `aggs`: {section key: rollup sums};
    `authority`: (code, name); `credits`: what for-show posts take away (rules 2), else None."""
    year_start = window.year.start
    section_rows = []
    posts = {"7d": 0, "30d": 0, "90d": 0, "school_year": 0}
    last_update = None
    required = satisfied = 0
    discounted = credits is not None and school.pk in credits.discounts.posts
    live_for_show = credits.discounts.live_items(school.pk) if discounted else {}
    last_days = credits.last_days.get(school.pk, {}) if discounted else None
    for key, section, is_required in blueprint_sections(
        school.level, school.serves_meals, school.authority_id
    ):
        agg = aggs.get(key)
        items = max(0, agg["items"] or 0) if agg else 0
        section_last = agg["last_update"] if agg else None
        is_present = key in present
        row = {
            "slug": key,
            "title": section.title,
            "required": is_required,
            "present": is_present,
            "items": items,
            "last_update": section_last,
            "cadence_days": section.cadence_days,
        }
        if credits is None:
            row["status"] = section_status(section, is_present, items, section_last, as_of)
            if is_required:
                required += 1
                if is_present and (not section.expects_items or items >= 1):
                    satisfied += 1
        else:
            row["credited_items"] = max(0, items - live_for_show.get(key, 0))
            row["credited_last_update"] = (
                last_days.get(key) if last_days is not None else section_last
            )
            has_content = (
                row["credited_items"] >= 1
                if section.expects_items
                else (school.pk, key) in credits.with_content
            )
            row["status"] = section_status(
                section, is_present, row["credited_items"], row["credited_last_update"], as_of
            )
            if is_present and not has_content:
                row["status"] = "empty"
        section_rows.append(row)
    if credits is not None:
        # The sentence ("15/16 mục…") is counted from the rows the table shows.
        counted = [r for r in section_rows if r["required"]]
        required = len(counted)
        satisfied = sum(1 for r in counted if r["status"] in ("fresh", "stale"))
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
        "active_weeks_12": len(set(active_weeks) & set(window.window)),
        "sections": section_rows,
        "structure_share": scoring.share(satisfied, required),
        "structure": {"required": required, "satisfied": satisfied},
        "disclosure": disclosure
        or {"profile": "", "required": 0, "published": 0, "on_time": 0, "late": 0, "missing": []},
        "recurring": recurring or {"required": 0, "on_time": 0},
        # Directives due so far and done by their deadline (mandates/summaries.py).
        "directives": directives or {"due": 0, "on_time": 0},
        "flags": flags,
        "window_weeks": len(window.window),
        "flagged_posts": len({f["event_id"] for f in flags}),
    }
    if credits is not None:
        metrics["credited"] = _credited(
            school, window, aggs, active_weeks, credits, discounted, last_days, posts, as_of
        )
    points = scoring.criterion_points(rubric, metrics)
    metrics["points"] = {
        name: (None if value is None else round(value, 2)) for name, value in points.items()
    }
    metrics["weights"] = scoring.weights(rubric, metrics)
    metrics["score"] = scoring.score_of(points)
    metrics["band"] = rubric.band_for(metrics["score"])
    return metrics


@dataclass
class Credits:
    """What for-show posts take away from the audited schools (rules 2, audit/credit.py)."""

    discounts: credit.Discounts
    last_days: dict  # {school id: {section key: last credited day}} (schools with for-show posts)
    with_content: set  # {(school id, section key)} of page sections with real content


def _credited(school, window, aggs, active_weeks, credits, discounted, last_days, posts, as_of):
    """The figures volume, regularity and recency are scored on: for-show posts left out."""
    discounts = credits.discounts
    if not discounted:
        last = max((a["last_update"] for a in aggs.values() if a["last_update"]), default=None)
        weeks = len(set(active_weeks) & set(window.window))
        school_year = posts["school_year"]
    else:
        last = max(last_days.values(), default=None)
        taken = discounts.per_week(school.pk)
        weeks = sum(1 for w in window.window if active_weeks.get(w, 0) - taken.get(w, 0) > 0)
        school_year = posts["school_year"] - discounts.since(school.pk, window.year.start)
    return {
        "school_year": max(0, school_year),
        "active_weeks_12": weeks,
        "last_update": last,
        "days_since_update": (as_of - last).days if last else None,
    }
