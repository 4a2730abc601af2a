import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

django_application = get_wsgi_application()

# Cached public pages are answered before Django's handler (page_types/cache.py).
from page_types.cache import wsgi_entrance  # noqa: E402 - needs the settings set up above

application = wsgi_entrance(django_application)
