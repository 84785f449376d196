"""Demo surveys: the five NNS forms, and a round for the styrelse and the Sundsvall insatser
with generated answers every autumn from 2021 up to this year's, once it has opened
(15 September; answers up to today while it is open). Fixed random seeds; not real answers.
One insats has only 3 respondents in 2021, so the report shows its suppression."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from enkater import services
from enkater.formular_data import FORMULAR
from enkater.models import Formular, Fraga, Omgang
from insatser.models import Insats

OPPNAR, STANGER = dt.date(2021, 9, 15), dt.date(2021, 10, 31)


@transaction.atomic
def load() -> bool:
    if Omgang.objects.exists():
        return False
    services.formular_load(FORMULAR)
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
    _sjalvskattning(random.Random(2022))  # noqa: S311 - generated demo data
    idag = timezone.localdate()
    for ar in range(2022, idag.year + 1):
        if dt.date(ar, 9, 15) <= idag:
            _hostens_omgangar(formular, ar, idag)
    return True


# Per autumn: (form, insats or None, answers). Insatser that have ended get no round.
HOSTEN = [
    ("styrelse", None, 7),
    ("chefsgrupp", None, 6),
    ("deltagare_pagaende", "SIP-samordnare Arbetsmarknadstorget", 18),
    ("deltagare_pagaende", "Arbetsförmedlare Arbetsmarknadstorget", 10),
    ("deltagare_pagaende", "Psykolog Arbetsmarknadstorget", 7),
    ("deltagare_avslut", "SIP-samordnare Arbetsmarknadstorget", 6),
    ("personal", "SIP-samordnare Arbetsmarknadstorget", 3),
    ("personal", "Arbetsförmedlare Arbetsmarknadstorget", 3),
]


def _hostens_omgangar(formular: dict, ar: int, idag: dt.date) -> None:
    """The year's indicator round, 15 September–31 October; while it is open, answers only
    up to today (fewer of them)."""
    rnd = random.Random(ar)  # noqa: S311 - generated demo data, not security
    oppnar, stanger = dt.date(ar, 9, 15), dt.date(ar, 10, 31)
    andel = 1 if idag > stanger else (idag - oppnar).days / (stanger - oppnar).days
    for kod, namn, antal in HOSTEN:
        insats = Insats.objects.filter(namn=namn).first() if namn else None
        if namn and (insats is None or not insats.beviljningar.filter(ar=ar).exists()):
            continue
        _omgang(
            formular[kod],
            insats,
            max(1, round(antal * andel)),
            rnd,
            ar=ar,
            oppnar=oppnar,
            stanger=stanger,
            senast=min(idag, stanger),
        )


SJALVSKATTNING = [
    "Jag vet vad jag vill göra framåt.",
    "Jag klarar att ha en regelbunden dygnsrytm.",
    "Jag klarar att ta mig till en aktivitet på egen hand.",
    "Jag klarar att samarbeta med andra.",
    "Jag tror att jag kan arbeta eller studera inom ett år.",
]


def _sjalvskattning(rnd: random.Random) -> None:
    """The participants' self-rating at inskrivning and utskrivning, built by the kansli from
    the same parts as the NNS forms, with in- and out-rounds in 2022 for two insatser. The
    participant codes are invented (SIP-001 ...); the pairs rise on average."""
    formular = services.formular_create(
        actor=None,
        namn="Självskattning deltagare",
        malgrupp=Formular.Malgrupp.INSATS,
        inledning="Skatta hur det är för dig just nu. Du gör samma skattning när du slutar.",
    )
    services.fraga_create(actor=None, formular=formular, nummer="kon", text="Om dig:", typ="kon")
    services.fraga_create(actor=None, formular=formular, nummer="alder", text="Ålder", typ="alder")
    services.fraga_create(
        actor=None,
        formular=formular,
        nummer="forsorj",
        text="Din huvudsakliga försörjning just nu",
        typ="forsorjning",
    )
    for text in SJALVSKATTNING:
        services.fraga_create(actor=None, formular=formular, text=text, typ="skala_instammer")
    fragor = list(formular.fragor.order_by("ordning"))
    for namn, prefix, antal, utskrivna in [
        ("SIP-samordnare Arbetsmarknadstorget", "SIP", 34, 26),
        ("Psykolog Arbetsmarknadstorget", "PSY", 9, 7),
    ]:
        insats = Insats.objects.filter(namn=namn).first()
        if insats is None:
            continue
        rundor = {}
        for tillfalle in (Omgang.Tillfalle.IN, Omgang.Tillfalle.UT):
            rundor[tillfalle] = services.omgang_create(
                actor=None,
                formular=formular,
                ar=2022,
                oppnar=dt.date(2022, 1, 1),
                stanger=dt.date(2022, 12, 31),
                insats=insats,
                tillfalle=tillfalle,
            )
        for i in range(antal):
            kod = f"{prefix}-{i + 1:03d}"
            bakgrund = {
                fragor[0].pk: rnd.choices([1, 2, 3], weights=[55, 42, 3])[0],
                fragor[1].pk: rnd.choices([1, 2, 3, 4, 5], weights=[30, 30, 20, 12, 8])[0],
                fragor[2].pk: rnd.choices([1, 2, 3, 4, 5, 6], weights=[40, 15, 20, 15, 5, 5])[0],
            }
            fore = {f.pk: rnd.choice([1, 2, 2, 3, 3, 4]) for f in fragor[3:]}
            _spara(rundor[Omgang.Tillfalle.IN], {**bakgrund, **fore}, kod, rnd, fragor)
            if i < utskrivna:
                efter = {
                    pk: min(6, max(1, v + rnd.choice([-1, 0, 1, 1, 2]))) for pk, v in fore.items()
                }
                _spara(rundor[Omgang.Tillfalle.UT], {**bakgrund, **efter}, kod, rnd, fragor)


def _spara(omgang, varden, kod, rnd, fragor) -> None:
    svar = services.svar_create(
        omgang=omgang, varden=varden, kanal="papper", deltagarkod=kod, fragor=fragor
    )
    svar.datum = omgang.oppnar + dt.timedelta(days=rnd.randrange(360))
    svar.save(update_fields=["datum"])


def _omgang(
    formular: Formular,
    insats,
    antal: int,
    rnd: random.Random,
    *,
    ar: int = 2021,
    oppnar: dt.date = OPPNAR,
    stanger: dt.date = STANGER,
    senast: dt.date = STANGER,
) -> Omgang:
    omgang = services.omgang_create(
        actor=None, formular=formular, ar=ar, oppnar=oppnar, stanger=stanger, insats=insats
    )
    fragor = list(formular.fragor.order_by("ordning"))
    for _ in range(antal):
        varden: dict[int, int | str] = {}
        for f in fragor:
            if rnd.random() < 0.06:
                continue  # a skipped question
            if f.skalfraga:
                varden[f.pk] = min(6, max(1, round(rnd.gauss(4.3, 1.1))))
            elif f.typ == Fraga.Typ.KON:
                varden[f.pk] = rnd.choices([1, 2, 3], weights=[55, 40, 5])[0]
            elif f.typ == Fraga.Typ.JA_NEJ:
                varden[f.pk] = rnd.choice([1, 1, 2])
            elif rnd.random() < 0.3:
                varden[f.pk] = rnd.choice(
                    ["Bra bemötande.", "Mer tid med handläggaren.", "Tydligare planering."]
                )
        svar = services.svar_create(omgang=omgang, varden=varden, kanal="papper")
        svar.datum = oppnar + dt.timedelta(days=rnd.randrange(max(1, (senast - oppnar).days + 1)))
        svar.save(update_fields=["datum"])
    return omgang
