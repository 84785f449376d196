"""Results and suppression as pure functions. The property tests play an attacker who sees
every view the report offers (per round, by kön, by insats, by year, by version, within a
year) and tries to work out a hidden small group by subtraction and by linear algebra."""

import itertools

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


KON = ["Kvinna", "Man", "Vill inte svara"]


def _nns(omgangar: list[tuple[str, int, int, list[int]]], seed: int = 0) -> pd.DataFrame:
    """omgangar: (insats, år, version, respondents per kön)."""
    rng = np.random.default_rng(seed)
    rows = []
    for pk, (insats, ar, version, sizes) in enumerate(omgangar, start=1):
        for kon, n in zip(KON, sizes, strict=False):
            for v in rng.integers(1, 7, size=n):
                rows.append(("1", int(v), pk, kon, insats, ar, version))
    return pd.DataFrame(
        rows, columns=["fraga", "varde", "omgang", "kon", "insats", "ar", "version"]
    )


def test_a_small_group_hides_and_takes_the_next_smallest_with_it():
    df = _nns([("A", 2021, 1, [9, 6, 2])])
    r = analysis.nns_rapport(df)
    kon = r[("kon",)].loc["1"]
    assert kon.loc["Vill inte svara", "dold"]
    assert kon.loc["Man", "dold"]  # else Vill inte svara = total − Kvinna − Man
    assert not kon.loc["Kvinna", "dold"] and kon.loc["Kvinna", "n"] == 9
    assert np.isnan(kon.loc["Man", "steg_3"])
    assert r[()].loc["1", "n"] == 17


def test_two_small_groups_together_under_five_are_not_left_as_the_rest():
    # 1 + 2 hidden: the total minus the two shown groups would give the pair (3) away.
    df = _nns([("A", 2021, 1, [20, 30, 0]), ("B", 2021, 1, [1, 2, 0])])
    r = analysis.nns_rapport(df)
    insats = r[("insats",)].loc["1"]
    assert insats.loc["B", "dold"]
    assert not r[()].loc["1", "dold"]


def test_a_round_hidden_on_its_page_cannot_be_had_from_the_comparison():
    # Insats A: 20 answers in 2021, 4 in 2022. The page of the 2022 round hides it; then
    # "A, all years" and "A in 2021" must not both be shown, or 24 − 20 = 4 gives it away.
    df = _nns([("A", 2021, 1, [10, 10, 0]), ("A", 2022, 1, [2, 2, 0]), ("C", 2022, 1, [6, 6, 0])])
    r = analysis.nns_rapport(df)
    assert r[("omgang",)].loc[("1", 2), "dold"]
    shown = [
        not r[("insats",)].loc[("1", "A"), "dold"],
        not r[("ar", "insats")].loc[("1", 2021, "A"), "dold"],
    ]
    assert not all(shown)
    assert _attack(df, r) == []


def _cells(df: pd.DataFrame, r: dict) -> list[tuple[frozenset, pd.Series]]:
    """Every row of every view, with the set of atoms (round, kön) it covers."""
    out = []
    for g, t in r.items():
        if t.empty:
            continue
        for key, row in t.iterrows():
            key = key if isinstance(key, tuple) else (key,)
            mask = df["fraga"] == key[0]
            for dim, value in zip(g, key[1:], strict=True):
                mask &= df[dim] == value
            atoms = frozenset(map(tuple, df.loc[mask, ["omgang", "kon"]].to_numpy().tolist()))
            out.append((atoms, row))
    return out


def _attack(df: pd.DataFrame, r: dict, *, linear: bool = True) -> list[str]:
    """What the attacker can work out. Returns the small groups recovered (should be none)."""
    size = df.groupby(["omgang", "kon"]).size().to_dict()
    cells = _cells(df, r)
    n = {atoms: sum(size[a] for a in atoms) for atoms, _ in cells}
    visible = {atoms for atoms, row in cells if not row["dold"]}
    hidden = {atoms for atoms, row in cells if row["dold"]}
    found = []
    # Every shown figure is a group of at least MIN_N, and hidden rows carry no figure.
    for atoms, row in cells:
        if row["dold"]:
            assert row.drop("dold").isna().all()
        else:
            assert row["n"] >= analysis.MIN_N and row["n"] == n[atoms]
    # 1. One shown group inside another: the difference.
    for a, b in itertools.permutations(visible, 2):
        if b < a and 0 < n[a] - n[b] < analysis.MIN_N:
            found.append(f"{sorted(a)} − {sorted(b)}")
    # 2. A shown group minus the shown groups of one view inside it.
    for g, t in r.items():
        view = [atoms for atoms, _row in _cells(df, {g: t})]
        for p in visible:
            inside = [c for c in view if c in visible and c < p]
            rest = p - frozenset().union(*inside) if inside else p
            if inside and 0 < sum(size[a] for a in rest) < analysis.MIN_N:
                found.append(f"{sorted(p)} − view {g}")
    # 3. Linear algebra over all shown groups: a small atom or a small hidden group.
    atoms_all = sorted(size)
    pos = {a: i for i, a in enumerate(atoms_all)}

    def vec(atoms):
        v = np.zeros(len(atoms_all))
        for a in atoms:
            v[pos[a]] = 1
        return v

    if visible and linear:
        V = np.array([vec(c) for c in visible])
        rank = np.linalg.matrix_rank(V)
        targets = [frozenset([a]) for a in atoms_all if size[a] < analysis.MIN_N]
        targets += [c for c in hidden if 0 < n[c] < analysis.MIN_N]
        for t in targets:
            if np.linalg.matrix_rank(np.vstack([V, vec(t)])) == rank:
                found.append(f"{sorted(t)} as a combination")
    return found


