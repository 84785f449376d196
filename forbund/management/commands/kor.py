"""`python manage.py kor [ADDR:PORT]`: the web server and the job queue's worker side by side,
what `make run` starts, so the README's set-up stays two commands.

Two child processes, `manage.py runserver` and `manage.py jobb`, with this one's output.
Ctrl-C reaches both (the terminal signals the whole process group); SIGTERM to this process is
passed on to both; when either stops, the other is stopped too. The embedded database keeps
running afterwards, as after any command (forbund/db.py).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

MANAGE = Path(settings.BASE_DIR) / "manage.py"


class Command(BaseCommand):
    help = "Startar webbservern och jobbkön tillsammans; Ctrl-C stoppar båda."

    def add_arguments(self, parser):
        parser.add_argument("adress", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, adress: str, **options):
        barn = [
            subprocess.Popen([sys.executable, str(MANAGE), "runserver", adress]),  # noqa: S603
            subprocess.Popen([sys.executable, str(MANAGE), "jobb"]),  # noqa: S603
        ]

        def vidare(signum, _frame):
            for p in barn:
                if p.poll() is None:
                    p.send_signal(signum)

        signal.signal(signal.SIGTERM, vidare)
        # Ctrl-C reaches the children from the terminal; here it only means "wait for them".
        signal.signal(signal.SIGINT, lambda *_: None)
        while all(p.poll() is None for p in barn):
            time.sleep(0.2)
        for p in barn:
            if p.poll() is None:
                p.terminate()
        for p in barn:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        sys.exit(barn[0].returncode or 0)
