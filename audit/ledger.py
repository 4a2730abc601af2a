"""The activity ledger: Wagtail's publication log (`PageLogEntry`), classified per school and
blueprint section, with a per-school, per-day rollup.

Kept current by `ingest_page` on every new log entry (see apps.py) and recreated from the log by
`rebuild`; both run the same pure steps (`classify_page`, `post_gaps`, `best_duplicates`,
`rollup_rows`), so they agree."""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from page_types.models import MandatedSection, SectionPage
from tenants import log_actions
from tenants.models import School

from . import stamps
from .models import ActivityEvent, DailyActivity, EventKind, MinHashBand
from .text import DUPLICATE_CHECKED_MODELS, band_buckets, content_facts, similarity

logger = logging.getLogger(__name__)

# The log's vocabulary (tenants/log_actions.py): a page published or expired by Wagtail's
# scheduler (`publish_scheduled`) counts exactly like one published or unpublished by hand.
ACTIONS = log_actions.VISIBILITY_ACTIONS
# The action a stored event stands for when its page's rows are classified again.
PUBLISH = log_actions.PUBLISH_ACTIONS[0]
UNPUBLISH = log_actions.UNPUBLISH_ACTIONS[0]
DELETE = log_actions.DELETE_ACTIONS[0]
MOVE = log_actions.MOVE_ACTIONS[0]
# Similarities below this are not kept: the rubric's duplicate threshold cannot go lower.
DUPLICATE_FLOOR = 0.75
STEP = Page.steplen
CHUNK = 500


@dataclass(frozen=True)
class PageContext:
    school_id: int
    section_key: str
    page_model: str
    is_post: bool
    is_item: bool
    url_path: str


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


@lru_cache(maxsize=256)
def model_for_content_type(content_type_id):
    if content_type_id is None:
        return None
    return ContentType.objects.get_for_id(content_type_id).model_class()


def local_day(timestamp):
    day = timezone.localtime(timestamp).date()
    return day, day - datetime.timedelta(days=day.weekday())


# --- where a page belongs -------------------------------------------------------------------


def resolve_contexts(page_ids):
    """{page_id: PageContext} for existing pages of school sites (office pages are skipped)."""
    result = {}
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), CHUNK):
        pages = list(
            Page.objects.filter(pk__in=page_ids[start : start + CHUNK]).values(
                "id", "path", "depth", "content_type_id", "url_path"
            )
        )
        roots = {p["path"][: 2 * STEP] for p in pages if p["depth"] >= 2}
        schools = {
            row["root_page__path"]: (row["id"], row["root_page__url_path"])
            for row in School.objects.filter(root_page__path__in=roots).values(
                "id", "root_page__path", "root_page__url_path"
            )
        }
        ancestor_paths = {
            p["path"][: STEP * depth] for p in pages for depth in range(3, p["depth"] + 1)
        }
        keys = dict(
            MandatedSection.objects.filter(
                page__path__in=ancestor_paths, school__isnull=False
            ).values_list("page__path", "key")
        )
        for page in pages:
            school = schools.get(page["path"][: 2 * STEP])
            model = model_for_content_type(page["content_type_id"])
            if school is None or model is None:
                continue
            key = ""
            for depth in range(page["depth"], 2, -1):
                key = keys.get(page["path"][: STEP * depth], "")
                if key:
                    break
            own_section = page["path"] in keys
            root_url = school[1] or "/"
            url = page["url_path"] or ""
            result[page["id"]] = PageContext(
                school_id=school[0],
                section_key=key,
                page_model=model._meta.label_lower,
                is_post=bool(getattr(model, "is_post", False)),
                is_item=page["depth"] > 2
                and not own_section
                and not issubclass(model, SectionPage),
                url_path="/" + url[len(root_url) :] if url.startswith(root_url) else url,
            )
    return result


# --- the pure steps -------------------------------------------------------------------------


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


def _better(sim, original_key, current_sim, current_key):
    if current_sim is None:
        return True
    return sim > current_sim or (sim == current_sim and original_key < current_key)


