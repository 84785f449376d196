"""Answers as DataFrames for enkater.analysis (one query per report)."""

from __future__ import annotations

import pandas as pd

from .formular_skalor import KON
from .models import Fraga, Svarsvarde


def svar_df(omgang_ids: list[int]) -> pd.DataFrame:
    """One row per answered scale question: svar, fraga (nummer), varde, kon, insats, ar."""
    rows = list(
        Svarsvarde.objects.filter(svar__omgang_id__in=omgang_ids, varde__isnull=False).values_list(
            "svar_id",
            "fraga__nummer",
            "fraga__typ",
            "varde",
            "svar__omgang__insats__namn",
            "svar__omgang__ar",
        )
    )
    df = pd.DataFrame(rows, columns=["svar", "fraga", "typ", "varde", "insats", "ar"])
    if df.empty:
        return df.assign(kon=pd.Series(dtype="object"))
    kon = df[df["typ"] == Fraga.Typ.KON].set_index("svar")["varde"].map(lambda v: KON[v - 1])
    df = df[df["typ"].isin([Fraga.Typ.SKALA_INSTAMMER, Fraga.Typ.SKALA_FREKVENS])].copy()
    df["kon"] = df["svar"].map(kon).fillna("Uppgift saknas")
    df["insats"] = df["insats"].fillna("–")
    return df
