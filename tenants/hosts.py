"""Exact host → Site resolution. Wagtail falls back to the default site for unknown hosts;
we never do, so a mistyped or hostile Host header cannot show another school's site."""

import copy
import time

from django.core.cache import cache
from wagtail.models import Site

# The map lives in each process; the shared cache only holds a version number, so every
# process rebuilds after a Site changes anywhere. The map holds ids only (a province has
# thousands of sites); a Site with its root page is loaded the first time its host is asked.
VERSION_KEY = "portal:site-hosts:version"
# An unknown host rebuilds the map (a school created by a command in another process whose
# version stamp this process cannot see, e.g. without a shared cache), at most this often.
UNKNOWN_HOST_REBUILD_SECONDS = 1.0
_local = {"version": None, "map": None, "sites": {}, "built_at": 0.0}


def _build_map():
    from .models import SchoolDomain

    hosts = {hostname.lower(): pk for pk, hostname in Site.objects.values_list("pk", "hostname")}
    known = set(hosts.values())
    for hostname, site_id in SchoolDomain.objects.filter(school__site__isnull=False).values_list(
        "hostname", "school__site_id"
    ):
        if site_id in known:
            hosts[hostname.lower()] = site_id
    return hosts


def site_for_hostname(hostname):
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version()
    if _local["version"] != version or _local["map"] is None:
        _rebuild(version)
    site_id = _local["map"].get(hostname.lower())
    if site_id is None:
        if time.monotonic() - _local["built_at"] < UNKNOWN_HOST_REBUILD_SECONDS:
            return None
        _rebuild(version)
        site_id = _local["map"].get(hostname.lower())
        if site_id is None:
            return None
    site = _local["sites"].get(site_id)
    if site is None:
        site = Site.objects.select_related("root_page").filter(pk=site_id).first()
        if site is None:
            return None
        _local["sites"][site_id] = site
    return _request_copy(site)


def known_site(hostname):
    """(site, version) from this process's map without asking the shared cache, or None when
    the map is not built or the host's Site not loaded yet. The caller must check `version`
    against the shared VERSION_KEY in the same cache read as whatever it looks up with the
    site (the cached-page path does: one round trip for a hit); the Site is the map's own
    instance, to read and never to hand to a request."""
    if _local["map"] is None:
        return None
    site_id = _local["map"].get(hostname)
    site = _local["sites"].get(site_id) if site_id is not None else None
    return (site, _local["version"]) if site is not None else None


def _rebuild(version):
    _local["map"] = _build_map()
    _local["sites"] = {}
    _local["version"] = version
    _local["built_at"] = time.monotonic()


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
    _local["sites"] = {}
