"""The portal in a process of its own, on the test database: for what a test cannot see from
inside its own process (a server's access log, its peak memory). The test must commit its data
(`transactional_db`), since the server reads it over its own connection."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
UTAN = {"FORBUND_PGDATA", "FORBUND_PG_STOP_AT_EXIT", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}


def databas_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{quote(s['HOST'], safe='')}:{s['PORT']}/{s['NAME']}"


def miljo(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in UTAN}
    return env | {
        "DJANGO_SETTINGS_MODULE": "forbund.settings.test",
        "DATABASE_URL": databas_url(),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


RUNSERVER = ["manage.py", "runserver", "--noreload", "--nothreading", "127.0.0.1:{port}"]
GUNICORN = [
    "-m",
    "gunicorn",
    "forbund.wsgi",
    "--workers",
    "1",
    "--bind",
    "127.0.0.1:{port}",
    "--access-logfile",
    "-",
]


@contextmanager
def server(argv: list[str], logg: Path, **env: str):
    """Start the server, wait until it answers, yield its address and process; stop it."""
    port = _ledig_port()
    with logg.open("w") as ut:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [sys.executable, *(a.format(port=port) for a in argv)],
            cwd=ROOT,
            env=miljo(**env),
            stdout=ut,
            stderr=subprocess.STDOUT,
        )
        bas = f"http://127.0.0.1:{port}"
        try:
            slut = time.monotonic() + 120
            while True:
                if process.poll() is not None:
                    raise AssertionError(f"Servern avslutades: {logg.read_text()[-3000:]}")
                try:
                    requests.get(f"{bas}/konto/logga-in/", timeout=5)
                    break
                except requests.ConnectionError:
                    if time.monotonic() > slut:
                        raise
                    time.sleep(0.2)
            yield SimpleNamespace(bas=bas, process=process, port=port)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def inloggad(username: str) -> requests.Session:
    """A requests session carrying a logged-in session cookie for `username`."""
    klient = Client()
    klient.force_login(get_user_model().objects.get(username=username))
    session = requests.Session()
    session.cookies.set(
        settings.SESSION_COOKIE_NAME, klient.cookies[settings.SESSION_COOKIE_NAME].value
    )
    return session


def csrf(session: requests.Session, url: str) -> str:
    """GET the page (which sets the CSRF cookie) and return its form's token."""
    svar = session.get(url, timeout=60)
    svar.raise_for_status()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', svar.text)
    assert match, f"{url} har inget formulär med CSRF-token"
    return match.group(1)
