"""Writes to surveys: forms from data, rounds, tokens and anonymous answers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from .models import Formular, Fraga, Omgang, Svar, Svarsvarde, Token

SVAR_JA_NEJ = {"Ja": 1, "Nej": 2}


class Fel(ValueError):
    pass


class TokenAnvand(Fel):
    pass


@transaction.atomic
def formular_ladda(data: list[dict]) -> int:
    """Create the forms from data (formular_data.FORMULAR); a form already there is left
    as it is: wording never changes under existing answers, a change is a new version."""
    antal = 0
    for f in data:
        if Formular.objects.filter(kod=f["kod"]).exists():
            continue
        formular = Formular.objects.create(
            kod=f["kod"], namn=f["namn"], inledning=f.get("inledning", ""), malgrupp=f["malgrupp"]
        )
        fragor = {}
        for i, q in enumerate(f["fragor"]):
            fragor[q["nummer"]] = Fraga.objects.create(
                formular=formular,
                ordning=i,
                nummer=q["nummer"],
                text=q["text"],
                typ=q["typ"],
                hjalptext=q.get("hjalptext", ""),
            )
        for q in f["fragor"]:
            if q.get("visas_om"):
                fraga = fragor[q["nummer"]]
                fraga.visas_om = fragor[q["visas_om"]["fraga"]]
                fraga.visas_om_svar = SVAR_JA_NEJ.get(q["visas_om"]["svar"], 1)
                fraga.save(update_fields=["visas_om", "visas_om_svar"])
        antal += 1
    return antal


@transaction.atomic
def omgang_create(
    *, actor, formular: Formular, ar: int, oppnar: dt.date, stanger: dt.date, insats=None
) -> Omgang:
    if stanger < oppnar:
        raise Fel("Omgången kan inte stänga innan den öppnar.")
    if formular.malgrupp == Formular.Malgrupp.INSATS and insats is None:
        raise Fel("Välj vilken insats omgången gäller.")
    return Omgang.objects.create(
        formular=formular, ar=ar, oppnar=oppnar, stanger=stanger, insats=insats
    )


@transaction.atomic
def tokens_skapa(*, actor, omgang: Omgang, antal: int) -> list[Token]:
    if not 1 <= antal <= 1000:
        raise Fel("Skapa mellan 1 och 1 000 länkar åt gången.")
    return Token.objects.bulk_create(Token(omgang=omgang) for _ in range(antal))


def synliga_fragor(fragor: list[Fraga], varden: dict[int, int | str]) -> list[Fraga]:
    """The questions the respondent is routed to, given the answers so far."""
    return [
        f for f in fragor if f.visas_om_id is None or varden.get(f.visas_om_id) == f.visas_om_svar
    ]


@transaction.atomic
def svar_spara(
    *, omgang: Omgang, varden: dict[int, int | str], kanal: str, token: Token | None = None
) -> Svar:
    """Store one anonymous answer. varden: fraga id -> step (int) or text. Routing applied:
    answers to questions the respondent was not routed to are dropped."""
    idag = timezone.localdate()
    if kanal == Svar.Kanal.WEBB and not (omgang.oppnar <= idag <= omgang.stanger):
        raise Fel("Enkäten är stängd.")
    # Single use, race-free: only one request can flip the token's flag.
    if (
        token is not None
        and Token.objects.filter(pk=token.pk, anvand=False).update(anvand=True) != 1
    ):
        raise TokenAnvand("Länken är redan använd.")
    fragor = list(omgang.formular.fragor.all())
    synliga = {f.pk for f in synliga_fragor(fragor, varden)}
    svar = Svar.objects.create(omgang=omgang, datum=idag, kanal=kanal)
    rows = []
    for f in fragor:
        if f.pk not in synliga or f.pk not in varden or varden[f.pk] in ("", None):
            continue
        value = varden[f.pk]
        if f.typ == Fraga.Typ.FRITEXT:
            rows.append(Svarsvarde(svar=svar, fraga=f, text=str(value)[:4000]))
        else:
            rows.append(Svarsvarde(svar=svar, fraga=f, varde=int(value)))
    Svarsvarde.objects.bulk_create(rows)
    return svar
