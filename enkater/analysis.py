"""Survey results as pure pandas functions (DataFrame in, DataFrame out), with suppression
that holds across every view the report offers.

Every figure the report shows is a sum over *atoms*: the finest groups any view uses (for
the NNS forms one round × one kön; for the self-rating one insats × kön × age band ×
försörjning). A view is a grouping (a tuple of dimensions: kön, insats, år, version, round,
or a year filter with one of them); each of its rows is a *cell*, a set of atoms. All cells
of all views are suppressed together, per question:

1. primary: a cell with fewer than MIN_N respondents is hidden (every figure, n included);
2. secondary, repeated until nothing changes:
   - a shown cell inside another shown cell must differ from it by 0 or at least MIN_N
     (else the difference, a small group, is worked out by subtraction; the smaller is
     hidden);
   - a shown cell minus the shown cells of any one view inside it must leave 0 or at least
     MIN_N respondents (else the hidden rest is a small group; its smallest shown part is
     hidden as well);
   - no hidden small cell and no small atom may be a linear combination of shown cells
     (checked with linear algebra over all views at once; a cell in the combination is
     hidden). This dense check is skipped above LINJAR_MAX (hundreds of rounds of one
     form); the subtraction checks above always run.

Because the per-round page, the comparison across rounds, the year filter and the kön split
are all views of one universe, a count hidden in one is not given away by another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_N = 5
# The linear-algebra check is a dense SVD of (shown cells × atoms): about m·a² operations.
# Above this (say 1 500 cells × 800 atoms: a form asked in hundreds of rounds) a page would
# take many seconds per question, so only the subtraction checks run.
LINJAR_MAX = 1e9
STEG = [1, 2, 3, 4, 5, 6]
STEGKOLUMNER = [f"steg_{s}" for s in STEG]
KOLUMNER = ["n", *STEGKOLUMNER, "medel", "andel_hog"]


# -- Distribution over the six steps --------------------------------------------------------


def _harled_fordelning(t: pd.DataFrame) -> pd.DataFrame:
    counts = t[STEGKOLUMNER]
    n = t["n"]
    t = t.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        t["medel"] = (counts.to_numpy(dtype=float) @ np.array(STEG, dtype=float)) / n
        t["andel_hog"] = counts[["steg_4", "steg_5", "steg_6"]].sum(axis=1) / n
    return t[KOLUMNER]


def fordelning(df: pd.DataFrame, grupp: str | list[str] | None = None) -> pd.DataFrame:
    """Per question (and group): n, the count at each of the six steps, the mean on 1–6 and
    the share at step 4 ("Till stor del" / "Ofta") or higher. No suppression.

    df: one row per answered scale question, columns fraga, varde (1–6) and the group columns.
    """
    grupper = [grupp] if isinstance(grupp, str) else list(grupp or [])
    keys = ["fraga", *grupper]
    if df.empty:
        index = pd.MultiIndex.from_tuples([], names=keys) if grupper else pd.Index([], name="fraga")
        return pd.DataFrame(columns=KOLUMNER, index=index)
    summor = _stegsummor(df, keys)
    return _harled_fordelning(summor)


def _stegsummor(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    counts = (
        df.groupby(keys + ["varde"], observed=True, sort=True)
        .size()
        .unstack("varde")
        .reindex(columns=STEG, fill_value=0)
        .fillna(0)
        .astype(int)
    )
    counts.columns = STEGKOLUMNER
    counts.insert(0, "n", counts.sum(axis=1))
    return counts


# -- Suppression across views -----------------------------------------------------------------


@dataclass
class Struktur:
    """The cells of every view, each a set of atoms (identical cells once), stored sparse:
    row i covers atoms indices[indptr[i]:indptr[i + 1]]. Also which cells each view has,
    every pair of nested cells and which row is the grand total."""

    antal_atomer: int
    indptr: np.ndarray
    indices: np.ndarray
    cells: list[tuple[tuple[str, ...], tuple, int]]
    per_gruppering: list[np.ndarray]
    total_rad: int | None
    inre: np.ndarray  # cell inre[k] lies inside cell yttre[k]
    yttre: np.ndarray

    @property
    def m(self) -> int:
        return len(self.indptr) - 1

    def summa(self, varden: np.ndarray) -> np.ndarray:
        """Per cell, the sum over its atoms (varden: one row per atom)."""
        return np.add.reduceat(varden[self.indices], self.indptr[:-1], axis=0)

    def tat(self, rader: np.ndarray, kolumner: np.ndarray) -> np.ndarray:
        """The cells as a dense 0/1 matrix (only for the small linear-algebra check)."""
        C = np.zeros((len(rader), self.antal_atomer))
        for k, i in enumerate(rader):
            C[k, self.indices[self.indptr[i] : self.indptr[i + 1]]] = 1.0
        return C[:, kolumner]


def _struktur(atomer: pd.DataFrame, grupperingar: list[tuple[str, ...]]) -> Struktur:
    antal = len(atomer)
    seen: dict[bytes, int] = {}
    medlemmar: list[np.ndarray] = []
    cells: list[tuple[tuple[str, ...], tuple, int]] = []
    per_gruppering: list[np.ndarray] = []
    # G[a, k]: the cell (row) atom a belongs to in grouping k: each view partitions the atoms.
    G = np.zeros((antal, len(grupperingar)), dtype=np.int64)
    total_rad = None
    for k, g in enumerate(grupperingar):
        if g:
            indices = atomer.groupby(list(g), sort=True, observed=True).indices
        else:
            indices = {(): np.arange(antal)}
        rader = []
        for key, pos in indices.items():
            key = key if isinstance(key, tuple) else (key,)
            pos = np.sort(np.asarray(pos, dtype=np.int64))
            b = pos.tobytes()
            if b not in seen:
                seen[b] = len(medlemmar)
                medlemmar.append(pos)
            rad = seen[b]
            cells.append((g, key, rad))
            rader.append(rad)
            G[pos, k] = rad
            if not g:
                total_rad = rad
        per_gruppering.append(np.array(sorted(set(rader)), dtype=int))
    langd = np.array([len(x) for x in medlemmar], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(langd)])
    ind = np.concatenate(medlemmar) if medlemmar else np.zeros(0, dtype=np.int64)
    # Cell i lies inside a cell of grouping k when all its atoms have the same cell there.
    inre, yttre = [], []
    if len(medlemmar):
        radnr = np.arange(len(medlemmar))
        for k in range(len(grupperingar)):
            v = G[ind, k]
            lo = np.minimum.reduceat(v, indptr[:-1])
            hi = np.maximum.reduceat(v, indptr[:-1])
            ok = (lo == hi) & (lo != radnr)
            inre.append(radnr[ok])
            yttre.append(lo[ok])
    par = (
        np.unique(np.stack([np.concatenate(inre), np.concatenate(yttre)], axis=1), axis=0)
        if inre and sum(len(x) for x in inre)
        else np.zeros((0, 2), dtype=np.int64)
    )
    return Struktur(
        antal_atomer=antal,
        indptr=indptr,
        indices=ind,
        cells=cells,
        per_gruppering=per_gruppering,
        total_rad=total_rad,
        inre=par[:, 0],
        yttre=par[:, 1],
    )


def dolda_celler(
    atomer: pd.DataFrame,
    grupperingar: list[tuple[str, ...]],
    *,
    min_n: int = MIN_N,
) -> dict[tuple[tuple[str, ...], tuple], bool]:
    """Which cells are hidden, for one question. atomer: one row per atom, a column `n` and
    one column per dimension the groupings use. Returns {(grouping, key): hidden}."""
    if atomer.empty:
        return {}
    struktur = _struktur(atomer, grupperingar)
    hidden = _undertryck(struktur, atomer["n"].to_numpy(dtype=float), min_n)
    return {(g, key): bool(hidden[i]) for g, key, i in struktur.cells}


def _undertryck(struktur: Struktur, n_atom, min_n, linjar_max=LINJAR_MAX) -> np.ndarray:
    m = struktur.m
    n = struktur.summa(n_atom)
    hidden = n < min_n  # an empty cell (0) shows nothing either
    skyddad = np.zeros(m, dtype=bool)
    if struktur.total_rad is not None:
        skyddad[struktur.total_rad] = True  # hidden only if the grand total itself is small

    def val(kandidater: np.ndarray) -> int | None:
        """The smallest shown candidate, the grand total only as a last resort."""
        kandidater = kandidater & ~hidden
        if not kandidater.any():
            return None
        fria = kandidater & ~skyddad
        idx = np.where(fria if fria.any() else kandidater)[0]
        return int(idx[np.argmin(n[idx])])

    inre, yttre = struktur.inre, struktur.yttre
    i_gruppering = []
    for idx in struktur.per_gruppering:
        mask = np.zeros(m, dtype=bool)
        mask[idx] = True
        i_gruppering.append(mask[inre])
    for _ in range(4 * m + 10):
        vis = ~hidden
        # A shown cell inside another shown cell: their difference is known.
        diff = n[yttre] - n[inre]
        lacka = vis[inre] & vis[yttre] & (diff > 0) & (diff < min_n)
        nya = set(np.unique(inre[lacka]).tolist())
        # A shown cell minus the shown cells of one view inside it.
        for i_g in i_gruppering:
            sel = i_g & vis[inre]
            tackt = np.bincount(yttre[sel], weights=n[inre[sel]], minlength=m)
            har = np.bincount(yttre[sel], minlength=m) > 0
            rest = n - tackt
            for p in np.where(vis & har & (rest > 0.5) & (rest < min_n))[0]:
                barn = np.zeros(m, dtype=bool)
                barn[inre[sel & (yttre == p)]] = True
                i = val(barn)
                if i is not None:
                    nya.add(i)
        if not nya:
            # Linear algebra: is a hidden small cell, or a small atom, a combination of
            # shown ones? Each one found hides a cell of its combination.
            nya = _linjar(struktur, n, n_atom, hidden, min_n, val, linjar_max)
        if not nya:
            break
        hidden[list(nya)] = True
    return hidden


def _linjar(struktur, n, n_atom, hidden, min_n, val, linjar_max=LINJAR_MAX) -> set[int]:
    """Targets (small atoms, hidden small cells) that are linear combinations of the shown
    cells, and for each a shown cell to hide: one that every such combination needs, when
    there is one (so hiding it surely breaks the leak), else the smallest one used.

    Atoms without respondents are left out: treating them as known zeros only gives the
    attacker more, so the check stays on the safe side."""
    vis = np.where(~hidden)[0]
    aktiva = np.where(n_atom > 0)[0]
    if not len(vis) or not len(aktiva):
        return set()
    if len(vis) * float(len(aktiva)) ** 2 > linjar_max:
        return set()  # too large for a dense SVD per page; the subtraction checks still hold
    V = struktur.tat(vis, aktiva)
    smala = np.where(hidden & (n > 0) & (n < min_n))[0]
    mal = list(struktur.tat(smala, aktiva)) if len(smala) else []
    for j in np.where(n_atom[aktiva] < min_n)[0]:
        e = np.zeros(len(aktiva))
        e[j] = 1.0
        mal.append(e)
    if not mal:
        return set()
    T = np.array(mal)
    U, S, Wt = np.linalg.svd(V, full_matrices=False)
    r = int((1e-9 * max(1.0, S.max()) < S).sum())
    W = Wt[:r].T  # the row space of the shown cells
    rest = T - (T @ W) @ W.T
    lacka = np.where(np.linalg.norm(rest, axis=1) < 1e-6)[0]
    if not len(lacka):
        return set()
    # Minimal-norm coefficients over the shown cells. A cell with leverage 1 (its row is not
    # a combination of the others) has the same coefficient in every combination.
    X = U[:, :r] @ ((Wt[:r] @ T[lacka].T) / S[:r, None])
    fri = 1.0 - (U[:, :r] ** 2).sum(axis=1) > 1e-9
    nya = set()
    for j in range(len(lacka)):
        anvands = np.abs(X[:, j]) > 1e-9
        kandidater = np.zeros(struktur.m, dtype=bool)
        kravs = anvands & ~fri
        kandidater[vis[kravs if kravs.any() else anvands]] = True
        i = val(kandidater)
        if i is not None:
            nya.add(i)
    return nya


def undertryckt_rapport(
    summor: pd.DataFrame,
    *,
    atom: list[str],
    grupperingar: list[tuple[str, ...]],
    harled: Callable[[pd.DataFrame], pd.DataFrame],
    min_n: int = MIN_N,
    linjar_max: float = LINJAR_MAX,
) -> dict[tuple[str, ...], pd.DataFrame]:
    """Every view of a report with suppression across all of them.

    summor: additive figures per question and atom (columns: fraga, the atom's dimensions,
    `n` and further sums). Each view's table is indexed by [fraga, *grouping] (by fraga for
    the total), its figures derived with `harled`; a column `dold` says which rows are
    hidden, and every figure of a hidden row, n included, is NaN."""
    varden = [c for c in summor.columns if c not in ["fraga", *atom]]
    atomer = summor[atom].drop_duplicates().reset_index(drop=True)
    struktur = _struktur(atomer, grupperingar)
    fragor = list(dict.fromkeys(summor["fraga"]))
    apos = pd.MultiIndex.from_frame(atomer).get_indexer(pd.MultiIndex.from_frame(summor[atom]))
    fpos = pd.Index(fragor).get_indexer(summor["fraga"])
    X = np.zeros((len(fragor), len(atomer), len(varden)))
    np.add.at(X, (fpos, apos), summor[varden].to_numpy(dtype=float))
    ni = varden.index("n")
    rader: dict[tuple[str, ...], list] = {g: [] for g in grupperingar}
    cache: dict[bytes, np.ndarray] = {}  # questions with the same counts per atom
    for fi, fraga in enumerate(fragor):
        nyckel = X[fi][:, ni].tobytes()
        if nyckel not in cache:
            cache[nyckel] = _undertryck(struktur, X[fi][:, ni], min_n, linjar_max)
        hidden = cache[nyckel]
        cellsum = struktur.summa(X[fi])
        for g, key, r in struktur.cells:
            if cellsum[r, ni] > 0:
                rader[g].append(((fraga, *key), cellsum[r], hidden[r]))
    result = {}
    for g in grupperingar:
        namn = ["fraga", *g]
        if rader[g]:
            index = pd.MultiIndex.from_tuples([k for k, _v, _d in rader[g]], names=namn)
            t = pd.DataFrame(np.array([v for _k, v, _d in rader[g]]), columns=varden)
            t = harled(t)
            t.index = index if g else index.get_level_values("fraga")
            t["dold"] = np.array([d for _k, _v, d in rader[g]], dtype=bool)
        else:
            t = pd.DataFrame(columns=[*harled(_tom(varden)).columns, "dold"])
        figurer = [c for c in t.columns if c != "dold"]
        t[figurer] = t[figurer].astype(float)
        t.loc[t["dold"].astype(bool), figurer] = np.nan
        result[g] = t.sort_index()
    return result


def _tom(varden: list[str]) -> pd.DataFrame:
    return pd.DataFrame([[1.0] * len(varden)], columns=varden)


# -- The NNS report -----------------------------------------------------------------------------

NNS_ATOM = ["omgang", "kon", "insats", "ar", "version"]
NNS_DELNINGAR = ["insats", "ar", "version", "omgang"]


def nns_grupperingar() -> list[tuple[str, ...]]:
    """The views the NNS report offers: the total and each split (insats, år, version,
    round), each also by kön, and all of them within one year (the year filter)."""
    bas = [(), ("kon",)]
    for d in NNS_DELNINGAR:
        bas += [(d,), (d, "kon")]
    med_ar = [("ar", *g) for g in bas if "ar" not in g]
    return list(dict.fromkeys(bas + med_ar))


def nns_rapport(
    df: pd.DataFrame, min_n: int = MIN_N, linjar_max: float = LINJAR_MAX
) -> dict[tuple[str, ...], pd.DataFrame]:
    """df: one row per answered scale question with columns fraga, varde and NNS_ATOM."""
    grupperingar = nns_grupperingar()
    if df.empty:
        return {
            g: pd.DataFrame(columns=[*KOLUMNER, "dold"]).rename_axis("fraga") for g in grupperingar
        }
    return nns_rapport_summor(
        _stegsummor(df, ["fraga", *NNS_ATOM]).reset_index(), min_n, linjar_max
    )


def nns_rapport_summor(
    summor: pd.DataFrame, min_n: int = MIN_N, linjar_max: float = LINJAR_MAX
) -> dict[tuple[str, ...], pd.DataFrame]:
    """The NNS report from the sums per question and atom (columns fraga, NNS_ATOM, n and
    the six steps, sorted by fraga, omgang, kon as a groupby sorts them): what
    enkater.selectors.summor_df reads from the stored Stegsummor. Equal to nns_rapport over
    the answers the sums were made from."""
    grupperingar = nns_grupperingar()
    if summor.empty:
        return {
            g: pd.DataFrame(columns=[*KOLUMNER, "dold"]).rename_axis("fraga") for g in grupperingar
        }
    return undertryckt_rapport(
        summor,
        atom=NNS_ATOM,
        grupperingar=grupperingar,
        harled=_harled_fordelning,
        min_n=min_n,
        linjar_max=linjar_max,
    )


# -- Self-rating progression ----------------------------------------------------------------------

PROGRESSION_ATOM = ["insats", "kon", "alder", "forsorjning"]
PROGRESSION_KOLUMNER = ["n", "medel_in", "medel_ut", "forandring", "andel_battre"]


def progression_grupperingar() -> list[tuple[str, ...]]:
    bas: list[tuple[str, ...]] = [(), ("kon",)]
    for d in ["alder", "forsorjning", "insats"]:
        bas += [(d,), (d, "kon")]
    return bas


def _harled_progression(t: pd.DataFrame) -> pd.DataFrame:
    t = t.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        t["medel_in"] = t["summa_in"] / t["n"]
        t["medel_ut"] = t["summa_ut"] / t["n"]
        t["forandring"] = t["medel_ut"] - t["medel_in"]
        t["andel_battre"] = t["battre"] / t["n"]
    return t[PROGRESSION_KOLUMNER]


def progression(par: pd.DataFrame, min_n: int = MIN_N) -> dict[tuple[str, ...], pd.DataFrame]:
    """par: one row per participant and question answered both at inskrivning and at
    utskrivning: fraga, varde_in, varde_ut and the background at entry (PROGRESSION_ATOM).
    The change per question, by kön, age band, försörjning and insats, suppressed."""
    grupperingar = progression_grupperingar()
    if par.empty:
        return {
            g: pd.DataFrame(columns=[*PROGRESSION_KOLUMNER, "dold"]).rename_axis("fraga")
            for g in grupperingar
        }
    d = par.assign(
        n=1,
        summa_in=par["varde_in"],
        summa_ut=par["varde_ut"],
        battre=(par["varde_ut"] > par["varde_in"]).astype(int),
    )
    summor = (
        d.groupby(["fraga", *PROGRESSION_ATOM], observed=True)[
            ["n", "summa_in", "summa_ut", "battre"]
        ]
        .sum()
        .reset_index()
    )
    return undertryckt_rapport(
        summor,
        atom=PROGRESSION_ATOM,
        grupperingar=grupperingar,
        harled=_harled_progression,
        min_n=min_n,
    )


# -- Stored tables (enkater.models.Rapportlager) -----------------------------------------------


# What is stored of each view's rows: the counts (integers) and whether the row is hidden;
# the mean and the share high are derived again on reading, with the same arithmetic.
LAGRADE = ["n", *STEGKOLUMNER]


def tabeller_till_json(tabeller: dict[tuple[str, ...], pd.DataFrame]) -> list[dict]:
    """An NNS report's tables (nns_rapport) as compact JSON, one entry per view, column by
    column: a text column as its distinct values and a code per row, the counts as
    integers (0 in a hidden row, which has no figure), `dold` as 0/1. tabeller_fran_json
    gives back equal DataFrames. A form of ten years' rounds has a hundred thousand rows;
    this is what makes reading them back take a fraction of a second."""
    ut = []
    for g, t in tabeller.items():
        namn = ["fraga", *g]
        platt = t.reset_index() if not t.empty else pd.DataFrame(columns=[*namn, *t.columns])
        platt.columns = [*namn, *map(str, t.columns)]
        nycklar = {}
        for c in namn:
            serie = platt[c]
            if pd.api.types.is_numeric_dtype(serie) and len(serie):
                nycklar[c] = serie.astype("int64").tolist()
            else:
                koder, kategorier = pd.factorize(serie, sort=False)
                nycklar[c] = {"kategorier": [str(k) for k in kategorier], "koder": koder.tolist()}
        dold = platt["dold"].astype(bool).to_numpy() if len(platt) else np.zeros(0, dtype=bool)
        tal = {
            c: np.where(dold, 0, platt[c].fillna(0).to_numpy(dtype=float)).astype("int64").tolist()
            for c in LAGRADE
        }
        ut.append(
            {
                "gruppering": list(g),
                "nycklar": nycklar,
                "tal": tal,
                "dold": dold.astype(int).tolist(),
            }
        )
    return ut


def tabeller_fran_json(data: list[dict]) -> dict[tuple[str, ...], pd.DataFrame]:
    result = {}
    for post in data:
        g = tuple(post["gruppering"])
        namn = ["fraga", *g]
        index = []
        for c in namn:
            v = post["nycklar"][c]
            if isinstance(v, dict):
                kategorier = np.asarray(v["kategorier"], dtype=object)
                index.append(kategorier[np.asarray(v["koder"], dtype=np.int64)])
            else:
                index.append(np.asarray(v, dtype=np.int64))
        # The figures as _harled_fordelning derives them, in numpy (the same arithmetic).
        tal = np.column_stack([np.asarray(post["tal"][c], dtype=float) for c in LAGRADE]).reshape(
            -1, len(LAGRADE)
        )
        n, steg = tal[:, 0], tal[:, 1:]
        with np.errstate(invalid="ignore", divide="ignore"):
            medel = (steg @ np.array(STEG, dtype=float)) / n
            andel_hog = steg[:, 3:].sum(axis=1) / n
        figurer = np.column_stack([tal, medel, andel_hog])
        dold = np.asarray(post["dold"], dtype=bool)
        figurer[dold] = np.nan
        if g:
            index = pd.MultiIndex.from_arrays(index, names=namn)
        else:
            index = pd.Index(index[0], name="fraga")
        t = pd.DataFrame(figurer, columns=KOLUMNER, index=index)
        t["dold"] = dold
        result[g] = t
    return result


def omgangarnas_json(
    tabeller: dict[tuple[str, ...], pd.DataFrame], vyer: list[tuple[str, ...]], omgangar: list[int]
) -> dict[int, list[dict]]:
    """Per round, its rows of the given views (each led by "omgang"), already suppressed
    with the whole universe, as tabeller_till_json would write them: what the round's own
    page shows. Each view is converted once and cut by round (hundreds of rounds; a
    conversion per round took seconds)."""
    ut: dict[int, list[dict]] = {o: [] for o in omgangar}
    for g in vyer:
        (hel,) = tabeller_till_json({g: tabeller[g]})
        nycklar, tal, dold = hel["nycklar"], hel["tal"], np.asarray(hel["dold"])
        kolumner = {
            c: (np.asarray(v["koder"]) if isinstance(v, dict) else np.asarray(v, dtype=np.int64))
            for c, v in nycklar.items()
        }
        talkolumner = {c: np.asarray(v, dtype=np.int64) for c, v in tal.items()}
        per_omgang = pd.Series(np.arange(len(dold))).groupby(kolumner["omgang"]).indices
        for o in omgangar:
            idx = per_omgang.get(o, np.zeros(0, dtype=np.int64))
            ut[o].append(
                {
                    "gruppering": list(g),
                    "nycklar": {
                        c: (
                            {"kategorier": v["kategorier"], "koder": kolumner[c][idx].tolist()}
                            if isinstance(v, dict)
                            else kolumner[c][idx].tolist()
                        )
                        for c, v in nycklar.items()
                    },
                    "tal": {c: v[idx].tolist() for c, v in talkolumner.items()},
                    "dold": dold[idx].tolist(),
                }
            )
    return ut
