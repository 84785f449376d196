"""A justerat protocol cannot be changed by any path: service, crafted POST, admin, raw SQL."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from moten import services
from moten.models import AttSats, Paragraf, Protokoll

from ..conftest import client_for


def test_services_refuse_with_a_swedish_message(moten):
    p = moten.justerad_paragraf
    with pytest.raises(services.ProtokollSparrat, match="Protokollet är justerat"):
        services.paragraf_update(
            actor=None,
            paragraf=p,
            version=p.version,
            rubrik="Ändrad",
            text="",
            bilagor="",
            beslut=[],
            jav=[],
        )
    with pytest.raises(services.ProtokollSparrat):
        services.paragraf_create(actor=None, protokoll=moten.justerat, rubrik="Tillägg")


def test_crafted_post_changes_nothing(moten):
    p = moten.justerad_paragraf
    before = services.protokoll_sha256(moten.justerat)
    kansli = client_for("forbundschef")
    response = kansli.post(
        reverse("paragraf_edit", args=[p.pk]),
        {"version": p.version, "rubrik": "Förfalskad", "beslut": "bevilja allt"},
        follow=True,
    )
    assert response.status_code == 409
    assert "Protokollet är justerat och kan inte ändras" in response.content.decode()
    assert kansli.post(reverse("paragraf_delete", args=[p.pk])).status_code == 409
    assert Paragraf.objects.filter(pk=p.pk).exists()
    assert services.protokoll_sha256(moten.justerat) == before == moten.justerat.sha256


def test_admin_shows_it_read_only(moten):
    p = moten.justerad_paragraf
    kansli = client_for("forbundschef")
    url = reverse("admin:moten_paragraf_change", args=[p.pk])
    assert kansli.get(url).status_code == 200  # view only
    response = kansli.post(url, {"rubrik": "Via admin", "ordning": 1})
    assert response.status_code == 403
    assert Paragraf.objects.get(pk=p.pk).rubrik == p.rubrik


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE moten_paragraf SET rubrik = 'x' WHERE protokoll_id = %(pk)s",
        "DELETE FROM moten_paragraf WHERE protokoll_id = %(pk)s",
        "UPDATE moten_attsats SET text = 'x' WHERE paragraf_id IN "
        "(SELECT id FROM moten_paragraf WHERE protokoll_id = %(pk)s)",
        "DELETE FROM moten_jav WHERE paragraf_id IN "
        "(SELECT id FROM moten_paragraf WHERE protokoll_id = %(pk)s)",
        "UPDATE moten_narvaro SET namn = 'x' WHERE protokoll_id = %(pk)s",
        "UPDATE moten_protokoll SET status = 'utkast' WHERE id = %(pk)s",
        "UPDATE moten_justering SET justerad = NULL WHERE protokoll_id = %(pk)s",
        "UPDATE moten_mote SET plats = 'x' WHERE id = (SELECT mote_id FROM moten_protokoll WHERE id = %(pk)s)",
        "INSERT INTO moten_attsats (paragraf_id, ordning, text) SELECT id, 9, 'x' FROM moten_paragraf "
        "WHERE protokoll_id = %(pk)s LIMIT 1",
    ],
)
def test_raw_sql_is_refused_by_the_database(moten, sql):
    with (
        pytest.raises(IntegrityError, match="Protokollet är justerat"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, {"pk": moten.justerat.pk})


def test_the_lock_does_not_touch_other_protocols(moten):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE moten_paragraf SET rubrik = 'Budget 2022, reviderad' WHERE protokoll_id = %s",
            [moten.utkast.protokoll.pk],
        )
    assert moten.utkast.protokoll.paragrafer.get().rubrik == "Budget 2022, reviderad"
    assert AttSats.objects.filter(paragraf__protokoll=moten.justerat).count() > 25
    assert Protokoll.objects.get(pk=moten.justerat.pk).status == "justerat"
