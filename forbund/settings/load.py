"""Local benchmarks and load tests (`make bench`, `make load`): production-like on one machine.

DEBUG off, static files served by WhiteNoise from collected, hashed files, the embedded
PostgreSQL (or DATABASE_URL), plain HTTP on 127.0.0.1. Not for a server: no HTTPS settings
and a fixed, public secret key.
"""

import os

from .base import *  # noqa: F403

# load_demo, generate_scale, bench and forbered_belastning live in devtools.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "load-test-only-not-secret-8d41c0e7b2a94f63")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

MIDDLEWARE = list(MIDDLEWARE)  # noqa: F405
MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Mail is queued as in production (base.py); a worker would deliver it in memory.
FORBUND_EPOST_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Many simulated users sign in from 127.0.0.1 at once; none of them fails a login, and a
# lockout would only hide a real error as a 403.
AXES_ENABLED = os.environ.get("AXES_ENABLED", "1") == "1"
