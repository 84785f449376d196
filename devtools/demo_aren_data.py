"""What the demo förbund's years from 2022 are made of: the insatser and their grants, the
budget lines, the medelstilldelning, the board's meeting schedule and the texts. Invented
(in the style of seeds 003 and 004); the amounts of 2022 and SIP 2023 are § 161–167's."""

from __future__ import annotations

from dataclasses import dataclass

from ekonomi.models import Grupp

FORSTA_AR = 2022  # the first year generated; 2021 and § 161–168 are the seeds' history

# The state's medelstilldelning (Försäkringskassan with Arbetsförmedlingen); the region and the
# kommun pay a quarter each (ekonomi.services.medelstilldelning_fordelning).
STATENS_MEDEL_2022 = 3_689_000


def statens_medel(ar: int) -> int:
    """2022 as 2021 (seed 003); from 2023 a hundred thousand more a year."""
    return STATENS_MEDEL_2022 if ar <= FORSTA_AR else 3_700_000 + 100_000 * (ar - FORSTA_AR)


@dataclass(frozen=True)
class Insatsplan:
    """An insats's grants year by year (kr, before rounding), decided each autumn for the
    next year. `fran`..`till` (None: it goes on) are the years it is granted money; years
    below `egna_fran` were decided in the seed's § 161–167 and are not generated."""

    namn: str
    konto: int
    fran: int
    till: int | None
    bas: int  # the amount of the first generated year
    egna_fran: int = FORSTA_AR + 1
    typ: str = "individinriktad"
    huvudman: str = "Sundsvalls kommun"
    utforare: str = "Individ och arbetsmarknadsförvaltningen, Sundsvalls kommun"
    malgrupp: str = ""
    beskrivning: str = ""
    personal: str = ""  # who works in it, for the follow-up notes

    def belopp(self, ar: int) -> int:
        """Three per cent a year, in whole thousands."""
        return int(round(self.bas * 1.03 ** (ar - self.egna_fran), -3))

    def beviljas(self, ar: int) -> bool:
        return ar >= self.egna_fran and ar >= self.fran and (self.till is None or ar <= self.till)

    def aktiv(self, ar: int) -> bool:
        return ar >= self.fran and (self.till is None or ar <= self.till)


INSATSPLANER = [
    Insatsplan(
        "SIP-samordnare Arbetsmarknadstorget",
        4030,
        2022,
        None,
        680_000,
        egna_fran=2024,
        personal="SIP-samordnaren",
    ),
    Insatsplan(
        "Arbetsterapeut Arbetsmarknadstorget",
        4120,
        2022,
        2024,
        628_000,
        personal="Arbetsterapeuten",
    ),
    Insatsplan(
        "Försäkringsutredare Arbetsmarknadstorget",
        4010,
        2022,
        None,
        170_000,
        huvudman="Försäkringskassan",
        utforare="Försäkringskassan",
        personal="Försäkringsutredaren",
    ),
    Insatsplan(
        "Arbetskonsulent förrehabiliterande insatser Arbetsmarknadstorget",
        4150,
        2022,
        None,
        636_000,
        personal="Arbetskonsulenten",
    ),
    Insatsplan(
        "Arbetskonsulent aktivitetsersättning Arbetsmarknadstorget",
        4160,
        2022,
        None,
        703_000,
        personal="Arbetskonsulenten",
    ),
    Insatsplan(
        "Arbetsförmedlare Arbetsmarknadstorget",
        4020,
        2022,
        None,
        1_130_000,
        huvudman="Arbetsförmedlingen",
        utforare="Arbetsförmedlingen",
        personal="Arbetsförmedlarna",
    ),
    Insatsplan("Psykolog Arbetsmarknadstorget", 4050, 2022, None, 920_000, personal="Psykologen"),
    # Not in § 161–167; granted 2022 in February from the year's "nya insatser".
    Insatsplan("Rehabvägledare", 4060, 2022, None, 610_000, personal="Rehabvägledarna"),
    Insatsplan(
        "Förstudie unga vuxna i Sundsvall",
        4170,
        2025,
        2025,
        250_000,
        egna_fran=2025,
        typ="forstudie",
        huvudman="Region Västernorrland",
        utforare="Region Västernorrland, vuxenpsykiatrin",
        malgrupp="Unga vuxna 19–29 år med aktivitetsersättning eller försörjningsstöd",
        beskrivning=(
            "Förstudien kartlägger hur unga vuxna med aktivitetsersättning eller "
            "försörjningsstöd möter parterna, och vilka samordnade insatser som saknas."
        ),
        personal="Projektledaren",
    ),
    Insatsplan(
        "Arbetsgivarnätverket Sundsvall",
        4180,
        2026,
        None,
        400_000,
        egna_fran=2026,
        typ="strukturinriktad",
        utforare="Näringslivsenheten, Sundsvalls kommun",
        malgrupp="Arbetsgivare i Sundsvall som tar emot personer från parternas insatser",
        beskrivning=(
            "Ett nätverk av arbetsgivare som tar emot deltagare för arbetsträning och "
            "anställning, med en samordnare som matchar deltagare och arbetsplatser."
        ),
        personal="Nätverkssamordnaren",
    ),
]

# The application on the coming meeting's dagordning (a new insats, applying for the year
# the meeting plans for).
NY_ANSOKAN = Insatsplan(
    "Sociala företag i Sundsvall – förstudie",
    4185,
    0,
    None,
    300_000,
    typ="forstudie",
    utforare="Arbetsmarknadsenheten, Sundsvalls kommun",
    malgrupp="Personer långt från arbetsmarknaden som kan arbeta i ett socialt företag",
    beskrivning=(
        "Förstudien undersöker om arbetsintegrerande sociala företag kan ta emot deltagare "
        "från Arbetsmarknadstorget, och vad parterna behöver göra för att det ska bli möjligt."
    ),
)

