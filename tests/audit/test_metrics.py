"""Every metric, the points per criterion, the band and the rank, on histories built at known
times and checked against numbers computed by hand."""

import datetime

import pytest

from audit.engine import run_audit
from audit.models import ActivityEvent, EventKind, Rubric
from tenants.models import School

from .history import add_announcement, add_news, add_schedule, at, moment, publish, section

D = datetime.date
DISCLOSURE = {
    "profile": "TT09_2009",
    "required": 4,
    "published": 3,
    "on_time": 2,
    "late": 1,
    "missing": ["TT09_2009.BM12"],
}
NO_RECURRING = {"required": 0, "on_time": 0}


def row_of(run, school):
    return next(r for r in run.rows if r["code"] == school.code)


def audit(school, as_of, rubric=None):
    return row_of(run_audit(School.objects.filter(pk=school.pk), as_of, rubric), school)


def version(number):
    return Rubric.objects.get(code="default", version=number)


@pytest.fixture
def history(make_school, fixed_disclosures):
    """A primary school's autumn 2016, as the office would see it on 25/11/2016.

    School weeks of 2016-2017 (default calendar): 5/9/2016 → 31/5/2017 less the two Tết weeks
    (23/1 and 30/1/2017) = 37 weeks; by 25/11/2016 twelve have started (5/9 … 21/11)."""
    school = make_school("TH", name="Trường Tiểu học Lịch Sử", slug="th-lich-su")
    fixed_disclosures["disclosure"][school.pk] = DISCLOSURE
    fixed_disclosures["recurring"][school.pk] = NO_RECURRING
    add_news(school, moment(2016, 9, 6))
    add_news(school, moment(2016, 9, 20))
    add_announcement(school, moment(2016, 10, 4))
    doomed = add_news(school, moment(2016, 10, 10))
    # Shown as 1/10 but really published on 2/11: counted on 2/11 and flagged "backdated".
    add_news(school, moment(2016, 11, 2), date=D(2016, 10, 1))
    latest = add_news(school, moment(2016, 11, 20, 9))  # a Sunday: week of 14/11
    publish(latest, moment(2016, 11, 21, 7))  # nothing changed: counts for nothing
    with at(moment(2016, 11, 22)):
        doomed.delete()
    return school, doomed, latest


def test_every_metric_on_a_known_history(history):
    """Under version 1 (its reports must stay reproducible), then under version 2."""
    school, _doomed, latest = history
    row = audit(school, D(2016, 11, 25), version(1))

    assert row["last_update"] == D(2016, 11, 20)  # the unchanged re-publish of 21/11 is no update
    assert row["days_since_update"] == 5
    assert row["posts"] == {"7d": 1, "30d": 2, "90d": 6, "school_year": 6, "target": 13.0}
    assert row["target_exact"] == pytest.approx(40 * 12 / 37)
    # Weeks with a post: 5/9, 19/9, 3/10, 10/10, 31/10, 14/11.
    assert row["active_weeks_12"] == 6

    sections = {s["slug"]: s for s in row["sections"]}
    assert sections["tin-tuc"]["items"] == 4  # 5 news published, one deleted on 22/11
    assert sections["tin-tuc"]["last_update"] == D(2016, 11, 20)
    assert sections["tin-tuc"]["status"] == "fresh"
    assert sections["thong-bao"]["items"] == 1
    assert sections["thong-bao"]["status"] == "fresh"  # no cadence: never stale
    assert sections["van-ban"]["status"] == "empty"
    assert sections["gioi-thieu/lich-su"]["status"] == "empty"  # never written
    assert all(s["present"] for s in row["sections"])
    assert "thuc-don" not in sections  # a TH school without meals has no menu section

    kinds = sorted((f["kind"], f["published_at"]) for f in row["flags"])
    assert kinds == [
        ("backdated", "2016-11-02T08:00:00+07:00"),
        ("unchanged_republish", "2016-11-21T07:00:00+07:00"),
    ]
    unchanged = next(f for f in row["flags"] if f["kind"] == "unchanged_republish")
    assert unchanged["url"] == f"http://{school.hostname}/tin-tuc/{latest.slug}/"

    # Structure: 16 required sections; met: the 6 introduction pages and the contact page
    # (no items expected) + news + announcements = 9.
    assert row["structure"] == {"required": 16, "satisfied": 9}
    assert row["points"] == {
        "structure": 8.44,  # 15 × 9/16
        "volume": 9.25,  # 20 × 6 / (40 × 12/37)
        "regularity": 6.0,  # 10 × 6/10
        "recency": 10.0,  # 5 days ≤ 7
        "disclosure_completeness": 18.75,  # 25 × 3/4
        "disclosure_timeliness": 5.0,  # 10 × 2/4
        # No meals: the weekly work schedule is its recurring item; 12 weeks due, none posted.
        "recurring": 0.0,
        "directives": 0.0,  # version 1 has no such criterion (0 points)
        "penalty": -2.0,  # two flags
    }
    assert row["recurring"] == {"required": 12, "on_time": 0}
    assert row["score"] == 55.4
    assert row["band"] == "Trung bình"
    assert row["rank_in_level"] == 1

    # Version 2: the intro pages and the contact page were never written, so they have no
    # content: 2 of 16 required sections (news, announcements). No for-show post here (the
    # backdated one is real work, penalised; the unchanged re-publish was no update anyway).
    row = audit(school, D(2016, 11, 25), version(2))
    assert row["structure"] == {"required": 16, "satisfied": 2}
    assert row["credited"] == {
        "school_year": 6,
        "active_weeks_12": 6,
        "last_update": D(2016, 11, 20),
        "days_since_update": 5,
    }
    assert row["flagged_posts"] == 2
    assert row["points"] == {
        "structure": 1.88,  # 15 × 2/16
        "volume": 9.25,
        "regularity": 6.0,
        "recency": 10.0,
        "disclosure_completeness": 18.75,
        "disclosure_timeliness": 5.0,
        "recurring": 0.0,
        "directives": None,  # no directive due: not applicable
        "penalty": -2.0,  # two flagged posts
    }
    assert row["score"] == 48.9
    assert row["band"] == "Yếu"


