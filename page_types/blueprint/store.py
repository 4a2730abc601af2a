"""The live blueprints: the BlueprintSection rows as trees of `Section`s, one per owner (the
instance default, owned by nobody, and each authority's own version), cached per process.

Provisioning and the audit ask for a school's blueprint thousands of times in one audit run,
so the built trees, and which owner each authority follows (tenants.models.nearest_owner),
are kept in memory. A change made in this process drops the copy at once; other processes
learn of it from a version stamp in the shared cache, looked at no more often than every
RECHECK_SECONDS, and reload after MAX_AGE_SECONDS regardless (a per-process cache such as
LocMem never shows them another process's stamp)."""

import threading
import time
import uuid
from collections import defaultdict

from django.core.cache import cache
from django.db import transaction

from tenants.models import authority_lineages, nearest_owner

from .seed import ALL, Section

VERSION_KEY = "portal:blueprint-version"
RECHECK_SECONDS = 5
MAX_AGE_SECONDS = 300


class _Copy:
    def __init__(self):
        self.trees = None  # {owner id or None: tuple of top-level Sections}
        self.lineages = {}  # {authority id: (its id, its parent's, …)}
        self.stale = True
        self.version = None  # the shared stamp the trees were loaded under
        self.loaded_at = 0.0
        self.checked_at = 0.0
        self.generation = 0  # bumped when the content changes; callers key caches on it
        self.by_kind = {}  # (owner, level, serves_meals) -> (tree, ((key, section), ...))


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


def _load_trees():
    """{owner id or None: tree} of every stored blueprint, from one query. The instance
    default is always there (an empty tree if its rows are missing: the seeding migration
    makes them, and built-in rows cannot be deleted)."""
    from ..models import BlueprintSection

    children = defaultdict(list)
    owners = {None}
    for row in BlueprintSection.objects.order_by("sort_order", "pk"):
        children[row.parent_id].append(row)
        owners.add(row.owner_id)

    def build(row):
        return section_from_row(row, [build(child) for child in children[row.pk]])

    trees = {owner: [] for owner in owners}
    for row in children[None]:
        trees[row.owner_id].append(build(row))
    return {owner: tuple(tree) for owner, tree in trees.items()}


def load_blueprint(owner=None):
    """One owner's blueprint as stored, straight from the database (`owner`: an authority
    id, None for the instance default)."""
    return _load_trees().get(owner, ())


def _refresh():
    now = time.monotonic()
    if not _copy.stale and now - _copy.checked_at < RECHECK_SECONDS:
        return
    with _lock:
        version = cache.get(VERSION_KEY)
        if _copy.stale or version != _copy.version or now - _copy.loaded_at > MAX_AGE_SECONDS:
            # Stamp first, rows second: a change committed in between is reloaded next time.
            _copy.stale = False
            trees, lineages = _load_trees(), authority_lineages()
            if trees != _copy.trees or lineages != _copy.lineages:
                _copy.trees, _copy.lineages = trees, lineages
                _copy.by_kind = {}
                _copy.generation += 1
            _copy.version = version
            _copy.loaded_at = now
        _copy.checked_at = now


def blueprint_owner(authority):
    """The owner of the blueprint an authority's schools follow: the authority itself if it
    has its own version, else its nearest ancestor with one, else None (the instance
    default). `authority`: an Authority or its id; None means the instance default."""
    if authority is None:
        return None
    _refresh()
    pk = getattr(authority, "pk", authority)
    return nearest_owner(_copy.lineages.get(pk, (pk,)), _copy.trees)


def owners_with_own_blueprint():
    """Ids of the authorities that have their own version (not the instance default)."""
    _refresh()
    return frozenset(owner for owner in _copy.trees if owner is not None)


def live_blueprint(owner=None):
    """The top-level sections of one owner's blueprint, from this process's copy."""
    _refresh()
    return _copy.trees.get(owner, ())


def blueprint_for(authority):
    """The top-level sections of the blueprint in force for an authority's schools."""
    return live_blueprint(blueprint_owner(authority))


def blueprint_generation():
    """A number that changes whenever a blueprint in force does (for callers' own caches)."""
    _refresh()
    return _copy.generation


def sections_for(level, serves_meals=False, sections=None, prefix="", authority=None):
    """Yield (key, section) for every section a school of this level gets, depth first.
    `authority`: whose schools (their nearest blueprint; default: the instance default);
    `sections`: a tree to walk instead of a blueprint in force."""
    if sections is None and not prefix:
        yield from _sections_of_kind(blueprint_owner(authority), level, bool(serves_meals))
        return
    if sections is None:
        sections = blueprint_for(authority)
    for section in sections:
        if not section.applies_to(level):
            continue
        if section.meals_only and level not in section.required and not serves_meals:
            continue
        key = prefix + section.slug
        yield key, section
        yield from sections_for(level, serves_meals, section.children, key + "/")


def school_sections(school):
    """(key, section) of every section the school gets under its nearest blueprint."""
    return sections_for(school.level, school.serves_meals, authority=school.authority_id)


def _sections_of_kind(owner, level, serves_meals):
    tree = live_blueprint(owner)
    found = _copy.by_kind.get((owner, level, serves_meals))
    if found is None or found[0] is not tree:
        found = (tree, tuple(sections_for(level, serves_meals, tree)))
        _copy.by_kind[(owner, level, serves_meals)] = found
    return found[1]


def forget_blueprint():
    """Reload this process's copy on next use (tests roll the database back under it)."""
    _copy.stale = True


def _announce_change():
    _copy.stale = True
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def blueprint_changed(sender=None, **kwargs):
    """A row (or an authority: who follows whom) was saved or deleted: this process rereads
    now (inside the transaction that made the change), the other processes once it is
    committed."""
    forget_blueprint()
    transaction.on_commit(_announce_change)
