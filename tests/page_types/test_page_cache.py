"""The anonymous full-page cache: hits for readers, purged by a publish in the same school only,
never for logged-in users or pages with forms."""

import pytest
from django.conf import settings

from tests.page_types.public_content import news

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600


def fetch(client, host, path="/"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    return response


def page_path(page):
    return "/" + page.url_path.split("/", 2)[2]


def test_second_anonymous_request_is_a_hit_without_queries(
    client, school, django_assert_num_queries
):
    article = news(school, title="Ngày hội đọc sách", image=False)
    first = fetch(client, school.hostname, page_path(article))
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = fetch(client, school.hostname, page_path(article))
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")
    # The query string is part of the key.
    assert fetch(client, school.hostname, "/tin-tuc/?page=1")["X-Cache"] == "MISS"


def test_publish_makes_the_school_and_office_stale_but_not_other_schools(
    client, school, other_school
):
    article = news(school, title="Tin cũ", image=False)
    other_article = news(other_school, title="Tin của trường khác", image=False)
    for host, path in (
        (school.hostname, "/"),
        (school.hostname, page_path(article)),
        (other_school.hostname, "/"),
        (other_school.hostname, page_path(other_article)),
        ("portal.test", "/"),
    ):
        fetch(client, host, path)
        assert fetch(client, host, path)["X-Cache"] == "HIT"

    article.title = "Tin đã sửa"
    article.save_revision().publish()

    changed = fetch(client, school.hostname, page_path(article))
    assert changed["X-Cache"] == "MISS"
    assert "Tin đã sửa" in changed.content.decode()
    home = fetch(client, school.hostname, "/")
    assert home["X-Cache"] == "MISS" and "Tin đã sửa" in home.content.decode()
    office = fetch(client, "portal.test", "/")
    assert office["X-Cache"] == "MISS" and "Tin đã sửa" in office.content.decode()
    # The other school's pages are still served from the cache.
    assert fetch(client, other_school.hostname, "/")["X-Cache"] == "HIT"
    assert fetch(client, other_school.hostname, page_path(other_article))["X-Cache"] == "HIT"


def test_new_and_deleted_pages_purge_their_school(client, school):
    assert "Khai mạc hội thao" not in fetch(client, school.hostname, "/tin-tuc/").content.decode()
    article = news(school, title="Khai mạc hội thao", image=False)
    listing = fetch(client, school.hostname, "/tin-tuc/")
    assert listing["X-Cache"] == "MISS" and "Khai mạc hội thao" in listing.content.decode()
    fetch(client, school.hostname, "/tin-tuc/")
    article.delete()
    listing = fetch(client, school.hostname, "/tin-tuc/")
    assert listing["X-Cache"] == "MISS" and "Khai mạc hội thao" not in listing.content.decode()


def test_logged_in_users_are_never_served_from_the_cache(client, school, editor):
    fetch(client, school.hostname, "/")
    assert fetch(client, school.hostname, "/")["X-Cache"] == "HIT"
    client.force_login(editor)
    for _ in range(2):
        response = fetch(client, school.hostname, "/")
        assert response["X-Cache"] != "HIT"
    # And what they see is not stored for anonymous readers.
    client.logout()
    assert fetch(client, school.hostname, "/")["X-Cache"] == "HIT"


def test_contact_page_with_its_form_is_not_cached(client, school):
    for _ in range(2):
        response = fetch(client, school.hostname, "/lien-he/")
        assert response["X-Cache"] != "HIT"
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_cache_off_when_ttl_is_zero(client, school, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    fetch(client, school.hostname, "/")
    assert not fetch(client, school.hostname, "/").has_header("X-Cache")


def test_publishing_the_home_page_itself_shows_on_the_next_visit(client, school):
    """The process-wide host map must not keep serving the home page as it was first loaded."""
    from wagtail.models import Page

    assert "Chào mừng năm học mới" not in fetch(client, school.hostname).content.decode()
    home = Page.objects.get(pk=school.root_page_id).specific
    home.welcome = "<p>Chào mừng năm học mới</p>"
    home.save_revision().publish()
    assert "Chào mừng năm học mới" in fetch(client, school.hostname).content.decode()


def test_a_password_set_on_a_cached_page_hides_it_at_once(client, school):
    from wagtail.models import PageViewRestriction

    article = news(school, title="Danh sách nhận học bổng", image=False)
    fetch(client, school.hostname, page_path(article))
    assert fetch(client, school.hostname, page_path(article))["X-Cache"] == "HIT"
    for path in ("/", "/tin-tuc/"):
        fetch(client, school.hostname, path)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    response = fetch(client, school.hostname, page_path(article))
    assert response["X-Cache"] != "HIT"
    assert 'name="password"' in response.content.decode()
    assert article.intro not in response.content.decode()
    for path in ("/", "/tin-tuc/"):
        assert (
            "Danh sách nhận học bổng" not in fetch(client, school.hostname, path).content.decode()
        )
    assert "Danh sách nhận học bổng" not in fetch(client, "portal.test", "/").content.decode()
    # Removing it shows the page again, at once.
    restriction.delete()
    assert "Danh sách nhận học bổng" in fetch(client, school.hostname, "/tin-tuc/").content.decode()


def test_a_restriction_on_the_section_hides_its_pages(client, school):
    from wagtail.models import PageViewRestriction

    from tests.page_types.public_content import section

    article = news(school, title="Họp phụ huynh", image=False)
    fetch(client, school.hostname, page_path(article))
    fetch(client, school.hostname, "/")
    PageViewRestriction.objects.create(
        page=section(school, "tin-tuc"), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(page_path(article), HTTP_HOST=school.hostname)
    assert response.status_code == 302
    assert "Họp phụ huynh" not in fetch(client, school.hostname, "/").content.decode()


def test_a_cache_that_lost_its_generation_keys_never_serves_old_copies(client, school):
    """Generation tokens are random: an evicted key cannot fall back to a value old copies
    were stored under (a counter restarting at 0 would)."""
    from django.core.cache import cache

    from page_types.signals import GENERATION_KEY

    article = news(school, title="Bài cũ", image=False)
    fetch(client, school.hostname, "/tin-tuc/")
    assert fetch(client, school.hostname, "/tin-tuc/")["X-Cache"] == "HIT"
    root = school.root_page.path
    for key in (GENERATION_KEY.format(root=root), GENERATION_KEY.format(root="all")):
        cache.delete(key)
    assert fetch(client, school.hostname, "/tin-tuc/")["X-Cache"] == "MISS"
    assert article.title in fetch(client, school.hostname, "/tin-tuc/").content.decode()


def test_an_offices_new_name_shows_on_every_school_at_once(client, school, authority):
    fetch(client, school.hostname, "/")
    assert fetch(client, school.hostname, "/")["X-Cache"] == "HIT"
    authority.name = "Phòng Giáo dục và Đào tạo thành phố Củ Chi"
    authority.save()
    response = fetch(client, school.hostname, "/")
    assert response["X-Cache"] == "MISS"


def test_a_blueprint_change_makes_every_site_stale(client, school):
    from page_types.models import BlueprintSection

    for host in (school.hostname, "portal.test"):
        fetch(client, host, "/")
        assert fetch(client, host, "/")["X-Cache"] == "HIT"
    row = BlueprintSection.objects.order_by("pk").first()
    row.save()
    for host in (school.hostname, "portal.test"):
        assert fetch(client, host, "/")["X-Cache"] == "MISS"


# The hit before the middleware stack (page_types.cache.CachedPageMiddleware) -------------------


@pytest.fixture
def cache_calls(monkeypatch):
    """The calls made on the cache backend, by method name (each is one round trip)."""
    from django.core.cache import caches

    calls, depth = [], [0]
    backend = caches["default"]
    for name in ("get", "get_many", "set", "add", "set_many", "delete", "incr"):
        original = getattr(backend, name)

        def spy(*args, _name=name, _original=original, **kwargs):
            # Outer calls only: the local-memory cache's get_many calls its own get.
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, spy)
    return calls


def test_a_hit_is_one_cache_round_trip_and_no_query(
    client, school, cache_calls, django_assert_num_queries
):
    article = news(school, title="Ngày hội đọc sách", image=False)
    for host, path in ((school.hostname, page_path(article)), ("portal.test", "/")):
        fetch(client, host, path)
        cache_calls.clear()
        with django_assert_num_queries(0):
            assert fetch(client, host, path)["X-Cache"] == "HIT"
        assert cache_calls == ["get_many"]


def test_a_hit_carries_the_headers_the_whole_stack_gave_the_miss(client, school):
    """The stored copy is the response as every middleware shaped it (security and policy
    headers, Vary, X-Frame-Options, Content-Length): a hit differs from its miss by X-Cache."""
    article = news(school, title="Lịch thi học kỳ", image=False)
    miss, hit = (fetch(client, school.hostname, page_path(article)) for _ in range(2))
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    assert hit.content == miss.content
    assert {**dict(miss.headers), "X-Cache": "HIT"} == dict(hit.headers)
    assert hit["X-Frame-Options"] and "Cookie" in hit["Vary"]
    assert hit["Content-Security-Policy"].startswith("default-src")
    assert hit["Content-Length"] == str(len(hit.content))


def test_the_first_middleware_answers_hits(client, school):
    # Anything before it would run on every hit; the serve view relies on it to store.
    assert settings.MIDDLEWARE[0] == "page_types.cache.CachedPageMiddleware"


@pytest.mark.parametrize(
    "credentials",
    [
        {"HTTP_COOKIE": "portal_session=not-a-valid-session"},
        {"HTTP_COOKIE": "messages=pending"},
        {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"},
    ],
)
def test_a_request_with_credentials_is_never_served_a_stored_copy(client, school, credentials):
    fetch(client, school.hostname, "/")
    assert fetch(client, school.hostname, "/")["X-Cache"] == "HIT"
    response = client.get("/", HTTP_HOST=school.hostname, **credentials)
    assert response.status_code == 200 and response["X-Cache"] == "BYPASS"


def test_a_stale_host_map_is_not_trusted_for_an_early_hit(
    client, school, django_assert_num_queries
):
    """Another process changed a Site (the shared version moved): this process's map may send
    the host to the wrong site, so the request goes through the host routing, which rebuilds."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tenants.hosts import VERSION_KEY

    fetch(client, school.hostname, "/")
    with django_assert_num_queries(0):
        assert fetch(client, school.hostname, "/")["X-Cache"] == "HIT"
    cache.set(VERSION_KEY, "changed-by-another-process", None)
    with CaptureQueriesContext(connection) as rebuilt:
        late = fetch(client, school.hostname, "/")
    assert late["X-Cache"] == "HIT"
    # The host map and the school's Site were loaded again: the host routing ran.
    assert any("wagtailcore_site" in q["sql"] for q in rebuilt.captured_queries)
    # The serve view's own hit sends what the early one does.
    assert dict(late.headers) == dict(fetch(client, school.hostname, "/").headers)
    with django_assert_num_queries(0):
        assert fetch(client, school.hostname, "/")["X-Cache"] == "HIT"


def test_other_routes_on_a_school_host_are_not_looked_up(client, school, cache_calls):
    fetch(client, school.hostname, "/")
    cache_calls.clear()
    response = client.get("/robots.txt", HTTP_HOST=school.hostname)
    assert response.status_code == 200
    assert response.get("X-Cache") is None
