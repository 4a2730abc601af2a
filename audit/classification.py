"""From log entries to classified ledger rows: the pure steps that the incremental path
(audit/ledger.py) and the rebuild (audit/rebuild.py) both run, so they agree.

A page's rows are classified together, in time order (`classify_page`): first publication,
re-publication with or without a change, unpublish, delete, move. Then each school's posts get
the gap before them (`post_gaps`) and every event is summed into the daily rollup
(`rollup_rows`)."""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import timezone
from wagtail.models import Revision

from tenants import log_actions
from tenants.clock import monday_of

from .models import DailyActivity, EventKind
from .placement import CHUNK, PageContext, model_for_content_type
from .text import content_facts, duplicate_checked_models

# The action a stored event stands for when its page's rows are classified again (the log's
# vocabulary is tenants/log_actions.py).
PUBLISH = log_actions.PUBLISH_ACTIONS[0]
UNPUBLISH = log_actions.UNPUBLISH_ACTIONS[0]
DELETE = log_actions.DELETE_ACTIONS[0]
MOVE = log_actions.MOVE_ACTIONS[0]


@dataclass
class Row:
    """One log entry on its way into the ledger."""

    log_entry_id: int
    page_id: int
    action: str
    timestamp: datetime.datetime
    revision_id: int | None
    title: str
    context: PageContext
    content_hash: str = ""
    displayed_date: datetime.date | None = None
    period_start: datetime.date | None = None
    word_count: int | None = None
    attachment_count: int | None = None
    image_count: int | None = None
    shared_from_office: bool = False
    minhash: bytes | None = None
    kind: str = ""
    live_after: bool = False
    items_delta: int = 0
    moved_from_section: str = ""
    moved_from_school_id: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def sort_key(self):
        return (self.timestamp, self.log_entry_id)

    def set_facts(self, facts):
        if facts is None:
            return
        self.content_hash = facts.content_hash
        self.displayed_date = facts.displayed_date
        self.period_start = facts.period_start
        self.word_count = facts.word_count
        self.attachment_count = facts.attachment_count
        self.image_count = facts.image_count
        self.shared_from_office = facts.shared_from_office
        self.minhash = facts.minhash


def local_day(timestamp):
    day = timezone.localtime(timestamp).date()
    return day, monday_of(day)


def classify_page(rows):
    """Classify one page's rows (sorted by time) in place.

    First publication: a post for post types, an update otherwise. Re-publication: an update when
    the content digest differs from the previously published one, else `unchanged`. The page's
    live state gives the change in the section's count of published items."""
    published = False
    live = False
    last_hash = None
    previous = None  # (school id, section key) where the page was before this row
    for row in rows:
        ctx = row.context
        row.moved_from_section = ""
        row.moved_from_school_id = None
        if log_actions.is_publish(row.action):
            if not published:
                row.kind = EventKind.POST if ctx.is_post else EventKind.UPDATE
            elif row.content_hash and row.content_hash == last_hash:
                row.kind = EventKind.UNCHANGED
            else:
                row.kind = EventKind.UPDATE
            published = True
            last_hash = row.content_hash or None
            new_live = True
        elif log_actions.is_unpublish(row.action):
            row.kind, new_live = EventKind.UNPUBLISH, False
        elif log_actions.is_delete(row.action):
            row.kind, new_live = EventKind.DELETE, False
        else:
            row.kind, new_live = EventKind.MOVE, live
        row.items_delta = (int(new_live) - int(live)) if ctx.is_item else 0
        here = (ctx.school_id, ctx.section_key)
        if (
            log_actions.is_move(row.action)
            and ctx.is_item
            and live
            and previous not in (None, here)
        ):
            # The live item leaves its old section (perhaps another school's) for the new one.
            row.items_delta = 1
            row.moved_from_section = previous[1]
            if previous[0] != ctx.school_id:
                row.moved_from_school_id = previous[0]
        row.live_after = new_live
        live = new_live
        previous = here
    return rows


def post_gaps(posts):
    """[(sort_key, ...)] of one school's posts, sorted → gap in seconds before each (None first)."""
    gaps = []
    previous = None
    for timestamp, _log_id in posts:
        gaps.append(None if previous is None else int((timestamp - previous).total_seconds()))
        previous = timestamp
    return gaps


ROLLUP_COUNTERS = {
    EventKind.POST: "posts",
    EventKind.UPDATE: "updates",
    EventKind.UNCHANGED: "unchanged",
    EventKind.UNPUBLISH: "unpublishes",
    EventKind.DELETE: "deletions",
}


def rollup_rows(events):
    """Sum events (objects with school_id, day, week, section_key, kind, items_delta,
    moved_from_section, moved_from_school_id) into {(school_id, day, section_key): counters}."""
    rows = {}

    def row(school_id, day, week, key):
        return rows.setdefault(
            (school_id, day, key),
            {
                "week": week,
                "posts": 0,
                "updates": 0,
                "unchanged": 0,
                "unpublishes": 0,
                "deletions": 0,
                "items_delta": 0,
            },
        )

    for event in events:
        counters = row(event.school_id, event.day, event.week, event.section_key)
        counter = ROLLUP_COUNTERS.get(event.kind)
        if counter:
            counters[counter] += 1
        counters["items_delta"] += event.items_delta
        if event.moved_from_section:
            old_school = event.moved_from_school_id or event.school_id
            old = row(old_school, event.day, event.week, event.moved_from_section)
            old["items_delta"] -= event.items_delta
    return {
        key: counters
        for key, counters in rows.items()
        if any(v for name, v in counters.items() if name != "week")
    }


