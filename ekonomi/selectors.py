"""The budget follow-up, computed from stored rows: budget lines, imported transactions and
the latest prognos per post. Every total is a sum of the lines above it, never typed in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth

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
        for p in Budgetpost.objects.order_by("grupp", "ordning", "namn")
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
                    p.namn,
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


def kapitaltak(medel: int) -> int | None:
    for band in Kapitaltak.objects.order_by("medel_fran"):
        if medel >= band.medel_fran and (band.medel_till is None or medel < band.medel_till):
            return int(medel * band.max_andel)
    return None


def utfall_per_manad(ar: int) -> tuple[list[int], list[int]]:
    """Cumulative costs per month (utfall) and an even spread of the cost budget."""
    imp = utfallsimport(ar)
    rap = rapport(ar)
    if imp is None:
        return [], []
    konto_post, intakt = _konto_post()
    kostnadskonton = [k for k, p in konto_post.items() if not intakt[p]]
    per_manad = dict(
        Transaktion.objects.filter(utfallsimport=imp, konto__in=kostnadskonton)
        .annotate(m=ExtractMonth("datum"))
        .values_list("m")
        .annotate(s=Sum("belopp"))
    )
    cum, total = [], Decimal(0)
    for m in range(1, imp.per.month + 1):
        total += per_manad.get(m, Decimal(0))
        cum.append(kronor(total))
    jamn = [kronor(Decimal(rap.kostnader.budget) * m / 12) for m in range(1, imp.per.month + 1)]
    return cum, jamn


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
