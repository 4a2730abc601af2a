"""The contact form checks what parents type, never posts twice, and its throttle holds under
parallel posts without locking out families who share one address."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client, override_settings
from wagtail.contrib.forms.models import FormSubmission

from page_types.client_ip import client_ip
from tests.page_types.test_feedback_form import contact_of, feedback, fresh_parent, open_form

pytestmark = pytest.mark.django_db


def field(contact, label):
    return contact.form_fields.get(label=label).clean_name


def post(school, data, address="203.0.113.7", **extra):
    return fresh_parent().post(
        "/lien-he/", data, HTTP_HOST=school.hostname, REMOTE_ADDR=address, **extra
    )


@pytest.fixture
def form(school):
    parent = fresh_parent()
    _, token = open_form(parent, school)
    return parent, contact_of(school), token


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("0909 123 456", True),
        ("+84 909.123.456", True),
        ("028 3892 0000", True),
        ("me@truong.edu.vn", True),
        ("abc", False),
        ("12345", False),
        ("a@b", False),
    ],
)
def test_phone_or_email_is_checked_with_a_vietnamese_message(school, form, value, ok):
    parent, contact, token = form
    data = feedback(contact, token, **{field(contact, "Điện thoại hoặc email"): value})
    response = parent.post("/lien-he/", data, HTTP_HOST=school.hostname)
    if ok:
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        body = response.content.decode()
        assert "Ô “Điện thoại hoặc email”" in body
        assert not FormSubmission.objects.exists()


def test_too_short_a_message_is_refused(school, form):
    parent, contact, token = form
    data = feedback(contact, token, **{field(contact, "Nội dung"): "x"})
    response = parent.post("/lien-he/", data, HTTP_HOST=school.hostname)
    assert "viết ít nhất 10 ký tự" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_thank_you_page_after_the_redirect(school, form):
    parent, contact, token = form
    response = parent.post("/lien-he/", feedback(contact, token), HTTP_HOST=school.hostname)
    thanks = parent.get(response["Location"], HTTP_HOST=school.hostname)
    assert thanks.status_code == 200
    assert FormSubmission.objects.count() == 1


def test_families_behind_one_address_are_counted_apart(school, form):
    parent, contact, token = form
    name = field(contact, "Họ và tên")
    phone = field(contact, "Điện thoại hoặc email")
    for n in range(8):
        data = feedback(contact, token, **{name: f"Phụ huynh {n}", phone: f"090912345{n}"})
        assert parent.post("/lien-he/", data, HTTP_HOST=school.hostname).status_code == 302
    assert FormSubmission.objects.count() == 8


def test_parallel_counts_never_pass_the_limit():
    from page_types.contact_form import PER_SENDER_PER_HOUR, allow_submission

    results = []
    barrier = threading.Barrier(20)

    def worker():
        barrier.wait()
        results.append(allow_submission(1, "203.0.113.9", "Nguyễn Thị Mai 0909123456"))

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == PER_SENDER_PER_HOUR


# Threads need committed rows, so the test is transactional and its flush empties the database
# for the tests after it: it runs in its own process (tests/conftest.py, `make test`).
@pytest.mark.own_process
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="PostgreSQL only: SQLite serialises writers, so there is no race to show",
)
def test_twenty_parallel_posts_store_exactly_the_limit(school, form):
    from page_types.contact_form import PER_SENDER_PER_HOUR

    _parent, contact, token = form
    data = feedback(contact, token)
    statuses = []
    barrier = threading.Barrier(20)

    def worker():
        client = Client()
        barrier.wait()
        statuses.append(
            client.post(
                "/lien-he/", data, HTTP_HOST=school.hostname, REMOTE_ADDR="203.0.113.9"
            ).status_code
        )
        # Each thread opened its own database connection: close it, or the test
        # database cannot be dropped afterwards.
        connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(302) == PER_SENDER_PER_HOUR
    assert statuses.count(429) == 20 - PER_SENDER_PER_HOUR
    assert FormSubmission.objects.count() == PER_SENDER_PER_HOUR


class FakeRequest:
    def __init__(self, remote, forwarded=""):
        self.META = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}


def test_forwarded_for_is_read_only_from_trusted_proxies():
    forged = FakeRequest("198.51.100.1", "1.2.3.4")
    assert client_ip(forged) == "198.51.100.1"
    with override_settings(PORTAL_TRUSTED_PROXIES=["10.0.0.0/8"]):
        assert client_ip(forged) == "198.51.100.1"
        proxied = FakeRequest("10.0.0.5", "1.2.3.4, 203.0.113.50, 10.0.0.7")
        assert client_ip(proxied) == "203.0.113.50"
        assert client_ip(FakeRequest("10.0.0.5", "")) == "10.0.0.5"
