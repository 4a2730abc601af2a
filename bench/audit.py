"""Benchmark of the office's audit at province scale (not a test).

Run `python manage.py generate_scale_data --schools 3500` on an empty PostgreSQL database first,
then `bench/audit` with the same DATABASE_URL. Measures, in one process, wall time, CPU time and
SQL query counts of: the full `audit_report` JSON, the dashboard page and one school's
drill-down (Django test client logged in as the office admin), each cold (empty cache) and
warm; then `manage.py audit_report` as its own process (start-up included: the figure a user
waits for), whose JSON is compared byte for byte with a full computation."""

import argparse
import io
import os
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

# (measurement, runs it applies to, seconds): issue 16's targets on the 2-core machine.
TARGETS = [
    ("dashboard", "cold", 1.0),
    ("dashboard", "ngày mới", 1.0),
    ("dashboard", "warm", 0.3),
    ("drill-down", "warm", 0.2),
    ("audit_report (tiến trình)", "warm", 2.0),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default="2025-05-31")
    parser.add_argument("--user", default="bench-admin")
    parser.add_argument("--repeat", type=int, default=2, help="warm runs after the cold one")
    parser.add_argument(
        "--changed",
        type=int,
        default=35,
        help="schools whose data changes before a last dashboard run (1%% of a province)",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from audit import stamps
    from audit.models import StoredRow
    from tenants.models import School

    settings.DEBUG = False
    from audit import views
    from audit.sources import disclosure as disclosure_source

    # Attribute the time: the regulations app's summaries, and the audit views' own work
    # (the rest of a page is the admin around it: middleware, menus, sidebar).
    spent = {"regulations": 0.0, "view": 0.0}

    def timed(bucket, func):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[bucket] += time.perf_counter() - started

        return wrapper

    for name in ("disclosure_summaries", "recurring_summaries"):
        setattr(disclosure_source, name, timed("regulations", getattr(disclosure_source, name)))
    for view in (views.DashboardView, views.SchoolView):
        view.get_context_data = timed("view", view.get_context_data)
    vendor = connection.vendor
    schools = School.objects.filter(is_active=True).count()
    user = get_user_model().objects.filter(username=args.user).first()
    if user is None:
        sys.exit(f"Không có người dùng {args.user}: chạy generate_scale_data trước.")
    # The drill-down's school: the first of the user's own scope (the demo's district
    # schools, outside the Sở, answer 403 to its admin).
    from audit import access

    school = access.office_schools(user).filter(is_active=True).order_by("code").first()
    client = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
    client.force_login(user)

    def measure(label, action, changed=0, new_date=False):
        """Cold: empty cache and no stored table lines (the first visit of a day without
        `audit_warm`, in a fresh cache: the school years' holidays too). With `new_date`, one
        more run once the date's lines are dropped, the rest of the cache kept: a date nobody
        computed on a running server. With `changed`, one more run after that many schools
        published."""
        kinds = ["cold"] + ["warm"] * args.repeat
        kinds += ["ngày mới"] if new_date else []
        kinds += [f"{changed} đổi"] if changed else []
        rows = []
        for kind in kinds:
            if kind == "cold":
                cache.clear()
                StoredRow.objects.all().delete()
            elif kind == "ngày mới":
                StoredRow.objects.filter(as_of=args.as_of).delete()
            elif kind != "warm":
                stamps.bump_schools(
                    School.objects.order_by("?").values_list("pk", flat=True)[:changed]
                )
            spent.update(regulations=0.0, view=0.0)
            with CaptureQueriesContext(connection) as queries:
                started, cpu = time.perf_counter(), time.process_time()
                detail = action()
                elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            detail += f"; regulations {spent['regulations']:.2f} s"
            if label != "audit_report (JSON)":
                detail += f"; audit view {spent['view']:.2f} s"
            rows.append((label, kind, elapsed, cpu, len(queries), detail))
        return rows

    def report():
        out = io.StringIO()
        call_command("audit_report", "--as-of", args.as_of, stdout=out)
        return f"{len(out.getvalue()) // 1024} KiB"

    def page(url):
        def get():
            response = client.get(url)
            if response.status_code != 200:
                sys.exit(f"{url} trả về {response.status_code}")
            return f"HTTP 200, {len(response.content) // 1024} KiB"

        return get

    def process_report():
        """`manage.py audit_report` in its own process, on the lines the dashboard stored."""
        command = [sys.executable, str(ROOT / "manage.py"), "audit_report", "--as-of", args.as_of]
        report()  # every school's line stored (what audit_warm leaves each night)
        rows = []
        for _attempt in range(args.repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=True, cwd=ROOT)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            rows.append((done.stdout, elapsed, cpu))
        from audit.engine import run_audit
        from audit.report import report_json

        full = report_json(run_audit(School.objects.all(), date.fromisoformat(args.as_of)))
        same = all(out == full.encode() for out, _e, _c in rows)
        return [
            (
                "audit_report (tiến trình)",
                "warm",
                elapsed,
                cpu,
                "—",
                f"{len(out) // 1024} KiB; "
                + ("giống hệt JSON tính đầy đủ" if same else "KHÁC JSON tính đầy đủ"),
            )
            for out, elapsed, cpu in rows
        ]

    results = []
    results += measure("audit_report (JSON)", report)
    results += measure(
        "dashboard", page(f"/admin/audit/?as_of={args.as_of}"), changed=args.changed, new_date=True
    )
    results += measure("drill-down", page(f"/admin/audit/school/{school.pk}/?as_of={args.as_of}"))
    results += process_report()

    print(f"{schools} trường, cơ sở dữ liệu {vendor}, tính đến {args.as_of}, tải máy {load()}")
    print(f"{'phép đo':<27}{'lần':<7}{'giây':>7}{'CPU':>7}{'truy vấn':>10}  chi tiết")
    for label, kind, elapsed, cpu, queries, detail in results:
        print(f"{label:<27}{kind:<7}{elapsed:>7.2f}{cpu:>7.2f}{queries:>10}  {detail}")
    failed = False
    for label, kind, limit in TARGETS:
        runs = [(e, c) for lab, k, e, c, _q, _d in results if lab == label and k == kind]
        worst = max(e for e, _c in runs)
        verdict = "đạt" if worst <= limit else "CHƯA ĐẠT"
        failed |= worst > limit
        print(
            f"mục tiêu {label} ({'đã tính sẵn' if kind == 'warm' else 'lần tính đầu, ' + kind}) "
            f"≤ {limit:g} s: {', '.join(f'{e:.2f} s (CPU {c:.2f})' for e, c in runs)} → {verdict}"
        )
    return 1 if failed else 0


def load():
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
