"""A justerat protocol is a stored document: renaming the justerare, the organ and the förbund
afterwards changes no byte of the public PDF, the protokollsutdrag or the archived file, and
their SHA-256 is the stored one. A draft, which is a view of today's rows, does change."""

import hashlib
import io
import json

import pypdf
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from forbund.models import Forbund, Organ, Person
from moten import dokument, services
from moten.models import Protokolldokument

from ..conftest import client_for


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _hamta_allt(anonym, protokoll, paragraf, mapp):
    pdf = anonym.get(reverse("protokoll_pdf", args=[protokoll.pk]))
    utdrag = anonym.get(reverse("protokollsutdrag_pdf", args=[paragraf.pk]))
    assert pdf.status_code == utdrag.status_code == 200
    call_command("arkivera", "--ar", "2021", "--till", str(mapp))
    manifest = json.loads((mapp / "manifest.json").read_text())
    (post,) = manifest["protokoll"]
    return pdf.content, utdrag.content, (mapp / post["fil"]).read_bytes(), post


def test_renames_after_justering_change_no_byte(moten, tmp_path):
    protokoll, paragraf = moten.justerat, moten.justerad_paragraf
    anonym = client_for("anonym")
    fore = _hamta_allt(anonym, protokoll, paragraf, tmp_path / "fore")
    pdf, utdrag, arkiv, post = fore
    assert "Justerare" in _text(pdf) and "Fredrika Alnö" in _text(pdf)

    alno = Person.objects.get(efternamn="Alnö")
    alno.fornamn, alno.efternamn = "MANIPULERAD", "Ödmark"
    alno.save()
    Organ.objects.filter(pk=protokoll.mote.organ_id).update(namn="Omdöpta styrelsen")
    Forbund.objects.update(namn="Omdöpta förbundet")

    efter = _hamta_allt(anonym, protokoll, paragraf, tmp_path / "efter")
    assert efter[:3] == fore[:3]  # the PDF, the utdrag and the archived file, byte for byte
    assert efter[3] == post
    lagrat = Protokolldokument.objects.get(protokoll=protokoll, variant="anslaget")
    assert hashlib.sha256(pdf).hexdigest() == lagrat.sha256 == post["sha256"]
    assert hashlib.sha256(arkiv).hexdigest() == lagrat.sha256
    text = (_text(pdf) + _text(utdrag)).lower()
    assert "manipulerad" not in text and "omdöpta" not in text
    assert "samordningsförbundet sundsvall" in _text(utdrag).lower()
    # The SHA-256 of the stored content is the one in the API and the footer.
    assert dokument.innehall_sha256(protokoll.innehallet.data) == protokoll.sha256
    assert f"SHA-256 {protokoll.sha256}" in _text(pdf)
    (api,) = anonym.get("/api/protokoll", {"ar": 2021}).json()["items"]
    assert api["organ"] == "Styrelsen"
    assert api["sha256"] == protokoll.sha256 and api["pdf_sha256"] == lagrat.sha256

    # A draft is today's rows: there the new name shows.
    utkast = client_for("forbundschef").get(
        reverse("protokoll_pdf", args=[moten.numrerat.protokoll.pk])
    )
    assert "MANIPULERAD Ödmark" in _text(utkast.content)


def test_the_stored_pdf_is_pdfa_with_the_whole_protocol(moten):
    protokoll = dokument.hamta(moten.justerat.pk)
    lagrat = dokument.lagrat_dokument(protokoll)
    data = bytes(lagrat.pdf)
    metadata = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]["/Metadata"]
    assert b'pdfaid:part="2"' in metadata.get_object().get_data()
    text = _text(data)
    for del_ in (
        "Närvarande ordinarie ledamöter",
        "Karin Ödmark, ordförande Region Västernorrland",  # the role from her uppdrag
        "Daniel Norrby Sundsvalls kommun, IAF, § 150–154",  # the paragraphs she attended
        "Johan Bergvik deltog inte i beslutet.",
        "Justerat elektroniskt 2021-12-09 12:00",
        "Anslagsdatum 2021-12-15",
        "(Bilaga 8)",
    ):
        assert del_ in text, del_


def test_a_protocol_justerat_without_its_pdf_gets_it_rendered_once_the_same(moten):
    """The generated benchmark data stores the content, not the PDF: the first request renders
    it from the stored content and stores it. Rendering is deterministic: the bytes are those
    stored at justering. (TRUNCATE, which empties a table without touching rows, is the one
    way past the lock; nothing but this test uses it.)"""
    protokoll = moten.justerat
    stored = bytes(Protokolldokument.objects.get(protokoll=protokoll, variant="anslaget").pdf)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the fixture's pending FK checks
        cursor.execute("TRUNCATE moten_protokolldokument")
    first = client_for("anonym").get(reverse("protokoll_pdf", args=[protokoll.pk])).content
    assert first == stored
    assert Protokolldokument.objects.filter(protokoll=protokoll).count() == 1
    again = client_for("anonym").get(reverse("protokoll_pdf", args=[protokoll.pk])).content
    assert again == stored


def test_services_recompute_the_same_hash_from_unchanged_rows(moten):
    assert services.protokoll_sha256(moten.justerat) == moten.justerat.sha256
