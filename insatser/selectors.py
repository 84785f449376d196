"""Reads of insatser: money per grant, the SUS tables of periods, the board's overview."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Sum
from django.db.models.functions import ExtractYear, Lower
from django.urls import reverse
from django.utils import timezone

from forbund import sidindelning as sid
from forbund.models import Paminnelse, PaminnelseForslag
from forbund.selectors import LoggRad, visningsnamn

from . import permissions, sus
from .models import (
    Ansokan,
    Arrangemang,
    ArrangemangDeltagare,
    Arsrapport,
    Beviljning,
    HistoricalSignaturlista_attestanter,
    Insats,
    Mal,
    Period,
    Signaturlista,
    Statistikrad,
    Tabell,
    Uppfoljning,
    Utbetalning,
)


@dataclass
class Pengar:
    beviljat: int = 0
    begart: int = 0
    utbetalt: int = 0

    @property
    def kvar(self) -> int:
        return self.beviljat - self.utbetalt


def insatser_i_namnordning():
    """Every insats, by name: the choices where another app links to one (a survey round)."""
    return Insats.objects.order_by("namn")


def ingang(period: Period) -> sus.Ingang | None:
    """Those active when `period` starts, carried over by SUS from the approved period of the
    same insats that ends the day before: its aktiva minus its avslutade, per kön. None when
    there is no such period (the first period, or a gap)."""
    foregaende = (
        Period.objects.filter(
            insats_id=period.insats_id,
            till=period.fran - dt.timedelta(days=1),
            status=Period.Status.GODKAND,
        )
        .prefetch_related("rader")
        .first()
    )
    if foregaende is None:
        return None
    deltagare = {r.kategori: r for r in foregaende.rader.all() if r.tabell == Tabell.DELTAGARE}
    aktiva = deltagare.get("Aktiva") or sus.Rad(Tabell.DELTAGARE, "Aktiva")
    avslutade = deltagare.get("Avslutade") or sus.Rad(Tabell.DELTAGARE, "Avslutade")
    return sus.Ingang(
        totalt=max(0, aktiva.totalt - avslutade.totalt),
        kvinnor=max(0, aktiva.kvinnor - avslutade.kvinnor),
        man=max(0, aktiva.man - avslutade.man),
        fran=f"{foregaende.fran.isoformat()}–{foregaende.till.isoformat()}",
    )


# The insats page shows this many years (issue 19): its lists and chart stay the same size
# however many years the insats has run; earlier years are one link away.
AR_FONSTER = 3


def insats_ar(insats: Insats) -> list[int]:
    """Every year the insats has something in: a period, a grant, a goal or a follow-up
    (one query)."""
    ar = (
        Period.objects.filter(insats=insats)
        .annotate(y=ExtractYear("fran"))
        .values_list("y", flat=True)
        .union(
            Beviljning.objects.filter(insats=insats).values_list("ar", flat=True),
            Mal.objects.filter(insats=insats).values_list("ar", flat=True),
            Uppfoljning.objects.filter(insats=insats)
            .annotate(y=ExtractYear("datum"))
            .values_list("y", flat=True),
        )
    )
    return sorted(set(ar))


def ar_fonster(alla_ar: list[int], ar: int | None, idag: dt.date) -> tuple[int, int]:
    """The years the insats page shows: AR_FONSTER years ending at `ar`, by default at the
    insats's latest year with data (a grant already decided for next year included; this
    year when it has none)."""
    if ar is None:
        ar = alla_ar[-1] if alla_ar else idag.year
    return ar - AR_FONSTER + 1, ar


def beviljningar_med_pengar(insats: Insats, ar: tuple[int, int] | None = None) -> list[Beviljning]:
    """The insats's grants with their decision, payment plan and payments; each gets
    `.pengar` computed from the rows (two queries for any number of grants)."""
    qs = insats.beviljningar.all()
    if ar is not None:
        qs = qs.filter(ar__range=ar)
    beviljningar = list(
        qs.select_related("paragraf__protokoll__mote__organ", "attsats")
        .prefetch_related(
            "betalplan",
            "paragraf__jav",
            Prefetch(
                "utbetalningar",
                queryset=Utbetalning.objects.select_related(
                    "begard_av", "attest1_av", "attest2_av"
                ),
            ),
        )
        .order_by("ar", "pk")
    )
    for b in beviljningar:
        b.pengar = Pengar(
            beviljat=b.belopp,
            begart=sum(u.belopp for u in b.utbetalningar.all()),
            utbetalt=sum(
                u.belopp for u in b.utbetalningar.all() if u.status == Utbetalning.Status.UTBETALD
            ),
        )
    return beviljningar


@dataclass
class InsatsPengar(Pengar):
    namn: str = ""


def pengar_per_insats(ar: int, insatser=None) -> dict[int, InsatsPengar]:
    """Per insats (by id): granted in the year's decisions (beviljade), requested and paid out
    of those grants. Two queries for any number of insatser; `insatser` (ids or a queryset)
    narrows it. The overview, the ekonomi dashboard and the budget's insats posts all read
    this one sum."""
    beviljningar = Beviljning.objects.filter(ar=ar, utfall=Beviljning.Utfall.BEVILJAD)
    utbetalningar = Utbetalning.objects.filter(beviljning__ar=ar)
    if insatser is not None:
        beviljningar = beviljningar.filter(insats__in=insatser)
        utbetalningar = utbetalningar.filter(beviljning__insats__in=insatser)
    result: dict[int, InsatsPengar] = {}
    for insats_id, namn, belopp in beviljningar.values_list("insats", "insats__namn").annotate(
        s=Sum("belopp")
    ):
        result[insats_id] = InsatsPengar(beviljat=belopp, namn=namn)
    for insats_id, namn, begart, utbetalt in utbetalningar.values_list(
        "beviljning__insats", "beviljning__insats__namn"
    ).annotate(
        begart=Sum("belopp"),
        utbetalt=Sum("belopp", filter=Q(status=Utbetalning.Status.UTBETALD), default=0),
    ):
        p = result.setdefault(insats_id, InsatsPengar(namn=namn))
        p.begart, p.utbetalt = begart, utbetalt
    return result


def beviljningar_for(insats_id: int, ar: int) -> list[Beviljning]:
    """An insats's decisions for a year, with the paragraph and meeting of each."""
    return list(
        Beviljning.objects.filter(insats_id=insats_id, ar=ar).select_related(
            "paragraf__protokoll__mote"
        )
    )


