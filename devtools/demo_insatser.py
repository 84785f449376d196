"""Demo insatser: the grants of § 161–167 (seed 003) with their payment terms, the five
follow-up meetings, and participant statistics for 2022 (generated, labelled as such)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from forbund.models import Part, Person
from insatser import services, sus
from insatser.models import Arrangemang, Beviljning, Insats, Mal, Tabell
from moten.models import Paragraf

from . import demo_signaturlista
from .demo_insatser_data import INSATSER, UPPFOLJNINGAR


@transaction.atomic
def load() -> bool:
    if Insats.objects.exists():
        return False
    kansli = get_user_model().objects.filter(username="forbundschef").first()
    parter = {p.namn: p for p in Part.objects.all()}
    kommuner = [p for p in parter.values() if p.typ == Part.Typ.KOMMUN]
    insatser = {}
    for data in INSATSER:
        insats = Insats(
            namn=data["namn"],
            typ=data["typ"],
            huvudman=parter.get(data.get("huvudman")),
            utforare=data.get("utforare", ""),
            malgrupp=data.get("malgrupp", ""),
            beskrivning=data.get("beskrivning", ""),
            startdatum=dt.date.fromisoformat(data["start"]) if data.get("start") else None,
            slutdatum=dt.date.fromisoformat(data["slut"]) if data.get("slut") else None,
            status=Insats.Status.PAGAENDE if data.get("beslut") else Insats.Status.AVSLUTAD,
        )
        services.insats_save(actor=kansli, insats=insats, kommuner=kommuner)
        insatser[insats.namn] = insats
        for b in data.get("beslut", []):
            paragraf = Paragraf.objects.get(
                protokoll__mote__datum=dt.date(2021, 11, 26), nummer=b["paragraf"]
            )
            attsats = paragraf.beslut.order_by("ordning", "pk")[b["att_index"]]
            villkor = b.get("villkor", "")
            if b.get("utfall") == "avsatt":
                villkor = " ".join(
                    x for x in (f"Avsatt: {b.get('avser', '')}".strip(), villkor) if x
                )
            beviljning = services.beviljning_create(
                actor=kansli,
                insats=insats,
                paragraf=paragraf,
                attsats=attsats,
                ar=b["ar"],
                belopp=b["belopp"],
                villkor=villkor,
                utfall=Beviljning.Utfall.BEVILJAD if b["belopp"] else b.get("utfall", "avslag"),
            )
            if b.get("betalning") == "halften_avtal_rest_redovisning":
                services.betalplan_halften_avtal_rest_redovisning(
                    actor=kansli, beviljning=beviljning
                )
    for data in UPPFOLJNINGAR:
        services.uppfoljning_create(
            actor=kansli,
            insats=insatser[data["insats"]],
            datum=dt.date.fromisoformat(data["datum"]),
            deltagare="\n".join(data["deltagare"]),
            avsnitt=[(a["rubrik"], a["text"]) for a in data["avsnitt"]],
            nasta=dt.date.fromisoformat(data["nasta"]) if data.get("nasta") else None,
        )
    _sip_samordnaren(insatser["SIP-samordnare Arbetsmarknadstorget"], kansli)
    _rehabvagledare_2021(insatser["Rehabvägledare"], kansli)
    _arrangemang(kansli)
    demo_signaturlista.load()
    return True


def _sip_samordnaren(insats: Insats, kansli) -> None:
    """The demo's insatspersonal works here; one approved tertial of generated figures and
    the first half of the 2022 grant paid, so the board's pages have something to show."""
    personal = Person.objects.filter(user__username="insatspersonal").first()
    if personal:
        insats.personal.add(personal)
    Mal.objects.create(
        insats=insats,
        ar=2022,
        matt=Mal.Matt.DELTAGARE,
        malvarde=40,
        beskrivning="40 deltagare med SIP under 2022",
    )
    Mal.objects.create(
        insats=insats,
        ar=2022,
        matt=Mal.Matt.ARBETE_STUDIER,
        malvarde=10,
        beskrivning="10 avslut till arbete eller studier",
    )
    period = services.period_create(
        actor=kansli, insats=insats, fran=dt.date(2022, 1, 1), till=dt.date(2022, 4, 30)
    )
    rader = [
        sus.Rad(Tabell.DELTAGARE, "Aktiva", 18, 11, 7),
        sus.Rad(Tabell.DELTAGARE, "Nya", 18, 11, 7),
        sus.Rad(Tabell.DELTAGARE, "Avslutade", 3, 2, 1),
        sus.Rad(Tabell.KOMMUN, "Sundsvalls kommun", 18, 11, 7),
        sus.Rad(Tabell.FORSORJNING_IN, "Försörjningsstöd", 9, 6, 3),
        sus.Rad(Tabell.FORSORJNING_IN, "Sjukpenning/Rehabpenning", 5, 3, 2),
        sus.Rad(Tabell.FORSORJNING_IN, "Aktivitetsersättning", 4, 2, 2),
        sus.Rad(Tabell.TID, "1–3 år", 8, 5, 3),
        sus.Rad(Tabell.TID, "4–6 år", 6, 4, 2),
        sus.Rad(Tabell.TID, "Mer än 9 år", 4, 2, 2),
        sus.Rad(Tabell.AVSLUT, "Subventionerat arbete", 1, 1, 0, 4),
        sus.Rad(Tabell.AVSLUT, "Studier", 1, 1, 0, 3),
        sus.Rad(
            Tabell.AVSLUT,
            "Fortsatt rehabilitering (i ordinarie myndighets verksamhet eller i annan samverkansinsats)",
            1,
            0,
            1,
            4,
        ),
        sus.Rad(Tabell.FORSORJNING_UT, "Studiemedel", 1, 1, 0),
        sus.Rad(Tabell.FORSORJNING_UT, "Ingen offentlig försörjning", 1, 1, 0),
        sus.Rad(Tabell.FORSORJNING_UT, "Sjukpenning/Rehabpenning", 1, 0, 1),
    ]
    services.period_save(actor=kansli, period=period, rader=rader)
    services.period_skicka_in(actor=kansli, period=period)
    services.period_godkann(actor=kansli, period=period)


