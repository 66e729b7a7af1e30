"""Django settings for Rødtråd, read from the environment (see README, "Configuration")."""

from __future__ import annotations

import importlib.util
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from roedtraad import config

BASE_DIR = Path(__file__).resolve().parent
PRODUCTION = config.is_production()
DATA_DIR = config.data_dir()

SECRET_KEY = config.secret_key()
DEBUG = config.flag("DEBUG", default=False)
ALLOWED_HOSTS = config.listing("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise config.ConfigError("ALLOWED_HOSTS is required when ROEDTRAAD_ENV=production")
CSRF_TRUSTED_ORIGINS = config.listing("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "roedtraad.org",
    "roedtraad.frameworks",
    "roedtraad.contracts",
    "roedtraad.followup",
    "roedtraad.checks",
    "roedtraad.review",
    "roedtraad.notifications",
    "roedtraad.reports",
    "roedtraad.exports",
    "roedtraad.accounts",
    "axes",
    "roedtraad.imports",
    "roedtraad.api",
    "roedtraad.web",
    "roedtraad.demo",
    "roedtraad.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "roedtraad.urls"
WSGI_APPLICATION = "roedtraad.wsgi.application"

# django-ninja's Swagger UI files and page, served from the installed package (never a CDN) without
# listing "ninja" as an app: that would import ninja and pydantic at every start, commands too.
NINJA_FILES = Path(importlib.util.find_spec("ninja").submodule_search_locations[0])  # type: ignore[union-attr,index]
STATICFILES_DIRS = [NINJA_FILES / "static"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [NINJA_FILES / "templates"],  # ninja's Swagger page (roedtraad.api.docs)
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "roedtraad.web.context.site",
            ],
        },
    },
]

DATABASES = {"default": config.database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Login (roedtraad/accounts): failed logins are throttled by django-axes, 5 per username and IP
# address in 15 minutes; single sign-on with OpenID Connect is on when OIDC_RP_CLIENT_ID is set.
AUTHENTICATION_BACKENDS = [
    "roedtraad.accounts.throttle.LoginThrottleBackend",
    "roedtraad.accounts.oidc.OIDCBackend",
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "roedtraad.accounts.throttle.locked_out"
AXES_CLIENT_IP_CALLABLE = "roedtraad.accounts.throttle.client_ip"
AXES_VERBOSE = False
OIDC = config.oidc()
OIDC_ENABLED = bool(OIDC)
globals().update(OIDC)
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_STORE_ACCESS_TOKEN = OIDC_STORE_ID_TOKEN = False

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production static files are served from the apps' folders, so no collectstatic step.
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = DATA_DIR / "media"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Importer limits (issue: importer); bytes.
ROEDTRAAD_MAX_UPLOAD_BYTES = config.integer("ROEDTRAAD_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = ROEDTRAAD_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# What reading one file may cost (core/ingest/limits.py): unpacked bytes, seconds and the
# address space of the child process that parses it. An upload larger than
# ROEDTRAAD_PARSE_IN_REQUEST_BYTES is parsed by the background worker, not in the request.
_MB = 1024 * 1024
ROEDTRAAD_PARSE_LIMITS = {
    "max_unpacked_bytes": config.integer("ROEDTRAAD_PARSE_MAX_UNPACKED_MB", 120) * _MB,
    "max_xml_bytes": config.integer("ROEDTRAAD_PARSE_MAX_XML_MB", 40) * _MB,
    "max_stream_bytes": config.integer("ROEDTRAAD_PARSE_MAX_STREAM_MB", 60) * _MB,
    "max_seconds": config.integer("ROEDTRAAD_PARSE_MAX_SECONDS", 20),
    "max_memory_bytes": config.integer("ROEDTRAAD_PARSE_MAX_MEMORY_MB", 1536) * _MB,
}
ROEDTRAAD_PARSE_IN_REQUEST_BYTES = config.integer("ROEDTRAAD_PARSE_IN_REQUEST_BYTES", 2 * _MB)

# Follow-up (docs: README "Settings"): measurement files, small-number suppression and the
# margins of "at risk" (followup.indicator_status, core.followup.forecast.Thresholds).
ROEDTRAAD_MEASUREMENT_MAX_BYTES = config.integer("ROEDTRAAD_MEASUREMENT_MAX_MB", 50) * _MB
ROEDTRAAD_MEASUREMENT_IN_REQUEST_BYTES = config.integer("ROEDTRAAD_MEASUREMENT_IN_REQUEST_BYTES", _MB)
ROEDTRAAD_SMALL_NUMBER_MIN = config.integer("ROEDTRAAD_SMALL_NUMBER_MIN", 5)
ROEDTRAAD_STATUS_AT_RISK_MARGIN = config.number("ROEDTRAAD_STATUS_AT_RISK_MARGIN", 0.3)
ROEDTRAAD_STATUS_RELATIVE_MARGIN = config.number("ROEDTRAAD_STATUS_RELATIVE_MARGIN", 0.05)

ROEDTRAAD_SITE_NAME = config.listing("ROEDTRAAD_SITE_NAME", ["Rødtråd"])[0]
ROEDTRAAD_ACCESSIBILITY_URL = config.listing("ROEDTRAAD_ACCESSIBILITY_URL", [""])[0]
ROEDTRAAD_PUBLIC_VIEW = config.flag("ROEDTRAAD_PUBLIC_VIEW", default=False)

# E-mail notifications (roedtraad/notifications): SMTP from EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
# EMAIL_HOST_PASSWORD and EMAIL_USE_TLS; without EMAIL_HOST the mails are written to the console.
# DEFAULT_FROM_EMAIL is the sender; the links in the mails start with ROEDTRAAD_BASE_URL.
globals().update(config.email())
ROEDTRAAD_BASE_URL = config.base_url()

# Rendered read pages per user, kept in each app server's memory until the data changes
# (roedtraad/web/pagecache.py); a shared cache is not needed because the key comes from the database.
ROEDTRAAD_PAGE_CACHE = config.flag("ROEDTRAAD_PAGE_CACHE", default=True)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"}}
# Kept read pages (web/pagecache.py), in each app server's memory: bounded in bytes, in all and
# per user, and forgotten after ROEDTRAAD_PAGE_CACHE_SECONDS at the latest.
ROEDTRAAD_PAGE_CACHE_SECONDS = config.integer("ROEDTRAAD_PAGE_CACHE_SECONDS", 600)
ROEDTRAAD_PAGE_CACHE_BYTES = config.integer("ROEDTRAAD_PAGE_CACHE_MB", 64) * _MB
ROEDTRAAD_PAGE_CACHE_BYTES_PER_USER = config.integer("ROEDTRAAD_PAGE_CACHE_MB_PER_USER", 4) * _MB

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    # Behind a load balancer that terminates TLS and sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = config.flag("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = config.integer("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused request (403, 404) is one line with the user and the path, not a traceback.
    "filters": {"refusals": {"()": "roedtraad.ops.logs.RefusalsOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["refusals"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
