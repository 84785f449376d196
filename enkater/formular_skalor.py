"""The answer alternatives of each question type, as printed on the NNS forms, plus the
background questions of the self-rating (age band, försörjning at inskrivning)."""

from .formular_data import KON, SKALA_FREKVENS, SKALA_INSTAMMER

JA_NEJ = ["Ja", "Nej"]
ALDER = ["Under 25 år", "25–34 år", "35–44 år", "45–54 år", "55 år eller äldre"]
# As SUS and the delårsrapporter count försörjning at inskrivning (seed 004).
FORSORJNING = [
    "Försörjningsstöd",
    "Aktivitetsersättning eller sjukersättning",
    "Sjukpenning eller rehabiliteringspenning",
    "Aktivitetsstöd eller arbetslöshetsersättning",
    "Ingen ersättning",
    "Annan försörjning",
]

ALTERNATIV = {
    "skala_instammer": SKALA_INSTAMMER,
    "skala_frekvens": SKALA_FREKVENS,
    "kon": KON,
    "ja_nej": JA_NEJ,
    "alder": ALDER,
    "forsorjning": FORSORJNING,
}
