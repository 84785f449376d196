"""Writes to meetings and protocols. Each function runs in a transaction.

A justerat protocol is locked twice: these functions refuse with a Swedish message
(ProtokollSparrat), and the database locks declared on the models (moten.models, Meta.triggers)
refuse whatever gets past them. Before the irreversible steps (numbering, justering) the
checks of moten.kontroller run; a refusal is a KontrollFel naming what to fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from forbund import epost, historik, uploads
from forbund.fel import Fast, Fel, Konflikt
from forbund.models import ORDINARIE_ROLLER, Organ, Person, Roll, Uppdrag

from . import dokument, kalender, kontroller
from . import omrostning as omr
from .kontroller import KontrollFel
from .models import (
    STANDARD_AVSLUTNING,
    STANDARD_INLEDNING,
    Anslag,
    AttSats,
    Beslutsuppdrag,
    Dagordningspunkt,
    Handling,
    Jav,
    Justering,
    Justeringskommentar,
    Mote,
    Narvaro,
    Omrostning,
    Omrostningsrost,
    Paragraf,
    Paragrafjustering,
    Paragrafnummer,
    Protokoll,
    Protokollinnehall,
    Reservation,
    Rost,
    Standardpunkt,
    Yrkande,
)


class ProtokollSparrat(Fel):
    """The protocol is justerat (or the paragraph numbered) and this change is not allowed."""


class ProtokollFast(ProtokollSparrat, Fast):
    """What is justerat or färdigt stays as it is: the protocol (or a paragraph justerad
    omedelbart) is locked for good, not merely in the wrong step of its flow. The views
    answer it 409."""


KONFLIKT_MEDDELANDE = "Paragrafen har ändrats av någon annan medan du skrev."


SPARR_MEDDELANDE = "Protokollet är justerat och kan inte ändras. Rättelser görs i en paragraf i ett senare protokoll."


FARDIGT_MEDDELANDE = "Anteckningarna är markerade som färdiga och kan inte ändras."


def _ensure_editable(protokoll: Protokoll) -> None:
    if protokoll.status == Protokoll.Status.FARDIGT:
        raise ProtokollFast(FARDIGT_MEDDELANDE)
    if protokoll.sparrat:
        raise ProtokollFast(SPARR_MEDDELANDE)
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
    if mote.protokoll.sparrat:
        _ensure_editable(mote.protokoll)  # justerat or färdigt: locked for good
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
    i_protokollet: bool = False,
    publik: bool = False,
) -> Handling:
    """Store an uploaded document after checking what it really is (uploads.kand_filtyp).
    Numbered per meeting; `i_protokollet` makes it a bilaga of the protocol (listed in it and
    archived with it), `publik` downloadable from the published protocol."""
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
        i_protokollet=i_protokollet,
        publik=publik,
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
def kallelse_send(
    *, actor, mote: Mote, pdf: bytes, text: str, ics: bytes | None = None
) -> list[Person]:
    """E-mail the kallelse (PDF, and the meeting as a calendar entry) to the organ's members."""
    _ensure_editable(mote.protokoll)
    mottagare = kallelse_mottagare(mote)
    if not mottagare:
        return []
    mote.kallelse_skickad = timezone.now()
    historik.save(mote, actor=actor, update_fields=["kallelse_skickad"])
    epost.skicka(
        amne=f"Kallelse: {mote.organ.namn} {mote.datum.isoformat()}",
        text=text,
        till=[p.epost for p in mottagare],
        bilagor=(
            epost.Bilaga(f"kallelse-{mote.datum.isoformat()}.pdf", pdf, "application/pdf"),
            *(
                (epost.Bilaga(f"kallelse-{mote.datum.isoformat()}.ics", ics, "text/calendar"),)
                if ics
                else ()
            ),
        ),
    )
    return mottagare


