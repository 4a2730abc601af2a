"""Periodic jobs with no app of their own (see settings.PORTAL_SCHEDULE). Each is idempotent:
the commands they call do nothing the second time."""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from .models import ScheduledRun, SentMessage


@task()
def publish_scheduled():
    """Wagtail's go-live and expiry times: pages scheduled for now or earlier are published."""
    call_command("publish_scheduled")


@task()
def prune():
    """Forget finished task rows, scheduler claims and sent-message keys past the retention."""
    days = settings.PORTAL_TASK_RETENTION_DAYS
    call_command("prune_db_task_results", min_age_days=days, verbosity=0)
    cutoff = timezone.now() - datetime.timedelta(days=days)
    ScheduledRun.objects.filter(claimed_at__lt=cutoff).delete()
    SentMessage.objects.filter(sent_at__lt=cutoff).delete()


@task()
def requeue_stale_tasks():
    """Tasks whose worker died mid-run go back in the queue (see portal.tasks.requeue_stale)."""
    from .tasks import requeue_stale

    requeued, failed = requeue_stale()
    return {"requeued": requeued, "failed": failed}
