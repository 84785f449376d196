"""The survey reports as data for the pages, the PDF, Excel and CSV: per round, across rounds
(by kön, insats, år, version) and the self-rating progression. Every figure comes out of
enkater.analysis with the suppression applied; a hidden row carries no figure at all."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from forbund.charts import staplar
from forbund.export import arbetsbok, csv_text, skriv_rad
from forbund.http import render_pdf
from forbund.models import Forbund

from . import analysis, selectors, services
from .formular_skalor import ALDER, ALTERNATIV, FORSORJNING, KON
from .models import Formular, Fraga, Omgang, Svar, Svarsvarde

DELA = {
    "": "Ingen uppdelning",
    "insats": "Insats",
    "ar": "År",
    "version": "Formulärets version",
    "omgang": "Omgång",
}
PROGRESSION_DELA = {
    "": "Ingen uppdelning",
    "alder": "Ålder vid inskrivning",
    "forsorjning": "Försörjning vid inskrivning",
    "insats": "Insats",
}


@dataclass
class Rad:
    etikett: str
    dold: bool
    n: int | None = None
    steg: list[int] = field(default_factory=list)
    medel: float | None = None
    andel_hog: float | None = None
    # self-rating
    medel_in: float | None = None
    medel_ut: float | None = None
    forandring: float | None = None
    andel_battre: float | None = None


@dataclass
class Fragetabell:
    nummer: str
    text: str
    alternativ: list[str]
    rader: list[Rad]


def _tal(v) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def _rad(etikett: str, row: pd.Series) -> Rad:
    if bool(row["dold"]):
        return Rad(etikett=etikett, dold=True)
    rad = Rad(etikett=etikett, dold=False, n=int(row["n"]))
    if "steg_1" in row:
        rad.steg = [int(row[f"steg_{s}"]) for s in analysis.STEG]
        rad.medel, rad.andel_hog = _tal(row["medel"]), _tal(row["andel_hog"])
    else:
        rad.medel_in, rad.medel_ut = _tal(row["medel_in"]), _tal(row["medel_ut"])
        rad.forandring, rad.andel_battre = _tal(row["forandring"]), _tal(row["andel_battre"])
    return rad


def _etikett(key, namn: dict | None = None) -> str:
    delar = key if isinstance(key, tuple) else (key,)
    return ", ".join(str((namn or {}).get(d, d)) for d in delar)


def _urval(t: pd.DataFrame, fraga: str, filter_: dict) -> pd.DataFrame:
    """The rows of one question (and the filter), indexed by the remaining levels."""
    if t.empty:
        return t.iloc[0:0]
    idx = t.index
    mask = np.asarray(idx.get_level_values("fraga") == fraga)
    drop = ["fraga"]
    for niva, varde in filter_.items():
        if niva in idx.names:
            mask &= np.asarray(idx.get_level_values(niva) == varde)
            drop.append(niva)
    sub = t[mask]
    if isinstance(idx, pd.MultiIndex):
        kvar = [n for n in idx.names if n not in drop]
        if kvar:
            sub = sub.droplevel(drop)
    return sub


# Background groups in the order the form lists them, not alphabetically.
ORDNING = {v: i for lista in (KON, ALDER, FORSORJNING) for i, v in enumerate(lista)}
ORDNING[selectors.SAKNAS] = 99


def _ordning(key) -> tuple:
    delar = key if isinstance(key, tuple) else (key,)
    return tuple((ORDNING.get(d, 0), str(d)) if isinstance(d, str) else (0, d) for d in delar)


def _tabeller(
    tabeller: dict,
    fragor: list[Fraga],
    *,
    total: tuple,
    grupper: tuple | None,
    filter_: dict,
    namn: dict | None = None,
) -> list[Fragetabell]:
    result = []
    for f in fragor:
        rader = []
        t = _urval(tabeller[total], f.nummer, filter_)
        if len(t):
            rader.append(_rad("Alla", t.iloc[0]))
        else:
            rader.append(Rad(etikett="Alla", dold=True, n=0))
        if grupper is not None:
            g = _urval(tabeller[grupper], f.nummer, filter_)
            for key, row in sorted(g.iterrows(), key=lambda kr: _ordning(kr[0])):
                rader.append(_rad(_etikett(key, namn), row))
        result.append(
            Fragetabell(
                nummer=f.nummer, text=f.text, alternativ=ALTERNATIV.get(f.typ, []), rader=rader
            )
        )
    return result


def _diagram(ident: str, titel: str, tabeller: list[Fragetabell], varde: str) -> dict | None:
    """Share at the three highest steps (%) per question; a group is drawn only where none of
    its figures is hidden (the table shows the rest)."""
    if not tabeller:
        return None
    etiketter = [r.etikett for r in tabeller[0].rader]
    serier = []
    for i, etikett in enumerate(etiketter):
        vals = []
        for t in tabeller:
            rad = next((r for r in t.rader if r.etikett == etikett), None) if i else t.rader[0]
            v = getattr(rad, varde, None) if rad is not None and not rad.dold else None
            if v is None:
                break
            vals.append(round(v * 100))
        else:
            serier.append((etikett, vals))
        if len(serier) == 4:
            break
    if not serier:
        return None
    kategorier = [f"Fråga {t.nummer}" for t in tabeller]
    korta = [(namn if len(namn) <= 18 else namn[:17] + "…", vals) for namn, vals in serier]
    return {
        "svg": staplar(ident=ident, titel=titel, kategorier=kategorier, serier=korta),
        "titel": titel,
        "serier": [namn for namn, _v in serier],
        "rader": [(k, [vals[i] for _n, vals in serier]) for i, k in enumerate(kategorier)],
    }


def _skalfragor(formular_ids: list[int]) -> list[Fraga]:
    """The scale questions of the given form versions, by number, newest wording first."""
    fragor: dict[str, Fraga] = {}
    for f in (
        Fraga.objects.filter(formular_id__in=formular_ids, typ__in=selectors.SKALOR)
        .select_related("formular")
        .order_by("-formular__version", "ordning")
    ):
        fragor.setdefault(f.nummer, f)
    return sorted(fragor.values(), key=lambda f: f.ordning)


def tabeller_for(kod: str) -> tuple[dict, list[Omgang]]:
    """The suppressed tables of every round of a form, and the rounds.

    Suppressing consistently across every view means computing over all the form's rounds,
    while the answers change only when a batch of them arrives. The tables are stored then
    (services.rapport_uppdatera, Rapportlager) with the rounds and answer counts they were
    computed from; a page whose rounds no longer match computes and stores them afresh from
    the stored sums, so it never shows figures older than its data."""
    omgangar = selectors.omgangar_for(kod)
    lagrad = selectors.lagrad_rapport(kod, selectors.underlag(kod))
    if lagrad is not None:
        return analysis.tabeller_fran_json(lagrad), omgangar
    return services.rapport_uppdatera(kod=kod)


def omgangens_tabeller(omgang: Omgang) -> dict:
    """The suppressed tables a round's page shows (its rows of the form's report), read from
    what was stored for the round when the form's tables were last computed, or computed now
    if its form's rounds or answers have changed since."""
    kod = omgang.formular.kod
    lagrad = selectors.lagrad_omgangsrapport(omgang.pk, selectors.underlag(kod))
    if lagrad is not None:
        return analysis.tabeller_fran_json(lagrad)
    tabeller, _omgangar = services.rapport_uppdatera(kod=kod)
    return tabeller


