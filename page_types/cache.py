"""Anonymous full-page cache around Wagtail's serve view.

A parent opening a school's page gets a copy rendered for everyone, without touching the
database. Keys carry the site's cache generation (signals.py), so a publish, unpublish, move or
delete in a school makes that school's pages (and the office site's) stale at once and leaves
other schools' cached pages alone. Entries expire after PUBLIC_PAGE_CACHE_SECONDS anyway.

The cache must be shared by every process serving the site (Redis or the database cache, see
portal/settings and the README): a per-process cache would keep a copy another process purged."""

import functools
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils import timezone
from wagtail import views as wagtail_views

from tenants import hosts

from .signals import GENERATION_KEY, cache_generations, site_generation_paths

logger = logging.getLogger(__name__)

# The stored value is (generations, (status, reason, headers, content)): the response as the
# whole middleware stack sent it (security and policy headers, Vary, X-Frame-Options,
# Content-Length), so a hit replays it without building anything. A copy stored under other
# generations than the current ones is stale. Reading the generations and the page in one
# get_many makes a hit one cache round trip (bench/public_pages).
PAGE_KEY = "portal:page:{site}:{today}:{headers}:{url}"
# Settings that shape the headers a stored copy carries: a deploy changing one of them must not
# replay the old headers (the copies outlive the processes that stored them, in Redis).
HEADER_SETTINGS = (
    "MIDDLEWARE",
    "PORTAL_CSP_PUBLIC",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_SSL_REDIRECT",
    "X_FRAME_OPTIONS",
)
# Paths asked of the URL resolver, remembered (a hit would otherwise walk every admin pattern
# before Wagtail's catch-all); bounded in number and length, so random paths cannot grow it.
RESOLVED_PATHS = 4096
REMEMBERED_PATH_LENGTH = 300


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


@functools.cache
def _headers_token():
    values = repr([getattr(settings, name, None) for name in HEADER_SETTINGS])
    return hashlib.md5(values.encode(), usedforsecurity=False).hexdigest()[:8]


def _serves_pages(path_info):
    """Whether the path is one the page-serving view answers (the URL patterns are fixed for
    the life of the process)."""
    if len(path_info) > REMEMBERED_PATH_LENGTH:
        return _resolves_to_serve(path_info)
    return _remembered_serves_pages(path_info)


def _resolves_to_serve(path_info):
    try:
        return resolve(path_info).url_name == "wagtail_serve"
    except Resolver404:
        return False


_remembered_serves_pages = functools.lru_cache(maxsize=RESOLVED_PATHS)(_resolves_to_serve)


def _forget_settings(*, setting, **kwargs):
    if setting in HEADER_SETTINGS:
        _headers_token.cache_clear()
    if setting == "ROOT_URLCONF":
        _remembered_serves_pages.cache_clear()


setting_changed.connect(_forget_settings, dispatch_uid="page-cache-settings")


def cache_key(request):
    site = getattr(request, "_wagtail_site", None)
    if site is None or site.root_page_id is None:
        return None
    return _key_for(site, request)


def _key_for(site, request):
    paths = site_generation_paths(site, site.hostname == settings.PORTAL_DOMAIN)
    # The scheme is in the key: a copy exists only for what the whole stack once answered with
    # the page (a plain-http request that SecurityMiddleware redirects never stores one).
    url = hashlib.md5(
        f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode(),
        usedforsecurity=False,
    ).hexdigest()
    # Today's date is part of the key: urgent banners end at midnight.
    key = PAGE_KEY.format(
        site=site.pk,
        today=timezone.localdate().isoformat(),
        headers=_headers_token(),
        url=url,
    )
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


def _response(stored):
    status, reason, headers, content = stored
    return HttpResponse(content, status=status, reason=reason, headers=dict(headers))


def serve(request, path):
    """Wagtail's serve view, with the anonymous page cache in front of it. A shareable
    response is stored by CachedPageMiddleware (first in MIDDLEWARE) once every middleware
    has added its headers: what a hit replays is what this reader was sent."""
    ttl = _ttl()
    if ttl <= 0 or not request_is_cacheable(request):
        response = wagtail_views.serve(request, path)
        if ttl > 0:
            response["X-Cache"] = "BYPASS"
        return response

    keys = cache_key(request)
    gens, stored = lookup(*keys) if keys else (None, None)
    if stored is not None:
        return _response(stored)

    response = wagtail_views.serve(request, path)
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if keys and response_is_cacheable(request, response):
        request._page_cache_pending = (keys[1], gens, response, ttl)
        response["X-Cache"] = "MISS"
    else:
        response["X-Cache"] = "BYPASS"
    return response


def stored_response(request):
    """The stored copy (status, reason, headers, content) to send this request, or None.

    The one decision of both ways in (CachedPageMiddleware, wsgi_entrance). None unless
    everything holds: the page cache is on; the request is a GET or HEAD without a session,
    messages or Authorization header; its path is one the page-serving view answers; this
    process's host map knows the host and its Site and is still current (the version read in
    the same get_many as the page); the copy was stored under the current generations. Only
    the serve view marks copies to store, and only for anonymous readers of public pages, so
    nothing replayed here was rendered for a session or behind a restriction."""
    if _ttl() <= 0 or not request_is_cacheable(request):
        return None
    if not _serves_pages(request.path_info):
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
    return stored[1]


def _store(request, response):
    pending = getattr(request, "_page_cache_pending", None)
    if pending is None:
        return
    key, gens, rendered, ttl = pending
    # The response the serve view judged shareable, as the whole stack shaped it: not one a
    # middleware replaced, and none that sets a cookie on the way out.
    if (
        response is not rendered
        or response.status_code != 200
        or response.streaming
        or response.cookies
    ):
        return
    headers = tuple(
        (name, "HIT" if name == "X-Cache" else value) for name, value in response.items()
    )
    stored = (response.status_code, response.reason_phrase, headers, response.content)
    cache.set(key, (gens, stored), ttl)


class CachedPageMiddleware:
    """First in MIDDLEWARE: a hit is answered before anything else runs (one cache round trip:
    the host map's version, the site's generations and the page in one get_many), and a miss
    the serve view found shareable is stored on its way out, with every header the stack gave
    it. The request goes on through the whole stack whenever `stored_response` says no."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        stored = stored_response(request)
        if stored is not None:
            return _response(stored)
        response = self.get_response(request)
        _store(request, response)
        return response


def wsgi_entrance(application):
    """The same hits, answered before Django builds its handler's request and response: the
    WSGI application of portal/wsgi.py. A hit costs one request object (for the very checks the
    middleware makes), one get_many and the stored bytes; anything else, and any error in the
    checks, goes to Django's application, whose stack decides (and stores) as always."""

    def serve_cached(environ, start_response):
        try:
            stored = stored_response(WSGIRequest(environ))
        except Exception:
            logger.exception("Page cache entrance failed; serving through Django")
            stored = None
        if stored is None:
            return application(environ, start_response)
        status, reason, headers, content = stored
        start_response(f"{status} {reason}", list(headers))
        return [content]

    return serve_cached
