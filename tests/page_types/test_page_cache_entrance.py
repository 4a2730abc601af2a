"""The page cache's WSGI entrance (portal/wsgi.py): cached pages answered before Django's
handler, by the same decision as the middleware (page_types.cache.stored_response). Each case
goes through the entrance in this process; whatever it does not answer goes to Django (here
through the test client's handler, which keeps the test's database transaction)."""

import pytest
from django.test.client import ClientHandler, RequestFactory

from page_types.cache import wsgi_entrance
from tests.page_types.public_content import news

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600


class Served:
    def __init__(self, status, headers, body, by_django):
        self.status, self.headers, self.body, self.by_django = status, headers, body, by_django
        self.code = int(status.split()[0])

    @property
    def answered_early(self):
        return not self.by_django


@pytest.fixture
def wsgi():
    """get(host, path, method=..., **environ) through the entrance, as a WSGI server calls it."""
    handler = ClientHandler(enforce_csrf_checks=False)
    reached = []

    def django_app(environ, start_response):
        reached.append(True)
        response = handler(environ)
        cookies = [("Set-Cookie", c.output(header="")) for c in response.cookies.values()]
        start_response(
            f"{response.status_code} {response.reason_phrase}",
            [
                *response.items(),
                *cookies,
            ],
        )
        return [response.content]

    application = wsgi_entrance(django_app)

    def get(host, path="/", method="GET", query="", **extra):
        environ = RequestFactory()._base_environ(
            PATH_INFO=path, REQUEST_METHOD=method, QUERY_STRING=query, HTTP_HOST=host, **extra
        )
        sent = {}

        def start_response(status, headers, exc_info=None):
            sent["status"], sent["headers"] = status, headers

        reached.clear()
        body = b"".join(application(environ, start_response))
        names = [name for name, _ in sent["headers"]]
        assert len(names) == len(set(names)), names
        return Served(sent["status"], dict(sent["headers"]), body, bool(reached))

    return get


def page_path(page):
    return "/" + page.url_path.split("/", 2)[2]


def test_a_hit_is_answered_before_django_with_the_misses_headers(wsgi, client, school):
    article = news(school, title="Lịch thi học kỳ", image=False)
    miss = wsgi(school.hostname, page_path(article))
    hit = wsgi(school.hostname, page_path(article))
    assert miss.by_django and miss.headers["X-Cache"] == "MISS"
    assert hit.answered_early and hit.status == "200 OK"
    assert hit.body == miss.body and "Lịch thi học kỳ" in hit.body.decode()
    assert hit.headers == {**miss.headers, "X-Cache": "HIT"}
    assert hit.headers["Content-Length"] == str(len(hit.body))
    for name in ("X-Frame-Options", "Content-Security-Policy", "X-Content-Type-Options", "Vary"):
        assert hit.headers[name], name
    # The middleware's hit (test client) sends the very same response.
    through_django = client.get(page_path(article), HTTP_HOST=school.hostname)
    assert dict(through_django.headers) == hit.headers
    assert through_django.content == hit.body


def test_head_is_answered_like_get(wsgi, school):
    wsgi(school.hostname, "/")
    head = wsgi(school.hostname, "/", method="HEAD")
    get = wsgi(school.hostname, "/")
    assert head.answered_early and get.answered_early
    # The server leaves the body out of a HEAD; the headers are the page's.
    assert head.headers == get.headers