def best_duplicates(posts):
    """posts: [(sort_key, page_id, signature)] sorted by time. For each post, the most similar
    earlier post (ties: the earliest) among LSH candidates → {index: (original index, sim)}."""
    index = defaultdict(list)
    result = {}
    for i, (key, page_id, signature) in enumerate(posts):
        buckets = band_buckets(signature)
        candidates = {j for bucket in buckets for j in index[bucket]}
        best = None
        for j in sorted(candidates):
            other_key, other_page, other_signature = posts[j]
            if other_page == page_id or other_key >= key:
                continue
            sim = similarity(signature, other_signature)
            if sim < DUPLICATE_FLOOR:
                continue
            if best is None or _better(sim, other_key, best[1], posts[best[0]][0]):
                best = (j, sim)
        if best is not None:
            result[i] = best
        for bucket in buckets:
            index[bucket].append(i)
    return result


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


def _rollup_objects(rows):
    return [
        DailyActivity(school_id=school_id, day=day, section_key=key, **counters)
        for (school_id, day, key), counters in rows.items()
    ]


# --- from the log to rows -------------------------------------------------------------------

ENTRY_FIELDS = ("id", "page_id", "action", "timestamp", "revision_id", "content_type_id", "label")


def _row(entry, context):
    return Row(
        log_entry_id=entry["id"],
        page_id=entry["page_id"],
        action=entry["action"],
        timestamp=entry["timestamp"],
        revision_id=entry["revision_id"],
        title=(entry["label"] or "")[:255],
        context=context,
    )


def _first_publish_ids(entries):
    seen, firsts = set(), set()
    for entry in sorted(entries, key=lambda e: (e["timestamp"], e["id"])):
        if log_actions.is_publish(entry["action"]) and entry["page_id"] not in seen:
            seen.add(entry["page_id"])
            firsts.add(entry["id"])
    return firsts


def _facts(entries, firsts, reuse=None):
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
            entry["id"] in firsts and model._meta.label_lower in DUPLICATE_CHECKED_MODELS
        )
        if wants_signature:
            if old is not None and old.content_hash == facts.content_hash and old.minhash:
                facts.minhash = bytes(old.minhash)
            else:
                facts.minhash = content_facts(model, content, with_signature=True).minhash
        result[entry["id"]] = facts
    return result


def _row_from_event(event):
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


def _event_fields(row):
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


# --- incremental ----------------------------------------------------------------------------


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
    facts = _facts(new_entries, _first_publish_ids(entries))
    rows = []
    for entry in entries:
        if entry["id"] in existing:
            rows.append(_row_from_event(existing[entry["id"]]))
        else:
            row = _row(entry, context)
            row.set_facts(facts.get(entry["id"]))
            rows.append(row)
    rows.sort(key=lambda r: r.sort_key)
    classify_page(rows)

    touched = set()
    created, updated = [], []
    for row in rows:
        fields = _event_fields(row)
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
            _forget_posts(demoted)
        post_schools = {e.school_id for e in created + updated if e.kind == EventKind.POST}
        for school_id in post_schools:
            refresh_gaps(school_id)
        for event in created:
            if event.kind == EventKind.POST and event.minhash:
                _index_duplicate(event)
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


def _candidates(event, buckets):
    """Posts of other pages sharing at least one LSH bucket with the event's signature."""
    match = Q()
    for band, bucket in buckets:
        match |= Q(band=band, bucket=bucket)
    candidate_ids = set(MinHashBand.objects.filter(match).values_list("event_id", flat=True))
    candidates = (
        ActivityEvent.objects.filter(pk__in=candidate_ids, kind=EventKind.POST)
        .exclude(page_id=event.page_id)
        .exclude(pk=event.pk)
        .select_related("duplicate_of")
        .only(
            "id",
            "school_id",
            "timestamp",
            "log_entry_id",
            "minhash",
            "duplicate_similarity",
            "duplicate_of__timestamp",
            "duplicate_of__log_entry_id",
        )
    )
    return sorted(candidates, key=lambda c: c.sort_key)


