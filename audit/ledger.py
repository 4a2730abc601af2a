"""The activity ledger: Wagtail's publication log (`PageLogEntry`), classified per school and
blueprint section, with a per-school, per-day rollup.

A new log row takes one path: `on_log_entry` → `ingest_page` → where the page belongs
(placement) → its rows classified (classification) → a new post offered to the duplicate index
(duplicates) → the gaps between the school's posts and the rollup of the touched days →
the school's stamps (stamps). `audit_rebuild` (rebuild.py) runs the same steps in one pass."""

import logging

from django.db import transaction
from django.db.models import Q
from wagtail.models import PageLogEntry

from tenants import log_actions

from . import stamps
from .classification import (
    CLASSIFIED_FIELDS,
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
from .duplicates import forget_posts, index_post
from .models import ActivityEvent, DailyActivity, EventKind
from .placement import resolve_contexts

logger = logging.getLogger(__name__)

# The log's vocabulary (tenants/log_actions.py): a page published or expired by Wagtail's
# scheduler (`publish_scheduled`) counts exactly like one published or unpublished by hand.
ACTIONS = log_actions.VISIBILITY_ACTIONS


def ingest_page(page_id):
    """Bring one page's ledger rows up to date with its log entries. Returns new events."""
    entries = list(
        PageLogEntry.objects.filter(page_id=page_id, action__in=ACTIONS).values(*ENTRY_FIELDS)
    )
    existing = {e.log_entry_id: e for e in ActivityEvent.objects.filter(page_id=page_id)}
    new_entries = [e for e in entries if e["id"] not in existing]
    if not new_entries:
        return []
    context = resolve_contexts([page_id]).get(page_id)
    if context is None:
        return []
    facts = entry_facts(new_entries, first_publish_ids(entries))
    rows = []
    for entry in entries:
        if entry["id"] in existing:
            rows.append(row_from_event(existing[entry["id"]]))
        else:
            row = row_from_entry(entry, context)
            row.set_facts(facts.get(entry["id"]))
            rows.append(row)
    rows.sort(key=lambda r: r.sort_key)
    classify_page(rows)

    touched = set()
    created, updated = [], []
    for row in rows:
        fields = event_fields(row)
        event = row.extra.get("event")
        if event is None:
            created.append(ActivityEvent(**fields))
            touched.update(_schools_days(fields))
            continue
        changed = [name for name in CLASSIFIED_FIELDS if getattr(event, name) != fields[name]]
        if changed:
            touched.update(_schools_days(fields, event))
            for name in changed:
                setattr(event, name, fields[name])
            updated.append(event)
    demoted = [e for e in updated if e.kind != EventKind.POST]
    with transaction.atomic():
        ActivityEvent.objects.bulk_create(created)
        if updated:
            ActivityEvent.objects.bulk_update(updated, CLASSIFIED_FIELDS)
        if demoted:
            forget_posts(demoted)
        post_schools = {e.school_id for e in created + updated if e.kind == EventKind.POST}
        for school_id in post_schools:
            refresh_gaps(school_id)
        for event in created:
            if event.kind == EventKind.POST and event.minhash:
                index_post(event)
        refresh_rollup(touched)
    return created


def _schools_days(fields, event=None):
    """(school, day) rollup rows an event's (re)classification touches: its own, and the
    school an item moved away from (before and after, when an event is reclassified)."""
    pairs = {(fields["school_id"], fields["day"])}
    for school_id in (fields["moved_from_school_id"], getattr(event, "moved_from_school_id", None)):
        if school_id:
            pairs.add((school_id, fields["day"]))
    return pairs


def refresh_gaps(school_id):
    posts = list(
        ActivityEvent.objects.filter(school_id=school_id, kind=EventKind.POST)
        .order_by("timestamp", "log_entry_id")
        .only("id", "timestamp", "log_entry_id", "gap_seconds")
    )
    gaps = post_gaps([(p.timestamp, p.log_entry_id) for p in posts])
    changed = []
    for post, gap in zip(posts, gaps, strict=True):
        if post.gap_seconds != gap:
            post.gap_seconds = gap
            changed.append(post)
    if changed:
        ActivityEvent.objects.bulk_update(changed, ["gap_seconds"])


def refresh_rollup(pairs):
    """Recompute the rollup rows of these (school_id, day) pairs from the ledger."""
    if not pairs:
        return
    pairs = set(pairs)
    # An item moved away from a school is counted on the event of the school it moved to.
    match = moved_away = Q()
    for school_id, day in pairs:
        match |= Q(school_id=school_id, day=day)
        moved_away |= Q(moved_from_school_id=school_id, day=day)
    events = ActivityEvent.objects.filter(match | moved_away).only(
        "school_id",
        "day",
        "week",
        "section_key",
        "kind",
        "items_delta",
        "moved_from_section",
        "moved_from_school_id",
    )
    rows = {
        key: counters for key, counters in rollup_rows(events).items() if (key[0], key[1]) in pairs
    }
    DailyActivity.objects.filter(match).delete()
    DailyActivity.objects.bulk_create(rollup_objects(rows))
    stamps.bump_schools(school_id for school_id, _day in pairs)
    stamps.bump_generation()
