#!/usr/bin/env python
"""Rehearse the deployment without containers (Docker cannot run on the build machines).

    python deploy/rehearse.py production [--database URL]
        The processes of compose.yaml on this machine: gunicorn (production settings), the task
        worker, two schedulers and Caddy with deploy/Caddyfile. Checks that a school's page with
        an image is served through the proxy, the image and the static files by Caddy from disk,
        the image by the app's own media route too (the no-proxy case), documents never from
        disk; that the worker sends a queued e-mail and ingests a publication into the ledger;
        and that with two schedulers running each job was enqueued once per period.

    python deploy/rehearse.py make-run --database URL
        `make serve` (dev server + worker + scheduler) on a migrated database with the demo:
        publishes a page, sees it on the school's site and in the ledger once the worker ran,
        then stops everything with Ctrl-C (SIGINT) and checks nothing is left running.

Prints each check; exits non-zero on the first failure. Content is built with the test suite's
builders (tests/page_types/public_content.py), the way editors publish."""

import argparse
import http.client
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


class RehearsalFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise RehearsalFailed(message)
    print(f"  ok  {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, host, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def wait_for(what, predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.5)
    raise RehearsalFailed(f"timed out waiting for {what}")


def manage(*args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, check=True)


def start(command, **kwargs):
    return subprocess.Popen(command, cwd=ROOT, **kwargs)


def stop(procs):
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- production ---------------------------------------------------------------------------


def build_school():
    """A school with a published article carrying an image, and an editor's draft submitted to
    the school's approver (whose notice the worker must send)."""
    from tenants.approval import get_school_workflow
    from tenants.models import Membership
    from tenants.provisioning import SchoolData, add_member, create_authority, provision_school
    from tests.page_types.public_content import news, section

    authority, _ = create_authority("PGD-DIENTAP", "Phòng Giáo dục và Đào tạo diễn tập")
    suffix = str(int(time.time()))[-6:]
    school, _ = provision_school(
        SchoolData(
            code=f"79{suffix}",
            name=f"Trường Tiểu học Diễn Tập {suffix}",
            level="TH",
            authority=authority.code,
            slug=f"th-dien-tap-{suffix}",
            address="Ấp 1",
            phone="028 0000 0000",
            email=f"th{suffix}@example.vn",
            principal="Nguyễn Văn An",
            extra={},
        )
    )
    article = news(school, title=f"Lễ khai giảng diễn tập {suffix}")
    add_member(
        f"hieutruong{suffix}",
        Membership.Role.APPROVER,
        school=school,
        password="matkhau-dien-tap-1",
        email=f"hieutruong{suffix}@example.vn",
    )
    editor, _ = add_member(
        f"bientap{suffix}",
        Membership.Role.EDITOR,
        school=school,
        password="matkhau-dien-tap-1",
        email=f"bientap{suffix}@example.vn",
    )
    from page_types.models import NewsArticlePage

    draft = NewsArticlePage(title=f"Bài chờ duyệt {suffix}", slug=f"cho-duyet-{suffix}")
    section(school, "tin-tuc").add_child(instance=draft)
    draft.save_revision(user=editor)
    get_school_workflow().start(draft, editor)
    return school, article


def production(args):
    work = Path(tempfile.mkdtemp(prefix="portal-rehearsal-"))
    web_port, proxy_port = free_port(), free_port()
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "rehearsal-only-" + "x" * 40,
        "PORTAL_DOMAIN": "rehearsal.test",
        "PORTAL_SCHEME": "http",
        "PORTAL_PORT": str(proxy_port),
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database or f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(work / "mail"),
        "PORTAL_TASK_RETRY_SECONDS": "1",
    }
    os.environ.update(env)
    # Without Redis, production shares the database cache between every process.
    os.environ.pop("REDIS_URL", None)
    print(f"Rehearsal in {work} (app :{web_port}, proxy :{proxy_port})", flush=True)
    started = datetime.now(UTC)
    # What compose's one-shot `migrate` service runs.
    manage("migrate", "--noinput", "-v0")
    manage("createcachetable")
    manage("collectstatic", "--noinput", "-v0")
    setup_django()
    school, article = build_school()
    host = school.hostname
    path = "/" + article.url_path.removeprefix(school.root_page.url_path)

    caddy_env = {
        **os.environ,
        "PORTAL_SITE_ADDRESS": f":{proxy_port}",
        "PORTAL_UPSTREAM": f"127.0.0.1:{web_port}",
        "PORTAL_STATIC_ROOT": str(ROOT / "staticfiles"),
        "PORTAL_MEDIA_ROOT": env["MEDIA_ROOT"],
        "CADDY_GLOBAL_OPTIONS": "admin off",
        "XDG_DATA_HOME": str(work / "caddy-data"),
        "XDG_CONFIG_HOME": str(work / "caddy-config"),
    }
    gunicorn = shutil.which("gunicorn", path=str(Path(PY).parent)) or "gunicorn"
    procs = [
        start(
            [
                gunicorn,
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{web_port}",
                "--workers",
                "2",
                "--forwarded-allow-ips",
                "*",
            ]
        ),
        start(
            [
                PY,
                "manage.py",
                "db_worker",
                "--queue-name",
                "*",
                "--interval",
                "0.5",
                "--no-reload",
                "--no-startup-delay",
                "-v0",
            ]
        ),
        start([PY, "manage.py", "run_scheduler", "--interval", "1", "-v0"]),
        start([PY, "manage.py", "run_scheduler", "--interval", "1", "-v0"]),
        start(
            ["caddy", "run", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"],
            env=caddy_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        wait_for("gunicorn", lambda: get(web_port, "localhost", "/healthz")[0] == 200)
        wait_for("caddy", lambda: get(proxy_port, "localhost", "/healthz")[0] == 200)
        status, _, body = get(proxy_port, host, path)
        html = body.decode()
        check(status == 200 and article.title in html, f"page {host}{path} through the proxy")
        images = re.findall(r'src="(/media/images/[^"]+)"', html)
        check(images, "the page links its image under /media/images/")
        status, headers, body = get(proxy_port, host, images[0])
        check(
            status == 200 and headers.get("Server") == "Caddy" and body[:2] == b"\xff\xd8",
            f"image {images[0]} served by Caddy from the media volume",
        )
        status, headers, body = get(web_port, host, images[0])
        check(
            status == 200 and body[:2] == b"\xff\xd8",
            "the same image from gunicorn alone (the app's media route, no proxy)",
        )
        css = re.findall(r'href="(/static/[^"]+\.css)"', html)
        check(css, "the page links its stylesheet under /static/")
        status, headers, _ = get(proxy_port, host, css[0])
        check(
            status == 200 and "immutable" in headers.get("Cache-Control", ""),
            f"stylesheet {css[0]} served by Caddy, cached as immutable",
        )
        for hidden in ("/media/documents/anything.pdf", "/media/../db.sqlite3"):
            check(get(proxy_port, host, hidden)[0] == 404, f"{hidden} is not served")
            check(get(web_port, host, hidden)[0] == 404, f"{hidden} is not served by the app")
        check(
            get(proxy_port, "stranger.example", "/")[0] in (400, 404),
            "an unknown host gets no site",
        )
        status, _, _ = get(web_port, "localhost", f"/healthz/tls?domain={host}")
        check(status == 200, "the TLS check allows the school's host")
        status, _, _ = get(web_port, "localhost", "/healthz/tls?domain=evil.example")
        check(status == 404, "the TLS check refuses an unknown host")

        mail_dir = Path(env["EMAIL_FILE_PATH"])

        def notice_sent():
            return (
                any(
                    "Bài chờ duyệt" in f.read_text(errors="replace") for f in mail_dir.glob("*.log")
                )
                if mail_dir.exists()
                else False
            )

        wait_for("the queued submission e-mail", notice_sent)
        check(True, "the worker sent the queued submission e-mail to the approver")

        from audit.models import ActivityEvent

        wait_for("the ledger", lambda: ActivityEvent.objects.filter(page_id=article.pk).exists())
        check(True, "the worker ingested the publication into the audit ledger")

        from django.utils import timezone
        from django_tasks_db.models import DBTaskResult

        from portal.models import ScheduledRun
        from portal.scheduler import jobs

        time.sleep(4)  # both schedulers have ticked several times
        a_moment_ago = timezone.now() - timedelta(seconds=3)
        for job in jobs():
            periods = list(
                ScheduledRun.objects.filter(job=job.name, claimed_at__gte=started).values_list(
                    "period", flat=True
                )
            )
            tasks = DBTaskResult.objects.filter(
                task_path=job.task_path, enqueued_at__gte=started
            ).count()
            due = job.due_period(a_moment_ago)
            claimed = due is None or ScheduledRun.objects.filter(job=job.name, period=due).exists()
            check(
                claimed and len(periods) == len(set(periods)) == tasks <= 2,
                f"two schedulers: {job.name} claimed for {due}, "
                f"{tasks} task(s) for {len(periods)} period(s) since the start",
            )
    finally:
        stop(procs)
    print("Production rehearsal passed.")


# --- make run -----------------------------------------------------------------------------


def make_run(args):
    port = free_port()
    os.environ.update(
        {"DATABASE_URL": args.database, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    )
    command = shlex.split(args.serve_command.format(port=port, python=PY))
    log = open(Path(tempfile.mkdtemp(prefix="portal-make-run-")) / "serve.log", "w+")  # noqa: SIM115
    proc = start(command, start_new_session=True, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for("make serve", lambda: get(port, "localhost", "/healthz")[0] == 200, timeout=180)
        check(True, f"make serve answers on :{port}")
        setup_django()
        from audit.models import ActivityEvent
        from tenants.models import School
        from tests.page_types.public_content import news

        school = School.objects.filter(is_active=True).order_by("code").first()
        article = news(school, title=f"Tin diễn tập make run {int(time.time())}")
        path = article.url_path.removeprefix(school.root_page.url_path)
        host = f"{school.hostname}:{port}"
        wait_for("the article", lambda: article.title in get(port, host, f"/{path}")[2].decode())
        check(True, f"the published article is on {school.hostname}")
        wait_for("the worker", lambda: ActivityEvent.objects.filter(page_id=article.pk).exists())
        check(True, "the worker ingested it into the audit ledger")
    except RehearsalFailed:
        log.seek(0)
        print(log.read()[-3000:], file=sys.stderr)
        raise
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise RehearsalFailed("make serve did not stop on Ctrl-C") from None
    time.sleep(1)
    try:
        os.killpg(proc.pid, 0)
        left = True
    except ProcessLookupError:
        left = False
    check(not left, "Ctrl-C stopped the server, the worker and the scheduler")
    print("make run rehearsal passed.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["production", "make-run"])
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL"))
    parser.add_argument(
        "--serve-command",
        default="make serve PORT={port}",
        help="make-run: what starts server, worker and scheduler ({port}, {python} replaced)",
    )
    args = parser.parse_args()
    if args.mode == "make-run" and not args.database:
        parser.error("make-run needs --database (migrated, with the demo loaded)")
    try:
        (production if args.mode == "production" else make_run)(args)
    except RehearsalFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