@transaction.atomic
def mote_installa(*, actor, mote: Mote, installt: bool = True) -> Mote:
    """Mark a meeting that did not take place (or undo the mark while nothing is numbered):
    an inställt meeting is never numbered and does not hold up the organ's later ones."""
    mote = Mote.objects.select_for_update().get(pk=mote.pk)
    protokoll = Protokoll.objects.get(mote=mote)
    if protokoll.status == Protokoll.Status.FARDIGT or protokoll.sparrat:
        _ensure_editable(protokoll)
    if protokoll.status != Protokoll.Status.UTKAST:
        raise ProtokollSparrat(
            "Ett möte vars protokoll är numrerat eller färdigt hölls och kan inte ställas in."
        )
    mote.installt = installt
    historik.save(
        mote,
        actor=actor,
        update_fields=["installt"],
        reason="Mötet ställdes in" if installt else "Mötet är inte längre inställt",
    )
    return mote


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
    justeras_omedelbart: bool = False,
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
        justeras_omedelbart=justeras_omedelbart,
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
    yrkanden: str | None = None,
    omrostning: str | None = None,
    reservationer: str | None = None,
    justeras_omedelbart: bool = False,
) -> Paragraf:
    """Save an edit that started from `version`. A newer saved version wins: Konflikt.
    The free-text yrkanden, omröstning and reservationer of older protocols stay as they are
    unless given (the editor writes them as data: paragraf_omrostning_save)."""
    current = Paragraf.objects.select_for_update().select_related("protokoll").get(pk=paragraf.pk)
    _ensure_editable(current.protokoll)
    _ensure_ej_omedelbart_justerad(current)
    if current.version != version:
        raise Konflikt(current, KONFLIKT_MEDDELANDE)
    current.rubrik = rubrik
    current.text = text
    current.bilagor = bilagor
    if yrkanden is not None:
        current.yrkanden = yrkanden
    if omrostning is not None:
        current.omrostning = omrostning
    if reservationer is not None:
        current.reservationer = reservationer
    current.justeras_omedelbart = justeras_omedelbart
    current.version += 1
    current.andrad_av = actor
    current.save()
    _set_beslut_och_jav(current, beslut, jav)
    return current


def _ensure_ej_omedelbart_justerad(paragraf: Paragraf) -> None:
    if paragraf.omedelbart_justerad is not None:
        raise ProtokollFast(
            "Paragrafen justerades omedelbart och kan inte ändras. Rättelser görs i en paragraf "
            "i ett senare protokoll."
        )
    if paragraf.omedelbara_justeringar.exists():
        raise ProtokollSparrat(
            "Paragrafen justeras omedelbart: någon har redan justerat den, så den ändras inte."
        )


@dataclass(frozen=True)
class YrkandeIn:
    namn: str
    lydelse: str


@dataclass(frozen=True)
class OmrostningIn:
    """Ja-röst for yrkanden[ja], nej-röst for yrkanden[nej] (0-based); votes by name
    (`roster`: namn -> Rost) or counts only (`antal`: ja, nej, avstår, and on a tie the
    ordförande's vote)."""

    ja: int
    nej: int
    roster: dict[str, str] | None = None
    antal: tuple[int, int, int] | None = None
    ordforandens_rost: str = ""


@dataclass(frozen=True)
class ReservationIn:
    namn: str
    motivering: str = ""
    bilaga: str = ""


def _ordforande_namn(protokoll: Protokoll) -> str:
    """Who chairs the meeting: the protocol's ordförande once named at numbering, else the
    organ's ordförande on the meeting day."""
    justering = protokoll.justeringar.filter(roll=Justering.Roll.ORDFORANDE).first()
    person = justering.person if justering else ordforande_vid(protokoll.mote)
    return person.namn if person else ""


