"""`audit_rebuild`: the ledger and its rollup recreated from Wagtail's publication log, through
the same pure steps as the incremental path (audit/classification.py), in one pass."""

from collections import defaultdict

from django.db import transaction
from wagtail.models import PageLogEntry

from . import stamps
from .classification import (
    ENTRY_FIELDS,
    classify_page,
    entry_facts,
    event_fields,
    first_publish_ids,
    post_gaps,
    rollup_objects,
    rollup_rows,
    row_from_entry,
    row_from_event,
)
from .duplicates import band_buckets, best_duplicates
from .ledger import ACTIONS
from .models import ActivityEvent, DailyActivity, EventKind, MinHashBand
from .placement import resolve_contexts


@transaction.atomic
def rebuild(full=False):
    """Recreate the ledger and the rollup from the publication log. Facts of pages deleted since
    (their revisions are gone) are kept from the current ledger. `full` recomputes every
    signature instead of reusing ones whose content digest is unchanged."""
    old = {e.log_entry_id: e for e in ActivityEvent.objects.all().iterator(chunk_size=2000)}
    entries = list(
        PageLogEntry.objects.filter(action__in=ACTIONS)
        .order_by("page_id", "timestamp", "id")
        .values(*ENTRY_FIELDS)
    )
    by_page = defaultdict(list)
    for entry in entries:
        by_page[entry["page_id"]].append(entry)
    contexts = resolve_contexts(by_page.keys())
    facts = entry_facts(entries, first_publish_ids(entries), reuse=None if full else old)

    rows = []
    for page_id, page_entries in by_page.items():
        page_rows = []
        for entry in page_entries:
            prior = old.get(entry["id"])
            if prior is not None:
                # Where the page was when it happened is history: keep it. Facts are re-read
                # from the revision when it still exists (a deleted page's revisions are gone).
                row = _rebased(row_from_event(prior), entry)
                row.set_facts(facts.get(entry["id"]))
            elif page_id in contexts:
                row = row_from_entry(entry, contexts[page_id])
                row.set_facts(facts.get(entry["id"]))
            else:
                continue
            page_rows.append(row)
        page_rows.sort(key=lambda r: r.sort_key)
        rows.extend(classify_page(page_rows))

    events = [ActivityEvent(**event_fields(row)) for row in rows]
    posts_by_school = defaultdict(list)
    for event in events:
        if event.kind == EventKind.POST:
            posts_by_school[event.school_id].append(event)
    for posts in posts_by_school.values():
        posts.sort(key=lambda e: e.sort_key)
        for post, gap in zip(posts, post_gaps([e.sort_key for e in posts]), strict=True):
            post.gap_seconds = gap
    signed = sorted(
        (e for e in events if e.kind == EventKind.POST and e.minhash), key=lambda e: e.sort_key
    )
    duplicates = best_duplicates([(e.sort_key, e.page_id, e.minhash) for e in signed])

    MinHashBand.objects.all().delete()
    DailyActivity.objects.all().delete()
    ActivityEvent.objects.update(duplicate_of=None)
    ActivityEvent.objects.all().delete()
    ActivityEvent.objects.bulk_create(events, batch_size=1000)
    if duplicates:
        flagged = []
        for i, (j, sim) in duplicates.items():
            signed[i].duplicate_of_id = signed[j].pk
            signed[i].duplicate_similarity = sim
            flagged.append(signed[i])
        ActivityEvent.objects.bulk_update(
            flagged, ["duplicate_of", "duplicate_similarity"], batch_size=1000
        )
    MinHashBand.objects.bulk_create(
        [
            MinHashBand(event_id=e.pk, band=band, bucket=bucket)
            for e in signed
            for band, bucket in band_buckets(e.minhash)
        ],
        batch_size=2000,
    )
    DailyActivity.objects.bulk_create(rollup_objects(rollup_rows(events)), batch_size=2000)
    stamps.forget_all()
    stamps.bump_generation()
    analyze(ActivityEvent, DailyActivity, MinHashBand)
    return len(events)


def analyze(*models):
    """Refresh PostgreSQL's statistics after a bulk load: without them the planner takes the
    freshly filled tables for empty and picks plans 40 times slower (seen on the benchmark)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')


def _rebased(row, entry):
    """A stored row whose log entry is re-read: the log is the source of time and action."""
    row.timestamp = entry["timestamp"]
    row.action = entry["action"]
    row.revision_id = entry["revision_id"]
    row.extra.pop("event", None)
    return row
