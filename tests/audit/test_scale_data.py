"""The benchmark's data set is a real publication history: the ledger it writes is the one
`audit_rebuild` derives from its log rows, copies included."""

import io

from django.core.management import call_command
from wagtail.models import PageLogEntry

from audit.models import ActivityEvent, EventKind

from .test_ledger import ledger_state


def test_scale_data_survives_a_rebuild(db):
    call_command(
        "generate_scale_data", "--schools", "40", "--per-authority", "20", stdout=io.StringIO()
    )
    events = ActivityEvent.objects.count()
    assert events > 1000
    # Every event has its publication-log row.
    assert PageLogEntry.objects.filter(action="wagtail.publish").count() == events
    assert ActivityEvent.objects.filter(kind=EventKind.UNCHANGED).exists()
    assert ActivityEvent.objects.exclude(duplicate_of=None).exists()
    before = ledger_state()
    call_command("audit_rebuild", stdout=io.StringIO())
    assert ledger_state() == before
