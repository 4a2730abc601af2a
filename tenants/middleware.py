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
