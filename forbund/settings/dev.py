"""Development: `make run`. The embedded PostgreSQL starts unless DATABASE_URL is set."""

import os

from .base import *  # noqa: F403

# Demo data, the scale generator and the benchmarks (`make run`, `make bench`): not in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-5c1f0e3a9b7d4e2f8a6c")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Mail goes through the queue (base.py) and the worker prints it on the console.
FORBUND_EPOST_BACKEND = "django.core.mail.backends.console.EmailBackend"