def _rakna_omrostning(
    data: OmrostningIn, *, yrkanden: list[YrkandeIn], rostande: list[str], ordforande: str
) -> tuple[omr.Utfall | None, list[str]]:
    fel: list[str] = []
    if len(yrkanden) < 2:
        return None, ["En omröstning behöver minst två yrkanden att ställa mot varandra."]
    if not (0 <= data.ja < len(yrkanden) and 0 <= data.nej < len(yrkanden)):
        return None, ["Välj vilket yrkande ja-röst och nej-röst gäller."]
    if data.ja == data.nej:
        return None, ["Ja-röst och nej-röst måste gälla olika yrkanden."]
    if data.roster is not None:
        for namn in data.roster:
            if namn not in rostande:
                fel.append(
                    f"{namn} får inte rösta i paragrafen: bara närvarande och tjänstgörande "
                    "ledamöter utan jäv röstar."
                )
        for namn in rostande:
            if data.roster.get(namn) not in (Rost.JA, Rost.NEJ, Rost.AVSTAR):
                fel.append(f"Ange hur {namn} röstade (ja, nej eller avstår).")
        if fel:
            return None, fel
        roster = list(data.roster.values())
        ja, nej, avstar = (roster.count(r) for r in (Rost.JA, Rost.NEJ, Rost.AVSTAR))
        ordforandens = data.roster.get(ordforande, "")
        if ja == nej and ordforande not in rostande:
            return None, [
                f"Omröstningen slutar lika ({ja}–{nej}), och ordföranden ({ordforande or 'okänd'}) "
                "är inte bland de röstande som kan avge utslagsröst."
            ]
    else:
        ja, nej, avstar = data.antal or (0, 0, 0)
        fel = omr.kontrollera_antal(ja=ja, nej=nej, avstar=avstar, rostande=len(rostande))
        if fel:
            return None, fel
        ordforandens = data.ordforandens_rost
    utfall, varfor = omr.rakna(ja=ja, nej=nej, avstar=avstar, ordforandens_rost=ordforandens)
    return utfall, [varfor] if varfor else []


@transaction.atomic
def paragraf_omrostning_save(
    *,
    actor,
    paragraf: Paragraf,
    yrkanden: list[YrkandeIn],
    propositionsordning: str = "",
    beslut_enligt: int | None = None,
    omrostning: OmrostningIn | None = None,
    reservationer: list[ReservationIn] | tuple = (),
) -> Paragraf:
    """Replace a paragraph's yrkanden, propositionsordning, omröstning and reservationer.
    Who may vote is who is present and serving at the paragraph and not jävig in its
    decision (moten.omrostning); an impossible vote (more votes than voters, a tie nobody
    decided) and a reservation by one who supported the decision are refused with a Fel
    listing every reason. The decision follows the omröstning's result; without one, the
    yrkande the ordförande's proposition found (`beslut_enligt`, 0-based)."""
    current = (
        Paragraf.objects.select_for_update()
        .select_related("protokoll__mote__organ")
        .get(pk=paragraf.pk)
    )
    protokoll = current.protokoll
    _ensure_editable(protokoll)
    _ensure_ej_omedelbart_justerad(current)
    narvaro = list(protokoll.narvaro.all())
    javiga = set(
        current.jav.filter(omfattning=Jav.Omfattning.BESLUT).values_list("namn", flat=True)
    )
    berattigade = omr.rostberattigade(narvaro, nummer=current.nummer, javiga=javiga)
    rostande = [n.namn for n in berattigade]
    person_for = {n.namn: n.person for n in berattigade}
    fel: list[str] = []
    for y in yrkanden:
        if y.namn not in rostande:
            fel.append(
                f"{y.namn} kan inte yrka i paragrafen: bara närvarande och tjänstgörande "
                "ledamöter utan jäv yrkar."
            )
    utfall = None
    vinnare: int | None = None
    if omrostning is not None:
        utfall, omr_fel = _rakna_omrostning(
            omrostning,
            yrkanden=yrkanden,
            rostande=rostande,
            ordforande=_ordforande_namn(protokoll),
        )
        fel += omr_fel
        if utfall is not None:
            vinnare = omrostning.ja if utfall.vinner == Rost.JA else omrostning.nej
    elif len(yrkanden) == 1:
        vinnare = 0
    elif len(yrkanden) > 1:
        if beslut_enligt is None or not 0 <= beslut_enligt < len(yrkanden):
            fel.append(
                "Ange vilket yrkande beslutet följde (ordförandens proposition), eller "
                "registrera en omröstning."
            )
        else:
            vinnare = beslut_enligt
    sedda: set[str] = set()
    for r in reservationer:
        if r.namn in sedda:
            fel.append(f"{r.namn} har redan en reservation i paragrafen.")
        sedda.add(r.namn)
        if r.namn not in rostande:
            fel.append(
                f"{r.namn} kan inte reservera sig: bara närvarande och tjänstgörande ledamöter "
                "utan jäv deltar i beslutet."
            )
        elif omrostning is not None and omrostning.roster is not None and utfall is not None:
            if omrostning.roster.get(r.namn) == utfall.vinner:
                fel.append(f"{r.namn} röstade för beslutet och kan inte reservera sig mot det.")
        elif vinnare is not None and yrkanden[vinnare].namn == r.namn:
            fel.append(f"{r.namn} yrkade på det som beslutades och kan inte reservera sig mot det.")
    if fel:
        raise Fel(fel)

    Yrkande.objects.filter(paragraf=current).delete()  # the omröstning and its votes with them
    Reservation.objects.filter(paragraf=current).delete()
    rader = [
        Yrkande.objects.create(
            paragraf=current,
            ordning=i,
            namn=y.namn,
            person=person_for.get(y.namn),
            lydelse=y.lydelse,
            bifallet=i == vinnare,
        )
        for i, y in enumerate(yrkanden)
    ]
    if omrostning is not None and utfall is not None:
        o = Omrostning.objects.create(
            paragraf=current,
            ja_yrkande=rader[omrostning.ja],
            nej_yrkande=rader[omrostning.nej],
            per_namn=omrostning.roster is not None,
            ja=utfall.ja,
            nej=utfall.nej,
            avstar=utfall.avstar,
            ordforandens_rost=(
                omrostning.roster.get(_ordforande_namn(protokoll), "")
                if omrostning.roster is not None
                else omrostning.ordforandens_rost
            )
            if utfall.utslagsrost
            else "",
            utslagsrost=utfall.utslagsrost,
        )
        if omrostning.roster is not None:
            Omrostningsrost.objects.bulk_create(
                Omrostningsrost(
                    omrostning=o,
                    paragraf=current,
                    namn=namn,
                    person=person_for.get(namn),
                    rost=omrostning.roster[namn],
                    ordning=i,
                )
                for i, namn in enumerate(rostande)
            )
    Reservation.objects.bulk_create(
        Reservation(
            paragraf=current,
            namn=r.namn,
            person=person_for.get(r.namn),
            motivering=r.motivering,
            bilaga=r.bilaga,
        )
        for r in reservationer
    )
    current.propositionsordning = propositionsordning
    current.version += 1
    current.andrad_av = actor
    historik.save(
        current,
        actor=actor,
        update_fields=["propositionsordning", "version", "andrad_av", "andrad"],
        reason="Yrkanden, omröstning och reservationer",
    )
    return current


