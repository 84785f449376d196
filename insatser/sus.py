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


def _get(rader: list[Rad], tabell: str, kategori: str) -> Rad:
    for r in rader:
        if r.tabell == tabell and r.kategori == kategori:
            return r
    return Rad(tabell, kategori)


KOLUMNER = {"totalt": "totalt", "kvinnor": "kvinnor", "man": "män", "manader": "månader"}
INGEN = "Ingen offentlig försörjning"


@dataclass(frozen=True)
class Regel:
    """A rule between the tables, stated beside the fields it governs.

    `lika`: the rows of `tabell` in column `falt` add up to the target. `hogst`: each row of
    `tabell` (or only the row `kategori`) is at most the target. The target is `konstant`
    plus the terms (sign, tabell, kategori), read in the same column; `som` says it in words.
    """

    typ: str
    tabell: str
    falt: str
    mal: tuple[tuple[int, str, str], ...]
    som: str
    kategori: str | None = None
    konstant: int = 0

    def malvarde(self, rader: list[Rad]) -> int:
        return self.konstant + sum(
            tecken * getattr(_get(rader, tabell, kategori), self.falt)
            for tecken, tabell, kategori in self.mal
        )

    def summa(self, rader: list[Rad]) -> int:
        return sum(getattr(r, self.falt) for r in rader if r.tabell == self.tabell)


@dataclass(frozen=True)
class Ingang:
    """Those active when a period starts: SUS carries them over from the period before it
    (aktiva there minus avslutade there)."""

    totalt: int
    kvinnor: int
    man: int
    fran: str  # the period they come from, "2022-01-01–2022-04-30"


AKTIVA = (1, Tabell.DELTAGARE, "Aktiva")
NYA = (1, Tabell.DELTAGARE, "Nya")
AVSLUTADE = (1, Tabell.DELTAGARE, "Avslutade")


def regler(ingang: Ingang | None = None) -> list[Regel]:
    """Every rule between the tables, in the order the form shows them."""
    result = []
    if ingang is not None:
        result.append(
            Regel(
                "lika",
                Tabell.DELTAGARE,
                "totalt",
                (NYA,),
                f"de {ingang.totalt} som var aktiva när perioden började och de nya",
                kategori="Aktiva",
                konstant=ingang.totalt,
            )
        )
    result += [
        Regel("hogst", Tabell.DELTAGARE, "totalt", (AKTIVA,), "som aktiva", kategori="Nya"),
        Regel("hogst", Tabell.DELTAGARE, "totalt", (AKTIVA,), "som aktiva", kategori="Avslutade"),
        *(
            Regel("lika", Tabell.KOMMUN, falt, (AKTIVA,), "som aktiva deltagare")
            for falt in ("totalt", "kvinnor", "man")
        ),
        Regel(
            "hogst",
            Tabell.FORSORJNING_IN,
            "totalt",
            (NYA,),
            "som nya deltagare (en person kan ha flera slags försörjning)",
        ),
        Regel(
            "lika",
            Tabell.TID,
            "totalt",
            (NYA, (-1, Tabell.FORSORJNING_IN, INGEN)),
            "som nya deltagare utom de med ingen offentlig försörjning",
        ),
        Regel("lika", Tabell.AVSLUT, "totalt", (AVSLUTADE,), "som avslutade deltagare"),
        Regel("hogst", Tabell.FORSORJNING_UT, "totalt", (AVSLUTADE,), "som avslutade deltagare"),
    ]
    return result


@dataclass(frozen=True)
class Regelfel:
    """A broken rule and the fields it concerns: the rows `kategorier` of `tabell` (all of
    them when empty) in the columns `falt`."""

    text: str
    tabell: str
    falt: tuple[str, ...]
    kategorier: tuple[str, ...] = ()


