"""An inspection closes its loop: the school is mailed when a corrective request is sent, the
office when the school answers; requests past due are overdue on both sides and in the weekly
reminders; the inspection, its follow-up and its printable minutes state the rubric version;
dates read dd/mm/yyyy and times Asia/Ho_Chi_Minh whatever zone the admin user has chosen."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from wagtail.users.models import UserProfile

from audit.inspections import open_inspection
from audit.models import CorrectiveRequest
from audit.reminders import send_reminders
from tenants.clock import at, simulated_now
from tenants.models import Membership
from tenants.provisioning import create_authority

from .history import add_news

HOST = settings.PORTAL_DOMAIN
AS_OF = datetime.date(2016, 11, 25)
DUE = datetime.date(2016, 12, 5)
REQUEST_TEXT = "Đăng thông báo tuyển sinh và lịch công tác tuần."


@pytest.fixture
def loop(make_school, make_member, authority):
    school = make_school("TH", name="Trường Tiểu học Được Kiểm Tra")
    add_news(school, at(datetime.date(2016, 11, 2), 8))
    people = {
        "school": school,
        "office": make_member(Membership.Role.ADMIN, authority=authority, username="kiem-tra"),
        "auditor": make_member(Membership.Role.AUDITOR, authority=authority, username="kt-vien"),
        "approver": make_member(Membership.Role.APPROVER, school=school, username="bgh-kt"),
        "editor": make_member(Membership.Role.EDITOR, school=school, username="bt-kt"),
    }
    inspection = open_inspection("Kiểm tra học kỳ I", authority, [school], AS_OF, people["office"])
    people["inspected"] = inspection.schools.get()
    return people


def send_request(client, loop, django_capture_on_commit_callbacks):
    client.force_login(loop["office"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/inspections/school/{loop['inspected'].pk}/",
            {"action": "request", "text": REQUEST_TEXT, "due_date": "05/12/2016"},
            HTTP_HOST=HOST,
        )
    assert response.status_code == 302
    return CorrectiveRequest.objects.get()


def test_the_school_is_mailed_a_request_and_the_office_its_answer(
    client, loop, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    item = send_request(client, loop, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[loop["approver"].email]]  # not the editor
    message = mail.outbox[0]
    assert message.subject == (
        "[Trường Tiểu học Được Kiểm Tra] Yêu cầu khắc phục sau kiểm tra, hạn 05/12/2016"
    )
    assert "Kính gửi Ban giám hiệu Trường Tiểu học Được Kiểm Tra" in message.body
    assert REQUEST_TEXT in message.body and "Hạn hoàn thành: 05/12/2016" in message.body
    assert "phiên bản 3" in message.body
    html, mime = message.alternatives[0]
    assert mime == "text/html" and "<strong>05/12/2016</strong>" in html
    assert f"/admin/inspections/requests/{item.pk}/answer/" in message.body

    mail.outbox.clear()
    client.force_login(loop["approver"])
    with (
        simulated_now(at(datetime.date(2016, 12, 1), 9, 30)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            f"/admin/inspections/requests/{item.pk}/answer/",
            {"answer": "Nhà trường đã đăng thông báo ngày 01/12."},
            HTTP_HOST=HOST,
        )
    assert response.status_code == 302
    # The inspector who opened it and the office's admins and auditors; never the school.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [loop["office"].email, loop["auditor"].email]
    )
    answer = mail.outbox[0]
    assert answer.subject == "[Trường Tiểu học Được Kiểm Tra] Trường đã trả lời yêu cầu khắc phục"
    assert "Trả lời lúc 01/12/2016 09:30 (hạn 05/12/2016)" in answer.body  # local time
    assert "Nhà trường đã đăng thông báo ngày 01/12." in answer.alternatives[0][0]


def test_a_request_past_due_is_overdue_on_both_sides_and_in_the_reminders(
    client, loop, django_capture_on_commit_callbacks
):
    item = send_request(client, loop, django_capture_on_commit_callbacks)
    inspected_url = f"/admin/inspections/school/{loop['inspected'].pk}/"
    with simulated_now(at(DUE, 16)):
        assert not item.is_overdue  # due today: not yet late
        client.force_login(loop["approver"])
        assert (
            "Quá hạn"
            not in client.get("/admin/inspections/requests/", HTTP_HOST=HOST).content.decode()
        )
    after = DUE + datetime.timedelta(days=1)
    with simulated_now(at(after, 8)):
        assert item.is_overdue
        client.force_login(loop["approver"])
        page = client.get("/admin/inspections/requests/", HTTP_HOST=HOST).content.decode()
        assert "Quá hạn" in page
        assert "Quá hạn" in client.get("/admin/", HTTP_HOST=HOST).content.decode()
        client.force_login(loop["office"])
        assert "Quá hạn" in client.get(inspected_url, HTTP_HOST=HOST).content.decode()

        mail.outbox.clear()
        send_reminders(after)
    to_school = [m for m in mail.outbox if m.to == [loop["approver"].email]]
    assert len(to_school) == 1 and REQUEST_TEXT in to_school[0].body
    assert "YÊU CẦU KHẮC PHỤC ĐÃ QUÁ HẠN" in to_school[0].body
    assert "05/12/2016" in to_school[0].alternatives[0][0]
    to_office = [m for m in mail.outbox if m.to == [loop["office"].email]]
    assert len(to_office) == 1 and REQUEST_TEXT in to_office[0].body

    # Once answered it is no longer overdue: the ball is in the office's court.
    item.status = CorrectiveRequest.Status.ANSWERED
    item.save()
    with simulated_now(at(after, 9)):
        assert not item.is_overdue
    assert not CorrectiveRequest.overdue(after).exists()


def test_minutes_and_follow_up_state_the_rubric_version_dates_and_local_times(
    client, loop, django_capture_on_commit_callbacks
):
    item = send_request(client, loop, django_capture_on_commit_callbacks)
    item.answer = "Đã đăng."
    item.status = CorrectiveRequest.Status.ANSWERED
    item.answered_at = at(datetime.date(2016, 12, 1), 9, 30)
    item.save()
    office = loop["office"]
    # The admin user chose UTC for the admin: the audit's times stay in Asia/Ho_Chi_Minh.
    profile = UserProfile.get_for_user(office)
    profile.current_time_zone = "UTC"
    profile.save()
    client.force_login(office)
    url = f"/admin/inspections/school/{loop['inspected'].pk}/"
    page = client.get(url, HTTP_HOST=HOST).content.decode()
    assert "số liệu ngày 25/11/2016" in page and "2016-11-25" not in page
    assert "01/12/2016 09:30" in page
    response = client.post(url, {"action": "follow_up", "as_of": "02/12/2016"}, HTTP_HOST=HOST)
    assert response.status_code == 302
    page = client.get(url, HTTP_HOST=HOST).content.decode()
    assert "bộ tiêu chí phiên bản 3" in page

    minutes = client.get(url + "minutes/", HTTP_HOST=HOST)
    assert minutes.status_code == 200
    text = minutes.content.decode()
    for expected in (
        "BIÊN BẢN KIỂM TRA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Trường Tiểu học Được Kiểm Tra",
        "Số liệu chốt tại ngày 25/11/2016",
        "phiên bản 3",
        REQUEST_TEXT,
        "05/12/2016",
        "01/12/2016 09:30",  # not 02:30 (UTC)
        "Số liệu ngày 02/12/2016",
        "ĐẠI DIỆN ĐOÀN KIỂM TRA",
    ):
        assert expected in text, expected
    assert "2016-11-25" not in text

    # The drill-down's evidence: real publication time, local.
    drill = client.get(
        f"/admin/audit/school/{loop['school'].pk}/?as_of=25/11/2016", HTTP_HOST=HOST
    ).content.decode()
    assert "02/11/2016 08:00" in drill and "02/11/2016 01:00" not in drill


def test_minutes_are_the_offices_only(client, loop, make_member):
    url = f"/admin/inspections/school/{loop['inspected'].pk}/minutes/"
    other, _ = create_authority("PGD-KHAC", "Phòng khác")
    client.force_login(make_member(Membership.Role.ADMIN, authority=other, username="khac"))
    assert client.get(url, HTTP_HOST=HOST).status_code == 404
    client.force_login(loop["approver"])
    assert client.get(url, HTTP_HOST=HOST).status_code == 403
    client.logout()
    assert client.get(url, HTTP_HOST=HOST).status_code == 302
