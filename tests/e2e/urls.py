"""The portal's URLs plus uploaded media, which the live server does not serve by itself."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as portal_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: each test points it at its own temporary folder.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *portal_urlpatterns]
