"""Writes to the verksamhetsrapporter: a new report, a section's text, the board's approval
(which stores the figures and locks the edition), a new edition. Each in a transaction."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from forbund import historik
from forbund.fel import Fast, Fel, Konflikt
from forbund.models import Organ

from .models import Avsnitt, Rapportavsnitt, Verksamhetsrapport
from .verksamhetsrapport import bygg_innehall

KONFLIKT_MEDDELANDE = (
    "Någon annan har sparat avsnittet medan du skrev. Din text är inte sparad: jämför "
    "med den sparade och spara igen."
)


def sparr_fel(rapport) -> Fast:
    """Why an approved edition cannot change."""
    nummer = rapport.paragraf.nummer if rapport.paragraf_id else "?"
    return Fast(
        f"{rapport.titel} (utgåva {rapport.utgava}) är godkänd av styrelsen i § {nummer} och "
        "kan inte ändras. Starta en ny utgåva om något behöver rättas."
    )


@transaction.atomic
def verksamhetsrapport_create(*, actor, typ: str, fran: dt.date, till: dt.date, texter=None):
    """A new report (utgåva 1) with its six sections; `texter` (nyckel -> text) fills them."""

    if typ == Verksamhetsrapport.Typ.ARSREDOVISNING:
        fran, till = dt.date(till.year, 1, 1), dt.date(till.year, 12, 31)
    if till < fran:
        raise Fel("Periodens slut kan inte ligga före dess början.")
    if fran.year != till.year:
        raise Fel("En rapport gäller ett verksamhetsår: början och slut ska ligga samma år.")
    if Verksamhetsrapport.objects.filter(typ=typ, fran=fran, till=till).exists():
        raise Fel(
            "Det finns redan en rapport för den perioden. Öppna den, eller starta en ny utgåva "
            "från den godkända."
        )
    rapport = Verksamhetsrapport(typ=typ, fran=fran, till=till, skapad_av=actor)
    historik.save(rapport, actor=actor)
    texter = texter or {}
    for nyckel in Avsnitt.values:
        row = Rapportavsnitt(rapport=rapport, nyckel=nyckel, text=texter.get(nyckel, ""))
        historik.save(row, actor=actor)
    return rapport


@transaction.atomic
def rapportavsnitt_save(*, actor, avsnitt, text: str, version: int):
    """Save one section's text. Refused when the report is approved (the database refuses it
    too) or when someone saved the section after this edit began (`Konflikt`)."""
    avsnitt = (
        # The report row too, so an approval and a save cannot cross each other.
        Rapportavsnitt.objects.select_for_update(of=("self", "rapport"))
        .select_related("rapport__paragraf")
        .get(pk=avsnitt.pk)
    )
    if avsnitt.rapport.sparrad:
        raise sparr_fel(avsnitt.rapport)
    if avsnitt.version != version:
        raise Konflikt(avsnitt, KONFLIKT_MEDDELANDE)
    avsnitt.text = text
    avsnitt.version += 1
    avsnitt.andrad_av = actor
    historik.save(avsnitt, actor=actor)
    return avsnitt


@transaction.atomic
def verksamhetsrapport_godkann(*, actor, rapport, paragraf):
    """The board approved the report in `paragraf`: its figures are stored as they are now
    and the edition is locked."""

    rapport = Verksamhetsrapport.objects.select_for_update().get(pk=rapport.pk)
    if rapport.sparrad:
        raise sparr_fel(rapport)
    if paragraf.nummer is None or paragraf.organ.typ != Organ.Typ.STYRELSE:
        raise Fel("Välj en numrerad paragraf i styrelsens protokoll.")
    datum = paragraf.protokoll.mote.datum
    if datum < rapport.till:
        raise Fel(
            f"Mötet {datum.isoformat()} ligger före periodens slut ({rapport.till.isoformat()}): "
            "styrelsen kan inte ha godkänt rapporten där."
        )
    rapport.innehall = bygg_innehall(rapport)
    rapport.status = Verksamhetsrapport.Status.GODKAND
    rapport.paragraf = paragraf
    rapport.godkand = timezone.now()
    rapport.godkand_av = actor
    historik.save(rapport, actor=actor)
    return rapport


@transaction.atomic
def verksamhetsrapport_ny_utgava(*, actor, fran):
    """A new draft edition from an approved one, with its texts; the approved one stays."""
    if not fran.sparrad:
        raise Fel("Bara en godkänd rapport kan få en ny utgåva; utkastet kan ändras direkt.")
    syskon = Verksamhetsrapport.objects.select_for_update().filter(
        typ=fran.typ, fran=fran.fran, till=fran.till
    )
    if syskon.filter(status=Verksamhetsrapport.Status.UTKAST).exists():
        raise Fel("Det finns redan ett utkast till en ny utgåva av rapporten.")
    ny = Verksamhetsrapport(
        typ=fran.typ,
        fran=fran.fran,
        till=fran.till,
        utgava=(syskon.aggregate(m=Max("utgava"))["m"] or 0) + 1,
        foregaende=fran,
        skapad_av=actor,
    )
    historik.save(ny, actor=actor)
    for a in fran.avsnitt.all():
        row = Rapportavsnitt(rapport=ny, nyckel=a.nyckel, text=a.text)
        historik.save(row, actor=actor)
    return ny
