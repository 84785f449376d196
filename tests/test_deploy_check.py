"""`check --deploy` is clean with the production settings, and they refuse to start without
their secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "forbund.settings.production",
    "SECRET_KEY": "test-deploy-" + "k3y" * 20,
    "DATABASE_URL": "postgres://forbund@db.invalid:5432/forbund",
    "ALLOWED_HOSTS": "portal.example.org",
}


def _manage(*args, env):
    # Only what a production server would have: none of the test run's own switches.
    dropped = set(PROD_ENV) | {"DJANGO_ALLOW_ASYNC_UNSAFE", "FORBUND_PGDATA"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY måste vara satt" in result.stderr


def test_production_cookies_and_headers_are_secure():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.DEBUG, s.SESSION_COOKIE_AGE)"
    )
    result = _manage("shell", "-c", code, env=PROD_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "True",
        "True",
        "True",
        "True",
        "False",
        "1800",
    ]


DEVTOOLS_KOMMANDON = [
    "load_demo",
    "generate_scale",
    "bench",
    "bench_protokoll_pdf",
    "bench_sie_import",
    "bench_enkat_rapport",
    "forbered_belastning",
]


def test_production_has_no_demo_scale_bench_or_load_command():
    result = _manage("help", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    kommandon = {rad.strip() for rad in result.stdout.splitlines() if rad.startswith("    ")}
    assert not kommandon & set(DEVTOOLS_KOMMANDON)
    assert "[devtools]" not in result.stdout
    # The product's own commands are all there.
    assert {"backup", "restore", "arkivera", "import_utfall", "budgetuppfoljning"} <= kommandon
    assert {"import_svar", "enkatrapport", "import_behovsanalys"} <= kommandon


def test_development_has_the_devtools_commands():
    # DATABASE_URL so the embedded server is not started: help connects to nothing.
    env = {**PROD_ENV, "DJANGO_SETTINGS_MODULE": "forbund.settings.dev"}
    result = _manage("help", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    kommandon = {rad.strip() for rad in result.stdout.splitlines() if rad.startswith("    ")}
    assert set(DEVTOOLS_KOMMANDON) <= kommandon
