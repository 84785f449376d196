"""Settings shared by every environment (defaults). dev.py, test.py and production.py add
what differs; nothing secret lives here."""

from datetime import timedelta
from pathlib import Path

from forbund.db import database_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "forbund.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "csp",
    "pgtrigger",
    # The job queue (docs/jobb.md): its tables and functions come with its migrations.
    "procrastinate.contrib.django",
    "forbund",
    "moten",
    "insatser",
    "enkater",
    "ekonomi",
    "behovsanalys",
    "rapporter",
]

MIDDLEWARE = [
    # NUL and bytes that are not UTF-8 in a path or query: 400 before anything else runs.
    "forbund.middleware.ogiltiga_tecken",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Deny by default: every view needs a login unless it is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A lock trigger's refusal (SQLSTATE 23001): 409 with its Swedish message, never 500.
    "forbund.middleware.LasSom409",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "forbund.urls"
WSGI_APPLICATION = "forbund.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "forbund.projekt.meny.portal",
            ],
            "builtins": [
                "forbund.templatetags.portal",
                "template_partials.templatetags.partials",
            ],
        },
    },
]

DATABASES = {"default": database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # Swedish common passwords (Sommar2026); source and licence in the module.
    {"NAME": "forbund.losenord.SvenskaVanligaLosenordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "oversikt"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 idle minutes: the cookie's age is renewed on every request.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# django-axes: five failed attempts lock the username for 30 minutes, and five failed
# attempts from one address lock that address (against password spraying).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Content-Security-Policy: no inline scripts or styles, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Dates as 2022-01-21 and amounts as 7 378 000: see forbund/formats/sv/formats.py.
FORMAT_MODULE_PATH = ["forbund.formats"]
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded documents live outside the web root and are served by views that check access.
MEDIA_ROOT = BASE_DIR / "var" / "media"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_SUBJECT_PREFIX = "[Förbundsportalen] "
# Every message the portal sends goes through the job queue (docs/jobb.md): the backend Django
# sees stores the message and defers the job in the caller's transaction; the job sends it
# with FORBUND_EPOST_BACKEND, the real one (SMTP in production, the console in development).
EMAIL_BACKEND = "forbund.epost.KoBackend"
FORBUND_EPOST_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# True only in the test settings: the stored message is also delivered in-process when its
# transaction commits (the job that would send it then finds it sent).
FORBUND_EPOST_DIREKT = False
# The same for the jobs that make files (the archive, a full report): tests only.
FORBUND_JOBB_DIREKT = False
# A failing job is tried this many times, waiting 2, 4, 8 … seconds (about 17 minutes in
# all for 10), then shown to the kansli as failed (Kansli → Jobb och utskick).
FORBUND_JOBB_FORSOK = 10
FORBUND_JOBB_VANTA = 2
# The portal's own address, for links in mail sent by jobs (no request to take it from).
FORBUND_WEBBADRESS = "http://127.0.0.1:8000"

# procrastinate: the tasks are in forbund/epost.py (mail),
# forbund/projekt/jobb.py (reminders, which read every app), moten/jobb.py (the archive
# package), rapporter/jobb.py (the full report) and enkater/jobb.py (the survey inbox, hourly). A worker whose heartbeat is
# older than stalled_worker_timeout is taken for dead and its jobs are run again.
PROCRASTINATE_AUTODISCOVER_MODULE_NAME = ""
PROCRASTINATE_IMPORT_PATHS = [
    "forbund.epost",
    "forbund.projekt.jobb",
    "moten.jobb",
    "rapporter.jobb",
    "enkater.jobb",
]
# A periodic job missed while no worker ran (the machine was off at 05:15) is still deferred
# when a worker starts within 20 hours of it: the day's reminders are not skipped.
PROCRASTINATE_PERIODIC_DEFAULTS = {"max_delay": 20 * 3600}
PROCRASTINATE_WORKER_DEFAULTS = {
    "update_heartbeat_interval": 10.0,
    "stalled_worker_timeout": 30.0,
    "delete_jobs": "successful",
}
DEFAULT_FROM_EMAIL = "Förbundsportalen <noreply@example.org>"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Every handler filters out survey codes (forbund.logg): /e/<kod>/ is logged as the route.
# Django's own handlers are replaced so runserver's request lines and django.request's
# "Not Found: /e/…" lines go through the filter too; gunicorn's access log has its own
# logger class (gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "utan_enkatkod": {"()": "forbund.logg.UtanEnkatkod"},
        "require_debug_true": {"()": "django.utils.log.RequireDebugTrue"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["utan_enkatkod"]},
        # As Django's default: its own lines on the console only while DEBUG is on.
        "django_console": {
            "class": "logging.StreamHandler",
            "filters": ["require_debug_true", "utan_enkatkod"],
        },
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["utan_enkatkod"],
        },
    },
    "loggers": {
        "django": {"handlers": ["django_console"], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "pgserver": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Progress chatter under production's INFO root: WeasyPrint's render steps, and the
        # queue's task registration at every start (its worker's own lines stay at INFO).
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "procrastinate.blueprints": {"level": "WARNING"},
    },
}