@transaction.atomic
def paragraf_delete(*, actor, paragraf: Paragraf) -> None:
    _ensure_editable(paragraf.protokoll)
    _ensure_ej_omedelbart_justerad(paragraf)
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


def _justeringslank(protokoll: Protokoll, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("protokoll_justera", args=[protokoll.pk])


def _mejla_justerare(
    protokoll: Protokoll, personer: list[Person], *, base_url: str, inledning: str
) -> list[Person]:
    """One message per justerare: the link to the justering page and the deadline."""
    mote = protokoll.mote
    senast = kalender.justering_senast(mote.datum)
    for person in personer:
        epost.skicka(
            amne=f"Justera protokollet: {mote.organ.namn} {mote.datum.isoformat()}",
            text=(
                f"Hej {person.fornamn}!\n\n{inledning}\n\n"
                f"Läs protokollet och justera det här:\n{_justeringslank(protokoll, base_url)}\n\n"
                f"Protokollet ska vara justerat senast {senast.isoformat()} (14 dagar efter "
                "sammanträdet). Har du synpunkter på en paragraf kan du skriva en kommentar "
                "till sekreteraren på samma sida innan du justerar.\n"
            ),
            till=[person.epost or (person.user.email if person.user_id else "")],
        )
    return personer


@transaction.atomic
def protokoll_numrera(
    *,
    actor,
    protokoll: Protokoll,
    ordforande: Person,
    justerare: list[Person],
    base_url: str,
    bekrafta_varningar: bool = False,
    idag: dt.date | None = None,
) -> list[int]:
    """Give every paragraph its § number, in order, name who justerar, and send the protocol
    to them ("Skicka till justering": a link and the deadline by e-mail). Refused with a
    KontrollFel by the checks of kontroller.for_numrering; its warnings need
    `bekrafta_varningar`."""
    protokoll = (
        Protokoll.objects.select_for_update().select_related("mote__organ").get(pk=protokoll.pk)
    )
    _ensure_editable(protokoll)
    if protokoll.typ != Protokoll.Typ.SAMMANTRADESPROTOKOLL:
        raise ProtokollSparrat("Minnesanteckningar numreras inte.")
    if protokoll.status != Protokoll.Status.UTKAST:
        raise ProtokollSparrat("Paragraferna är redan numrerade.")
    justerare = [p for p in justerare if p != ordforande]
    if not justerare:
        raise ProtokollSparrat("Välj minst en justerare utöver ordföranden.")
    full = dokument.hamta(protokoll.pk)
    kontroll = kontroller.for_numrering(
        full, ordforande=ordforande, justerare=justerare, idag=idag or timezone.localdate()
    )
    if kontroll.fel or (kontroll.varningar and not bekrafta_varningar):
        raise KontrollFel(kontroll)
    paragrafer = list(protokoll.paragrafer.filter(nummer__isnull=True).order_by("ordning", "pk"))
    if not paragrafer:
        raise ProtokollSparrat("Protokollet har inga paragrafer att numrera.")
    mote = protokoll.mote
    nummer = _ge_nummer(mote.organ, mote.datum.year, len(paragrafer))
    for paragraf, n in zip(paragrafer, nummer, strict=True):
        Paragraf.objects.filter(pk=paragraf.pk).update(nummer=n)
    Justering.objects.create(protokoll=protokoll, person=ordforande, roll=Justering.Roll.ORDFORANDE)
    for person in justerare:
        Justering.objects.create(protokoll=protokoll, person=person, roll=Justering.Roll.JUSTERARE)
    protokoll.status = Protokoll.Status.NUMRERAT
    protokoll.skickat_till_justering = timezone.now()
    historik.save(
        protokoll,
        actor=actor,
        update_fields=["status", "skickat_till_justering"],
        reason=f"Numrerat § {nummer[0]}–{nummer[-1]} och skickat till justering",
    )
    _mejla_justerare(
        protokoll,
        [ordforande, *justerare],
        base_url=base_url,
        inledning=(
            f"Protokollet från {mote.organ.namn.lower()}s sammanträde {mote.datum.isoformat()} "
            "är klart för justering."
        ),
    )
    return nummer


@transaction.atomic
def protokoll_skicka_till_justering(*, actor, protokoll: Protokoll, base_url: str) -> list[Person]:
    """Send the link and the deadline again to those who have not justerat yet."""
    protokoll = (
        Protokoll.objects.select_for_update().select_related("mote__organ").get(pk=protokoll.pk)
    )
    if protokoll.status != Protokoll.Status.NUMRERAT:
        raise ProtokollSparrat("Bara ett numrerat protokoll som inte är justerat skickas.")
    personer = [
        j.person
        for j in protokoll.justeringar.filter(justerad__isnull=True).select_related("person__user")
    ]
    protokoll.skickat_till_justering = timezone.now()
    historik.save(protokoll, actor=actor, update_fields=["skickat_till_justering"])
    mote = protokoll.mote
    return _mejla_justerare(
        protokoll,
        personer,
        base_url=base_url,
        inledning=(
            f"Påminnelse: protokollet från {mote.organ.namn.lower()}s sammanträde "
            f"{mote.datum.isoformat()} väntar på din justering."
        ),
    )


def _justering_for(protokoll: Protokoll, person: Person) -> Justering:
    justering = protokoll.justeringar.select_for_update().filter(person=person).first()
    if justering is None:
        raise ProtokollSparrat("Du är inte utsedd att justera det här protokollet.")
    return justering


@transaction.atomic
def justeringskommentar_create(
    *, actor, paragraf: Paragraf, person: Person, text: str
) -> Justeringskommentar:
    """A justerare's note on a paragraph, for the sekreterare, while justering is under way."""
    protokoll = Protokoll.objects.select_for_update().get(pk=paragraf.protokoll_id)
    if protokoll.status != Protokoll.Status.NUMRERAT:
        raise ProtokollSparrat("Kommentarer skrivs medan protokollet justeras.")
    _justering_for(protokoll, person)
    text = text.strip()
    if not text:
        raise Fel("Skriv en kommentar.")
    if len(text) > 4000:
        raise Fel("En kommentar får vara högst 4 000 tecken.")
    return Justeringskommentar.objects.create(paragraf=paragraf, person=person, text=text)


@transaction.atomic
def justeringskommentar_atgarda(*, actor, kommentar: Justeringskommentar) -> None:
    """The sekreterare marks a comment as dealt with."""
    kommentar = Justeringskommentar.objects.select_for_update().get(pk=kommentar.pk)
    if kommentar.atgardad is None:
        kommentar.atgardad = timezone.now()
        kommentar.atgardad_av = actor
        kommentar.save(update_fields=["atgardad", "atgardad_av"])


@transaction.atomic
def protokoll_aterkalla_justeringar(
    *, actor, protokoll: Protokoll, skal: str, base_url: str
) -> list[Person]:
    """Undo every justering of a protocol that is not yet justerat by all, so its text can be
    corrected: the reason goes into the protocol's history, and every justerare is asked to
    justera again."""
    protokoll = (
        Protokoll.objects.select_for_update().select_related("mote__organ").get(pk=protokoll.pk)
    )
    if protokoll.status != Protokoll.Status.NUMRERAT:
        raise ProtokollSparrat(
            SPARR_MEDDELANDE
            if protokoll.sparrat
            else "Bara justeringar av ett numrerat protokoll kan återkallas."
        )
    skal = " ".join(skal.split())
    if not skal:
        raise Fel("Skriv varför justeringarna återkallas: skälet sparas i protokollets historik.")
    if len(skal) > 500:
        raise Fel("Skälet får vara högst 500 tecken.")
    justeringar = list(
        protokoll.justeringar.select_for_update(of=("self",)).select_related("person__user")
    )
    if not any(j.justerad for j in justeringar):
        raise ProtokollSparrat("Ingen har justerat protokollet ännu: det kan ändras som det är.")
    Justering.objects.filter(protokoll=protokoll).update(justerad=None)
    protokoll.justeringsomgang += 1
    protokoll.skickat_till_justering = timezone.now()
    historik.save(
        protokoll,
        actor=actor,
        update_fields=["justeringsomgang", "skickat_till_justering"],
        reason=f"Justeringarna återkallades: {skal}",
    )
    mote = protokoll.mote
    return _mejla_justerare(
        protokoll,
        [j.person for j in justeringar],
        base_url=base_url,
        inledning=(
            f"Justeringarna av protokollet från {mote.organ.namn.lower()}s sammanträde "
            f"{mote.datum.isoformat()} har återkallats för att texten ska rättas: {skal}\n"
            "Protokollet behöver justeras igen av alla."
        ),
    )


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
        .select_related("user")
        .distinct()
        .order_by("efternamn", "fornamn")
    )


