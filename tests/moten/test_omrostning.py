"""Omröstning as data (issue 15): yrkanden, the votes of those present and serving and not
jäviga, the result computed with the ordförande's utslagsröst on a tie, the standard wording
in the document, the vote list as an appendix, reservations tied to those who voted against,
and impossible votes refused with a Swedish message."""

import datetime as dt
import io

import pypdf
import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from forbund.fel import Fel
from forbund.models import Organ, Person
from moten import dokument, kontroller, omrostning, services
from moten.models import Omrostning, Omrostningsrost, Reservation, Rost, Yrkande

from ..conftest import client_for

STYRELSEN = ["Karin Ödmark", "Johan Bergvik", "Fredrika Alnö", "Petter Skönvik"]


def mote_med_narvaro(datum, *, extra: list[tuple[str, str]] = ()):
    """A styrelse meeting whose four ledamöter are present (and `extra` (name, category))."""
    styrelsen = Organ.objects.get(typ=Organ.Typ.STYRELSE)
    mote = services.mote_create(actor=None, organ=styrelsen, datum=datum, plats="Rum 654")
    personer = {p.namn: p for p in Person.objects.all()}
    rader = [
        services.NarvaroRad(kategori="ordinarie", namn=n, person=personer[n]) for n in STYRELSEN
    ]
    rader += [
        services.NarvaroRad(
            kategori=kategori, namn=namn, ersatter="Okänd" * (kategori != "ordinarie")
        )
        for namn, kategori in extra
    ]
    services.narvaro_save(actor=None, protokoll=mote.protokoll, rader=rader)
    paragraf = services.paragraf_create(
        actor=None,
        protokoll=mote.protokoll,
        rubrik="Ansökan om medel för psykolog 2023",
        beslut=["bevilja 895 000 kr till psykologtjänst för 2023."],
    )
    return mote.protokoll, paragraf


YRKANDEN = [
    services.YrkandeIn(namn="Karin Ödmark", lydelse="bifall till förslaget"),
    services.YrkandeIn(namn="Petter Skönvik", lydelse="avslag"),
]


def test_the_pure_rules():
    assert omrostning.genitiv("Karin Ödmark") == "Karin Ödmarks"
    assert omrostning.genitiv("Lars") == "Lars"
    utfall, fel = omrostning.rakna(ja=2, nej=2, avstar=0, ordforandens_rost="")
    assert utfall is None and "utslagsröst" in fel
    utfall, _ = omrostning.rakna(ja=2, nej=2, avstar=0, ordforandens_rost=Rost.NEJ)
    assert utfall.vinner == Rost.NEJ and utfall.utslagsrost
    assert omrostning.kontrollera_antal(ja=3, nej=2, avstar=0, rostande=4)
    assert omrostning.kontrollera_antal(ja=2, nej=1, avstar=0, rostande=4)
    assert omrostning.kontrollera_antal(ja=2, nej=1, avstar=1, rostande=4) == []


def test_a_3_2_vote_by_name_with_a_reservation_in_the_standard_wording(moten):
    protokoll, paragraf = mote_med_narvaro(
        dt.date(2022, 4, 22), extra=[("Anna Timrå", "ordinarie")]
    )
    services.paragraf_omrostning_save(
        actor=None,
        paragraf=paragraf,
        yrkanden=YRKANDEN,
        propositionsordning="Ordföranden ställer proposition på yrkandena.",
        omrostning=services.OmrostningIn(
            ja=0,
            nej=1,
            roster={
                "Karin Ödmark": Rost.JA,
                "Johan Bergvik": Rost.JA,
                "Fredrika Alnö": Rost.JA,
                "Petter Skönvik": Rost.NEJ,
                "Anna Timrå": Rost.NEJ,
            },
        ),
        reservationer=[
            services.ReservationIn(
                namn="Petter Skönvik", motivering="Medlen räcker inte.", bilaga="3"
            )
        ],
    )
    o = Omrostning.objects.get(paragraf=paragraf)
    assert (o.ja, o.nej, o.avstar, o.utslagsrost) == (3, 2, 0, False)
    assert Yrkande.objects.get(paragraf=paragraf, bifallet=True).namn == "Karin Ödmark"
    d = dokument.ogonblick(dokument.hamta(protokoll.pk))
    pd = d["paragrafer"][0]
    assert pd["omrostning_data"]["text"] == (
        "Omröstning begärs och verkställs. Ja-röst för Karin Ödmarks yrkande, nej-röst för "
        "Petter Skönviks yrkande. Omröstningen utfaller med 3 ja-röster mot 2 nej-röster. "
        "Styrelsen har således beslutat enligt Karin Ödmarks yrkande."
    )
    assert [r["rost"] for r in pd["omrostning_data"]["rostlista"]] == [
        "ja",
        "ja",
        "ja",
        "nej",
        "nej",
    ]
    page = client_for("forbundschef").get(reverse("protokoll_dokument", args=[protokoll.pk]))
    html = page.content.decode()
    assert pd["omrostning_data"]["text"] in html
    assert "Petter Skönvik reserverar sig mot beslutet (skriftlig reservation, bilaga 3)." in html
    assert "Bilaga: omröstningslista" in html
    pdf = client_for("forbundschef").get(reverse("protokoll_pdf", args=[protokoll.pk]))
    text = " ".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages
    ).replace("\n", " ")
    assert "Omröstningen utfaller med 3 ja-röster mot 2 nej-röster." in text
    assert "omröstningslista" in text


