"""What is checked before the irreversible steps: numbering a protocol (its § numbers are
never given again) and justering it (after which nothing in it changes).

Each finding names what to fix, in Swedish, with a link to where it is fixed. `fel` refuse the
step; `varningar` may be confirmed by the one who takes it. The services call these and
refuse with `KontrollFel`; the pages show the same list before the button is pressed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.urls import reverse

from forbund.fel import Fel
from forbund.models import ORDINARIE_ROLLER, Person, Uppdrag

from .models import Handling, Justering, Mote, Narvaro, Paragraf, Protokoll, Standardpunkt

TJANSTGORANDE = (Narvaro.Kategori.ORDINARIE, Narvaro.Kategori.TJANSTGORANDE)
# What the standard item "Val av justerare" says until someone writes who was chosen.
MALLTEXT = ("…", "...")


@dataclass(frozen=True)
class Brist:
    text: str
    href: str = ""
    lanktext: str = ""


@dataclass
class Kontroll:
    fel: list[Brist] = field(default_factory=list)
    varningar: list[Brist] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.fel


class KontrollFel(Fel):
    """The step was refused: `kontroll.fel`, or warnings nobody has confirmed yet."""

    def __init__(self, kontroll: Kontroll):
        self.kontroll = kontroll
        brister = kontroll.fel or kontroll.varningar
        super().__init__([b.text for b in brister])


def _namn(p: Paragraf) -> str:
    return f"§ {p.nummer} {p.rubrik}" if p.nummer else f"Paragrafen ”{p.rubrik}”"


def _narvaro_lank(protokoll: Protokoll) -> dict:
    return {"href": reverse("narvaro_edit", args=[protokoll.pk]), "lanktext": "Ändra närvaron"}


def ledamotsplatser(mote: Mote) -> int:
    """How many ordinarie ledamöter the organ has on the meeting day (the quorum's base)."""
    return (
        Uppdrag.objects.aktiva(mote.datum)
        .filter(organ_id=mote.organ_id, roll__in=ORDINARIE_ROLLER)
        .count()
    )


def _tjanstgor(narvaro: list[Narvaro], person: Person) -> Narvaro | None:
    """The person's row in the närvaro (by person, else by name), if there is one."""
    for n in narvaro:
        if n.person_id == person.pk:
            return n
    return next((n for n in narvaro if n.person_id is None and n.namn == person.namn), None)


def _innehall(protokoll: Protokoll, justerar: list[tuple[Person, str]], idag: dt.date, steg: str):
    """The checks of both steps: närvaro, quorum, the justerare present and serving, the
    template text of "Val av justerare", the meeting's date."""
    mote = protokoll.mote
    kontroll = Kontroll()
    narvaro = list(protokoll.narvaro.all())
    if idag < mote.datum:
        kontroll.fel.append(
            Brist(
                f"Sammanträdet är {mote.datum.isoformat()}: protokollet kan {steg} först när "
                "mötet har hållits. Är datumet fel, ändra mötet.",
                reverse("mote_edit", args=[mote.pk]),
                "Ändra mötet",
            )
        )
    if not narvaro:
        kontroll.fel.append(
            Brist(
                "Ingen närvaro är registrerad: protokollet ska visa vilka som var där.",
                **_narvaro_lank(protokoll),
            )
        )
    else:
        _narvaro_och_beslutsforhet(kontroll, protokoll, narvaro, justerar)
    _val_av_justerare(kontroll, protokoll, justerar)
    return kontroll


def _narvaro_och_beslutsforhet(
    kontroll: Kontroll, protokoll: Protokoll, narvaro: list[Narvaro], justerar
) -> None:
    mote = protokoll.mote
    platser = ledamotsplatser(mote)
    tjanstgorande = sum(1 for n in narvaro if n.kategori in TJANSTGORANDE)
    if platser and 2 * tjanstgorande <= platser:
        kontroll.fel.append(
            Brist(
                f"{mote.organ.namn} var inte beslutsför: {tjanstgorande} av {platser} ledamöter var "
                "närvarande och tjänstgörande, och det krävs fler än hälften. Stämmer inte "
                "närvaron, rätta den (en ersättare som tjänstgör för en frånvarande ledamot "
                "räknas).",
                **_narvaro_lank(protokoll),
            )
        )
    elif not platser:
        kontroll.fel.append(
            Brist(
                f"{mote.organ.namn} har inga ordinarie ledamöter registrerade "
                f"{mote.datum.isoformat()}, så det går inte att se om mötet var beslutsfört.",
                reverse("organ_detail", args=[mote.organ_id]),
                f"Se {mote.organ.namn.lower()}s ledamöter",
            )
        )
    for person, roll in justerar:
        rad = _tjanstgor(narvaro, person)
        if rad is None or rad.kategori not in TJANSTGORANDE:
            var = (
                "saknas i närvaron"
                if rad is None
                else f"står som ”{rad.get_kategori_display().lower()}”"
            )
            kontroll.fel.append(
                Brist(
                    f"{person.namn} ska justera som {roll} men {var}. Den som justerar ska ha "
                    "varit närvarande och tjänstgörande vid sammanträdet.",
                    **_narvaro_lank(protokoll),
                )
            )


def _val_av_justerare(kontroll: Kontroll, protokoll: Protokoll, justerar) -> None:
    for p in protokoll.paragrafer.all():
        if p.standard != Standardpunkt.JUSTERARE:
            continue
        texter = [p.text, p.rubrik, *(a.text for a in p.beslut.all())]
        if any(m in t for t in texter for m in MALLTEXT):
            kontroll.fel.append(
                Brist(
                    f"{_namn(p)} har kvar mallens text (”utse … att jämte ordföranden justera "
                    "dagens protokoll”): skriv in vem som valdes.",
                    reverse("paragraf_edit", args=[p.pk]),
                    "Redigera paragrafen",
                )
            )
        else:
            hela = " ".join(texter)
            for person, roll in justerar:
                if roll == "justerare" and person.namn not in hela:
                    kontroll.varningar.append(
                        Brist(
                            f"{_namn(p)} nämner inte {person.namn}, som är vald att justera.",
                            reverse("paragraf_edit", args=[p.pk]),
                            "Redigera paragrafen",
                        )
                    )


def for_numrering(
    protokoll: Protokoll, *, ordforande: Person, justerare: list[Person], idag: dt.date
) -> Kontroll:
    """Before numbering (protocol loaded with its närvaro and paragraphs: dokument.hamta)."""
    mote = protokoll.mote
    justerar = [(ordforande, "ordförande")] + [(p, "justerare") for p in justerare]
    kontroll = _innehall(protokoll, justerar, idag, "numreras")
    if mote.installt:
        kontroll.fel.insert(
            0,
            Brist(
                "Mötet är markerat som inställt och numreras inte.",
                reverse("mote_detail", args=[mote.pk]),
                "Till mötet",
            ),
        )
    for person, roll in justerar:
        if person.user_id is None or not person.user.is_active:
            kontroll.fel.append(
                Brist(
                    f"{person.namn} ({roll}) har ingen inloggning och kan därför inte justera "
                    "protokollet i portalen.",
                    reverse("konto_create", args=[person.pk]),
                    f"Skapa en inloggning för {person.namn}",
                )
            )
    tidigare = (
        Mote.objects.filter(
            organ_id=mote.organ_id,
            datum__year=mote.datum.year,
            installt=False,
            protokoll__typ=Protokoll.Typ.SAMMANTRADESPROTOKOLL,
            protokoll__status=Protokoll.Status.UTKAST,
        )
        .filter(datum__lt=mote.datum)
        .order_by("datum")
    )
    for t in tidigare:
        kontroll.fel.append(
            Brist(
                f"Sammanträdet {t.datum.isoformat()} är tidigare samma år och inte numrerat. "
                "Paragraferna numreras i mötenas ordning: numrera det först, eller markera det "
                "som inställt om det inte blev av.",
                reverse("mote_detail", args=[t.pk]),
                f"Till sammanträdet {t.datum.isoformat()}",
            )
        )
    bilagor = set(Handling.objects.filter(mote=mote).values_list("nummer", flat=True))
    for p in protokoll.paragrafer.all():
        if not p.text.strip() and not p.beslut.all():
            kontroll.varningar.append(
                Brist(
                    f"{_namn(p)} har varken text eller beslut.",
                    reverse("paragraf_edit", args=[p.pk]),
                    "Redigera paragrafen",
                )
            )
        saknas = sorted({int(n) for n in re.findall(r"\d+", p.bilagor)} - bilagor)
        if saknas:
            vilka = ", ".join(str(n) for n in saknas)
            kontroll.varningar.append(
                Brist(
                    f"{_namn(p)} hänvisar till bilaga {vilka}, som inte är uppladdad.",
                    reverse("handling_upload", args=[mote.pk]),
                    "Ladda upp en handling",
                )
            )
    return kontroll


def for_justering(protokoll: Protokoll, *, idag: dt.date) -> Kontroll:
    """Before a justering (the whole protocol, or one paragraph omedelbart): the named
    ordförande and justerare as they are in `protokoll.justeringar`."""
    justerar = [
        (j.person, "ordförande" if j.roll == Justering.Roll.ORDFORANDE else "justerare")
        for j in protokoll.justeringar.all()
    ]
    return _innehall(protokoll, justerar, idag, "justeras")
