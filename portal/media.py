"""Uploaded images served by the app itself, for a deployment without a proxy in front
(`docker run` of the image alone). With the compose file Caddy serves the same paths from the
shared volume and this route is never reached.

Only images: documents are always served through Wagtail's view (WAGTAILDOCS_SERVE_METHOD =
"serve_view"), which checks privacy and the school the document belongs to, so their files
must never be reachable by a plain media URL."""

from django.conf import settings
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve

PUBLIC_MEDIA_DIRS = ("images", "original_images")
# Rendition and original file names change when the image changes: caching a day is safe.
MAX_AGE = 86400


def serve_public_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def media_urlpatterns():
    prefix = settings.MEDIA_URL.lstrip("/")
    dirs = "|".join(PUBLIC_MEDIA_DIRS)
    return [
        re_path(
            rf"^{prefix}(?P<path>(?:{dirs})/[^\x00]+)$",
            serve_public_media,
            name="portal_public_media",
        )
    ]
