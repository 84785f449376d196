"""The locks declared on moten's models (django-pgtrigger, forbund.sparr.Sparr), tried with raw
SQL: the anslag and handlingar of a justerat protocol, färdiga minnesanteckningar, a paragraph
justerad omedelbart, a protocol's text once a justerare has justerat it, the stored content and
documents. Raw SQL is the path that gets past everything else; the admin is tried too."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from forbund.models import Organ, Person
from moten import services
from moten.models import Paragraf, Protokoll

from ..conftest import client_for


def _refused(sql, params, match):
    with (
        pytest.raises(IntegrityError, match=match),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


def _ok(sql, params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


JUSTERAT = [
    (
        "UPDATE moten_anslag SET anslagsdatum = anslagsdatum + 1 WHERE protokoll_id = %(pk)s",
        "Anslaget är uppsatt",
    ),
    ("DELETE FROM moten_anslag WHERE protokoll_id = %(pk)s", "Anslaget är uppsatt"),
    (
        "INSERT INTO moten_handling (mote_id, nummer, titel, filnamn, filtyp, storlek, sha256, fil, uppladdad)"
        " SELECT mote_id, 99, 'x', 'x.pdf', 'application/pdf', 1, 'x', 'x', now() FROM moten_protokoll WHERE id = %(pk)s",
        "Protokollet är justerat",
    ),
    (
        "UPDATE moten_dagordningspunkt SET rubrik = 'x' WHERE mote_id = "
        "(SELECT mote_id FROM moten_protokoll WHERE id = %(pk)s)",
        "Protokollet är justerat",
    ),
    (
        "UPDATE moten_protokolldokument SET pdf = 'x' WHERE protokoll_id = %(pk)s",
        "lagrat protokoll",
    ),
    ("DELETE FROM moten_protokolldokument WHERE protokoll_id = %(pk)s", "lagrat protokoll"),
    (
        "UPDATE moten_protokollinnehall SET data = '{}'::jsonb WHERE protokoll_id = %(pk)s",
        "innehåll kan inte ändras",
    ),
    ("DELETE FROM moten_protokollinnehall WHERE protokoll_id = %(pk)s", "innehåll kan inte ändras"),
    (
        "INSERT INTO moten_justeringskommentar (paragraf_id, person_id, text, skapad)"
        " SELECT p.id, j.person_id, 'x', now() FROM moten_paragraf p"
        " JOIN moten_justering j ON j.protokoll_id = p.protokoll_id WHERE p.protokoll_id = %(pk)s LIMIT 1",
        "Protokollet är justerat",
    ),
]


@pytest.mark.parametrize("sql,match", JUSTERAT)
def test_what_belongs_to_a_justerat_protocol_is_locked(moten, sql, match):
    _refused(sql, {"pk": moten.justerat.pk}, match)


def test_a_session_variable_cannot_switch_the_locks_off(moten):
    """pgtrigger skips its own triggers when `pgtrigger.ignore` names them; ours have no such
    door (forbund.sparr)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(tgname::text) FROM pg_trigger WHERE tgname LIKE 'pgtrigger_%%'"
        )
        (namn,) = cursor.fetchone()
    assert any(n.startswith("pgtrigger_paragraf_sparr_") for n in namn)
    with (
        pytest.raises(IntegrityError, match="Protokollet är justerat"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "SELECT set_config('pgtrigger.ignore', %s, true)", ["{" + ",".join(namn) + "}"]
        )
        cursor.execute(
            "UPDATE moten_paragraf SET rubrik = 'x' WHERE protokoll_id = %s", [moten.justerat.pk]
        )


def test_only_justerade_get_anslag_and_stored_documents(moten):
    pk = moten.numrerat.protokoll.pk
    _refused(
        "INSERT INTO moten_anslag (protokoll_id, anslagsdatum, ned_tidigast, forvaringsplats, skapat)"
        " VALUES (%(pk)s, '2022-04-01', '2022-04-25', 'x', now())",
        {"pk": pk},
        "Bara ett justerat protokoll kan anslås",
    )
    _refused(
        "INSERT INTO moten_protokolldokument (protokoll_id, variant, pdf, sha256, skapat)"
        " VALUES (%(pk)s, 'justerat', 'x', 'x', now())",
        {"pk": pk},
        "Bara ett justerat protokoll lagras",
    )
    _refused(
        "UPDATE moten_protokoll SET status = 'justerat', justerat = now(), sha256 = 'x' WHERE id = %(pk)s",
        {"pk": pk},
        "bara med sitt innehåll lagrat",
    )


FARDIGA = [
    ("UPDATE moten_protokoll SET status = 'utkast' WHERE id = %(pk)s", "färdiga"),
    ("UPDATE moten_paragraf SET text = 'x' WHERE protokoll_id = %(pk)s", "färdiga"),
    ("DELETE FROM moten_narvaro WHERE protokoll_id = %(pk)s", "färdiga"),
    (
        "UPDATE moten_mote SET plats = 'x' WHERE id = (SELECT mote_id FROM moten_protokoll WHERE id = %(pk)s)",
        "färdiga",
    ),
]


@pytest.mark.parametrize("sql,match", FARDIGA)
def test_fardiga_minnesanteckningar_are_locked(moten, sql, match):
    anteckningar = Protokoll.objects.get(mote__organ__namn="Utvecklingsrådet", status="fardigt")
    _refused(sql, {"pk": anteckningar.pk}, match)


def test_the_text_is_locked_from_the_first_justering_until_it_is_aterkallad(moten):
    protokoll = moten.numrerat.protokoll
    update = "UPDATE moten_paragraf SET text = 'Ändrad' WHERE protokoll_id = %(pk)s"
    services.protokoll_justera(
        actor=None, protokoll=protokoll, person=Person.objects.get(user__username="ordforande")
    )
    _refused(update, {"pk": protokoll.pk}, "en justerare har redan justerat")
    _refused(
        "UPDATE moten_narvaro SET kategori = 'franvarande' WHERE protokoll_id = %(pk)s",
        {"pk": protokoll.pk},
        "en justerare har redan justerat",
    )
    services.protokoll_aterkalla_justeringar(
        actor=None, protokoll=protokoll, skal="Fel i § 16", base_url="http://testserver/"
    )
    _ok(update, {"pk": protokoll.pk})
    assert protokoll.paragrafer.get().text == "Ändrad"


def test_a_paragraph_justerad_omedelbart_is_locked_and_the_rest_is_not(moten):
    protokoll = moten.numrerat.protokoll
    paragraf = protokoll.paragrafer.get()
    annan = services.paragraf_create(actor=None, protokoll=protokoll, rubrik="Övrigt", text="x")
    for username in ("ordforande", "ledamot"):
        services.paragraf_justera_omedelbart(
            actor=None, paragraf=paragraf, person=Person.objects.get(user__username=username)
        )
    params = {"p": paragraf.pk}
    match = "justerad omedelbart"
    _refused("UPDATE moten_paragraf SET text = 'x' WHERE id = %(p)s", params, match)
    _refused("DELETE FROM moten_paragraf WHERE id = %(p)s", params, match)
    _refused(
        "INSERT INTO moten_attsats (paragraf_id, ordning, text) VALUES (%(p)s, 9, 'x')",
        params,
        match,
    )
    _refused(
        "INSERT INTO moten_jav (paragraf_id, namn, omfattning) VALUES (%(p)s, 'x', 'beslut')",
        params,
        match,
    )
    _refused("DELETE FROM moten_paragrafjustering WHERE paragraf_id = %(p)s", params, match)
    _ok(
        "UPDATE moten_paragraf SET text = 'Fortfarande ett utkast' WHERE id = %(p)s",
        {"p": annan.pk},
    )
    assert Paragraf.objects.get(pk=annan.pk).text == "Fortfarande ett utkast"


def test_the_handlingar_and_a_paragraphs_anslag_stay_as_they_were(moten):
    """Issue 18's locks on rows that exist: a handling of the meeting once its protocol is
    justerat, and the anslag of a paragraph justerad omedelbart, tried with UPDATE and DELETE
    (the protocol's own anslag is tried above)."""
    protokoll = moten.numrerat.protokoll
    handling = services.handling_create(
        actor=None, mote=moten.numrerat, titel="Budget", filnamn="b.pdf", data=b"%PDF-1.4\n%b\n"
    )
    paragraf = protokoll.paragrafer.get()
    for username in ("ordforande", "ledamot"):
        services.paragraf_justera_omedelbart(
            actor=None, paragraf=paragraf, person=Person.objects.get(user__username=username)
        )
    anslag = services.anslag_create(
        actor=None, paragraf=paragraf, anslagsdatum=timezone.localdate(), forvaringsplats="Hus"
    )
    params = {"a": anslag.pk, "h": handling.pk}
    _refused(
        "UPDATE moten_anslag SET ned_tidigast = ned_tidigast - 7 WHERE id = %(a)s",
        params,
        "Anslaget är uppsatt",
    )
    _refused("DELETE FROM moten_anslag WHERE id = %(a)s", params, "Anslaget är uppsatt")
    # Before the protocol is justerat its handlingar may still change.
    _ok("UPDATE moten_handling SET titel = 'Budget 2022' WHERE id = %(h)s", params)
    for username in ("ordforande", "ledamot"):
        services.protokoll_justera(
            actor=None, protokoll=protokoll, person=Person.objects.get(user__username=username)
        )
    assert Protokoll.objects.get(pk=protokoll.pk).status == "justerat"
    match = "Protokollet är justerat"
    _refused("UPDATE moten_handling SET titel = 'x' WHERE id = %(h)s", params, match)
    _refused("DELETE FROM moten_handling WHERE id = %(h)s", params, match)


def test_the_admin_shows_anslag_and_fardiga_anteckningar_read_only(moten):
    kansli = client_for("forbundschef")
    anslag = moten.justerat.anslag
    url = reverse("admin:moten_anslag_change", args=[anslag.pk])
    assert kansli.get(url).status_code == 200
    assert kansli.post(url, {"forvaringsplats": "Någon annanstans"}).status_code == 403
    anteckningar = Protokoll.objects.get(mote__organ=Organ.objects.get(namn="Utvecklingsrådet"))
    url = reverse("admin:moten_protokoll_change", args=[anteckningar.pk])
    assert kansli.post(url, {"typ": "anteckningar", "nasta_mote": "x"}).status_code == 403
