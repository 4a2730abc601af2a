"""Publishing anything in a site makes its cached public pages stale.

Each site (a depth-2 root page) has a generation number in the cache; cache keys of pages and of
the per-site template context include it, so bumping it makes every cached copy unreachable at
once. The office site also depends on the OFFICE generation, bumped by every school's change,
because it lists the schools and their latest news."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from tenants.models import School

GENERATION_KEY = "portal:page-cache-gen:{root}"
OFFICE = "office"


def site_root_path(page):
    return page.path[: 2 * page.steplen]


def cache_generation(root_path):
    return cache.get(GENERATION_KEY.format(root=root_path), 0)


def cache_generations(*root_paths):
    keys = {GENERATION_KEY.format(root=p): p for p in root_paths}
    found = cache.get_many(list(keys))
    return [found.get(key, 0) for key in keys]


def bump_generation(root_path):
    key = GENERATION_KEY.format(root=root_path)
    try:
        cache.incr(key)
    except ValueError:
        # First bump: start above 0 (the value readers assume when the key is missing).
        cache.set(key, 1, None)


def purge_for_page(sender, instance, **kwargs):
    if instance.depth >= 2:
        bump_generation(site_root_path(instance))
    # The office site shows every school's latest news: its cache goes stale too.
    bump_generation(OFFICE)


def purge_on_create(sender, instance, created, raw=False, **kwargs):
    # Pages created already live (fixtures, loaders, add_child(live=True)) never go through
    # publish(); without this their site would keep showing the old lists.
    if created and not raw and isinstance(instance, Page) and instance.live:
        purge_for_page(sender, instance)


def purge_for_school(sender, instance, raw=False, **kwargs):
    """A school's name or contact details appear in its header, footer and the directory."""
    if raw:
        return
    if instance.root_page_id:
        path = Page.objects.filter(pk=instance.root_page_id).values_list("path", flat=True).first()
        if path:
            bump_generation(path)
    bump_generation(OFFICE)


page_published.connect(purge_for_page, dispatch_uid="portal-purge-on-publish")
page_unpublished.connect(purge_for_page, dispatch_uid="portal-purge-on-unpublish")
post_delete.connect(purge_for_page, sender=Page, dispatch_uid="portal-purge-on-delete")
post_save.connect(purge_on_create, dispatch_uid="portal-purge-on-create")
post_save.connect(purge_for_school, sender=School, dispatch_uid="portal-purge-on-school-save")


def purge_after_move(sender, instance, **kwargs):
    purge_for_page(sender, instance)
    old = kwargs.get("url_path_before") or ""
    segments = [s for s in old.split("/") if s]
    if segments:
        # Moving a page between sites (superusers only) makes the old site stale too.
        old_root = (
            Page.objects.filter(depth=2, url_path=f"/{segments[0]}/")
            .values_list("path", flat=True)
            .first()
        )
        if old_root:
            bump_generation(old_root)


post_page_move.connect(purge_after_move, dispatch_uid="portal-purge-on-move")


def _connect_blueprint():
    # The blueprint's per-process copy is dropped whenever a row changes.
    from .blueprint.store import blueprint_changed

    for signal in (post_save, post_delete):
        signal.connect(
            blueprint_changed,
            sender="page_types.BlueprintSection",
            dispatch_uid=f"portal-blueprint-{signal is post_save}",
        )
        # Which blueprint an authority's schools follow depends on the authority tree.
        signal.connect(
            blueprint_changed,
            sender="tenants.Authority",
            dispatch_uid=f"portal-blueprint-authority-{signal is post_save}",
        )


_connect_blueprint()
