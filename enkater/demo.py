"""Demo surveys: the five NNS forms, and a 2021 round for the styrelse and the Sundsvall
insatser with generated answers (fixed random seed; not real answers). One insats has only
3 respondents, so the report shows its suppression."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from insatser.models import Insats

from . import services
from .formular_data import FORMULAR
from .models import Formular, Fraga, Omgang

OPPNAR, STANGER = dt.date(2021, 9, 15), dt.date(2021, 10, 31)


@transaction.atomic
def load() -> bool:
    if Omgang.objects.exists():
        return False
    services.formular_ladda(FORMULAR)
    rnd = random.Random(2021)  # noqa: S311 - generated demo data, not security
    formular = {f.kod: f for f in Formular.objects.all()}
    _omgang(formular["styrelse"], None, 8, rnd)
    _omgang(formular["chefsgrupp"], None, 6, rnd)
    antal = {
        "SIP-samordnare Arbetsmarknadstorget": 24,
        "Psykolog Arbetsmarknadstorget": 3,
        "Arbetsförmedlare Arbetsmarknadstorget": 12,
    }
    for namn, n in antal.items():
        insats = Insats.objects.filter(namn=namn).first()
        if insats:
            _omgang(formular["deltagare_pagaende"], insats, n, rnd)
            _omgang(formular["personal"], insats, max(2, n // 4), rnd)
    sip = Insats.objects.filter(namn="SIP-samordnare Arbetsmarknadstorget").first()
    if sip:
        _omgang(formular["deltagare_avslut"], sip, 9, rnd)
    return True


def _omgang(formular: Formular, insats, antal: int, rnd: random.Random) -> Omgang:
    omgang = Omgang.objects.create(
        formular=formular, ar=2021, oppnar=OPPNAR, stanger=STANGER, insats=insats
    )
    fragor = list(formular.fragor.order_by("ordning"))
    for _ in range(antal):
        varden: dict[int, int | str] = {}
        for f in fragor:
            if rnd.random() < 0.06:
                continue  # a skipped question
            if f.ar_skala:
                varden[f.pk] = min(6, max(1, round(rnd.gauss(4.3, 1.1))))
            elif f.typ == Fraga.Typ.KON:
                varden[f.pk] = rnd.choices([1, 2, 3], weights=[55, 40, 5])[0]
            elif f.typ == Fraga.Typ.JA_NEJ:
                varden[f.pk] = rnd.choice([1, 1, 2])
            elif rnd.random() < 0.3:
                varden[f.pk] = rnd.choice(
                    ["Bra bemötande.", "Mer tid med handläggaren.", "Tydligare planering."]
                )
        svar = services.svar_spara(omgang=omgang, varden=varden, kanal="papper")
        svar.datum = OPPNAR + dt.timedelta(days=rnd.randrange(40))
        svar.save(update_fields=["datum"])
    return omgang
