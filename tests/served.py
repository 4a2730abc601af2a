"""A portal served the way production serves it, for tests that per-process state could fool.

gunicorn with two workers on production settings, on its own SQLite database file (migrated
once per test module), with either the database cache (the production default without Redis) or
a private Redis. Changes are made by separate Python processes with the same settings, as a
command or an editor's request on another worker would make them. The access log records the
worker's pid for every request, so a test can check both workers answered."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
DOMAIN = "portal.test"
# The module that prepares a database: migrated, one office, one school with news.
SEED = """
from tenants.provisioning import SchoolData, create_authority, provision_school
create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
provision_school(SchoolData(code="79780001", name="Trường Tiểu học Tân Thông", level="TH",
    authority="PGD-CUCHI", slug="th-tan-thong"))
"""
# Helpers every action script may use.
PRELUDE = """
import datetime
from wagtail.models import Page, PageViewRestriction
from page_types.models import NewsArticlePage
from tenants.models import School

def section(slug, school_code="79780001"):
    root = Page.objects.get(pk=School.objects.get(code=school_code).root_page_id)
    return root.get_children().get(slug=slug).specific

def publish_news(title, slug):
    article = NewsArticlePage(title=title, slug=slug, date=datetime.date(2026, 11, 30),
        intro="Tóm tắt: " + title)
    section("tin-tuc").add_child(instance=article)
    article.save_revision().publish()
    return article

def article(slug):
    return NewsArticlePage.objects.get(slug=slug)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServedPortal:
    def __init__(self, workdir, redis_url=None):
        self.workdir = Path(workdir)
        self.port = free_port()
        self.access_log = self.workdir / f"access-{self.port}.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO"))},
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "served-test-secret-key-not-for-production-use-0123456789",
            "PORTAL_DOMAIN": DOMAIN,
            "PORTAL_SCHEME": "http",
            "PORTAL_PORT": str(self.port),
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'db.sqlite3'}",
            "STATIC_ROOT": str(self.workdir / "static"),
            "MEDIA_ROOT": str(self.workdir / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "PYTHONPATH": str(BASE_DIR),
        }
        self.env.pop("REDIS_URL", None)
        if redis_url:
            self.env["REDIS_URL"] = redis_url
        self.process = None

    # Preparing ---------------------------------------------------------------------------

    def prepare(self):
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--noinput", "-v0")
        self.manage("createcachetable")
        self.manage("collectstatic", "--noinput", "-v0")
        self.run(SEED)

    def copy_prepared(self, other):
        """Share another instance's prepared database and static files (migrating is slow)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        shutil.copy(other.workdir / "db.sqlite3", self.workdir / "db.sqlite3")
        self.env["STATIC_ROOT"] = other.env["STATIC_ROOT"]

    def manage(self, *args):
        return self._python([str(BASE_DIR / "manage.py"), *args])

    def run(self, code):
        """Run Python code in a new process with the served settings (database, cache)."""
        return self._python(["-c", "import django\ndjango.setup()\n" + PRELUDE + code])

    def _python(self, args):
        result = subprocess.run(
            [PYTHON, *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if result.returncode != 0:
            raise AssertionError(f"{args[:2]} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    # Serving -----------------------------------------------------------------------------

    def start(self, workers=2):
        self.access_log.write_text("")
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
                "--access-logfile",
                str(self.access_log),
                "--access-logformat",
                '%(p)s "%(r)s" %(s)s',
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / f"gunicorn-{self.port}.err", "w"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("gunicorn exited: " + self.errors())
            try:
                if self.get("/healthz").status_code in (200, 503):
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise AssertionError("gunicorn did not answer: " + self.errors())

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def errors(self):
        path = self.workdir / f"gunicorn-{self.port}.err"
        return path.read_text()[-4000:] if path.exists() else ""

    # Requests ----------------------------------------------------------------------------

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, host=DOMAIN, **kwargs):
        return requests.get(
            self.url(path), headers={"Host": host}, allow_redirects=False, timeout=60, **kwargs
        )

    def post(self, path, host=DOMAIN, **kwargs):
        return requests.post(
            self.url(path), headers={"Host": host}, allow_redirects=False, timeout=60, **kwargs
        )

    def worker_pids(self, since=0):
        """The pids of the workers that answered requests, from line `since` of the log."""
        lines = self.access_log.read_text().splitlines()[since:]
        return {line.split(" ", 1)[0] for line in lines if line.strip()}

    def log_length(self):
        return len(self.access_log.read_text().splitlines())


def school_host(slug="th-tan-thong"):
    return f"{slug}.{DOMAIN}"
