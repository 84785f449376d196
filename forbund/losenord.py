"""Swedish common passwords (issue 18: `Sommar2026` passed Django's English list).

Django's CommonPasswordValidator stays; this adds the Swedish words people build passwords
from, checked the way they are built: a word, perhaps in leetspeak, with digits or signs
around it (`Sommar2026`, `Hejsan123!`, `L0s3n0rd`).

Source and licence: the word list below is compiled for this project (no published Swedish
password list has a licence that lets us copy it), from the patterns that password studies
of Swedish users report — seasons, months, weekdays, greetings, the word lösenord itself,
common first names, pets, football and hockey clubs, Swedish towns, keyboard rows — and it is
under the project's own licence. Extend it by adding words (lower case, å/ä/ö as typed).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

ORD = frozenset(
    [
        "sommar",
        "vinter",
        "host",
        "var",
        "varen",
        "hosten",
        "sommaren",
        "vintern",
        "midsommar",
        "jul",
        "julafton",
        "nyar",
        "pask",
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
        "mandag",
        "tisdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lordag",
        "sondag",
        "hej",
        "hejsan",
        "hejhej",
        "tjena",
        "tjenare",
        "hallo",
        "halla",
        "godmorgon",
        "valkommen",
        "tack",
        "losenord",
        "losen",
        "losenordet",
        "hemligt",
        "hemlig",
        "hemlis",
        "nyckel",
        "inloggning",
        "anvandare",
        "sverige",
        "svensk",
        "svenska",
        "stockholm",
        "goteborg",
        "malmo",
        "uppsala",
        "sundsvall",
        "umea",
        "lulea",
        "kiruna",
        "ostersund",
        "harnosand",
        "timra",
        "ange",
        "kramfors",
        "solleftea",
        "vasteras",
        "orebro",
        "linkoping",
        "norrland",
        "kalle",
        "anna",
        "erik",
        "lisa",
        "johan",
        "maria",
        "lars",
        "karin",
        "per",
        "eva",
        "nils",
        "sara",
        "emma",
        "elsa",
        "alice",
        "maja",
        "oscar",
        "lucas",
        "william",
        "hugo",
        "liam",
        "astrid",
        "ingrid",
        "olle",
        "pelle",
        "sven",
        "gunnar",
        "britt",
        "katt",
        "kissa",
        "kisse",
        "hund",
        "hunden",
        "vovve",
        "hasten",
        "hast",
        "bamse",
        "pippi",
        "nalle",
        "aik",
        "djurgarden",
        "hammarby",
        "ifk",
        "ifkgoteborg",
        "malmoff",
        "gif",
        "gifsundsvall",
        "timraik",
        "modo",
        "brynas",
        "frolunda",
        "farjestad",
        "skelleftea",
        "leksand",
        "lulea",
        "hockey",
        "fotboll",
        "kanelbulle",
        "fika",
        "semla",
        "sol",
        "solen",
        "blomma",
        "karlek",
        "alskling",
        "alskar",
        "mamma",
        "pappa",
        "familj",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "qwerty",
        "asdf",
        "qwertz",
        "abc123",
        "forbund",
        "forbundet",
        "samordning",
        "finsam",
        "kommun",
        "regionen",
        "region",
        "styrelsen",
        "kansli",
        "portal",
        "portalen",
    ]
)

# What people put in place of letters, and what å/ä/ö become when typed without them.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s"})
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def _karna(losenord: str) -> str:
    """The letters a password is built on: lower case, å/ä/ö folded, leetspeak read back,
    digits and signs around the word dropped."""
    text = losenord.casefold().translate(_FOLD)
    text = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)  # digits and signs around the word
    return re.sub(r"[\W_]+", "", text.translate(_LEET))


class SvenskaVanligaLosenordValidator:
    def validate(self, password: str, user=None) -> None:
        karna = _karna(password)
        if karna in ORD or password.casefold().translate(_FOLD) in ORD:
            raise ValidationError(
                "Lösenordet är för vanligt: det bygger på ett vanligt svenskt ord eller namn "
                "med siffror eller tecken till. Välj hellre en lång fras av flera ord.",
                code="password_too_common",
            )

    def get_help_text(self) -> str:
        return "Lösenordet får inte vara ett vanligt svenskt ord med siffror till (Sommar2026)."
