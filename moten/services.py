"""Writes to meetings and protocols. Each function runs in a transaction.

A justerat protocol is locked twice: these functions refuse with a Swedish message
(ProtokollSparrat), and the database triggers of migration 0002 refuse whatever gets past them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from forbund import historik, uploads
from forbund.fel import Fel, Konflikt
from forbund.models import ORDINARIE_ROLLER, Organ, Person, Roll, Uppdrag

from . import kalender
from .models import (
    STANDARD_AVSLUTNING,
    STANDARD_INLEDNING,
    Anslag,
    AttSats,
    Dagordningspunkt,
    Handling,
    Jav,
    Justering,
    Mote,
    Narvaro,
    Paragraf,
    Paragrafnummer,
    Protokoll,
    Standardpunkt,
)


class ProtokollSparrat(Fel):
    """The protocol is justerat (or the paragraph numbered) and this change is not allowed."""


KONFLIKT_MEDDELANDE = "Paragrafen har ändrats av någon annan medan du skrev."


SPARR_MEDDELANDE = "Protokollet är justerat och kan inte ändras. Rättelser görs i en paragraf i ett senare protokoll."


FARDIGT_MEDDELANDE = "Anteckningarna är markerade som färdiga och kan inte ändras."


def _ensure_editable(protokoll: Protokoll) -> None:
    if protokoll.status == Protokoll.Status.FARDIGT:
        raise ProtokollSparrat(FARDIGT_MEDDELANDE)
    if protokoll.sparrat:
        raise ProtokollSparrat(SPARR_MEDDELANDE)
    # Once one justerare has signed, the text they approved must not change under them.
    if (
        protokoll.status == Protokoll.Status.NUMRERAT
        and protokoll.justeringar.filter(justerad__isnull=False).exists()
    ):
        raise ProtokollSparrat(
            "Protokollet justeras: minst en justerare har redan godkänt det, så det ändras inte."
        )


# --- Meetings and dagordning -------------------------------------------------------------


@transaction.atomic
def mote_create(
    *,
    actor,
    organ: Organ,
    datum: dt.date,
    plats: str,
    starttid: dt.time | None = None,
    sluttid: dt.time | None = None,
) -> Mote:
    """A meeting with the standard dagordning and an empty protocol of the organ's kind."""
    mote = Mote(organ=organ, datum=datum, plats=plats, starttid=starttid, sluttid=sluttid)
    historik.save(mote, actor=actor, validate=True)
    formell = organ.typ == Organ.Typ.STYRELSE
    if formell:
        for i, (kod, _text, beslut) in enumerate(STANDARD_INLEDNING + STANDARD_AVSLUTNING):
            Dagordningspunkt.objects.create(
                mote=mote,
                ordning=(i + 1) * 10,
                rubrik=Standardpunkt(kod).label,
                standard=kod,
                forslag_till_beslut="\n\n".join(beslut),
            )
    Protokoll.objects.create(
        mote=mote,
        typ=Protokoll.Typ.SAMMANTRADESPROTOKOLL if formell else Protokoll.Typ.MINNESANTECKNINGAR,
    )
    return mote


@transaction.atomic
def mote_update(*, actor, mote: Mote, **fields) -> Mote:
    _ensure_editable(mote.protokoll)
    byter_serie = ("organ" in fields and fields["organ"] != mote.organ) or (
        "datum" in fields and fields["datum"].year != mote.datum.year
    )
    if byter_serie and mote.protokoll.paragrafer.exists():
        raise ProtokollSparrat(
            "Organ och år kan inte ändras när protokollet har paragrafer: numreringen hör till "
            "organets serie för året."
        )
    for name, value in fields.items():
        setattr(mote, name, value)
    historik.save(mote, actor=actor, validate=True)
    return mote


def _dagordning_andringsbar(mote: Mote) -> None:
    if mote.protokoll.status != Protokoll.Status.UTKAST:
        raise ProtokollSparrat(
            "Dagordningen kan inte ändras när protokollets paragrafer är numrerade."
        )


AVSLUTANDE = (Standardpunkt.OVRIGA, Standardpunkt.AVSLUTNING)


def _resequence(rows: list, actor) -> None:
    for i, row in enumerate(rows):
        if row.ordning != (i + 1) * 10:
            row.ordning = (i + 1) * 10
            historik.save(row, actor=actor, update_fields=["ordning"])