def protokoll_sha256(protokoll: Protokoll) -> str:
    """The SHA-256 the protocol's document would have if it were justerat now (from today's
    rows); for a justerat protocol, compare with the stored `sha256`."""
    return dokument.innehall_sha256(dokument.ogonblick(dokument.hamta(protokoll.pk)))


def _kontrollera_justering(protokoll: Protokoll, tidpunkt: dt.datetime) -> None:
    kontroll = kontroller.for_justering(
        dokument.hamta(protokoll.pk), idag=timezone.localdate(tidpunkt)
    )
    if kontroll.fel:
        raise KontrollFel(kontroll)


@transaction.atomic
def protokoll_justera(*, actor, protokoll: Protokoll, person: Person, tidpunkt=None) -> bool:
    """Record one person's justering. Returns True when it completed the protocol, which is
    then stored as a document (its content as it is now, its SHA-256 and its PDF) and locked.
    From the first justering on, the text does not change (protokoll_aterkalla_justeringar)."""
    tidpunkt = tidpunkt or timezone.now()
    protokoll = Protokoll.objects.select_for_update().get(pk=protokoll.pk)
    if protokoll.sparrat:
        raise ProtokollFast(SPARR_MEDDELANDE)
    if protokoll.status != Protokoll.Status.NUMRERAT:
        raise ProtokollSparrat("Protokollet är inte klart för justering.")
    justering = _justering_for(protokoll, person)
    if justering.justerad is not None:
        raise ProtokollSparrat("Du har redan justerat protokollet.")
    _kontrollera_justering(protokoll, tidpunkt)
    justering.justerad = tidpunkt
    justering.save(update_fields=["justerad"])
    if protokoll.justeringar.filter(justerad__isnull=True).exists():
        return False
    full = dokument.hamta(protokoll.pk)
    full.justerat = max(j.justerad for j in full.justeringar.all())
    data = dokument.ogonblick(full)
    full.sha256 = dokument.innehall_sha256(data)
    Protokollinnehall.objects.create(protokoll=full, data=data, sha256=full.sha256)
    full.status = Protokoll.Status.JUSTERAT
    historik.save(
        full, actor=actor, update_fields=["justerat", "sha256", "status"], reason="Justerat av alla"
    )
    dokument.lagra_pdf(dokument.hamta(full.pk))
    return True


