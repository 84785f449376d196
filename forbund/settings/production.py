"""Production: every secret and host comes from the environment (see .env.example)."""

import os

from django.core.exceptions import ImproperlyConfigured

for _name in ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"Miljövariabeln {_name} måste vara satt i produktion.")

import dj_database_url  # noqa: E402

from .base import *  # noqa: E402, F403

# The portal connects as DATABASE_URL's role, which owns no table; migrations run as the
# owner, DATABASE_MIGRATION_URL, which `manage.py migrate` connects as for its whole run
# (forbund/management/commands/migrate.py; README, Production).
MIGRERINGSDATABAS = (
    dj_database_url.parse(os.environ["DATABASE_MIGRATION_URL"])
    if os.environ.get("DATABASE_MIGRATION_URL")
    else None
)

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ["ALLOWED_HOSTS"].split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

# Behind the web server the client's address is in X-Forwarded-For; without this every
# failed login would count against the proxy's address and lock everybody out.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "1"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

# Static files are served by WhiteNoise, right after the security middleware.
MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405

# EMAIL_BACKEND is the queue (base.py); the worker sends over SMTP (FORBUND_EPOST_BACKEND).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in mail the jobs send (reminders): the address users reach the portal at.
FORBUND_WEBBADRESS = os.environ.get("FORBUND_WEBBADRESS", f"https://{ALLOWED_HOSTS[0]}")

LOGGING["root"] = {"handlers": ["console"], "level": "INFO"}  # noqa: F405