@transaction.atomic
def dagordningspunkt_create(*, actor, mote: Mote, **fields) -> Dagordningspunkt:
    """A new item, placed before the closing standard items (övriga frågor, avslutning)."""
    _dagordning_andringsbar(mote)
    rows = list(mote.dagordning.select_for_update().order_by("ordning", "pk"))
    punkt = Dagordningspunkt(mote=mote, ordning=0, **fields)
    historik.save(punkt, actor=actor, validate=True)
    closing = [i for i, r in enumerate(rows) if r.standard in AVSLUTANDE]
    rows.insert(closing[0] if closing else len(rows), punkt)
    _resequence(rows, actor)
    return punkt


@transaction.atomic
def dagordningspunkt_update(*, actor, punkt: Dagordningspunkt, **fields) -> Dagordningspunkt:
    _dagordning_andringsbar(punkt.mote)
    for name, value in fields.items():
        setattr(punkt, name, value)
    historik.save(punkt, actor=actor, validate=True)
    return punkt


@transaction.atomic
def dagordningspunkt_delete(*, actor, punkt: Dagordningspunkt) -> None:
    _dagordning_andringsbar(punkt.mote)
    historik.delete(punkt, actor=actor)


def _flytta(rows: list, index: int, steg: int) -> list:
    target = index + steg
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    return rows


@transaction.atomic
def dagordningspunkt_move(*, actor, punkt: Dagordningspunkt, steg: int) -> None:
    _dagordning_andringsbar(punkt.mote)
    rows = list(punkt.mote.dagordning.select_for_update().order_by("ordning", "pk"))
    _resequence(_flytta(rows, [r.pk for r in rows].index(punkt.pk), steg), actor)


@transaction.atomic
def handling_create(
    *,
    actor,
    mote: Mote,
    titel: str,
    filnamn: str,
    data: bytes,
    dagordningspunkt: Dagordningspunkt | None = None,
) -> Handling:
    """Store an uploaded document after checking what it really is (uploads.kand_filtyp)."""
    filtyp = uploads.kand_filtyp(data)
    _ensure_editable(mote.protokoll)
    # Lock the meeting row: attachment numbers are given one upload at a time.
    Mote.objects.select_for_update().get(pk=mote.pk)
    nummer = (Handling.objects.filter(mote=mote).aggregate(m=Max("nummer"))["m"] or 0) + 1
    handling = Handling(
        mote=mote,
        dagordningspunkt=dagordningspunkt,
        nummer=nummer,
        titel=titel,
        filnamn=uploads.filnamn_for(filnamn, filtyp),
        filtyp=filtyp,
        storlek=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uppladdad_av=actor,
    )
    handling.fil.save(handling.sha256, ContentFile(data), save=False)
    handling.save()
    return handling


def kallelse_mottagare(mote: Mote) -> list[Person]:
    """The organ's members and ersättare on the meeting day, who have an e-mail address."""
    return list(
        Person.objects.filter(
            uppdrag__in=Uppdrag.objects.aktiva(mote.datum).filter(organ=mote.organ), epost__gt=""
        )
        .distinct()
        .order_by("efternamn", "fornamn")
    )


@transaction.atomic
def kallelse_send(*, actor, mote: Mote, pdf: bytes, text: str) -> list[Person]:
    _ensure_editable(mote.protokoll)
    mottagare = kallelse_mottagare(mote)
    if not mottagare:
        return []
    mote.kallelse_skickad = timezone.now()
    historik.save(mote, actor=actor, update_fields=["kallelse_skickad"])

    def send():
        msg = EmailMessage(
            subject=f"Kallelse: {mote.organ.namn} {mote.datum.isoformat()}",
            body=text,
            to=[p.epost for p in mottagare],
        )
        msg.attach(f"kallelse-{mote.datum.isoformat()}.pdf", pdf, "application/pdf")
        msg.send()

    transaction.on_commit(send)
    return mottagare


# --- The protocol -----------------------------------------------------------------------


@dataclass(frozen=True)
class NarvaroRad:
    kategori: str
    namn: str
    beskrivning: str = ""
    person: Person | None = None
    ersatter: str = ""
    fran_paragraf: int | None = None
    till_paragraf: int | None = None


@transaction.atomic
def narvaro_save(*, actor, protokoll: Protokoll, rader: list[NarvaroRad]) -> None:
    """Replace the attendance list."""
    _ensure_editable(protokoll)
    protokoll.narvaro.all().delete()
    Narvaro.objects.bulk_create(
        Narvaro(
            protokoll=protokoll,
            ordning=i,
            kategori=r.kategori,
            namn=r.namn,
            beskrivning=r.beskrivning,
            person=r.person,
            ersatter=r.ersatter,
            fran_paragraf=r.fran_paragraf,
            till_paragraf=r.till_paragraf,
        )
        for i, r in enumerate(rader)
    )


