"""One scheduler: each periodic job is enqueued once per period, whoever ticks."""

import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry

from portal import scheduler
from portal.jobs import prune, publish_scheduled
from portal.models import ScheduledRun, SentMessage
from tenants.clock import at

MONDAY = datetime.date(2026, 11, 30)


def queued():
    return sorted(DBTaskResult.objects.values_list("task_path", flat=True))


def test_each_job_once_per_period_however_many_schedulers_tick(db_queue):
    morning = at(MONDAY, 7, 2)
    first = scheduler.tick(morning)
    assert sorted(first) == [
        "audit_warm",
        "directive_reminders",
        "ledger_catch_up",
        "open_school_year",
        "prune_tasks",
        "publish_scheduled",
        "purge_unconfirmed_subscribers",
        "requeue_stale_tasks",
        "send_digests",
        "send_reminders",
    ]
    # A second scheduler (or the same one again) in the same periods enqueues nothing.
    assert scheduler.tick(morning) == []
    assert scheduler.tick(morning + datetime.timedelta(seconds=50)) == []
    assert len(queued()) == 10
    # The next minute: only the every-minute job; five minutes on: the catch-up too.
    assert scheduler.tick(at(MONDAY, 7, 3)) == ["publish_scheduled"]
    assert sorted(scheduler.tick(at(MONDAY, 7, 5))) == [
        "ledger_catch_up",
        "publish_scheduled",
        "requeue_stale_tasks",
    ]
    # Tomorrow: the daily jobs again, not the weekly one.
    assert sorted(scheduler.tick(at(MONDAY + datetime.timedelta(days=1), 7, 5))) == [
        "audit_warm",
        "directive_reminders",
        "ledger_catch_up",
        "open_school_year",
        "prune_tasks",
        "publish_scheduled",
        "purge_unconfirmed_subscribers",
        "requeue_stale_tasks",
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
    assert sorted(scheduler.tick(at(MONDAY, 0, 1))) == [
        "ledger_catch_up",
        "publish_scheduled",
        "requeue_stale_tasks",
    ]
    # 06:59: the daily jobs are due, Monday's 07:00 reminders not yet.
    due = scheduler.tick(at(MONDAY, 6, 59))
    assert "audit_warm" in due and "send_reminders" not in due
    # Down at 07:00 and back on Wednesday: the week's reminders go then, once that week.
    assert "send_reminders" in scheduler.tick(at(MONDAY + 2 * day, 15, 0))
    assert "send_reminders" not in scheduler.tick(at(MONDAY + 6 * day, 23, 0))
    assert "send_reminders" in scheduler.tick(at(MONDAY + 7 * day, 7, 0))


def test_the_minute_job_publishes_pages_scheduled_to_go_live(school):
    from page_types.models import NewsArticlePage
    from tenants.clock import simulated_now
    from tenants.log_actions import PUBLISH_ACTIONS
    from tests.page_types.public_content import section

    page = NewsArticlePage(title="Lịch nghỉ Tết", slug="lich-nghi-tet", live=False)
    section(school, "tin-tuc").add_child(instance=page)
    page.go_live_at = at(MONDAY, 9, 0)
    with simulated_now(at(MONDAY, 8, 0)):
        page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    with simulated_now(at(MONDAY, 8, 59)):
        publish_scheduled.call()
    page.refresh_from_db()
    assert not page.live
    with simulated_now(at(MONDAY, 9, 1)):
        publish_scheduled.call()
    page.refresh_from_db()
    assert page.live
    actions = PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    assert "wagtail.publish.scheduled" in actions and "wagtail.publish.scheduled" in PUBLISH_ACTIONS


def test_pruning_forgets_old_claims_and_messages_only(db_queue):
    old = timezone.now() - datetime.timedelta(days=30)
    ScheduledRun.objects.create(job="publish_scheduled", period="old", claimed_at=old)
    ScheduledRun.objects.create(job="publish_scheduled", period="new")
    SentMessage.objects.create(key="old", sent_at=old)
    SentMessage.objects.create(key="new")
    prune.call()
    assert list(ScheduledRun.objects.values_list("period", flat=True)) == ["new"]
    assert list(SentMessage.objects.values_list("key", flat=True)) == ["new"]


def test_periods_of_seconds_for_the_process_tests():
    job = scheduler.parse_job({"name": "x", "task": "portal.jobs.prune", "every_seconds": 20})
    assert job.due_period(at(MONDAY, 7, 2)) == "2026-11-30T07:02:00"
    assert job.due_period(at(MONDAY, 7, 2) + datetime.timedelta(seconds=19)) == (
        "2026-11-30T07:02:00"
    )
    assert job.due_period(at(MONDAY, 7, 2) + datetime.timedelta(seconds=20)) == (
        "2026-11-30T07:02:20"
    )
