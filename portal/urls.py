from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from page_types import cache as page_cache
from page_types import discovery
from page_types.views import page_not_found, search, server_error
from portal.health import healthz
from portal.media import media_urlpatterns
from portal.tls import certificate_allowed
from tenants import page_passwords

# Wagtail's page paths, plus one optional final "<name>.svg" segment so a routable page can
# serve files such as the school directory's QR codes (qr/<code>.svg).
SERVE_PATTERN = r"^((?:[\w\-]+/)*(?:[\w\-]+\.svg)?)$"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Under /healthz: answered whatever the Host (the proxy asks on the internal network).
    path("healthz/tls", certificate_allowed, name="portal_tls_allowed"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", search, name="search"),
    path("sitemap.xml", discovery.sitemap, name="sitemap"),
    path("robots.txt", discovery.robots, name="robots"),
    path("favicon.ico", discovery.favicon, name="favicon"),
    path("feed/<slug:kind>.xml", discovery.section_feed, name="section_feed"),
    path("dang-ky-nhan-tin/", include("subscriptions.urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
if settings.PORTAL_SERVE_MEDIA:
    # Public images when nothing in front serves /media/ (see portal/media.py).
    urlpatterns += media_urlpatterns()

# wagtail.urls, with the page-serving view wrapped in the anonymous page cache.
urlpatterns += [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        # Wagtail's view, limited like logins (wrong passwords per IP address and page).
        page_passwords.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "_util/login/",
        auth_views.LoginView.as_view(
            template_name=getattr(
                settings, "WAGTAIL_FRONTEND_LOGIN_TEMPLATE", "wagtailcore/login.html"
            )
        ),
        name="wagtailcore_login",
    ),
    re_path(SERVE_PATTERN, page_cache.serve, name="wagtail_serve"),
]

handler404 = page_not_found
handler500 = server_error