def pengar_per_ar(beviljningar: list[Beviljning]) -> list[tuple[int, Pengar]]:
    per_ar: dict[int, Pengar] = defaultdict(Pengar)
    for b in beviljningar:
        p = per_ar[b.ar]
        p.beviljat += b.pengar.beviljat
        p.begart += b.pengar.begart
        p.utbetalt += b.pengar.utbetalt
    return sorted(per_ar.items())


@dataclass
class TabellRad:
    kategori: str
    totalt: int = 0
    kvinnor: int = 0
    man: int = 0
    manader: int = 0

    @property
    def snitt_manader(self) -> int | None:
        return round(self.manader / self.totalt) if self.totalt and self.manader else None


@dataclass
class SusTabeller:
    tabeller: dict[str, list[TabellRad]] = field(default_factory=dict)

    def rad(self, tabell: str, kategori: str) -> TabellRad:
        for r in self.tabeller.get(tabell, []):
            if r.kategori == kategori:
                return r
        return TabellRad(kategori)

    @property
    def aktiva(self) -> TabellRad:
        return self.rad(Tabell.DELTAGARE, "Aktiva")

    @property
    def till_arbete_eller_studier(self) -> int:
        return sum(
            r.totalt
            for r in self.tabeller.get(Tabell.AVSLUT, [])
            if r.kategori in sus.TILL_ARBETE | sus.TILL_STUDIER
        )

    @property
    def kommun_totalt(self) -> TabellRad:
        return self.summa(Tabell.KOMMUN)

    def summa(self, tabell: str) -> TabellRad:
        total = TabellRad("Totalt")
        for r in self.tabeller.get(tabell, []):
            total.totalt += r.totalt
            total.kvinnor += r.kvinnor
            total.man += r.man
            total.manader += r.manader
        return total


