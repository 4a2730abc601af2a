"""School years open themselves on their opening day (1 August unless the office moves it), a
new school gets the running year at once, and the office opens or moves a year from the admin."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from page_types.models import DisclosureItemPage, DisclosureYearPage
from regulations.models import Checklist, SchoolYearOpening
from regulations.year_opening import open_due_school_years, set_opening_day
from tenants.clock import at, simulated_now
from tenants.models import Membership
from tenants.provisioning import create_authority

pytestmark = pytest.mark.django_db
ADMIN_HOST = {"HTTP_HOST": "portal.test"}


def years_of(school):
    return set(Checklist.objects.filter(school=school).values_list("school_year", flat=True))


def slots_of(school, school_year):
    year = DisclosureYearPage.objects.descendant_of(school.root_page).get(school_year=school_year)
    return DisclosureItemPage.objects.child_of(year).count()


@pytest.fixture
def july_schools(make_school):
    """Two schools provisioned on 20/07/2026 (school year 2025-2026 still running)."""
    with simulated_now(at(datetime.date(2026, 7, 20))):
        return [make_school("TH"), make_school("MN")]


def test_a_new_school_gets_the_running_year_at_once(july_schools):
    for school in july_schools:
        assert years_of(school) == {"2025-2026"}
        assert slots_of(school, "2025-2026") > 0


def test_the_year_opens_itself_on_1_august_for_every_school(july_schools):
    assert open_due_school_years(datetime.date(2026, 7, 31)).total == 0
    assert all(years_of(s) == {"2025-2026"} for s in july_schools)

    result = open_due_school_years(datetime.date(2026, 8, 1))
    assert result.opened == {"2026-2027": 2} and result.slots > 0
    for school in july_schools:
        assert years_of(school) == {"2025-2026", "2026-2027"}
        # Today's regulation (Thông tư 09/2024) gives the slots.
        year = DisclosureYearPage.objects.descendant_of(school.root_page).get(
            school_year="2026-2027"
        )
        assert year.profile_code == "TT09_2024" and slots_of(school, "2026-2027") > 0
    # Idempotent: the next day's run opens nothing more.
    assert open_due_school_years(datetime.date(2026, 8, 2)).total == 0


def test_an_office_moves_the_opening_day(july_schools, authority):
    set_opening_day(authority, "2026-2027", datetime.date(2026, 8, 15))
    assert open_due_school_years(datetime.date(2026, 8, 1)).total == 0
    assert open_due_school_years(datetime.date(2026, 8, 15)).opened == {"2026-2027": 2}
    # Next year opened early, before the June deadline.
    set_opening_day(authority, "2027-2028", datetime.date(2027, 5, 25))
    assert open_due_school_years(datetime.date(2027, 5, 25)).opened == {"2027-2028": 2}


def test_a_sub_office_day_wins_for_its_schools(authority, make_school):
    create_authority(
        "XA-TANTHONG", "Phòng Văn hóa – Xã hội xã Tân Thông", parent_code=authority.code
    )
    with simulated_now(at(datetime.date(2026, 7, 20))):
        local = make_school("TH", authority_code="XA-TANTHONG")
        direct = make_school("TH")
    set_opening_day(local.authority, "2026-2027", datetime.date(2026, 8, 20))
    open_due_school_years(datetime.date(2026, 8, 1))
    assert "2026-2027" in years_of(direct) and "2026-2027" not in years_of(local)
    open_due_school_years(datetime.date(2026, 8, 20))
    assert "2026-2027" in years_of(local)


def test_the_daily_command(july_schools):
    out = io.StringIO()
    call_command("open_due_school_years", "--as-of", "2026-08-01", stdout=out)
    assert "Năm học 2026-2027: đã mở cho 2 trường." in out.getvalue()
    out = io.StringIO()
    call_command("open_due_school_years", "--as-of", "2026-08-02", stdout=out)
    assert "Không có năm học nào cần mở." in out.getvalue()


def test_a_bad_date_is_refused_in_vietnamese():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="không hợp lệ; viết dạng YYYY-MM-DD"):
        call_command("open_due_school_years", "--as-of", "01/08/2026")


def test_the_task_runs_the_same_job(july_schools):
    from regulations.tasks import open_due_school_years_task

    with simulated_now(at(datetime.date(2026, 8, 1), 0, 10)):
        result = open_due_school_years_task.call()
    assert result["opened"] == {"2026-2027": 2}


@pytest.fixture
def office_admin(make_member, authority):
    return make_member(Membership.Role.ADMIN, authority=authority)


def test_office_admin_opens_a_year_now_and_moves_its_day(
    client, july_schools, office_admin, authority
):
    client.force_login(office_admin)
    url = reverse("regulations_school_years")
    with simulated_now(at(datetime.date(2026, 7, 20), 10)):
        response = client.get(url, **ADMIN_HOST)
        page = response.content.decode()
        assert response.status_code == 200
        assert "2025-2026" in page and "2026-2027" in page and "01/08/2026" in page
        assert "chạy lệnh" not in page

        response = client.post(
            url,
            {"authority": authority.pk, "school_year": "2026-2027", "action": "open"},
            **ADMIN_HOST,
        )
        assert response.status_code == 302
        assert all("2026-2027" in years_of(s) for s in july_schools)
        opening = SchoolYearOpening.objects.get(authority=authority, school_year="2026-2027")
        assert opening.opened_by == office_admin and opening.opened_at is not None

        day = {"authority": authority.pk, "school_year": "2026-2027", "action": "day"}
        day["2026-2027-school_year"] = "2026-2027"
        response = client.post(url, {**day, "2026-2027-opens_on": "2026-08-15"}, **ADMIN_HOST)
        assert response.status_code == 400
        assert "viết dạng dd/mm/yyyy" in response.content.decode()
        assert opening.opens_on == datetime.date(2026, 7, 20)  # the day it was opened by hand
    # The running year is 2025-2026 on 20/07/2026: the next one offered is 2026-2027.
    day = {"authority": authority.pk, "school_year": "2027-2028", "action": "day"}
    day["2027-2028-school_year"] = "2027-2028"
    with simulated_now(at(datetime.date(2026, 9, 20), 10)):
        response = client.post(url, {**day, "2027-2028-opens_on": "01/06/2027"}, **ADMIN_HOST)
        assert response.status_code == 302
    opening = SchoolYearOpening.objects.get(authority=authority, school_year="2027-2028")
    assert opening.opens_on == datetime.date(2027, 6, 1)


def test_schools_and_other_offices_cannot_open_years(client, school, make_member):
    url = reverse("regulations_school_years")
    client.force_login(make_member(Membership.Role.APPROVER, school=school))
    assert client.get(url, **ADMIN_HOST).status_code in (302, 403)
    other, _ = create_authority("PGD-HOCMON", "Phòng Giáo dục và Đào tạo huyện Hóc Môn")
    client.force_login(make_member(Membership.Role.ADMIN, authority=other))
    page = client.get(url, **ADMIN_HOST).content.decode()
    assert "Hóc Môn" in page and "Củ Chi" not in page
    # Naming another office in the request does not reach it.
    page = client.get(url + f"?authority={school.authority_id}", **ADMIN_HOST).content.decode()
    assert "Củ Chi" not in page
