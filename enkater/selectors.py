"""Answers as DataFrames for enkater.analysis (one query per report)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
from django.db import connection
from django.db.models import Count, Max, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from forbund.models import Paminnelse, PaminnelseForslag, Person

from .formular_skalor import ALDER, FORSORJNING, KON
from .models import (
    Fraga,
    Omgang,
    Omgangsrapport,
    Rapportlager,
    Stegsumma,
    Svar,
    Svarssumma,
    Svarsvarde,
)

SKALOR = [Fraga.Typ.SKALA_INSTAMMER, Fraga.Typ.SKALA_FREKVENS]
SAKNAS = "Uppgift saknas"
STEGKOLUMNER = [f"steg_{s}" for s in range(1, 7)]


def _bakgrund(df: pd.DataFrame, typ: str, alternativ: list[str]) -> pd.Series:
    rader = df[df["typ"] == typ].drop_duplicates("svar").set_index("svar")["varde"]
    return rader.map(lambda v: alternativ[int(v) - 1] if 1 <= v <= len(alternativ) else SAKNAS)


def _varden(omgang_ids: list[int]) -> pd.DataFrame:
    """(svar, fraga_id, varde, omgang) of every answered step. A form asked in hundreds of
    rounds has half a million values; building a Python tuple per row took 1.5 s, so
    PostgreSQL joins them into one CSV text that pandas parses in C."""
    kolumner = ["svar", "fraga_id", "varde", "omgang"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT string_agg(concat_ws(',', v.svar_id, v.fraga_id, v.varde, s.omgang_id), "
            "E'\\n') FROM enkater_svarsvarde v JOIN enkater_svar s ON s.id = v.svar_id "
            "WHERE s.omgang_id = ANY(%s) AND v.varde IS NOT NULL",
            [list(omgang_ids)],
        )
        text = cursor.fetchone()[0]
    if not text:
        return pd.DataFrame(columns=kolumner, dtype="int64")
    return pd.read_csv(io.StringIO(text), header=None, names=kolumner, dtype="int64")


def omgangar_for(kod: str) -> list[Omgang]:
    """Every round of a form (all versions), with its formular and insats, and the count and
    highest id of its answers (what a cached report depends on)."""
    # Aggregated per round in a subquery on the answers' omgang index, not by a join that
    # groups every round's columns (a quarter of a second for ten years' rounds).
    per_omgang = Svar.objects.filter(omgang=OuterRef("pk")).values("omgang")
    return list(
        Omgang.objects.filter(formular__kod=kod)
        .select_related("formular", "insats")
        .annotate(
            antal_svar=Coalesce(Subquery(per_omgang.annotate(c=Count("pk")).values("c")), Value(0)),
            sista_svar=Subquery(per_omgang.annotate(m=Max("pk")).values("m")),
        )
        .order_by("ar", "formular__version", "pk")
    )


def svar_df(omgangar: list[Omgang]) -> pd.DataFrame:
    """One row per answered scale question: svar, fraga (nummer), varde, kon, omgang, insats,
    ar, version. The rounds come with their formular and insats loaded (omgangar_for)."""
    kolumner = ["svar", "fraga", "typ", "varde", "omgang", "insats", "ar", "version"]
    varden = _varden([o.pk for o in omgangar])
    fragor = pd.DataFrame(
        list(
            Fraga.objects.filter(formular_id__in={o.formular_id for o in omgangar}).values_list(
                "pk", "nummer", "typ"
            )
        ),
        columns=["fraga_id", "fraga", "typ"],
    )
    rundor = pd.DataFrame(
        [
            (o.pk, o.insats.namn if o.insats_id else None, o.ar, o.formular.version)
            for o in omgangar
        ],
        columns=["omgang", "insats", "ar", "version"],
    )
    df = varden.merge(fragor, on="fraga_id", how="left").merge(rundor, on="omgang", how="left")
    df = df[kolumner]
    if df.empty:
        return df.assign(kon=pd.Series(dtype="object"))
    kon = _bakgrund(df, Fraga.Typ.KON, KON)
    df = df[df["typ"].isin(SKALOR)].copy()
    df["kon"] = df["svar"].map(kon).fillna(SAKNAS)
    df["insats"] = df["insats"].fillna("–")
    return df


def summor_df(omgangar: list[Omgang]) -> pd.DataFrame:
    """The stored Stegsummor of the rounds as the NNS report's sums per question and atom:
    fraga (nummer), omgang, kon, insats, ar, version, n, steg_1..steg_6, sorted as
    analysis.nns_rapport_summor expects. A few thousand rows where svar_df reads every
    answered value; the rounds' sums must be current (services.stegsummor_sakra)."""
    kolumner = ["fraga", "omgang", "kon", "insats", "ar", "version", "n", *STEGKOLUMNER]
    rader = list(
        Stegsumma.objects.filter(omgang__in=[o.pk for o in omgangar]).values_list(
            "fraga__nummer", "omgang_id", "kon", "varde", "antal"
        )
    )
    if not rader:
        return pd.DataFrame(columns=kolumner)
    df = pd.DataFrame(rader, columns=["fraga", "omgang", "kon", "varde", "antal"])
    summor = (
        df.pivot_table(
            index=["fraga", "omgang", "kon"], columns="varde", values="antal", aggfunc="sum"
        )
        .reindex(columns=range(1, 7), fill_value=0)
        .fillna(0)
        .astype(int)
    )
    summor.columns = STEGKOLUMNER
    summor.insert(0, "n", summor.sum(axis=1))
    summor = summor.reset_index()
    summor["kon"] = summor["kon"].map(lambda k: KON[k - 1] if 1 <= k <= len(KON) else SAKNAS)
    rundor = {
        o.pk: (o.insats.namn if o.insats_id else "–", o.ar, o.formular.version) for o in omgangar
    }
    summor["insats"] = summor["omgang"].map(lambda o: rundor[o][0])
    summor["ar"] = summor["omgang"].map(lambda o: rundor[o][1])
    summor["version"] = summor["omgang"].map(lambda o: rundor[o][2])
    # The order a groupby over the answers gives (kön by its label, as svar_df has it).
    return summor.sort_values(["fraga", "omgang", "kon"], kind="stable", ignore_index=True)[
        kolumner
    ]


