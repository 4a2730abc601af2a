"""The one scheduler: periodic jobs enqueued as tasks, each exactly once per period.

The jobs are configuration (settings.PORTAL_SCHEDULE). A tick works out, for each job, the
period that is due now (this minute slot, today after the daily time, this week after the weekly
time) and claims the (job, period) pair with a unique row; the claim and the enqueued task are
written in one transaction, so a job is enqueued once per period however many schedulers run
and whichever of them wins. A scheduler that was down runs a missed daily or weekly job when it
comes back (later the same day or week); minute jobs just resume."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledRun

logger = logging.getLogger(__name__)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Job:
    name: str
    task_path: str
    every: int | None = None  # minutes
    every_seconds: int | None = None  # short periods, for tests of the scheduler's processes
    daily: datetime.time | None = None
    weekly: tuple[int, datetime.time] | None = None  # (weekday, local time)

    @property
    def task(self):
        return import_string(self.task_path)

    def due_period(self, now):
        """The key of the period due at `now` (aware), or None when the job is not due yet."""
        local = timezone.localtime(now)
        if self.every_seconds:
            of_day = local.hour * 3600 + local.minute * 60 + local.second
            slot = of_day // self.every_seconds * self.every_seconds
            clock = f"{slot // 3600:02d}:{slot // 60 % 60:02d}:{slot % 60:02d}"
            return f"{local.date().isoformat()}T{clock}"
        if self.every:
            minutes = (local.hour * 60 + local.minute) // self.every * self.every
            return f"{local.date().isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}"
        if self.daily:
            return local.date().isoformat() if local.time() >= self.daily else None
        weekday, at = self.weekly
        monday = local.date() - datetime.timedelta(days=local.weekday())
        starts = datetime.datetime.combine(
            monday + datetime.timedelta(days=weekday), at, tzinfo=local.tzinfo
        )
        return f"{monday.isoformat()}/W" if local >= starts else None


def _time(text):
    hour, minute = text.split(":")
    return datetime.time(int(hour), int(minute))


def parse_job(entry):
    name, task_path = entry["name"], entry["task"]
    if "every" in entry:
        return Job(name, task_path, every=int(entry["every"]))
    if "every_seconds" in entry:
        return Job(name, task_path, every_seconds=int(entry["every_seconds"]))
    if "daily" in entry:
        return Job(name, task_path, daily=_time(entry["daily"]))
    day, at = entry["weekly"].split()
    return Job(name, task_path, weekly=(WEEKDAYS.index(day.lower()[:3]), _time(at)))


def jobs():
    return [parse_job(entry) for entry in settings.PORTAL_SCHEDULE]


def claim_and_enqueue(job, period):
    """Claim (job, period) and enqueue its task in one transaction. False if already claimed."""
    if ScheduledRun.objects.filter(job=job.name, period=period).exists():
        return False
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, period=period)
            result = job.task.enqueue()
            run.task_id = str(result.id)
            run.save(update_fields=["task_id"])
    except IntegrityError:
        # Another scheduler claimed it between our check and our insert.
        return False
    logger.info("Scheduled %s for %s (task %s)", job.name, period, run.task_id)
    return True


def tick(now=None):
    """Enqueue every job due at `now`; returns the names of the jobs this call enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs():
        period = job.due_period(now)
        if period is not None and claim_and_enqueue(job, period):
            enqueued.append(job.name)
    return enqueued
