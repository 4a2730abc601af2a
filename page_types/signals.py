"""Anything that changes what an anonymous reader may see makes the cached copies stale.

Each site (a depth-2 root page) has a generation token in the shared cache; cache keys of pages
and of the per-site template context include it, so replacing it makes every cached copy
unreachable at once, in every process. The office site also depends on the OFFICE token,
replaced by every school's change, because it lists the schools and their latest news; every
site depends on EVERY_SITE (offices' details, the blueprint). Triggers: publish, unpublish,
move, delete, a page created live, a view restriction (password, login, groups) added, changed
or removed, a school's or an office's details, a blueprint row."""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from tenants.models import Authority, School
from tenants.signals import schools_provisioned

GENERATION_KEY = "portal:page-cache-gen:{root}"
OFFICE = "office"
# Bumped by changes every site shows (an office's name in every footer, the blueprint).
EVERY_SITE = "all"


def site_root_path(page):
    return page.path[: 2 * page.steplen]


def _new_token():
    return uuid.uuid4().hex[:12]


def cache_generations(*root_paths):
    """The current generation token of each root path (or OFFICE / EVERY_SITE).

    Tokens are random, never counters: if the cache loses a key (eviction, restart, an
    outage) the next reader makes a new token, so a copy stored under the old one can never
    be reached again. While the cache is down every token is new: nothing is served from it."""
    keys = [GENERATION_KEY.format(root=p) for p in root_paths]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = _new_token()
            # Two processes may both find the key missing: the first add wins for both.
            if not cache.add(key, token, None):
                token = cache.get(key) or token
        tokens.append(token)
    return tokens


def site_generation_paths(site, hostname_is_office):
    """What a site's pages depend on: the site itself, every-site changes and, for the office
    site (which lists every school's news), every school."""
    paths = [site.root_page.path, EVERY_SITE]
    if hostname_is_office:
        paths.append(OFFICE)
    return paths


def site_generations(site, hostname_is_office):
    """The key part naming the current tokens of what a site's pages depend on."""
    return ".".join(cache_generations(*site_generation_paths(site, hostname_is_office)))


def bump_generation(root_path):
    """Make every cached copy depending on root_path unreachable: now, and again when the
    transaction commits, so a reader rendering the old rows meanwhile in another process
    cannot store them under the new token."""
    key = GENERATION_KEY.format(root=root_path)
    cache.set(key, _new_token(), None)
    transaction.on_commit(lambda: cache.set(key, _new_token(), None))


def purge_site_of(page_path, depth):
    if depth >= 2:
        bump_generation(page_path[: 2 * Page.steplen])
    # The office site shows every school's latest news: its cache goes stale too.
    bump_generation(OFFICE)


def purge_for_page(sender, instance, **kwargs):
    purge_site_of(instance.path, instance.depth)


def purge_on_create(sender, instance, created, raw=False, **kwargs):
    # Pages created already live (fixtures, loaders, add_child(live=True)) never go through
    # publish(); without this their site would keep showing the old lists.
    if created and not raw and isinstance(instance, Page) and instance.live:
        purge_for_page(sender, instance)


def purge_for_restriction(sender, instance, raw=False, **kwargs):
    """A password, login or group restriction added, changed or removed on a page hides or
    shows it and everything under it, and its cards in every listing."""
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).values_list("path", "depth").first()
    if page:
        purge_site_of(*page)
    else:
        bump_generation(OFFICE)


def purge_for_restriction_groups(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        purge_for_restriction(sender, instance)


def purge_for_school(sender, instance, raw=False, **kwargs):
    """A school's name or contact details appear in its header, footer and the directory."""
    if raw:
        return
    if instance.root_page_id:
        path = Page.objects.filter(pk=instance.root_page_id).values_list("path", flat=True).first()
        if path:
            bump_generation(path)
    bump_generation(OFFICE)


def purge_every_site(sender, raw=False, **kwargs):
    if not raw:
        bump_generation(EVERY_SITE)


page_published.connect(purge_for_page, dispatch_uid="portal-purge-on-publish")
page_unpublished.connect(purge_for_page, dispatch_uid="portal-purge-on-unpublish")
post_delete.connect(purge_for_page, sender=Page, dispatch_uid="portal-purge-on-delete")
post_save.connect(purge_on_create, dispatch_uid="portal-purge-on-create")
post_save.connect(purge_for_school, sender=School, dispatch_uid="portal-purge-on-school-save")
post_delete.connect(purge_for_school, sender=School, dispatch_uid="portal-purge-on-school-delete")
# Office names and contacts are in the office site's header and every school's footer.
post_save.connect(purge_every_site, sender=Authority, dispatch_uid="portal-purge-on-authority")
post_delete.connect(purge_every_site, sender=Authority, dispatch_uid="portal-purge-authority-del")
for _signal, _name in ((post_save, "save"), (post_delete, "delete")):
    _signal.connect(
        purge_for_restriction,
        sender=PageViewRestriction,
        dispatch_uid=f"portal-purge-on-restriction-{_name}",
    )
m2m_changed.connect(
    purge_for_restriction_groups,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="portal-purge-on-restriction-groups",
)


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
        # What the blueprint decides (section titles, order) shows on every site.
        signal.connect(
            purge_every_site,
            sender="page_types.BlueprintSection",
            dispatch_uid=f"portal-purge-blueprint-{signal is post_save}",
        )
        # Which blueprint an authority's schools follow depends on the authority tree.
        signal.connect(
            blueprint_changed,
            sender="tenants.Authority",
            dispatch_uid=f"portal-blueprint-authority-{signal is post_save}",
        )


_connect_blueprint()


def purge_for_new_schools(sender, schools, **kwargs):
    """New schools appear in the office's directory; bulk provisioning saves no School row
    and no page one by one (no post_save), so what `purge_for_school` and `purge_on_create`
    would have done is done here, once per batch."""
    for school in schools:
        bump_generation(site_root_path(school.root_page))
    bump_generation(OFFICE)


schools_provisioned.connect(purge_for_new_schools, dispatch_uid="portal-purge-on-new-school")