def underlag(kod: str) -> str:
    """What a form's report depends on: each round's id, year, insats, version and its
    answers' count and highest id, as a SHA-256 computed in PostgreSQL (one row back, however
    many rounds the form has). A new or removed answer or a changed round gives another
    value, so stored tables are never older than their data."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT encode(sha256(convert_to(coalesce(string_agg(concat_ws(',', o.id, o.ar, "
            "o.insats_id, i.namn, f.version, coalesce(s.n, 0), s.m), ';' ORDER BY o.id), ''), "
            "'UTF8')), 'hex') FROM enkater_omgang o "
            "JOIN enkater_formular f ON f.id = o.formular_id "
            "LEFT JOIN insatser_insats i ON i.id = o.insats_id "
            "LEFT JOIN LATERAL (SELECT count(*) AS n, max(sv.id) AS m FROM enkater_svar sv "
            "WHERE sv.omgang_id = o.id) s ON true WHERE f.kod = %s",
            [kod],
        )
        return cursor.fetchone()[0]


def lagrad_omgangsrapport(omgang_id: int, nyckel: str) -> list | None:
    """A round's stored part of its form's tables, if computed from `nyckel`."""
    text = (
        Omgangsrapport.objects.filter(omgang_id=omgang_id, underlag=nyckel)
        .values_list("tabeller", flat=True)
        .first()
    )
    return None if text is None else json.loads(text)


def lagrad_rapport(kod: str, nyckel: str) -> list | None:
    """The stored tables of a form (analysis.tabeller_till_json), if they were computed
    from `nyckel`."""
    text = (
        Rapportlager.objects.filter(kod=kod, underlag=nyckel)
        .values_list("tabeller", flat=True)
        .first()
    )
    return None if text is None else json.loads(text)


def inaktuella_summor(omgangar: list[Omgang]) -> list[int]:
    """The rounds (of omgangar_for) whose Stegsummor were not made from the answers they
    have now: another number of answers, or another highest id."""
    summerat = {
        o: (n, s)
        for o, n, s in Svarssumma.objects.filter(omgang__in=[o.pk for o in omgangar]).values_list(
            "omgang_id", "antal_svar", "sista_svar"
        )
    }
    return [o.pk for o in omgangar if summerat.get(o.pk, (0, None)) != (o.antal_svar, o.sista_svar)]


def svar_df_kod(kod: str) -> tuple[pd.DataFrame, list[Omgang]]:
    """Every round of a form (all versions) and their answers: the universe over which the
    report suppresses, so no view of it gives away what another hides."""
    omgangar = omgangar_for(kod)
    return svar_df(omgangar), omgangar


def par_df(kod: str) -> pd.DataFrame:
    """The self-rating pairs of a form: one row per participant code and question answered
    both at inskrivning and at utskrivning in the same insats, with the background (kön,
    age band, försörjning) from the rating at inskrivning."""
    rows = list(
        Svarsvarde.objects.filter(
            svar__omgang__formular__kod=kod,
            svar__omgang__tillfalle__in=[Omgang.Tillfalle.IN, Omgang.Tillfalle.UT],
            svar__deltagarkod__isnull=False,
            varde__isnull=False,
        ).values_list(
            "svar_id",
            "fraga__nummer",
            "fraga__typ",
            "varde",
            "svar__omgang__tillfalle",
            "svar__omgang__insats__namn",
            "svar__deltagarkod__kod",
        )
    )
    kolumner = ["svar", "fraga", "typ", "varde", "tillfalle", "insats", "kod"]
    df = pd.DataFrame(rows, columns=kolumner)
    tom = pd.DataFrame(columns=["fraga", "varde_in", "varde_ut", "insats", "kon", "alder"])
    if df.empty:
        return tom.assign(forsorjning=pd.Series(dtype="object"))
    df["insats"] = df["insats"].fillna("–")
    inn = df[df["tillfalle"] == Omgang.Tillfalle.IN]
    bakgrund = pd.DataFrame(
        {
            "kon": _bakgrund(inn, Fraga.Typ.KON, KON),
            "alder": _bakgrund(inn, Fraga.Typ.ALDER, ALDER),
            "forsorjning": _bakgrund(inn, Fraga.Typ.FORSORJNING, FORSORJNING),
        }
    )
    skala = df[df["typ"].isin(SKALOR)]
    in_ = skala[skala["tillfalle"] == Omgang.Tillfalle.IN]
    ut = skala[skala["tillfalle"] == Omgang.Tillfalle.UT]
    par = in_.merge(
        ut[["insats", "kod", "fraga", "varde"]],
        on=["insats", "kod", "fraga"],
        suffixes=("_in", "_ut"),
    )
    if par.empty:
        return tom.assign(forsorjning=pd.Series(dtype="object"))
    par = par.join(bakgrund, on="svar")
    for kolumn in ["kon", "alder", "forsorjning"]:
        par[kolumn] = par[kolumn].fillna(SAKNAS)
    return par[["fraga", "varde_in", "varde_ut", "insats", "kon", "alder", "forsorjning"]]


# --- Reminders (issue 19): what the daily job (forbund/projekt/jobb.py) reminds of ---------

ENKAT_PAMINN_DAGAR = 3


def paminnelser(idag: dt.date, *, kansli: list[int]) -> list[PaminnelseForslag]:
    """A survey round that closes within three days: to the kansli and the staff of its
    insats. Two queries."""
    omgangar = (
        Omgang.objects.filter(
            oppnar__lte=idag,
            stanger__gte=idag,
            stanger__lte=idag + dt.timedelta(days=ENKAT_PAMINN_DAGAR),
        )
        .select_related("formular", "insats")
        .prefetch_related(
            Prefetch("insats__personal", queryset=Person.objects.filter(user__isnull=False))
        )
    )
    personal = {
        o.pk: [p.user_id for p in o.insats.personal.all()] if o.insats_id else [] for o in omgangar
    }
    return [
        PaminnelseForslag(
            mottagare_id=user_id,
            typ=Paminnelse.Typ.ENKAT,
            nyckel=f"enkat:{o.pk}:{o.stanger.isoformat()}",
            text=f"Enkäten {o} stänger {o.stanger.isoformat()}.",
            lank=reverse("omgang_detail", args=[o.pk]),
            datum=o.stanger,
        )
        for o in omgangar
        for user_id in dict.fromkeys([*personal.get(o.pk, []), *kansli])
    ]