def omgang_rapport(omgang: Omgang, *, dela_kon: bool = True, fritext: bool = False) -> dict:
    """One round: the total and (where group sizes allow) by kön, suppressed together with
    every other view of the form's rounds."""
    tabeller = omgangens_tabeller(omgang)
    fragor = _skalfragor([omgang.formular_id])
    ft = _tabeller(
        tabeller,
        fragor,
        total=("omgang",),
        grupper=("omgang", "kon") if dela_kon else None,
        filter_={"omgang": omgang.pk},
    )
    antal_svar = omgang.svar.count()
    fritextsvar = []
    # Free text identifies more easily than a figure: shown only when the round has at least
    # MIN_N answers, like every table (issue 18).
    fritext_dold = fritext and antal_svar < analysis.MIN_N
    if fritext and not fritext_dold:
        fritextsvar = list(
            Svarsvarde.objects.filter(svar__omgang=omgang, fraga__typ=Fraga.Typ.FRITEXT)
            .exclude(text="")
            .select_related("fraga")
            .order_by("fraga__ordning", "text")
        )
    return {
        "titel": f"Resultat: {omgang}",
        "omgang": omgang,
        "antal_svar": antal_svar,
        "tabeller": ft,
        "diagram": _diagram(
            "diagram-omgang", "Andel i de tre högsta stegen, procent, per fråga", ft, "andel_hog"
        ),
        "fritext": fritextsvar,
        "fritext_dold": fritext_dold,
        "min_n": analysis.MIN_N,
        "dela_kon": dela_kon,
    }