def test_a_deleted_page_still_counts_as_of_before_its_deletion(history):
    school, doomed, _latest = history
    before = audit(school, D(2016, 11, 21))
    sections = {s["slug"]: s for s in before["sections"]}
    assert sections["tin-tuc"]["items"] == 5
    assert before["posts"]["school_year"] == 6
    # The log keeps the deleted page's rows; so does the ledger.
    events = ActivityEvent.objects.filter(page_id=doomed.pk).order_by("timestamp")
    assert [e.kind for e in events] == [EventKind.POST, EventKind.DELETE]
    assert [e.items_delta for e in events] == [1, -1]
    # After the deletion the post still happened (it counts), but the item is gone.
    after = audit(school, D(2016, 11, 25))
    assert {s["slug"]: s for s in after["sections"]}["tin-tuc"]["items"] == 4
    assert after["posts"]["school_year"] == 6


def test_a_backdated_post_counts_on_its_real_day(history):
    school, _doomed, _latest = history
    # As of 31/10 the post shown as 1/10 did not exist yet.
    row = audit(school, D(2016, 10, 31))
    assert row["posts"]["school_year"] == 4
    assert row["posts"]["30d"] == 2  # 4/10 and 10/10, not the "1/10" one
    assert not any(f["kind"] == "backdated" for f in row["flags"])


def test_as_of_moves_every_window(history):
    school, _doomed, _latest = history
    row = audit(school, D(2016, 9, 20))
    assert row["posts"] == {"7d": 1, "30d": 2, "90d": 2, "school_year": 2, "target": 3.2}
    assert row["last_update"] == D(2016, 9, 20)
    assert row["days_since_update"] == 0
    # Only 3 school weeks of 2016-2017 started; the rest of the window is 2015-2016's last 9.
    assert row["active_weeks_12"] == 2


def test_unchanged_republish_counts_for_nothing(make_school, fixed_disclosures):
    school = make_school("TH")
    page = add_news(school, moment(2016, 10, 3))
    publish(page, moment(2016, 10, 20))
    row = audit(school, D(2016, 10, 25))
    assert row["last_update"] == D(2016, 10, 3)
    assert row["posts"]["school_year"] == 1
    assert [f["kind"] for f in row["flags"]] == ["unchanged_republish"]
    # A real change is an update, not a post, and no flag.
    page.body = [("paragraph", "<p>Bổ sung danh sách học sinh đạt giải</p>")]
    publish(page, moment(2016, 10, 24))
    row = audit(school, D(2016, 10, 25))
    assert row["last_update"] == D(2016, 10, 24)
    assert row["posts"]["school_year"] == 1
    assert [f["kind"] for f in row["flags"]] == ["unchanged_republish"]


