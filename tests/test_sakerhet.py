"""Security checks over the whole portal: every form carries a CSRF token and is refused
without one, and the production settings send the security headers."""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse

from .conftest import client_for
from .test_permission_matrix import FILER, MATRIX, OK

ROOT = Path(__file__).resolve().parent.parent


class Formular(HTMLParser):
    """The POST forms of a page (and htmx POST elements), with whether they carry a token."""

    def __init__(self):
        super().__init__()
        self.formular: list[dict] = []
        self._oppen: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            metod = (a.get("method") or "get").lower()
            self._oppen = {"metod": metod, "action": a.get("action") or "", "token": False}
            if metod == "post" or "hx-post" in a:
                self.formular.append(self._oppen)
                if "hx-post" in a:
                    self._oppen.update(metod="post", action=a["hx-post"])
        elif "hx-post" in a and self._oppen is None:
            self.formular.append({"metod": "post", "action": a["hx-post"], "token": "htmx"})
        elif tag == "input" and a.get("name") == "csrfmiddlewaretoken" and self._oppen:
            self._oppen["token"] = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._oppen = None


def _kansliets_sidor():
    for name, (kwargs, expected) in sorted(MATRIX.items()):
        if expected["forbundschef"] != OK or name in FILER or name.startswith(("api:", "admin:")):
            continue
        url = reverse(name, kwargs=kwargs() if kwargs else None)
        if not url.endswith((".pdf", ".xlsx", ".docx", ".csv")):
            yield name, url


def test_every_post_form_has_a_csrf_token_and_is_refused_without_it(enkat):
    kansli = client_for("forbundschef")
    utan_token = Client(enforce_csrf_checks=True)
    utan_token.force_login(get_user_model().objects.get(username="forbundschef"))
    formular_totalt = 0
    for name, url in _kansliets_sidor():
        response = kansli.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = Formular()
        parser.feed(response.content.decode())
        for form in parser.formular:
            mal = urljoin(url, form["action"]) if form["action"] else url
            if mal.startswith(("http:", "https:")):
                continue
            assert form["token"], f"{name}: formuläret till {mal} saknar CSRF-token"
            refused = utan_token.post(mal, {"x": "1"})
            assert refused.status_code == 403, (
                f"{name}: POST {mal} utan token gav {refused.status_code}"
            )
            formular_totalt += 1
    # The check means something: the portal has many forms.
    assert formular_totalt > 20


def test_the_public_survey_form_is_csrf_protected(enkat):
    kod = enkat.tokens.filter(anvand=False).first().kod
    client = Client(enforce_csrf_checks=True)
    url = reverse("besvara", kwargs={"kod": kod})
    assert b"csrfmiddlewaretoken" in client.get(url).content
    assert client.post(url, {}).status_code == 403
    assert enkat.tokens.filter(kod=kod, anvand=False).exists()


@pytest.mark.django_db
def test_production_sends_the_security_headers():
    s = connection.settings_dict
    url = f"postgres://{s['USER']}@{quote(s['HOST'], safe='')}:{s['PORT']}/{s['NAME']}"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"FORBUND_PGDATA", "FORBUND_PG_STOP_AT_EXIT", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "forbund.settings.production",
        "SECRET_KEY": "test-headers-" + "k3y" * 20,
        "DATABASE_URL": url,
        "ALLOWED_HOSTS": "portal.example.org",
    }
    kod = (
        "import json\n"
        "from django.test import Client\n"
        "c = Client(HTTP_HOST='portal.example.org')\n"
        "r = c.get('/api/openapi.json', secure=True)\n"
        "h = c.get('/api/openapi.json')\n"
        "print(json.dumps({'status': r.status_code, 'headers': dict(r.headers),"
        " 'http': [h.status_code, h.get('Location')]}))\n"
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
    svar = json.loads(result.stdout.strip().splitlines()[-1])
    h = svar["headers"]
    assert svar["status"] == 200
    assert "default-src 'self'" in h["Content-Security-Policy"]
    assert "script-src 'self'" in h["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
    assert h["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] == "same-origin"
    assert h["X-Frame-Options"] == "DENY"
    # Plain http is sent to https.
    assert svar["http"] == [301, "https://portal.example.org/api/openapi.json"]


def _med_udda_tecken(url: str) -> list[str]:
    """The URL with a NUL byte and a byte that is not UTF-8 in its last path segment and in a
    query parameter (the test client percent-decodes the path, as a web server does)."""
    bas, _fragetecken, fraga = url.partition("?")
    sista = bas.rstrip("/")
    snedstreck = "/" if bas.endswith("/") else ""
    varianter = []
    for tecken in ("%00", "%FF", "%C3%28"):
        varianter.append(f"{sista}{tecken}{snedstreck}" + (f"?{fraga}" if fraga else ""))
        varianter.append(f"{bas}?{fraga + '&' if fraga else ''}q={tecken}")
        varianter.append(f"{bas}?{fraga + '&' if fraga else ''}{tecken}=1")
    return varianter


def test_a_nul_or_non_utf8_byte_in_any_url_of_the_matrix_is_a_4xx(enkat):
    """Every URL of the permission matrix, signed in as the kansli (who reaches the most views)
    and signed out, by GET and POST: a NUL or a byte that is not UTF-8 in the path or in the
    query gives 400 or 404, never a 500 (PostgreSQL cannot store NUL)."""
    kansli = Client(raise_request_exception=False)
    kansli.force_login(get_user_model().objects.get(username="forbundschef"))
    klienter = {"forbundschef": kansli, "anonym": Client(raise_request_exception=False)}
    fel = []
    antal = 0
    for name, (kwargs, _expected) in sorted(MATRIX.items()):
        url = reverse(name, kwargs=kwargs() if kwargs else None)
        for variant in _med_udda_tecken(url):
            for persona, klient in klienter.items():
                for metod in (klient.get, klient.post):
                    svar = metod(variant)
                    antal += 1
                    if svar.status_code not in (400, 404):
                        fel.append(
                            f"{metod.__name__.upper()} {variant} ({persona}): {svar.status_code}"
                        )
    assert fel == []
    assert antal > 2000


def test_the_refusal_of_odd_bytes_is_swedish(demo):
    svar = Client().get("/beslut/?q=%00")
    assert svar.status_code == 400
    assert "Adressen kan inte läsas" in svar.content.decode()
    # Ordinary non-ASCII text passes: å, ä and ö are UTF-8.
    assert client_for("forbundschef").get("/personer/?q=%C3%A5").status_code == 200
