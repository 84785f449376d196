"""Writes to insatser: grants from decisions, payment plans, attested payments, follow-ups and
participant statistics. Each function runs in a transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from forbund import historik, uploads
from forbund.fel import Fast, Fel, Fellista
from forbund.formatting import kr
from forbund.models import Person
from forbund.uploads import XLSX, csv_rader, kand_filtyp, med_tak, xlsx_varden
from moten import services as moten_services
from moten.models import AttSats, Paragraf

from . import selectors, sus
from .models import (
    PERIOD_LAST,
    UTBETALNING_LAST,
    Ansokan,
    AnsokanBelopp,
    AnsokanBilaga,
    ArrangemangDeltagare,
    Arsrapport,
    Beviljning,
    Delbetalning,
    Insats,
    Period,
    Signaturlista,
    Statistikrad,
    Tabell,
    Uppfoljning,
    Uppfoljningsavsnitt,
    Utbetalning,
)

ARSRAPPORT_LAST = "Årsrapporten är godkänd av styrelsen och kan inte ändras."

# --- Register -----------------------------------------------------------------------------


@transaction.atomic
def insats_save(*, actor, insats: Insats, kommuner=None, personal=None, styrgrupp=None) -> Insats:
    historik.save(insats, actor=actor, validate=True)
    if kommuner is not None:
        insats.kommuner.set(kommuner)
    if personal is not None:
        insats.personal.set(personal)
    if styrgrupp is not None:
        insats.styrgrupp.set(styrgrupp)
    return insats


# --- Grants ------------------------------------------------------------------------------


@transaction.atomic
def beviljning_create(
    *,
    actor,
    insats: Insats,
    paragraf: Paragraf,
    ar: int,
    belopp: int,
    attsats: AttSats | None = None,
    villkor: str = "",
    utfall: str = Beviljning.Utfall.BEVILJAD,
) -> Beviljning:
    """Record what a decision granted. An Att-clause that grants money becomes a beviljning."""
    if attsats is not None and attsats.paragraf_id != paragraf.pk:
        raise Fel("Att-satsen hör inte till paragrafen.")
    if utfall != Beviljning.Utfall.BEVILJAD:
        belopp = 0
    elif belopp <= 0:
        raise Fel("Ett beviljat belopp måste vara större än noll.")
    beviljning = Beviljning(
        insats=insats,
        paragraf=paragraf,
        attsats=attsats,
        ar=ar,
        belopp=belopp,
        villkor=villkor,
        utfall=utfall,
        registrerad_av=actor,
    )
    try:
        historik.save(beviljning, actor=actor, validate=True)
    except ValidationError as exc:
        raise Fel("Beslutet är redan registrerat för den insatsen och det året.") from exc
    # The application the paragraph decided (it came to the dagordning from the ansökan).
    for ansokan in Ansokan.objects.filter(
        insats=insats,
        dagordningspunkt_id=paragraf.dagordningspunkt_id,
        status=Ansokan.Status.DAGORDNING,
    ).exclude(dagordningspunkt=None):
        ansokan.status = Ansokan.Status.BESLUTAD
        historik.save(ansokan, actor=actor, update_fields=["status"])
    if utfall == Beviljning.Utfall.BEVILJAD and insats.status == Insats.Status.ANSOKAN:
        insats.status = Insats.Status.BEVILJAD
        historik.save(insats, actor=actor, update_fields=["status"])
    elif (
        utfall == Beviljning.Utfall.AVSLAG
        and not insats.beviljningar.filter(utfall="beviljad").exists()
    ):
        insats.status = Insats.Status.AVSLAGEN
        historik.save(insats, actor=actor, update_fields=["status"])
    return beviljning


@transaction.atomic
def betalplan_halften_avtal_rest_redovisning(
    *, actor, beviljning: Beviljning
) -> list[Delbetalning]:
    """Seed 003's term: half when the agreement is signed, the rest when the board has
    approved the report."""
    beviljning = Beviljning.objects.select_for_update().get(pk=beviljning.pk)
    if beviljning.utfall != Beviljning.Utfall.BEVILJAD:
        raise Fel("Bara beviljade medel har en betalplan.")
    if beviljning.betalplan.exists():
        raise Fel("Beviljningen har redan en betalplan.")
    forsta = beviljning.belopp // 2
    return [
        Delbetalning.objects.create(
            beviljning=beviljning, ordning=1, utlosare=Delbetalning.Utlosare.AVTAL, belopp=forsta
        ),
        Delbetalning.objects.create(
            beviljning=beviljning,
            ordning=2,
            utlosare=Delbetalning.Utlosare.REDOVISNING,
            belopp=beviljning.belopp - forsta,
        ),
    ]


@transaction.atomic
def delbetalning_create(
    *, actor, beviljning: Beviljning, utlosare: str, belopp: int, datum: dt.date | None = None
) -> Delbetalning:
    beviljning = Beviljning.objects.select_for_update().get(pk=beviljning.pk)
    planerat = beviljning.betalplan.aggregate(s=Sum("belopp"))["s"] or 0
    if planerat + belopp > beviljning.belopp:
        raise Fel(
            f"Betalplanen blir större än det beviljade beloppet ({planerat + belopp} av {beviljning.belopp} kr)."
        )
    ordning = beviljning.betalplan.count() + 1
    return Delbetalning.objects.create(
        beviljning=beviljning, ordning=ordning, utlosare=utlosare, belopp=belopp, datum=datum
    )


@transaction.atomic
def delbetalning_utlos(*, actor, delbetalning: Delbetalning, datum: dt.date | None = None) -> None:
    """The trigger happened (agreement signed, report approved, …)."""
    if delbetalning.utlost is None:
        delbetalning.utlost = datum or timezone.localdate()
        delbetalning.save(update_fields=["utlost"])


def _utbetalt_och_begart(beviljning: Beviljning) -> int:
    return beviljning.utbetalningar.aggregate(s=Sum("belopp"))["s"] or 0


@transaction.atomic
def utbetalning_begar(
    *,
    actor,
    beviljning: Beviljning,
    belopp: int,
    delbetalning: Delbetalning | None = None,
    tidpunkt: dt.datetime | None = None,
) -> Utbetalning:
    beviljning = Beviljning.objects.select_for_update().get(pk=beviljning.pk)
    if beviljning.utfall != Beviljning.Utfall.BEVILJAD:
        raise Fel("Det finns inga beviljade medel att betala ut.")
    if belopp <= 0:
        raise Fel("Beloppet måste vara större än noll.")
    kvar = beviljning.belopp - _utbetalt_och_begart(beviljning)
    if belopp > kvar:
        raise Fel(f"Beloppet är större än det som återstår av beviljningen ({kvar} kr).")
    if delbetalning is None and beviljning.betalplan.exists():
        raise Fel("Beviljningen har en betalplan: välj vilken delbetalning utbetalningen gäller.")
    if delbetalning is not None:
        if delbetalning.beviljning_id != beviljning.pk:
            raise Fel("Delbetalningen hör till en annan beviljning.")
        if delbetalning.utlost is None:
            raise Fel(
                f"Delbetalningen är inte utlöst än ({delbetalning.get_utlosare_display().lower()})."
            )
        redan = delbetalning.utbetalningar.aggregate(s=Sum("belopp"))["s"] or 0
        if belopp > delbetalning.belopp - redan:
            raise Fel(
                "Beloppet är större än det som återstår av delbetalningen "
                f"({delbetalning.belopp - redan} kr)."
            )
    utbetalning = Utbetalning(
        beviljning=beviljning,
        delbetalning=delbetalning,
        belopp=belopp,
        begard_av=actor,
        begard=tidpunkt or timezone.now(),
    )
    historik.save(utbetalning, actor=actor)
    return utbetalning


@transaction.atomic
def utbetalning_attestera(
    *, actor, utbetalning: Utbetalning, tidpunkt: dt.datetime | None = None
) -> Utbetalning:
    """Attest två i förening: two different people, neither of them the requester.
    `tidpunkt` (default now) records when, as protokoll_justera does."""
    u = Utbetalning.objects.select_for_update().get(pk=utbetalning.pk)
    tidpunkt = tidpunkt or timezone.now()
    if u.status in (Utbetalning.Status.ATTESTERAD, Utbetalning.Status.UTBETALD):
        raise Fast(UTBETALNING_LAST)
    if actor.pk == u.begard_av_id:
        raise Fel("Den som begärt utbetalningen kan inte attestera den.")
    if not selectors.pa_signaturlistan(actor, timezone.localdate()):
        raise Fel(
            "Du står inte på den signaturlista som styrelsen antagit och som gäller i dag; "
            "bara de som står där kan attestera."
        )
    if u.status == Utbetalning.Status.BEGARD:
        u.attest1_av, u.attest1, u.status = actor, tidpunkt, Utbetalning.Status.ATTEST1
    elif u.status == Utbetalning.Status.ATTEST1:
        if actor.pk == u.attest1_av_id:
            raise Fel("Du har redan attesterat. En annan person måste göra den andra attesten.")
        u.attest2_av, u.attest2, u.status = actor, tidpunkt, Utbetalning.Status.ATTESTERAD
    else:
        raise Fast(UTBETALNING_LAST)
    historik.save(u, actor=actor)
    return u


@transaction.atomic
def signaturlista_anta(*, actor, paragraf: Paragraf, attestanter: list[Person]) -> Signaturlista:
    """Record the signaturlista the styrelse adopted in `paragraf` (of a justerat protocol):
    in force from the meeting's date until a later list replaces it. Once its names are in
    it is `antagen` and locked (Signaturlista.Meta.triggers); one per paragraph."""
    if paragraf.protokoll.status != "justerat":
        raise Fel("Signaturlistan antas i en paragraf i ett justerat protokoll.")
    if len({p.pk for p in attestanter}) < 2:
        raise Fel("Signaturlistan behöver minst två personer: attest sker två i förening.")
    if Signaturlista.objects.filter(paragraf=paragraf).exists():
        raise Fel(
            "Paragrafen har redan en antagen signaturlista. En ändring antas i en ny paragraf."
        )
    lista = Signaturlista(paragraf=paragraf, giltig_fran=paragraf.protokoll.mote.datum)
    historik.save(lista, actor=actor, reason="Registrerad")
    historik.m2m_set(lista, "attestanter", attestanter, actor=actor, reason="Namn")
    # Adopted: from here the database refuses any change to the list or its names.
    lista.antagen = timezone.now()
    historik.save(lista, actor=actor, reason="Antagen", update_fields=["antagen"])
    return lista


@transaction.atomic
def utbetalning_utbetald(*, actor, utbetalning: Utbetalning, datum: dt.date) -> Utbetalning:
    u = Utbetalning.objects.select_for_update().get(pk=utbetalning.pk)
    if u.status == Utbetalning.Status.UTBETALD:
        raise Fast(UTBETALNING_LAST)
    if u.status != Utbetalning.Status.ATTESTERAD:
        raise Fel("Utbetalningen måste vara attesterad av två innan den betalas ut.")
    u.status, u.utbetald = Utbetalning.Status.UTBETALD, datum
    historik.save(u, actor=actor)
    return u


# --- Follow-up ---------------------------------------------------------------------------


@transaction.atomic
def uppfoljning_create(
    *,
    actor,
    insats: Insats,
    datum: dt.date,
    deltagare: str,
    avsnitt: list[tuple[str, str]],
    beslut: str = "",
    nasta: dt.date | None = None,
) -> Uppfoljning:
    uppfoljning = Uppfoljning(
        insats=insats, datum=datum, deltagare=deltagare, beslut=beslut, nasta=nasta, skapad_av=actor
    )
    historik.save(uppfoljning, actor=actor, validate=True)
    Uppfoljningsavsnitt.objects.bulk_create(
        Uppfoljningsavsnitt(uppfoljning=uppfoljning, ordning=i, rubrik=r, text=t)
        for i, (r, t) in enumerate(avsnitt)
        if r.strip() or t.strip()
    )
    return uppfoljning


# --- Participant statistics --------------------------------------------------------------


@transaction.atomic
def period_create(*, actor, insats: Insats, fran: dt.date, till: dt.date) -> Period:
    if till < fran:
        raise Fel("Periodens slut kan inte ligga före dess början.")
    if Period.objects.filter(insats=insats, fran__lte=till, till__gte=fran).exists():
        raise Fel("Insatsen har redan en period som överlappar de datumen.")
    period = Period(insats=insats, fran=fran, till=till)
    historik.save(period, actor=actor)
    return period


def _andringsbar(period: Period) -> None:
    if period.status == Period.Status.GODKAND:
        raise Fast(PERIOD_LAST)
    if period.status == Period.Status.INSKICKAD:
        raise Fel("Perioden är inskickad. Kansliet kan skicka tillbaka den för komplettering.")


@transaction.atomic
def period_save(*, actor, period: Period, rader: list[sus.Rad]) -> None:
    """Replace the period's figures. Saved as a draft even when they do not add up yet;
    the rules apply when it is sent in."""
    period = Period.objects.select_for_update().get(pk=period.pk)
    _andringsbar(period)
    if fel := sus.radfel(rader):
        raise Fel([f.text for f in fel])
    period.rader.all().delete()
    Statistikrad.objects.bulk_create(
        Statistikrad(
            period=period,
            tabell=r.tabell,
            kategori=r.kategori,
            totalt=r.totalt,
            kvinnor=r.kvinnor,
            man=r.man,
            manader=r.manader,
        )
        for r in rader
        if r.totalt or r.kvinnor or r.man or r.manader
    )
    historik.save(period, actor=actor)


def period_rader(period: Period) -> list[sus.Rad]:
    return [
        sus.Rad(r.tabell, r.kategori, r.totalt, r.kvinnor, r.man, r.manader)
        for r in period.rader.all()
    ]


@transaction.atomic
def period_skicka_in(*, actor, period: Period) -> None:
    period = Period.objects.select_for_update().get(pk=period.pk)
    _andringsbar(period)
    fel = sus.validera(period_rader(period), selectors.ingang(period))
    if fel:
        raise Fel(fel)
    period.status = Period.Status.INSKICKAD
    period.inskickad, period.inskickad_av = timezone.now(), actor
    historik.save(period, actor=actor)


@transaction.atomic
def period_godkann(*, actor, period: Period) -> None:
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.status == Period.Status.GODKAND:
        raise Fast(PERIOD_LAST)
    if period.status != Period.Status.INSKICKAD:
        raise Fel("Bara en inskickad period kan godkännas.")
    period.status = Period.Status.GODKAND
    period.godkand, period.godkand_av = timezone.now(), actor
    historik.save(period, actor=actor)


@transaction.atomic
def period_komplettering(*, actor, period: Period, kommentar: str) -> None:
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.status == Period.Status.GODKAND:
        raise Fast(PERIOD_LAST)
    if period.status != Period.Status.INSKICKAD:
        raise Fel("Bara en inskickad period kan skickas tillbaka.")
    if not kommentar.strip():
        raise Fel("Skriv vad som behöver kompletteras.")
    period.status, period.kommentar = Period.Status.KOMPLETTERING, kommentar
    historik.save(period, actor=actor)


IMPORT_KOLUMNER = ["tabell", "kategori", "totalt", "kvinnor", "man", "manader"]
# A period's tables have a few dozen categories (a row per kommun at most in one of them);
# a file of more rows than this is no statistics file, and is refused while it is read.
MAX_STATISTIKRADER = 1_000


def _tolka_tabell(data: bytes) -> Iterator[list[str]]:
    """The file's rows as text, one at a time: Excel recognised by its content (and its
    archive checked before it is opened), else CSV."""
    if data.startswith(b"PK\x03\x04"):
        if kand_filtyp(data) != XLSX:
            raise Fel(["Filen är varken CSV eller Excel (.xlsx) och kan inte läsas."])
        rows = (["" if c is None else str(c) for c in rad] for rad in xlsx_varden(data))
    else:
        rows = csv_rader(data)
        if rows is None:
            raise Fel(["Filen är varken CSV eller Excel (.xlsx) och kan inte läsas."])
    return med_tak(rows, MAX_STATISTIKRADER)


def statistik_import(*, actor, period: Period, data: bytes, kommuner: list[str]) -> int:
    """Import a period's figures from CSV or Excel, all or nothing.

    Layout (one row per category, header first): tabell; kategori; totalt; kvinnor; man;
    manader. `tabell` is one of deltagare, kommun, forsorjning_in, tid, avslut,
    forsorjning_ut. Errors name the file's row numbers.
    """
    if period.status == Period.Status.GODKAND:  # before the file is read at all
        raise Fast(PERIOD_LAST)
    rows = _tolka_tabell(data)
    forsta = next(rows, None)
    if forsta is None:
        raise Fel(["Filen är tom."])
    header = [h.strip().lower() for h in forsta]
    if header[: len(IMPORT_KOLUMNER)] != IMPORT_KOLUMNER:
        raise Fel([f"Rad 1: kolumnerna ska vara {', '.join(IMPORT_KOLUMNER)}."])
    fel = Fellista()
    rader: list[sus.Rad] = []
    seen = set()
    for nr, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row):
            continue
        row = [*row, *[""] * 6][:6]
        tabell, kategori = row[0].strip(), row[1].strip()
        if tabell not in Tabell.values:
            fel.append(f"Rad {nr}: okänd tabell ”{tabell}”.")
            continue
        if kategori not in sus.kategorier(tabell, kommuner):
            fel.append(f"Rad {nr}: okänd kategori ”{kategori}” i {Tabell(tabell).label.lower()}.")
            continue
        if (tabell, kategori) in seen:
            fel.append(f"Rad {nr}: {kategori} finns redan på en tidigare rad.")
            continue
        seen.add((tabell, kategori))
        try:
            tal = [int(c.strip() or "0") for c in row[2:6]]
        except ValueError:
            fel.append(f"Rad {nr}: antal måste vara heltal.")
            continue
        if min(tal) < 0:
            fel.append(f"Rad {nr}: antal kan inte vara negativt.")
            continue
        rad = sus.Rad(tabell, kategori, *tal)
        if rad.kvinnor + rad.man > rad.totalt:
            fel.append(f"Rad {nr}: kvinnor och män är fler än totalt.")
            continue
        rader.append(rad)
    if not fel:
        fel = sus.validera(rader, selectors.ingang(period))
    if fel:
        raise Fel(fel)
    period_save(actor=actor, period=period, rader=rader)
    return len(rader)


# --- Applications and annual reports -----------------------------------------------------


@transaction.atomic
def ansokan_create(
    *,
    actor,
    insats: Insats,
    inkommen: dt.date,
    text: str,
    belopp: list[dict],
    bilagor: list[tuple[str, bytes, str]] = (),
) -> Ansokan:
    """belopp: one dict per year with ar, personal, lokal, data_it, ovrigt."""
    rows = [b for b in belopp if any(b.get(k) for k in ("personal", "lokal", "data_it", "ovrigt"))]
    if not rows:
        raise Fel("Ange sökt belopp för minst ett år.")
    if len({b["ar"] for b in rows}) != len(rows):
        raise Fel("Varje år får bara finnas en gång.")
    ansokan = Ansokan(insats=insats, inkommen=inkommen, text=text, registrerad_av=actor)
    historik.save(ansokan, actor=actor)
    AnsokanBelopp.objects.bulk_create(AnsokanBelopp(ansokan=ansokan, **b) for b in rows)
    for filnamn, data, _angiven_typ in bilagor:
        # The type is what the content is, whatever the caller says.
        filtyp = uploads.kand_filtyp(data)
        bilaga = AnsokanBilaga(
            ansokan=ansokan,
            filnamn=uploads.filnamn_for(filnamn, filtyp),
            filtyp=filtyp,
            storlek=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        bilaga.fil.save(bilaga.sha256, ContentFile(data), save=False)
        bilaga.save()
    return ansokan


def forslag_till_beslut(ansokan: Ansokan) -> str:
    """The Att-clauses the board is asked to decide, one per year (as in § 161)."""
    rader = list(ansokan.belopp.all())
    belopp = " och ".join(f"{_kr(b.summa)} för {b.ar}" for b in rader)
    return f"bevilja medel med {belopp} till {ansokan.insats.namn}."


def _kr(value: int) -> str:

    return kr(value).replace("\xa0", " ")


@transaction.atomic
def ansokan_till_dagordning(*, actor, ansokan: Ansokan, mote) -> None:
    """One action: the application becomes an item on a coming board meeting's dagordning,
    with the förslag till beslut filled in."""
    ansokan = Ansokan.objects.select_for_update().get(pk=ansokan.pk)
    if ansokan.dagordningspunkt_id:
        raise Fel("Ansökan finns redan på en dagordning.")
    ar = [b.ar for b in ansokan.belopp.all()]
    try:
        punkt = moten_services.dagordningspunkt_create(
            actor=actor,
            mote=mote,
            rubrik=f"Ansökan om medel för {ansokan.insats.namn} {min(ar)}"
            + (f"–{max(ar)}" if max(ar) != min(ar) else ""),
            underlag=ansokan.text,
            forslag_till_beslut=forslag_till_beslut(ansokan),
        )
    except moten_services.ProtokollSparrat as exc:
        raise Fel(exc.fel) from exc
    ansokan.dagordningspunkt = punkt
    ansokan.status = Ansokan.Status.DAGORDNING
    historik.save(ansokan, actor=actor)


@transaction.atomic
def arsrapport_save(
    *, actor, insats: Insats, ar: int, verksamhet: str, resultat: str, framat: str
) -> Arsrapport:
    rapport, _ = Arsrapport.objects.select_for_update().get_or_create(insats=insats, ar=ar)
    if rapport.status == Arsrapport.Status.GODKAND:
        raise Fast(ARSRAPPORT_LAST)
    rapport.verksamhet, rapport.resultat, rapport.framat = verksamhet, resultat, framat
    if rapport.status == Arsrapport.Status.INLAMNAD:
        rapport.status = Arsrapport.Status.UTKAST
    historik.save(rapport, actor=actor)
    return rapport


@transaction.atomic
def arsrapport_lamna_in(*, actor, rapport: Arsrapport) -> None:
    if rapport.status == Arsrapport.Status.GODKAND:
        raise Fast(ARSRAPPORT_LAST)
    if rapport.status != Arsrapport.Status.UTKAST:
        raise Fel("Bara ett utkast kan lämnas in.")
    if not (rapport.verksamhet.strip() and rapport.resultat.strip()):
        raise Fel("Skriv om verksamheten och resultatet innan rapporten lämnas in.")
    rapport.status = Arsrapport.Status.INLAMNAD
    historik.save(rapport, actor=actor)


@transaction.atomic
def arsrapport_godkann(*, actor, rapport: Arsrapport, paragraf: Paragraf) -> list[Delbetalning]:
    """The board approved the report in `paragraf`: the instalments waiting for an approved
    report of that year are released."""
    rapport = Arsrapport.objects.select_for_update().get(pk=rapport.pk)
    if rapport.status == Arsrapport.Status.GODKAND:
        raise Fast(ARSRAPPORT_LAST)
    if rapport.status != Arsrapport.Status.INLAMNAD:
        raise Fel("Bara en inlämnad årsrapport kan godkännas.")
    rapport.status, rapport.godkand_i = Arsrapport.Status.GODKAND, paragraf
    historik.save(rapport, actor=actor)
    vantande = list(
        Delbetalning.objects.filter(
            beviljning__insats=rapport.insats,
            beviljning__ar=rapport.ar,
            utlosare=Delbetalning.Utlosare.REDOVISNING,
            utlost__isnull=True,
        )
    )
    for d in vantande:
        delbetalning_utlos(actor=actor, delbetalning=d, datum=paragraf.protokoll.mote.datum)
    return vantande


# --- Arrangemang ---------------------------------------------------------------------------


@dataclass
class DeltagarRad:
    organisation: str
    inom_omradet: bool = True
    kvinnor: int = 0
    man: int = 0
    ej_angivet: int = 0


def arrangemang_fel(arrangemang, deltagare: list[DeltagarRad]) -> list[str]:
    """Every reason the event cannot be saved, in Swedish (empty when it can)."""
    fel = []
    if arrangemang.slutdatum and arrangemang.slutdatum < arrangemang.startdatum:
        fel.append("Slutdatum kan inte ligga före startdatum.")
    if (
        arrangemang.beviljning_id
        and arrangemang.insats_id
        and arrangemang.beviljning.insats_id != arrangemang.insats_id
    ):
        fel.append("Beviljningen hör till en annan insats än den som är vald.")
    sedda = set()
    for i, r in enumerate(deltagare, start=1):
        namn = r.organisation.strip()
        if not namn:
            fel.append(f"Rad {i}: ange organisation.")
        elif namn.casefold() in sedda:
            fel.append(f"Rad {i}: {namn} finns redan på en tidigare rad.")
        sedda.add(namn.casefold())
        if min(r.kvinnor, r.man, r.ej_angivet) < 0:
            fel.append(f"Rad {i}: antal kan inte vara negativt.")
        elif r.kvinnor + r.man + r.ej_angivet == 0:
            fel.append(f"Rad {i}: ange minst en deltagare.")
    return fel


@transaction.atomic
def arrangemang_save(*, actor, arrangemang, deltagare: list[DeltagarRad]):
    """Create or update an event and replace its participant rows, all or nothing."""

    if arrangemang.beviljning_id and not arrangemang.insats_id:
        arrangemang.insats_id = arrangemang.beviljning.insats_id
    fel = arrangemang_fel(arrangemang, deltagare)
    if fel:
        raise Fel(fel)
    if arrangemang.pk is None:
        arrangemang.registrerad_av = actor
    historik.save(arrangemang, actor=actor)
    arrangemang.deltagare.all().delete()
    ArrangemangDeltagare.objects.bulk_create(
        ArrangemangDeltagare(
            arrangemang=arrangemang,
            organisation=r.organisation.strip(),
            inom_omradet=r.inom_omradet,
            kvinnor=r.kvinnor,
            man=r.man,
            ej_angivet=r.ej_angivet,
        )
        for r in deltagare
    )
    return arrangemang
