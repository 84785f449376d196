"""No log holds a survey code (docs/anonymitet.md): runserver's request lines, gunicorn's
access log and Django's own warnings name the route /e/<kod>/, never the code, and gunicorn
logs no client address for the survey routes."""

import subprocess
import sys

import pytest
import requests

from .server import GUNICORN, ROOT, RUNSERVER, csrf, miljo, server


def _svara(bas: str, kod: str, *, delad: bool = False) -> None:
    """A respondent: opens the link, sends the form (an empty answer is an answer), and a
    mistyped link too (a 404 that Django logs)."""
    session = requests.Session()
    url = f"{bas}/e/{'alla/' if delad else ''}{kod}/"
    token = csrf(session, url)
    svar = session.post(url, data={"csrfmiddlewaretoken": token}, headers={"Referer": url})
    assert svar.status_code == 200, svar.text[:500]
    assert "Tack" in svar.text
    assert session.get(f"{bas}/e/{kod}x/").status_code == 404


@pytest.mark.parametrize("argv", [RUNSERVER, GUNICORN], ids=["runserver", "gunicorn"])
def test_the_server_logs_name_the_route_not_the_code(enkat, transactional_db, tmp_path, argv):
    from enkater import services

    koder = list(enkat.tokens.values_list("kod", flat=True)[:2])
    delad = services.delad_lank_create(actor=None, omgang=enkat).delad_kod
    logg = tmp_path / "server.log"
    with server(argv, logg) as s:
        for kod in koder:
            _svara(s.bas, kod)
        _svara(s.bas, delad, delad=True)
        requests.get(f"{s.bas}/konto/logga-in/")
    text = logg.read_text()
    for kod in [*koder, delad]:
        assert kod not in text
    assert "/e/<kod>/" in text
    assert "/e/alla/<kod>/" in text
    if argv is GUNICORN:
        rader = [r for r in text.splitlines() if "/e/" in r]
        assert len(rader) >= 9, text
        assert all("127.0.0.1" not in r.split('"')[0] for r in rader), rader
        # Other routes keep their address.
        assert any(r.startswith("127.0.0.1") and "/konto/logga-in/" in r for r in text.splitlines())


def test_django_warnings_under_production_settings_name_the_route(demo):
    """Production logs Django's warnings (a 404 on a mistyped or used link) at the root
    logger; its handler filters too."""
    env = miljo(
        DJANGO_SETTINGS_MODULE="forbund.settings.production",
        SECRET_KEY="test-loggar-" + "k3y" * 20,
        ALLOWED_HOSTS="portal.example.org",
    )
    kod = (
        "import logging\n"
        "logging.getLogger('django.request').warning('Not Found: %s', '/e/hemligkod42/')\n"
        "logging.getLogger('django.server').info('\"%s\" %s %s', 'POST /e/alla/delad77/ HTTP/1.1', 200, 5)\n"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", kod],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "hemligkod42" not in result.stderr + result.stdout
    assert "delad77" not in result.stderr + result.stdout
    assert "Not Found: /e/<kod>/" in result.stderr
    assert "/e/alla/<kod>/" in result.stderr