def _best_earlier(event, candidates):
    best = None
    for other in candidates:
        if other.sort_key >= event.sort_key:
            continue
        sim = similarity(event.minhash, other.minhash)
        if sim >= DUPLICATE_FLOOR and (
            best is None or _better(sim, other.sort_key, best[1], best[0].sort_key)
        ):
            best = (other, sim)
    return best


def _set_duplicate(event, best):
    original, sim = best if best else (None, None)
    ActivityEvent.objects.filter(pk=event.pk).update(
        duplicate_of=original, duplicate_similarity=sim
    )
    # Its school's flags changed without an event of its own.
    stamps.bump_schools([event.school_id])


def _index_duplicate(event):
    """A new post: find its earliest most similar earlier post, offer itself as the original of
    later ones (log rows may arrive out of order), and file its LSH buckets."""
    buckets = band_buckets(event.minhash)
    candidates = _candidates(event, buckets)
    for other in candidates:
        if other.sort_key <= event.sort_key:
            continue
        sim = similarity(event.minhash, other.minhash)
        current = other.duplicate_of.sort_key if other.duplicate_of_id else None
        if sim >= DUPLICATE_FLOOR and _better(
            sim, event.sort_key, other.duplicate_similarity, current
        ):
            _set_duplicate(other, (event, sim))
    _set_duplicate(event, _best_earlier(event, candidates))
    MinHashBand.objects.bulk_create(
        [MinHashBand(event=event, band=band, bucket=bucket) for band, bucket in buckets]
    )


def _forget_posts(events):
    """Events that are no longer posts leave the duplicate index; posts that pointed at them
    look for their next best original."""
    ids = [e.pk for e in events]
    MinHashBand.objects.filter(event_id__in=ids).delete()
    ActivityEvent.objects.filter(pk__in=ids).update(duplicate_of=None, duplicate_similarity=None)
    for orphan in ActivityEvent.objects.filter(duplicate_of_id__in=ids):
        buckets = band_buckets(orphan.minhash)
        _set_duplicate(orphan, _best_earlier(orphan, _candidates(orphan, buckets)))


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
    DailyActivity.objects.bulk_create(_rollup_objects(rows))
    stamps.bump_schools(school_id for school_id, _day in pairs)
    bump_generation()


def on_log_entry(sender, instance, created, **kwargs):
    """post_save of PageLogEntry. Wagtail sends `page_published` before it writes the log row,
    so the ledger listens to the row itself; a failure here must never block a publication."""
    if not created or instance.action not in ACTIONS:
        return
    try:
        with transaction.atomic():
            ingest_page(instance.page_id)
    except Exception:  # noqa: BLE001 - logged; `audit_rebuild` repairs the ledger
        logger.exception("Audit ledger could not ingest log entry %s", instance.pk)


# --- rebuild --------------------------------------------------------------------------------


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
    facts = _facts(entries, _first_publish_ids(entries), reuse=None if full else old)

    rows = []
    for page_id, page_entries in by_page.items():
        page_rows = []
        for entry in page_entries:
            prior = old.get(entry["id"])
            if prior is not None:
                # Where the page was when it happened is history: keep it. Facts are re-read
                # from the revision when it still exists (a deleted page's revisions are gone).
                row = _rebased(_row_from_event(prior), entry)
                row.set_facts(facts.get(entry["id"]))
            elif page_id in contexts:
                row = _row(entry, contexts[page_id])
                row.set_facts(facts.get(entry["id"]))
            else:
                continue
            page_rows.append(row)
        page_rows.sort(key=lambda r: r.sort_key)
        rows.extend(classify_page(page_rows))

    events = [ActivityEvent(**_event_fields(row)) for row in rows]
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
    DailyActivity.objects.bulk_create(_rollup_objects(rollup_rows(events)), batch_size=2000)
    stamps.forget_all()
    bump_generation()
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


# --- cache generation -----------------------------------------------------------------------

GENERATION_KEY = "audit:ledger-generation"


def bump_generation():
    from django.core.cache import cache

    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def generation():
    from django.core.cache import cache

    return cache.get(GENERATION_KEY, 0)
