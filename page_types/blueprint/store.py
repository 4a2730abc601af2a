"""The live blueprint: the BlueprintSection rows as a tree of `Section`s, cached per process.

Provisioning and the audit ask for it per school (thousands of times in one audit run), so the
built tree is kept in memory. A change made in this process drops the copy at once; other
processes learn of it from a version stamp in the shared cache, looked at no more often than
every RECHECK_SECONDS, and reload after MAX_AGE_SECONDS regardless (a per-process cache such as
LocMem never shows them another process's stamp)."""

import threading
import time
import uuid
from collections import defaultdict

from django.core.cache import cache
from django.db import transaction

from .seed import ALL, DEFAULT_BLUEPRINT, Section

VERSION_KEY = "portal:blueprint-version"
RECHECK_SECONDS = 5
MAX_AGE_SECONDS = 300


class _Copy:
    def __init__(self):
        self.tree = None  # tuple of top-level Sections
        self.stale = True
        self.version = None  # the shared stamp the tree was loaded under
        self.loaded_at = 0.0
        self.checked_at = 0.0
        self.generation = 0  # bumped when the tree's content changes; callers key caches on it
        self.by_kind = {}  # (level, serves_meals) -> (tree, ((key, section), ...))


_copy = _Copy()
_lock = threading.Lock()


def section_from_row(row, children=()):
    uses = row.level_uses()
    return Section(
        slug=row.slug,
        title=row.title,
        page_type=row.page_type,
        required=tuple(level for level in ALL if uses[level] == "required"),
        optional=tuple(level for level in ALL if uses[level] == "optional"),
        cadence_days=row.cadence_days,
        expects_items=row.expects_items,
        children=tuple(children),
        meals_only=row.meals_only,
    )


def load_blueprint():
    """The blueprint as stored, straight from the database."""
    from ..models import BlueprintSection

    rows = list(BlueprintSection.objects.order_by("sort_order", "pk"))
    if not rows:
        # Built-in rows cannot be deleted: an empty table is a database the seeding migration
        # has not filled (e.g. flushed by a test); the seed is the blueprint then.
        return DEFAULT_BLUEPRINT
    children = defaultdict(list)
    for row in rows:
        children[row.parent_id].append(row)

    def build(row):
        return section_from_row(row, [build(child) for child in children[row.pk]])

    return tuple(build(row) for row in children[None])


def live_blueprint():
    """The top-level sections of the blueprint in force, from this process's copy."""
    now = time.monotonic()
    if not _copy.stale and now - _copy.checked_at < RECHECK_SECONDS:
        return _copy.tree
    with _lock:
        version = cache.get(VERSION_KEY)
        if _copy.stale or version != _copy.version or now - _copy.loaded_at > MAX_AGE_SECONDS:
            # Stamp first, rows second: a change committed in between is reloaded next time.
            _copy.stale = False
            fresh = load_blueprint()
            if fresh != _copy.tree:
                _copy.tree = fresh
                _copy.by_kind = {}
                _copy.generation += 1
            _copy.version = version
            _copy.loaded_at = now
        _copy.checked_at = now
        return _copy.tree


def blueprint_generation():
    """A number that changes whenever the blueprint in force does (for callers' own caches)."""
    live_blueprint()
    return _copy.generation


def sections_for(level, serves_meals=False, sections=None, prefix=""):
    """Yield (key, section) for every section a school of this level gets, depth first.
    `sections`: a tree to walk instead of the blueprint in force."""
    if sections is None and not prefix:
        yield from _sections_of_kind(level, bool(serves_meals))
        return
    for section in live_blueprint() if sections is None else sections:
        if not section.applies_to(level):
            continue
        if section.meals_only and level not in section.required and not serves_meals:
            continue
        key = prefix + section.slug
        yield key, section
        yield from sections_for(level, serves_meals, section.children, key + "/")


def _sections_of_kind(level, serves_meals):
    tree = live_blueprint()
    found = _copy.by_kind.get((level, serves_meals))
    if found is None or found[0] is not tree:
        found = (tree, tuple(sections_for(level, serves_meals, tree)))
        _copy.by_kind[(level, serves_meals)] = found
    return found[1]


def forget_blueprint():
    """Reload this process's copy on next use (tests roll the database back under it)."""
    _copy.stale = True


def _announce_change():
    _copy.stale = True
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def blueprint_changed(sender=None, **kwargs):
    """A row was saved or deleted: this process rereads now (inside the transaction that made
    the change), the other processes once it is committed."""
    forget_blueprint()
    transaction.on_commit(_announce_change)
