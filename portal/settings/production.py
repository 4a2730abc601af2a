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
# Names other containers use to reach the app (compose: the proxy's TLS check calls "web").
ALLOWED_HOSTS += [h.strip() for h in os.environ.get("INTERNAL_HOSTS", "").split(",") if h.strip()]

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

# --- Media on S3-compatible storage (optional) ------------------------------------------------
# Set AWS_STORAGE_BUCKET_NAME to keep uploads in a bucket (AWS S3, MinIO, Viettel/FPT/CMC object
# storage…) instead of MEDIA_ROOT; needs `pip install boto3` (the `s3` extra). Images are linked
# directly (the bucket, or AWS_S3_CUSTOM_DOMAIN, must let anyone read `media/images/*` and
# `media/original_images/*`); documents stay private in the bucket: Wagtail's view streams them.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 from the environment.
    PORTAL_SERVE_MEDIA = False

# --- Frontend cache (CDN) invalidation (optional) ---------------------------------------------
# With a CDN in front, Wagtail purges a page's URLs when it is published or unpublished (the
# purge runs on the task worker). FRONTEND_CACHE = cloudflare | cloudfront | http.
_frontend_cache = os.environ.get("FRONTEND_CACHE", "")
if _frontend_cache:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    if _frontend_cache == "cloudflare":
        _backend = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
        }
    elif _frontend_cache == "cloudfront":
        _backend = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
        }
    elif _frontend_cache == "http":
        # Varnish, nginx or Squid accepting PURGE requests at this address.
        _backend = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_LOCATION"],
        }
    else:
        raise ImproperlyConfigured(
            "FRONTEND_CACHE must be cloudflare, cloudfront or http (or unset)."
        )
    WAGTAILFRONTENDCACHE = {"default": _backend}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# /healthz is probed over plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/tls)?$"]
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
if os.environ.get("EMAIL_FILE_PATH"):
    # With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: one file per message
    # (the rehearsal reads what the worker sent).
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]

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
