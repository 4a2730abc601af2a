"""Wagtail's site root paths, read once per request and looked up by prefix.

Wagtail reads the list of every site's root path from the cache on each URL it builds without
a request (the explorer builds three per row) and then tests every site against the page's
URL path. A province has 3,500 sites: an explorer page unpickled and scanned 500,000 tuples.
Here the list is kept for the duration of the request (outside requests: Wagtail's behaviour)
and a page's sites are found by looking up each prefix of its URL path: the same sites in the
same order ("most specific first"), whatever the number of sites.

Installed from `TenantsConfig.ready`."""

import threading

from django.core.signals import request_finished, request_started
from wagtail.models import Page, Site

_request = threading.local()
_wagtail_get = Site.get_site_root_paths
_wagtail_clear = Site.clear_site_root_paths_cache


class RootPaths(list):
    """Wagtail's list of `SiteRootPath`, with an index by root path built on first lookup."""

    _index = None

    def matching(self, url_path):
        if self._index is None:
            index = {}
            for position, item in enumerate(self):
                index.setdefault(item.root_path, []).append((position, item))
            self._index = index
        found = []
        end = url_path.find("/")
        while end != -1:
            found += self._index.get(url_path[: end + 1], ())
            end = url_path.find("/", end + 1)
        return tuple(item for _position, item in sorted(found, key=lambda pair: pair[0]))


def get_site_root_paths():
    if not getattr(_request, "active", False):
        return RootPaths(_wagtail_get())
    if getattr(_request, "paths", None) is None:
        _request.paths = RootPaths(_wagtail_get())
    return _request.paths


def clear_site_root_paths_cache():
    _request.paths = None
    _wagtail_clear()


def relevant_site_root_paths(self, cache_object=None):
    paths = self._get_site_root_paths(cache_object)
    if isinstance(paths, RootPaths):
        return paths.matching(self.url_path or "")
    return tuple(srp for srp in paths if self.url_path.startswith(srp.root_path))


def _started(**kwargs):
    _request.active, _request.paths = True, None


def _finished(**kwargs):
    _request.active, _request.paths = False, None


def install():
    Site.get_site_root_paths = staticmethod(get_site_root_paths)
    Site.clear_site_root_paths_cache = staticmethod(clear_site_root_paths_cache)
    Page._get_relevant_site_root_paths = relevant_site_root_paths
    request_started.connect(_started, dispatch_uid="portal-site-root-paths-started")
    request_finished.connect(_finished, dispatch_uid="portal-site-root-paths-finished")
