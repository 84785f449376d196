"""A stand-in for the mail server in the worker tests (tests/test_jobb.py): Django's
file-based backend, one file per delivery in FORBUND_EPOST_MAPP, which first waits while
the file FORBUND_EPOST_SPARR exists (after creating FORBUND_EPOST_SPARR.borjat, so a test
knows the worker is about to send and can kill it there)."""

import os
import time
from pathlib import Path

from django.core.mail.backends import filebased


class VantandeFilBackend(filebased.EmailBackend):
    def send_messages(self, email_messages):
        sparr = os.environ.get("FORBUND_EPOST_SPARR")
        if sparr:
            Path(sparr + ".borjat").touch()
            while Path(sparr).exists():
                time.sleep(0.05)
        return super().send_messages(email_messages)