omgang_strategy = st.tuples(
    st.sampled_from(["A", "B", "C"]),
    st.sampled_from([2021, 2022]),
    st.sampled_from([1, 2]),
    st.lists(st.integers(min_value=0, max_value=9), min_size=3, max_size=3),
)


@settings(max_examples=120, deadline=None)
@given(
    omgangar=st.lists(omgang_strategy, min_size=1, max_size=5),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_no_hidden_group_can_be_recovered_across_all_views(omgangar, seed):
    df = _nns(omgangar, seed)
    if df.empty:
        return
    r = analysis.nns_rapport(df)
    assert _attack(df, r) == []


@settings(max_examples=100, deadline=None)
@given(sizes=st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=3))
def test_groups_under_five_are_never_shown(sizes):
    df = _nns([("A", 2021, 1, sizes)])
    if df.empty:
        return
    r = analysis.nns_rapport(df)
    for g, t in r.items():
        true_n = analysis.fordelning(df, list(g))["n"]
        assert t.loc[true_n[true_n < analysis.MIN_N].index, "dold"].all()
    if len(df) < analysis.MIN_N:
        assert all(t["dold"].all() for t in r.values())


def _par(groups: list[tuple[str, str, str, str, int]], seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for insats, kon, alder, forsorjning, n in groups:
        for _ in range(n):
            fore = int(rng.integers(1, 7))
            rows.append(
                (
                    "1",
                    fore,
                    min(6, fore + int(rng.integers(-1, 3))),
                    insats,
                    kon,
                    alder,
                    forsorjning,
                )
            )
    return pd.DataFrame(
        rows, columns=["fraga", "varde_in", "varde_ut", "insats", "kon", "alder", "forsorjning"]
    )


def test_progression_change_and_share_improved():
    par = pd.DataFrame(
        [("1", 2, 4, "A", "Kvinna", "25–34 år", "Försörjningsstöd")] * 3
        + [("1", 3, 3, "A", "Man", "25–34 år", "Försörjningsstöd")] * 3,
        columns=["fraga", "varde_in", "varde_ut", "insats", "kon", "alder", "forsorjning"],
    )
    r = analysis.progression(par)
    tot = r[()].loc["1"]
    assert tot["n"] == 6 and tot["medel_in"] == 2.5 and tot["medel_ut"] == 3.5
    assert tot["forandring"] == 1.0 and tot["andel_battre"] == 0.5
    assert r[("kon",)]["dold"].all()  # 3 and 3: both under five


@settings(max_examples=80, deadline=None)
@given(
    groups=st.lists(
        st.tuples(
            st.sampled_from(["A", "B"]),
            st.sampled_from(["Kvinna", "Man"]),
            st.sampled_from(["Under 25 år", "25–34 år"]),
            st.sampled_from(["Försörjningsstöd", "Ingen ersättning"]),
            st.integers(min_value=1, max_value=8),
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda g: g[:4],
    ),
    seed=st.integers(min_value=0, max_value=1000),
)
def test_progression_hides_small_groups_across_its_views(groups, seed):
    par = _par(groups, seed)
    r = analysis.progression(par)
    atoms = par.groupby(analysis.PROGRESSION_ATOM).size()
    size = atoms.to_dict()
    cells = []
    for g, t in r.items():
        for key, row in t.iterrows():
            key = key if isinstance(key, tuple) else (key,)
            members = frozenset(
                a
                for a in size
                if all(
                    a[analysis.PROGRESSION_ATOM.index(d)] == v
                    for d, v in zip(g, key[1:], strict=True)
                )
            )
            cells.append((members, row))
    visible = [c for c, row in cells if not row["dold"]]
    for c, row in cells:
        if not row["dold"]:
            assert row["n"] == sum(size[a] for a in c) >= analysis.MIN_N
    order = sorted(size)
    pos = {a: i for i, a in enumerate(order)}
    if visible:
        V = np.array([[1.0 if a in c else 0.0 for a in order] for c in visible])
        rank = np.linalg.matrix_rank(V)
        for a in order:
            if size[a] < analysis.MIN_N:
                e = np.zeros(len(order))
                e[pos[a]] = 1
                assert np.linalg.matrix_rank(np.vstack([V, e])) > rank
        for a, b in itertools.permutations(visible, 2):
            if b < a:
                assert not 0 < sum(size[x] for x in a - b) < analysis.MIN_N


@settings(max_examples=60, deadline=None)
@given(
    omgangar=st.lists(omgang_strategy, min_size=1, max_size=5),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_without_the_rank_check_subtraction_still_recovers_nothing(omgangar, seed):
    """Above LINJAR_MAX (hundreds of rounds) the dense rank check is skipped: the
    subtraction checks alone must still hold against subtraction."""
    df = _nns(omgangar, seed)
    if df.empty:
        return
    r = analysis.nns_rapport(df, linjar_max=0)
    assert _attack(df, r, linear=False) == []
