"""The portal under gunicorn with two workers and production settings: nothing private or stale
from the page cache in any worker, new schools answer at once, and a Redis outage degrades
instead of failing (issue 10). Slow (a real server, a migrated database): one module."""

import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.served import ServedPortal, free_port, school_host

needs_redis = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="redis-server không có: cài bằng `apt-get install -y redis-server`",
)
HOST = school_host()
ROUNDS = 24


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    portal = ServedPortal(tmp_path_factory.mktemp("served-prepared"))
    portal.prepare()
    return portal


@pytest.fixture(scope="module")
def portal(prepared, tmp_path_factory):
    """Two workers, the database cache (production without REDIS_URL)."""
    served = ServedPortal(tmp_path_factory.mktemp("served-db-cache"))
    served.copy_prepared(prepared)
    served.start(workers=2)
    yield served
    served.stop()


def fetch_many(portal, path, host=HOST, rounds=ROUNDS):
    """`rounds` anonymous requests, six at a time so both workers answer."""
    with ThreadPoolExecutor(max_workers=6) as pool:
        return list(pool.map(lambda _i: portal.get(path, host=host), range(rounds)))


def warm(portal, path, host=HOST, attempts=10):
    """Fetch until both workers have answered (and so cached) the page. The kernel hands
    connections to whichever worker is waiting: on a busy machine one may take many in a row."""
    start = portal.log_length()
    responses = []
    for _attempt in range(attempts):
        batch = fetch_many(portal, path, host)
        assert all(r.status_code == 200 for r in batch), [r.status_code for r in batch]
        responses += batch
        if len(portal.worker_pids(since=start)) == 2:
            break
    assert any(r.headers.get("X-Cache") == "HIT" for r in responses)
    assert len(portal.worker_pids(since=start)) == 2, "one worker answered every request"
    return responses


def test_unpublish_leaves_no_copy_in_either_worker(portal):
    portal.run('publish_news("Tin sẽ gỡ xuống", "tin-se-go")')
    warm(portal, "/tin-tuc/tin-se-go/")
    warm(portal, "/tin-tuc/")
    assert "Tin sẽ gỡ xuống" in portal.get("/tin-tuc/", host=HOST).text

    portal.run('article("tin-se-go").unpublish()')

    for response in fetch_many(portal, "/tin-tuc/tin-se-go/"):
        assert response.status_code == 404
    for response in fetch_many(portal, "/tin-tuc/") + fetch_many(portal, "/"):
        assert "Tin sẽ gỡ xuống" not in response.text


def test_a_password_on_a_page_hides_it_and_its_card_at_once(portal):
    portal.run('publish_news("Danh sách học sinh nhận học bổng", "hoc-bong")')
    warm(portal, "/tin-tuc/hoc-bong/")
    warm(portal, "/tin-tuc/")
    warm(portal, "/")
    warm(portal, "/", host="portal.test")

    portal.run(
        'PageViewRestriction.objects.create(page=article("hoc-bong"), '
        'restriction_type="password", password="bi-mat-2026")'
    )

    for response in fetch_many(portal, "/tin-tuc/hoc-bong/"):
        assert response.status_code == 200
        assert response.headers.get("X-Cache") != "HIT"
        assert 'name="password"' in response.text
        assert "Tóm tắt: Danh sách học sinh" not in response.text
    for path, host in (("/tin-tuc/", HOST), ("/", HOST), ("/", "portal.test")):
        for response in fetch_many(portal, path, host=host):
            assert "Danh sách học sinh nhận học bổng" not in response.text, (host, path)


def test_a_restriction_on_an_ancestor_hides_what_is_under_it(portal):
    portal.run('publish_news("Họp phụ huynh đầu năm", "hop-phu-huynh")')
    warm(portal, "/tin-tuc/hop-phu-huynh/")
    warm(portal, "/")

    portal.run(
        'PageViewRestriction.objects.create(page=section("tin-tuc"), restriction_type="login")'
    )

    for response in fetch_many(portal, "/tin-tuc/hop-phu-huynh/"):
        # A login restriction sends the reader to the login page: never the article.
        assert response.status_code == 302
    for response in fetch_many(portal, "/"):
        assert "Họp phụ huynh đầu năm" not in response.text

    portal.run('PageViewRestriction.objects.filter(page=section("tin-tuc")).delete()')
    for response in fetch_many(portal, "/tin-tuc/hop-phu-huynh/"):
        assert response.status_code == 200 and "Họp phụ huynh đầu năm" in response.text


def test_a_school_created_by_the_command_answers_without_a_restart(portal):
    host = school_host("thcs-moi")
    for response in fetch_many(portal, "/", host=host, rounds=8):
        assert response.status_code == 404
    portal.manage(
        "create_school",
        "--code=79780099",
        "--name=Trường THCS Mới",
        "--level=THCS",
        "--authority=PGD-CUCHI",
        "--slug=thcs-moi",
    )
    for response in fetch_many(portal, "/", host=host, rounds=8):
        assert response.status_code == 200 and "Trường THCS Mới" in response.text


