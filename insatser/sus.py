"""The SUS tables: their categories, and the rules a period's figures must follow.

Pure functions on plain data, so the quick form, the file import and the tests share them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Tabell

DELTAGARE = ["Aktiva", "Nya", "Avslutade"]
FORSORJNING_IN = [
    "Försörjningsstöd",
    "Aktivitetsersättning",
    "Sjukpenning/Rehabpenning",
    "Aktivitetsstöd",
    "Arbetslöshetsersättning (a-kassa)",
    "Sjukersättning",
    "Etableringsersättning",
    "Studiemedel",
    "Ingen offentlig försörjning",
]
TID = ["1–3 år", "4–6 år", "7–9 år", "Mer än 9 år"]
AVSLUT = [
    "Osubventionerat arbete",
    "Subventionerat arbete",
    "Aktivt arbetsökande utan behov av samordnat stöd",
    "Studier",
    "Fortsatt rehabilitering (i ordinarie myndighets verksamhet eller i annan samverkansinsats)",
    "Sjukdom/försämrat hälsotillstånd (inte möjligt att i dagsläget fortsätta i insatsen pga hälsoläget)",
    "Annan orsak",
]
FORSORJNING_UT = [
    "Ingen offentlig försörjning",
    "Arbetslöshetsersättning (a-kassa)",
    "Aktivitetsstöd (Af)",
    "Studiemedel",
    "Sjukpenning/Rehabpenning",
    "Försörjningsstöd",
    "Aktivitetsersättning",
    "Sjukersättning",
    "Etableringsersättning",
]
ANNAN_KOMMUN = "Annan kommun"
TILL_ARBETE = {"Osubventionerat arbete", "Subventionerat arbete"}
TILL_STUDIER = {"Studier"}


def kategorier(tabell: str, kommuner: list[str]) -> list[str]:
    return {
        Tabell.DELTAGARE: DELTAGARE,
        Tabell.KOMMUN: [*kommuner, ANNAN_KOMMUN],
        Tabell.FORSORJNING_IN: FORSORJNING_IN,
        Tabell.TID: TID,
        Tabell.AVSLUT: AVSLUT,
        Tabell.FORSORJNING_UT: FORSORJNING_UT,
    }[tabell]


@dataclass
class Rad:
    tabell: str
    kategori: str
    totalt: int = 0
    kvinnor: int = 0
    man: int = 0
    manader: int = 0


def _sum(rader: list[Rad], tabell: str, falt: str) -> int:
    return sum(getattr(r, falt) for r in rader if r.tabell == tabell)


def _get(rader: list[Rad], tabell: str, kategori: str) -> Rad:
    for r in rader:
        if r.tabell == tabell and r.kategori == kategori:
            return r
    return Rad(tabell, kategori)


def validera(rader: list[Rad]) -> list[str]:
    """Every rule the figures break, as Swedish sentences. Empty when they are consistent."""
    fel = []
    for r in rader:
        for falt in ("totalt", "kvinnor", "man", "manader"):
            if getattr(r, falt) < 0:
                fel.append(f"{Tabell(r.tabell).label}, {r.kategori}: antal kan inte vara negativt.")
        if r.kvinnor + r.man > r.totalt:
            fel.append(
                f"{Tabell(r.tabell).label}, {r.kategori}: kvinnor ({r.kvinnor}) och män ({r.man}) "
                f"är fler än totalt ({r.totalt})."
            )
    aktiva = _get(rader, Tabell.DELTAGARE, "Aktiva")
    nya = _get(rader, Tabell.DELTAGARE, "Nya")
    avslutade = _get(rader, Tabell.DELTAGARE, "Avslutade")
    for del_, namn in ((nya, "Nya"), (avslutade, "Avslutade")):
        if del_.totalt > aktiva.totalt:
            fel.append(
                f"{namn} deltagare ({del_.totalt}) kan inte vara fler än aktiva ({aktiva.totalt})."
            )
    for falt, namn in (("totalt", "totalt"), ("kvinnor", "kvinnor"), ("man", "män")):
        summa = _sum(rader, Tabell.KOMMUN, falt)
        if summa != getattr(aktiva, falt):
            fel.append(
                f"Deltagare per kommun ({namn}) summerar till {summa}, men aktiva deltagare är "
                f"{getattr(aktiva, falt)}."
            )
    summa = _sum(rader, Tabell.TID, "totalt")
    if summa != nya.totalt:
        fel.append(
            f"Tid i offentlig försörjning summerar till {summa}, men nya deltagare är {nya.totalt}."
        )
    summa = _sum(rader, Tabell.AVSLUT, "totalt")
    if summa != avslutade.totalt:
        fel.append(
            f"Avslutsanledningarna summerar till {summa}, men avslutade deltagare är {avslutade.totalt}."
        )
    for r in rader:
        if r.tabell == Tabell.FORSORJNING_IN and r.totalt > nya.totalt:
            fel.append(
                f"Försörjning vid inskrivning, {r.kategori}: fler ({r.totalt}) än nya deltagare ({nya.totalt})."
            )
        if r.tabell == Tabell.FORSORJNING_UT and r.totalt > avslutade.totalt:
            fel.append(
                f"Försörjning vid avslut, {r.kategori}: fler ({r.totalt}) än avslutade deltagare ({avslutade.totalt})."
            )
        if r.tabell != Tabell.AVSLUT and r.manader:
            fel.append(
                f"{Tabell(r.tabell).label}, {r.kategori}: månader anges bara för avslutsanledningar."
            )
    return fel
