"""Anonymous full-page cache around Wagtail's serve view.

A parent opening a school's page gets a copy rendered for everyone, without touching the
database. Keys carry the site's cache generation (signals.py), so a publish, unpublish, move or
delete in a school makes that school's pages (and the office site's) stale at once and leaves
other schools' cached pages alone. Entries expire after PUBLIC_PAGE_CACHE_SECONDS anyway.

The cache must be shared by every process serving the site (Redis or the database cache, see
portal/settings and the README): a per-process cache would keep a copy another process purged."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from wagtail import views as wagtail_views

from .signals import GENERATION_KEY, cache_generations, site_generation_paths

# The stored value is (generations, response): a copy stored under other generations than the
# current ones is stale. Reading the generations and the page in one get_many makes a hit one
# cache round trip instead of two (bench/public_pages).
PAGE_KEY = "portal:page:{site}:{today}:{url}"
# Headers worth replaying from a stored response; everything else is per-request.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")


def _ttl():
    return int(getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 0) or 0)


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    # Logged-in users (and anyone with a session, e.g. past a password-protected page) and
    # readers with pending flash messages get a fresh page.
    if settings.SESSION_COOKIE_NAME in cookies:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def cache_key(request):
    site = getattr(request, "_wagtail_site", None)
    if site is None or site.root_page_id is None:
        return None
    paths = site_generation_paths(site, site.hostname == settings.PORTAL_DOMAIN)
    url = hashlib.md5(
        (request.get_host() + request.get_full_path()).encode(), usedforsecurity=False
    ).hexdigest()
    # Today's date is part of the key: urgent banners end at midnight.
    key = PAGE_KEY.format(site=site.pk, today=timezone.localdate().isoformat(), url=url)
    return paths, key


def lookup(paths, key):
    """The current generation tokens and the stored response if it was stored under them.

    A hit is one cache round trip (the tokens and the page in one get_many). A missing token
    is made anew (signals.cache_generations), so nothing stored before it was lost matches."""
    gen_keys = [GENERATION_KEY.format(root=p) for p in paths]
    found = cache.get_many([*gen_keys, key])
    if all(k in found for k in gen_keys):
        gens = [found[k] for k in gen_keys]
    else:
        gens = cache_generations(*paths)
    stored = found.get(key)
    return gens, (stored[1] if stored is not None and stored[0] == gens else None)


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Cache-Control") and (
        "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    ):
        return False
    # A page that rendered a CSRF token (any form) must not be shared between visitors.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    page = getattr(request, "_wagtail_route_for_request", None)
    if page:
        from .models import ContactPage

        if isinstance(page[0], ContactPage):
            return False
        # A page under a password, login or group restriction is never shared, even when
        # this reader was let in.
        if page[0].get_view_restrictions().exists():
            return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified)


def _replay(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    response["X-Cache"] = "HIT"
    return response


def serve(request, path):
    """Wagtail's serve view, with the anonymous page cache in front of it."""
    ttl = _ttl()
    if ttl <= 0 or not request_is_cacheable(request):
        response = wagtail_views.serve(request, path)
        if ttl > 0:
            response["X-Cache"] = "BYPASS"
        return response

    keys = cache_key(request)
    gens, stored = lookup(*keys) if keys else (None, None)
    if stored is not None:
        return _replay(stored)

    response = wagtail_views.serve(request, path)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if keys and response_is_cacheable(request, response):
        headers = {h: response[h] for h in KEPT_HEADERS if response.has_header(h)}
        cache.set(keys[1], (gens, (response.status_code, headers, response.content)), ttl)
        response["X-Cache"] = "MISS"
    else:
        response["X-Cache"] = "BYPASS"
    return response
