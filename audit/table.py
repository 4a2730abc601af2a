"""The dashboard's table of a whole scope, kept per school in the database.

A province's table is 3,500 schools; computing it takes seconds, but on a given day only the
schools that published since the last visit have changed. Each school's line is stored as of a
date under a rubric version (`StoredRow`) with the version counters of its inputs
(audit/stamps.py); a visit reads the valid lines and recomputes only the others, then ranks
the whole scope (ranks are the only figure that depends on other schools).

The lines are the same numbers `engine.run_audit` gives: a test compares them. Each line also
carries its school's entry of the `audit_report` contract, encoded once as JSON text
(`encode_entry`), so the report reads the same stored lines as the dashboard and joins their
texts instead of decoding and re-encoding them (the same bytes as a full computation)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from tenants.models import School

from . import engine, rubric_choice, scoring, stamps
from .models import Rubric, SchoolStamp, StoredRow
from .report import encode_entry, school_entry
from .sources import calendar as school_calendar

# What the table and its tiles show of an audit row.
TABLE_KEYS = (
    "school_id",
    "code",
    "name",
    "level",
    "authority",
    "authority_id",
    "score",
    "band",
    "last_update",
    "days_since_update",
    "posts",
    "active_weeks_12",
    "disclosure",
)
# A safety net for inputs changed behind the signals' back (raw SQL, a data migration).
MAX_AGE = datetime.timedelta(days=1)
# A line's "report" key: its report entry is in `StoredRow.entry`, encoded by this format.
# Lines without it (stored before) are recomputed once rather than misread.
ENTRY_FORMAT = 2


@dataclass
class TableRun:
    as_of: datetime.date
    school_year: str
    rubric: Rubric
    rows: list = field(default_factory=list)
    recomputed: int = 0
    computed_at: datetime.datetime | None = None


def table_row(row):
    """The stored form of an audit row: the table's line (JSON) and its report entry's text."""
    line = {key: row[key] for key in TABLE_KEYS}
    line["last_update"] = row["last_update"].isoformat() if row["last_update"] else None
    line["flag_count"] = len(row["flags"])
    line["report"] = ENTRY_FORMAT
    # The rank depends on the other schools: the report puts it in from the ranked line.
    line["entry"] = encode_entry(school_entry(row))
    return line


def _loaded(line):
    if line["last_update"]:
        line["last_update"] = datetime.date.fromisoformat(line["last_update"])
    return line


def table_run(schools, as_of, rubric=None, refresh=False, with_report=True):
    """The table of the active schools of `schools` as of a date, each school scored with its
    nearest authority's rubric unless `rubric` is given. `refresh` recomputes every line
    instead of reusing stored ones. `with_report=False` (the dashboard) leaves out the stored
    lines' report entries (their text, 85 % of a line's bytes)."""
    # 3,500 decoded lines are 100,000 small objects: without this the cyclic GC rescans the
    # whole heap again and again while they are made (measured: 0.46 s of a 0.5 s read).
    with engine.without_gc():
        return _table_run(schools, as_of, rubric, refresh, with_report)


def _table_run(schools, as_of, rubric, refresh, with_report):
    scoped = engine.scope_schools(schools)
    if rubric is not None:
        groups = {rubric: scoped}
    else:
        by_rubric = rubric_choice.rubric_groups(
            sorted(set(scoped.values_list("authority_id", flat=True)))
        )
        rubric = rubric_choice.reference_rubric(by_rubric)
        groups = {rubric: scoped}
        if len(by_rubric) > 1:
            groups = {r: scoped.filter(authority_id__in=ids) for r, ids in by_rubric.items()}
    # Counters read before computing: a publication during the computation leaves the new line
    # with the old counter, so the next visit recomputes it.
    current_global = stamps.global_value()
    rows, recomputed = [], 0
    for group_rubric, group in groups.items():
        lines, missing = _lines(group, as_of, group_rubric, refresh, current_global, with_report)
        if group_rubric != rubric:
            # Scored with its own office's rubric, not the one naming the run (audit_report).
            named = {"code": group_rubric.code, "version": group_rubric.version}
            for line in lines:
                line["rubric"] = named  # the report's entry says so too (report.entry_text)
        rows += lines
        recomputed += missing
    scoring.rank_rows(rows)
    rows.sort(key=lambda r: (r["authority"], r["level"], r["rank_in_level"], r["code"]))
    return TableRun(
        as_of=as_of,
        school_year=school_calendar.school_year_label(as_of),
        rubric=rubric,
        rows=rows,
        recomputed=recomputed,
        computed_at=timezone.now(),
    )


def _lines(scoped, as_of, rubric, refresh, current_global, with_report=True):
    """The lines of schools scored with one rubric: stored ones still valid, the others
    computed and stored. Returns (lines, how many were computed)."""
    ids = list(scoped.values_list("pk", flat=True))
    lines = {}
    if not refresh:
        fresh_after = timezone.now() - MAX_AGE
        # Valid lines only: their school's counter is compared in the same query (no list of
        # thousands of counters read first).
        stored = StoredRow.objects.filter(
            school_id__in=scoped.values("pk"),
            as_of=as_of,
            rubric=rubric,
            global_stamp=current_global,
            computed_at__gte=fresh_after,
            stamp=Coalesce(
                Subquery(
                    SchoolStamp.objects.filter(school_id=OuterRef("school_id")).values("value")
                ),
                0,
            ),
        )
        # The dashboard reads the small lines only; the report their entries' text too.
        if with_report:
            found = stored.values_list("school_id", "row", "entry")
        else:
            found = ((pk, line, None) for pk, line in stored.values_list("school_id", "row"))
        for school_id, line, entry in found:
            # A line stored before lines carried their report entry is recomputed once.
            if line.get("report") == ENTRY_FORMAT:
                if with_report:
                    line["entry"] = entry
                else:
                    del line["report"]
                lines[school_id] = _loaded(line)
    missing = [pk for pk in ids if pk not in lines]
    if missing:
        counters = stamps.school_values(missing)
        targets = scoped if len(missing) == len(ids) else School.objects.filter(pk__in=missing)
        computed = [table_row(row) for row in engine.run_audit(targets, as_of, rubric).rows]
        _store(computed, as_of, rubric, counters, current_global)
        for line in computed:
            if not with_report:
                del line["report"], line["entry"]
            lines[line["school_id"]] = _loaded(line)
    return list(lines.values()), len(missing)


def _store(lines, as_of, rubric, counters, current_global):
    now = timezone.now()
    StoredRow.objects.bulk_create(
        [
            StoredRow(
                school_id=line["school_id"],
                as_of=as_of,
                rubric=rubric,
                stamp=counters.get(line["school_id"], 0),
                global_stamp=current_global,
                row={k: v for k, v in line.items() if k != "entry"},
                entry=line["entry"],
                computed_at=now,
            )
            for line in lines
        ],
        update_conflicts=True,
        unique_fields=["school", "as_of", "rubric"],
        update_fields=["stamp", "global_stamp", "row", "entry", "computed_at"],
        batch_size=1000,
    )


def prune(keep_days=7):
    """Drop lines computed more than `keep_days` ago (past dates looked up once)."""
    cutoff = timezone.now() - datetime.timedelta(days=keep_days)
    return StoredRow.objects.filter(computed_at__lt=cutoff).delete()[0]
