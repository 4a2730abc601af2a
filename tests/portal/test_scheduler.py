"""One scheduler: each periodic job is enqueued once per period, whoever ticks."""

import datetime

from django_tasks_db.models import DBTaskResult

from portal import scheduler
from portal.models import ScheduledRun
from tenants.clock import at

MONDAY = datetime.date(2026, 11, 30)


def queued():
    return sorted(DBTaskResult.objects.values_list("task_path", flat=True))


def test_each_job_once_per_period_however_many_schedulers_tick(db_queue):
    morning = at(MONDAY, 7, 2)
    first = scheduler.tick(morning)
    assert sorted(first) == [
        "audit_warm",
        "ledger_catch_up",
        "open_school_year",
        "prune_tasks",
        "publish_scheduled",
        "send_reminders",
    ]
    # A second scheduler (or the same one again) in the same periods enqueues nothing.
    assert scheduler.tick(morning) == []
    assert scheduler.tick(morning + datetime.timedelta(seconds=50)) == []
    assert len(queued()) == 6
    # The next minute: only the every-minute job; five minutes on: the catch-up too.
    assert scheduler.tick(at(MONDAY, 7, 3)) == ["publish_scheduled"]
    assert sorted(scheduler.tick(at(MONDAY, 7, 5))) == ["ledger_catch_up", "publish_scheduled"]
    # Tomorrow: the daily jobs again, not the weekly one.
    assert sorted(scheduler.tick(at(MONDAY + datetime.timedelta(days=1), 7, 5))) == [
        "audit_warm",
        "ledger_catch_up",
        "open_school_year",
        "prune_tasks",
        "publish_scheduled",
    ]
    assert queued().count("audit.background.send_weekly_reminders") == 1
    assert ScheduledRun.objects.filter(job="send_reminders").get().period == "2026-11-30/W"
    # Every claim names the task it enqueued.
    assert set(ScheduledRun.objects.values_list("task_id", flat=True)) == {
        str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)
    }


def test_jobs_wait_for_their_local_time_and_catch_up_later(db_queue):
    day = datetime.timedelta(days=1)
    # 00:01 local time (17:01 UTC the day before): only the every-few-minutes jobs.
    assert sorted(scheduler.tick(at(MONDAY, 0, 1))) == ["ledger_catch_up", "publish_scheduled"]
    # 06:59: the daily jobs are due, Monday's 07:00 reminders not yet.
    due = scheduler.tick(at(MONDAY, 6, 59))
    assert "audit_warm" in due and "send_reminders" not in due
    # Down at 07:00 and back on Wednesday: the week's reminders go then, once that week.
    assert "send_reminders" in scheduler.tick(at(MONDAY + 2 * day, 15, 0))
    assert "send_reminders" not in scheduler.tick(at(MONDAY + 6 * day, 23, 0))
    assert "send_reminders" in scheduler.tick(at(MONDAY + 7 * day, 7, 0))
