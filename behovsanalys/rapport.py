"""The content of the behovsanalys page and its PDF: tables and charts for one kommun, its län
and the whole country, built from the stored rows (selectors) with analys's functions."""

from __future__ import annotations

import math

from forbund import charts

from . import analys, selectors
from .analys import TOTALT
from .models import Ersattning

# The source of the generated sample (devtools): its figures are shown as invented.
EXEMPEL_ETIKETT = "Exempeldata – genererade siffror, inte verklig statistik"

KORT = {
    Ersattning.SJUKPENNING: "Sjukpenning",
    Ersattning.SJUK_OCH_AKTIVITETSERSATTNING: "Sjuk-/akt.ers.",
    Ersattning.ARBETSLOSHETSERSATTNING: "A-ersättning",
    Ersattning.ARBETSMARKNADSATGARDER: "Åtgärder",
    Ersattning.EKONOMISKT_BISTAND: "Ek. bistånd",
    Ersattning.ETABLERINGSERSATTNING: "Etablering",
}
KON = [("kvinnor", "Kvinnor"), ("man", "Män"), (TOTALT, "Totalt")]


def _tal(v) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def ersattningsnamn(ersattning: str) -> str:
    return "alla ersättningar" if ersattning == TOTALT else Ersattning(ersattning).label.lower()


def bygg(urval: selectors.Urval, *, ersattning: str, fran: int, till: int) -> dict:
    regioner = urval.regioner
    df = selectors.tabell(regioner, fran=fran, till=till)
    ar = sorted({int(a) for a in df["ar"]}) or [till]
    namn = ersattningsnamn(ersattning)
    k = urval.kommun

    celler = analys.uppslag(df)

    def v(region, kon, ers=ersattning, ar_=till, falt="per_1000"):
        return analys.ur(celler, regionkod=region.kod, kon=kon, ersattning=ers, ar=ar_, falt=falt)

    def serie(region, kon):
        return [v(region, kon, ar_=a) for a in ar]

    niva = [
        {
            "region": r,
            "kvinnor": v(r, "kvinnor"),
            "man": v(r, "man"),
            "totalt": v(r, TOTALT),
            "helarsekvivalenter": v(r, TOTALT, falt="helarsekvivalenter"),
            "befolkning": v(r, TOTALT, falt="befolkning"),
        }
        for r in regioner
    ]

    utveckling_serier = [(r.namn, serie(r, TOTALT)) for r in regioner]
    kon_regioner = [r for r in (k, urval.lan) if r is not None]
    kon_serier = [
        (
            f"{r.namn}, {etikett.lower()}",
            serie(r, kon),
        )
        for r in kon_regioner
        for kon, etikett in KON[:2]
    ]
    kategorier = [str(a) for a in ar]

    kvm = analys.kvinnor_och_man(df)
    andel = {
        row.ersattning: _tal(row.andel_kvinnor)
        for row in kvm[(kvm["regionkod"] == k.kod) & (kvm["ar"] == till)].itertuples()
    }
    per_ers = []
    for ers in [*Ersattning.values, TOTALT]:
        per_ers.append(
            {
                "namn": "Totalt" if ers == TOTALT else Ersattning(ers).label,
                "totalt": ers == TOTALT,
                "vald": ers == ersattning,
                "he": [v(k, kon, ers, falt="helarsekvivalenter") for kon, _e in KON],
                "per_1000": [v(k, kon, ers) for kon, _e in KON],
                "andel_kvinnor": andel.get(ers),
                "jamforelse": [v(r, TOTALT, ers) for r in regioner[1:]],
            }
        )
    # The bar chart draws what is there: the kinds the kommun has, and a comparison only if it
    # has all of them (a missing value is a dash in the table, never a zero bar).
    i_diagram = [
        (e, rad)
        for e, rad in zip(Ersattning.values, per_ers, strict=False)
        if None not in rad["per_1000"][:2]
    ]
    serier_ers = [
        (f"{k.namn}, kvinnor", [round(rad["per_1000"][0]) for _e, rad in i_diagram]),
        (f"{k.namn}, män", [round(rad["per_1000"][1]) for _e, rad in i_diagram]),
    ] + [
        (
            "Länet" if r.niva == "lan" else r.namn,
            [round(rad["jamforelse"][i]) for _e, rad in i_diagram],
        )
        for i, r in enumerate(regioner[1:])
        if all(rad["jamforelse"][i] is not None for _e, rad in i_diagram)
    ]

    tr = analys.trend(df, fran=fran, till=till)
    tr = tr[tr["ersattning"] == ersattning]
    trend_per = {(row.regionkod, row.kon): row for row in tr.itertuples()}
    trend = []
    for r in regioner:
        for kon, etikett in KON:
            row = trend_per.get((r.kod, kon))
            trend.append(
                {
                    "region": r,
                    "kon": etikett,
                    "fran": _tal(row.per_1000_fran) if row else None,
                    "till": _tal(row.per_1000_till) if row else None,
                    "forandring": _tal(row.forandring) if row else None,
                    "procent": _tal(row.forandring_procent) if row else None,
                    "per_ar": _tal(row.per_ar) if row else None,
                }
            )

    kallor = selectors.kallor(regioner, fran=fran, till=till)
    return {
        "urval": urval,
        "regioner": regioner,
        "ersattning": ersattning,
        "ersattningsnamn": namn,
        "fran": fran,
        "till": till,
        "ar": ar,
        "niva": niva,
        "utveckling": {
            "diagram": charts.linjer(
                ident="utveckling",
                titel=f"Helårsekvivalenter per 1 000 invånare 20–64 år, {namn}, {fran}–{till}",
                kategorier=kategorier,
                serier=utveckling_serier,
            ),
            "serier": utveckling_serier,
            "rader": _per_ar(ar, utveckling_serier),
        },
        "kon": {
            "diagram": charts.linjer(
                ident="kon",
                titel=f"Kvinnor och män: helårsekvivalenter per 1 000 invånare 20–64 år, {namn}",
                kategorier=kategorier,
                serier=kon_serier,
            ),
            "serier": kon_serier,
            "rader": _per_ar(ar, kon_serier),
        },
        "per_ersattning": {
            "diagram": charts.staplar(
                ident="ersattningar",
                titel=f"Per ersättning {till}: helårsekvivalenter per 1 000 invånare 20–64 år "
                "(avrundat till heltal)",
                kategorier=[KORT[e] for e, _rad in i_diagram],
                serier=serier_ers,
                hojd=260,
            ),
            "rader": per_ers,
        },
        "trend": trend,
        "kallor": kallor,
        # Generated figures say so above everything else, on the page and in the PDF.
        "exempel": any(kalla.kalla == EXEMPEL_ETIKETT for kalla in kallor),
    }


def _per_ar(ar: list[int], serier) -> list[tuple[int, list[float | None]]]:
    return [(a, [vals[i] for _n, vals in serier]) for i, a in enumerate(ar)]
