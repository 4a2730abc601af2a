"""Benchmark of the office's admin screens at province scale (not a test).

Times every screen of issue 16's table through Django's test client in one process (DEBUG off),
for a province (Sở) admin, a commune/district office (Phòng) admin and a school's editor: the
first visit (empty cache) and the median of the next visits, with the SQL query count and the
size of the page. Run it on a database made by `generate_scale_data --schools 3500`; see
bench/README.md."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

# The users `generate_scale_data` makes (password bench-matkhau-123).
DEFAULT_USERS = {
    "Sở admin": "bench-admin",
    "Phòng admin": "bench-xa-001.quantri",
    "school editor": "bench-1.bientap",
}
LIMIT = 0.5  # seconds, issue 16's target for every screen


def screens(user, school):
    """(label, url) of issue 16's screens; `school` is one school the user reaches."""
    return [
        ("/admin/ home", "/admin/"),
        ("explorer /admin/pages/", "/admin/pages/"),
        ("page search ?q=tin", "/admin/pages/search/?q=tin"),
        ("one school's explorer", f"/admin/pages/{school.root_page_id}/"),
        ("/admin/forms/", "/admin/forms/"),
        ("images", "/admin/images/"),
        ("documents", "/admin/documents/"),
        ("aging-pages report", "/admin/reports/aging-pages/"),
        # The listings narrowed by the school and authority choosers (tenants/admin_filters.py).
        ("explorer, one school", f"/admin/pages/?school={school.pk}"),
        ("images, one office", f"/admin/images/?authority={school.authority_id}"),
        ("audit dashboard", "/admin/audit/"),
        ("school drill-down", f"/admin/audit/school/{school.pk}/"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="visits after the first one")
    parser.add_argument(
        "--user",
        action="append",
        default=[],
        metavar="LABEL=USERNAME",
        help="users to measure (default: the three generate_scale_data makes)",
    )
    parser.add_argument("--only", default="", help="measure only screens whose label has this")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tenants.isolation.scope import scope_for_user
    from tenants.models import School

    settings.DEBUG = False
    users = dict(DEFAULT_USERS)
    if args.user:
        users = dict(item.split("=", 1) for item in args.user)
    print(
        f"{School.objects.count()} trường, {connection.vendor}, "
        f"tải máy {' / '.join(f'{x:.1f}' for x in os.getloadavg())}, "
        f"lần đầu (bộ nhớ đệm trống) / trung vị {args.repeat} lần sau; mục tiêu ≤ {LIMIT} s"
    )
    # "CPU": this process's CPU time for the median visit (Python's share, less sensitive to a
    # loaded machine than wall time; the database server's work is not in it).
    print(
        f"{'người dùng':<14}{'màn hình':<26}{'đầu':>7}{'sau':>7}{'CPU':>7}{'truy vấn':>10}"
        f"{'KiB':>7}  HTTP"
    )
    slow = []
    for label, username in users.items():
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            sys.exit(f"Không có người dùng {username}: chạy generate_scale_data trước.")
        scope = scope_for_user(user)
        school = School.objects.filter(pk__in=sorted(scope.school_ids)).order_by("pk").first()
        if school is None:
            sys.exit(f"{username} không thuộc trường nào.")
        # A screen that fails is reported with its status (500), not raised.
        client = Client(HTTP_HOST=settings.PORTAL_DOMAIN, raise_request_exception=False)
        client.force_login(user)
        for screen, url in screens(user, school):
            if args.only and args.only not in screen:
                continue
            cache.clear()
            times, cpu, queries, size, status = [], [], [], 0, 0
            for _attempt in range(1 + args.repeat):
                with CaptureQueriesContext(connection) as captured:
                    started, started_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    times.append(time.perf_counter() - started)
                    cpu.append(time.process_time() - started_cpu)
                queries.append(len(captured))
                size, status = len(response.content), response.status_code
            median = statistics.median(times[1:]) if args.repeat else times[0]
            median_cpu = statistics.median(cpu[1:]) if args.repeat else cpu[0]
            print(
                f"{label:<14}{screen:<26}{times[0]:>7.2f}{median:>7.2f}{median_cpu:>7.2f}"
                f"{queries[0]:>5}/{queries[-1]:<4}{size // 1024:>7}  {status}",
                flush=True,
            )
            if status == 200 and median > LIMIT:
                slow.append(f"{label}: {screen} {median:.2f} s")
    if slow:
        print("trên mục tiêu: " + "; ".join(slow))
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