def _rehabvagledare_2021(insats: Insats, kansli) -> None:
    """A whole year of generated figures for 2021, so the demo's årsredovisning 2021 has
    participant tables (generated, not real figures)."""
    period = services.period_create(
        actor=kansli, insats=insats, fran=dt.date(2021, 1, 1), till=dt.date(2021, 12, 31)
    )
    rader = [
        sus.Rad(Tabell.DELTAGARE, "Aktiva", 42, 26, 16),
        sus.Rad(Tabell.DELTAGARE, "Nya", 17, 11, 6),
        sus.Rad(Tabell.DELTAGARE, "Avslutade", 15, 9, 6),
        sus.Rad(Tabell.KOMMUN, "Sundsvalls kommun", 40, 25, 15),
        sus.Rad(Tabell.KOMMUN, sus.ANNAN_KOMMUN, 2, 1, 1),
        sus.Rad(Tabell.FORSORJNING_IN, "Försörjningsstöd", 9, 6, 3),
        sus.Rad(Tabell.FORSORJNING_IN, "Sjukpenning/Rehabpenning", 4, 3, 1),
        sus.Rad(Tabell.FORSORJNING_IN, "Aktivitetsersättning", 3, 1, 2),
        sus.Rad(Tabell.FORSORJNING_IN, "Ingen offentlig försörjning", 2, 1, 1),
        # Those with some offentlig försörjning: 17 nya, 2 of them with none.
        sus.Rad(Tabell.TID, "1–3 år", 5, 4, 1),
        sus.Rad(Tabell.TID, "4–6 år", 5, 3, 2),
        sus.Rad(Tabell.TID, "7–9 år", 3, 2, 1),
        sus.Rad(Tabell.TID, "Mer än 9 år", 2, 1, 1),
        sus.Rad(Tabell.AVSLUT, "Osubventionerat arbete", 2, 1, 1, 22),
        sus.Rad(Tabell.AVSLUT, "Subventionerat arbete", 3, 2, 1, 39),
        sus.Rad(Tabell.AVSLUT, "Studier", 2, 2, 0, 18),
        sus.Rad(
            Tabell.AVSLUT,
            "Fortsatt rehabilitering (i ordinarie myndighets verksamhet eller i annan samverkansinsats)",
            6,
            3,
            3,
            66,
        ),
        sus.Rad(Tabell.AVSLUT, "Annan orsak", 2, 1, 1, 10),
        sus.Rad(Tabell.FORSORJNING_UT, "Ingen offentlig försörjning", 4, 2, 2),
        sus.Rad(Tabell.FORSORJNING_UT, "Studiemedel", 2, 2, 0),
        sus.Rad(Tabell.FORSORJNING_UT, "Försörjningsstöd", 5, 3, 2),
        sus.Rad(Tabell.FORSORJNING_UT, "Sjukpenning/Rehabpenning", 3, 1, 2),
    ]
    services.period_save(actor=kansli, period=period, rader=rader)
    services.period_skicka_in(actor=kansli, period=period)
    services.period_godkann(actor=kansli, period=period)


