"""The stored lines' fast path (audit/table.py: lines read back, report entries joined as
text) against a full computation on the benchmark's own kind of history: schools of every
level (so every disclosure profile), diligent, average, stale and for-show behaviours, a
whole school year, each rubric version in use, and a commune office with its own rubric."""

import datetime
import io

import pytest
from django.core.management import call_command

from audit import engine, rubric_choice, table
from audit.models import Rubric, StoredRow
from audit.report import report_csv, report_json
from tenants.models import Authority, School

from .history import add_news, moment, publish, words

DATES = (datetime.date(2024, 10, 15), datetime.date(2025, 1, 20), datetime.date(2025, 5, 31))


@pytest.fixture
def province(make_school):
    """The generator's first schools are kindergartens (MN): a primary and a lower secondary
    school of another office, with real publishes, bring the other levels and profiles."""
    call_command(
        "generate_scale_data", "--schools", "12", "--per-authority", "6", stdout=io.StringIO()
    )
    primary, secondary = make_school("TH"), make_school("THCS")
    for n, when in enumerate((moment(2024, 9, 9), moment(2024, 12, 2), moment(2025, 5, 12))):
        add_news(primary, when, title=f"Tin hoạt động {n}")
        add_news(secondary, when, title=f"Tin tuyển sinh {n}", attachments=1)
    add_news(secondary, moment(2025, 1, 6), title="Thông báo", text="Nghỉ học.")  # thin
    copied = words(120, seed=7)
    add_news(primary, moment(2025, 3, 3), title="Hội thi", text=copied)
    add_news(secondary, moment(2025, 3, 10), title="Hội thi", text=copied)  # duplicate
    publish(add_news(primary, moment(2025, 4, 7)), moment(2025, 4, 8))  # unchanged
    return School.objects.all()


def lines_of(run):
    return {
        r["school_id"]: {
            **r,
            "last_update": r["last_update"].isoformat() if r["last_update"] else None,
        }
        for r in run.rows
    }


def full_lines(run):
    return {
        r["school_id"]: {**table.table_row(r), "rank_in_level": r["rank_in_level"]}
        for r in run.rows
    }


def test_stored_lines_give_a_full_computations_report_for_every_rubric(province):
    schools = province
    assert {s.level for s in schools} == {"MN", "TH", "THCS"}
    versions = list(Rubric.objects.filter(owner=None).order_by("version"))
    assert {r.rules_version for r in versions} == {1, 2}  # both rule sets are exercised
    flagged = set()
    for day in DATES:
        for rubric in versions:
            full = engine.run_audit(schools, day, rubric)
            flagged |= {f["kind"] for r in full.rows for f in r["flags"]}
            first = table.table_run(schools, day, rubric)
            assert first.recomputed == len(full.rows)
            stored = table.table_run(schools, day, rubric)
            assert stored.recomputed == 0
            assert report_json(stored) == report_json(first) == report_json(full)
            assert lines_of(stored) == full_lines(full)
            assert report_csv(stored) == report_csv(full)
            # The dashboard's lighter read: the same table without the report entries.
            light = table.table_run(schools, day, rubric, with_report=False)
            expected = {
                pk: {k: v for k, v in line.items() if k not in ("report", "entry")}
                for pk, line in full_lines(full).items()
            }
            assert lines_of(light) == expected
    assert {"thin", "duplicate", "unchanged_republish"} <= flagged  # for-show schools


def test_a_commune_with_its_own_rubric_is_said_in_the_stored_report(province):
    """Two rubrics in one scope: the report names the default and each school scored with
    its office's own rubric says which (the entry decoded and re-encoded, same bytes)."""
    commune = Authority.objects.get(code="XA-001")
    copy = rubric_choice.create_own_rubric(commune)
    own = Rubric(**{**copy.new_version_data(), "posts_target": 30}, owner=commune, note="30 bài")
    own.save()
    day = DATES[-1]
    full = report_json(engine.run_audit(province, day))
    assert f'"rubric":{{"code":"{own.code}","version":{own.version}}}' in full
    table.table_run(province, day)
    assert StoredRow.objects.filter(as_of=day).count() == province.count()
    stored = table.table_run(province, day)
    assert stored.recomputed == 0
    assert report_json(stored) == full
    out = io.StringIO()
    call_command("audit_report", "--as-of", day.isoformat(), stdout=out)
    assert out.getvalue() == full