def test_section_page_edits_are_updates_and_cadence_makes_them_stale(
    make_school, fixed_disclosures
):
    school = make_school("TH")
    history_page = section(school, "gioi-thieu/lich-su")
    history_page.body = [("paragraph", "<p>Trường được thành lập năm 1976.</p>")]
    publish(history_page, moment(2016, 9, 12))
    add_news(school, moment(2016, 9, 12))
    row = audit(school, D(2016, 9, 30))
    sections = {s["slug"]: s for s in row["sections"]}
    assert sections["gioi-thieu/lich-su"]["status"] == "fresh"
    assert sections["gioi-thieu/lich-su"]["items"] == 0  # the section page is not an item
    assert row["posts"]["school_year"] == 1  # the edit is an update, not a post
    # The news section expects a weekly item: 18 days later it is stale.
    assert sections["tin-tuc"]["status"] == "stale"
    assert sections["tin-tuc"]["last_update"] == D(2016, 9, 12)


def test_summer_and_tet_weeks_do_not_count_against_regularity(make_school, fixed_disclosures):
    """A school posting in every school week gets full regularity, though it posted nothing in
    summer and nothing during the two Tết weeks of 2017."""
    school = make_school("TH")
    tet = {D(2017, 1, 23), D(2017, 1, 30)}
    monday = D(2016, 11, 14)
    while monday <= D(2017, 2, 13):
        if monday not in tet:
            tuesday = monday + datetime.timedelta(days=1)
            add_news(school, moment(tuesday.year, tuesday.month, tuesday.day))
        monday += datetime.timedelta(days=7)
    row = audit(school, D(2017, 2, 17))
    assert row["active_weeks_12"] == row["credited"]["active_weeks_12"] == 12
    assert row["points"]["regularity"] == pytest.approx(row["weights"]["regularity"], abs=0.01)

    # Summer: early September, the window reaches back into May 2016.
    other = make_school("TH")
    for day in (
        D(2016, 4, 12),
        D(2016, 4, 19),
        D(2016, 4, 26),
        D(2016, 5, 3),
        D(2016, 5, 10),
        D(2016, 5, 17),
        D(2016, 5, 24),
        D(2016, 5, 31),
        D(2016, 9, 6),
        D(2016, 9, 13),
    ):
        add_news(other, moment(day.year, day.month, day.day))
    row = audit(other, D(2016, 9, 16))
    # Window: 2015-2016's last 10 school weeks (28/3 … 30/5, 8 with a post) + 5/9 and 12/9.
    assert row["active_weeks_12"] == row["credited"]["active_weeks_12"] == 10
    assert row["points"]["regularity"] == pytest.approx(row["weights"]["regularity"], abs=0.01)