def test_a_reservation_by_one_who_voted_for_the_decision_is_refused(moten):
    _protokoll, paragraf = mote_med_narvaro(dt.date(2022, 4, 22))
    with pytest.raises(Fel) as exc:
        services.paragraf_omrostning_save(
            actor=None,
            paragraf=paragraf,
            yrkanden=YRKANDEN,
            omrostning=services.OmrostningIn(
                ja=0,
                nej=1,
                roster={
                    "Karin Ödmark": Rost.JA,
                    "Johan Bergvik": Rost.JA,
                    "Fredrika Alnö": Rost.JA,
                    "Petter Skönvik": Rost.NEJ,
                },
            ),
            reservationer=[services.ReservationIn(namn="Fredrika Alnö")],
        )
    assert exc.value.fel == [
        "Fredrika Alnö röstade för beslutet och kan inte reservera sig mot det."
    ]
    assert not Reservation.objects.filter(paragraf=paragraf).exists()


def test_3_2_with_four_serving_members_is_refused(moten):
    _protokoll, paragraf = mote_med_narvaro(
        dt.date(2022, 4, 22), extra=[("Tove Ringblad", "ersattare")]
    )
    with pytest.raises(Fel) as exc:
        services.paragraf_omrostning_save(
            actor=None,
            paragraf=paragraf,
            yrkanden=YRKANDEN,
            omrostning=services.OmrostningIn(ja=0, nej=1, antal=(3, 2, 0)),
        )
    assert exc.value.fel == [
        "Omröstningen 3–2 har 5 röster, men bara 4 ledamöter är närvarande och tjänstgörande "
        "utan jäv i paragrafen. Rätta rösterna eller närvaron."
    ]
    assert not Omrostning.objects.filter(paragraf=paragraf).exists()


def test_a_jävig_member_neither_votes_nor_counts(moten):
    protokoll, paragraf = mote_med_narvaro(dt.date(2022, 4, 22))
    services.paragraf_update(
        actor=None,
        paragraf=paragraf,
        version=paragraf.version,
        rubrik=paragraf.rubrik,
        text="",
        bilagor="",
        beslut=["bevilja medel."],
        jav=[("Johan Bergvik", "beslut", None)],
    )
    with pytest.raises(Fel) as exc:
        services.paragraf_omrostning_save(
            actor=None,
            paragraf=paragraf,
            yrkanden=YRKANDEN,
            omrostning=services.OmrostningIn(ja=0, nej=1, antal=(2, 2, 0)),
        )
    assert "bara 3 ledamöter" in exc.value.fel[0]
    services.paragraf_omrostning_save(
        actor=None,
        paragraf=paragraf,
        yrkanden=YRKANDEN,
        omrostning=services.OmrostningIn(ja=0, nej=1, antal=(2, 1, 0)),
    )
    assert Omrostning.objects.get(paragraf=paragraf).ja == 2


