"""Public pages in the production configuration: gunicorn (2 workers, DEBUG off) with Redis as
the cache, the same server serving a static file (whitenoise), cached anonymous pages and
uncached pages. Prints req/s, p50/p95 latency, the workers' and Redis's CPU time, SQL queries
and Redis commands per request.

    bench/public_pages --database postgres://…/portal_demo [--seconds 8] [--clients 4]

The database needs the demo (`load_demo`: 12 schools) or the scale data. A private
redis-server is started on --redis-port (the shared one is left alone). "Uncached" requests
carry a session cookie, which makes the page cache step aside (as for a logged-in reader)."""

import argparse
import http.client
import multiprocessing
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, host, path, cookie=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": host}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _client(port, host, path, cookie, seconds, queue):
    latencies, errors = [], 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        started = time.perf_counter()
        try:
            status = fetch(port, host, path, cookie)[0]
        except OSError:
            status = 0
        latencies.append(time.perf_counter() - started)
        errors += status != 200
    queue.put((latencies, errors))


def load(port, host, path, cookie, seconds, clients):
    queue = multiprocessing.Queue()
    procs = [
        multiprocessing.Process(target=_client, args=(port, host, path, cookie, seconds, queue))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    elapsed = time.perf_counter() - started
    for proc in procs:
        proc.join()
    return [x for lat, _ in results for x in lat], sum(e for _, e in results), elapsed


def summary(runs):
    """Rounds of one target together: requests over time, latency percentiles."""
    latencies = sorted(x for lat, _, _ in runs for x in lat)
    return {
        "rps": len(latencies) / sum(elapsed for _, _, elapsed in runs),
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95)] * 1000,
        "errors": sum(errors for _, errors, _ in runs),
        "n": len(latencies),
    }


