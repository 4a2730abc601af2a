"""What the superusers' queue screen shows: how much waits, since when, and what failed."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Min
from django.utils import timezone
from django_tasks import TaskResultStatus

RECENT_ERRORS = 20


@dataclass
class Failure:
    task_name: str
    when: datetime.datetime
    attempts: int
    error: str  # the exception's last traceback line
    gave_up: bool  # False: waiting for its next attempt


@dataclass
class QueueHealth:
    waiting: int = 0  # due now, not started
    scheduled: int = 0  # waiting for a later run_after (retries included)
    running: int = 0
    oldest_waiting: datetime.datetime | None = None
    failed_last_day: int = 0
    by_task: list = field(default_factory=list)  # (task path, waiting)
    failures: list = field(default_factory=list)


def _last_line(traceback):
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def queue_health():
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    rows = DBTaskResult.objects.all()
    due = rows.ready()
    health = QueueHealth(
        waiting=due.count(),
        scheduled=rows.filter(status=TaskResultStatus.READY).count() - due.count(),
        running=rows.running().count(),
        oldest_waiting=due.aggregate(oldest=Min("enqueued_at"))["oldest"],
        failed_last_day=rows.failed()
        .filter(finished_at__gte=now - datetime.timedelta(days=1))
        .count(),
    )
    health.by_task = list(
        rows.filter(status=TaskResultStatus.READY)
        .values_list("task_path")
        .annotate(n=Count("id"))
        .order_by("-n", "task_path")[:20]
    )
    # Failed for good, and failed once but waiting to run again (the row keeps its last error).
    errors = rows.exclude(traceback="").filter(
        status__in=[TaskResultStatus.FAILED, TaskResultStatus.READY]
    )
    for row in errors.order_by("-started_at")[:RECENT_ERRORS]:
        health.failures.append(
            Failure(
                task_name=row.task_path.rsplit(".", 1)[-1],
                when=row.finished_at or row.started_at or row.enqueued_at,
                attempts=len(row.worker_ids),
                error=_last_line(row.traceback),
                gave_up=row.status == TaskResultStatus.FAILED,
            )
        )
    return health
