"""The answer alternatives of each question type, as printed on the NNS forms."""

SKALA_INSTAMMER = [
    "Inte alls",
    "Till liten del",
    "Delvis",
    "Till stor del",
    "Till mycket stor del",
    "Helt och hållet",
]
SKALA_FREKVENS = ["Aldrig", "Sällan", "Ibland", "Ofta", "För det mesta", "Alltid"]
KON = ["Kvinna", "Man", "Vill inte svara/inget svarsalternativ passar"]
JA_NEJ = ["Ja", "Nej"]

ALTERNATIV = {
    "skala_instammer": SKALA_INSTAMMER,
    "skala_frekvens": SKALA_FREKVENS,
    "kon": KON,
    "ja_nej": JA_NEJ,
}
