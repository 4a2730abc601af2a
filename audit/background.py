"""The audit's background work: the ledger follows the publication log after each commit, a
periodic catch-up repairs whatever a lost task missed, and the weekly reminders and nightly
warm-up run on the worker. Every task here is idempotent (ingesting a page twice adds nothing;
reminders are sent once a week per recipient; the warm-up stores lines already valid as-is)."""

import datetime
import logging

from django.core.management import call_command
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django_tasks import task
from wagtail.models import PageLogEntry

from portal.tasks import enqueue_after_commit
from tenants.log_actions import VISIBILITY_ACTIONS

from . import ledger
from .models import ActivityEvent

logger = logging.getLogger(__name__)

# The catch-up also looks back this far below the ledger's high-water mark: a task lost while a
# later one (for another page) succeeded leaves a hole under the mark.
CATCH_UP_LOOKBACK = datetime.timedelta(hours=24)


@task()
def ingest_page(page_id):
    """Bring one page's ledger rows up to date with its log (the ledger's own entry point)."""
    with transaction.atomic():
        return len(ledger.ingest_page(page_id))


def on_log_entry(sender, instance, created, **kwargs):
    """post_save of PageLogEntry: ingest the page once the publication has committed, off the
    editor's request. Wagtail sends `page_published` before it writes the log row, so the
    ledger follows the row itself."""
    if created and instance.action in VISIBILITY_ACTIONS:
        enqueue_after_commit(ingest_page, instance.page_id)


def missing_page_ids():
    """Pages with log entries not in the ledger: newer than its high-water mark, or recent."""
    mark = ActivityEvent.objects.aggregate(mark=Max("log_entry_id"))["mark"] or 0
    recent = timezone.now() - CATCH_UP_LOOKBACK
    in_ledger = ActivityEvent.objects.filter(log_entry_id=OuterRef("pk"))
    return sorted(
        set(
            PageLogEntry.objects.filter(action__in=VISIBILITY_ACTIONS)
            .filter(Q(pk__gt=mark) | Q(timestamp__gte=recent))
            .filter(~Exists(in_ledger))
            .values_list("page_id", flat=True)
        )
    )


@task()
def catch_up_ledger():
    """Ingest every page whose log entries the ledger lacks (a crash between a publication and
    its task loses nothing). Returns the number of new ledger rows."""
    added = 0
    for page_id in missing_page_ids():
        with transaction.atomic():
            added += len(ledger.ingest_page(page_id))
    if added:
        logger.info("Ledger catch-up added %s events", added)
    return added


@task()
def send_weekly_reminders():
    from .reminders import send_reminders

    outcome = send_reminders(timezone.localdate())
    return {"sent": len(outcome.sent), "skipped": len(outcome.skipped)}


@task()
def warm_dashboard():
    call_command("audit_warm", verbosity=0)