def sus_tabeller(period_ids: list[int], kommuner: list[str]) -> SusTabeller:
    """The six SUS tables summed over the given periods (one query), in the fixed category
    order; categories with no figures are left out, as in the reports."""
    sums = (
        Statistikrad.objects.filter(period_id__in=period_ids)
        .values("tabell", "kategori")
        .annotate(
            totalt=Sum("totalt"), kvinnor=Sum("kvinnor"), man=Sum("man"), manader=Sum("manader")
        )
    )
    return _tabeller({(s["tabell"], s["kategori"]): s for s in sums}, kommuner)


def sus_tabeller_per_period(period_ids: list[int], kommuner: list[str]) -> dict[int, SusTabeller]:
    """sus_tabeller([pk]) for each of the periods, all in one query: an insats's page shows
    every period (ten years of monthly periods are 120)."""
    sums = (
        Statistikrad.objects.filter(period_id__in=period_ids)
        .values("period_id", "tabell", "kategori")
        .annotate(
            totalt=Sum("totalt"), kvinnor=Sum("kvinnor"), man=Sum("man"), manader=Sum("manader")
        )
    )
    found: dict[int, dict] = {pk: {} for pk in period_ids}
    for s in sums:
        found[s["period_id"]][(s["tabell"], s["kategori"])] = s
    return {pk: _tabeller(rader, kommuner) for pk, rader in found.items()}


def _tabeller(found: dict, kommuner: list[str]) -> SusTabeller:
    result = SusTabeller()
    for tabell in Tabell.values:
        rows = []
        for kategori in sus.kategorier(tabell, kommuner):
            s = found.get((tabell, kategori))
            if s and (s["totalt"] or s["kvinnor"] or s["man"]):
                rows.append(TabellRad(kategori, s["totalt"], s["kvinnor"], s["man"], s["manader"]))
        result.tabeller[tabell] = rows
    return result


def senaste_godkanda_perioder(ar: int, insatser=None) -> dict[int, Period]:
    """Per insats, its latest approved period ending in the year (its report for the year)."""
    qs = Period.objects.filter(status=Period.Status.GODKAND, till__year=ar)
    if insatser is not None:
        qs = qs.filter(insats__in=insatser)
    # PostgreSQL's DISTINCT ON: one row per insats, not its twelve monthly periods.
    return {p.insats_id: p for p in qs.order_by("insats_id", "-till").distinct("insats_id")}


@dataclass
class OversiktRad:
    insats: Insats
    period: Period | None
    aktiva: int
    kvinnor: int
    man: int
    arbete_studier: int
    beviljat: int
    utbetalt: int

    @property
    def andel_kvinnor(self) -> float | None:
        return self.kvinnor / (self.kvinnor + self.man) if (self.kvinnor + self.man) else None

    @property
    def kostnad_per_deltagare(self) -> int | None:
        """Paid out per participant; None ("–") when nothing is paid or nobody took part."""
        if not self.aktiva or not self.utbetalt:
            return None
        return round(self.utbetalt / self.aktiva)


def oversikt(*, ar: int, insatser, kommuner: list[str]) -> list[OversiktRad]:
    """All insatser at a glance for a year; a fixed number of queries whatever their number."""
    insatser = list(insatser)
    perioder = senaste_godkanda_perioder(ar, insatser)
    rader_per_period: dict[int, dict] = defaultdict(dict)
    for r in Statistikrad.objects.filter(
        period_id__in=[p.pk for p in perioder.values()],
        tabell__in=[Tabell.DELTAGARE, Tabell.AVSLUT],
    ):
        rader_per_period[r.period_id][(r.tabell, r.kategori)] = r
    pengar = pengar_per_insats(ar, [i.pk for i in insatser])
    result = []
    for insats in insatser:
        period = perioder.get(insats.pk)
        rader = rader_per_period.get(period.pk, {}) if period else {}
        aktiva = rader.get((Tabell.DELTAGARE, "Aktiva"))
        result.append(
            OversiktRad(
                insats=insats,
                period=period,
                aktiva=aktiva.totalt if aktiva else 0,
                kvinnor=aktiva.kvinnor if aktiva else 0,
                man=aktiva.man if aktiva else 0,
                arbete_studier=sum(
                    r.totalt
                    for (t, k), r in rader.items()
                    if t == Tabell.AVSLUT and k in sus.TILL_ARBETE | sus.TILL_STUDIER
                ),
                beviljat=pengar.get(insats.pk, Pengar()).beviljat,
                utbetalt=pengar.get(insats.pk, Pengar()).utbetalt,
            )
        )
    return result


