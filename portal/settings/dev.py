import os

from .base import *  # noqa: F403
from .base import MIDDLEWARE, PORTAL_DOMAIN

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
PORTAL_PORT = int(os.environ.get("PORTAL_PORT", "8000"))
ALLOWED_HOSTS = [PORTAL_DOMAIN, "." + PORTAL_DOMAIN, "127.0.0.1"]
WAGTAILADMIN_BASE_URL = f"http://{PORTAL_DOMAIN}:{PORTAL_PORT}"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Vietnamese 404/500 pages instead of Django's debug pages (tracebacks still on the console).
MIDDLEWARE = [*MIDDLEWARE, "page_types.error_pages.FriendlyErrorPagesMiddleware"]
