"""A parent subscribes, confirms, receives on publish and in the weekly digest, and leaves in
one click, after which nothing of them is kept."""

import datetime
import re
import smtplib

import pytest
from django.core import mail
from django.test import Client

from subscriptions.models import Delivery, Subscriber
from tenants.clock import at, simulated_now
from tests.page_types.public_content import announcement, news

pytestmark = pytest.mark.django_db
ADDRESS = "me.an@example.vn"


@pytest.fixture
def publish_now(django_capture_on_commit_callbacks):
    """Publish, then run what the publish enqueued after its commit (the test's transaction
    never commits)."""

    def run(builder, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return builder(*args, **kwargs)

    return run


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def subscribe(school, client=None, **fields):
    client = client or Client()
    data = {
        "email": ADDRESS,
        "wants_announcements": "on",
        "audience": "",
        "frequency": "immediate",
        "consent": "on",
    }
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    return client.post("/dang-ky-nhan-tin/", data, HTTP_HOST=school.hostname)


def confirm(school, client=None):
    client = client or Client()
    [message] = [m for m in mail.outbox if "Xác nhận" in m.subject]
    link = next(u for u in links_in(message) if "/xac-nhan/" in u)
    path = link.split(school.hostname, 1)[1]
    page = client.get(path, HTTP_HOST=school.hostname)
    assert page.status_code == 200
    response = client.post(path, HTTP_HOST=school.hostname)
    assert response.status_code == 302
    mail.outbox.clear()
    return Subscriber.objects.get(email=ADDRESS)


def test_double_opt_in_then_a_message_on_publish_and_one_click_unsubscribe(publish_now, school):
    response = subscribe(school, wants_news="on")
    assert response.status_code == 302
    pending = Subscriber.objects.get()
    assert pending.confirmed_at is None and "Nhận thông báo" in pending.consent_purpose
    # Nothing but the confirmation before it is confirmed.
    publish_now(announcement, school, title="Họp phụ huynh trước xác nhận")
    assert [m.subject for m in mail.outbox] == [f"[{school.name}] Xác nhận đăng ký nhận tin"]
    subscriber = confirm(school)
    assert subscriber.consent_at is not None

    notice = publish_now(announcement, school, title="Lịch thi học kỳ I")
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert "Lịch thi học kỳ I" in message.subject
    assert f"http://{school.hostname}/thong-bao/{notice.slug}/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body

    # A republish (an edit) sends nothing again.
    publish_now(lambda: notice.save_revision().publish())
    assert len(mail.outbox) == 1

    # The mail client's one-click POST: no cookie, no CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        unsubscribe.split(school.hostname, 1)[1],
        {"List-Unsubscribe": "One-Click"},
        HTTP_HOST=school.hostname,
    )
    assert one_click.status_code == 200
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()
    publish_now(news, school, title="Tin sau khi hủy", image=False)
    assert len(mail.outbox) == 1


def test_confirmation_link_expires(publish_now, school):
    with simulated_now(at(datetime.date(2026, 1, 1))):
        subscribe(school)
    [message] = mail.outbox
    link = next(u for u in links_in(message) if "/xac-nhan/" in u)
    with simulated_now(at(datetime.date(2026, 1, 4))):
        response = Client().get(link.split(school.hostname, 1)[1], HTTP_HOST=school.hostname)
    assert response.status_code == 410
    assert "hết hạn" in response.content.decode()


def test_audience_choice_and_news_choice_are_respected(publish_now, school):
    subscribe(school, audience="Lớp 3A")
    confirm(school)
    publish_now(
        announcement, school, title="Cho lớp 3A", audience="class", audience_detail="lớp 3a"
    )
    publish_now(
        announcement, school, title="Cho lớp 4B", audience="class", audience_detail="Lớp 4B"
    )
    publish_now(announcement, school, title="Cho toàn trường")
    publish_now(news, school, title="Một tin tức", image=False)
    assert sorted(m.subject.split("] ")[1] for m in mail.outbox) == [
        "Cho lớp 3A",
        "Cho toàn trường",
    ]