# The overview's default order, by name (case folded by the database), the id last.
INSATS_ORDNING = (sid.Nyckel("namn_gemener", typ=sid.TEXT), sid.Nyckel("id"))


def insatser_sida(insatser, *, markor: str | None) -> sid.Sida:
    """One page of these insatser by name (one query; `markor` as forbund.sidindelning)."""
    return sid.sida(
        insatser.annotate(namn_gemener=Lower("namn")), ordning=INSATS_ORDNING, markor=markor
    )


def ar_med_data() -> list[int]:
    """The years with grants or approved statistics, newest first: what the overview's year
    selector offers."""
    ar = set(Beviljning.objects.values_list("ar", flat=True).distinct())
    ar |= {
        d.year for d in Period.objects.filter(status=Period.Status.GODKAND).dates("till", "year")
    }
    return sorted(ar, reverse=True)


def standardar(idag: dt.date | None = None) -> int:
    """The overview opens on the latest year with data up to this one (next year's grants,
    decided in the autumn, are listed but not opened on)."""
    idag = idag or timezone.localdate()
    return next((a for a in ar_med_data() if a <= idag.year), idag.year)


def ansokningar_infor_beslut() -> list[Ansokan]:
    """Applications on the dagordning of a board meeting whose protocol is not justerat yet:
    what the board is about to decide, with the amounts applied for (two queries)."""
    return list(
        Ansokan.objects.filter(status=Ansokan.Status.DAGORDNING)
        .exclude(dagordningspunkt__mote__protokoll__status="justerat")
        .select_related("insats", "dagordningspunkt__mote")
        .prefetch_related("belopp")
        .order_by("dagordningspunkt__mote__datum", "dagordningspunkt__ordning", "pk")
    )


def arsrapporter_att_godkanna() -> list[Arsrapport]:
    """The insatser's annual reports handed in and waiting for the board's approval."""
    return list(
        Arsrapport.objects.filter(status=Arsrapport.Status.INLAMNAD)
        .select_related("insats")
        .order_by("ar", "insats__namn")
    )


def forsenade_uppfoljningar():
    """Insatser not ended (nor refused) whose latest follow-up booked a next one that is
    now past; an ended insats is followed up no more."""
    idag = timezone.localdate()
    # PostgreSQL's DISTINCT ON: the newest follow-up per insats, in one query.
    senaste = (
        Uppfoljning.objects.exclude(
            insats__status__in=[Insats.Status.AVSLUTAD, Insats.Status.AVSLAGEN]
        )
        .select_related("insats")
        .order_by("insats_id", "-datum")
        .distinct("insats_id")
    )
    return [u for u in senaste if u.nasta and u.nasta < idag]


def att_gora(user) -> dict:
    """What needs this user's attention among insatser (for the start page)."""
    result: dict = {}
    if permissions.can_approve(user):
        result["forsenade"] = forsenade_uppfoljningar()
        result["att_godkanna"] = list(
            Period.objects.filter(status=Period.Status.INSKICKAD)
            .select_related("insats")
            .order_by("inskickad")
        )
    if permissions.can_attest(user):
        result["att_attestera"] = list(
            Utbetalning.objects.filter(
                status__in=[Utbetalning.Status.BEGARD, Utbetalning.Status.ATTEST1]
            )
            .exclude(begard_av=user)
            .exclude(attest1_av=user)
            .select_related("beviljning__insats")
            .order_by("begard")
        )
    if not permissions.ser_alla(user):
        mina = list(permissions.insatser_for(user).order_by("namn"))
        result["mina_insatser"] = mina
        result["att_rapportera"] = list(
            Period.objects.filter(
                insats__in=mina, status__in=[Period.Status.UTKAST, Period.Status.KOMPLETTERING]
            ).select_related("insats")
        )
    return result


# --- Arrangemang ---------------------------------------------------------------------------