def _ge_nummer(organ: Organ, ar: int, antal: int) -> list[int]:
    """Take `antal` numbers from the organ's series for the year, under a row lock."""
    Paragrafnummer.objects.get_or_create(organ=organ, ar=ar)
    serie = Paragrafnummer.objects.select_for_update().get(organ=organ, ar=ar)
    forsta = serie.senaste + 1
    serie.senaste += antal
    serie.save(update_fields=["senaste"])
    return list(range(forsta, forsta + antal))


def _next_ordning(protokoll: Protokoll) -> int:
    return (protokoll.paragrafer.aggregate(m=Max("ordning"))["m"] or 0) + 10


def parse_beslut(text: str) -> list[str]:
    """One Att-clause per paragraph of text; a leading "Att" is dropped (it is printed)."""
    clauses = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        block = " ".join(line.strip() for line in block.splitlines()).strip()
        if block[:4].lower() == "att ":
            block = block[4:].lstrip()
        if block:
            clauses.append(block)
    return clauses


@transaction.atomic
def paragraf_create(
    *,
    actor,
    protokoll: Protokoll,
    rubrik: str,
    text: str = "",
    bilagor: str = "",
    beslut: list[str] | None = None,
    jav: list[tuple[str, str, Person | None]] | None = None,
    yrkanden: str = "",
    omrostning: str = "",
    reservationer: str = "",
    omedelbart_justerad: bool = False,
    standard: str = "",
    dagordningspunkt: Dagordningspunkt | None = None,
    nummer: int | None = None,
) -> Paragraf:
    """A new paragraph, last in the protocol. After numbering it gets the next number at once."""
    protokoll = (
        Protokoll.objects.select_for_update().select_related("mote__organ").get(pk=protokoll.pk)
    )
    _ensure_editable(protokoll)
    mote = protokoll.mote
    if nummer is None and protokoll.status == Protokoll.Status.NUMRERAT:
        nummer = _ge_nummer(mote.organ, mote.datum.year, 1)[0]
    paragraf = Paragraf.objects.create(
        protokoll=protokoll,
        organ=mote.organ,
        ar=mote.datum.year,
        nummer=nummer,
        ordning=_next_ordning(protokoll),
        rubrik=rubrik,
        text=text,
        bilagor=bilagor,
        yrkanden=yrkanden,
        omrostning=omrostning,
        reservationer=reservationer,
        omedelbart_justerad=omedelbart_justerad,
        standard=standard,
        dagordningspunkt=dagordningspunkt,
        andrad_av=actor,
    )
    _set_beslut_och_jav(paragraf, beslut or [], jav or [])
    return paragraf


def _set_beslut_och_jav(paragraf: Paragraf, beslut: list[str], jav) -> None:
    paragraf.beslut.all().delete()
    AttSats.objects.bulk_create(
        AttSats(paragraf=paragraf, ordning=i, text=t) for i, t in enumerate(beslut)
    )
    paragraf.jav.all().delete()
    Jav.objects.bulk_create(
        Jav(paragraf=paragraf, namn=namn, omfattning=omfattning, person=person)
        for namn, omfattning, person in dict.fromkeys(jav)
    )


@transaction.atomic
def paragraf_update(
    *,
    actor,
    paragraf: Paragraf,
    version: int,
    rubrik: str,
    text: str,
    bilagor: str,
    beslut: list[str],
    jav: list[tuple[str, str, Person | None]],
    yrkanden: str = "",
    omrostning: str = "",
    reservationer: str = "",
    omedelbart_justerad: bool = False,
) -> Paragraf:
    """Save an edit that started from `version`. A newer saved version wins: Konflikt."""
    current = Paragraf.objects.select_for_update().select_related("protokoll").get(pk=paragraf.pk)
    _ensure_editable(current.protokoll)
    if current.version != version:
        raise Konflikt(current, KONFLIKT_MEDDELANDE)
    current.rubrik = rubrik
    current.text = text
    current.bilagor = bilagor
    current.yrkanden = yrkanden
    current.omrostning = omrostning
    current.reservationer = reservationer
    current.omedelbart_justerad = omedelbart_justerad
    current.version += 1
    current.andrad_av = actor
    current.save()
    _set_beslut_och_jav(current, beslut, jav)
    return current


