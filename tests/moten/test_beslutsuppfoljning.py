"""Beslutsuppföljning (issue 15): an Att-clause gives an uppdrag; open uppdrag are on the
kansli's and the board's start page and on the dagordning (and kallelse) of the organ's
later meetings under "Uppföljning av tidigare beslut" until a later paragraph closes them."""

import datetime as dt

import pytest
from django.urls import reverse

from forbund.fel import Fel
from moten import selectors, services
from moten.models import Beslutsuppdrag

from ..conftest import client_for


def _uppdrag_pa(paragraf, **kwargs):
    return services.beslutsuppdrag_create(
        actor=None,
        paragraf=paragraf,
        attsats=paragraf.beslut.first(),
        ansvarig="förbundschefen",
        **kwargs,
    )


def test_an_uppdrag_follows_the_organ_until_a_later_paragraph_closes_it(moten):
    justerad = moten.justerad_paragraf  # § 161, 2021-11-26
    kansli = client_for("forbundschef")
    svar = kansli.post(
        reverse("beslutsuppdrag_create", args=[justerad.pk]),
        {
            "attsats": justerad.beslut.first().pk,
            "ansvarig": "förbundschefen",
            "beskrivning": "Återkomma med en uppföljning av SIP-samordnaren.",
            "till_nasta_sammantrade": "on",
        },
    )
    assert svar.status_code == 302
    uppdrag = Beslutsuppdrag.objects.latest("pk")
    # Due at the styrelse's next meeting after 2021-11-26: 2022-01-21, long past.
    assert selectors.oppna_uppdrag().get(pk=uppdrag.pk).forfaller == dt.date(2022, 1, 21)

    tidigare = moten.utkast
    sida = kansli.get(reverse("mote_detail", args=[tidigare.pk])).content.decode()
    assert "Uppföljning av tidigare beslut" in sida
    assert "Återkomma med en uppföljning av SIP-samordnaren." in sida
    assert "försenat" in sida
    for persona in ("forbundschef", "ordforande"):
        start = client_for(persona).get(reverse("oversikt")).content.decode()
        assert "Återkomma med en uppföljning av SIP-samordnaren." in start, persona
    assert "Återkomma" not in client_for("insatspersonal").get(reverse("oversikt")).content.decode()

    # Closed in a paragraph of the February meeting: gone from the later meetings' dagordning,
    # shown as done on February's.
    stanger = tidigare.protokoll.paragrafer.get()
    svar = kansli.post(
        reverse("beslutsuppdrag_avsluta", args=[uppdrag.pk]), {"paragraf": stanger.pk}
    )
    assert svar.status_code == 302
    uppdrag.refresh_from_db()
    assert uppdrag.avslutat_i == stanger
    mars = kansli.get(reverse("mote_detail", args=[moten.numrerat.pk])).content.decode()
    assert "Återkomma med en uppföljning" not in mars
    feb = kansli.get(reverse("mote_detail", args=[tidigare.pk])).content.decode()
    assert f"klart, redovisat i § (ej numrerad) {tidigare.datum.isoformat()}" in feb
    assert not selectors.oppna_uppdrag().filter(pk=uppdrag.pk).exists()


def test_an_uppdrag_needs_a_when_and_closes_only_in_a_later_meeting(moten):
    justerad = moten.justerad_paragraf
    with pytest.raises(Fel, match="Ange när uppdraget ska vara klart"):
        _uppdrag_pa(justerad)
    uppdrag = _uppdrag_pa(justerad, senast=dt.date(2022, 3, 1))
    samma_mote = moten.justerat.paragrafer.get(nummer=162)
    with pytest.raises(Fel, match="senare sammanträde med samma organ"):
        services.beslutsuppdrag_avsluta(actor=None, uppdrag=uppdrag, paragraf=samma_mote)
    # The form keeps what was typed and names the missing date.
    svar = client_for("forbundschef").post(
        reverse("beslutsuppdrag_create", args=[justerad.pk]),
        {"attsats": justerad.beslut.first().pk, "ansvarig": "utvecklingsledaren"},
    )
    assert svar.status_code == 422
    assert 'value="utvecklingsledaren"' in svar.content.decode()


def test_the_demo_has_bilagor_an_omrostning_and_uppdrag_some_overdue(moten):
    """The demo of issue 15: seed 003's bilagor with the 2021-11-26 protocol, an omröstning
    with a reservation in 2022-01-21, and uppdrag, some overdue."""
    november = moten.justerat.innehallet.data
    assert [b["titel"] for b in november["bilagor"]] == [
        "NNS Indikatorer för finansiell samordning: enkäterna",
        "Detaljerad budgetuppföljning 2021",
    ]
    januari = Beslutsuppdrag.objects.filter(paragraf__nummer=9).first().paragraf.protokoll
    p9 = next(p for p in januari.innehallet.data["paragrafer"] if p["nummer"] == 9)
    assert "Omröstningen utfaller med 3 ja-röster mot 1 nej-röst." in p9["omrostning_data"]["text"]
    assert [r["namn"] for r in p9["reservationslista"]] == ["Tove Ringblad"]
    idag = dt.date.today()
    oppna = list(selectors.oppna_uppdrag())
    assert len(oppna) == 3
    assert sum(1 for u in oppna if u.forfaller < idag) == 2
    assert Beslutsuppdrag.objects.filter(avslutat_i__nummer=5).count() == 1