def test_a_tie_is_decided_by_the_ordforande(moten):
    protokoll, paragraf = mote_med_narvaro(dt.date(2022, 4, 22))
    roster = {
        "Karin Ödmark": Rost.NEJ,  # the ordförande
        "Johan Bergvik": Rost.JA,
        "Fredrika Alnö": Rost.JA,
        "Petter Skönvik": Rost.NEJ,
    }
    services.paragraf_omrostning_save(
        actor=None,
        paragraf=paragraf,
        yrkanden=YRKANDEN,
        omrostning=services.OmrostningIn(ja=0, nej=1, roster=roster),
    )
    o = Omrostning.objects.get(paragraf=paragraf)
    assert (o.ja, o.nej, o.utslagsrost, o.ordforandens_rost) == (2, 2, True, Rost.NEJ)
    assert Yrkande.objects.get(paragraf=paragraf, bifallet=True).namn == "Petter Skönvik"
    text = dokument.ogonblick(dokument.hamta(protokoll.pk))["paragrafer"][0]["omrostning_data"][
        "text"
    ]
    assert "utfaller med 2 ja-röster mot 2 nej-röster" in text
    assert text.endswith("Styrelsen har således beslutat enligt Petter Skönviks yrkande.")
    # Counts only: a tie needs the ordförande's vote.
    with pytest.raises(Fel) as exc:
        services.paragraf_omrostning_save(
            actor=None,
            paragraf=paragraf,
            yrkanden=YRKANDEN,
            omrostning=services.OmrostningIn(ja=0, nej=1, antal=(2, 2, 0)),
        )
    assert "utslagsröst" in exc.value.fel[0]


def test_the_omrostning_page_keeps_what_was_typed_and_names_the_error(moten):
    _protokoll, paragraf = mote_med_narvaro(dt.date(2022, 4, 22))
    url = reverse("paragraf_omrostning", args=[paragraf.pk])
    assert client_for("forbundschef").get(url).status_code == 200
    svar = client_for("forbundschef").post(
        url,
        {
            "yrkande_1_namn": "Karin Ödmark",
            "yrkande_1_lydelse": "bifall till förslaget",
            "yrkande_2_namn": "Petter Skönvik",
            "yrkande_2_lydelse": "avslag",
            "omrostning": "on",
            "ja_yrkande": "1",
            "nej_yrkande": "2",
            "satt": "antal",
            "ja_antal": "3",
            "nej_antal": "2",
        },
    )
    assert svar.status_code == 422
    html = svar.content.decode()
    assert "har 5 röster, men bara 4 ledamöter" in html
    assert 'value="bifall till förslaget"' in html
    assert not Omrostning.objects.filter(paragraf=paragraf).exists()
    # Without a vote, but with two yrkanden: which one did the decision follow?
    svar = client_for("forbundschef").post(
        url,
        {
            "yrkande_1_namn": "Karin Ödmark",
            "yrkande_1_lydelse": "bifall till förslaget",
            "yrkande_2_namn": "Petter Skönvik",
            "yrkande_2_lydelse": "avslag",
            "satt": "namn",
            "beslut_enligt": "1",
            "reservation_1_namn": "Petter Skönvik",
        },
    )
    assert svar.status_code == 302
    assert Reservation.objects.get(paragraf=paragraf).namn == "Petter Skönvik"


def test_the_omrostning_of_a_justerat_protocol_is_locked_by_the_database(moten):
    """The demo's 2022-01-21 § 9 (justerat): its yrkanden, votes and reservation stay."""
    yrkande = Yrkande.objects.filter(paragraf__nummer=9, paragraf__ar=2022).first()
    for sql, parametrar in (
        ("UPDATE moten_yrkande SET lydelse = 'ändrat' WHERE id = %s", [yrkande.pk]),
        (
            "DELETE FROM moten_omrostningsrost WHERE id = %s",
            [Omrostningsrost.objects.filter(paragraf=yrkande.paragraf).first().pk],
        ),
        (
            "UPDATE moten_reservation SET namn = 'Någon annan' WHERE paragraf_id = %s",
            [yrkande.paragraf_id],
        ),
    ):
        with (
            pytest.raises(IntegrityError, match="Protokollet är justerat"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, parametrar)


def test_numrera_is_refused_when_the_narvaro_changed_under_an_omrostning(moten):
    protokoll, paragraf = mote_med_narvaro(dt.date(2022, 4, 22))
    services.paragraf_omrostning_save(
        actor=None,
        paragraf=paragraf,
        yrkanden=YRKANDEN,
        omrostning=services.OmrostningIn(ja=0, nej=1, antal=(3, 1, 0)),
    )
    # Johan Bergvik is marked frånvarande afterwards: the 3–1 no longer adds up.
    rader = [
        services.NarvaroRad(
            kategori="franvarande" if n.namn == "Johan Bergvik" else n.kategori,
            namn=n.namn,
            person=n.person,
        )
        for n in protokoll.narvaro.all()
    ]
    services.narvaro_save(actor=None, protokoll=protokoll, rader=rader)
    kontroll = kontroller.for_justering(dokument.hamta(protokoll.pk), idag=dt.date(2022, 4, 22))
    assert any(
        "omröstningen eller reservationerna stämmer inte längre" in b.text for b in kontroll.fel
    )
