"""Settings shared by every environment; dev, test and production refine them."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False

# Every school answers on <slug>.<PORTAL_DOMAIN>; the office site on PORTAL_DOMAIN itself.
PORTAL_DOMAIN = os.environ.get("PORTAL_DOMAIN", "localhost")
# Port written into generated site URLs (80 in production behind a proxy, 8000 in development).
PORTAL_PORT = int(os.environ.get("PORTAL_PORT", "80"))
PORTAL_SCHEME = os.environ.get("PORTAL_SCHEME", "http")

ALLOWED_HOSTS = [PORTAL_DOMAIN, "." + PORTAL_DOMAIN]

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "demo",
    "subscriptions",
    "audit",
    "mandates",
    "regulations",
    "page_types",
    "tenants",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    # Background tasks: the platform layer (queue, retries, scheduler) and the database backend.
    "portal",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: a cached public page for an anonymous reader, in one cache round trip, before
    # anything else; a shareable miss is stored on its way out with every header the stack
    # below gave it (page_types/cache.py says when it steps aside).
    "page_types.cache.CachedPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside everything but security: every HTML response, cached pages included.
    "tenants.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tenants.middleware.SiteByHostMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "tenants.middleware.AdminIsolationMiddleware",
    # Last, as django-axes asks: it turns a flagged lockout into our Vietnamese response.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (tenants.middleware) ----------------------------------------------
# Public pages: no inline script; inline <style> only by hash; embeds (videos, maps) in iframes
# from HTTPS providers; images may come from the media host or embeds' thumbnails.
PORTAL_CSP_PUBLIC = (
    "default-src 'self'; script-src 'self'; style-src 'self' {style_hashes}; "
    "img-src 'self' data: https:; font-src 'self' data:; frame-src 'self' https:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
# The admin: Wagtail's editor (Draftail, StreamField, previews) still injects inline scripts
# and styles, and previews pages in a same-origin iframe.
PORTAL_CSP_ADMIN = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
    "font-src 'self' data:; frame-src 'self' https:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "page_types.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection broken by a database restart is replaced on the next request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite waits instead of failing when the dev server and a command write at once; WAL
    # lets the dev server read while the task worker and the scheduler write.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL;"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The app serves uploaded images itself (portal/media.py) unless a proxy or S3 does.
PORTAL_SERVE_MEDIA = env_bool("PORTAL_SERVE_MEDIA", True)

# Cache and sessions ---------------------------------------------------------------------------
# The page cache, the host map's version and the generation tokens must be shared by every
# process serving the site (production.py refuses a per-process cache). Local memory is for
# one development process only.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal",
    }
}
REDIS_URL = os.environ.get("REDIS_URL")
# A Redis that does not answer within these is treated as down (see portal/cache_backends.py).
REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0, "RETRY_AFTER": 5}
if REDIS_URL:
    CACHES["default"] = {
        # Redis unreachable = cache misses, never a 500.
        "BACKEND": "portal.cache_backends.FaultTolerantRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "portal",
        "OPTIONS": REDIS_OPTIONS,
    }
    # Sessions read from the cache and are kept in the database: they survive Redis.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR networks, comma-separated),
# e.g. "10.0.0.0/8,127.0.0.1"; empty: the client is REMOTE_ADDR (page_types/client_ip.py).
PORTAL_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("PORTAL_TRUSTED_PROXIES", "").split(",") if p.strip()
]

# Parents' e-mail subscriptions: messages per task run (the rest go in the next run) and the
# pause between two messages, so a big school's list does not flood the mail server.
SUBSCRIPTIONS_MAX_PER_RUN = int(os.environ.get("SUBSCRIPTIONS_MAX_PER_RUN", "500"))
SUBSCRIPTIONS_SEND_INTERVAL = float(os.environ.get("SUBSCRIPTIONS_SEND_INTERVAL", "0"))
# An address never confirmed is erased this many days after its last confirmation request
# (decree 13/2023: no personal data kept without consent; the link itself expires after 48 h).
SUBSCRIPTIONS_UNCONFIRMED_DAYS = int(os.environ.get("SUBSCRIPTIONS_UNCONFIRMED_DAYS", "7"))

# Anonymous readers get cached pages; a publish in a school bumps that school's generation.
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "600"))

# Wagtail
WAGTAIL_SITE_NAME = "Cổng thông tin trường học"


def origin(scheme, host, port):
    """scheme://host[:port], the port only when it is not the scheme's default."""
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{host}" + ("" if int(port) == default else f":{port}")


