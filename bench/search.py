"""Benchmark of the public search /tim-kiem/ at province scale (not a test).

Times `/tim-kiem/?q=…` through Django's test client in one process (DEBUG off) for common
words, with and without diacritics and in capitals, on the school with the most live pages, on
the office's own site and across the office's schools (`pham-vi=truong`): the first request,
then p50/p95/max of the next ones, SQL queries and the number of results. Run it on the
database of DATABASE_URL; see bench/README.md."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

# Common words of school news, each with its unaccented, capitalised or old-tone spelling.
WORDS = [
    "học sinh",
    "hoc sinh",
    "thông báo",
    "THONG BAO",
    "thực đơn",
    "thuc don",
    "khai giảng năm học",
    "tuyển sinh lớp 1",
    "hoà nhập",
    "hòa nhập",
    "xyzzy",  # no result
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8, help="requests after the first one")
    parser.add_argument("--word", action="append", default=[], help="words to search (repeat)")
    parser.add_argument("--office", default="", help="office code (default: the most schools)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import Substr
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from wagtail.models import Page

    from tenants.models import Authority, School

    setup_test_environment()  # response.context, for the result counts
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    roots = (
        Page.objects.live()
        .filter(depth__gt=2)
        .annotate(root=Substr("path", 1, 2 * Page.steplen))
        .values("root")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    school_roots = dict(School.objects.values_list("root_page__path", "pk"))
    busiest = next(row for row in roots if row["root"] in school_roots)
    school = School.objects.get(pk=school_roots[busiest["root"]])
    offices = Authority.objects.exclude(site=None).order_by("path")
    if args.office:
        office = offices.get(code=args.office)
    else:  # the office above the most schools (the Sở of a province's data)
        office = max(offices, key=lambda a: a.schools_in_subtree().count())
    pages = Page.objects.live().count()
    print(
        f"{School.objects.count()} schools, {pages} live pages, {connection.vendor}; "
        f"school {school.hostname} ({busiest['n']} live pages), office {office.site.hostname} "
        f"({office.schools_in_subtree().count()} schools); first request, then "
        f"{args.repeat} more; load average {os.getloadavg()[0]:.1f}\n"
    )
    print("| site | q | results | first ms | p50 ms | p95 ms | max ms | SQL |")
    print("|---|---|---|---|---|---|---|---|")
    targets = [
        ("school", school.hostname, {}),
        ("office", office.site.hostname, {}),
        ("office → its schools", office.site.hostname, {"pham-vi": "truong"}),
    ]
    client = Client(raise_request_exception=False)
    for label, host, extra in targets:
        for word in args.word or WORDS:
            url = "/tim-kiem/?" + urlencode({"q": word, **extra})
            times, queries = [], []
            for _attempt in range(1 + args.repeat):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url, HTTP_HOST=host)
                    times.append((time.perf_counter() - started) * 1000)
                queries.append(len(captured))
            if response.status_code != 200:
                results = f"HTTP {response.status_code}"
            else:
                page_obj = response.context.get("results") if response.context else None
                results = page_obj.paginator.count if page_obj is not None else 0
            rest = times[1:] or times
            print(
                f"| {label} | {word} | {results} | {times[0]:.0f} | "
                f"{statistics.median(rest):.0f} | {percentile(rest, 0.95):.0f} | "
                f"{max(rest):.0f} | {queries[-1]} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
