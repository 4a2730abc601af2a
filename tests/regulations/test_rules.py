"""Deadline rules and calendars, with expected dates worked out here from the official lists."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from regulations import rules
from regulations.calendars import (
    Calendars,
    add_working_days,
    is_working_day,
    school_weeks,
    school_year_bounds,
    school_year_of,
)
from regulations.models import CalendarBreak, DeclaredDay, Profile, SchoolYearCalendar
from regulations.services import ItemSpec, PageLog, evaluate, yearly_deadline
from tenants.provisioning import create_authority

D = datetime.date

# Government decisions on Tết days off (weekends included), written out here on purpose:
# Tết Đinh Dậu 2017: 26/01 → 01/02/2017; Tết Ất Tỵ 2025: 25/01 → 02/02/2025.
TET_2017 = {D(2017, 1, 26) + datetime.timedelta(days=i) for i in range(7)}
TET_2025 = {D(2025, 1, 25) + datetime.timedelta(days=i) for i in range(9)}


def count_working_days(start, n, days_off):
    """The n-th Monday–Friday after start that is not an official day off (independent of
    the code under test)."""
    day = start
    while n:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in days_off:
            n -= 1
    return day


pytestmark = pytest.mark.django_db


class TestWorkingDaysAcrossTet:
    def test_change_on_24_01_2017_is_due_after_ten_working_days_skipping_tet(self):
        expected = count_working_days(D(2017, 1, 24), 10, TET_2017)
        assert expected == D(2017, 2, 14)
        assert add_working_days(D(2017, 1, 24), 10) == expected

    def test_change_on_24_01_2025_is_due_after_ten_working_days_skipping_tet(self):
        expected = count_working_days(D(2025, 1, 24), 10, TET_2025)
        assert expected == D(2025, 2, 14)
        assert add_working_days(D(2025, 1, 24), 10) == expected

    def test_every_tet_day_off_is_not_a_working_day(self):
        for day in TET_2017 | TET_2025:
            assert not is_working_day(day), day

    def test_tt09_2024_item_changed_on_24_01_2017_needs_update_after_14_02(self):
        # The rule itself, applied to a log: changed on 24/01/2017, never re-published.
        profile = Profile.objects.get(code="TT09_2024")
        spec = _spec("within_working_days(10)")
        log = PageLog(
            first_pub=_aware(2016, 6, 1),
            last_pub=_aware(2016, 6, 1),
            first_edit=_aware(2016, 6, 1),
            last_edit=_aware(2017, 1, 24),
            pending_since=_aware(2017, 1, 24),
        )
        calendars = Calendars([])
        on_due = evaluate(spec, "2016-2017", profile, log, D(2017, 2, 14), calendars, None)
        after = evaluate(spec, "2016-2017", profile, log, D(2017, 2, 15), calendars, None)
        assert on_due.update_due == D(2017, 2, 14)
        assert on_due.status != "needs_update"
        assert after.status == "needs_update"

    def test_make_up_saturday_counts_and_declared_days_apply_to_the_subtree(self):
        so, _ = create_authority("SO-T", "Sở thử", kind="so")
        phong, _ = create_authority("PGD-T", "Phòng thử", parent_code="SO-T")
        # 26/04/2025 (Saturday) was a make-up working day for 02/05/2025.
        assert is_working_day(D(2025, 4, 26))
        assert not is_working_day(D(2025, 5, 2))
        DeclaredDay.objects.create(authority=so, date=D(2025, 3, 3), kind=DeclaredDay.Kind.OFF)
        DeclaredDay.objects.create(authority=phong, date=D(2025, 3, 8), kind=DeclaredDay.Kind.WORK)
        assert not is_working_day(D(2025, 3, 3), phong)
        assert is_working_day(D(2025, 3, 8), phong)
        assert not is_working_day(D(2025, 3, 8), so)
        assert is_working_day(D(2025, 3, 3))  # other offices are not affected
        # Friday 28/02 + 1 working day for the Phòng skips the Sở's day off on Monday 03/03.
        assert add_working_days(D(2025, 2, 28), 1, phong) == D(2025, 3, 4)


def _aware(y, m, d):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(y, m, d, 10))


def _spec(update_rule="", deadline_rule="yearly_before_june_30"):
    return ItemSpec.from_data(
        {
            "code": "TT09_2024.D4",
            "title": "Điều 4",
            "kind": "topic",
            "for_th": True,
            "deadline_rule": deadline_rule,
            "update_rule": update_rule,
        }
    )


class TestDeadlines:
    @pytest.mark.parametrize(
        ("month", "expected"),
        [
            (D(2017, 1, 1), D(2016, 12, 24)),  # year boundary
            (D(2017, 3, 1), D(2017, 2, 24)),
            (D(2016, 9, 1), D(2016, 8, 24)),
            (D(2025, 1, 15), D(2024, 12, 24)),  # any day of the month names the month
        ],
    )
    def test_monthly_plan_is_due_before_the_25th_of_the_previous_month(self, month, expected):
        assert rules.month_deadline(rules.parse("monthly_before_day(25)"), month) == expected

    @pytest.mark.parametrize(
        ("week", "expected"),
        [
            (D(2017, 1, 2), D(2016, 12, 30)),  # year boundary: Saturday 31/12/2016 excluded
            (D(2017, 5, 1), D(2017, 4, 28)),  # month boundary
            (D(2025, 3, 5), D(2025, 2, 28)),  # a Wednesday names its week
        ],
    )
    def test_weekly_menu_is_due_before_the_saturday_of_the_previous_week(self, week, expected):
        assert rules.week_deadline(week) == expected
        assert expected.weekday() == 4

    def test_yearly_rules(self):
        old = rules.parse("yearly_june_update_september")
        new = rules.parse("yearly_before_june_30")
        assert rules.yearly_deadline(old, "2016-2017") == D(2016, 6, 30)
        assert rules.september_window("2016-2017") == (D(2016, 9, 1), D(2016, 9, 30))
        assert rules.yearly_deadline(new, "2025-2026") == D(2025, 6, 29)

    def test_first_year_of_a_profile_uses_its_transition_deadline(self):
        profile = Profile.objects.get(code="TT09_2024")
        assert yearly_deadline(_spec(), "2024-2025", profile) == D(2024, 9, 30)
        assert yearly_deadline(_spec(), "2025-2026", profile) == D(2025, 6, 29)

    def test_retention_end(self):
        rule = rules.parse("retain_years(5)")
        assert rules.retention_end(rule, D(2024, 9, 15)) == D(2029, 9, 15)
        assert rules.retention_end(rule, D(2024, 2, 29)) == D(2029, 2, 28)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("monthly_before_day", "cần một số"),
            ("monthly_before_day(31)", "từ 1 đến 28"),
            ("weekly_before_saturday(2)", "không có tham số"),
            ("before_friday", "không hợp lệ"),
        ],
    )
    def test_bad_rules_get_a_vietnamese_message(self, text, message):
        with pytest.raises(ValidationError) as error:
            rules.parse(text)
        assert message in " ".join(error.value.messages)


class TestSchoolYears:
    @pytest.mark.parametrize(
        ("day", "year"),
        [
            (D(2016, 11, 25), "2016-2017"),
            (D(2017, 5, 31), "2016-2017"),
            (D(2017, 7, 31), "2016-2017"),
            (D(2017, 8, 1), "2017-2018"),
            (D(2017, 1, 1), "2016-2017"),
        ],
    )
    def test_school_year_of(self, day, year):
        assert school_year_of(day) == year

    def test_default_year_runs_september_to_may_without_tet_weeks(self, authority):
        assert school_year_bounds(authority, "2016-2017") == (D(2016, 9, 5), D(2017, 5, 31))
        weeks = school_weeks(authority, "2016-2017")
        assert weeks[0] == D(2016, 9, 5)
        assert weeks[-1] == D(2017, 5, 29)
        assert all(w.weekday() == 0 for w in weeks)
        # Tết 2017 fell in the weeks of 23/01 and 30/01: both are a break by default.
        assert D(2017, 1, 16) in weeks and D(2017, 2, 6) in weeks
        assert D(2017, 1, 23) not in weeks and D(2017, 1, 30) not in weeks
        # 39 Mondays from 05/09/2016 to 29/05/2017, minus the two Tết weeks.
        assert len(weeks) == 37

    def test_an_office_calendar_applies_to_its_subtree(self):
        create_authority("SO-L", "Sở lịch", kind="so")
        phong, _ = create_authority("PGD-L", "Phòng lịch", parent_code="SO-L")
        calendar = SchoolYearCalendar.objects.create(
            authority=phong.parent,
            school_year="2016-2017",
            start=D(2016, 8, 22),
            end=D(2017, 5, 25),
        )
        CalendarBreak.objects.create(
            calendar=calendar, name="Nghỉ Tết", start=D(2017, 1, 23), end=D(2017, 2, 5)
        )
        CalendarBreak.objects.create(
            calendar=calendar, name="Nghỉ giữa kỳ", start=D(2016, 11, 14), end=D(2016, 11, 18)
        )
        assert school_year_bounds(phong, "2016-2017") == (D(2016, 8, 22), D(2017, 5, 25))
        weeks = school_weeks(phong, "2016-2017")
        assert weeks[0] == D(2016, 8, 22)
        assert weeks[-1] == D(2017, 5, 22)
        assert D(2016, 11, 14) not in weeks
        assert D(2017, 1, 23) not in weeks and D(2017, 1, 30) not in weeks