def test_points_band_and_rank_within_level_and_authority(make_school, fixed_disclosures, authority):
    from tenants.provisioning import create_authority

    create_authority("PGD-KHAC", "Phòng Giáo dục huyện Khác")
    diligent = make_school("TH", name="Trường TH Chăm Chỉ")
    quiet = make_school("TH", name="Trường TH Im Lặng")
    elsewhere = make_school("TH", name="Trường TH Nơi Khác", authority_code="PGD-KHAC")
    kindergarten = make_school("MN", name="Trường MN Bé Ngoan")
    full = {
        "profile": "TT09_2009",
        "required": 4,
        "published": 4,
        "on_time": 4,
        "late": 0,
        "missing": [],
    }
    for school in (diligent, quiet, elsewhere, kindergarten):
        fixed_disclosures["disclosure"][school.pk] = full
        fixed_disclosures["recurring"][school.pk] = NO_RECURRING
    for week in range(12):
        day = D(2016, 9, 6) + datetime.timedelta(days=7 * week)
        add_news(diligent, moment(day.year, day.month, day.day))
    add_news(diligent, moment(2016, 11, 22, 15))  # 13 posts ≥ the pro-rated 12.97
    run = run_audit(School.objects.all(), D(2016, 11, 25), version(1))
    rows = {r["code"]: r for r in run.rows}
    d, q, e, k = (rows[s.code] for s in (diligent, quiet, elsewhere, kindergarten))
    # Diligent: 13 posts ≥ 12.97 → volume 20; 12 weeks → 10; last post 22/11 → 10; news section
    # filled → structure 15 × 8/16 (6 intro + contact + news); disclosure 35; no weekly work
    # schedule posted (its recurring item, no meals) → 0.
    assert d["points"]["volume"] == 20.0
    assert d["points"]["structure"] == 7.5
    assert d["score"] == 82.5
    assert d["band"] == "Tốt"
    # Quiet: no post at all: structure 15 × 7/16 + disclosure 35.
    assert q["score"] == 41.6
    assert q["band"] == "Yếu"
    # The kindergarten's recurring figures come from the regulations app (here: none due).
    assert k["points"]["recurring"] == 10.0
    assert q["last_update"] is None and q["days_since_update"] is None
    assert (d["rank_in_level"], q["rank_in_level"]) == (1, 2)
    # Ranked within its own authority and its own level.
    assert e["rank_in_level"] == 1
    assert k["rank_in_level"] == 1
    # The report lists schools by authority, level, rank.
    assert [r["code"] for r in run.rows][:3] == [kindergarten.code, diligent.code, quiet.code]

    # Version 2: only sections with content count (news: 1 of 16), and the kindergarten's
    # recurring item, with nothing due, is not applicable: its 10 points are spread over the
    # other 90 in proportion (× 100/90).
    run = run_audit(School.objects.all(), D(2016, 11, 25), version(2))
    rows = {r["code"]: r for r in run.rows}
    d, q, k = (rows[s.code] for s in (diligent, quiet, kindergarten))
    assert d["points"]["structure"] == round(15 / 16, 2)
    assert d["score"] == 75.9  # 0.94 + 20 + 10 + 10 + 35
    assert q["score"] == 35.0  # disclosure only: nothing else earns anything
    assert k["points"]["recurring"] is None and k["weights"]["recurring"] is None
    assert k["weights"]["disclosure_completeness"] == pytest.approx(25 * 100 / 90)
    assert k["points"]["disclosure_completeness"] == pytest.approx(25 * 100 / 90, abs=0.01)
    assert (d["rank_in_level"], q["rank_in_level"]) == (1, 2)


def test_bands_follow_the_rubric(db):
    rubric = Rubric.current()
    assert [rubric.band_for(s) for s in (100, 90, 89.9, 80, 79.9, 70, 69.9, 50, 49.9, 0)] == [
        "Xuất sắc",
        "Xuất sắc",
        "Tốt",
        "Tốt",
        "Khá",
        "Khá",
        "Trung bình",
        "Trung bình",
        "Yếu",
        "Yếu",
    ]


def test_disclosure_figures_come_from_the_regulations_app(make_school):
    """No patching here: the adapter passes the regulations app's batch summaries through."""
    from regulations import services

    school = make_school("THCS", serves_meals=True)  # its menu: the regulations' recurring item
    as_of = D(2016, 11, 25)
    row = audit(school, as_of)
    expected = services.disclosure_summaries([school], as_of)[school.pk]
    assert row["disclosure"] == expected
    assert row["recurring"] == services.recurring_summaries([school], as_of)[school.pk]
    assert row["disclosure"]["required"] > 0
    assert row["points"]["disclosure_completeness"] == pytest.approx(
        25 * expected["published"] / expected["required"], abs=0.01
    )


def test_weekly_work_schedule_is_the_recurring_item_without_meals(make_school, fixed_disclosures):
    school = make_school("THCS")
    add_schedule(school, moment(2016, 11, 11), D(2016, 11, 14))  # by the Friday before: on time
    add_schedule(school, moment(2016, 11, 21), D(2016, 11, 21))  # on the Monday itself: late
    row = audit(school, D(2016, 11, 25))
    # Weeks 5/9 … 21/11 are due (the deadline of 28/11's schedule is 25/11, not yet passed).
    assert row["recurring"] == {"required": 12, "on_time": 1}
    # No disclosure due in this test: its 35 points are spread, recurring weighs 10 × 100/65.
    assert row["weights"]["recurring"] == pytest.approx(10 * 100 / 65)
    assert row["points"]["recurring"] == round(10 * 100 / 65 / 12, 2)
    # A school serving meals has its menu as recurring item: the regulations app's figures.
    canteen = make_school("TH", serves_meals=True)
    fixed_disclosures["recurring"][canteen.pk] = {"required": 3, "on_time": 2}
    assert audit(canteen, D(2016, 11, 25))["recurring"] == {"required": 3, "on_time": 2}
