"""Anonymity by construction (issue 18): nothing in the database ties a used link to its
answer. Forty respondents answer through forty links, each writing its link's code as free
text so the test knows the truth; then every join an attacker with the database could try
(transaction id xmin, physical order ctid, id order, creation order) is tried, and none links
better than chance. The inbox the answers pass through is shown to be linkable by xmin, so the
same join would have found the old design's links (docs/enkater-anonymitet.md)."""

import pytest
from django.db import connection
from django.urls import reverse

from enkater import services
from enkater.models import Inkorg, Svar

from ..conftest import client_for

ANTAL = 40


def _fraga(omgang, nummer):
    return omgang.formular.fragor.get(nummer=nummer)


def _rad(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _ratt(par: list[tuple[str, str]], sanning: dict[str, str]) -> int:
    """How many (token kod, svar id) pairs of a guess are true."""
    return sum(1 for kod, svar in par if sanning.get(svar) == kod)


@pytest.mark.django_db(transaction=True)
def test_no_join_links_a_used_link_to_its_answer(enkat):
    tokens = services.tokens_create(actor=None, omgang=enkat, antal=ANTAL)
    f1, f11 = _fraga(enkat, "1"), _fraga(enkat, "11")
    for n, token in enumerate(tokens):
        svar = client_for("anonym").post(
            reverse("besvara", args=[token.kod]),
            {f"f{f1.pk}": 1 + n % 6, f"f{f11.pk}": token.kod},
        )
        assert svar.status_code == 200, svar.content.decode()[:500]
    # Every answer moved out of the inbox by a batch of five, in a transaction of its own.
    assert not Inkorg.objects.exists()
    assert Svar.objects.filter(omgang=enkat).count() == ANTAL
    koder = [t.kod for t in tokens]
    # The truth, from the free text: svar id -> the code of the link that let it in.
    sanning = {
        str(s): t
        for s, t in _rad(
            "SELECT v.svar_id, v.text FROM enkater_svarsvarde v JOIN enkater_svar s "
            "ON s.id = v.svar_id WHERE v.fraga_id = %s AND s.omgang_id = %s",
            [f11.pk, enkat.pk],
        )
    }
    assert sorted(sanning.values()) == sorted(koder)

    # 1. The transaction id: no answer (nor any of its values) shares one with a used link.
    assert (
        _rad(
            "SELECT t.kod FROM enkater_token t JOIN enkater_svar s "
            "ON s.xmin::text = t.xmin::text WHERE t.kod = ANY(%s)",
            [koder],
        )
        == []
    )
    assert (
        _rad(
            "SELECT t.kod FROM enkater_token t JOIN enkater_svarsvarde v "
            "ON v.xmin::text = t.xmin::text WHERE t.kod = ANY(%s)",
            [koder],
        )
        == []
    )

    # 2. Order: the links in the order they were used (xmin), paired with the answers in id
    # order, physical order, creation order (xmin, then id) and the free text's id order.
    anvanda = [
        kod
        for (kod,) in _rad(
            "SELECT kod FROM enkater_token WHERE kod = ANY(%s) ORDER BY xmin::text::bigint",
            [koder],
        )
    ]
    assert anvanda == koder  # xmin does give the order of use: the attacker knows it
    ordningar = {
        "id": "SELECT id FROM enkater_svar WHERE omgang_id = %s ORDER BY id",
        "ctid": "SELECT id FROM enkater_svar WHERE omgang_id = %s ORDER BY ctid",
        "xmin, id": "SELECT id FROM enkater_svar WHERE omgang_id = %s "
        "ORDER BY xmin::text::bigint, id",
        "svarsvarde": "SELECT v.svar_id FROM enkater_svarsvarde v JOIN enkater_svar s "
        "ON s.id = v.svar_id WHERE s.omgang_id = %s AND v.fraga_id = "
        + str(f11.pk)
        + " ORDER BY v.id",
    }
    for namn, sql in ordningar.items():
        svar_ids = [str(s) for (s,) in _rad(sql, [enkat.pk])]
        ratt = _ratt(list(zip(anvanda, svar_ids, strict=True)), sanning)
        # Chance within batches of five: one in five, 8 of 40 expected (sd ≈ 2.8); an
        # ordered move would give 40.
        assert ratt <= 20, f"{namn}: {ratt} av {ANTAL} rätt"
    # No time: the answer has the date, like every other answer of that day.
    assert set(Svar.objects.filter(omgang=enkat).values_list("datum", flat=True)) == {
        Svar.objects.filter(omgang=enkat).first().datum
    }


@pytest.mark.django_db(transaction=True)
def test_the_join_finds_what_waits_in_the_inbox(enkat):
    """The join above is a real attack: an answer in the inbox shares its link's xmin. That
    is why the inbox is emptied by batches and the round's remainder when it closes."""
    (token,) = services.tokens_create(actor=None, omgang=enkat, antal=1)
    f1 = _fraga(enkat, "1")
    assert client_for("anonym").post(reverse("besvara", args=[token.kod]), {f"f{f1.pk}": 4})
    assert Inkorg.objects.filter(omgang=enkat).count() == 1
    traffar = _rad(
        "SELECT t.kod FROM enkater_token t JOIN enkater_inkorg i ON i.xmin::text = t.xmin::text"
    )
    assert traffar == [(token.kod,)]
    assert services.inkorg_toem(omgang=enkat, min_antal=1) == 1
    assert (
        _rad(
            "SELECT t.kod FROM enkater_token t JOIN enkater_svar s "
            "ON s.xmin::text = t.xmin::text WHERE t.kod = %s",
            [token.kod],
        )
        == []
    )