def arrangemang_med_summor(fran, till):
    """Events starting between the dates, each with its participant sums computed in the
    database (one query whatever the number of events and rows): `omrade_*` counts those
    from the förbund's own area, `alla` everyone."""
    omrade = Q(deltagare__inom_omradet=True)
    return (
        Arrangemang.objects.filter(startdatum__gte=fran, startdatum__lte=till)
        .select_related("insats")
        .annotate(
            omrade_kvinnor=Sum("deltagare__kvinnor", filter=omrade, default=0),
            omrade_man=Sum("deltagare__man", filter=omrade, default=0),
            omrade_ej_angivet=Sum("deltagare__ej_angivet", filter=omrade, default=0),
            omrade_totalt=F("omrade_kvinnor") + F("omrade_man") + F("omrade_ej_angivet"),
            alla=Sum(
                F("deltagare__kvinnor") + F("deltagare__man") + F("deltagare__ej_angivet"),
                default=0,
            ),
            antal_organisationer=Count("deltagare"),
        )
        .order_by("startdatum", "namn", "pk")
    )


def arrangemang_per_organisation(fran, till) -> list[dict]:
    """Participants per organisation and kön over the events between the dates."""
    return list(
        ArrangemangDeltagare.objects.filter(
            arrangemang__startdatum__gte=fran, arrangemang__startdatum__lte=till
        )
        .values("organisation", "inom_omradet")
        .annotate(kvinnor=Sum("kvinnor"), man=Sum("man"), ej_angivet=Sum("ej_angivet"))
        .order_by("-inom_omradet", "organisation")
    )


def arrangemang_ar() -> list[int]:
    """The years with events, newest first."""
    return [d.year for d in Arrangemang.objects.dates("startdatum", "year", order="DESC")]


def arrangemang_get(pk: int) -> Arrangemang | None:
    """One event with its insats and the decision of its grant."""
    return (
        Arrangemang.objects.select_related("insats", "beviljning__paragraf__protokoll__mote")
        .filter(pk=pk)
        .first()
    )


def godkanda_perioder(fran, till) -> list[Period]:
    """The approved statistics periods with exactly these dates, by insats: what the SUS
    report page and the verksamhetsrapport sum over."""
    return list(
        Period.objects.filter(status=Period.Status.GODKAND, fran=fran, till=till)
        .select_related("insats")
        .order_by("insats__namn")
    )


def signaturlista_i_kraft(datum: dt.date) -> Signaturlista | None:
    """The signaturlista in force on `datum`: the latest adopted on or before it."""
    return (
        Signaturlista.objects.filter(giltig_fran__lte=datum, antagen__isnull=False)
        .order_by("-giltig_fran", "-pk")
        .first()
    )


def pa_signaturlistan(user, datum: dt.date) -> bool:
    """Whether `user`'s person stands on the signaturlista in force on `datum`."""
    lista = signaturlista_i_kraft(datum)
    return lista is not None and lista.attestanter.filter(user=user).exists()


def signaturlistor() -> list[Signaturlista]:
    """Every adopted signaturlista, newest first, with its paragraph and names (the log of
    who can act)."""
    return list(
        Signaturlista.objects.filter(antagen__isnull=False)
        .select_related("paragraf__protokoll__mote")
        .prefetch_related("attestanter")
    )


def signaturlista_logg(*, limit: int = 200) -> list[LoggRad]:
    """Every change to a signaturlista for the log the ordförande and the revisor read:
    registered, its names (who was added, who removed), adopted; a change the database let
    through before adoption shows here too. Three queries, whatever the number of lists."""
    poster = list(
        Signaturlista.history.select_related("history_user", "paragraf__protokoll__mote").order_by(
            "-history_date", "-history_id"
        )[:limit]
    )
    namn: dict[int, set[str]] = defaultdict(set)
    for rad in HistoricalSignaturlista_attestanter.objects.filter(
        history__in=[p.history_id for p in poster]
    ).select_related("person"):
        if rad.person is not None:
            namn[rad.history_id].add(str(rad.person))
    rader = []
    fore: dict[int, object] = {}
    for post in reversed(poster):  # oldest first, to compare each with the one before
        tidigare = fore.get(post.id)
        fore[post.id] = post
        beslut = (
            f"§ {post.paragraf.nummer} ({post.paragraf.protokoll.mote.datum.isoformat()}), "
            f"gäller från {post.giltig_fran.isoformat()}"
            if post.paragraf
            else f"gäller från {post.giltig_fran.isoformat()}"
        )
        nu, da = namn[post.history_id], namn[tidigare.history_id] if tidigare else set()
        if post.history_type == "+":
            handelse, vad = "registrerad", beslut
        elif post.history_type == "-":
            handelse, vad = "borttagen", beslut
        elif post.antagen and (tidigare is None or tidigare.antagen is None):
            handelse, vad = "antagen", f"{beslut}: {', '.join(sorted(nu)) or 'inga namn'}"
        elif nu != da:
            delar = [f"tillagda {', '.join(sorted(nu - da))}" if nu - da else ""]
            delar.append(f"borttagna {', '.join(sorted(da - nu))}" if da - nu else "")
            handelse, vad = "namn", f"{beslut}: {'; '.join(d for d in delar if d)}"
        else:
            handelse, vad = "ändrad", beslut
        rader.append(
            LoggRad(
                post.history_date,
                visningsnamn(post.history_user),
                f"Signaturlista: {handelse}",
                vad,
            )
        )
    return rader


