"""Page passwords are limited like logins: five wrong tries per IP address and page, then 429
with a Vietnamese message, even for the right password (issue 10: 15 wrong tries were all 200,
then the right one worked)."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.page_types.public_content import news

pytestmark = pytest.mark.django_db
PASSWORD = "bi-mat-2026"


@pytest.fixture
def protected(school):
    article = news(school, title="Danh sách học bổng", image=False)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return article, restriction


def attempt(client, school, article, restriction, password, ip="203.0.113.7"):
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk])
    return client.post(
        url,
        {"password": password, "return_url": article.url_path},
        HTTP_HOST=school.hostname,
        REMOTE_ADDR=ip,
    )


def test_five_wrong_passwords_then_429_even_for_the_right_one(client, school, protected, settings):
    article, restriction = protected
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert attempt(client, school, article, restriction, "sai").status_code == 200
    locked = attempt(client, school, article, restriction, PASSWORD)
    assert locked.status_code == 429
    assert "sai mật khẩu trang này quá nhiều lần" in locked.content.decode()
    assert "15 phút" in locked.content.decode()
    # Another address is not locked out by someone else's guesses.
    assert (
        attempt(client, school, article, restriction, PASSWORD, ip="198.51.100.2").status_code
        == 302
    )


def test_the_right_password_resets_the_count(client, school, protected, settings):
    article, restriction = protected
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, school, article, restriction, "sai").status_code == 200
    assert attempt(client, school, article, restriction, PASSWORD).status_code == 302
    client.cookies.clear()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, school, article, restriction, "sai").status_code == 200


def test_the_count_is_kept_by_atomic_cache_operations(school, protected, rf):
    """add() + incr(): never a read-then-write that parallel requests could both pass."""
    from unittest import mock

    from tenants import page_passwords

    article, _restriction = protected
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    with (
        mock.patch.object(page_passwords.cache, "add", wraps=page_passwords.cache.add) as add,
        mock.patch.object(page_passwords.cache, "incr", wraps=page_passwords.cache.incr) as incr,
        mock.patch.object(page_passwords.cache, "set") as plain_set,
    ):
        counts = [page_passwords.record_failure(request, article.pk) for _ in range(3)]
    assert counts == [1, 2, 3]
    assert add.call_count == incr.call_count == 3
    plain_set.assert_not_called()
