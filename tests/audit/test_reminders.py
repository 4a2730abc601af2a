"""Weekly reminders: who gets what, in Vietnamese, plain text and HTML, once per ISO week."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from audit.models import ReminderLog
from audit.reminders import send_reminders
from tenants.models import Membership
from tenants.provisioning import create_authority

from .history import add_news, moment


@pytest.fixture
def people(make_school, make_member, authority):
    create_authority("PGD-KHAC", "Phòng khác")
    weak = make_school("TH", name="Trường Tiểu học Ngủ Quên")
    busy = make_school("TH", name="Trường Tiểu học Siêng Năng")
    foreign = make_school("TH", name="Trường Tiểu học Xa Xôi", authority_code="PGD-KHAC")
    add_news(busy, moment(2016, 11, 21))
    return {
        "weak": weak,
        "busy": busy,
        "foreign": foreign,
        "weak_approver": make_member(Membership.Role.APPROVER, school=weak, username="bgh-nq"),
        "weak_editor": make_member(Membership.Role.EDITOR, school=weak, username="bt-nq"),
        "busy_approver": make_member(Membership.Role.APPROVER, school=busy, username="bgh-sn"),
        "office_admin": make_member(Membership.Role.ADMIN, authority=authority, username="qt"),
        "office_auditor": make_member(Membership.Role.AUDITOR, authority=authority, username="kt"),
        "other_office": make_member(
            Membership.Role.ADMIN, authority=foreign.authority, username="qt-khac"
        ),
    }


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_recipients_and_content(people):
    as_of = datetime.date(2016, 11, 25)
    send_reminders(as_of)
    sent = by_recipient()
    # School approvers only (not editors), each about their own school.
    assert "bt-nq@example.vn" not in sent
    weak_mail = sent["bgh-nq@example.vn"]
    assert "Trường Tiểu học Ngủ Quên" in weak_mail.subject
    assert "Tin tức – Sự kiện: chưa có nội dung" in weak_mail.body
    assert "ĐÃ QUÁ HẠN" in weak_mail.body  # the disclosures due in June/September 2016
    assert "Siêng Năng" not in weak_mail.body
    html, mimetype = weak_mail.alternatives[0]
    assert mimetype == "text/html" and "<li><strong>Tin tức – Sự kiện</strong>" in html
    busy_mail = sent["bgh-sn@example.vn"]
    assert "Tin tức – Sự kiện" not in busy_mail.body  # posted on 21/11: fresh
    # The office: its schools in band Yếu and overdue disclosures, never another office's.
    for address in ("qt@example.vn", "kt@example.vn"):
        office_mail = sent[address]
        assert "TRƯỜNG XẾP LOẠI YẾU" in office_mail.body
        assert "Trường Tiểu học Ngủ Quên" in office_mail.body
        assert "CÔNG KHAI QUÁ HẠN" in office_mail.body
        assert "Xa Xôi" not in office_mail.body
        assert office_mail.alternatives[0][1] == "text/html"
    assert "Xa Xôi" in sent["qt-khac@example.vn"].body
    assert "Ngủ Quên" not in sent["qt-khac@example.vn"].body


def test_once_per_iso_week(people):
    send_reminders(datetime.date(2016, 11, 21))  # Monday
    first = len(mail.outbox)
    assert first > 0
    out = io.StringIO()
    call_command("send_reminders", "--as-of", "2016-11-27", stdout=out)  # Sunday, same week
    assert len(mail.outbox) == first
    assert f"bỏ qua {first} thư" in out.getvalue()
    assert ReminderLog.objects.filter(iso_week=47).count() == first
    send_reminders(datetime.date(2016, 11, 28))  # the next week
    assert len(mail.outbox) == 2 * first
