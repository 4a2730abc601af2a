"""Inspections: findings frozen at a date, corrective requests answered by the school on its
admin home, follow-ups that record what was resolved."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from audit.inspections import follow_up, open_inspection
from audit.models import CorrectiveRequest, InspectedSchool, Rubric
from tenants.models import Membership
from tenants.provisioning import create_authority

from .history import add_news, moment, publish, section, words

HOST = settings.PORTAL_DOMAIN


@pytest.fixture
def people(make_school, make_member, authority):
    school = make_school("TH", name="Trường Tiểu học Được Kiểm Tra")
    other = make_school("TH", name="Trường Tiểu học Bên Cạnh")
    add_news(school, moment(2016, 11, 2))
    return {
        "school": school,
        "other": other,
        "office": make_member(Membership.Role.ADMIN, authority=authority, username="kiem-tra"),
        "approver": make_member(Membership.Role.APPROVER, school=school, username="bgh-kt"),
        "editor": make_member(Membership.Role.EDITOR, school=school, username="bt-kt"),
        "neighbour": make_member(Membership.Role.APPROVER, school=other, username="bgh-bc"),
    }


def test_findings_are_frozen(people):
    school = people["school"]
    inspection = open_inspection(
        "Kiểm tra cấu trúc",
        school.authority,
        [school],
        datetime.date(2016, 11, 25),
        people["office"],
    )
    inspected = inspection.schools.get()
    frozen = dict(inspected.snapshot)
    assert frozen["as_of"] == "2016-11-25"
    assert frozen["posts"]["school_year"] == 1
    assert frozen["rubric"] == {"code": "default", "version": 3}
    assert {"key": "section:thong-bao", "text": "Mục “Thông báo” chưa có nội dung"} in frozen[
        "findings"
    ]
    # Later publications and a new rubric version change nothing in the stored findings.
    add_news(school, moment(2016, 11, 20))
    rubric = Rubric.current()
    data = rubric.new_version_data()
    data["posts_target"] = 10
    Rubric.objects.create(**data)
    inspected.refresh_from_db()
    assert inspected.snapshot == frozen
    inspected.snapshot["score"] = 100
    with pytest.raises(ValidationError):
        inspected.save()
    inspected.refresh_from_db()
    inspected.notes = "Nhà trường cần bổ sung mục thông báo."
    inspected.save()  # notes may change; the findings may not
    assert InspectedSchool.objects.get(pk=inspected.pk).snapshot == frozen


def test_inspection_of_all_schools_of_an_authority_over_http(client, people):
    client.force_login(people["office"])
    response = client.post(
        "/admin/inspections/new/",
        {
            "title": "Kiểm tra học kỳ I",
            "authority": people["school"].authority_id,
            "as_of": "2016-11-25",
            "notes": "",
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    inspection_url = response["Location"]
    page = client.get(inspection_url, HTTP_HOST=HOST).content.decode()
    assert "Được Kiểm Tra" in page and "Bên Cạnh" in page
    # Choosing both a school and an authority is refused with a clear message.
    response = client.post(
        "/admin/inspections/new/",
        {
            "title": "Sai",
            "school": people["school"].pk,
            "authority": people["school"].authority_id,
            "as_of": "2016-11-25",
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 200
    assert "Chọn đúng một" in response.content.decode()


def test_requests_answers_and_follow_up(client, people):
    school = people["school"]
    inspection = open_inspection(
        "Kiểm tra", school.authority, [school], datetime.date(2016, 11, 25), people["office"]
    )
    inspected = inspection.schools.get()
    client.force_login(people["office"])
    url = f"/admin/inspections/school/{inspected.pk}/"
    response = client.post(
        url,
        {
            "action": "request",
            "text": "Đăng thông báo tuyển sinh và lịch công tác tuần.",
            "due_date": "2016-12-05",
        },
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    request = CorrectiveRequest.objects.get()
    assert request.due_date == datetime.date(2016, 12, 5)
    bad = client.post(url, {"action": "request", "text": "", "due_date": "x"}, HTTP_HOST=HOST)
    assert bad.status_code == 200
    assert CorrectiveRequest.objects.count() == 1

    # The school sees it on its admin home and answers it; a neighbour does not see it.
    client.force_login(people["approver"])
    home = client.get("/admin/", HTTP_HOST=HOST).content.decode()
    assert "Đăng thông báo tuyển sinh" in home
    response = client.post(
        f"/admin/inspections/requests/{request.pk}/answer/",
        {"answer": "Nhà trường đã đăng thông báo ngày 01/12."},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == CorrectiveRequest.Status.ANSWERED
    assert request.answered_by == people["approver"]
    client.force_login(people["neighbour"])
    assert "Đăng thông báo tuyển sinh" not in client.get("/admin/", HTTP_HOST=HOST).content.decode()
    response = client.post(
        f"/admin/inspections/requests/{request.pk}/answer/", {"answer": "x"}, HTTP_HOST=HOST
    )
    assert response.status_code == 403
    assert client.get(url, HTTP_HOST=HOST).status_code == 403

    # The school fixes the announcements section; the follow-up sees it.
    from page_types.models import AnnouncementPage

    index = section(school, "thong-bao")
    # With real text: a title-only announcement would be thin, for show, and fix nothing.
    page = AnnouncementPage(
        title="Thông báo tuyển sinh",
        slug="tb-ts",
        body=[("paragraph", f"<p>{words(50, seed=5)}</p>")],
        live=False,
    )
    index.add_child(instance=page)
    publish(page, moment(2016, 12, 1))
    done = follow_up(inspected, datetime.date(2016, 12, 2), people["office"])
    resolved = {f["key"] for f in done.resolved}
    remaining = {f["key"] for f in done.remaining}
    assert "section:thong-bao" in resolved
    assert "section:van-ban" in remaining
    assert done.snapshot["as_of"] == "2016-12-02"

    # Over HTTP too, and the inspector marks the request resolved.
    client.force_login(people["office"])
    assert (
        client.post(url, {"action": "follow_up", "as_of": "2016-12-02"}, HTTP_HOST=HOST).status_code
        == 302
    )
    client.post(url, {"action": "resolve", "request": [request.pk]}, HTTP_HOST=HOST)
    request.refresh_from_db()
    assert request.status == CorrectiveRequest.Status.RESOLVED
    page_html = client.get(url, HTTP_HOST=HOST).content.decode()
    assert "Đã khắc phục:" in page_html and "Thông báo" in page_html


def test_other_office_cannot_see_the_inspection(client, people, make_member):
    school = people["school"]
    inspection = open_inspection(
        "Đợt ZQX", school.authority, [school], datetime.date(2016, 11, 25), people["office"]
    )
    other_office, _ = create_authority("PGD-KHAC", "Phòng khác")
    stranger = make_member(Membership.Role.ADMIN, authority=other_office, username="phong-khac")
    client.force_login(stranger)
    assert client.get(f"/admin/inspections/{inspection.pk}/", HTTP_HOST=HOST).status_code == 404
    inspected = inspection.schools.get()
    assert (
        client.get(f"/admin/inspections/school/{inspected.pk}/", HTTP_HOST=HOST).status_code == 404
    )
    assert "ZQX" not in client.get("/admin/inspections/", HTTP_HOST=HOST).content.decode()


def test_an_office_auditor_can_open_an_inspection(client, people, make_member, authority):
    # Inspecting is the auditor's job: their read-only rule covers Wagtail's screens, not this.
    auditor = make_member(Membership.Role.AUDITOR, authority=authority, username="can-bo-kt")
    client.force_login(auditor)
    response = client.post(
        "/admin/inspections/new/",
        {"title": "Kiểm tra định kỳ", "school": people["school"].pk, "as_of": "2016-11-25"},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    page = client.get(response["Location"], HTTP_HOST=HOST).content.decode()
    assert "Được Kiểm Tra" in page and "Bên Cạnh" not in page
