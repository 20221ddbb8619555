"""Settings for Dân Vận, read from DANVAN_* environment variables.

Defaults give a working single-PC install: SQLite under ``var/`` beside the
project (or ``DANVAN_DATA_DIR``), Vietnamese, Asia/Ho_Chi_Minh.
"""

import gettext
import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent


def _env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("DANVAN_DATA_DIR", BASE_DIR / "var")).resolve()
for _directory in (DATA_DIR, DATA_DIR / "static", DATA_DIR / "media"):
    _directory.mkdir(parents=True, exist_ok=True)
DEBUG = _env_bool("DANVAN_DEBUG", False)
DEVELOPMENT = DEBUG or _env_bool("DANVAN_DEV", False)


def _development_key(path):
    """A random key made on a development PC's first run and kept, so sessions survive restarts."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="ascii").strip()


def _secret_key():
    key = os.environ.get("DANVAN_SECRET_KEY", "").strip()
    if key:
        return key
    if DEVELOPMENT:
        return _development_key(DATA_DIR / "secret_key")
    # Django's translation machinery needs these settings, so the operator's message is
    # read from the compiled catalogue directly (Vietnamese is the default language).
    catalogue = gettext.translation("django", PACKAGE_DIR / "locale", languages=["vi"], fallback=True)
    raise ImproperlyConfigured(catalogue.gettext(
        "DANVAN_SECRET_KEY is not set. Set it to a random string of at least 50 characters, e.g. the output of "
        "python3 -c \"import secrets; print(secrets.token_urlsafe(50))\". On a development or demo PC set "
        "DANVAN_DEV=1 instead: a key is then made and kept in the data folder."
    ))


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DANVAN_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]


def _trusted_proxies():
    """DANVAN_TRUSTED_PROXIES: comma-separated addresses or networks (``10.0.0.5,172.16.0.0/12``) of the reverse
    proxies in front of the server. Only a request coming from one of them has its X-Forwarded-For read."""
    import ipaddress

    entries = [entry.strip() for entry in os.environ.get("DANVAN_TRUSTED_PROXIES", "").split(",") if entry.strip()]
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"DANVAN_TRUSTED_PROXIES: {entry!r} is not an IP address or network.") from None
    return entries


DANVAN_TRUSTED_PROXIES = _trusted_proxies()

CACHE_TABLE = "danvan_cache"


def _redis_installed():
    try:
        import redis  # noqa: F401
    except ImportError:
        return False
    return True


def cache_settings(url):
    """DANVAN_CACHE_URL, Django's built-in backends only: empty, each process's memory (LocMemCache); ``db://``,
    the database's table ``danvan_cache`` (DatabaseCache, created by ``danvan migrate`` and ``danvan serve``), shared
    by every process on that database; ``redis://…`` (RedisCache) when the ``redis`` package is installed."""
    url = url.strip()
    if not url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    if url == "db://":
        return {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}}
    if url.startswith(("redis://", "rediss://")):
        if not _redis_installed():
            raise ImproperlyConfigured("DANVAN_CACHE_URL: redis:// needs the redis package (pip install redis); db:// needs nothing more.")
        return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    offered = "empty, db://" + (" or redis://host:6379/0" if _redis_installed() else "")
    raise ImproperlyConfigured(f"DANVAN_CACHE_URL: {url!r} is not a cache this server offers ({offered}).")


# The rate limit of the public pages counts in this cache: several processes or servers need a shared one.
CACHES = cache_settings(os.environ.get("DANVAN_CACHE_URL", ""))

INSTALLED_APPS = [
    "danvan.core.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "auditlog",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "danvan.core",
    "danvan.accounts",
    "danvan.units",
    "danvan.organizations",
    "danvan.people",
    "danvan.movement",
    "danvan.awards",
    "danvan.directives",
    "danvan.oversight",
    "danvan.engagement",
    "danvan.news",
    "danvan.reporting",
    "danvan.members",
    "danvan.api",
    "danvan.ingest",
    "danvan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "danvan.core.routers.ReplicaReadsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "danvan.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "danvan.core.middleware.NoStoreForAuthenticatedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "danvan.core.context_processors.navigation",
            ],
        },
    },
]