@pytest.mark.parametrize(
    "credentials",
    [
        {"HTTP_COOKIE": "portal_session=not-a-valid-session"},
        {"HTTP_COOKIE": "other=1; messages=pending"},
        {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"},
    ],
)
def test_credentials_always_go_through_django(wsgi, school, credentials):
    wsgi(school.hostname, "/")
    assert wsgi(school.hostname, "/").answered_early
    served = wsgi(school.hostname, "/", **credentials)
    assert served.by_django and served.headers["X-Cache"] == "BYPASS"


def test_an_unrelated_cookie_still_gets_the_cached_page(wsgi, school):
    wsgi(school.hostname, "/")
    assert wsgi(school.hostname, "/", HTTP_COOKIE="theme=dark").answered_early


def test_a_logged_in_editor_is_never_answered_early(wsgi, client, school, editor):
    wsgi(school.hostname, "/")
    client.force_login(editor)
    session = client.cookies["portal_session"].value
    served = wsgi(school.hostname, "/", HTTP_COOKIE=f"portal_session={session}")
    assert served.by_django and served.headers["X-Cache"] != "HIT"


def test_query_strings_and_methods_are_their_own(wsgi, school):
    wsgi(school.hostname, "/tin-tuc/")
    assert wsgi(school.hostname, "/tin-tuc/").answered_early
    first_page = wsgi(school.hostname, "/tin-tuc/", query="page=1")
    assert first_page.by_django and first_page.headers["X-Cache"] == "MISS"
    assert wsgi(school.hostname, "/tin-tuc/", query="page=1").answered_early
    assert wsgi(school.hostname, "/tin-tuc/", method="POST").by_django


def test_hosts_never_share_copies(wsgi, school, other_school):
    wsgi(school.hostname, "/")
    assert wsgi(school.hostname, "/").answered_early
    other = wsgi(other_school.hostname, "/")
    assert other.by_django and other.headers["X-Cache"] == "MISS"
    assert other_school.name in other.body.decode() and school.name not in other.body.decode()
    unknown = wsgi("khong-co.portal.test", "/")
    assert unknown.by_django and unknown.code == 404
    # Another port is another address (its own copy).
    assert wsgi(school.hostname + ":8443", "/").by_django


def test_an_https_copy_is_not_sent_over_plain_http(wsgi, school):
    wsgi(school.hostname, "/", **{"wsgi.url_scheme": "https"})
    assert wsgi(school.hostname, "/", **{"wsgi.url_scheme": "https"}).answered_early
    assert wsgi(school.hostname, "/").by_django


def test_a_publish_makes_the_copy_stale_at_once(wsgi, school):
    article = news(school, title="Tin cũ", image=False)
    for _ in range(2):
        wsgi(school.hostname, page_path(article))
    article.title = "Tin đã sửa"
    article.save_revision().publish()
    served = wsgi(school.hostname, page_path(article))
    assert served.by_django and "Tin đã sửa" in served.body.decode()


def test_a_moved_host_map_is_not_trusted(wsgi, school):
    from django.core.cache import cache

    from tenants.hosts import VERSION_KEY

    wsgi(school.hostname, "/")
    assert wsgi(school.hostname, "/").answered_early
    cache.set(VERSION_KEY, "changed-by-another-process", None)
    assert wsgi(school.hostname, "/").by_django


def test_tomorrow_never_gets_todays_copy(wsgi, school, monkeypatch):
    import datetime

    from django.utils import timezone

    wsgi(school.hostname, "/")
    assert wsgi(school.hostname, "/").answered_early
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    assert wsgi(school.hostname, "/").by_django


def test_a_password_page_is_never_stored(wsgi, school):
    from wagtail.models import PageViewRestriction

    article = news(school, title="Danh sách nhận học bổng", image=False)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    for _ in range(2):
        served = wsgi(school.hostname, page_path(article))
        assert served.by_django and served.headers["X-Cache"] == "BYPASS"
        assert article.intro not in served.body.decode()


def test_a_draft_is_never_served(wsgi, school):
    article = news(school, title="Bài đã đăng", image=False)
    for _ in range(2):
        wsgi(school.hostname, page_path(article))
    article.title = "Bản nháp chưa duyệt"
    article.save_revision()
    served = wsgi(school.hostname, page_path(article))
    assert served.answered_early and "Bản nháp chưa duyệt" not in served.body.decode()


def test_other_paths_go_to_django(wsgi, school):
    assert wsgi(school.hostname, "/robots.txt").by_django
    assert wsgi(school.hostname, "/robots.txt").by_django
    assert wsgi(school.hostname, "/admin/login/").by_django


def test_an_error_in_the_checks_falls_back_to_django(wsgi, school, monkeypatch):
    from page_types import cache as page_cache

    wsgi(school.hostname, "/")

    def broken(environ):
        raise RuntimeError("boom")

    # Only the entrance builds its request this way: the middleware behind it still works.
    monkeypatch.setattr(page_cache, "WSGIRequest", broken)
    served = wsgi(school.hostname, "/")
    assert served.by_django and served.code == 200


def test_the_remembered_paths_stay_bounded(wsgi, school):
    from page_types import cache as page_cache

    page_cache._remembered_serves_pages.cache_clear()
    for index in range(20):
        wsgi(school.hostname, f"/khong-co-{index}/")
    long_path = "/" + "a" * (page_cache.REMEMBERED_PATH_LENGTH + 1) + "/"
    assert wsgi(school.hostname, long_path).code == 404
    info = page_cache._remembered_serves_pages.cache_info()
    assert info.currsize == 20 and info.maxsize == page_cache.RESOLVED_PATHS
