"""Demo ekonomi: Samordningsförbundet Sundsvall's budget and prognos for 2021, line by line
from seed 003's "Detaljerad budgetuppföljning 2021" (tkr, here in kr). Account numbers are
BAS-style and invented; the seed does not give them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from ekonomi.models import (
    Budgetpost,
    Budgetrad,
    Budgetversion,
    Grupp,
    Kapitaltak,
    Konto,
    Prognos,
    Verksamhetsar,
)
from insatser.models import Insats
from rapporter import services as rapporter_services

# (grupp, namn, konto, budget tkr, prognos tkr, insats, intäkt i kostnadsgrupp)
POSTER_2021 = [
    (Grupp.INTAKTER, "Försäkringskassan/Arbetsförmedlingen", 3010, "3689", "3689", None, False),
    (Grupp.INTAKTER, "Sundsvalls kommun", 3020, "1844.5", "1844.5", None, False),
    (Grupp.INTAKTER, "Region Västernorrland", 3030, "1844.5", "1844.5", None, False),
    (Grupp.STYRELSEN, "Styrelsearvoden", 7010, "90", "115", None, False),
    (Grupp.STYRELSEN, "Extern representation", 6071, "0", "5", None, False),
    (Grupp.ADMINISTRATION, "Hyra inventarier och maskiner", 5220, "0", "0", None, False),
    (Grupp.ADMINISTRATION, "Förbrukningsmaterial", 5460, "2", "0", None, False),
    (Grupp.ADMINISTRATION, "Kontorsmaterial", 6110, "2", "0", None, False),
    (Grupp.ADMINISTRATION, "Fast telefoni", 6211, "3", "2", None, False),
    (Grupp.ADMINISTRATION, "Mobiltelefon", 6212, "3", "0", None, False),
    (Grupp.ADMINISTRATION, "Porto", 6250, "3", "0", None, False),
    (Grupp.ADMINISTRATION, "Redovisningstjänster", 6530, "50", "74", None, False),
    (Grupp.ADMINISTRATION, "IT-tjänster, datadrift", 6540, "15", "24", None, False),
    (Grupp.ADMINISTRATION, "Konsulter", 6550, "770", "754", None, False),
    (Grupp.ADMINISTRATION, "Övr. främmande tjänster", 6590, "16", "52", None, False),
    (Grupp.ADMINISTRATION, "Utbildning/Konferens/resor", 7610, "80", "16", None, False),
    (Grupp.ADMINISTRATION, "Övriga personalkostnader", 7690, "0", "0", None, False),
    (Grupp.ADMINISTRATION, "Ränteintäkter", 8310, "0", "0", None, True),
    (Grupp.ADMINISTRATION, "Övriga finansiella kostnader", 8490, "1", "1", None, False),
    (
        Grupp.INSATSER,
        "Arbetsmarknadstorget – Försäkringskassan",
        4010,
        "635",
        "635",
        "Försäkringsutredare Arbetsmarknadstorget",
        False,
    ),
    (
        Grupp.INSATSER,
        "Arbetsmarknadstorget – Arbetsförmedlingen",
        4020,
        "1100",
        "1100",
        "Arbetsförmedlare Arbetsmarknadstorget",
        False,
    ),
    (
        Grupp.INSATSER,
        "Arbetsmarknadstorget – Sip-Samordnare",
        4030,
        "578",
        "578",
        "SIP-samordnare Arbetsmarknadstorget",
        False,
    ),
    (Grupp.INSATSER, "Arbetsmarknadstorget – Arbetskonsulenter", 4040, "1172", "1143", None, False),
    (
        Grupp.INSATSER,
        "Arbetsmarknadstorget – Psykolog",
        4050,
        "775",
        "775",
        "Psykolog Arbetsmarknadstorget",
        False,
    ),
    (Grupp.INSATSER, "Rehabvägledare", 4060, "620", "589", "Rehabvägledare", False),
    (Grupp.INSATSER, "Utvecklingsledare", 4070, "770", "722", None, False),
    (Grupp.INSATSER, "Insatskatalogen", 4080, "70", "48", None, False),
    (Grupp.INSATSER, "Psykeveckan", 4090, "50", "37", None, False),
    (
        Grupp.INSATSER,
        "Kompetensutveckling, gemensamma utbildningar",
        4100,
        "200",
        "129",
        None,
        False,
    ),
    (Grupp.INSATSER, "Nya insatser 2021", 4110, "373", "0", None, False),
    (
        Grupp.INSATSER,
        "Arbetsterapeut",
        4120,
        "0",
        "526",
        "Arbetsterapeut Arbetsmarknadstorget",
        False,
    ),
    (Grupp.INSATSER, "Arbetskonsulent", 4130, "0", "191", None, False),
    (Grupp.INSATSER, "Lokalkostnader", 4140, "0", "150", None, False),
]

# Opening equity 2021: the seed's prognos 1 219 tkr at year end after a result of −288 tkr.
INGAENDE_EGET_KAPITAL_2021 = 1_507_000

# Example bands for the recommended ceiling on eget kapital (share of the year's funding).
# Configuration, not law: the kansli checks them against the national recommendation in force.
KAPITALTAK = [
    (0, 15_000_000, Decimal("0.20")),
    (15_000_000, 30_000_000, Decimal("0.15")),
    (30_000_000, None, Decimal("0.10")),
]


def _kr(tkr: str) -> int:
    return int(Decimal(tkr) * 1000)


@transaction.atomic
def load() -> bool:
    if Budgetpost.objects.exists():
        return False
    insatser = {i.namn: i for i in Insats.objects.all()}
    ar = Verksamhetsar.objects.create(ar=2021, ingaende_eget_kapital=INGAENDE_EGET_KAPITAL_2021)
    version = Budgetversion.objects.create(
        ar=ar, nummer=1, namn="Budget 2021", status=Budgetversion.Status.FASTSTALLD
    )
    for i, (grupp, namn, konto, budget, prognos, insats, intakt) in enumerate(POSTER_2021):
        post = Budgetpost.objects.create(
            grupp=grupp, namn=namn, ordning=i, insats=insatser.get(insats), intakt=intakt
        )
        post.konton.add(Konto.objects.get_or_create(nummer=konto, defaults={"namn": namn})[0])
        # The plan for 2022 and 2023 at the 2021 level (the seed gives no plan years).
        Budgetrad.objects.create(
            version=version, post=post, belopp=_kr(budget), plan1=_kr(budget), plan2=_kr(budget)
        )
        Prognos.objects.create(ar=2021, post=post, belopp=_kr(prognos))
    for fran, till, andel in KAPITALTAK:
        Kapitaltak.objects.create(medel_fran=fran, medel_till=till, max_andel=andel)
    _arsredovisning_2021()
    return True


# The demo's own texts for the årsredovisning 2021 (invented, in the style of seed 004).
ARSREDOVISNING_2021 = {
    "om_forbundet": (
        "Förbundet arbetar för att personer i behov av samordnade rehabiliteringsinsatser ska "
        "få ett sammanhållet stöd från parterna. Arbetsmarknadstorget är förbundets största "
        "satsning: parternas medarbetare arbetar tillsammans på samma plats."
    ),
    "styrelsen": (
        "Styrelsen har under året följt insatserna vid varje möte och beslutat om "
        "finansiering av insatserna vid Arbetsmarknadstorget för 2022."
    ),
    "insatser": (
        "Rehabvägledare har under året tagit emot deltagare utan biståndsbeslut. Statistiken "
        "nedan är genererad för demon."
    ),
    "arrangemang": (
        "Förbundet har fortsatt att sprida det lösningsfokuserade arbetssättet och samlat "
        "parternas medarbetare kring samordnad individplan (SIP)."
    ),
    "planerat": (
        "- Uppföljning av Arbetsmarknadstorget med parternas chefsgrupp\n"
        "- Indikatorenkäter till deltagare, personal och styrelse under hösten"
    ),
    "ekonomi": "",
}


def _arsredovisning_2021() -> None:
    """A draft årsredovisning 2021 with the kansli's texts; its figures are computed live."""

    rapporter_services.verksamhetsrapport_create(
        actor=None,
        typ="arsredovisning",
        fran=dt.date(2021, 1, 1),
        till=dt.date(2021, 12, 31),
        texter=ARSREDOVISNING_2021,
    )
