"""The budget follow-up, computed from stored rows: budget lines, imported transactions and
the latest prognos per post. Every total is a sum of the lines above it, never typed in."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from forbund.formatting import kronor

from .models import (
    Budgetpost,
    Budgetversion,
    Grupp,
    Kapitaltak,
    Konto,
    Prognos,
    Transaktion,
    Utfallsimport,
    Verksamhetsar,
)


@dataclass
class Rad:
    namn: str
    budget: int = 0
    utfall: int = 0
    prognos: int | None = None
    post: Budgetpost | None = None
    summa: bool = False

    @property
    def differens(self) -> int | None:
        return None if self.prognos is None else self.budget - self.prognos


@dataclass
class Gruppdel:
    grupp: str
    namn: str
    rader: list[Rad]
    summa: Rad | None  # None for the intäkter: "Summa intäkter" is the report's own line


@dataclass
class Rapport:
    ar: int
    version: Budgetversion | None
    per: dt.date | None
    grupper: list[Gruppdel] = field(default_factory=list)
    intakter: Rad = field(default_factory=lambda: Rad("Summa intäkter", summa=True))
    kostnader: Rad = field(default_factory=lambda: Rad("Summa kostnader", summa=True))
    ingaende_eget_kapital: int | None = None
    tak: int | None = None

    @property
    def resultat(self) -> Rad:
        r = Rad("Resultat", summa=True)
        r.budget = self.intakter.budget - self.kostnader.budget
        r.utfall = self.intakter.utfall - self.kostnader.utfall
        if self.intakter.prognos is not None and self.kostnader.prognos is not None:
            r.prognos = self.intakter.prognos - self.kostnader.prognos
        return r

    @property
    def eget_kapital_prognos(self) -> int | None:
        if self.ingaende_eget_kapital is None or self.resultat.prognos is None:
            return None
        return self.ingaende_eget_kapital + self.resultat.prognos

    @property
    def over_tak(self) -> bool:
        ek = self.eget_kapital_prognos
        return bool(self.tak is not None and ek is not None and ek > self.tak)

    @property
    def bedomning(self) -> str:
        """Eget kapital by the prognos against the ceiling, in plain words."""
        return bedomning_tak(self.eget_kapital_prognos, self.tak)

    def alla_rader(self):
        """Posts and sums in report order, for CSV and Excel."""
        for g in self.grupper:
            yield from g.rader
            yield g.summa if g.summa else self.intakter
        yield self.kostnader
        yield self.resultat


def budgetversion(ar: int) -> Budgetversion | None:
    """The version a report compares against: the latest fastställd, else the latest."""
    qs = Budgetversion.objects.filter(ar__ar=ar).select_related("paragraf__protokoll__mote")
    return (
        qs.filter(status="faststalld").order_by("-nummer").first() or qs.order_by("-nummer").first()
    )


def utfallsimport(ar: int, per: dt.date | None = None) -> Utfallsimport | None:
    qs = Utfallsimport.objects.filter(ar=ar)
    if per:
        qs = qs.filter(per__lte=per)
    return qs.order_by("-per").first()


def utfall_per_post(
    ar: int, per: dt.date | None = None
) -> tuple[dict[int, int], Utfallsimport | None]:
    """Utfall per post in kr, with the portal's sign (income and costs positive)."""
    imp = utfallsimport(ar, per)
    if imp is None:
        return {}, None
    per = per or imp.per
    konto_post, intakt = _konto_post()
    sums = (
        Transaktion.objects.filter(utfallsimport=imp, datum__lte=per)
        .values("konto")
        .annotate(s=Sum("belopp"))
    )
    result: dict[int, Decimal] = defaultdict(Decimal)
    for s in sums:
        post_id = konto_post.get(s["konto"])
        if post_id is not None:
            # Revenue carries a negative balance in the books; the portal shows it positive.
            result[post_id] += -s["s"] if intakt[post_id] else s["s"]
    return {k: kronor(v) for k, v in result.items()}, imp


def _konto_post() -> tuple[dict[int, int], dict[int, bool]]:
    konto_post, intakt = {}, {}
    for post in Budgetpost.objects.prefetch_related("konton"):
        intakt[post.pk] = post.raknas_som_intakt
        for k in post.konton.all():
            konto_post[k.nummer] = post.pk
    return konto_post, intakt


def senaste_prognoser(ar: int) -> dict[int, int]:
    return {
        p.post_id: p.belopp
        for p in Prognos.objects.filter(ar=ar)
        .order_by("post_id", "-lamnad", "-pk")
        .distinct("post_id")
    }


