"""The behovsanalys's numbers as pure pandas functions: DataFrames in, DataFrames out.

Input, as forbund.behovsanalys.selectors reads it from the stored rows:
- `he`: regionkod, kon, ar, ersattning, helarsekvivalenter (one row per stored value)
- `bef`: regionkod, kon, ar, befolkning (invånare 20–64 år)

Totals are computed here, never read from a file: "totalt" as ersättning is the sum of the
kinds (where a region, kön and year has every kind the data holds), "totalt" as kön the sum of kvinnor and män (only where both are there). A rate is
helårsekvivalenter per 1 000 invånare 20–64 år of the same region, kön and year; the total
rate divides the summed helårsekvivalenter by the summed population, never averages rates.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

TOTALT = "totalt"
NYCKEL = ["regionkod", "kon", "ar", "ersattning"]


def tom_he() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "regionkod": pd.Series(dtype=str),
            "kon": pd.Series(dtype=str),
            "ar": pd.Series(dtype=int),
            "ersattning": pd.Series(dtype=str),
            "helarsekvivalenter": pd.Series(dtype=float),
        }
    )


def tom_bef() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "regionkod": pd.Series(dtype=str),
            "kon": pd.Series(dtype=str),
            "ar": pd.Series(dtype=int),
            "befolkning": pd.Series(dtype=float),
        }
    )


def per_tusen(he: pd.DataFrame, bef: pd.DataFrame) -> pd.DataFrame:
    """Every region, kön (and totalt), year and ersättning (and totalt) with helårsekvivalenter,
    befolkning and per_1000 (NaN where the population is missing or zero)."""
    he = he[NYCKEL + ["helarsekvivalenter"]].astype({"helarsekvivalenter": float})
    bef = bef[["regionkod", "kon", "ar", "befolkning"]].astype({"befolkning": float})
    # A total covers the same kinds everywhere, or it would not compare: only where a region,
    # kön and year has every kind the data holds.
    alla_slag = he["ersattning"].nunique()
    summa_ers = he.groupby(["regionkod", "kon", "ar"], as_index=False).agg(
        helarsekvivalenter=("helarsekvivalenter", "sum"), antal=("ersattning", "nunique")
    )
    summa_ers = (
        summa_ers[summa_ers["antal"] == alla_slag].drop(columns="antal").assign(ersattning=TOTALT)
    )
    alla = pd.concat([he, summa_ers], ignore_index=True)
    summa_kon = (
        alla.groupby(["regionkod", "ar", "ersattning"], as_index=False)
        .agg(helarsekvivalenter=("helarsekvivalenter", "sum"), antal_kon=("kon", "nunique"))
        .query("antal_kon == 2")
        .drop(columns="antal_kon")
        .assign(kon=TOTALT)
    )
    alla = pd.concat([alla, summa_kon], ignore_index=True)
    bef_kon = (
        bef.groupby(["regionkod", "ar"], as_index=False)
        .agg(befolkning=("befolkning", "sum"), antal_kon=("kon", "nunique"))
        .query("antal_kon == 2")
        .drop(columns="antal_kon")
        .assign(kon=TOTALT)
    )
    befolkning = pd.concat([bef, bef_kon], ignore_index=True)
    df = alla.merge(befolkning, on=["regionkod", "kon", "ar"], how="left")
    namnare = df["befolkning"].where(df["befolkning"] > 0)
    df["per_1000"] = df["helarsekvivalenter"] / namnare * 1000
    return df.sort_values(NYCKEL, ignore_index=True)[
        NYCKEL + ["helarsekvivalenter", "befolkning", "per_1000"]
    ]


def trend(df: pd.DataFrame, *, fran: int, till: int) -> pd.DataFrame:
    """Per region, kön and ersättning over the years fran..till: the rate the first and the
    last year, the change between them (per 1 000 and in per cent of the first) and the
    average change per year (least squares over every year with a rate)."""
    period = df[(df["ar"] >= fran) & (df["ar"] <= till)].dropna(subset=["per_1000"])
    grupp = ["regionkod", "kon", "ersattning"]
    rader = []
    for nyckel, g in period.groupby(grupp, sort=True):
        g = g.sort_values("ar")
        forsta = g[g["ar"] == fran]["per_1000"]
        sista = g[g["ar"] == till]["per_1000"]
        varde_fran = float(forsta.iloc[0]) if len(forsta) else math.nan
        varde_till = float(sista.iloc[0]) if len(sista) else math.nan
        forandring = varde_till - varde_fran
        lutning = (
            float(np.polyfit(g["ar"].astype(float), g["per_1000"].astype(float), 1)[0])
            if len(g) >= 2
            else math.nan
        )
        rader.append(
            {
                **dict(zip(grupp, nyckel, strict=True)),
                "per_1000_fran": varde_fran,
                "per_1000_till": varde_till,
                "forandring": forandring,
                "forandring_procent": forandring / varde_fran * 100
                if varde_fran and not math.isnan(varde_fran)
                else math.nan,
                "per_ar": lutning,
            }
        )
    kolumner = grupp + [
        "per_1000_fran",
        "per_1000_till",
        "forandring",
        "forandring_procent",
        "per_ar",
    ]
    return pd.DataFrame(rader, columns=kolumner)


def kvinnor_och_man(df: pd.DataFrame) -> pd.DataFrame:
    """Per region, year and ersättning: the rate for kvinnor and for män side by side, the
    difference (kvinnor − män) and the women's share of the helårsekvivalenter."""
    delar = df[df["kon"].isin(["kvinnor", "man"])]
    grupp = ["regionkod", "ar", "ersattning"]
    takt = delar.pivot_table(index=grupp, columns="kon", values="per_1000", aggfunc="first")
    antal = delar.pivot_table(
        index=grupp, columns="kon", values="helarsekvivalenter", aggfunc="first"
    )
    takt = takt.reindex(columns=["kvinnor", "man"])
    antal = antal.reindex(columns=["kvinnor", "man"])
    ut = pd.DataFrame(
        {
            "kvinnor_per_1000": takt["kvinnor"],
            "man_per_1000": takt["man"],
            "skillnad": takt["kvinnor"] - takt["man"],
            "andel_kvinnor": antal["kvinnor"] / (antal["kvinnor"] + antal["man"]),
        }
    )
    return ut.reset_index()


