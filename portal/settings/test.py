import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
PORTAL_DOMAIN = "portal.test"
PORTAL_PORT = 80
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://portal.test"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if REDIS_URL:  # noqa: F405 - CI runs the suite against the real Redis
    # One Redis database per xdist worker: cache.clear() in one worker must not wipe another's.
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    CACHES = {
        "default": {
            "BACKEND": "portal.cache_backends.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL.rsplit("/", 1)[0] + f"/{15 - _worker}",  # noqa: F405
            "KEY_PREFIX": "portal-test",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
PUBLIC_PAGE_CACHE_SECONDS = 0

# Background tasks run in place (django-tasks' immediate backend): the suite's transactions never
# commit, so waiting for the commit would never run them. Tests of the database queue, the
# worker and the commit behaviour override these (tests/portal/).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "mail", "bulk"],
    }
}
PORTAL_TASKS_AFTER_COMMIT = False
