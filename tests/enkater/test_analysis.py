"""Results and suppression as pure functions; property tests try to recover hidden counts."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from enkater import analysis


def _df(groups: dict[str, list[int]]) -> pd.DataFrame:
    rows = [("1", v, g) for g, values in groups.items() for v in values]
    return pd.DataFrame(rows, columns=["fraga", "varde", "kon"])


def test_distribution_mean_and_high_share():
    df = _df({"Kvinna": [6, 6, 5, 4, 1], "Man": [2, 3, 3, 4, 4, 5]})
    tot = analysis.fordelning(df)
    row = tot.loc["1"]
    assert row["n"] == 11
    assert [row[f"steg_{s}"] for s in range(1, 7)] == [1, 1, 2, 3, 2, 2]
    assert row["medel"] == (6 + 6 + 5 + 4 + 1 + 2 + 3 + 3 + 4 + 4 + 5) / 11
    assert row["andel_hog"] == 7 / 11


def test_a_small_group_hides_and_takes_the_next_smallest_with_it():
    df = _df({"Kvinna": [4] * 9, "Man": [3] * 6, "Vill inte svara": [5] * 2})
    grupper = analysis.undertryck(
        analysis.fordelning(df, "kon"), grupp="kon", totalt=analysis.fordelning(df)
    )
    assert grupper.loc[("1", "Vill inte svara"), "dold"]
    assert grupper.loc[("1", "Man"), "dold"]  # else Vill inte svara = total − Kvinna − Man
    assert not grupper.loc[("1", "Kvinna"), "dold"]
    assert grupper.loc[("1", "Kvinna"), "n"] == 9
    assert np.isnan(grupper.loc[("1", "Man"), "steg_3"])


def _recoverable(total: pd.Series | None, groups: pd.DataFrame) -> list[str]:
    """What an attacker can work out: with the total shown, a split with exactly one hidden
    group gives that group away by subtraction, for n and for every step."""
    if total is None or total["dold"]:
        return []
    hidden = groups.index[groups["dold"]]
    return list(hidden) if len(hidden) == 1 else []


@settings(max_examples=300, deadline=None)
@given(
    sizes=st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=5),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_no_hidden_group_can_be_recovered_by_subtraction(sizes, seed):
    rng = np.random.default_rng(seed)
    names = ["Kvinna", "Man", "Vill inte svara", "Grupp D", "Grupp E"][: len(sizes)]
    df = _df({name: list(rng.integers(1, 7, size=n)) for name, n in zip(names, sizes, strict=True)})
    if df.empty:
        return
    totalt = analysis.undertryck_totalt(analysis.fordelning(df))
    grupper = analysis.undertryck(
        analysis.fordelning(df, "kon"), grupp="kon", totalt=analysis.fordelning(df)
    )
    g = grupper.loc["1"]
    # Every group shown has at least MIN_N respondents, and none is left alone hidden.
    assert (g.loc[~g["dold"], "n"] >= analysis.MIN_N).all()
    assert _recoverable(totalt.loc["1"], g) == []
    # Nor from the step counts: a hidden group's steps equal total − shown only if alone.
    shown = g.loc[~g["dold"]]
    if not totalt.loc["1"]["dold"] and g["dold"].sum() >= 2:
        rest = totalt.loc["1", "n"] - shown["n"].sum()
        smallest_hidden_possible = [
            s
            for name, s in zip(names, sizes, strict=True)
            if name in g.index and g.loc[name, "dold"]
        ]
        assert rest == sum(smallest_hidden_possible)  # only the sum of the hidden is known
    if totalt.loc["1"]["dold"]:
        assert g["dold"].all()


@settings(max_examples=100, deadline=None)
@given(sizes=st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=4))
def test_groups_under_five_are_never_shown(sizes):
    names = ["A", "B", "C", "D"][: len(sizes)]
    df = _df({n: [3] * s for n, s in zip(names, sizes, strict=True)})
    if df.empty:
        return
    grupper = analysis.undertryck(
        analysis.fordelning(df, "kon"), grupp="kon", totalt=analysis.fordelning(df)
    )
    assert grupper["dold"].all()
