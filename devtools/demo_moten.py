"""Demo meetings: both Sundsvall protocols of seed 003, justerade and anslagna with the
seed's own dates, and the utvecklingsråd's minnesanteckningar of seed 000."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction

from forbund.models import Organ, Person, Uppdrag
from moten import services
from moten.models import Dagordningspunkt, Justering, Mote, Narvaro, Paragrafnummer, Protokoll

from .demo_moten_data import MINNESANTECKNINGAR, PROTOKOLL

STOCKHOLM = ZoneInfo("Europe/Stockholm")
ORDFORANDE = "Karin Ödmark"


def _datum(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@transaction.atomic
def load() -> bool:
    if Mote.objects.exists():
        return False
    forbund_organ = Organ.objects.get(typ=Organ.Typ.STYRELSE).forbund
    personer = {p.namn: p for p in Person.objects.all()}
    for data in PROTOKOLL:
        _load_protokoll(data, personer)
    utvecklingsradet, _ = Organ.objects.get_or_create(
        forbund=forbund_organ, namn="Utvecklingsrådet", defaults={"typ": Organ.Typ.UTVECKLINGSRAD}
    )
    for data in MINNESANTECKNINGAR:
        _load_anteckningar(data, utvecklingsradet)
    return True


def _load_protokoll(data: dict, personer: dict[str, Person]) -> Protokoll:
    organ = Organ.objects.get(namn=data["organ"])
    datum = _datum(data["datum"])
    mote = Mote.objects.create(organ=organ, datum=datum, plats=data["plats"])
    for i, p in enumerate(data["paragrafer"]):
        Dagordningspunkt.objects.create(
            mote=mote, ordning=(i + 1) * 10, rubrik=p["rubrik"], standard=p.get("standard", "")
        )
    protokoll = Protokoll.objects.create(mote=mote, typ=Protokoll.Typ.SAMMANTRADESPROTOKOLL)

    rader = [
        services.NarvaroRad(
            kategori=n["kategori"],
            namn=n["namn"],
            beskrivning=n.get("beskrivning", ""),
            person=personer.get(n["namn"]),
            ersatter=n.get("ersatter", ""),
            fran_paragraf=n.get("fran"),
            till_paragraf=n.get("till"),
        )
        for n in data["narvaro"]
    ]
    # Members of the organ on that day who are not listed were absent.
    listed = {r.namn for r in rader}
    for u in (
        Uppdrag.objects.aktiva(datum)
        .filter(organ=organ)
        .select_related("person", "part")
        .order_by("part__ordning", "roll")
    ):
        if u.person.namn not in listed:
            rader.append(
                services.NarvaroRad(
                    kategori=Narvaro.Kategori.FRANVARANDE,
                    namn=u.person.namn,
                    beskrivning=u.part.namn if u.part else "",
                    person=u.person,
                )
            )
            listed.add(u.person.namn)
    services.narvaro_save(actor=None, protokoll=protokoll, rader=rader)

    for p in data["paragrafer"]:
        services.paragraf_create(
            actor=None,
            protokoll=protokoll,
            nummer=p["nummer"],
            rubrik=p["rubrik"],
            text=p["text"],
            bilagor=p.get("bilagor", ""),
            beslut=p["beslut"],
            jav=[(j["namn"], j["omfattning"], personer.get(j["namn"])) for j in p["jav"]],
            yrkanden=p.get("yrkanden", ""),
            omrostning=p.get("omrostning", ""),
            reservationer=p.get("reservationer", ""),
            standard=p.get("standard", ""),
        )
    hogsta = max(p["nummer"] for p in data["paragrafer"])
    serie, _ = Paragrafnummer.objects.get_or_create(organ=organ, ar=datum.year)
    serie.senaste = max(serie.senaste, hogsta)
    serie.save()

    # Justering and anslag on the seed's own dates.
    protokoll.status = Protokoll.Status.NUMRERAT
    protokoll.save(update_fields=["status"])

    ordforande = personer[ORDFORANDE]
    justerare = personer[data["justerare"]]
    Justering.objects.create(protokoll=protokoll, person=ordforande, roll=Justering.Roll.ORDFORANDE)
    Justering.objects.create(protokoll=protokoll, person=justerare, roll=Justering.Roll.JUSTERARE)
    justerad = dt.datetime.combine(_datum(data["justeringsdatum"]), dt.time(12, 0), STOCKHOLM)
    for person in (ordforande, justerare):
        services.protokoll_justera(
            actor=None, protokoll=protokoll, person=person, tidpunkt=justerad
        )
    protokoll.refresh_from_db()
    # Put up on the seed's own day (then "today"): the seed's November anslag came six days
    # after justering, later than kommunallagen's two, so the service allows it only that day.
    services.anslag_create(
        actor=None,
        protokoll=protokoll,
        anslagsdatum=_datum(data["anslagsdatum"]),
        forvaringsplats=organ.forbund.adress,
        idag=_datum(data["anslagsdatum"]),
    )
    return protokoll


def _load_anteckningar(data: dict, organ: Organ) -> Protokoll:
    mote = Mote.objects.create(
        organ=organ,
        datum=_datum(data["datum"]),
        plats=data.get("plats", ""),
        starttid=dt.time.fromisoformat(data["tid"].split("-")[0]) if data.get("tid") else None,
        sluttid=dt.time.fromisoformat(data["tid"].split("-")[1]) if data.get("tid") else None,
    )
    protokoll = Protokoll.objects.create(
        mote=mote, typ=Protokoll.Typ.MINNESANTECKNINGAR, nasta_mote=data.get("nasta_mote", "")
    )
    rader = [
        services.NarvaroRad(
            kategori=Narvaro.Kategori.NARVARANDE,
            namn=n["namn"],
            beskrivning=n.get("beskrivning", ""),
        )
        for n in data["narvarande"]
    ] + [
        services.NarvaroRad(
            kategori=Narvaro.Kategori.GAST, namn=n["namn"], beskrivning=n.get("beskrivning", "")
        )
        for n in data["gaster"]
    ]
    services.narvaro_save(actor=None, protokoll=protokoll, rader=rader)
    for avsnitt in data["avsnitt"]:
        services.paragraf_create(
            actor=None, protokoll=protokoll, rubrik=avsnitt["rubrik"], text=avsnitt["text"]
        )
    services.minnesanteckningar_fardigstall(actor=None, protokoll=protokoll)
    return protokoll
