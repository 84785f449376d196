"""Survey results as pure pandas functions (DataFrame in, DataFrame out), with suppression.

Anonymity: no figure is shown for a group of fewer than MIN_N respondents (primary
suppression), and when a split would leave exactly one group hidden, the next smallest
group is hidden too (secondary suppression), so a hidden group can never be worked out as
the total minus the groups shown. The report offers the total and one split at a time (by
kön, by insats, by year); it offers no crossed splits, which would need suppression across
tables.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_N = 5
STEG = [1, 2, 3, 4, 5, 6]
KOLUMNER = ["n", *[f"steg_{s}" for s in STEG], "medel", "andel_hog"]


def fordelning(df: pd.DataFrame, grupp: str | None = None) -> pd.DataFrame:
    """Per question (and group): n, the count at each of the six steps, the mean on 1–6 and
    the share at step 4 ("Till stor del" / "Ofta") or higher.

    df: one row per answered scale question, columns fraga, varde (1–6) and the group column.
    """
    keys = ["fraga"] + ([grupp] if grupp else [])
    if df.empty:
        return pd.DataFrame(
            columns=KOLUMNER,
            index=pd.MultiIndex.from_tuples([], names=keys)
            if grupp
            else pd.Index([], name="fraga"),
        )
    counts = (
        df.groupby(keys + ["varde"], observed=True)
        .size()
        .unstack("varde")
        .reindex(columns=STEG, fill_value=0)
        .fillna(0)
    )
    counts.columns = [f"steg_{s}" for s in STEG]
    counts = counts.astype(int)
    n = counts.sum(axis=1)
    weights = np.array(STEG)
    result = counts.copy()
    result.insert(0, "n", n)
    result["medel"] = (counts.to_numpy() @ weights) / n
    result["andel_hog"] = counts[["steg_4", "steg_5", "steg_6"]].sum(axis=1) / n
    return result[KOLUMNER]


def undertryck(
    tabell: pd.DataFrame, *, grupp: str, totalt: pd.DataFrame | None = None, min_n: int = MIN_N
) -> pd.DataFrame:
    """Hide groups (rows) with n < min_n, then hide as many more as needed so no hidden
    group is alone within its question. Hidden rows keep their index; every figure in them,
    n included, becomes NaN. A column `dold` says which rows are hidden."""
    result = tabell.astype(float).copy()
    result["dold"] = result["n"] < min_n
    for fraga in result.index.get_level_values("fraga").unique():
        rows = result.loc[fraga]
        # If the total for the question is itself hidden, nothing can be subtracted from it;
        # the groups still follow the same rule.
        hidden = rows.index[rows["dold"]]
        if len(hidden) == 1 and len(rows) > 1:
            visible = rows.loc[~rows["dold"]].sort_values("n")
            result.loc[(fraga, visible.index[0]), "dold"] = True
    for col in KOLUMNER:
        result.loc[result["dold"], col] = np.nan
    if totalt is not None:
        # A question whose total is under min_n hides every group as well.
        small = totalt.index[totalt["n"] < min_n]
        mask = result.index.get_level_values("fraga").isin(small)
        result.loc[mask, "dold"] = True
        result.loc[mask, KOLUMNER] = np.nan
    return result


def undertryck_totalt(totalt: pd.DataFrame, min_n: int = MIN_N) -> pd.DataFrame:
    result = totalt.astype(float).copy()
    result["dold"] = result["n"] < min_n
    result.loc[result["dold"], KOLUMNER] = np.nan
    return result