# Each server thread keeps its connection for ten minutes instead of opening one per request
# (1.3 ms on SQLite, 3.9 ms on PostgreSQL each time); the health check replaces a connection the
# database dropped (a restart) before a request uses it.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DANVAN_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'danvan.sqlite3'}",
        conn_max_age=int(os.environ.get("DANVAN_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer commits; foreign keys are enforced by
    # Django's SQLite backend itself. A writer waits up to 30 s for the one write lock: SQLite's
    # waiting is not a queue, and with 50 users writing on a busy machine an unlucky writer
    # waited past 5 s and failed with "database is locked" (bench/bench_load.py).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not memory: an in-memory database shared between threads locks whole tables instead of
    # waiting, and the tests that edit one record from two threads at once must see what production sees.
    # One file per test process, so that runs side by side do not share a database.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("DANVAN_TEST_SQLITE_NAME") or str(Path(tempfile.gettempdir()) / f"danvan-test-{os.getpid()}.sqlite3")
    }

# A PostgreSQL streaming replica takes the page reads (danvan.core.routers); writes, transactions and
# whoever wrote in the last seconds stay on the primary. Without DANVAN_DATABASE_REPLICA_URL all goes to it.
if os.environ.get("DANVAN_DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DANVAN_DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["danvan.core.routers.PrimaryReplicaRouter"]
DANVAN_REPLICA_PIN_SECONDS = int(os.environ.get("DANVAN_REPLICA_PIN_SECONDS", "5"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock an account+address after 5 failed logins for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Sessions end after 8 hours of work or when the browser closes. A session is written only
# when it changes: saving it on every request made every page view a write (on SQLite, a turn
# at the one write lock).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "danvan.core.views.csrf_failure"

# The empty choice of every list filter: "Tất cả", never django-filter's "---------".
FILTERS_EMPTY_CHOICE_LABEL = _("All")

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
# Counts are grouped where shown (humanize's intcomma gives "1.873"); never ids in links and attributes.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["danvan.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"
# No URL pattern serves MEDIA_URL: uploaded files are served only through scoped views.
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
# What an uploaded .docx/.xlsx may expand to and an image may decode to (danvan.core.uploads);
# checked from the ZIP's central directory before anything is parsed.
DANVAN_UPLOAD_LIMITS = {
    "max_uncompressed_megabytes": 200,
    "max_entry_megabytes": 100,
    "max_ratio": 100,
    "max_entries": 10_000,
    "max_image_megapixels": 40,
}

# An API token left unused this long expires (accounts/tokens.py).
API_TOKEN_IDLE_HOURS = float(os.environ.get("DANVAN_API_TOKEN_IDLE_HOURS", "8"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "danvan.accounts.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["danvan.core.permissions.RolePermission"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "danvan.core.schema.DanvanAutoSchema",
    "EXCEPTION_HANDLER": "danvan.core.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Dân Vận API",
    "DESCRIPTION": "REST API of Dân Vận: every record a person can reach in the web UI, with the same scoping.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Swagger UI draws only the groups of operations near the screen (27 groups): a box finds one by its name.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "filter": True},
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set, whatever the field is called, so clients get stable enum names.
    "ENUM_NAME_OVERRIDES": {
        "UnitLevelEnum": "danvan.core.choices.Level",
        "RecognitionLevelEnum": "danvan.movement.choices.RecognitionLevel",
        "HolderKindEnum": "danvan.core.choices.HolderKind",
        "InitiativeKindEnum": "danvan.movement.choices.InitiativeKind",
        "InitiativeStatusEnum": "danvan.movement.choices.Status",
        "AttachmentKindEnum": "danvan.movement.choices.AttachmentKind",
        "AppraisalOutcomeEnum": "danvan.movement.choices.AppraisalOutcome",
        "MissionKindEnum": "danvan.oversight.choices.MissionKind",
        "MeetingKindEnum": "danvan.oversight.choices.MeetingKind",
        "FollowUpKindEnum": "danvan.oversight.choices.FollowUpKind",
        "ObligationKindEnum": "danvan.directives.choices.ObligationKind",
        "DialogueKindEnum": "danvan.engagement.choices.DialogueKind",
        "OrganizationKindCategoryEnum": "danvan.organizations.choices.KindCategory",
    },
}

# Nghị định 13/2023/NĐ-CP, Điều 16: personal data is not kept longer than its purpose needs. A member who left
# every organisation this many years ago is anonymised by `danvan anonymise_members` (the counts stay).
MEMBERS_ANONYMISE_AFTER_YEARS = int(os.environ.get("DANVAN_ANONYMISE_AFTER_YEARS", "10"))
# Long work (bulk extraction, imports, reports) runs from a queue in the database:
# `danvan db_worker` runs it, and `danvan serve` starts a worker of its own.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A review-queue batch "running" with no file read for this long was left by a reader that died:
# it is marked stopped, for a person to retry (a file is read in seconds; uploads are size-bounded).
INGEST_STALLED_MINUTES = int(os.environ.get("DANVAN_INGEST_STALLED_MINUTES", "10"))
# What reading one PDF or scan may cost (danvan.ingest.extraction.limits): a longer PDF, more scanned pages,
# a page taking longer or a child process more memory is reported by name and the other files go on.
INGEST_READING_LIMITS = {
    "max_pdf_pages": 300,
    "text_layer_seconds": 90,
    "text_layer_megabytes": 512,
    "max_scanned_pages": 50,
    "ocr_dpi": 300,
    "page_seconds": 120,
    "file_seconds": 1800,
    "ocr_memory_megabytes": 1024,
}

# The daily digest of "Việc của tôi" (`danvan send_digest`) goes out through this SMTP server;
# without a host nothing is sent. DANVAN_EMAIL_TLS: "1" for STARTTLS (port 587), "ssl" for SMTPS (465).
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("DANVAN_EMAIL_HOST", "").strip()
EMAIL_PORT = int(os.environ.get("DANVAN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DANVAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DANVAN_EMAIL_PASSWORD", "")
EMAIL_USE_SSL = os.environ.get("DANVAN_EMAIL_TLS", "").strip().lower() == "ssl"
EMAIL_USE_TLS = not EMAIL_USE_SSL and _env_bool("DANVAN_EMAIL_TLS", False)
EMAIL_TIMEOUT = 30  # a mail server that stops answering must not hold the daily run for ever
DEFAULT_FROM_EMAIL = os.environ.get("DANVAN_EMAIL_FROM", "").strip() or "Dân Vận <danvan@localhost>"
# Links in mails must be absolute: the address people open the system at.
SITE_URL = os.environ.get("DANVAN_SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")

AUDITLOG_INCLUDE_ALL_MODELS = False
# loaddata (raw saves) brings records back as they were: no false "created" entries in the log.
AUDITLOG_DISABLE_ON_RAW_SAVE = True
AUDITLOG_DISABLE_REMOTE_ADDR = False

SECURE_CONTENT_TYPE_NOSNIFF = True
# Scripts and styles come only from our own static files: no inline code, no eval, nothing
# fetched elsewhere (the system runs offline). A template that truly needs an inline block
# gives it nonce="{{ request.csp_nonce }}".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF, csp.NONCE],
        "style-src": [csp.SELF, csp.NONCE],
        "img-src": [csp.SELF, "data:"],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and _env_bool("DANVAN_HTTPS", False):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Server errors reach the output through the root handler `danvan serve` (waitress) sets up.
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "danvan.security": {"handlers": ["console"], "level": "WARNING"},
        "axes": {"handlers": ["console"], "level": "WARNING"},
    },
}
