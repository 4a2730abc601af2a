"""Publishing anything in a site makes its cached public pages stale."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "portal:page-cache-gen:{root}"


def site_root_path(page):
    return page.path[: 2 * page.steplen]


def cache_generation(root_path):
    return cache.get(GENERATION_KEY.format(root=root_path), 0)


def bump_generation(root_path):
    key = GENERATION_KEY.format(root=root_path)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, None)


def purge_for_page(sender, instance, **kwargs):
    if instance.depth >= 2:
        bump_generation(site_root_path(instance))
    # The office site shows every school's latest news: its cache goes stale too.
    bump_generation("office")


page_published.connect(purge_for_page, dispatch_uid="portal-purge-on-publish")
page_unpublished.connect(purge_for_page, dispatch_uid="portal-purge-on-unpublish")
post_delete.connect(purge_for_page, sender=Page, dispatch_uid="portal-purge-on-delete")


def purge_after_move(sender, instance, **kwargs):
    purge_for_page(sender, instance)
    old = kwargs.get("url_path_before")
    if old:
        bump_generation("office")


post_page_move.connect(purge_after_move, dispatch_uid="portal-purge-on-move")