# Invented events in the style of seed 004's (name, slag, roll, från, till, arrangör,
# participants per organisation: (organisation, from the area, kvinnor, män, ej angivet)).
ARRANGEMANG = [
    (
        "Grundutbildning i lösningsfokuserat arbetssätt, omgång 1",
        "utbildning",
        "egen",
        "2021-03-09",
        "2021-03-11",
        "Samordningsförbundet Sundsvall",
        [
            ("Sundsvalls kommun", True, 8, 3, 0),
            ("Försäkringskassan", True, 3, 1, 0),
            ("Arbetsförmedlingen", True, 2, 2, 0),
            ("Region Västernorrland", True, 4, 0, 0),
        ],
    ),
    (
        "Nätverksdag för SIP-samordning",
        "natverksdag",
        "egen",
        "2021-05-20",
        "",
        "Samordningsförbundet Sundsvall",
        [("Sundsvalls kommun", True, 10, 4, 0), ("Region Västernorrland", True, 6, 2, 0)],
    ),
    (
        "Workshop om insatskatalogen",
        "workshop",
        "egen",
        "2021-09-02",
        "",
        "Samordningsförbundet Sundsvall",
        [
            ("Sundsvalls kommun", True, 5, 2, 0),
            ("Försäkringskassan", True, 2, 1, 0),
            ("Arbetsförmedlingen", True, 2, 2, 0),
            ("Region Västernorrland", True, 3, 0, 0),
        ],
    ),
    (
        "Psykeveckan 2021: psykisk hälsa i arbetslivet",
        "konferens",
        "tillsammans",
        "2021-10-12",
        "2021-10-13",
        "Samordningsförbundet Sundsvall och Region Västernorrland",
        [
            ("Sundsvalls kommun", True, 22, 9, 3),
            ("Region Västernorrland", True, 15, 4, 0),
            ("Försäkringskassan", True, 6, 2, 0),
            ("Arbetsförmedlingen", True, 5, 3, 0),
            ("Andra samordningsförbund i länet", False, 7, 2, 0),
        ],
    ),
    (
        "Seminarium om Supported Employment",
        "seminarium",
        "finansierat",
        "2021-11-16",
        "",
        "Arbetsmarknadstorget",
        [("Sundsvalls kommun", True, 14, 8, 1), ("Arbetsförmedlingen", True, 6, 4, 0)],
    ),
    (
        "Introduktion till SIP för nya handläggare",
        "utbildning",
        "finansierat",
        "2022-02-08",
        "",
        "SIP-samordnare Arbetsmarknadstorget",
        [("Sundsvalls kommun", True, 9, 3, 0), ("Region Västernorrland", True, 5, 1, 0)],
    ),
    (
        "Grundutbildning i lösningsfokuserat arbetssätt, omgång 2",
        "utbildning",
        "egen",
        "2022-10-04",
        "2022-10-06",
        "Samordningsförbundet Sundsvall",
        [],
    ),
]


def _arrangemang(kansli) -> None:

    sip = Insats.objects.filter(namn="SIP-samordnare Arbetsmarknadstorget").first()
    for namn, typ, regi, fran, till, arrangor, deltagare in ARRANGEMANG:
        a = Arrangemang(
            namn=namn,
            typ=typ,
            regi=regi,
            startdatum=dt.date.fromisoformat(fran),
            slutdatum=dt.date.fromisoformat(till) if till else None,
            arrangor=arrangor,
        )
        if arrangor == "SIP-samordnare Arbetsmarknadstorget" and sip:
            a.insats = sip
            a.beviljning = sip.beviljningar.filter(ar=2022).first()
        services.arrangemang_save(
            actor=kansli,
            arrangemang=a,
            deltagare=[services.DeltagarRad(*d) for d in deltagare],
        )