def jamforelse(kod: str, *, dela: str = "", kon: bool = False, ar: int | None = None) -> dict:
    """Every round of a form compared: by insats side by side, by year (trend), by version,
    each also by kön; optionally within one year."""
    tabeller, omgangar = tabeller_for(kod)
    filter_ = {"ar": ar} if ar else {}
    total = ("ar",) if ar else ()
    grupper = tuple(x for x in (dela, "kon" if kon else "") if x)
    if ar and grupper and "ar" not in grupper:
        grupper = ("ar", *grupper)
    elif ar and grupper == ("ar",):
        grupper = None
    namn = {o.pk: f"{o.insats.namn if o.insats_id else '–'} {o.ar}" for o in omgangar}
    formular_ids = sorted({o.formular_id for o in omgangar})
    fragor = _skalfragor(formular_ids)
    ft = _tabeller(
        tabeller,
        fragor,
        total=total,
        grupper=grupper or None,
        filter_=filter_,
        namn=namn if dela == "omgang" else None,
    )
    formular = Formular.objects.filter(kod=kod).order_by("-version").first()
    return {
        "titel": f"Jämförelse: {formular.namn if formular else kod}",
        "kod": kod,
        "formular": formular,
        "omgangar": omgangar,
        "ar_lista": sorted({o.ar for o in omgangar}),
        "tabeller": ft,
        "diagram": _diagram(
            "diagram-jamforelse",
            "Andel i de tre högsta stegen, procent, per fråga och grupp",
            ft,
            "andel_hog",
        ),
        "dela": dela,
        "kon": kon,
        "ar": ar,
        "dela_val": DELA,
        "antal_svar": Svar.objects.filter(
            omgang__formular__kod=kod, **({"omgang__ar": ar} if ar else {})
        ).count(),
        "min_n": analysis.MIN_N,
    }


def progression(kod: str, *, dela: str = "", kon: bool = False) -> dict:
    par = selectors.par_df(kod)
    tabeller = analysis.progression(par)
    grupper = tuple(x for x in (dela, "kon" if kon else "") if x)
    formular = Formular.objects.filter(kod=kod).order_by("-version").first()
    fragor = _skalfragor(list(Formular.objects.filter(kod=kod).values_list("pk", flat=True)))
    ft = _tabeller(tabeller, fragor, total=(), grupper=grupper or None, filter_={})
    return {
        "titel": f"Självskattning före och efter: {formular.namn if formular else kod}",
        "kod": kod,
        "formular": formular,
        "tabeller": ft,
        "diagram": _diagram(
            "diagram-progression",
            "Andel som skattar sig högre vid utskrivning, procent, per fråga",
            ft,
            "andel_battre",
        ),
        "dela": dela,
        "kon": kon,
        "dela_val": PROGRESSION_DELA,
        "min_n": analysis.MIN_N,
    }


# -- Files -------------------------------------------------------------------------------------


def platta_rader(ctx: dict) -> tuple[list[str], list[list]]:
    """The report as one table: question, group, n, the six steps, mean, share high. A hidden
    group has no figures, only the words "visas inte"."""
    huvud = ["Fråga", "Grupp", "Antal", *[f"Steg {s}" for s in analysis.STEG], "Medel (1–6)"]
    huvud.append("Andel i de tre högsta stegen")
    rader = []
    for t in ctx["tabeller"]:
        for r in t.rader:
            if r.dold:
                rader.append([t.nummer, r.etikett, "visas inte", *[""] * 8])
            else:
                rader.append(
                    [
                        t.nummer,
                        r.etikett,
                        r.n,
                        *r.steg,
                        round(r.medel, 2) if r.medel is not None else "",
                        round(r.andel_hog, 3) if r.andel_hog is not None else "",
                    ]
                )
    return huvud, rader


def som_csv(ctx: dict) -> bytes:
    huvud, rader = platta_rader(ctx)
    return csv_text([huvud, *rader]).encode("utf-8-sig")


def som_xlsx(ctx: dict):

    huvud, rader = platta_rader(ctx)
    wb = arbetsbok()
    ws = wb.active
    ws.title = "Resultat"
    skriv_rad(ws, [ctx["titel"]])
    skriv_rad(ws, [f"Grupper med färre än {analysis.MIN_N} svarande visas inte."])
    skriv_rad(ws, huvud)
    for r in rader:
        skriv_rad(ws, r)
    return wb


def som_pdf(ctx: dict) -> bytes:

    return render_pdf("enkater/pdf/rapport.html", {**ctx, "forbund": Forbund.objects.first()})


def export_xlsx(omgang: Omgang):
    """One row per response, one column per question (codes 1–6, 1–3 for kön, 1/2 for ja/nej;
    blank for no answer), for the national indicator reporting. No free text, no date, no
    channel, and the rows sorted by their answers, so neither the order of submission nor a
    paper's position in a pile can be read out of the file."""

    fragor = [f for f in omgang.formular.fragor.order_by("ordning") if f.typ != Fraga.Typ.FRITEXT]
    varden: dict[int, dict[int, int]] = {}
    for svar_id, fraga_id, varde in Svarsvarde.objects.filter(
        svar__omgang=omgang, varde__isnull=False
    ).values_list("svar_id", "fraga_id", "varde"):
        varden.setdefault(svar_id, {})[fraga_id] = varde
    for svar_id in omgang.svar.values_list("pk", flat=True):
        varden.setdefault(svar_id, {})
    rader = sorted(
        ([v.get(f.pk) for f in fragor] for v in varden.values()),
        key=lambda r: [x if x is not None else 0 for x in r],
    )
    wb = arbetsbok()
    ws = wb.active
    ws.title = "Svar"
    skriv_rad(ws, [f.nummer for f in fragor])
    for r in rader:
        skriv_rad(ws, r)
    return wb