def _regelfel(regel: Regel, rader: list[Rad], ingang: Ingang | None) -> list[Regelfel]:
    mal = regel.malvarde(rader)
    kolumn = KOLUMNER[regel.falt]
    if regel.typ == "hogst":
        kandidater = (
            [_get(rader, regel.tabell, regel.kategori)]
            if regel.kategori
            else [r for r in rader if r.tabell == regel.tabell]
        )
        fel = []
        for r in kandidater:
            varde = getattr(r, regel.falt)
            if varde <= mal:
                continue
            if regel.tabell == Tabell.DELTAGARE:
                text = f"{r.kategori} deltagare ({varde}) kan inte vara fler än aktiva ({mal})."
            elif regel.tabell == Tabell.FORSORJNING_IN:
                text = (
                    f"Försörjning vid inskrivning, {r.kategori}: fler ({varde}) än nya "
                    f"deltagare ({mal})."
                )
            else:
                text = (
                    f"Försörjning vid avslut, {r.kategori}: fler ({varde}) än avslutade "
                    f"deltagare ({mal})."
                )
            fel.append(Regelfel(text, regel.tabell, (regel.falt,), (r.kategori,)))
        return fel
    summa = (
        getattr(_get(rader, regel.tabell, regel.kategori), regel.falt)
        if regel.kategori
        else regel.summa(rader)
    )
    if summa == mal:
        return []
    if regel.tabell == Tabell.KOMMUN:
        text = (
            f"Deltagare per kommun ({kolumn}) summerar till {summa}, men aktiva deltagare är {mal}."
        )
    elif regel.tabell == Tabell.TID:
        nya = _get(rader, Tabell.DELTAGARE, "Nya").totalt
        ingen = _get(rader, Tabell.FORSORJNING_IN, INGEN).totalt
        text = f"Tid i offentlig försörjning summerar till {summa}, men nya deltagare är {nya}"
        text += (
            f" och {ingen} av dem hade ingen offentlig försörjning: summan ska bli {mal}."
            if ingen
            else "."
        )
    elif regel.tabell == Tabell.AVSLUT:
        text = f"Avslutsanledningarna summerar till {summa}, men avslutade deltagare är {mal}."
    else:
        text = (
            f"Aktiva deltagare är {summa}, men {ingang.totalt} var aktiva när perioden började "
            f"(från perioden {ingang.fran}) och {mal - ingang.totalt} är nya: {mal}."
        )
    kategorier = (regel.kategori,) if regel.kategori else ()
    return [Regelfel(text, regel.tabell, (regel.falt,), kategorier)]


def radfel(rader: list[Rad]) -> list[Regelfel]:
    """The rules of each row on its own: no negative counts, kvinnor and män within totalt,
    months only for avslutsanledningar. A draft must keep these; the rules between the
    tables apply when it is sent in."""
    fel = []
    for r in rader:
        for falt in ("totalt", "kvinnor", "man", "manader"):
            if getattr(r, falt) < 0:
                fel.append(
                    Regelfel(
                        f"{Tabell(r.tabell).label}, {r.kategori}: antal kan inte vara negativt.",
                        r.tabell,
                        (falt,),
                        (r.kategori,),
                    )
                )
        if r.kvinnor + r.man > r.totalt:
            fel.append(
                Regelfel(
                    f"{Tabell(r.tabell).label}, {r.kategori}: kvinnor ({r.kvinnor}) och män "
                    f"({r.man}) är fler än totalt ({r.totalt}).",
                    r.tabell,
                    ("totalt", "kvinnor", "man"),
                    (r.kategori,),
                )
            )
        if r.tabell != Tabell.AVSLUT and r.manader:
            fel.append(
                Regelfel(
                    f"{Tabell(r.tabell).label}, {r.kategori}: månader anges bara för "
                    "avslutsanledningar.",
                    r.tabell,
                    ("manader",),
                    (r.kategori,),
                )
            )
    return fel


def regelfel(rader: list[Rad], ingang: Ingang | None = None) -> list[Regelfel]:
    """Every rule the figures break, each with the fields it concerns. Empty when they are
    consistent."""
    fel = radfel(rader)
    for regel in regler(ingang):
        fel += _regelfel(regel, rader, ingang)
    return fel


def validera(rader: list[Rad], ingang: Ingang | None = None) -> list[str]:
    """Every rule the figures break, as Swedish sentences. Empty when they are consistent."""
    return [f.text for f in regelfel(rader, ingang)]
