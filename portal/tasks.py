"""Background tasks: enqueued after the asking transaction commits, retried when they fail.

Apps declare tasks with django-tasks' ``@task()`` and enqueue them through
`enqueue_after_commit`. The database backend (django-tasks-db) runs each row once and records a
failure; the retry here applies to every task its worker runs (ours, Wagtail's, other apps'):
a failed row is put back in the queue with a later ``run_after`` until it has had
``PORTAL_TASK_MAX_ATTEMPTS`` attempts. A task must therefore be idempotent."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

logger = logging.getLogger(__name__)


def enqueue_after_commit(task, *args, **kwargs):
    """Enqueue `task` once the current transaction commits; never if it rolls back.

    The test settings turn PORTAL_TASKS_AFTER_COMMIT off: the suite's tests run inside
    transactions that never commit, and the immediate backend then runs the task in place."""
    if not settings.PORTAL_TASKS_AFTER_COMMIT:
        return task.enqueue(*args, **kwargs)
    # robust: a queue that cannot be written must not turn the user's saved work into an error;
    # periodic catch-up jobs repair what a lost task would have done.
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs), robust=True)
    return None


def retry_delay(attempts):
    """Wait before attempt ``attempts + 1``: 30 s, 1 min, 2 min, … (doubling, at most a day)."""
    seconds = settings.PORTAL_TASK_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, 86400))


def retry_failed(sender, task_result, **kwargs):
    """task_finished: put a failed database task back in the queue, up to the attempt limit."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    row = getattr(task_result, "db_result", None)
    if row is None:
        # The immediate backend (tests) keeps no row to run again.
        return
    from django_tasks_db.models import DBTaskResult

    attempts = len(row.worker_ids)
    if attempts >= settings.PORTAL_TASK_MAX_ATTEMPTS:
        logger.error("Task %s (%s) failed %s times; giving up", row.pk, row.task_path, attempts)
        return
    # The row keeps its last error (exception and traceback) while it waits: the admin's queue
    # screen shows it as retrying.
    DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + retry_delay(attempts),
        finished_at=None,
    )
    logger.warning("Task %s (%s) failed, attempt %s: retrying", row.pk, row.task_path, attempts)


def connect():
    task_finished.connect(retry_failed, dispatch_uid="portal-task-retry")


class WorkerLost(Exception):
    """What a task row records when its worker died mid-task (SIGKILL, out of memory, a lost
    machine): django-tasks-db keeps no heartbeat, so such a row would stay RUNNING for ever."""


def requeue_stale(now=None):
    """Put back in the queue every task RUNNING for longer than PORTAL_TASK_STALE_SECONDS: its
    worker is taken for dead. A row that has had its PORTAL_TASK_MAX_ATTEMPTS attempts (a task
    that kills its worker each time) is marked FAILED instead. Each row is updated only if it
    is still the same run (status and start time unchanged), so a worker finishing meanwhile
    wins and two recoveries at once requeue it once. Returns (requeued, failed)."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.PORTAL_TASK_STALE_SECONDS)
    requeued = failed = 0
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    for row in stale.only("pk", "task_path", "started_at", "worker_ids"):
        attempts = len(row.worker_ids)
        worker = row.worker_ids[-1] if row.worker_ids else "?"
        note = (
            f"{WorkerLost.__module__}.{WorkerLost.__qualname__}: worker {worker} started "
            f"this task at {row.started_at.isoformat()} and gave no result within "
            f"{settings.PORTAL_TASK_STALE_SECONDS} s (attempt {attempts})"
        )
        same_run = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        common = {
            "exception_class_path": f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            "traceback": note,
        }
        if attempts >= settings.PORTAL_TASK_MAX_ATTEMPTS:
            if same_run.update(status=TaskResultStatus.FAILED, finished_at=now, **common):
                failed += 1
                logger.error("Task %s (%s): %s; giving up", row.pk, row.task_path, note)
        elif same_run.update(status=TaskResultStatus.READY, run_after=now, **common):
            requeued += 1
            logger.warning("Task %s (%s): %s; queued again", row.pk, row.task_path, note)
    return requeued, failed
