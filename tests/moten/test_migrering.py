"""A database with protocols justerade before issue 14 migrates cleanly: migration 0005 stores
each one's content (its frozen copy of dokument.ogonblick gives the same data and SHA-256 as
the live function), the locks of 0002 give way to the declared ones, and the PDF is rendered
from the stored content on first request."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from moten import dokument
from moten.models import Protokoll, Protokolldokument, Protokollinnehall

from ..conftest import client_for

FORE = [("moten", "0003_omedelbar_justering_rename")]


ISSUE_15 = {"yrkandelista", "propositionsordning", "omrostning_data", "reservationslista"}


def _utan_issue_15(data: dict) -> dict:
    d = {k: v for k, v in data.items() if k != "bilagor"}
    d["paragrafer"] = [
        {k: v for k, v in p.items() if k not in ISSUE_15} for p in data["paragrafer"]
    ]
    return d


def _migrera(targets) -> None:
    MigrationExecutor(connection).migrate(targets)


def test_protocols_justerade_before_get_their_content_stored(transactional_db, moten):
    nov = Protokoll.objects.get(mote__datum=dt.date(2021, 11, 26))
    data, sha256 = nov.innehallet.data, nov.sha256
    try:
        _migrera(FORE)
        with connection.cursor() as cursor:
            # Back under the triggers of 0002.
            with (
                pytest.raises(IntegrityError, match="Protokollet är justerat"),
                transaction.atomic(),
            ):
                cursor.execute(
                    "UPDATE moten_paragraf SET rubrik = 'x' WHERE protokoll_id = %s", [nov.pk]
                )
            cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'moten_paragraf_las'")
            assert cursor.fetchone()[0] == 1
    finally:
        _migrera(MigrationExecutor(connection).loader.graph.leaf_nodes())

    lagrat = Protokollinnehall.objects.get(protokoll=nov)
    # Issue 15 added to the document (yrkanden, omröstning and reservationer as data, the
    # protocol's bilagor); going back to 0003 drops those rows, and 0005's frozen copy
    # knows nothing of them: it gives the document as it was, without those keys.
    assert lagrat.data == _utan_issue_15(data)
    assert lagrat.sha256 == dokument.innehall_sha256(lagrat.data)
    assert lagrat.sha256 == Protokoll.objects.get(pk=nov.pk).sha256
    assert sha256 == dokument.innehall_sha256(data)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'moten\\_%%\\_las'")
        assert cursor.fetchone()[0] == 0  # the hand-written triggers are gone
        with pytest.raises(IntegrityError, match="Protokollet är justerat"), transaction.atomic():
            cursor.execute(
                "UPDATE moten_paragraf SET rubrik = 'x' WHERE protokoll_id = %s", [nov.pk]
            )
    assert not Protokolldokument.objects.filter(protokoll=nov).exists()
    pdf = client_for("anonym").get(reverse("protokoll_pdf", args=[nov.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert Protokolldokument.objects.get(protokoll=nov).variant == "anslaget"