def rapport(
    ar: int, *, per: dt.date | None = None, version: Budgetversion | None = None
) -> Rapport:
    version = version or budgetversion(ar)
    budget = {r.post_id: r.belopp for r in version.rader.all()} if version else {}
    utfall, imp = utfall_per_post(ar, per)
    prognos = senaste_prognoser(ar)
    poster = [
        p
        for p in Budgetpost.objects.select_related("insats").order_by("grupp", "ordning", "namn")
        if p.pk in budget or p.pk in utfall or p.pk in prognos
    ]
    har_prognos = bool(prognos)
    result = Rapport(ar=ar, version=version, per=per or (imp.per if imp else None))
    for grupp in Grupp:
        rader = []
        for p in poster:
            if p.grupp != grupp:
                continue
            rader.append(
                Rad(
                    p.visningsnamn,
                    budget.get(p.pk, 0),
                    utfall.get(p.pk, 0),
                    prognos.get(p.pk, budget.get(p.pk, 0)) if har_prognos else None,
                    post=p,
                )
            )
        if not rader:
            continue
        summa = Rad(f"Summa {grupp.label.lower()}", summa=True)
        for r in rader:
            sign = -1 if (r.post.raknas_som_intakt and grupp != Grupp.INTAKTER) else 1
            summa.budget += sign * r.budget
            summa.utfall += sign * r.utfall
            if r.prognos is not None:
                summa.prognos = (summa.prognos or 0) + sign * r.prognos
            target = result.intakter if r.post.raknas_som_intakt else result.kostnader
            target.budget += r.budget
            target.utfall += r.utfall
            if r.prognos is not None:
                target.prognos = (target.prognos or 0) + r.prognos
        result.grupper.append(
            Gruppdel(grupp.value, grupp.label, rader, None if grupp == Grupp.INTAKTER else summa)
        )
    if har_prognos:
        result.intakter.prognos = result.intakter.prognos or 0
        result.kostnader.prognos = result.kostnader.prognos or 0
    va = Verksamhetsar.objects.filter(ar=ar).first()
    if va:
        result.ingaende_eget_kapital = va.ingaende_eget_kapital
    result.tak = kapitaltak(result.intakter.budget)
    return result


@dataclass
class Budgetsumma:
    namn: str
    belopp: int = 0
    plan1: int = 0
    plan2: int = 0

    def lagg_till(self, rad, tecken: int = 1) -> None:
        self.belopp += tecken * ((rad.belopp if rad else 0) or 0)
        self.plan1 += tecken * ((rad.plan1 if rad else 0) or 0)
        self.plan2 += tecken * ((rad.plan2 if rad else 0) or 0)


@dataclass
class Budgetgrupp:
    grupp: str
    namn: str
    poster: list  # (Budgetpost, Budgetrad | None)
    summa: Budgetsumma


@dataclass
class Budgettrad:
    """A budget version as the budget tree: Intäkter, Styrelsen, Administration, Insatser
    (and Övriga kostnader), each with its lines and sum, then summa intäkter, summa
    kostnader and resultat, for the budget year and both plan years."""

    grupper: list[Budgetgrupp]
    intakter: Budgetsumma
    kostnader: Budgetsumma

    @property
    def resultat(self) -> Budgetsumma:
        return Budgetsumma(
            "Resultat (intäkter − kostnader)",
            self.intakter.belopp - self.kostnader.belopp,
            self.intakter.plan1 - self.kostnader.plan1,
            self.intakter.plan2 - self.kostnader.plan2,
        )


def budgettrad(version: Budgetversion | None, *, alla_poster: bool = False) -> Budgettrad:
    """The version's lines grouped as the budget tree; `alla_poster` includes posts without a
    line in it (the kansli's form, where any post can be given an amount). Two queries."""
    rader = {r.post_id: r for r in version.rader.all()} if version else {}
    trad = Budgettrad([], Budgetsumma("Summa intäkter"), Budgetsumma("Summa kostnader"))
    poster = list(Budgetpost.objects.select_related("insats").order_by("grupp", "ordning", "namn"))
    for grupp in Grupp:
        valda = [
            (p, rader.get(p.pk))
            for p in poster
            if p.grupp == grupp and (alla_poster or p.pk in rader)
        ]
        if not valda:
            continue
        summa = Budgetsumma(f"Summa {grupp.label.lower()}")
        for post, rad in valda:
            intakt = post.raknas_som_intakt
            summa.lagg_till(rad, -1 if intakt and grupp != Grupp.INTAKTER else 1)
            (trad.intakter if intakt else trad.kostnader).lagg_till(rad)
        trad.grupper.append(Budgetgrupp(grupp.value, grupp.label, valda, summa))
    return trad


def kapitaltak(medel: int) -> int | None:
    for band in Kapitaltak.objects.order_by("medel_fran"):
        if medel >= band.medel_fran and (band.medel_till is None or medel < band.medel_till):
            return int(medel * band.max_andel)
    return None


MANADER = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@dataclass(frozen=True)
class Manad:
    """One month of the year's costs: that month's utfall, the utfall so far and the cost
    budget spread evenly (its pace). `utfall` is None for months not yet in the books."""

    manad: str
    utfall: int | None
    hittills: int | None
    takt: int