@transaction.atomic
def paragraf_delete(*, actor, paragraf: Paragraf) -> None:
    _ensure_editable(paragraf.protokoll)
    if (
        paragraf.nummer is not None
        and paragraf.protokoll.typ == Protokoll.Typ.SAMMANTRADESPROTOKOLL
    ):
        raise ProtokollSparrat(
            "En numrerad paragraf kan inte tas bort: numret får inte återanvändas."
        )
    paragraf.delete()


@transaction.atomic
def paragraf_move(*, actor, paragraf: Paragraf, steg: int) -> None:
    protokoll = paragraf.protokoll
    _ensure_editable(protokoll)
    if protokoll.status != Protokoll.Status.UTKAST:
        raise ProtokollSparrat("Paragraferna är numrerade och kan inte flyttas.")
    rows = list(protokoll.paragrafer.select_for_update().order_by("ordning", "pk"))
    rows = _flytta(rows, [r.pk for r in rows].index(paragraf.pk), steg)
    for i, row in enumerate(rows):
        if row.ordning != (i + 1) * 10:
            Paragraf.objects.filter(pk=row.pk).update(ordning=(i + 1) * 10)


@transaction.atomic
def paragrafer_from_dagordning(*, actor, protokoll: Protokoll) -> int:
    """Copy the dagordning's items not yet in the protocol into paragraphs, in order."""
    _ensure_editable(protokoll)
    if protokoll.status != Protokoll.Status.UTKAST:
        raise ProtokollSparrat("Paragraferna är redan numrerade.")
    redan = set(
        protokoll.paragrafer.exclude(dagordningspunkt=None).values_list(
            "dagordningspunkt", flat=True
        )
    )
    standard_text = {kod: text for kod, text, _b in STANDARD_INLEDNING + STANDARD_AVSLUTNING}
    antal = 0
    for punkt in protokoll.mote.dagordning.prefetch_related("handlingar").order_by("ordning", "pk"):
        if punkt.pk in redan:
            continue
        bilagor = ", ".join(str(h.nummer) for h in punkt.handlingar.all())
        paragraf_create(
            actor=actor,
            protokoll=protokoll,
            rubrik=punkt.rubrik,
            text=standard_text.get(punkt.standard, "") or punkt.underlag,
            bilagor=bilagor,
            beslut=parse_beslut(punkt.forslag_till_beslut),
            standard=punkt.standard,
            dagordningspunkt=punkt,
        )
        antal += 1
    return antal


@transaction.atomic
def protokoll_numrera(
    *, actor, protokoll: Protokoll, ordforande: Person, justerare: list[Person]
) -> list[int]:
    """Give every paragraph its § number, in order, and name who justerar."""
    protokoll = (
        Protokoll.objects.select_for_update().select_related("mote__organ").get(pk=protokoll.pk)
    )
    _ensure_editable(protokoll)
    if protokoll.typ != Protokoll.Typ.SAMMANTRADESPROTOKOLL:
        raise ProtokollSparrat("Minnesanteckningar numreras inte.")
    if protokoll.status != Protokoll.Status.UTKAST:
        raise ProtokollSparrat("Paragraferna är redan numrerade.")
    paragrafer = list(protokoll.paragrafer.filter(nummer__isnull=True).order_by("ordning", "pk"))
    if not paragrafer:
        raise ProtokollSparrat("Protokollet har inga paragrafer att numrera.")
    mote = protokoll.mote
    nummer = _ge_nummer(mote.organ, mote.datum.year, len(paragrafer))
    for paragraf, n in zip(paragrafer, nummer, strict=True):
        Paragraf.objects.filter(pk=paragraf.pk).update(nummer=n)
    protokoll.status = Protokoll.Status.NUMRERAT
    protokoll.save(update_fields=["status"])
    Justering.objects.create(protokoll=protokoll, person=ordforande, roll=Justering.Roll.ORDFORANDE)
    for person in justerare:
        if person != ordforande:
            Justering.objects.create(
                protokoll=protokoll, person=person, roll=Justering.Roll.JUSTERARE
            )
    return nummer


def ordforande_vid(mote: Mote) -> Person | None:
    uppdrag = (
        Uppdrag.objects.aktiva(mote.datum)
        .filter(organ=mote.organ, roll=Roll.ORDFORANDE)
        .select_related("person")
        .first()
    )
    return uppdrag.person if uppdrag else None


def ledamoter_vid(mote: Mote) -> list[Person]:
    """Who may be chosen as justerare: the organ's members on the meeting day."""
    return list(
        Person.objects.filter(
            uppdrag__in=Uppdrag.objects.aktiva(mote.datum).filter(
                organ=mote.organ, roll__in=[*ORDINARIE_ROLLER, Roll.ERSATTARE]
            )
        )
        .distinct()
        .order_by("efternamn", "fornamn")
    )