# The budget's own lines beside the insatser, reused from 2021 (seed 003's kontoplan):
# account -> (the 2022 amount, how the cost falls over the year). "manad": twelve equal
# parts; a tuple: those months. Income inside a cost group (ränteintäkter) is booked in
# December.
EGNA_POSTER = {
    7010: (100_000, (3, 6, 9, 12)),  # styrelsearvoden, quarterly
    6071: (5_000, (12,)),  # extern representation
    5460: (2_000, (2, 8)),  # förbrukningsmaterial
    6110: (3_000, (2, 8)),  # kontorsmaterial
    6211: (3_000, "manad"),  # fast telefoni
    6212: (3_000, "manad"),  # mobiltelefon
    6250: (2_000, (2, 8)),  # porto
    6530: (75_000, "manad"),  # redovisningstjänster
    6540: (25_000, "manad"),  # IT-tjänster
    6550: (780_000, "manad"),  # konsulter (förbundschefen)
    6590: (40_000, (6, 11)),  # övriga främmande tjänster
    7610: (60_000, (4, 10)),  # utbildning, konferens, resor
    8490: (1_000, (12,)),  # övriga finansiella kostnader
    8310: (0, (12,)),  # ränteintäkter (an income)
    4070: (790_000, "manad"),  # utvecklingsledare
    4080: (50_000, (5,)),  # insatskatalogen
    4090: (45_000, (10,)),  # psykeveckan
    4100: (180_000, (3, 10)),  # kompetensutveckling, gemensamma utbildningar
}
RANTEINTAKTER = 8310
NYA_INSATSER = (Grupp.INSATSER, "Nya insatser under året", 4190)

# Balance accounts of the generated books (not utfall): the bank, and the grants booked as a
# cost of their year but paid after it (upplupna kostnader).
BANK = 1930
UPPLUPET = 2990

KONTONAMN = {
    BANK: "Bank",
    UPPLUPET: "Övriga upplupna kostnader",
    3010: "Medel från Försäkringskassan/Arbetsförmedlingen",
    3020: "Medel från Sundsvalls kommun",
    3030: "Medel från Region Västernorrland",
}

# The board's meetings: (month, day) aimed at, moved to a Friday that is a weekday. The
# agenda items below fall to the first meeting on or after their date.
MOTESPLAN = [(2, 17), (3, 24), (6, 2), (9, 22), (10, 20), (11, 17)]
PLATSER = [
    "Kommunhuset, sammanträdesrum 612, Sundsvall",
    "Arbetsmarknadstorget, Skolhusallén 9, Sundsvall, Röda konferensrummet",
    "Kommunhuset, sammanträdesrum 612, Sundsvall, och via Teams",
]

# When the board's year items are due: (month, day) of their earliest meeting.
ARSRAPPORTER_FRAN = (2, 1)  # the insatser's annual reports of the year before
ARSREDOVISNING_FRAN = (2, 10)  # the förbund's årsredovisning of the year before
VARPROGNOS_FRAN = (5, 15)  # the budget follow-up after April, with a first prognos
DELARSRAPPORT_FRAN = (9, 15)  # delårsrapport January–August
BEVILJNINGAR_FRAN = (10, 1)  # grants for next year
BUDGET_FRAN = (11, 1)  # budget and verksamhetsplan for next year, with plan years

INFORMATION = [
    (
        "Förbundschefen informerar",
        "Förbundschefen informerar om arbetet i parternas chefsgrupp, om nationella nätverket "
        "för samordningsförbund och om kommande utbildningar.",
    ),
    (
        "Uppföljning av insatserna",
        "Utvecklingsledaren redovisar höstens uppföljningsmöten med insatserna: inflödet av "
        "deltagare är stabilt och samtliga insatser registrerar i SUS.",
    ),
    (
        "Indikatorer för finansiell samordning",
        "Kansliet redovisar svarsfrekvensen i årets indikatorenkäter till deltagare, personal "
        "och styrelse.",
    ),
]

ARSREDOVISNING_TEXTER = {
    "om_forbundet": (
        "Förbundet arbetar för att personer i behov av samordnade rehabiliteringsinsatser ska "
        "få ett sammanhållet stöd från parterna. Arbetsmarknadstorget är förbundets största "
        "satsning: parternas medarbetare arbetar tillsammans på samma plats."
    ),
    "styrelsen": (
        "Styrelsen har sammanträtt regelbundet under året, följt upp insatserna och "
        "ekonomin vid varje möte och beslutat om finansiering av insatserna för nästa år."
    ),
    "insatser": (
        "Statistiken nedan kommer från SUS och är genererad för demon. Insatserna vid "
        "Arbetsmarknadstorget har haft ett stabilt inflöde av deltagare."
    ),
    "arrangemang": (
        "Förbundet har fortsatt att sprida det lösningsfokuserade arbetssättet och samlat "
        "parternas medarbetare under Psykeveckan."
    ),
    "planerat": (
        "- Uppföljning av insatserna med parternas chefsgrupp\n"
        "- Indikatorenkäter till deltagare, personal och styrelse under hösten"
    ),
    "ekonomi": "",
}

ARSRAPPORT_TEXTER = {
    "verksamhet": (
        "Insatsen har under året arbetat enligt ansökan, med deltagare från samtliga parter."
    ),
    "resultat": (
        "Målen för året är i huvudsak uppnådda. Antalet avslut till arbete eller studier "
        "redovisas i SUS-statistiken."
    ),
    "framat": "Insatsen fortsätter att utveckla samarbetet med parternas handläggare.",
}
