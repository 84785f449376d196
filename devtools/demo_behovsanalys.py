"""A generated sample for the demo förbund: Sundsvall, Västernorrlands län and riket,
2017–2023. Plausible in size and direction, invented in every figure: a fixed seed makes the
same file every time. The same generator wrote behovsanalys/data/behovsanalys_exempel.csv (a test compares them)."""

from __future__ import annotations

import random

from django.db import transaction

from behovsanalys.models import Behovsimport, Ersattning
from behovsanalys.rapport import EXEMPEL_ETIKETT
from behovsanalys.services import behovsanalys_import
from behovsanalys.tolka import KOLUMNER
from forbund.models import Forbund

ETIKETT = EXEMPEL_ETIKETT
FILNAMN = "behovsanalys_exempel.csv"
AR = list(range(2017, 2024))
FRO = 2281

# kod, namn, befolkning 20–64 år 2017 (kvinnor, män), nivå mot riket per ersättning
REGIONER = [
    ("2281", "Sundsvall", (28_300, 29_600), 1.06),
    ("22", "Västernorrlands län", (66_100, 70_400), 1.14),
    ("00", "Riket", (2_870_000, 2_990_000), 1.0),
]

# Riket 2017, per 1 000 invånare 20–64 år (kvinnor, män), and the yearly change.
NIVA = {
    Ersattning.SJUKPENNING: ((29.0, 15.0), 0.01),
    Ersattning.SJUK_OCH_AKTIVITETSERSATTNING: ((33.0, 25.0), -0.05),
    Ersattning.ARBETSLOSHETSERSATTNING: ((15.0, 18.0), 0.0),
    Ersattning.ARBETSMARKNADSATGARDER: ((17.0, 21.0), -0.02),
    Ersattning.EKONOMISKT_BISTAND: ((12.0, 14.0), -0.03),
    Ersattning.ETABLERINGSERSATTNING: ((5.0, 6.0), -0.18),
}
# The pandemic year: more sjukpenning and arbetslöshet in 2020–2021.
PANDEMI = {
    2020: {Ersattning.SJUKPENNING: 1.18, Ersattning.ARBETSLOSHETSERSATTNING: 1.35},
    2021: {Ersattning.SJUKPENNING: 1.08, Ersattning.ARBETSLOSHETSERSATTNING: 1.2},
}


def _komma(v: float) -> str:
    return f"{v:.1f}".replace(".", ",")


def rader(seed: int = FRO) -> list[list[str]]:
    """The sample as rows of text, the header first (KOLUMNER and a label column)."""
    rng = random.Random(seed)  # noqa: S311 - invented demo figures, not security
    ut = [[*KOLUMNER, "anmarkning"]]
    for ar in AR:
        for kod, namn, (bef_k, bef_m), faktor in REGIONER:
            vaxt = 1 + 0.004 * (ar - AR[0])
            befolkning = {"kvinnor": round(bef_k * vaxt), "män": round(bef_m * vaxt)}
            for ersattning, ((k, m), forandring) in NIVA.items():
                for kon, bas in (("kvinnor", k), ("män", m)):
                    takt = bas * faktor * (1 + forandring) ** (ar - AR[0])
                    takt *= PANDEMI.get(ar, {}).get(ersattning, 1.0)
                    takt *= rng.uniform(0.95, 1.05)
                    he = takt * befolkning[kon] / 1000
                    ut.append(
                        [
                            str(ar),
                            kod,
                            namn,
                            kon,
                            ersattning.label.lower(),
                            _komma(he),
                            str(befolkning[kon]),
                            ETIKETT,
                        ]
                    )
    return ut


def exempel_csv(seed: int = FRO) -> bytes:
    """Semicolons and decimal commas, UTF-8 with BOM: what Swedish Excel opens as it is."""
    text = "".join(";".join(rad) + "\r\n" for rad in rader(seed))
    return ("\ufeff" + text).encode("utf-8")


@transaction.atomic
def load() -> bool:
    """Import the sample through the same service as an uploaded file; nothing if the
    behovsanalys already has an import, or there is no förbund yet."""

    if Behovsimport.objects.exists() or not Forbund.objects.exists():
        return False
    behovsanalys_import(actor=None, data=exempel_csv(), filnamn=FILNAMN, kalla=ETIKETT)
    return True
