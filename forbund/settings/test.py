"""Tests: like development, on PostgreSQL, with a fast password hasher."""

import os

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail is queued as everywhere (base.py; tests/conftest.py puts the queue back after Django's
# test set-up swaps in locmem) and, here only, also delivered in-process into mail.outbox
# when its transaction commits. A worker process started by a test sends with the backend
# and folder its environment names (tests/test_jobb.py).
FORBUND_EPOST_BACKEND = os.environ.get(
    "FORBUND_EPOST_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("FORBUND_EPOST_MAPP", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
FORBUND_EPOST_DIREKT = True
# A test's worker retries quickly and takes a worker silent for 3 s for dead.
FORBUND_JOBB_FORSOK = int(os.environ.get("FORBUND_JOBB_FORSOK", "3"))
FORBUND_JOBB_VANTA = 0
PROCRASTINATE_WORKER_DEFAULTS = {
    "update_heartbeat_interval": 0.5,
    "stalled_worker_timeout": 3.0,
    "fetch_job_polling_interval": 0.5,
    "delete_jobs": "successful",
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
