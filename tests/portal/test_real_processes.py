"""The task worker and the scheduler as real processes on one SQLite database file, with the
production settings: a worker killed with SIGKILL mid-task leaves a RUNNING row that the
recovery job queues again, and the task's effect happens once; two schedulers started together
enqueue each job once per period. Slow (a migrated database, real processes): one module."""

import json
import os
import signal
import sqlite3
import subprocess
import time

import pytest

from tests.served import BASE_DIR, PYTHON, ServedPortal

TASKS_TABLE = "django_tasks_database_dbtaskresult"


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """A migrated database file and the environment of every process started on it."""
    served = ServedPortal(tmp_path_factory.mktemp("processes"))
    served.env["DJANGO_SETTINGS_MODULE"] = "tests.portal.process_settings"
    served.env["EMAIL_BACKEND"] = "django.core.mail.backends.filebased.EmailBackend"
    served.env["EMAIL_FILE_PATH"] = str(served.workdir / "mail")
    served.workdir.mkdir(parents=True, exist_ok=True)
    served.manage("migrate", "--noinput", "-v0")
    served.manage("createcachetable")
    return served


def start(portal, *args, env=None):
    return subprocess.Popen(
        [PYTHON, str(BASE_DIR / "manage.py"), *args],
        cwd=BASE_DIR,
        env={**portal.env, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def rows(portal, sql, *params):
    with sqlite3.connect(portal.workdir / "db.sqlite3", timeout=20) as db:
        return db.execute(sql, params).fetchall()


def wait_until(condition, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def result(portal, code, **env):
    """The JSON printed by `code` run in a new process with the served settings."""
    saved = dict(portal.env)
    portal.env.update(env)
    try:
        return json.loads(portal.run(code).strip().splitlines()[-1])
    finally:
        portal.env = saved


RECOVER = """
import json
from portal.jobs import requeue_stale_tasks
print(json.dumps(requeue_stale_tasks.call()))
"""


def test_a_task_whose_worker_was_killed_runs_again_and_has_its_effect_once(portal, tmp_path):
    hold = tmp_path / "hold"
    hold.touch()
    mail = portal.workdir / "mail"
    portal.run(
        "from tests.portal.sample_tasks import notify_then_linger\n"
        f"notify_then_linger.enqueue('thong-bao-1', 'phuhuynh@example.vn', {str(hold)!r})"
    )
    worker = start(portal, "db_worker", "--queue-name", "*", "--no-startup-delay", "--no-reload")
    try:
        # The task sent its e-mail and lingers: the worker dies before recording a result.
        wait_until(lambda: (tmp_path / "hold.reached").exists())
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == -signal.SIGKILL
    [(status, worker_ids)] = rows(portal, f"SELECT status, worker_ids FROM {TASKS_TABLE}")
    assert status == "RUNNING" and len(json.loads(worker_ids)) == 1
    assert len(list(mail.iterdir())) == 1

    # Within the timeout the row may still be a live worker's long task: left alone.
    assert result(portal, RECOVER) == {"requeued": 0, "failed": 0}
    assert rows(portal, f"SELECT status FROM {TASKS_TABLE}") == [("RUNNING",)]
    time.sleep(1.1)
    assert result(portal, RECOVER, PORTAL_TASK_STALE_SECONDS="1") == {"requeued": 1, "failed": 0}
    # Idempotent: the row is queued once, however many recoveries run.
    assert result(portal, RECOVER, PORTAL_TASK_STALE_SECONDS="1") == {"requeued": 0, "failed": 0}
    [(status, error)] = rows(portal, f"SELECT status, exception_class_path FROM {TASKS_TABLE}")
    assert (status, error) == ("READY", "portal.tasks.WorkerLost")

    hold.unlink()
    done = subprocess.run(
        [PYTHON, str(BASE_DIR / "manage.py"), "db_worker", "--batch", "--no-startup-delay"],
        cwd=BASE_DIR,
        env=portal.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [(status, worker_ids, value, error)] = rows(
        portal,
        f"SELECT status, worker_ids, return_value, exception_class_path FROM {TASKS_TABLE}",
    )
    assert status == "SUCCESSFUL" and value == '"thong-bao-1"' and error == ""
    assert len(json.loads(worker_ids)) == 2  # the killed worker, then the second one
    # Ran twice, one e-mail: the second run found the message already sent.
    assert len(list(mail.iterdir())) == 1
    assert "phuhuynh@example.vn" in next(mail.iterdir()).read_text()
    assert rows(portal, "SELECT key FROM portal_sentmessage") == [("thong-bao-1",)]


def test_two_schedulers_enqueue_each_job_once_per_period(portal):
    portal.run("from portal.models import ScheduledRun\nScheduledRun.objects.all().delete()")
    rows(portal, f"DELETE FROM {TASKS_TABLE}")
    schedulers = [start(portal, "run_scheduler", "--interval", "0.1") for _ in range(2)]
    try:
        wait_until(lambda: rows(portal, "SELECT count(*) FROM portal_scheduledrun")[0][0] > 0)
        started = time.monotonic()
        time.sleep(9)
        elapsed = time.monotonic() - started
    finally:
        for scheduler in schedulers:
            scheduler.send_signal(signal.SIGTERM)
        outputs = [scheduler.communicate(timeout=30)[0] for scheduler in schedulers]
    assert [s.returncode for s in schedulers] == [0, 0], outputs

    claims = rows(portal, "SELECT job, period, task_id FROM portal_scheduledrun ORDER BY period")
    tasks = dict(rows(portal, f"SELECT id, task_path FROM {TASKS_TABLE}"))
    for job, every, path in [("job_a", 2, "tick_job_a"), ("job_b", 3, "tick_job_b")]:
        periods = [period for name, period, _ in claims if name == job]
        # Consecutive slots of `every` seconds: none skipped, none twice.
        seconds = [
            sum(int(x) * f for x, f in zip(p[-8:].split(":"), (3600, 60, 1), strict=True))
            for p in periods
        ]
        assert seconds == list(range(seconds[0], seconds[0] + every * len(seconds), every))
        assert len(periods) >= int(elapsed // every)
        # One task per claim, the claim names it, and no task without a claim.
        ids = [task_id.replace("-", "") for name, _, task_id in claims if name == job]
        assert sorted(ids) == sorted(
            pk.replace("-", "") for pk, task_path in tasks.items() if task_path.endswith(path)
        )
    assert len(tasks) == len(claims)
    # What the two processes say they enqueued adds up to the claims: none enqueued twice.
    announced = sum(out.count("Đã đưa vào hàng đợi") for out in outputs)
    assert announced == len(claims)
