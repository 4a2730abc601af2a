"""Exact host → Site resolution. Wagtail falls back to the default site for unknown hosts;
we never do, so a mistyped or hostile Host header cannot show another school's site."""

import copy

from django.core.cache import cache
from wagtail.models import Site

# The map lives in each process; the shared cache only holds a version number, so every
# process rebuilds after a Site changes anywhere, without unpickling thousands of Sites per
# request.
VERSION_KEY = "portal:site-hosts:version"
_local = {"version": None, "map": None}


def _build_map():
    from .models import SchoolDomain

    sites = {s.hostname.lower(): s for s in Site.objects.select_related("root_page")}
    by_id = {s.pk: s for s in sites.values()}
    for hostname, site_id in SchoolDomain.objects.filter(school__site__isnull=False).values_list(
        "hostname", "school__site_id"
    ):
        if site_id in by_id:
            sites[hostname.lower()] = by_id[site_id]
    return sites


def site_for_hostname(hostname):
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version()
    if _local["version"] != version or _local["map"] is None:
        _local["map"] = _build_map()
        _local["version"] = version
    site = _local["map"].get(hostname.lower())
    return _request_copy(site) if site is not None else None


def _request_copy(site):
    """The map's instances live as long as the process; Wagtail caches on what it is given (the
    root page's `.specific`), so a shared instance would serve the home page as first loaded,
    whatever was published since. Each request gets its own copies."""
    clone = copy.copy(site)
    clone.root_page = copy.copy(site.root_page)
    return clone


def _new_version():
    import uuid

    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


def forget_hosts(**kwargs):
    _new_version()
    _local["map"] = None
