"""Rubric version 2 on four known autumns (real publishes at chosen times), as the office sees
them on 25/11/2016: a school that posts every week, a school with two September posts and then
one morning of thirty thin near-identical posts, a school that stopped in September, and a school
that has published nothing."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from audit import scoring
from audit.engine import run_audit
from audit.models import Rubric
from audit.views import criterion_basis
from tenants.clock import at, simulated_now
from tenants.models import School

from .history import add_news, section, words
from .test_ledger import ledger_state
from .test_report import SCHOOL_KEYS

AS_OF = datetime.date(2016, 11, 25)
FIRST_MONDAY = datetime.date(2016, 9, 5)
WEEK = datetime.timedelta(days=7)


def weekly_news(school, weeks, start=FIRST_MONDAY):
    """One news item every Tuesday morning for `weeks` school weeks."""
    for n in range(weeks):
        add_news(school, at(start + n * WEEK + datetime.timedelta(days=1), 8, 15))


def write_page_section(school, key, text, when):
    page = section(school, key)
    page.body = [("paragraph", f"<p>{text}</p>")] if text else []
    with simulated_now(when):
        page.save_revision().publish()


@pytest.fixture
def four_schools(make_school):
    weekly = make_school("TH", name="Trường TH Chăm Chỉ", slug="th-cham-chi")
    for_show = make_school("TH", name="Trường TH Chiếu Lệ", slug="th-chieu-le")
    stopped = make_school("TH", name="Trường TH Bỏ Dở", slug="th-bo-do")
    empty = make_school("TH", name="Trường TH Bỏ Trống", slug="th-bo-trong")

    weekly_news(weekly, 12)  # 6/9 … 22/11: every one of the 12 school weeks so far
    write_page_section(weekly, "gioi-thieu/lich-su", words(80, seed=9), at(FIRST_MONDAY, 9))
    # Published with nothing beyond its title: not "present with content".
    write_page_section(weekly, "gioi-thieu/doi-ngu", "", at(FIRST_MONDAY, 10))

    add_news(for_show, at(datetime.date(2016, 9, 6), 8))
    add_news(for_show, at(datetime.date(2016, 9, 13), 8))
    # The morning before the inspection: thirty thin, near-identical posts in 2½ hours.
    for n in range(30):
        add_news(
            for_show,
            at(datetime.date(2016, 11, 18), 7, 0) + datetime.timedelta(minutes=5 * n),
            title=f"Hoạt động ngày 18/11 ({n + 1})",
            text=f"Hình ảnh hoạt động ngoại khóa của học sinh lớp {n % 5 + 1}A",
        )

    weekly_news(stopped, 4)  # September only
    return weekly, for_show, stopped, empty


def audited(schools):
    run = run_audit(School.objects.filter(pk__in=[s.pk for s in schools]), AS_OF)
    return run, {row["school_id"]: row for row in run.rows}


def test_for_show_pays_nothing_and_nothing_earns_nothing(four_schools):
    weekly, for_show, stopped, empty = four_schools
    run, rows = audited(four_schools)
    # Version 3 (no directive due here: the same weights as version 2, spread back).
    assert (run.rubric.code, run.rubric.version, run.rubric.rules_version) == ("default", 3, 2)
    score = {school: rows[school.pk]["score"] for school in four_schools}

    assert score[weekly] > score[stopped] >= score[for_show]
    assert abs(score[for_show] - score[stopped]) < abs(score[for_show] - score[weekly])
    assert score[empty] <= 5

    show = rows[for_show.pk]
    assert show["posts"]["school_year"] == 32  # every post is in the evidence…
    assert show["credited"]["school_year"] == 2  # …but only the September ones count
    assert show["credited"]["active_weeks_12"] == 2
    assert show["credited"]["last_update"] == datetime.date(2016, 9, 13)
    assert show["flagged_posts"] == 30
    assert show["points"]["penalty"] == -20  # −1 per flagged post, at most −20
    burst = {f["event_id"] for f in show["flags"] if f["kind"] == "burst"}
    assert len(burst) == 30  # every post of the morning, not only its first
    news = next(s for s in show["sections"] if s["slug"] == "tin-tuc")
    assert (news["items"], news["credited_items"]) == (32, 2)

    steady = rows[weekly.pk]
    assert steady["credited"]["school_year"] == steady["posts"]["school_year"] == 12
    assert steady["credited"]["active_weeks_12"] == 12
    assert steady["points"]["regularity"] == pytest.approx(steady["weights"]["regularity"])
    assert steady["flagged_posts"] == 0 and steady["points"]["penalty"] == 0


def test_no_criterion_with_nothing_due_gives_points(four_schools):
    _run, rows = audited(four_schools)
    rubric = Rubric.current()
    total = sum(getattr(rubric, field) for _name, field in scoring.CRITERIA)
    for row in rows.values():
        due = scoring.applicable(row)
        for name, _field in scoring.CRITERIA:
            if not due[name]:
                assert row["points"][name] is None, (row["name"], name)
                assert row["weights"][name] is None
                assert "chia cho các tiêu chí khác" in criterion_basis(name, row, rubric)
            else:
                assert 0 <= row["points"][name] <= row["weights"][name] + 1e-9
        # The weights of what is due add up to the rubric's total: nothing is lost or gained.
        assert sum(w for w in row["weights"].values() if w is not None) == pytest.approx(total)
    empty = next(r for r in rows.values() if r["name"] == "Trường TH Bỏ Trống")
    assert all(not points for points in empty["points"].values() if points is not None)


def test_the_structure_sentence_is_counted_from_its_table(four_schools):
    weekly, *_others = four_schools
    _run, rows = audited(four_schools)
    rubric = Rubric.current()
    for row in rows.values():
        required = [s for s in row["sections"] if s["required"]]
        with_content = [s for s in required if s["status"] not in ("missing", "empty")]
        assert criterion_basis("structure", row, rubric) == (
            f"{len(with_content)}/{len(required)} mục bắt buộc có mặt và có nội dung"
        )
    sections = {s["slug"]: s for s in rows[weekly.pk]["sections"]}
    assert sections["gioi-thieu/lich-su"]["status"] != "empty"  # real content
    assert sections["gioi-thieu/doi-ngu"]["status"] == "empty"  # only its title
    assert sections["van-ban"]["status"] == "empty"  # an item section with no item


def test_rebuild_equals_the_incremental_ledger_and_the_report_follows_the_contract(
    four_schools,
):
    _run, before_rows = audited(four_schools)
    before = ledger_state()
    call_command("audit_rebuild", stdout=io.StringIO())
    assert ledger_state() == before
    _run, after_rows = audited(four_schools)
    assert {pk: r["score"] for pk, r in after_rows.items()} == {
        pk: r["score"] for pk, r in before_rows.items()
    }

    out = io.StringIO()
    call_command("audit_report", "--as-of", AS_OF.isoformat(), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) == {"as_of", "school_year", "rubric", "schools"}
    assert data["as_of"] == "2016-11-25" and data["school_year"] == "2016-2017"
    assert data["rubric"] == {"code": "default", "version": 3}
    assert {s["code"] for s in data["schools"]} == {s.code for s in four_schools}
    for entry in data["schools"]:
        assert set(entry) == SCHOOL_KEYS
        assert set(entry["posts"]) == {"7d", "30d", "90d", "school_year", "target"}
        row = after_rows[next(s.pk for s in four_schools if s.code == entry["code"])]
        assert entry["score"] == row["score"] and entry["band"] == row["band"]
        assert entry["points"] == row["points"]
        for flag in entry["flags"]:
            assert set(flag) == {"kind", "url", "published_at"}
            assert flag["published_at"].endswith("+07:00")