# --- Reminders (issue 19): what the daily job (forbund/projekt/jobb.py) reminds of ---------

# A period's statistics are due this many days after the period ends.
STATISTIK_FRIST_DAGAR = 15


def _personal(insats_ids) -> dict[int, list[int]]:
    """Each insats's staff with a login (one query)."""
    personal: dict[int, list[int]] = defaultdict(list)
    for insats_id, user_id in Insats.personal.through.objects.filter(
        insats_id__in=insats_ids, person__user__isnull=False, person__user__is_active=True
    ).values_list("insats_id", "person__user_id"):
        personal[insats_id].append(user_id)
    return personal


def paminnelser(idag: dt.date, *, kansli: list[int]) -> list[PaminnelseForslag]:
    """The insats's staff and the kansli: a follow-up whose "nästa uppföljning" has passed
    with no later follow-up, and a statistics period not sent in (or returned and not sent
    again) STATISTIK_FRIST_DAGAR days after it ended. Three queries."""
    senare = Uppfoljning.objects.filter(
        insats_id=OuterRef("insats_id"), datum__gte=OuterRef("nasta")
    )
    uppfoljningar = list(
        Uppfoljning.objects.filter(nasta__lt=idag, nasta__gte=idag - dt.timedelta(days=90))
        .exclude(Exists(senare))
        .select_related("insats")
    )
    perioder = list(
        Period.objects.filter(
            status__in=[Period.Status.UTKAST, Period.Status.KOMPLETTERING],
            till__lt=idag - dt.timedelta(days=STATISTIK_FRIST_DAGAR),
            till__gte=idag - dt.timedelta(days=365),
        ).select_related("insats")
    )
    personal = _personal({u.insats_id for u in uppfoljningar} | {p.insats_id for p in perioder})
    forslag: list[PaminnelseForslag] = []
    for u in uppfoljningar:
        forslag += [
            PaminnelseForslag(
                mottagare_id=user_id,
                typ=Paminnelse.Typ.UPPFOLJNING,
                nyckel=f"uppfoljning:{u.insats_id}:{u.nasta.isoformat()}",
                text=f"{u.insats.namn}: nästa uppföljning var planerad till "
                f"{u.nasta.isoformat()} och är inte registrerad.",
                lank=reverse("insats_detail", args=[u.insats_id]),
                datum=u.nasta,
            )
            for user_id in dict.fromkeys([*personal[u.insats_id], *kansli])
        ]
    for p in perioder:
        frist = p.till + dt.timedelta(days=STATISTIK_FRIST_DAGAR)
        forslag += [
            PaminnelseForslag(
                mottagare_id=user_id,
                typ=Paminnelse.Typ.STATISTIK,
                nyckel=f"statistik:{p.pk}:{p.status}",
                text=f"{p.insats.namn}: deltagarstatistiken för {p.fran.isoformat()}–"
                f"{p.till.isoformat()} skulle ha skickats in senast {frist.isoformat()}.",
                lank=reverse("period_edit", args=[p.pk]),
                datum=frist,
            )
            for user_id in dict.fromkeys([*personal[p.insats_id], *kansli])
        ]
    return forslag
