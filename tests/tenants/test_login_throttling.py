"""Admin login throttling (django-axes): five wrong passwords lock that username from that IP
for 15 minutes, with a Vietnamese message on the login page."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from tenants.isolation.registry import filter_for_scope
from tenants.isolation.scope import compute_scope
from tenants.models import Membership

pytestmark = pytest.mark.django_db

HOST = "portal.test"
PASSWORD = "dung-mat-khau-1"
LOCKED = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút."
WRONG = "hoặc mật khẩu không đúng. Vui lòng thử lại."


@pytest.fixture
def staff(make_member, school):
    # Two editors of the same school, typically behind the same office IP.
    return {
        username: make_member(
            Membership.Role.EDITOR, school=school, username=username, password=PASSWORD
        )
        for username in ("canbo", "dongnghiep")
    }


def login(username, password, ip="203.0.113.7"):
    client = Client(HTTP_HOST=HOST, REMOTE_ADDR=ip)
    return client.post("/admin/login/", {"username": username, "password": password})


def fail(times, username="canbo", ip="203.0.113.7"):
    return [login(username, "sai-mat-khau", ip) for _ in range(times)]


def test_four_failures_still_let_the_right_password_in(staff):
    responses = fail(4)
    assert all(r.status_code == 200 and WRONG in r.content.decode() for r in responses)
    assert login("canbo", PASSWORD).status_code == 302


def test_fifth_failure_locks_and_the_right_password_is_then_refused(staff):
    fifth = fail(5)[-1]
    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()

    response = login("canbo", PASSWORD)
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in html
    # Still Wagtail's login page (the form is there to try again later), not a bare English 403.
    assert 'class="login-form"' in html
    assert "Đăng nhập trang quản trị" in html
    assert "_auth_user_id" not in response.client.session


def test_lockout_is_per_username_and_ip(staff):
    fail(5)
    # A colleague behind the same office IP still signs in.
    assert login("dongnghiep", PASSWORD).status_code == 302
    # The same username from another address is not locked either.
    assert login("canbo", PASSWORD, ip="198.51.100.20").status_code == 302


def test_success_resets_the_failure_count(staff):
    fail(4)
    assert login("canbo", PASSWORD).status_code == 302
    responses = fail(4)
    assert all(r.status_code == 200 for r in responses)
    assert login("canbo", PASSWORD).status_code == 302


def test_lockout_ends_after_the_cool_off(staff):
    fail(5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert login("canbo", PASSWORD).status_code == 302


def test_axes_reset_command_unlocks(staff):
    fail(5)
    assert login("canbo", PASSWORD).status_code == 429
    call_command("axes_reset_username", "canbo")
    assert login("canbo", PASSWORD).status_code == 302


def test_public_login_lockout_gets_a_vietnamese_page(staff, school):
    """The public site's login (for restricted pages) uses Django's form: our own page then."""
    for _ in range(5):
        response = Client(HTTP_HOST=school.hostname).post(
            "/_util/login/", {"username": "canbo", "password": "sai-mat-khau"}
        )
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in html
    assert '<html lang="vi">' in html


def test_force_login_is_not_throttled(staff):
    fail(5)
    client = Client(HTTP_HOST=HOST, REMOTE_ADDR="203.0.113.7")
    client.force_login(staff["canbo"])
    assert client.get("/admin/").status_code == 200


def test_login_attempt_records_are_superuser_only(staff):
    """AccessAttempt rows name users of every school: undeclared, so no tenant scope sees them."""
    fail(2)
    school_scope = compute_scope(staff["canbo"])
    assert not filter_for_scope(school_scope, AccessAttempt.objects.all()).exists()
    assert AccessAttempt.objects.filter(username="canbo").exists()