def cpu_seconds(pids):
    """User + system CPU time of these processes so far (/proc; Linux): a load-proof measure
    beside the wall-clock rates, which the other work on a shared machine moves."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def redis_commands(port):
    out = subprocess.run(
        ["redis-cli", "-p", str(port), "info", "stats"], capture_output=True, text=True, check=True
    ).stdout
    return int(re.search(r"total_commands_processed:(\d+)", out).group(1))


def wait_for(port, host="localhost"):
    for _ in range(240):
        try:
            if fetch(port, host, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not start")


def queries_per_request(targets):
    """SQL queries of each request, in this process with the same settings (test client)."""
    import django
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    client = Client()
    counts = {}
    for name, (host, path, cookie) in targets.items():
        if cookie:
            client.cookies.load(cookie)
        else:
            client.cookies.clear()
        client.get(path, HTTP_HOST=host)  # warm (fills the page cache for the cached case)
        with CaptureQueriesContext(connection) as captured:
            client.get(path, HTTP_HOST=host)
        counts[name] = len(captured)
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL"), required=False)
    parser.add_argument("--seconds", type=float, default=12, help="per target, all rounds")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--redis-port", type=int, default=6417)
    args = parser.parse_args()
    if not args.database:
        parser.error("--database (or DATABASE_URL) is required")

    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "bench-only-" + "x" * 40,
            "PORTAL_DOMAIN": os.environ.get("PORTAL_DOMAIN", "localhost"),
            "SECURE_SSL_REDIRECT": "false",
            # Whatever domain the database's sites were built with (demo: localhost).
            "ALLOWED_HOSTS": "*",
            "DATABASE_URL": args.database,
            "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0",
            "MEDIA_ROOT": os.environ.get("MEDIA_ROOT", str(ROOT / "media")),
        }
    )
    sys.path.insert(0, str(ROOT))
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)
    redis = subprocess.Popen(
        ["redis-server", "--port", str(args.redis_port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(PY).parent)) or "gunicorn"
    server = subprocess.Popen(
        [
            gunicorn,
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
    )
    try:
        wait_for(port)
        import django

        django.setup()
        from django.contrib.staticfiles.storage import staticfiles_storage

        from page_types.models import NewsArticlePage
        from tenants.models import Authority, School

        schools = School.objects.filter(is_active=True).count()
        # A school with articles (generated scale schools have none).
        school = next(
            s
            for s in School.objects.filter(is_active=True).order_by("code")
            if NewsArticlePage.objects.live().descendant_of(s.root_page).exists()
        )
        # The office above the most schools (the Sở of generate_scale_data's province).
        office = max(
            Authority.objects.exclude(site=None), key=lambda a: a.schools_in_subtree().count()
        )
        office_host = office.site.hostname
        article = NewsArticlePage.objects.live().descendant_of(school.root_page).first()
        article_path = "/" + article.url_path.removeprefix(school.root_page.url_path)
        static_path = staticfiles_storage.url("css/portal.css")
        session = "portal_session=bench-not-a-session"
        targets = {
            "static file (whitenoise)": (school.hostname, static_path, None),
            "school home, cached": (school.hostname, "/", None),
            "school article, cached": (school.hostname, article_path, None),
            "office home, cached": (office_host, "/", None),
            "office directory, cached": (office_host, "/truong-hoc/", None),
            "school home, uncached": (school.hostname, "/", session),
            "school article, uncached": (school.hostname, article_path, session),
            "office home, uncached": (office_host, "/", session),
            "office directory, uncached": (office_host, "/truong-hoc/", session),
        }
        rows = {}
        for name, (host, path, cookie) in targets.items():
            for _ in range(2):  # the first fills the page cache
                status, headers, body = fetch(port, host, path, cookie)
            assert status == 200, (name, status)
            if "cached" in name and "uncached" not in name:
                assert headers.get("X-Cache") == "HIT", (name, headers.get("X-Cache"))
            before = redis_commands(args.redis_port)
            for _ in range(20):
                fetch(port, host, path, cookie)
            commands = (redis_commands(args.redis_port) - before - 1) / 20
            rows[name] = {"redis": commands, "bytes": len(body), "runs": []}
        # Rounds interleave the targets, so a busy spell on the machine hits all of them alike.
        workers = children(server.pid)
        for round_ in range(args.rounds):
            for name, (host, path, cookie) in targets.items():
                before = cpu_seconds(workers), cpu_seconds([redis.pid])
                run = load(port, host, path, cookie, args.seconds / args.rounds, args.clients)
                rows[name]["runs"].append(run)
                rows[name].setdefault("cpu", []).append(
                    (
                        cpu_seconds(workers) - before[0],
                        cpu_seconds([redis.pid]) - before[1],
                        len(run[0]),
                    )
                )
            print(f"  round {round_ + 1}/{args.rounds} done", file=sys.stderr, flush=True)
        for row in rows.values():
            row.update(summary(row.pop("runs")))
            cpu = row.pop("cpu")
            count = sum(n for _, _, n in cpu)
            row["worker_us"] = sum(w for w, _, _ in cpu) / count * 1e6
            row["redis_us"] = sum(r for _, r, _ in cpu) / count * 1e6
        queries = queries_per_request(targets)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        redis.send_signal(signal.SIGTERM)
        redis.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    static_rps = rows["static file (whitenoise)"]["rps"]
    static_cpu = rows["static file (whitenoise)"]["worker_us"]
    print(
        f"\n{schools} schools, gunicorn {args.workers} workers, {args.clients} clients, "
        f"{args.seconds:g} s each in {args.rounds} interleaved rounds, Redis cache "
        f"(production settings), load average {os.getloadavg()[0]:.1f}\n"
    )
    # "static/CPU": the static file's worker CPU per request over this row's, the throughput
    # ratio the workers' own work allows whatever else runs on the machine.
    print(
        "| request | size | req/s | vs static | p50 ms | p95 ms | worker CPU µs | static/CPU "
        "| Redis CPU µs | SQL | Redis cmds | errors |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, row in rows.items():
        print(
            f"| {name} | {row['bytes'] / 1024:.0f} KB | {row['rps']:.0f} | "
            f"{row['rps'] / static_rps:.0%} | {row['p50']:.1f} | {row['p95']:.1f} | "
            f"{row['worker_us']:.0f} | {static_cpu / row['worker_us']:.0%} | "
            f"{row['redis_us']:.0f} | {queries[name]} | {row['redis']:.1f} | {row['errors']} |"
        )


if __name__ == "__main__":
    main()