@transaction.atomic
def paragraf_justera_omedelbart(
    *, actor, paragraf: Paragraf, person: Person, tidpunkt=None
) -> bool:
    """One person's omedelbar justering of a paragraph the meeting declared justerad at once.
    The protocol's ordförande and justerare each justera it; with the last one the paragraph
    is stored as its own document and locked, ready for its own anslag. Returns True then."""
    tidpunkt = tidpunkt or timezone.now()
    paragraf = Paragraf.objects.select_for_update().select_related("protokoll").get(pk=paragraf.pk)
    protokoll = Protokoll.objects.select_for_update().get(pk=paragraf.protokoll_id)
    if not paragraf.justeras_omedelbart:
        raise ProtokollSparrat("Mötet har inte beslutat att paragrafen justeras omedelbart.")
    if paragraf.omedelbart_justerad is not None:
        raise ProtokollFast("Paragrafen är redan justerad omedelbart.")
    if protokoll.status != Protokoll.Status.NUMRERAT:
        raise ProtokollSparrat(
            SPARR_MEDDELANDE
            if protokoll.sparrat
            else "Numrera protokollet först: paragrafen justeras med sitt nummer."
        )
    if protokoll.justeringar.filter(justerad__isnull=False).exists():
        raise ProtokollSparrat(
            "Protokollet justeras redan i sin helhet: paragrafen justeras med det."
        )
    justering = _justering_for(protokoll, person)
    if paragraf.omedelbara_justeringar.filter(person=person).exists():
        raise ProtokollSparrat("Du har redan justerat paragrafen.")
    _kontrollera_justering(protokoll, tidpunkt)
    Paragrafjustering.objects.create(
        paragraf=paragraf, person=person, roll=justering.roll, justerad=tidpunkt
    )
    klara = set(paragraf.omedelbara_justeringar.values_list("person_id", flat=True))
    if set(protokoll.justeringar.values_list("person_id", flat=True)) - klara:
        return False
    full = dokument.hamta(protokoll.pk)
    p = next(p for p in full.paragrafer.all() if p.pk == paragraf.pk)
    p.omedelbart_justerad = max(j.justerad for j in p.omedelbara_justeringar.all())
    p.omedelbar_innehall = dokument.ogonblick(full, endast=p)
    p.omedelbar_sha256 = dokument.innehall_sha256(p.omedelbar_innehall)
    p.save(update_fields=["omedelbart_justerad", "omedelbar_innehall", "omedelbar_sha256"])
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


