"""The demo förbund: Samordningsförbundet Sundsvall as in seed 003, with invented people.

Organisations, amounts and texts come from the seeds (public records); every person is made
up, and e-mail addresses use the reserved domain example.org. Loading is idempotent: a
database that already holds the förbund is left as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from forbund import services
from forbund.models import Forbund, Organ, Part, Roll

DEMO_PASSWORD = "demo-sundsvall-2022"

ANDAMAL = (
    "Förbundet har till ändamål att inom Sundsvalls kommun svara för finansiell samordning "
    "inom rehabiliteringsområdet mellan förbundsmedlemmarna enligt lagen (2003:1210) om "
    "finansiell samordning av rehabiliteringsinsatser, så att individer i behov av samordnade "
    "rehabiliteringsinsatser uppnår eller förbättrar sin förmåga att utföra förvärvsarbete."
)

MANDAT_1 = (dt.date(2019, 1, 1), dt.date(2022, 12, 31))
MANDAT_2 = (dt.date(2023, 1, 1), dt.date(2026, 12, 31))


def mandatperioder(idag: dt.date | None = None) -> list[tuple[dt.date, dt.date]]:
    """Four-year mandates from 2019, up to the one that runs a year from today: the demo's
    board sits whatever year `make run` runs in (the next meeting may be in January)."""
    slut = (idag or timezone.localdate()) + dt.timedelta(days=366)
    perioder = []
    start = 2019
    while dt.date(start, 1, 1) <= slut:
        perioder.append((dt.date(start, 1, 1), dt.date(start + 3, 12, 31)))
        start += 4
    return perioder


@dataclass(frozen=True)
class DemoPerson:
    fornamn: str
    efternamn: str
    titel: str
    login: str | None
    roll: Roll
    organ: str | None = None
    part: str | None = None
    start: dt.date | None = None  # a post in the kansli: from this date, no end


# Invented people. The styrelse: one ordinarie ledamot and one ersättare per part.
PERSONER = [
    DemoPerson(
        "Karin",
        "Ödmark",
        "Regionråd",
        "ordforande",
        Roll.ORDFORANDE,
        "Styrelsen",
        "Region Västernorrland",
    ),
    DemoPerson(
        "Leif",
        "Stenholm",
        "Regionpolitiker",
        None,
        Roll.ERSATTARE,
        "Styrelsen",
        "Region Västernorrland",
    ),
    DemoPerson(
        "Johan",
        "Bergvik",
        "Kommunalråd",
        None,
        Roll.VICE_ORDFORANDE,
        "Styrelsen",
        "Sundsvalls kommun",
    ),
    DemoPerson(
        "Tove",
        "Ringblad",
        "Kommunpolitiker",
        "ersattare",
        Roll.ERSATTARE,
        "Styrelsen",
        "Sundsvalls kommun",
    ),
    DemoPerson(
        "Fredrika",
        "Alnö",
        "Verksamhetsområdeschef",
        "ledamot",
        Roll.LEDAMOT,
        "Styrelsen",
        "Försäkringskassan",
    ),
    DemoPerson(
        "Lisa", "Kvarnström", "Enhetschef", None, Roll.ERSATTARE, "Styrelsen", "Försäkringskassan"
    ),
    # Justerare of the January 2022 protocol: a justerare needs a login (issue 14).
    DemoPerson(
        "Petter",
        "Skönvik",
        "Sektionschef",
        "ledamot2",
        Roll.LEDAMOT,
        "Styrelsen",
        "Arbetsförmedlingen",
    ),
    DemoPerson(
        "Maja", "Hovid", "Enhetschef", None, Roll.ERSATTARE, "Styrelsen", "Arbetsförmedlingen"
    ),
    DemoPerson(
        "Eva",
        "Sidsjö",
        "Förbundschef, verkställande tjänsteman och sekreterare",
        "forbundschef",
        Roll.FORBUNDSCHEF,
        start=dt.date(2016, 3, 1),
    ),
    DemoPerson(
        "Oskar",
        "Granlo",
        "Utvecklingsledare",
        "utvecklingsledare",
        Roll.UTVECKLINGSLEDARE,
        start=dt.date(2019, 8, 15),
    ),
    DemoPerson(
        "Gunnel",
        "Matfors",
        "Förtroendevald revisor",
        "revisor",
        Roll.REVISOR,
        part="Sundsvalls kommun",
    ),
    DemoPerson(
        "Sara",
        "Nolby",
        "SIP-samordnare, Arbetsmarknadstorget",
        "insatspersonal",
        Roll.INSATSPERSONAL,
        start=dt.date(2022, 1, 1),
    ),
    # Samverkansrådet: the parter's officials.
    DemoPerson(
        "Anders",
        "Haga",
        "Avdelningschef IAF",
        None,
        Roll.LEDAMOT,
        "Samverkansrådet",
        "Sundsvalls kommun",
    ),
    DemoPerson(
        "Birgitta",
        "Stöde",
        "Verksamhetschef psykiatri",
        None,
        Roll.LEDAMOT,
        "Samverkansrådet",
        "Region Västernorrland",
    ),
    DemoPerson(
        "Camilla",
        "Indal",
        "Samverkansansvarig",
        None,
        Roll.LEDAMOT,
        "Samverkansrådet",
        "Försäkringskassan",
    ),
    DemoPerson(
        "David",
        "Liden",
        "Samverkansansvarig",
        None,
        Roll.LEDAMOT,
        "Samverkansrådet",
        "Arbetsförmedlingen",
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    roll: str
    username: str
    namn: str


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin(p.roll.label, p.login, f"{p.fornamn} {p.efternamn}") for p in PERSONER if p.login
    ]


@transaction.atomic
def load_demo() -> bool:
    """Create the demo förbund. Returns False if the database already has a förbund."""
    if Forbund.objects.exists():
        return False
    User = get_user_model()
    forbund = Forbund.objects.create(
        namn="Samordningsförbundet Sundsvall",
        organisationsnummer="222000-1001",
        sate="Sundsvall",
        andamal=ANDAMAL,
        adress="Kommunhuset rum 612, Sundsvall",
        webbplats="http://www.samordningsforbundet.se",
        epost="kansli@example.org",
    )
    parter = {
        namn: Part.objects.create(
            forbund=forbund, namn=namn, typ=typ, folkmangd=folk, kommunandel=andel, ordning=i
        )
        for i, (namn, typ, folk, andel) in enumerate(
            [
                ("Försäkringskassan", Part.Typ.FORSAKRINGSKASSAN, None, None),
                ("Arbetsförmedlingen", Part.Typ.ARBETSFORMEDLINGEN, None, None),
                ("Region Västernorrland", Part.Typ.REGION, None, None),
                ("Sundsvalls kommun", Part.Typ.KOMMUN, 99_000, Decimal(1)),
            ]
        )
    }
    organ = {
        namn: Organ.objects.create(forbund=forbund, namn=namn, typ=typ)
        for namn, typ in [
            ("Styrelsen", Organ.Typ.STYRELSE),
            ("Samverkansrådet", Organ.Typ.SAMVERKANSRAD),
        ]
    }
    for p in PERSONER:
        user = None
        if p.login:
            user = User.objects.create_user(
                username=p.login,
                password=DEMO_PASSWORD,
                email=f"{p.login}@example.org",
                first_name=p.fornamn,
                last_name=p.efternamn,
            )
        person = services.person_create(
            actor=None,
            fornamn=p.fornamn,
            efternamn=p.efternamn,
            titel=p.titel,
            epost=f"{p.login or slugify(p.fornamn + '.' + p.efternamn)}@example.org",
        )
        if user:
            services.person_update(person=person, actor=None, user=user)
        perioder = [(p.start, None)] if p.start else mandatperioder()
        if p.roll == Roll.REVISOR:
            perioder = [m for m in mandatperioder() if m[0] >= MANDAT_2[0]]
        for start, slut in perioder:
            services.uppdrag_create(
                actor=None,
                person=person,
                roll=p.roll,
                organ=organ.get(p.organ) if p.organ else None,
                part=parter.get(p.part) if p.part else None,
                startdatum=start,
                slutdatum=slut,
            )
    return True