FALT = ("per_1000", "helarsekvivalenter", "befolkning")


def uppslag(df: pd.DataFrame) -> dict[tuple, dict]:
    """Every cell by (regionkod, kön, ersättning, år), built in one pass: a page reads ~450
    cells, and a boolean mask over the whole frame per cell cost 150 ms."""
    if df.empty:
        return {}
    nycklar = zip(df["regionkod"], df["kon"], df["ersattning"], df["ar"].astype(int), strict=True)
    kolumner = [df[f].tolist() for f in FALT]
    return {
        nyckel: dict(zip(FALT, varden, strict=True))
        for nyckel, *varden in zip(nycklar, *kolumner, strict=True)
    }


def ur(tabell: dict, *, regionkod: str, kon: str, ersattning: str, ar: int, falt="per_1000"):
    """One cell from an uppslag, or None where there is none."""
    rad = tabell.get((regionkod, kon, ersattning, int(ar)))
    if rad is None or pd.isna(rad[falt]):
        return None
    return float(rad[falt])


def serie(
    df: pd.DataFrame, *, regionkod: str, kon: str, ersattning: str, ar: list[int], falt="per_1000"
) -> list[float | None]:
    """One line of a chart: the value for each year, None where there is none."""
    tabell = uppslag(df)
    return [
        ur(tabell, regionkod=regionkod, kon=kon, ersattning=ersattning, ar=a, falt=falt) for a in ar
    ]