# Links in e-mails (password reset, approval notices) must carry the real port.
WAGTAILADMIN_BASE_URL = origin(PORTAL_SCHEME, PORTAL_DOMAIN, PORTAL_PORT)
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars come from the user's uploaded picture or Wagtail's default: asking gravatar.com would send a hash
# of every teacher's e-mail address abroad on each admin page (and shows a broken image offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Uploads: only the formats schools really publish; sizes capped.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
# Wagtail's own field enforces it too, so the multiple uploader refuses big files before sending.
WAGTAILDOCS_MAX_UPLOAD_SIZE = PORTAL_DOCUMENT_MAX_UPLOAD_SIZE
# Extension, size and real content checks with Vietnamese messages; image alt text required.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "page_types.forms.PortalDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "page_types.forms.PortalImageForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "avif": "webp", "heic": "jpeg"}
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Which builder fills a new school's site: tenants knows nothing about page models.
PORTAL_SITE_BUILDER = "page_types.blueprint.build_school_site"
PORTAL_OFFICE_SITE_BUILDER = "page_types.blueprint.build_office_site"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"no-reply@{PORTAL_DOMAIN}")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks and the scheduler ------------------------------------------------------
# One database backend everywhere (PostgreSQL in production, SQLite in development): a task is a
# row written in the same transaction as the work that asked for it; `db_worker` runs them.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        # Other queues are for apps that want a worker of their own (e.g. bulk e-mail).
        "QUEUES": ["default", "mail", "bulk"],
    }
}
# A failed task is run again, at most this many attempts in all, waiting
# PORTAL_TASK_RETRY_SECONDS × 2^(attempt-1) between them (see portal/tasks.py).
PORTAL_TASK_MAX_ATTEMPTS = int(os.environ.get("PORTAL_TASK_MAX_ATTEMPTS", "5"))
PORTAL_TASK_RETRY_SECONDS = int(os.environ.get("PORTAL_TASK_RETRY_SECONDS", "30"))
# A task RUNNING for longer than this is taken as lost with its worker (killed, out of memory) and
# queued again by the `requeue_stale_tasks` job (portal/tasks.py): keep it above the longest task.
PORTAL_TASK_STALE_SECONDS = int(os.environ.get("PORTAL_TASK_STALE_SECONDS", "1800"))
# Tasks are enqueued once the transaction that asked for them commits (never for a rollback).
PORTAL_TASKS_AFTER_COMMIT = True
# Finished task rows and scheduler claims are kept this long, then pruned (daily job).
PORTAL_TASK_RETENTION_DAYS = int(os.environ.get("PORTAL_TASK_RETENTION_DAYS", "14"))
# The periodic jobs run by `manage.py run_scheduler` (one claim per job and period, however many
# schedulers run). `every` is minutes; `daily`/`weekly` are local times (Asia/Ho_Chi_Minh);
# `every_seconds` (periods of a few seconds, aligned on the local day) is for tests of the
# scheduler's processes (tests/portal/test_real_processes.py).
PORTAL_SCHEDULE = [
    {"name": "publish_scheduled", "task": "portal.jobs.publish_scheduled", "every": 1},
    {"name": "ledger_catch_up", "task": "audit.background.catch_up_ledger", "every": 5},
    {"name": "requeue_stale_tasks", "task": "portal.jobs.requeue_stale_tasks", "every": 5},
    {"name": "audit_warm", "task": "audit.background.warm_dashboard", "daily": "00:05"},
    # Opens the school years whose opening day (1 August by default, set by the office) has come.
    {
        "name": "open_school_year",
        "task": "regulations.tasks.open_due_school_years_task",
        "daily": "01:00",
    },
    {"name": "prune_tasks", "task": "portal.jobs.prune", "daily": "03:00"},
    # Approvers of schools that have not done a directive due in two days.
    {
        "name": "directive_reminders",
        "task": "mandates.notifications.remind_directives_due",
        "daily": "07:00",
    },
    {
        "name": "send_reminders",
        "task": "audit.background.send_weekly_reminders",
        "weekly": "mon 07:00",
    },
    {
        "name": "purge_unconfirmed_subscribers",
        "task": "subscriptions.tasks.purge_unconfirmed",
        "daily": "02:00",
    },
    {
        "name": "send_digests",
        "task": "subscriptions.tasks.send_weekly_digests",
        "weekly": "mon 06:30",
    },
]

LOGIN_URL = "wagtailadmin_login"

SESSION_COOKIE_NAME = "portal_session"
CSRF_COOKIE_NAME = "portal_csrftoken"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

WAGTAILADMIN_USER_LOGIN_FORM = "tenants.forms.PortalLoginForm"

# Login throttling (django-axes): AxesStandaloneBackend first refuses a locked-out
# username+IP before the password is checked; Django's ModelBackend does the rest.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = True
# The database handler keeps attempts in AccessAttempt: same on SQLite and PostgreSQL,
# shared by every app server.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# By username and IP together: a school's shared office IP must not lock out its colleagues.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tenants.lockout.lockout_response"
# Django's admin is not mounted; Wagtail has no screen for these records (superusers use axes_* commands).
AXES_ENABLE_ADMIN = False
# Superusers are the platform team, not reviewers of every school's posts; approvers get our own notice.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
