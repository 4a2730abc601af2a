"""Production: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import PORTAL_DOMAIN, env_bool, origin

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")

DEBUG = False
_hosts = os.environ.get("ALLOWED_HOSTS", "")
ALLOWED_HOSTS = [h.strip() for h in _hosts.split(",") if h.strip()] or [
    PORTAL_DOMAIN,
    "." + PORTAL_DOMAIN,
]
# The container's health check calls /healthz on loopback; host routing still 404s any other path there.
ALLOWED_HOSTS += ["127.0.0.1", "localhost"]

PORTAL_SCHEME = os.environ.get("PORTAL_SCHEME", "https")
PORTAL_PORT = int(os.environ.get("PORTAL_PORT", "443" if PORTAL_SCHEME == "https" else "80"))
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", origin(PORTAL_SCHEME, PORTAL_DOMAIN, PORTAL_PORT)
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: one for every process -----------------------------------------------------------------
# Without Redis the cache lives in the database (`manage.py createcachetable` once, the image
# does it on start): shared by every worker and server, so a purge reaches all of them.
if not REDIS_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "KEY_PREFIX": "portal",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":  # noqa: F405
    # Each worker would keep pages another one purged, and never see new schools' hosts.
    raise ImproperlyConfigured(
        "Production needs a cache shared by every process: set REDIS_URL, or use the "
        "database cache (the default without REDIS_URL)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# /healthz is probed over plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
CSRF_TRUSTED_ORIGINS = [
    origin(PORTAL_SCHEME, PORTAL_DOMAIN, PORTAL_PORT),
    origin(PORTAL_SCHEME, "*." + PORTAL_DOMAIN, PORTAL_PORT),
]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# For the file-based backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview shows the page in a same-origin iframe: SAMEORIGIN is required.
    "security.W019",
    # HSTS preload commits the whole domain for months: the operator opts in with SECURE_HSTS_PRELOAD.
    "security.W021",
]
