"""Exact host → Site resolution. Wagtail falls back to the default site for unknown hosts;
we never do, so a mistyped or hostile Host header cannot show another school's site."""

from django.core.cache import cache
from wagtail.models import Site

CACHE_KEY = "portal:site-hosts:v1"


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
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        mapping = _build_map()
        cache.set(CACHE_KEY, mapping, 3600)
    return mapping.get(hostname.lower())


def forget_hosts(**kwargs):
    cache.delete(CACHE_KEY)