def utfall_per_manad(ar: int, rap: Rapport | None = None) -> list[Manad]:
    """The year's costs month by month from the latest import (up to its date), against the
    pace of the cost budget (a twelfth a month). Two queries (the report passed in or not)."""
    rap = rap or rapport(ar)
    imp = utfallsimport(ar)
    per_manad: dict[int, Decimal] = {}
    if imp is not None:
        konto_post, intakt = _konto_post()
        kostnadskonton = [k for k, p in konto_post.items() if not intakt[p]]
        per_manad = dict(
            Transaktion.objects.filter(
                utfallsimport=imp, konto__in=kostnadskonton, datum__lte=imp.per
            )
            .annotate(m=ExtractMonth("datum"))
            .values_list("m")
            .annotate(s=Sum("belopp"))
        )
    sista = imp.per.month if imp is not None else 0
    ut, total = [], Decimal(0)
    for m in range(1, 13):
        takt = kronor(Decimal(rap.kostnader.budget) * m / 12)
        if m <= sista:
            total += per_manad.get(m, Decimal(0))
            ut.append(Manad(MANADER[m - 1], kronor(per_manad.get(m, 0)), kronor(total), takt))
        else:
            ut.append(Manad(MANADER[m - 1], None, None, takt))
    return ut


def ar_med_data() -> list[int]:
    """The years with a budget or imported utfall, newest first: what a year selector
    offers."""
    ar = set(Verksamhetsar.objects.values_list("ar", flat=True))
    ar |= set(Utfallsimport.objects.values_list("ar", flat=True).distinct())
    return sorted(ar, reverse=True)


def standardar(idag: dt.date | None = None) -> int:
    """The year the economy pages open on: the latest year with imported utfall (the year
    being followed up), else the latest budget year up to this one, else this year."""
    idag = idag or timezone.localdate()
    senaste = Utfallsimport.objects.order_by("-ar").values_list("ar", flat=True).first()
    if senaste is not None:
        return senaste
    budgetar = (
        Verksamhetsar.objects.filter(ar__lte=idag.year)
        .order_by("-ar")
        .values_list("ar", flat=True)
        .first()
    )
    return budgetar or idag.year


@dataclass(frozen=True)
class Nyckeltal:
    """Three figures of a year's economy for the board's start page."""

    ar: int
    resultat_budget: int
    resultat_prognos: int | None  # None: no prognos yet
    kostnader_budget: int
    kostnader_utfall: int
    per: dt.date | None
    andel_forbrukat: Decimal | None  # of the cost budget
    andel_av_aret: Decimal | None  # of the year gone by `per`
    eget_kapital: int | None  # at year end, by the prognos (else the budget)
    eget_kapital_enligt: str  # "prognos" or "budget"
    tak: int | None
    bedomning: str


def bedomning_tak(eget_kapital: int | None, tak: int | None) -> str:
    """Eget kapital against the recommended ceiling, in words."""
    if eget_kapital is None or tak is None:
        return ""
    if eget_kapital > tak:
        return "över taket: styrelsen bör besluta om åtgärd"
    return "under rekommenderat tak"


def nyckeltal(ar: int, rap: Rapport | None = None) -> Nyckeltal:
    r = rap or rapport(ar)
    res = r.resultat
    andel_forbrukat = andel_av_aret = None
    if r.per is not None:
        if r.kostnader.budget:
            andel_forbrukat = Decimal(r.kostnader.utfall) / r.kostnader.budget
        dagar = 366 if calendar.isleap(ar) else 365
        andel_av_aret = Decimal(r.per.timetuple().tm_yday) / dagar
    ek = r.eget_kapital_prognos
    enligt = "prognos"
    if ek is None and r.ingaende_eget_kapital is not None and r.version is not None:
        ek, enligt = r.ingaende_eget_kapital + res.budget, "budget"
    return Nyckeltal(
        ar=ar,
        resultat_budget=res.budget,
        resultat_prognos=res.prognos,
        kostnader_budget=r.kostnader.budget,
        kostnader_utfall=r.kostnader.utfall,
        per=r.per,
        andel_forbrukat=andel_forbrukat,
        andel_av_aret=andel_av_aret,
        eget_kapital=ek,
        eget_kapital_enligt=enligt,
        tak=r.tak,
        bedomning=bedomning_tak(ek, r.tak),
    )


@dataclass(frozen=True)
class Saldorad:
    konto: int
    namn: str
    utfall: Decimal  # kr, the accounting sign of the file (revenue negative)


def saldolista(ar: int, per: dt.date | None = None) -> tuple[list[Saldorad], dt.date | None]:
    """Utfall per account in the year up to `per`, from the year's latest import: what a
    revisor compares with the accounting system. The date is capped at the import's own
    (the utfall is not known beyond it) and returned. Accounts that sum to zero are left
    out; names from the kontoplan, else as the file named them."""
    imp = utfallsimport(ar)
    if imp is None:
        return [], None
    datum = min(per, imp.per) if per else imp.per
    summor = (
        Transaktion.objects.filter(utfallsimport=imp, datum__lte=datum)
        .values_list("konto")
        .annotate(s=Sum("belopp"))
        .order_by("konto")
    )
    summor = [(k, s) for k, s in summor if s]
    kontoplan = dict(
        Konto.objects.filter(nummer__in=[k for k, _s in summor]).values_list("nummer", "namn")
    )
    rader = [Saldorad(k, kontoplan.get(k) or imp.kontonamn.get(str(k), ""), s) for k, s in summor]
    return rader, datum
