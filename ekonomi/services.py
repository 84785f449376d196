"""Writes to ekonomi: utfall imports (all or nothing), account mapping, prognos, budget."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Sum

from forbund import historik
from forbund.fel import Fel
from forbund.models import Part
from insatser import selectors as insats_selectors

from . import sie
from .models import (
    Budgetpost,
    Budgetrad,
    Budgetversion,
    Konto,
    Prognos,
    Transaktion,
    Utfallsimport,
)


@dataclass
class Importresultat:
    oforandrad: bool = False
    ersatte: Utfallsimport | None = None
    utfallsimport: Utfallsimport | None = None
    antal: int = 0
    andringar: list[tuple[int, Decimal, Decimal]] = field(
        default_factory=list
    )  # konto, före, efter
    omappade: list[int] = field(default_factory=list)


@transaction.atomic
def utfall_import(
    *, actor, data: bytes, filnamn: str, ar: int, per: dt.date | None = None
) -> Importresultat:
    """Import a year's utfall from SIE4, CSV or Excel. All or nothing: one bad line and
    nothing changes. The same file again changes nothing; a corrected file for the same
    period (year and date) replaces the earlier one and says what changed per account."""
    inlast = sie.tolka(data, filnamn, ar=ar)
    if inlast.fel:
        raise Fel(inlast.fel)
    if not inlast.rader:
        raise Fel("Filen innehåller inga transaktioner för året.")
    per = per or max(r.datum for r in inlast.rader)
    if per.year != ar:
        raise Fel(f"Datumet {per.isoformat()} ligger utanför {ar}.")
    sha = hashlib.sha256(data).hexdigest()
    if Utfallsimport.objects.filter(ar=ar, sha256=sha).exists():
        return Importresultat(oforandrad=True)

    tidigare = Utfallsimport.objects.select_for_update().filter(ar=ar, per=per).first()
    fore: dict[int, Decimal] = {}
    if tidigare:
        fore = {
            r["konto"]: r["s"]
            for r in tidigare.transaktioner.values("konto").annotate(s=Sum("belopp"))
        }
        tidigare.delete()
    for nummer, namn in inlast.konton.items():
        Konto.objects.update_or_create(nummer=nummer, defaults={"namn": namn})
    for nummer in {r.konto for r in inlast.rader} - set(inlast.konton):
        Konto.objects.get_or_create(nummer=nummer)
    ny = Utfallsimport.objects.create(
        ar=ar, per=per, filnamn=filnamn[:255], format=inlast.format, sha256=sha, importerad_av=actor
    )
    Transaktion.objects.bulk_create(
        (
            Transaktion(
                utfallsimport=ny,
                konto=r.konto,
                datum=r.datum,
                belopp=r.belopp,
                text=r.text[:300],
                verifikation=r.verifikation[:40],
            )
            for r in inlast.rader
        ),
        batch_size=5000,
    )
    efter: dict[int, Decimal] = defaultdict(Decimal)
    for r in inlast.rader:
        efter[r.konto] += r.belopp
    andringar = []
    if tidigare:
        for konto in sorted(set(fore) | set(efter)):
            if fore.get(konto, Decimal(0)) != efter.get(konto, Decimal(0)):
                andringar.append((konto, fore.get(konto, Decimal(0)), efter.get(konto, Decimal(0))))
    return Importresultat(
        ersatte=tidigare,
        utfallsimport=ny,
        antal=len(inlast.rader),
        andringar=andringar,
        omappade=omappade_konton(ar),
    )


def omappade_konton(ar: int) -> list[int]:
    """Result accounts (class 3–8) with transactions this year that map to no post."""
    anvanda = set(
        Transaktion.objects.filter(utfallsimport__ar=ar, konto__gte=3000, konto__lt=9000)
        .values_list("konto", flat=True)
        .distinct()
    )
    mappade = set(Budgetpost.konton.through.objects.values_list("konto__nummer", flat=True))
    return sorted(anvanda - mappade)


@transaction.atomic
def konto_mappa(*, actor, konto: int, post: Budgetpost) -> None:
    obj, _ = Konto.objects.get_or_create(nummer=konto)
    if obj.poster.exclude(pk=post.pk).exists():
        raise Fel(f"Konto {konto} hör redan till en annan budgetpost.")
    post.konton.add(obj)


@transaction.atomic
def prognos_save(*, actor, ar: int, belopp: dict[Budgetpost, int]) -> int:
    """Record a new prognos for the posts whose figure changed. Earlier ones are kept."""
    senaste = _senaste_prognoser(ar)
    nya = [
        Prognos(ar=ar, post=post, belopp=value, lamnad_av=actor)
        for post, value in belopp.items()
        if value is not None and senaste.get(post.pk) != value
    ]
    Prognos.objects.bulk_create(nya)
    return len(nya)


def _senaste_prognoser(ar: int) -> dict[int, int]:
    latest = {}
    for p in (
        Prognos.objects.filter(ar=ar).order_by("post_id", "-lamnad", "-pk").distinct("post_id")
    ):
        latest[p.post_id] = p.belopp
    return latest


@transaction.atomic
def budgetversion_faststall(*, actor, version: Budgetversion, paragraf) -> None:
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("Budgetversionen är redan fastställd.")
    version.status, version.paragraf = Budgetversion.Status.FASTSTALLD, paragraf
    historik.save(version, actor=actor)


@transaction.atomic
def budgetversion_ny_version(*, actor, fran: Budgetversion, namn: str) -> Budgetversion:
    """A revised budget is a new version, copied from the one it revises; the fastställd one
    stays as it was."""
    nummer = (fran.ar.versioner.aggregate(m=Max("nummer"))["m"] or 0) + 1
    ny = Budgetversion.objects.create(ar=fran.ar, nummer=nummer, namn=namn)
    Budgetrad.objects.bulk_create(
        Budgetrad(version=ny, post_id=r.post_id, belopp=r.belopp, plan1=r.plan1, plan2=r.plan2)
        for r in fran.rader.all()
    )
    return ny


@transaction.atomic
def budgetrad_save(*, actor, version: Budgetversion, post: Budgetpost, belopp: int) -> None:
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    if belopp < 0:
        raise Fel("Budgetbeloppet kan inte vara negativt.")
    Budgetrad.objects.update_or_create(version=version, post=post, defaults={"belopp": belopp})


@transaction.atomic
def budgetrader_save(*, actor, version: Budgetversion, rader: dict[Budgetpost, tuple]) -> None:
    """rader: post -> (budget, plan år 2, plan år 3). A fastställd version is locked."""
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    for post, (belopp, plan1, plan2) in rader.items():
        if belopp is None:
            continue
        if min(v for v in (belopp, plan1 or 0, plan2 or 0)) < 0:
            raise Fel(f"{post.namn}: beloppet kan inte vara negativt.")
        Budgetrad.objects.update_or_create(
            version=version, post=post, defaults={"belopp": belopp, "plan1": plan1, "plan2": plan2}
        )


def medelstilldelning_fordelning(statens_belopp: int) -> list[tuple[object, int]]:
    """FINSAM: the state half (Försäkringskassan with Arbetsförmedlingen), the region a
    quarter (half of the state's amount), the kommuner together a quarter, split by their
    agreed shares or else by population. Rounded to the krona; the last kommun takes the
    rounding so the kommun quarter adds up exactly."""
    region = statens_belopp // 2
    kommuner = list(Part.objects.filter(typ=Part.Typ.KOMMUN).order_by("ordning", "namn"))
    kvart = statens_belopp - region  # the other half of the state's amount, for all kommuner
    andelar = [k.kommunandel for k in kommuner]
    if any(a is None for a in andelar):
        folk = sum(k.folkmangd or 0 for k in kommuner) or 1
        andelar = [Decimal(k.folkmangd or 0) / folk for k in kommuner]
    result = [("stat", statens_belopp)]
    for part in Part.objects.filter(typ=Part.Typ.REGION):
        result.append((part, region))
    fordelat = 0
    for i, (k, andel) in enumerate(zip(kommuner, andelar, strict=True)):
        belopp = kvart - fordelat if i == len(kommuner) - 1 else int(Decimal(kvart) * andel)
        fordelat += belopp
        result.append((k, belopp))
    return result


@transaction.atomic
def medelstilldelning_bokfor(
    *, actor, version: Budgetversion, statens_belopp: int
) -> list[tuple[str, int]]:
    """Post the medelstilldelning as intäktsposter of the version."""
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    rader = []
    for part, belopp in medelstilldelning_fordelning(statens_belopp):
        namn = "Försäkringskassan/Arbetsförmedlingen" if part == "stat" else part.namn
        post, _ = Budgetpost.objects.get_or_create(grupp="intakter", namn=namn)
        Budgetrad.objects.update_or_create(version=version, post=post, defaults={"belopp": belopp})
        rader.append((namn, belopp))
    return rader


@transaction.atomic
def insatsposter_from_beviljningar(*, actor, version: Budgetversion) -> int:
    """One budget post per insats with money granted for the year, its amount the sum of the
    grants (computed, not typed)."""
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    antal = 0
    for insats_id, pengar in insats_selectors.pengar_per_insats(version.ar.ar).items():
        if not pengar.beviljat:
            continue
        post = Budgetpost.objects.filter(insats_id=insats_id).first()
        if post is None:
            post = Budgetpost.objects.create(
                grupp="insatser", namn=pengar.namn, insats_id=insats_id, ordning=500
            )
        Budgetrad.objects.update_or_create(
            version=version, post=post, defaults={"belopp": pengar.beviljat}
        )
        antal += 1
    return antal
