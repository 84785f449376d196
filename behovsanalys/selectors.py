"""What the behovsanalys pages read: a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import analys
from .models import Befolkning, Behovsimport, Behovsregion, Helarsekvivalent


@dataclass(frozen=True)
class Urval:
    kommun: Behovsregion
    lan: Behovsregion | None
    riket: Behovsregion | None

    @property
    def regioner(self) -> list[Behovsregion]:
        return [r for r in (self.kommun, self.lan, self.riket) if r is not None]


def regioner() -> list[Behovsregion]:
    """Every region with data: member kommuner first, then other kommuner, län, riket."""
    ordning = {"kommun": 0, "lan": 1, "riket": 2}
    alla = list(Behovsregion.objects.filter(helarsekvivalenter__isnull=False).distinct())
    return sorted(alla, key=lambda r: (ordning[r.niva], r.part_id is None, r.namn))


def urval(alla: list[Behovsregion], kommun: Behovsregion) -> Urval:
    """The kommun, its län (the first two digits of its code) and the whole country."""
    per_kod = {r.kod: r for r in alla}
    return Urval(kommun=kommun, lan=per_kod.get(kommun.kod[:2]), riket=per_kod.get("00"))


def ar_med_data() -> list[int]:
    return sorted(Helarsekvivalent.objects.values_list("ar", flat=True).distinct())


def tabell(regioner: list[Behovsregion], *, fran: int, till: int) -> pd.DataFrame:
    """analys.per_tusen over the stored rows of these regions and years (two queries)."""
    ids = {r.pk: r.kod for r in regioner}
    he_rader = Helarsekvivalent.objects.filter(
        region_id__in=ids, ar__gte=fran, ar__lte=till
    ).values_list("region_id", "kon", "ar", "ersattning", "varde")
    bef_rader = Befolkning.objects.filter(
        region_id__in=ids, ar__gte=fran, ar__lte=till
    ).values_list("region_id", "kon", "ar", "antal")
    he = pd.DataFrame(
        [(ids[r], k, a, e, float(v)) for r, k, a, e, v in he_rader],
        columns=["regionkod", "kon", "ar", "ersattning", "helarsekvivalenter"],
    )
    bef = pd.DataFrame(
        [(ids[r], k, a, n) for r, k, a, n in bef_rader],
        columns=["regionkod", "kon", "ar", "befolkning"],
    )
    if he.empty:
        he = analys.tom_he()
    if bef.empty:
        bef = analys.tom_bef()
    return analys.per_tusen(he, bef)


def kallor(regioner: list[Behovsregion], *, fran: int, till: int) -> list[Behovsimport]:
    """The imports the shown rows came from (who, when, which file, which source)."""
    return list(
        Behovsimport.objects.filter(
            helarsekvivalenter__region__in=regioner,
            helarsekvivalenter__ar__gte=fran,
            helarsekvivalenter__ar__lte=till,
        )
        .select_related("importerad_av")
        .distinct()
    )


def senaste_importer(antal: int = 10) -> list[Behovsimport]:
    return list(Behovsimport.objects.select_related("importerad_av")[:antal])
