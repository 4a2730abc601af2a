"""Statuses come from the publication log: missing → draft → published/late → needs_update,
reproducible as of any past date."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from page_types.models import DisclosureItemPage, DisclosureYearPage, PlanPage, WeeklyMenuPage
from regulations.services import (
    disclosure_summaries,
    disclosure_summary,
    overdue_items,
    recurring_summaries,
    recurring_summary,
    upcoming_deadlines,
    year_status,
)

from .conftest import at, edit, publish, section, slot

pytestmark = pytest.mark.django_db
D = datetime.date


def status_of(school, code, as_of):
    # June–July still belong to the ending year for school_year_of(): name the year.
    school_year = {"TT09_2009": "2016-2017", "TT09_2024": "2024-2025"}[code.split(".")[0]]
    year = year_status(school, as_of, school_year)
    return next(s for s in year.items if s.code == code)


def test_tt09_2009_item_moves_through_every_status(opened, approver_of):
    school = opened("TH", "2016-2017")
    approver = approver_of(school)
    bm05 = slot(school, "2016-2017", "TT09_2009.BM05")
    assert status_of(school, "TT09_2009.BM05", D(2016, 6, 1)).status == "missing"
    edit(bm05, at(2016, 6, 10), user=approver)
    assert status_of(school, "TT09_2009.BM05", D(2016, 6, 9)).status == "missing"
    assert status_of(school, "TT09_2009.BM05", D(2016, 6, 12)).status == "draft"
    publish(bm05, at(2016, 6, 20), user=approver)
    published = status_of(school, "TT09_2009.BM05", D(2016, 6, 21))
    assert published.status == "published" and published.on_time
    assert published.deadline == D(2016, 6, 30)
    assert published.update_due == D(2016, 9, 30)
    # Not updated in September: needs an update from 1 October.
    assert status_of(school, "TT09_2009.BM05", D(2016, 9, 30)).status == "published"
    assert status_of(school, "TT09_2009.BM05", D(2016, 10, 1)).status == "needs_update"
    publish(bm05, at(2016, 9, 12), user=approver)
    updated = status_of(school, "TT09_2009.BM05", D(2016, 10, 1))
    assert updated.status == "published"
    assert updated.published_at == at(2016, 6, 20) and updated.updated_at == at(2016, 9, 12)
    # Published in November: late (and that publication counts as the year's update).
    bm06 = slot(school, "2016-2017", "TT09_2009.BM06")
    publish(bm06, at(2016, 11, 2), user=approver)
    late = status_of(school, "TT09_2009.BM06", D(2016, 11, 25))
    assert late.status == "late" and not late.on_time
    assert disclosure_summary(school, D(2016, 11, 25)) == {
        "profile": "TT09_2009",
        "required": 6,
        "published": 2,
        "on_time": 1,
        "late": 1,
        "missing": ["TT09_2009.BM07", "TT09_2009.BM08", "TT09_2009.KD", "TT09_2009.TC"],
    }
    # Before the deadline nothing is required yet.
    early = year_status(school, D(2016, 6, 21), "2016-2017")
    assert not any(s.required for s in early.items)


def test_tt09_2024_change_must_be_republished_within_ten_working_days(opened, approver_of):
    school = opened("TH", "2024-2025")
    approver = approver_of(school)
    d4 = slot(school, "2024-2025", "TT09_2024.D4")
    publish(d4, at(2024, 9, 16), user=approver)
    assert status_of(school, "TT09_2024.D4", D(2024, 10, 1)).status == "published"
    # Changed on 24/01/2025 (Friday before Tết): 10 working days end on 14/02/2025.
    edit(d4, at(2025, 1, 24, 15), user=approver, title="Điều 4 – Thông tin chung (đổi hiệu trưởng)")
    pending = status_of(school, "TT09_2024.D4", D(2025, 2, 14))
    assert pending.status == "published" and pending.update_due == D(2025, 2, 14)
    assert status_of(school, "TT09_2024.D4", D(2025, 2, 15)).status == "needs_update"
    assert [d.code for d in overdue_items(school, D(2025, 2, 17)) if d.kind == "update"] == [
        "TT09_2024.D4"
    ]
    publish(d4, at(2025, 2, 18), user=approver)
    assert status_of(school, "TT09_2024.D4", D(2025, 2, 20)).status == "published"
    # The past stays as it was.
    assert status_of(school, "TT09_2024.D4", D(2025, 2, 16)).status == "needs_update"


def test_transition_year_deadline_and_late_publication(opened, approver_of):
    school = opened("MN", "2024-2025")
    approver = approver_of(school)
    d6 = slot(school, "2024-2025", "TT09_2024.D6")
    publish(d6, at(2024, 10, 3), user=approver)
    late = status_of(school, "TT09_2024.D6", D(2024, 10, 10))
    assert late.deadline == D(2024, 9, 30) and late.status == "late"


def test_unpublished_and_deleted_items(opened, approver_of):
    school = opened("THCS", "2016-2017")
    approver = approver_of(school)
    bm09 = slot(school, "2016-2017", "TT09_2009.BM09")
    bm10 = slot(school, "2016-2017", "TT09_2009.BM10")
    publish(bm09, at(2016, 6, 5), user=approver)
    publish(bm10, at(2016, 6, 6), user=approver)
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=at(2016, 12, 1)):
        bm09.unpublish(user=approver)
        Page.objects.get(pk=bm10.pk).specific.delete(user=approver)
    assert status_of(school, "TT09_2009.BM09", D(2016, 11, 30)).status == "needs_update"
    assert status_of(school, "TT09_2009.BM09", D(2016, 12, 2)).status == "draft"
    # The deleted page's log is still read for dates before the deletion.
    assert status_of(school, "TT09_2009.BM10", D(2016, 6, 10)).status == "published"
    assert status_of(school, "TT09_2009.BM10", D(2016, 12, 2)).status == "missing"


def test_disclosure_status_command_reproduces_a_past_state(opened, approver_of, capsys):
    school = opened("TH", "2016-2017")
    approver = approver_of(school)
    publish(slot(school, "2016-2017", "TT09_2009.BM05"), at(2016, 6, 20), user=approver)
    publish(slot(school, "2016-2017", "TT09_2009.BM06"), at(2016, 12, 1, 14, 30), user=approver)

    def run(as_of):
        call_command("disclosure_status", school=school.code, school_year="2016-2017", as_of=as_of)
        return json.loads(capsys.readouterr().out)

    before = run("2016-11-25")
    assert before["school"] == school.code and before["profile"] == "TT09_2009"
    assert before["school_year"] == "2016-2017"
    items = {i["code"]: i for i in before["items"]}
    assert list(items) == [
        "TT09_2009.BM05",
        "TT09_2009.BM06",
        "TT09_2009.BM07",
        "TT09_2009.BM08",
        "TT09_2009.KD",
        "TT09_2009.TC",
    ]
    assert items["TT09_2009.BM05"] == {
        "code": "TT09_2009.BM05",
        "title": "Biểu mẫu 05 – Cam kết chất lượng giáo dục của cơ sở giáo dục tiểu học",
        "status": "needs_update",
        "deadline": "2016-06-30",
        "published_at": "2016-06-20T09:00:00+07:00",
        "updated_at": "2016-06-20T09:00:00+07:00",
        "url": f"http://{school.hostname}/cong-khai/2016-2017/tt09-2009-bm05/",
    }
    # Published on 01/12: missing as of 25/11, late afterwards.
    assert items["TT09_2009.BM06"]["status"] == "missing"
    assert items["TT09_2009.BM06"]["published_at"] is None
    after = {i["code"]: i for i in run("2016-12-02")["items"]}
    assert after["TT09_2009.BM06"]["status"] == "late"
    assert after["TT09_2009.BM06"]["published_at"] == "2016-12-01T14:30:00+07:00"
    # The school year defaults to the as-of date's.
    call_command("disclosure_status", school=school.code, as_of="2017-03-01", format="json")
    assert json.loads(capsys.readouterr().out)["school_year"] == "2016-2017"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"school": "KHONG-CO"}, "Không có trường"),
        ({"as_of": "25/11/2016"}, "YYYY-MM-DD"),
        ({"school_year": "2016"}, "không hợp lệ"),
    ],
)
def test_disclosure_status_command_errors(school, options, message):
    from django.core.management.base import CommandError

    options = {"school": school.code, **options}
    with pytest.raises(CommandError, match=message):
        call_command("disclosure_status", **options)


def _plan(school, title, period, start, when):
    index = section(school, "ke-hoach")
    page = index.add_child(
        instance=PlanPage(title=title, period=period, period_start=start, live=False)
    )
    publish(page, when)
    return page


def _menu(school, monday, when):
    index = section(school, "thuc-don")
    page = index.add_child(
        instance=WeeklyMenuPage(
            title=f"Thực đơn tuần {monday:%d/%m/%Y}",
            week_start=monday,
            days=[("day", {"day": "mon", "lunch": "Cơm, canh chua, cá kho"})],
            live=False,
        )
    )
    publish(page, when)
    return page


def test_recurring_items_for_a_kindergarten(opened):
    school = opened("MN", "2024-2025")
    _plan(school, "Kế hoạch tháng 10/2024", "month", D(2024, 10, 1), at(2024, 9, 20))  # on time
    _plan(school, "Kế hoạch tháng 11/2024", "month", D(2024, 11, 1), at(2024, 10, 26))  # late
    _plan(school, "Kế hoạch tuần 07/10", "week", D(2024, 10, 7), at(2024, 10, 3))  # on time
    _plan(school, "Kế hoạch ngày 15/10", "day", D(2024, 10, 15), at(2024, 10, 11))  # on time
    _menu(school, D(2024, 10, 7), at(2024, 10, 4, 16))  # Friday: on time
    _menu(school, D(2024, 10, 14), at(2024, 10, 12))  # Saturday: late
    # As of 20/10/2024: months September (due 24/08) and October (due 24/09); school weeks
    # from 02/09 (05/09 is a Thursday) to 21/10 (due 18/10): 8 weeks × (plan + menu).
    assert recurring_summary(school, D(2024, 10, 20)) == {"required": 2 + 16, "on_time": 1 + 2 + 1}
    upcoming = upcoming_deadlines(school, D(2024, 10, 20), days=7)
    # November's plan was published on 26/10: as of 20/10 it is still to do.
    assert [(d.code, d.deadline) for d in upcoming] == [
        ("TT09_2024.KH_THANG", D(2024, 10, 24)),
        ("TT09_2024.KH_TUAN", D(2024, 10, 25)),
        ("TT09_2024.THUC_DON", D(2024, 10, 25)),
    ]


def test_menu_is_required_from_primary_schools_only_when_they_serve_meals(opened):
    without = opened("TH", "2024-2025")
    with_meals = opened("TH", "2024-2025", serves_meals=True)
    _menu(with_meals, D(2024, 9, 9), at(2024, 9, 6))
    summaries = recurring_summaries([without, with_meals], D(2024, 9, 20))
    assert summaries[without.pk] == {"required": 0, "on_time": 0}
    # Weeks of 02/09, 09/09 and 16/09 are due by 20/09 (23/09's menu is due on the 20th).
    assert summaries[with_meals.pk] == {"required": 3, "on_time": 1}
    # Old profiles have no recurring items.
    assert recurring_summary(opened("MN", "2016-2017"), D(2016, 11, 25)) == {
        "required": 0,
        "on_time": 0,
    }


def test_batch_summaries_match_and_do_not_query_per_school(opened, make_school):
    schools = [opened(level, "2016-2017") for level in ("MN", "TH", "THCS", "TH")]
    schools.append(make_school("TH"))  # year not opened: computed from the catalogue
    # A school whose pages were made by hand (no checklist): found by item code.
    by_hand = make_school("TH")
    year = section(by_hand, "cong-khai").add_child(
        instance=DisclosureYearPage(
            title="Năm học 2016-2017", slug="2016-2017", school_year="2016-2017"
        )
    )
    item = year.add_child(
        instance=DisclosureItemPage(
            title="Biểu mẫu 05", slug="bm05", item_code="TT09_2009.BM05", live=False
        )
    )
    publish(item, at(2016, 6, 3))
    schools.append(by_hand)
    publish(slot(schools[1], "2016-2017", "TT09_2009.BM05"), at(2016, 6, 2))
    publish(slot(schools[2], "2016-2017", "TT09_2009.BM11"), at(2016, 7, 2))
    as_of = D(2016, 11, 25)
    batch = disclosure_summaries(schools, as_of)
    assert batch == {s.pk: disclosure_summary(s, as_of) for s in schools}
    assert batch[schools[0].pk]["published"] == 0
    assert batch[schools[1].pk]["on_time"] == 1 and batch[schools[2].pk]["late"] == 1
    assert batch[schools[3].pk]["published"] == 0
    assert batch[schools[4].pk]["missing"][0] == "TT09_2009.BM05"
    assert (
        batch[by_hand.pk]["on_time"] == 1 and "TT09_2009.BM05" not in batch[by_hand.pk]["missing"]
    )

    def queries(subset):
        with CaptureQueriesContext(connection) as ctx:
            disclosure_summaries(subset, as_of)
            recurring_summaries(subset, as_of)
        return len(ctx.captured_queries)

    # An opened and a not-yet-opened school cost as much as all six.
    assert queries([schools[0], schools[4]]) == queries(schools)
