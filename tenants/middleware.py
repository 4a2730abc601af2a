import base64
import hashlib
import re

from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponseRedirect
from django.http.request import split_domain_port
from django.template import loader

from .hosts import site_for_hostname
from .models import site_root_url

# Paths that answer on any allowed host (the container health check has no school host).
HOST_INDEPENDENT = ("/healthz",)


class SiteByHostMiddleware:
    """Resolve the Wagtail Site from the exact Host; unknown hosts get a 404, never a fallback."""

    def __init__(self, get_response):
        self.get_response = get_response
        from .isolation.public import install_safe_slugurl

        # Before any template is compiled: {% slugurl %} must not reach other sites.
        install_safe_slugurl()

    def __call__(self, request):
        if request.path.startswith(HOST_INDEPENDENT):
            return self.get_response(request)
        # Raw host: an unknown host must get 404 here, before any ALLOWED_HOSTS 400 page.
        hostname = split_domain_port(request._get_raw_host())[0].lower()
        site = site_for_hostname(hostname)
        if site is None:
            body = loader.render_to_string("unknown_host.html", {"hostname": hostname})
            return HttpResponseNotFound(body)
        request._wagtail_site = site
        # One admin address: a school host sends editors to the office host's /admin/.
        if request.path.startswith("/admin/") and hostname != settings.PORTAL_DOMAIN:
            return HttpResponseRedirect(
                site_root_url(settings.PORTAL_DOMAIN) + request.get_full_path()
            )
        return self.get_response(request)


class AdminIsolationMiddleware:
    """Tenant guard for the admin: checks every id a Wagtail admin route names against the
    user's scope, forbids screens that span all tenants, and swaps listing views that Wagtail
    does not filter by tenant for scoped subclasses (see tenants/isolation/)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith("/admin/"):
            return None
        from .isolation.guards import check_request
        from .isolation.views import substitute_view

        match = request.resolver_match
        if match is None:
            return None
        check_request(request, match, view_func, view_kwargs)
        replacement = substitute_view(request, match, view_func)
        if replacement is not None:
            return replacement(request, *view_args, **view_kwargs)
        return None


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy on every HTML response: strict on public pages (no inline
    script at all; the inline <style> blocks the templates need, such as each site's brand
    colours, allowed by their hashes, computed per response so cached pages carry theirs), and
    looser under /admin/, where Wagtail's editor still needs inline scripts and styles."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Content-Security-Policy") or response.streaming:
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        if request.path.startswith("/admin/"):
            response["Content-Security-Policy"] = settings.PORTAL_CSP_ADMIN
        else:
            response["Content-Security-Policy"] = public_policy(response.content)
        return response


INLINE_STYLE = re.compile(rb"<style(?:\s[^>]*)?>(.*?)</style>", re.DOTALL | re.IGNORECASE)


def public_policy(content):
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in INLINE_STYLE.findall(content)
    }
    return settings.PORTAL_CSP_PUBLIC.format(style_hashes=" ".join(sorted(hashes)))
