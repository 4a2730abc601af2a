"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

School sites live on <slug>.portal.test; Chromium resolves every *.portal.test name to the
live server's address, and the sites are provisioned with the live server's port so the
links Wagtail writes point back to it."""

import io
import os
from pathlib import Path

import pytest
from PIL import Image as PILImage
from PIL import ImageDraw

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
SKIP_REASON = (
    "Chromium không có: cài bằng `apt-get install -y chromium` để chạy kiểm thử trình duyệt"
)
HERE = Path(__file__).parent
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "e2e"
SQLITE_FILE = Path(__file__).resolve().parents[2] / "var" / "e2e-test.sqlite3"


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if HERE in Path(item.fspath).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite, a test database in a file rather than in memory. An in-memory test database
    is one shared-cache connection for the live server's threads and the test, where two
    requests at once (an upload beside an autosave) fail at once with "database table is
    locked" instead of waiting; a file in WAL mode lets them wait their turn, as in production."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
        database.setdefault("TEST", {})["NAME"] = str(SQLITE_FILE)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--no-proxy-server",
                "--host-resolver-rules=MAP *.portal.test 127.0.0.1, MAP portal.test 127.0.0.1",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()
            if previous is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def portal(live_server, settings, tmp_path):
    """Settings for a portal served by the live server: its port in every generated URL,
    uploads in a temporary folder and served by the test server."""
    port = int(live_server.url.rsplit(":", 1)[1])
    settings.PORTAL_PORT = port
    settings.WAGTAILADMIN_BASE_URL = f"http://{settings.PORTAL_DOMAIN}:{port}"
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.ROOT_URLCONF = "tests.e2e.urls"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return {"port": port, "office": f"http://{settings.PORTAL_DOMAIN}:{port}"}


@pytest.fixture
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and HERE in Path(item.fspath).parents:
        # Keep what the browser showed when a step failed: the fastest way to see why.
        for number, page in enumerate(getattr(item, "open_pages", [])):
            try:
                if not page.is_closed():
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(SCREENSHOTS / f"failure-{item.name}-{number}.png"))
            except Exception:  # a failing screenshot must not hide the error
                pass


@pytest.fixture
def track_pages(request):
    """track_pages(page) remembers a page for the failure screenshot."""
    request.node.open_pages = []

    def track(page):
        request.node.open_pages.append(page)
        return page

    return track


def shoot_tall(page, path):
    """A full-height screenshot of an admin screen: the admin scrolls inside <main>, so grow the
    viewport to the content first, then give the page back its size."""
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(document.body.scrollHeight, document.querySelector('main')?.scrollHeight || 0)"
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 6000)})
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def photo(path):
    """A JPEG of a green field under a sun, for the upload steps (news with a picture)."""
    image = PILImage.new("RGB", (1200, 800), (46, 125, 50))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 1200, 800), fill=(121, 85, 72))
    draw.ellipse((450, 120, 750, 420), fill=(255, 213, 79))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path
