"""Beslutsregister with Swedish full-text search, the public API and the archive command."""

import json

import pypdf
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from moten import services

from ..conftest import client_for


def test_beviljade_finds_bevilja(moten):
    page = client_for("ledamot").get(reverse("beslutsregister"), {"q": "beviljade"})
    html = page.content.decode()
    # The matching word is highlighted (SearchHeadline on the stored vector).
    assert "<mark>bevilja</mark> medel med 645 000 kr till SIP-samordnare" in html
    assert "§ 161" in html
    # Drafts are not in the register.
    assert "Budget 2022" not in html


def test_filter_by_year(moten):
    page = client_for("ledamot").get(reverse("beslutsregister"), {"ar": 2022, "q": "handlingarna"})
    html = page.content.decode()
    assert "211126 läggs till <mark>handlingarna</mark>" in html  # § 4, 2022-01-21
    assert "211020 läggs till handlingarna" not in html  # § 153, 2021


def test_api_lists_only_justerade_protocols_with_pdf_links(moten):
    client = client_for("anonym")
    protokoll = client.get("/api/protokoll", {"ar": 2021}).json()["items"]
    assert [(p["sammantradesdatum"], p["paragrafer"]) for p in protokoll] == [
        ("2021-11-26", "§ 150–174")
    ]
    assert protokoll[0]["anslagsdatum"] == "2021-12-15"
    assert protokoll[0]["sha256"] == moten.justerat.sha256
    beslut = client.get("/api/beslut", {"q": "beviljade"}).json()["items"]
    assert any(b["paragraf"] == 161 for b in beslut)
    schema = client.get("/api/openapi.json").json()
    assert {"/api/anslagstavla", "/api/protokoll", "/api/beslut"} <= set(schema["paths"])
    assert client.get(protokoll[0]["pdf"].replace("http://testserver", "")).status_code == 200


def test_pdf_reads_like_the_protocol(moten):
    response = client_for("anonym").get(reverse("protokoll_pdf", args=[moten.justerat.pk]))
    reader = pypdf.PdfReader(__import__("io").BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())  # table cells break lines
    assert "Protokollet omfattar § 150–174" in text
    assert "§ 161 Ansökan medel för SIP-samordnare" in text
    assert "Johan Bergvik deltog inte i beslutet." in text
    assert "Anslaget tas ned tidigast 2022-01-05" in flat
    assert "Justeringsdatum 2021-12-09" in flat or "Justeringsdatum\n2021-12-09" in text
    assert f"Sida 1 av {len(reader.pages)}" in text


def test_arkivera_writes_pdfa_and_a_manifest(seed_moten, tmp_path):
    call_command("arkivera", "--ar", "2022", "--till", str(tmp_path))
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert [p["paragrafer"] for p in manifest["protokoll"]] == ["§ 1–15"]
    entry = manifest["protokoll"][0]
    assert entry["justeringsdatum"] == "2022-02-07" and entry["anslagsdatum"] == "2022-02-08"
    data = (tmp_path / entry["fil"]).read_bytes()
    import hashlib

    assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    metadata = pypdf.PdfReader(__import__("io").BytesIO(data)).trailer["/Root"]["/Metadata"]
    xmp = metadata.get_object().get_data()
    assert b'pdfaid:part="2"' in xmp and b'pdfaid:conformance="B"' in xmp  # PDF/A-2b


def test_protocol_page_queries_do_not_grow_with_paragraphs(moten):
    kansli = client_for("forbundschef")
    url = reverse("protokoll_detail", args=[moten.utkast.protokoll.pk])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert kansli.get(url).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for i in range(10):
        services.paragraf_create(
            actor=None, protokoll=moten.utkast.protokoll, rubrik=f"Punkt {i}", beslut=["x", "y"]
        )
    assert count() == before


def test_api_refuses_unreasonable_years_with_422(moten):
    client = client_for("anonym")
    for ar in ("10000", "-1", "0"):
        assert client.get("/api/protokoll", {"ar": ar}).status_code == 422
    assert client.get("/api/protokoll", {"ar": "tjugo"}).status_code == 422
