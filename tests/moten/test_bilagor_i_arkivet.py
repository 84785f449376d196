"""Bilagor with the protocol (issue 15): numbered per meeting, listed in the protocol and its
PDF, kept beside it in the archive with their SHA-256 in manifest.json, and the public ones
downloadable from the public protocol page."""

import hashlib
import io
import json

import pypdf
from django.core.management import call_command
from django.urls import reverse

from forbund.models import Person
from moten import services

from ..conftest import client_for

PLAN = b"%PDF-1.4\n% Verksamhetsplan 2022\n" + bytes(range(256)) * 40
BUDGET = b"%PDF-1.4\n% Detaljerad budgetuppf\xf6ljning 2021, tkr\n" + bytes(range(255, -1, -1)) * 30


def test_arkivera_keeps_both_bilagor_byte_for_byte(moten, tmp_path):
    mote = moten.numrerat
    protokoll = mote.protokoll
    plan = services.handling_create(
        actor=None,
        mote=mote,
        titel="Verksamhetsplan 2022",
        filnamn="plan.pdf",
        data=PLAN,
        i_protokollet=True,
        publik=True,
    )
    budget = services.handling_create(
        actor=None,
        mote=mote,
        titel="Detaljerad budgetuppföljning",
        filnamn="budget.pdf",
        data=BUDGET,
        i_protokollet=True,
        publik=False,
    )
    assert (plan.nummer, budget.nummer) == (1, 2)  # numbered per meeting
    for username in ("ordforande", "ledamot"):
        services.protokoll_justera(
            actor=None, protokoll=protokoll, person=Person.objects.get(user__username=username)
        )
    protokoll.refresh_from_db()
    assert protokoll.status == "justerat"

    pdf = client_for("anonym").get(reverse("protokoll_pdf", args=[protokoll.pk])).content
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Bilagor till protokollet" in text
    assert "Bilaga 1: Verksamhetsplan 2022" in text and "Bilaga 2: Detaljerad" in text

    call_command("arkivera", "--ar", str(mote.datum.year), "--till", str(tmp_path))
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    (post,) = [p for p in manifest["protokoll"] if p["sammantradesdatum"] == mote.datum.isoformat()]
    assert [b["nummer"] for b in post["bilagor"]] == [1, 2]
    for b, original in zip(post["bilagor"], (PLAN, BUDGET), strict=True):
        data = (tmp_path / b["fil"]).read_bytes()
        assert data == original
        assert hashlib.sha256(data).hexdigest() == b["sha256"]
    # The checksums are those the justerat protocol recorded.
    assert [b["sha256"] for b in protokoll.innehallet.data["bilagor"]] == [
        b["sha256"] for b in post["bilagor"]
    ]

    # The public page offers the public bilaga only; the other is a 404 for everyone there.
    anonym = client_for("anonym")
    sida = anonym.get(reverse("publikt_protokoll", args=[protokoll.pk]))
    assert sida.status_code == 200
    html = sida.content.decode()
    assert reverse("publik_bilaga", args=[protokoll.pk, 1]) in html
    assert reverse("publik_bilaga", args=[protokoll.pk, 2]) not in html
    hamtad = anonym.get(reverse("publik_bilaga", args=[protokoll.pk, 1]))
    assert b"".join(hamtad.streaming_content) == PLAN
    assert anonym.get(reverse("publik_bilaga", args=[protokoll.pk, 2])).status_code == 404
    # A draft has no public page.
    utkast = moten.utkast.protokoll
    assert anonym.get(reverse("publikt_protokoll", args=[utkast.pk])).status_code == 404