def test_weekly_digest_collects_the_week(publish_now, school):
    from subscriptions.tasks import send_weekly_digests

    with simulated_now(at(datetime.date(2026, 3, 2))):
        subscribe(school, frequency="weekly", wants_news="on")
        confirm(school)
    with simulated_now(at(datetime.date(2026, 3, 3))):
        publish_now(announcement, school, title="Thông báo thứ ba")
        publish_now(news, school, title="Tin thứ tư", image=False)
    assert mail.outbox == []
    with simulated_now(at(datetime.date(2026, 3, 9), 7)):
        send_weekly_digests.enqueue()
    [digest] = mail.outbox
    assert "2 bài mới" in digest.subject
    assert "Thông báo thứ ba" in digest.body and "Tin thứ tư" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    with simulated_now(at(datetime.date(2026, 3, 9), 8)):
        send_weekly_digests.enqueue()
    assert len(mail.outbox) == 1


def test_a_known_address_gets_its_manage_link_and_nothing_changes(publish_now, school):
    subscribe(school)
    confirm(school)
    response = subscribe(school, wants_announcements=None, wants_news="on")
    assert response.status_code == 302
    [message] = mail.outbox
    assert "Quản lý" in message.subject
    manage = next(u for u in links_in(message) if "/quan-ly/" in u)
    assert Subscriber.objects.get().wants_news is False
    page = Client().get(manage.split(school.hostname, 1)[1], HTTP_HOST=school.hostname)
    assert page.status_code == 200 and ADDRESS in page.content.decode()


def test_bad_input_gets_vietnamese_messages(publish_now, school):
    response = subscribe(school, email="abc", consent=None, wants_announcements=None)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Địa chỉ email chưa đúng" in body
    assert "Cần sự đồng ý" in body
    assert not Subscriber.objects.exists()


def test_smtp_errors_do_not_stop_the_run(publish_now, school, monkeypatch):
    subscribe(school)
    confirm(school)
    subscribe(school, email="hai@example.vn")
    [message] = [m for m in mail.outbox if "Xác nhận" in m.subject]
    link = next(u for u in links_in(message) if "/xac-nhan/" in u)
    Client().post(link.split(school.hostname, 1)[1], HTTP_HOST=school.hostname)
    mail.outbox.clear()
    from django.core.mail import EmailMessage

    real_send = EmailMessage.send

    def flaky(self, *args, **kwargs):
        if self.to == [ADDRESS]:
            raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, b"no such user")})
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", flaky)
    publish_now(announcement, school, title="Thông báo khi máy chủ thư lỗi")
    assert [m.to for m in mail.outbox] == [["hai@example.vn"]]
    assert Subscriber.objects.get(email=ADDRESS).failures == 1


def test_not_on_the_office_host(authority, school):
    assert Client().get("/dang-ky-nhan-tin/", HTTP_HOST="portal.test").status_code == 404


def test_unconfirmed_addresses_are_erased_a_week_after_the_last_request(publish_now, school):
    from subscriptions.tasks import purge_unconfirmed

    monday = datetime.date(2026, 3, 2)
    with simulated_now(at(monday, 9)):
        subscribe(school)
        subscribe(school, email="da.xac.nhan@example.vn")
    with simulated_now(at(monday, 10)):
        confirmed_link = next(
            u
            for m in mail.outbox
            if "da.xac.nhan" in m.to[0]
            for u in links_in(m)
            if "/xac-nhan/" in u
        )
        path = confirmed_link.split(school.hostname, 1)[1]
        assert Client().post(path, HTTP_HOST=school.hostname).status_code == 302
    # Six days on: both kept (the pending one may still be confirmed by a new request).
    with simulated_now(at(monday + datetime.timedelta(days=6), 9)):
        assert purge_unconfirmed.call() == 0
        # The parent asks again: the week counts from this request.
        subscribe(school)
    with simulated_now(at(monday + datetime.timedelta(days=8), 9)):
        assert purge_unconfirmed.call() == 0
    assert Subscriber.objects.count() == 2
    with simulated_now(at(monday + datetime.timedelta(days=13), 9, 1)):
        assert purge_unconfirmed.call() == 1
        assert purge_unconfirmed.call() == 0  # idempotent
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["da.xac.nhan@example.vn"]
    assert not Subscriber.objects.filter(email=ADDRESS).exists()


def test_the_purge_is_a_daily_job_of_the_scheduler():
    from portal.scheduler import jobs

    [job] = [j for j in jobs() if j.task_path == "subscriptions.tasks.purge_unconfirmed"]
    assert job.daily is not None