def test_healthz_reports_each_dependency(portal):
    response = portal.get("/healthz", host="127.0.0.1")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


# Redis down -------------------------------------------------------------------------------


@pytest.fixture
def redis_portal(prepared, tmp_path_factory):
    """Two workers caching in a private Redis (port 6411 when free), which the test may kill."""
    port = 6411
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    served = ServedPortal(
        tmp_path_factory.mktemp("served-redis"), redis_url=f"redis://127.0.0.1:{port}/0"
    )
    served.copy_prepared(prepared)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    served.start(workers=2)
    served.redis = redis
    yield served
    served.stop()
    if redis.poll() is None:
        redis.kill()
        redis.wait()


@needs_redis
def test_redis_down_pages_still_served_and_healthz_says_so(redis_portal):
    portal = redis_portal
    assert portal.get("/healthz", host="127.0.0.1").json()["cache"] == "ok"
    warm(portal, "/")
    warm(portal, "/tin-tuc/")

    portal.redis.kill()
    portal.redis.wait()

    for path, host in (("/", HOST), ("/tin-tuc/", HOST), ("/", "portal.test")):
        for response in fetch_many(portal, path, host=host, rounds=8):
            assert response.status_code == 200, (path, response.status_code)
            assert response.headers.get("X-Cache") != "HIT"
    health = portal.get("/healthz", host="127.0.0.1")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "down"}
    # The admin's login page and a login (sessions kept in the database) still work.
    login = portal.get("/admin/login/")
    assert login.status_code == 200
    portal.run(
        "from django.contrib.auth import get_user_model\n"
        "get_user_model().objects.create_superuser('quantri', 'qt@example.vn', 'Mk-rat-dai-2026')"
    )
    cookies = login.cookies.get_dict()
    token = cookies["portal_csrftoken"]
    response = portal.post(
        "/admin/login/",
        data={"username": "quantri", "password": "Mk-rat-dai-2026", "csrfmiddlewaretoken": token},
        cookies=cookies,
    )
    assert response.status_code == 302, response.text[:500]
    session = response.cookies.get_dict()
    assert "portal_session" in session
    dashboard = portal.get("/admin/", cookies={**cookies, **session})
    assert dashboard.status_code == 200


# Hits at the WSGI entrance (portal/wsgi.py) ------------------------------------------------

# Set by gunicorn on every response, not by the portal.
SERVER_HEADERS = {"Date", "Server", "Connection"}


def portal_headers(response):
    return {k: v for k, v in response.headers.items() if k not in SERVER_HEADERS}


@needs_redis
def test_hits_carry_the_misses_headers_and_credentials_step_aside(redis_portal):
    portal = redis_portal
    miss = portal.get("/tin-tuc/?trang=1", host=HOST)
    assert miss.status_code == 200 and miss.headers["X-Cache"] == "MISS"
    hits = fetch_many(portal, "/tin-tuc/?trang=1")
    assert any(r.headers["X-Cache"] == "HIT" for r in hits)
    for hit in hits:
        assert hit.content == miss.content
        assert portal_headers(hit) == {**portal_headers(miss), "X-Cache": hit.headers["X-Cache"]}
    assert portal_headers(hits[-1])["Content-Length"] == str(len(miss.content))
    # Another query string is another page.
    assert portal.get("/tin-tuc/?trang=2", host=HOST).headers["X-Cache"] == "MISS"

    head = requests.head(portal.url("/tin-tuc/?trang=1"), headers={"Host": HOST}, timeout=60)
    assert head.status_code == 200 and head.content == b""
    assert portal_headers(head) == portal_headers(hits[-1])

    for credentials in (
        {"Cookie": "portal_session=not-a-valid-session"},
        {"Cookie": "messages=pending"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
    ):
        for _ in range(4):
            response = requests.get(
                portal.url("/tin-tuc/?trang=1"), headers={"Host": HOST, **credentials}, timeout=60
            )
            assert response.headers["X-Cache"] == "BYPASS", credentials

    # Hosts: the office's own page, an unknown host's 404, the school in capitals.
    assert "Trường Tiểu học Tân Thông" not in portal.get("/tin-tuc/?trang=1").text
    for response in fetch_many(portal, "/tin-tuc/?trang=1", host="khong-co.portal.test"):
        assert response.status_code == 404
    # (its own copy: the page's absolute links carry the host as asked)
    for response in fetch_many(portal, "/tin-tuc/?trang=1", host=HOST.upper(), rounds=6):
        assert response.status_code == 200 and "Trường Tiểu học Tân Thông" in response.text
