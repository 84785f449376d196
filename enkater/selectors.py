"""Answers as DataFrames for enkater.analysis (one query per report)."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from django.db import connection
from django.db.models import Count, Max, Prefetch
from django.urls import reverse

from forbund.models import Paminnelse, PaminnelseForslag, Person

from .formular_skalor import ALDER, FORSORJNING, KON
from .models import Fraga, Omgang, Svarsvarde

SKALOR = [Fraga.Typ.SKALA_INSTAMMER, Fraga.Typ.SKALA_FREKVENS]
SAKNAS = "Uppgift saknas"


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
    return list(
        Omgang.objects.filter(formular__kod=kod)
        .select_related("formular", "insats")
        .annotate(antal_svar=Count("svar"), sista_svar=Max("svar"))
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
