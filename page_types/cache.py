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
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from wagtail import views as wagtail_views

from tenants import hosts

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
    # Credentials of any other kind (HTTP authentication in front of a staging site).
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def cache_key(request):
    site = getattr(request, "_wagtail_site", None)
    if site is None or site.root_page_id is None:
        return None
    return _key_for(site, request)


def _key_for(site, request):
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


class CachedPageMiddleware:
    """Serve an anonymous reader's cached page before the session, CSRF, authentication and
    messages machinery, in one cache round trip: the host map's version, the site's generations
    and the page in one get_many (bench/public_pages: the round trips are a hit's cost).

    Steps aside (the request goes on through the whole stack, where `serve` may still hit)
    unless everything holds: the page cache is on; the request is a GET or HEAD without a
    session, messages or Authorization header; its path is one the page-serving view answers;
    this process's host map knows the host and its Site and is still current (the version read
    in the same get_many); the stored copy was stored under the current generations. Only the
    serve view stores copies, and only for anonymous readers of public pages, so nothing served
    here was rendered for a session or behind a restriction. The headers the skipped middleware
    would give such a response (Vary: Cookie, X-Frame-Options, Content-Length) are set here;
    the policy and security headers come from the middleware outside this one."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.frame_options = XFrameOptionsMiddleware(get_response)

    def __call__(self, request):
        response = self.cached_response(request)
        return response if response is not None else self.get_response(request)

    def cached_response(self, request):
        if _ttl() <= 0 or not request_is_cacheable(request):
            return None
        try:
            if resolve(request.path_info).url_name != "wagtail_serve":
                return None
        except Resolver404:
            return None
        known = hosts.known_site(split_domain_port(request._get_raw_host())[0].lower())
        if known is None:
            return None
        site, version = known
        try:
            paths, key = _key_for(site, request)
        except DisallowedHost:
            return None
        gen_keys = [GENERATION_KEY.format(root=p) for p in paths]
        found = cache.get_many([hosts.VERSION_KEY, *gen_keys, key])
        stored = found.get(key)
        if (
            stored is None
            or found.get(hosts.VERSION_KEY) != version
            or stored[0] != [found.get(k) for k in gen_keys]
        ):
            return None
        response = _replay(stored[1])
        patch_vary_headers(response, ("Cookie",))
        response["Content-Length"] = str(len(response.content))
        return self.frame_options.process_response(request, response)
