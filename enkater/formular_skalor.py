"""The answer alternatives of each question type, as printed on the NNS forms."""

from .formular_data import KON, SKALA_FREKVENS, SKALA_INSTAMMER

JA_NEJ = ["Ja", "Nej"]

ALTERNATIV = {
    "skala_instammer": SKALA_INSTAMMER,
    "skala_frekvens": SKALA_FREKVENS,
    "kon": KON,
    "ja_nej": JA_NEJ,
}