def protokoll_underlag(protokoll: Protokoll) -> dict:
    """The protocol's content as plain data: what the SHA-256 is computed over."""
    mote = protokoll.mote
    return {
        "organ": mote.organ.namn,
        "sammantradesdatum": mote.datum.isoformat(),
        "plats": mote.plats,
        "narvaro": [
            [n.kategori, n.namn, n.beskrivning, n.ersatter, n.fran_paragraf, n.till_paragraf]
            for n in protokoll.narvaro.order_by("ordning", "pk")
        ],
        "paragrafer": [
            {
                "nummer": p.nummer,
                "rubrik": p.rubrik,
                "text": p.text,
                "bilagor": p.bilagor,
                "beslut": [a.text for a in p.beslut.order_by("ordning", "pk")],
                "jav": [[j.namn, j.omfattning] for j in p.jav.order_by("pk")],
                "yrkanden": p.yrkanden,
                "omrostning": p.omrostning,
                "reservationer": p.reservationer,
                "omedelbart_justerad": p.omedelbart_justerad,
            }
            for p in protokoll.paragrafer.order_by("ordning", "pk")
        ],
        "justeringar": [
            [j.roll, j.person.namn, j.justerad.isoformat() if j.justerad else None]
            for j in protokoll.justeringar.select_related("person").order_by("-roll", "pk")
        ],
    }


def protokoll_sha256(protokoll: Protokoll) -> str:
    data = json.dumps(protokoll_underlag(protokoll), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@transaction.atomic
def protokoll_justera(*, actor, protokoll: Protokoll, person: Person, tidpunkt=None) -> bool:
    """Record one person's justering. Returns True when it completed the protocol, which is
    then locked with the SHA-256 of its content."""
    protokoll = Protokoll.objects.select_for_update().get(pk=protokoll.pk)
    if protokoll.sparrat:
        raise ProtokollSparrat(SPARR_MEDDELANDE)
    if protokoll.status != Protokoll.Status.NUMRERAT:
        raise ProtokollSparrat("Protokollet är inte klart för justering.")
    justering = protokoll.justeringar.select_for_update().filter(person=person).first()
    if justering is None:
        raise ProtokollSparrat("Du är inte utsedd att justera det här protokollet.")
    if justering.justerad is not None:
        raise ProtokollSparrat("Du har redan justerat protokollet.")
    justering.justerad = tidpunkt or timezone.now()
    justering.save(update_fields=["justerad"])
    if protokoll.justeringar.filter(justerad__isnull=True).exists():
        return False
    protokoll.justerat = max(j.justerad for j in protokoll.justeringar.all())
    protokoll.sha256 = protokoll_sha256(protokoll)
    protokoll.status = Protokoll.Status.JUSTERAT
    protokoll.save(update_fields=["justerat", "sha256", "status"])
    return True


@transaction.atomic
def protokoll_nasta_mote(*, actor, protokoll: Protokoll, text: str) -> None:
    _ensure_editable(protokoll)
    protokoll.nasta_mote = text
    protokoll.save(update_fields=["nasta_mote"])


@transaction.atomic
def minnesanteckningar_fardigstall(*, actor, protokoll: Protokoll) -> None:
    _ensure_editable(protokoll)
    if protokoll.typ != Protokoll.Typ.MINNESANTECKNINGAR:
        raise ProtokollSparrat("Ett sammanträdesprotokoll blir färdigt genom justering.")
    protokoll.status = Protokoll.Status.FARDIGT
    protokoll.save(update_fields=["status"])


@transaction.atomic
def anslag_create(
    *, actor, protokoll: Protokoll, anslagsdatum: dt.date, forvaringsplats: str
) -> Anslag:
    if protokoll.status != Protokoll.Status.JUSTERAT:
        raise ProtokollSparrat("Bara ett justerat protokoll kan anslås.")
    if hasattr(protokoll, "anslag"):
        raise ProtokollSparrat("Protokollet är redan anslaget.")
    justerat = timezone.localdate(protokoll.justerat)
    if anslagsdatum < justerat:
        raise Fel("Anslaget kan inte sättas upp före justeringen.")
    return Anslag.objects.create(
        protokoll=protokoll,
        anslagsdatum=anslagsdatum,
        ned_tidigast=kalender.ned_tidigast(anslagsdatum),
        forvaringsplats=forvaringsplats,
        skapat_av=actor,
    )
