"""Demo additions of issue 15 ("Sammanträdet i protokollet"), called with one line from
demo_moten's loader just before each seed protocol is justerat (the protocol and its
bilagor are locked after that):

- 2021-11-26 carries seed 003's bilagor as numbered bilagor of the protocol: the NNS
  indicator questionnaires and the detailed budget follow-up 2021, as PDFs made from the
  seed's text (both public, as the seed's protocol publishes them);
- 2022-01-21 has an omröstning by name with a reservation (§ 9, the planning day);
- uppdrag from decisions, one closed in a later paragraph, some overdue.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from django.utils import timezone
from weasyprint import HTML

from enkater.formular_data import FORMULAR
from moten import services
from moten.models import Protokoll, Rost

# Seed 003: "Detaljerad budgetuppföljning 2021, tusentals kronor" (budget, prognos, differens).
BUDGETUPPFOLJNING_2021 = [
    ("Försäkringskassan/Arbetsförmedlingen", "3 689", "3 689", "0"),
    ("Sundsvalls kommun", "1 844,5", "1 844,5", "0"),
    ("Region Västernorrland", "1 844,5", "1 844,5", "0"),
    ("Summa intäkter", "7 378", "7 378", "0"),
    ("Styrelsearvoden", "90", "115", "-25"),
    ("Extern representation", "0", "5", "-5"),
    ("Summa styrelsen", "90", "120", "-30"),
    ("Förbrukningsmaterial", "2", "0", "2"),
    ("Kontorsmaterial", "2", "0", "2"),
    ("Fast telefoni", "3", "2", "1"),
    ("Mobiltelefon", "3", "0", "3"),
    ("Porto", "3", "0", "3"),
    ("Redovisningstjänster", "50", "74", "-24"),
    ("IT-tjänster, datadrift", "15", "24", "-9"),
    ("Konsulter", "770", "754", "16"),
    ("Övr. främmande tjänster", "16", "52", "-36"),
    ("Utbildning/Konferens/resor", "80", "16", "64"),
    ("Övriga finansiella kostnader", "1", "1", "0"),
    ("Summa administration", "945", "923", "22"),
    ("Arbetsmarknadstorget: Försäkringskassan", "635", "635", "0"),
    ("Arbetsmarknadstorget: Arbetsförmedlingen", "1 100", "1 100", "0"),
    ("Arbetsmarknadstorget: Sip-Samordnare", "578", "578", "0"),
    ("Arbetsmarknadstorget: Arbetskonsulenter", "1 172", "1 143", "29"),
    ("Arbetsmarknadstorget: Psykolog", "775", "775", "0"),
    ("Rehabvägledare", "620", "589", "31"),
    ("Utvecklingsledare", "770", "722", "48"),
    ("Insatskatalogen", "70", "48", "22"),
    ("Psykeveckan", "50", "37", "13"),
    ("Kompetensutveckling, gemensamma utbildningar", "200", "129", "71"),
    ("Nya insatser 2021", "373", "", ""),
    ("Arbetsterapeut", "", "526", "-526"),
    ("Arbetskonsulent", "", "191", "-191"),
    ("Lokalkostnader", "", "150", "-150"),
    ("Summa insatser 2021", "6 343", "6 623", "-280"),
    ("Summa kostnader 2021", "7 378", "7 666", ""),
    ("Resultat 2021", "0", "-288", ""),
    ("Prognos eget kapital 2021-12-31", "", "1 219", ""),
]


def _pdf(titel: str, kropp: str) -> bytes:
    return HTML(
        string=(
            f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{escape(titel)}'
            "</title><style>body{font:10pt 'DejaVu Serif',serif} td,th{padding:1mm 3mm;"
            "border-bottom:0.3pt solid #999;text-align:left}</style></head>"
            f"<body><h1>{escape(titel)}</h1>{kropp}</body></html>"
        )
    ).write_pdf()


def indikatorenkater_pdf() -> bytes:
    delar = []
    for f in FORMULAR:
        delar.append(f"<h2>{escape(f['namn'])}</h2>")
        delar += [f"<p>{escape(s)}</p>" for s in f["inledning"].split("\n\n")[:2]]
        delar.append(
            "<ol>"
            + "".join(f"<li>{escape(q['text'])}</li>" for q in f["fragor"] if q.get("text"))
            + "</ol>"
        )
    return _pdf("NNS Indikatorer för finansiell samordning: enkäterna", "".join(delar))


def budgetuppfoljning_pdf() -> bytes:
    rader = "".join(
        f"<tr><th>{escape(post)}</th><td>{b}</td><td>{p}</td><td>{d}</td></tr>"
        for post, b, p, d in BUDGETUPPFOLJNING_2021
    )
    return _pdf(
        "Detaljerad budgetuppföljning 2021, tusentals kronor",
        "<table><thead><tr><th></th><th>Budget 2021</th><th>Prognos 2021</th>"
        f"<th>Differens 2021</th></tr></thead><tbody>{rader}</tbody></table>",
    )


def fore_justering(protokoll: Protokoll) -> None:
    """What issue 15 adds to a seed protocol before it is justerat."""
    datum = protokoll.mote.datum
    if datum == dt.date(2021, 11, 26):
        _bilagor(protokoll)
    elif datum == dt.date(2022, 1, 21):
        _omrostning(protokoll)
        _uppdrag(protokoll)


def _bilagor(protokoll: Protokoll) -> None:
    for titel, filnamn, data in (
        ("NNS Indikatorer för finansiell samordning: enkäterna", "indikatorer.pdf",
         indikatorenkater_pdf()),
        ("Detaljerad budgetuppföljning 2021", "budgetuppfoljning-2021.pdf",
         budgetuppfoljning_pdf()),
    ):  # fmt: skip
        services.handling_create(
            actor=None,
            mote=protokoll.mote,
            titel=titel,
            filnamn=filnamn,
            data=data,
            i_protokollet=True,
            publik=True,
        )


def _omrostning(protokoll: Protokoll) -> None:
    """§ 9: Tove Ringblad wants the 2023 question prepared by the kansli for April instead;
    3–1 for the proposal, and she reserves herself."""
    paragraf = protokoll.paragrafer.get(nummer=9)
    services.paragraf_omrostning_save(
        actor=None,
        paragraf=paragraf,
        yrkanden=[
            services.YrkandeIn(namn="Karin Ödmark", lydelse="bifall till förslaget"),
            services.YrkandeIn(
                namn="Tove Ringblad",
                lydelse="att kansliet i stället bereder frågan om 2023 till sammanträdet i april",
            ),
        ],
        propositionsordning=(
            "Ordföranden ställer proposition på yrkandena och finner att styrelsen beslutat "
            "enligt Karin Ödmarks yrkande. Votering begärs."
        ),
        omrostning=services.OmrostningIn(
            ja=0,
            nej=1,
            roster={
                "Karin Ödmark": Rost.JA,
                "Petter Skönvik": Rost.JA,
                "Tove Ringblad": Rost.NEJ,
                "Lisa Kvarnström": Rost.JA,
            },
        ),
        reservationer=[
            services.ReservationIn(
                namn="Tove Ringblad",
                motivering="Huvudmännen behöver underlag innan planeringsdagen.",
            )
        ],
    )


def _uppdrag(januari: Protokoll) -> None:
    """Uppdrag from decisions: one given in November and closed in January, two open and
    overdue, one due in the future (dates relative to today, as the demo lives now)."""
    november = Protokoll.objects.get(
        mote__datum=dt.date(2021, 11, 26), mote__organ=januari.mote.organ
    )
    bjuda_in = november.paragrafer.get(nummer=170)
    gjort = services.beslutsuppdrag_create(
        actor=None,
        paragraf=bjuda_in,
        attsats=bjuda_in.beslut.first(),
        ansvarig="förbundschefen",
        beskrivning="Bjuda in Malin Hedqvist (NNS) till styrelsemötet i januari 2022.",
        till_nasta_sammantrade=True,
    )
    services.beslutsuppdrag_avsluta(
        actor=None, uppdrag=gjort, paragraf=januari.paragrafer.get(nummer=5)
    )
    budget = november.paragrafer.get(nummer=168)
    services.beslutsuppdrag_create(
        actor=None,
        paragraf=budget,
        attsats=budget.beslut.first(),
        ansvarig="förbundschefen",
        beskrivning="Återkomma med en reviderad plan för 2023 när huvudmännens bidrag är kända.",
        senast=dt.date(2022, 6, 30),
    )
    planering = januari.paragrafer.get(nummer=9)
    services.beslutsuppdrag_create(
        actor=None,
        paragraf=planering,
        attsats=planering.beslut.first(),
        ansvarig="utvecklingsledaren",
        beskrivning="Sammanfatta planeringsdagen med strategigruppen för styrelsen.",
        senast=dt.date(2022, 3, 25),
    )
    services.beslutsuppdrag_create(
        actor=None,
        paragraf=planering,
        attsats=planering.beslut.first(),
        ansvarig="förbundschefen",
        beskrivning="Ta fram förslag på hur BIP följs upp i insatserna.",
        senast=timezone.localdate() + dt.timedelta(days=60),
    )
