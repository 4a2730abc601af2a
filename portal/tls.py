"""Caddy's on-demand TLS asks before getting a certificate for a new host name: only the
office's domain and the hosts of schools that exist get one, so a stranger's Host header
cannot make the proxy request certificates for arbitrary names."""

from django.http import HttpResponse, HttpResponseNotFound
from django.views.decorators.cache import never_cache

from tenants.hosts import site_for_hostname


@never_cache
def certificate_allowed(request):
    domain = request.GET.get("domain", "").strip().lower()
    if domain and site_for_hostname(domain) is not None:
        return HttpResponse("ok", content_type="text/plain")
    return HttpResponseNotFound("unknown host", content_type="text/plain")
