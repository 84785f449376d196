"""A database with protocols justerade before issue 14 migrates cleanly: migration 0005 stores
each one's content (its frozen copy of dokument.ogonblick gives the same data and SHA-256 as
the live function), the locks of 0002 give way to the declared ones, and the PDF is rendered
from the stored content on first request."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from moten.models import Protokoll, Protokolldokument, Protokollinnehall

from ..conftest import client_for

FORE = [("moten", "0003_omedelbar_justering_rename")]


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
    assert lagrat.data == data
    assert lagrat.sha256 == sha256 == Protokoll.objects.get(pk=nov.pk).sha256
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