def rollup_objects(rows):
    return [
        DailyActivity(school_id=school_id, day=day, section_key=key, **counters)
        for (school_id, day, key), counters in rows.items()
    ]


ENTRY_FIELDS = ("id", "page_id", "action", "timestamp", "revision_id", "content_type_id", "label")


def row_from_entry(entry, context):
    return Row(
        log_entry_id=entry["id"],
        page_id=entry["page_id"],
        action=entry["action"],
        timestamp=entry["timestamp"],
        revision_id=entry["revision_id"],
        title=(entry["label"] or "")[:255],
        context=context,
    )


def first_publish_ids(entries):
    seen, firsts = set(), set()
    for entry in sorted(entries, key=lambda e: (e["timestamp"], e["id"])):
        if log_actions.is_publish(entry["action"]) and entry["page_id"] not in seen:
            seen.add(entry["page_id"])
            firsts.add(entry["id"])
    return firsts


def entry_facts(entries, firsts, reuse=None):
    """{log_entry_id: ContentFacts} for publish entries whose revision still exists. `firsts`:
    ids of first publications (the only ones that need a signature). `reuse` {log_entry_id:
    event}: a stored signature is kept when the content digest is the same."""
    reuse = reuse or {}
    wanted = [e for e in entries if log_actions.is_publish(e["action"]) and e["revision_id"]]
    contents = {}
    ids = [e["revision_id"] for e in wanted]
    for start in range(0, len(ids), CHUNK):
        contents.update(
            Revision.objects.filter(pk__in=ids[start : start + CHUNK]).values_list("id", "content")
        )
    result = {}
    for entry in wanted:
        content = contents.get(entry["revision_id"])
        model = model_for_content_type(entry["content_type_id"])
        if content is None or model is None:
            continue
        old = reuse.get(entry["id"])
        facts = content_facts(model, content)
        wants_signature = (
            entry["id"] in firsts and model._meta.label_lower in duplicate_checked_models()
        )
        if wants_signature:
            if old is not None and old.content_hash == facts.content_hash and old.minhash:
                facts.minhash = bytes(old.minhash)
            else:
                facts.minhash = content_facts(model, content, with_signature=True).minhash
        result[entry["id"]] = facts
    return result


def row_from_event(event):
    row = Row(
        log_entry_id=event.log_entry_id,
        page_id=event.page_id,
        action={
            EventKind.UNPUBLISH: UNPUBLISH,
            EventKind.DELETE: DELETE,
            EventKind.MOVE: MOVE,
        }.get(event.kind, PUBLISH),
        timestamp=event.timestamp,
        revision_id=event.revision_id,
        title=event.title,
        context=PageContext(
            school_id=event.school_id,
            section_key=event.section_key,
            page_model=event.page_model,
            is_post=_is_post_model(event.page_model),
            is_item=event.is_item,
            url_path=event.url_path,
        ),
        content_hash=event.content_hash,
        displayed_date=event.displayed_date,
        period_start=event.period_start,
        word_count=event.word_count,
        attachment_count=event.attachment_count,
        image_count=event.image_count,
        shared_from_office=event.shared_from_office,
        minhash=bytes(event.minhash) if event.minhash else None,
    )
    row.extra["event"] = event
    return row


@lru_cache(maxsize=64)
def _is_post_model(label):
    from django.apps import apps

    try:
        model = apps.get_model(label)
    except LookupError:
        return False
    return bool(getattr(model, "is_post", False))


def event_fields(row):
    day, week = local_day(row.timestamp)
    ctx = row.context
    return {
        "log_entry_id": row.log_entry_id,
        "school_id": ctx.school_id,
        "section_key": ctx.section_key,
        "moved_from_section": row.moved_from_section,
        "moved_from_school_id": row.moved_from_school_id,
        "page_id": row.page_id,
        "page_model": ctx.page_model,
        "is_item": ctx.is_item,
        "title": row.title,
        "url_path": ctx.url_path[:1024],
        "kind": row.kind,
        "timestamp": row.timestamp,
        "day": day,
        "week": week,
        "revision_id": row.revision_id,
        "content_hash": row.content_hash,
        "displayed_date": row.displayed_date,
        "displayed_lag_days": (day - row.displayed_date).days if row.displayed_date else None,
        "period_start": row.period_start,
        "word_count": row.word_count,
        "attachment_count": row.attachment_count,
        "image_count": row.image_count,
        # Signatures are only kept for posts: duplicates are about posts.
        "minhash": row.minhash if row.kind == EventKind.POST else None,
        "shared_from_office": row.shared_from_office,
        "live_after": row.live_after,
        "items_delta": row.items_delta,
    }


CLASSIFIED_FIELDS = (
    "kind",
    "live_after",
    "items_delta",
    "moved_from_section",
    "moved_from_school_id",
    "minhash",
)