def anslag_granser(justerat: dt.date, idag: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last anslag date allowed: not before the justering nor before today (a
    notice cannot be put up in the past), not after kommunallagen's deadline, the second day
    after justering (or, once that has passed, today: up at once)."""
    return max(justerat, idag), max(kalender.anslag_senast(justerat), idag)


@transaction.atomic
def anslag_create(
    *,
    actor,
    anslagsdatum: dt.date,
    forvaringsplats: str,
    protokoll: Protokoll | None = None,
    paragraf: Paragraf | None = None,
    idag: dt.date | None = None,
) -> Anslag:
    """The notice on the anslagstavla: of a justerat protocol, or of one paragraph justerad
    omedelbart. The protocol's stored document is rendered again with its Bevis/anslag.
    `idag` is the day it is put up (today; the demo gives the seed's own day)."""
    idag = idag or timezone.localdate()
    if (protokoll is None) == (paragraf is None):
        raise ValueError("Ange ett protokoll eller en paragraf.")
    if protokoll is not None:
        protokoll = Protokoll.objects.select_for_update().get(pk=protokoll.pk)
        if protokoll.status != Protokoll.Status.JUSTERAT:
            raise ProtokollSparrat("Bara ett justerat protokoll kan anslås.")
        if Anslag.objects.filter(protokoll=protokoll).exists():
            raise ProtokollSparrat("Protokollet är redan anslaget.")
        justerat = timezone.localdate(protokoll.justerat)
    else:
        paragraf = Paragraf.objects.select_for_update().get(pk=paragraf.pk)
        if paragraf.omedelbart_justerad is None:
            raise ProtokollSparrat("Bara en omedelbart justerad paragraf kan anslås för sig.")
        if Anslag.objects.filter(paragraf=paragraf).exists():
            raise ProtokollSparrat("Paragrafen är redan anslagen.")
        justerat = timezone.localdate(paragraf.omedelbart_justerad)
    forsta, sista = anslag_granser(justerat, idag)
    if anslagsdatum < forsta:
        raise Fel(
            f"Anslaget kan sättas upp tidigast {forsta.isoformat()} (justeringsdagen, och inte "
            "före i dag)."
        )
    if anslagsdatum > sista:
        raise Fel(
            f"Anslaget ska sättas upp senast {sista.isoformat()}, andra dagen efter justeringen "
            "(kommunallagen)."
        )
    anslag = Anslag.objects.create(
        protokoll=protokoll,
        paragraf=paragraf,
        anslagsdatum=anslagsdatum,
        ned_tidigast=kalender.ned_tidigast(anslagsdatum),
        forvaringsplats=forvaringsplats,
        skapat_av=actor,
    )
    if protokoll is not None:
        dokument.lagra_pdf(dokument.hamta(protokoll.pk))
    return anslag


# --- Beslutsuppföljning ------------------------------------------------------------------


@transaction.atomic
def beslutsuppdrag_create(
    *,
    actor,
    paragraf: Paragraf,
    attsats: AttSats,
    ansvarig: str,
    beskrivning: str = "",
    senast: dt.date | None = None,
    till_nasta_sammantrade: bool = False,
) -> Beslutsuppdrag:
    """An uppdrag from one of the paragraph's Att-clauses: who, what, and by when (a date,
    or the organ's next meeting)."""
    fel = []
    if attsats.paragraf_id != paragraf.pk:
        fel.append("Att-satsen hör inte till paragrafen.")
    ansvarig = " ".join(ansvarig.split())
    if not ansvarig:
        fel.append("Ange vem uppdraget går till.")
    if senast and till_nasta_sammantrade:
        fel.append("Ange ett datum eller ”till nästa sammanträde”, inte båda.")
    if not senast and not till_nasta_sammantrade:
        fel.append("Ange när uppdraget ska vara klart: ett datum eller till nästa sammanträde.")
    if fel:
        raise Fel(fel)
    uppdrag = Beslutsuppdrag(
        paragraf=paragraf,
        att_text=attsats.text,
        organ_id=paragraf.organ_id,
        ansvarig=ansvarig,
        beskrivning=beskrivning.strip() or attsats.text,
        senast=senast,
        till_nasta_sammantrade=till_nasta_sammantrade,
    )
    historik.save(uppdrag, actor=actor, reason="Uppdrag från beslut")
    return uppdrag


@transaction.atomic
def beslutsuppdrag_avsluta(*, actor, uppdrag: Beslutsuppdrag, paragraf: Paragraf) -> Beslutsuppdrag:
    """Mark an uppdrag done, with the paragraph of a later meeting of the same organ where it
    was reported."""
    uppdrag = (
        Beslutsuppdrag.objects.select_for_update()
        .select_related("paragraf__protokoll__mote")
        .get(pk=uppdrag.pk)
    )
    if uppdrag.avslutat_i_id is not None:
        raise Fel("Uppdraget är redan avslutat.")
    paragraf = Paragraf.objects.select_related("protokoll__mote").get(pk=paragraf.pk)
    gav = uppdrag.paragraf.protokoll.mote
    if paragraf.organ_id != uppdrag.organ_id or paragraf.protokoll.mote.datum <= gav.datum:
        raise Fel(
            "Uppdraget avslutas i en paragraf från ett senare sammanträde med samma organ "
            f"(efter {gav.datum.isoformat()})."
        )
    uppdrag.avslutat_i = paragraf
    uppdrag.avslutat = timezone.now()
    uppdrag.avslutat_av = actor
    historik.save(
        uppdrag,
        actor=actor,
        update_fields=["avslutat_i", "avslutat", "avslutat_av"],
        reason=f"Avslutat i § {paragraf.nummer or '(ej numrerad)'}",
    )
    return uppdrag
