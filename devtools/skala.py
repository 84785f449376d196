"""A large, generated förbund for benchmarks and load tests (`manage.py generate_scale`).

On top of the demo förbund (so the demo logins work), ten years of a busy förbund: 40 board
meetings a year of 25 paragraphs each, justerade and anslagna; 60 insatser with grants
decided in those paragraphs, payment plans, payments, monthly participant statistics and
follow-ups; 100 000 survey answers; 200 000 accounting transactions. Everything comes from
one random seed, so two runs give the same database. Every person is generated from
invented name parts; e-mail addresses use example.org.

Speed: rows go in with bulk_create, the two biggest tables (answers, transactions) with
PostgreSQL COPY. The lock triggers are respected as the services do: a protocol's content is
written while it is "numrerat", then its document is stored (moten.dokument.ogonblick and
its SHA-256) and it is marked justerat (its PDF is rendered the first time it is asked for);
a statistics period gets its rows while "inskickad" and is approved after.

Safety: the generator writes only into an empty database or one it filled itself; it marks
its database with a comment (COMMENT ON DATABASE). See `databasstatus`.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from devtools.demo import load_demo
from devtools.management.commands.load_demo import STEG
from ekonomi.models import (
    Budgetpost,
    Budgetrad,
    Budgetversion,
    Grupp,
    Konto,
    Prognos,
    Transaktion,
    Utfallsimport,
    Verksamhetsar,
)
from enkater import services as enkat_services
from enkater.models import Formular, Fraga, Omgang, Svar, Svarsvarde
from forbund.models import Forbund, Organ, Part, Person
from insatser import services as insats_services
from insatser import sus
from insatser.models import (
    Beviljning,
    Delbetalning,
    Insats,
    Mal,
    Period,
    Statistikrad,
    Tabell,
    Uppfoljning,
    Uppfoljningsavsnitt,
    Utbetalning,
)
from moten import dokument, kalender, services
from moten.models import (
    STANDARD_AVSLUTNING,
    STANDARD_INLEDNING,
    Anslag,
    AttSats,
    Dagordningspunkt,
    Jav,
    Justering,
    Mote,
    Narvaro,
    Paragraf,
    Paragrafnummer,
    Protokoll,
    Protokollinnehall,
)

MARKOR = "forbund generate_scale"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
SISTA_MOTESAR = 2020  # the demo's own protocols are from 2021 and 2022
# The accounting years run one year after the meetings (2011–2021 at full size).
SISTA_EKONOMIAR = 2021


@dataclass(frozen=True)
class Storlek:
    ar: int = 10
    moten_per_ar: int = 40
    paragrafer: int = 25
    insatser: int = 60
    svar: int = 100_000
    transaktioner: int = 200_000
    # The last year of meetings; the accounting years run one year later. Another value
    # adds a batch beside an earlier one (the tests grow a database this way).
    sista_ar: int = SISTA_MOTESAR

    def text(self) -> str:
        return " ".join(f"{k}={v}" for k, v in asdict(self).items())


FULL = Storlek()
# Small enough for the test suite, large enough that every list page has more rows than
# the demo alone.
LITEN = Storlek(ar=2, moten_per_ar=3, paragrafer=8, insatser=4, svar=300, transaktioner=2_000)
STORLEKAR = {"full": FULL, "liten": LITEN}


class Vagrar(Exception):
    """The database holds data the generator did not create; nothing was written."""


# --- safety ---------------------------------------------------------------------------------


def _kommentar() -> str:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = current_database()"
        )
        row = cur.fetchone()
    return (row[0] if row else None) or ""


def databasstatus() -> str:
    """'tom' (nothing in it), 'genererad' (filled by this generator) or 'verklig'.

    A database counts as real as soon as it has a förbund, a user, a meeting, an insats or
    an accounting import that the generator did not write, whatever their names: the demo
    förbund of `make run` is refused too, so the generator never mixes with data someone
    may be working on.
    """
    if _kommentar().startswith(MARKOR):
        return "genererad"

    modeller = [Forbund, get_user_model(), Mote, Insats, Utfallsimport, Svar]
    if any(m.objects.exists() for m in modeller):
        return "verklig"
    return "tom"


def kontrollera_databas() -> str:
    status = databasstatus()
    if status == "verklig":
        namn = connection.settings_dict["NAME"]
        raise Vagrar(
            f"Databasen {namn} innehåller data som generate_scale inte har skapat (förbund, "
            "användare, möten, insatser eller ekonomi). Skaldata skrivs bara i en tom databas "
            "eller i en som generate_scale själv har fyllt. Använd en egen databas, till "
            "exempel: FORBUND_DB_NAME=forbund_scale python manage.py generate_scale"
        )
    return status


def _markera(text: str) -> None:
    namn = connection.ops.quote_name(connection.settings_dict["NAME"])
    with connection.cursor() as cur:
        cur.execute(f"COMMENT ON DATABASE {namn} IS %s", [text])  # noqa: S608 - quoted name


# --- generated names --------------------------------------------------------------------------

FORNAMN = [
    "Alva", "Signe", "Tyra", "Märta", "Vilda", "Ebbe", "Harald", "Sixten", "Ture", "Folke",
    "Ingrid", "Solveig", "Ragnar", "Assar", "Edla", "Gunvor", "Holger", "Ylva", "Torvald", "Elof",
]  # fmt: skip
EFTERNAMN = [
    "Björkmyr", "Granlid", "Aspvreten", "Tallbacka", "Ljungkärr", "Sälgvik", "Rönnholm",
    "Ekhammar", "Lindås", "Videmo", "Norrgärde", "Sjövreten", "Hagmyra", "Mossberga",
    "Kvarnlid", "Brännmark", "Stensjövik", "Furuhed", "Tjärnås", "Vassmyra",
]  # fmt: skip
ORTER = [
    "Alnö", "Njurunda", "Matfors", "Kovland", "Indal", "Stöde", "Liden", "Timrå", "Kvissleby",
    "Sundsbruk",
]  # fmt: skip
INSATSSLAG = [
    ("individinriktad", "Arbetskonsulent"),
    ("individinriktad", "Samordningsteam"),
    ("individinriktad", "SIP-stöd"),
    ("strukturinriktad", "Samverkansteam"),
    ("kompetensutveckling", "Utbildning i lösningsfokuserat arbetssätt"),
    ("forstudie", "Förstudie unga vuxna"),
    ("projekt", "Projekt Vägen vidare"),
]
RUBRIKER = [
    "Ekonomisk uppföljning",
    "Information från förbundschefen",
    "Verksamhetsplan och budget",
    "Uppföljning av insatser",
    "Ansökan om medel",
    "Delårsrapport",
    "Internkontrollplan",
    "Remiss från parterna",
    "Kompetensutveckling för insatspersonal",
    "Indikatorer för finansiell samordning",
]
ORD = [
    "samverkan",
    "rehabilitering",
    "arbetsförmåga",
    "försörjning",
    "deltagare",
    "insatsen",
    "parterna",
    "kommunen",
    "regionen",
    "arbetsförmedlingen",
    "försäkringskassan",
    "uppföljning",
    "budget",
    "utfall",
    "prognos",
    "målgrupp",
    "unga",
    "vuxna",
    "långtidsarbetslösa",
    "stöd",
    "samordning",
    "individ",
    "struktur",
]
ATT_MALLAR = [
    "lägga informationen till handlingarna.",
    "godkänna redovisningen av {ord}.",
    "uppdra åt förbundschefen att återkomma om {ord} vid nästa sammanträde.",
    "fastställa rutinen för {ord}.",
    "ställa sig bakom förslaget om {ord} och {ord2}.",
]


def _namn(rnd: random.Random) -> tuple[str, str]:
    return rnd.choice(FORNAMN), rnd.choice(EFTERNAMN)


def _text(rnd: random.Random, ord_: int) -> str:
    meningar = []
    while ord_ > 0:
        n = min(ord_, rnd.randint(6, 14))
        ord_ -= n
        mening = " ".join(rnd.choice(ORD) for _ in range(n))
        meningar.append(mening[0].upper() + mening[1:] + ".")
    return " ".join(meningar)


# --- the generator ----------------------------------------------------------------------------


@dataclass
class Resultat:
    sekunder: dict[str, float]
    antal: dict[str, int]

    @property
    def totalt(self) -> float:
        return sum(self.sekunder.values())


def _copy(tabell: str, kolumner: list[str], rader) -> int:
    """COPY rows into a table on the Django connection (inside its transaction)."""
    connection.ensure_connection()
    antal = 0
    with connection.connection.cursor() as cur:
        sql = f"COPY {tabell} ({', '.join(kolumner)}) FROM STDIN"  # noqa: S608 - our names
        with cur.copy(sql) as copy:
            for rad in rader:
                copy.write_row(rad)
                antal += 1
    return antal


def _nasta_id(tabell: str) -> int:
    with connection.cursor() as cur:
        cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {tabell}")  # noqa: S608
        return cur.fetchone()[0]


def _synka_sekvens(tabell: str) -> None:
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT setval(pg_get_serial_sequence('{tabell}', 'id'), "  # noqa: S608
            f"(SELECT COALESCE(MAX(id), 1) FROM {tabell}))"
        )


def generera(
    *, storlek: Storlek = FULL, seed: int = 2026, logg: Callable[[str], None] = lambda s: None
) -> Resultat:
    """Fill the database (demo first, if it is not there) with `storlek` of generated data.

    The caller checks `kontrollera_databas()` first; the tests call this on a database that
    holds only the demo.
    """
    rnd = random.Random(seed)  # noqa: S311 - generated test data, not security
    sekunder: dict[str, float] = {}
    antal: dict[str, int] = {}

    def steg(namn: str, funktion, *args):
        start = time.perf_counter()
        with transaction.atomic():
            resultat = funktion(*args)
        sekunder[namn] = time.perf_counter() - start
        antal.update(resultat)
        logg(
            f"  {namn:<10} {sekunder[namn]:6.1f} s  "
            + ", ".join(f"{k} {v:,}".replace(",", " ") for k, v in resultat.items())
        )
        return resultat

    with transaction.atomic():
        steg("demo", _demo)
        personer = _personer(rnd, storlek)
        insatser = _insatser(rnd, storlek, personer)
        steg("möten", _moten, rnd, storlek, personer, insatser)
        steg("insatser", _insatsdata, rnd, storlek, insatser)
        steg("enkäter", _enkater, rnd, storlek, insatser)
        steg("ekonomi", _ekonomi, rnd, storlek, insatser)
        _markera(
            f"{MARKOR} seed={seed} {storlek.text()} klar "
            f"{dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}"
        )
    return Resultat(sekunder=sekunder, antal=antal)


def _demo() -> dict[str, int]:

    load_demo()
    for load, _meddelande in STEG:
        load()
    return {}


def _ar(storlek: Storlek) -> list[int]:
    return list(range(storlek.sista_ar - storlek.ar + 1, storlek.sista_ar + 1))


@dataclass
class _Personer:
    ordforande: object
    ledamoter: list
    kansli: object
    attest: tuple


def _personer(rnd: random.Random, storlek: Storlek) -> _Personer:

    User = get_user_model()
    nya = []
    for i in range(24):
        fornamn, efternamn = _namn(rnd)
        nya.append(
            Person(
                fornamn=fornamn,
                efternamn=efternamn,
                titel=rnd.choice(["Ledamot", "Ersättare", "Enhetschef", "Handläggare"]),
                epost=f"genererad.{i}@example.org",
            )
        )
    ledamoter = Person.objects.bulk_create(nya)
    users = {u.username: u for u in User.objects.filter(username__in=["forbundschef", "utvecklingsledare", "ordforande"])}  # fmt: skip
    return _Personer(
        ordforande=Person.objects.get(user__username="ordforande"),
        ledamoter=ledamoter,
        kansli=users["forbundschef"],
        attest=(users["forbundschef"], users["utvecklingsledare"], users["ordforande"]),
    )


@dataclass
class _Insats:
    insats: object
    ar: list[int]
    beslut: dict  # year -> (paragraf, attsats, belopp), filled by _moten


def _insatser(rnd: random.Random, storlek: Storlek, personer: _Personer) -> list[_Insats]:
    """The demo's SIP insats (where the demo's insatspersonal works) gets ten years of
    history too, so its page is measured at both sizes; the rest are generated."""

    ar = _ar(storlek)
    ut: list[_Insats] = []
    sip = Insats.objects.filter(namn="SIP-samordnare Arbetsmarknadstorget").first()
    if sip and storlek.insatser:
        ut.append(_Insats(sip, ar, {}))
    parter = list(Part.objects.order_by("ordning"))
    kommuner = [p for p in parter if p.typ == Part.Typ.KOMMUN]
    nya = []
    spann = []
    parti = f" ({storlek.sista_ar})" if storlek.sista_ar != SISTA_MOTESAR else ""
    for i in range(storlek.insatser - len(ut)):
        typ, slag = INSATSSLAG[i % len(INSATSSLAG)]
        langd = rnd.randint(min(3, len(ar)), len(ar))
        start = rnd.randint(0, len(ar) - langd)
        aren = ar[start : start + langd]
        spann.append(aren)
        nya.append(
            Insats(
                namn=f"{slag} {ORTER[i % len(ORTER)]} {i + 1}{parti}",
                typ=typ,
                huvudman=rnd.choice(parter),
                utforare=f"{rnd.choice(parter).namn}, {ORTER[i % len(ORTER)]}",
                malgrupp="Personer 16–64 år i behov av samordnat stöd (genererad insats).",
                beskrivning=_text(rnd, 40),
                startdatum=dt.date(aren[0], 1, 1),
                slutdatum=dt.date(aren[-1], 12, 31),
                # Ten years of history before the demo's: an insats whose last year has
                # passed has ended (a "pågående" insats silent since 2020 would sit on
                # today's start page as six years overdue).
                status=Insats.Status.AVSLUTAD
                if aren[-1] < timezone.localdate().year
                else Insats.Status.PAGAENDE,
                kontaktperson=rnd.choice(personer.ledamoter),
            )
        )
    skapade = Insats.objects.bulk_create(nya)
    Through = Insats.kommuner.through
    Through.objects.bulk_create(
        Through(insats_id=i.pk, part_id=k.pk) for i in skapade for k in kommuner
    )
    ut += [_Insats(i, a, {}) for i, a in zip(skapade, spann, strict=True)]
    return ut


def _moten(rnd: random.Random, storlek: Storlek, personer: _Personer, insatser: list[_Insats]):

    styrelsen = Organ.objects.get(typ=Organ.Typ.STYRELSE)
    adress = styrelsen.forbund.adress
    moten, protokoll_list = [], []
    for ar in _ar(storlek):
        for i in range(storlek.moten_per_ar):
            # Spread over the year, on weekdays.
            dag = dt.date(ar, 1, 10) + dt.timedelta(days=i * 340 // max(1, storlek.moten_per_ar))
            while dag.weekday() >= 5:
                dag -= dt.timedelta(days=1)
            moten.append(
                Mote(
                    organ=styrelsen,
                    datum=dag,
                    starttid=dt.time(9, 0),
                    sluttid=dt.time(12, 0),
                    plats="Kommunhuset, sammanträdesrum Granen",
                )
            )
    Mote.objects.bulk_create(moten)
    protokoll_list = Protokoll.objects.bulk_create(
        Protokoll(mote=m, typ=Protokoll.Typ.SAMMANTRADESPROTOKOLL, status=Protokoll.Status.NUMRERAT)
        for m in moten
    )

    standard = []
    if storlek.paragrafer >= len(STANDARD_INLEDNING) + len(STANDARD_AVSLUTNING) + 2:
        standard = STANDARD_INLEDNING + STANDARD_AVSLUTNING
    # Decisions on grants: one paragraph per insats and year, in that year's meetings.
    beslut_per_ar: dict[int, list[_Insats]] = {}
    for ins in insatser:
        for ar in ins.ar:
            beslut_per_ar.setdefault(ar, []).append(ins)

    punkter, paragrafer, narvaro, justeringar = [], [], [], []
    att_per_paragraf: list[tuple[Paragraf, list[str], _Insats | None, int]] = []
    jav_per_paragraf: list[tuple[Paragraf, object]] = []
    nummer: dict[int, int] = {}
    for mote, protokoll in zip(moten, protokoll_list, strict=True):
        ar = mote.datum.year
        vantande = beslut_per_ar.get(ar, [])
        for k, ledamot in enumerate(rnd.sample(personer.ledamoter, 7)):
            narvaro.append(
                Narvaro(
                    protokoll=protokoll,
                    person=ledamot,
                    namn=ledamot.namn,
                    beskrivning=ledamot.titel,
                    kategori=Narvaro.Kategori.ORDINARIE if k < 4 else Narvaro.Kategori.ERSATTARE,
                    ordning=k,
                )
            )
        justerare = rnd.choice(personer.ledamoter)
        justerad = dt.datetime.combine(
            kalender.justering_senast(mote.datum) - dt.timedelta(days=3), dt.time(12), STOCKHOLM
        )
        justeringar += [
            Justering(
                protokoll=protokoll,
                person=personer.ordforande,
                roll=Justering.Roll.ORDFORANDE,
                justerad=justerad,
            ),
            Justering(
                protokoll=protokoll,
                person=justerare,
                roll=Justering.Roll.JUSTERARE,
                justerad=justerad,
            ),
        ]
        inledning = standard[: len(STANDARD_INLEDNING)]
        avslutning = standard[len(STANDARD_INLEDNING) :]
        mitten = storlek.paragrafer - len(inledning) - len(avslutning)
        rader = [(s.value, s.label, text, att) for s, text, att in inledning]
        for _ in range(mitten):
            if vantande:
                ins = vantande.pop()
                belopp = rnd.randrange(200, 1500) * 1000
                att = f"bevilja {ins.insats.namn} {belopp} kr för {ar}."
                rader.append(("", f"Ansökan om medel: {ins.insats.namn}", _text(rnd, 50), [att], ins, belopp))  # fmt: skip
                continue
            rubrik = rnd.choice(RUBRIKER)
            atts = [
                rnd.choice(ATT_MALLAR).format(ord=rnd.choice(ORD), ord2=rnd.choice(ORD))
                for _ in range(rnd.randint(1, 3))
            ]
            rader.append(("", rubrik, _text(rnd, rnd.randint(30, 120)), atts))
        rader += [(s.value, s.label, text, att) for s, text, att in avslutning]
        for ordning, rad in enumerate(rader, start=1):
            std, rubrik, text, atts = rad[:4]
            nummer[ar] = nummer.get(ar, 0) + 1
            punkt = Dagordningspunkt(mote=mote, ordning=ordning * 10, rubrik=rubrik, standard=std)
            punkter.append(punkt)
            paragraf = Paragraf(
                protokoll=protokoll,
                organ=styrelsen,
                ar=ar,
                nummer=nummer[ar],
                ordning=ordning,
                standard=std,
                rubrik=rubrik,
                text=text,
                dagordningspunkt=punkt,
            )
            paragrafer.append(paragraf)
            ins, belopp = (rad[4], rad[5]) if len(rad) > 4 else (None, 0)
            att_per_paragraf.append((paragraf, atts, ins, belopp))
            if ins is not None and rnd.random() < 0.3:
                jav_per_paragraf.append((paragraf, rnd.choice(personer.ledamoter)))

    Dagordningspunkt.objects.bulk_create(punkter, batch_size=5000)
    Narvaro.objects.bulk_create(narvaro, batch_size=5000)
    Paragraf.objects.bulk_create(paragrafer, batch_size=5000)
    attsatser, forsta_att = [], {}
    for paragraf, atts, ins, _belopp in att_per_paragraf:
        for j, text in enumerate(atts):
            att = AttSats(paragraf=paragraf, ordning=j, text=text)
            attsatser.append(att)
            if ins is not None and j == 0:
                forsta_att[id(paragraf)] = att
    AttSats.objects.bulk_create(attsatser, batch_size=5000)
    for paragraf, _atts, ins, belopp in att_per_paragraf:
        if ins is not None:
            ins.beslut[paragraf.ar] = (paragraf, forsta_att[id(paragraf)], belopp)
    Jav.objects.bulk_create(
        Jav(paragraf=p, person=person, namn=person.namn, omfattning=Jav.Omfattning.BESLUT)
        for p, person in jav_per_paragraf
    )
    Justering.objects.bulk_create(justeringar, batch_size=5000)
    for ar, senaste in nummer.items():
        Paragrafnummer.objects.update_or_create(
            organ=styrelsen, ar=ar, defaults={"senaste": senaste}
        )

    # Justering as protokoll_justera ends it: the time of the last signature, the document
    # stored as moten.dokument builds it, and its SHA-256; then the anslag.
    per_protokoll = {}
    for j in justeringar:
        per_protokoll.setdefault(j.protokoll_id, []).append(j.justerad)
    innehall = []
    for protokoll in protokoll_list:
        protokoll.justerat = max(per_protokoll[protokoll.pk])
        full = dokument.hamta(protokoll.pk)
        full.justerat = protokoll.justerat
        data = dokument.ogonblick(full)
        protokoll.sha256 = dokument.innehall_sha256(data)
        innehall.append(Protokollinnehall(protokoll=protokoll, data=data, sha256=protokoll.sha256))
        protokoll.status = Protokoll.Status.JUSTERAT
    Protokollinnehall.objects.bulk_create(innehall, batch_size=100)
    Protokoll.objects.bulk_update(protokoll_list, ["justerat", "sha256", "status"], batch_size=500)
    anslag = []
    for protokoll in protokoll_list:
        datum = kalender.foreslaget_anslagsdatum(protokoll.justerat.date())
        anslag.append(
            Anslag(
                protokoll=protokoll,
                anslagsdatum=datum,
                ned_tidigast=kalender.ned_tidigast(datum),
                forvaringsplats=adress,
            )
        )
    Anslag.objects.bulk_create(anslag)
    return {
        "möten": len(moten),
        "paragrafer": len(paragrafer),
        "att-satser": len(attsatser),
    }


def _insatsdata(rnd: random.Random, storlek: Storlek, insatser: list[_Insats]):

    User = get_user_model()
    begard, attest1, attest2 = (
        User.objects.get(username=u) for u in ("forbundschef", "utvecklingsledare", "ordforande")
    )
    kommuner = [p.namn for p in Part.objects.filter(typ=Part.Typ.KOMMUN).order_by("ordning")]
    beviljningar, mal, perioder, uppfoljningar = [], [], [], []
    for ins in insatser:
        for ar, (paragraf, att, belopp) in sorted(ins.beslut.items()):
            beviljningar.append(
                Beviljning(
                    insats=ins.insats,
                    ar=ar,
                    belopp=belopp,
                    villkor="Under förutsättning att parterna deltar i styrgruppen.",
                    paragraf=paragraf,
                    attsats=att,
                    registrerad_av=begard,
                )
            )
        for ar in ins.ar:
            mal += [
                Mal(insats=ins.insats, ar=ar, matt=Mal.Matt.DELTAGARE, malvarde=rnd.randint(20, 80)),
                Mal(insats=ins.insats, ar=ar, matt=Mal.Matt.ARBETE_STUDIER, malvarde=rnd.randint(5, 25)),
            ]  # fmt: skip
            for manad in range(1, 13):
                fran = dt.date(ar, manad, 1)
                till = (fran + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
                godkand = dt.datetime.combine(till + dt.timedelta(days=10), dt.time(10), STOCKHOLM)
                perioder.append(
                    Period(
                        insats=ins.insats,
                        fran=fran,
                        till=till,
                        # Approved after its rows are in (below): an approved period's rows
                        # are locked by the database (insatser.models.Statistikrad).
                        status=Period.Status.INSKICKAD,
                        inskickad=godkand - dt.timedelta(days=3),
                        inskickad_av=begard,
                        godkand=godkand,
                        godkand_av=attest1,
                    )
                )
            for manad in (3, 10):
                datum = dt.date(ar, manad, 15)
                uppfoljningar.append(
                    Uppfoljning(
                        insats=ins.insats,
                        datum=datum,
                        deltagare="Förbundschef, kansliet\nInsatsens samordnare\nStyrgruppens ordförande",
                        beslut=_text(rnd, 25),
                        nasta=datum + dt.timedelta(days=200),
                        skapad_av=begard,
                    )
                )
    Beviljning.objects.bulk_create(beviljningar)
    delbetalningar, utbetalningar = [], []
    for b in beviljningar:
        halva = b.belopp // 2
        for ordning, (utlosare, summa) in enumerate(
            [(Delbetalning.Utlosare.AVTAL, halva), (Delbetalning.Utlosare.REDOVISNING, b.belopp - halva)]
        ):  # fmt: skip
            d = Delbetalning(
                beviljning=b,
                ordning=ordning,
                utlosare=utlosare,
                belopp=summa,
                utlost=dt.date(b.ar, 3 + ordning * 6, 1),
            )
            delbetalningar.append(d)
            tid = dt.datetime.combine(d.utlost, dt.time(9), STOCKHOLM)
            utbetalningar.append(
                Utbetalning(
                    beviljning=b,
                    delbetalning=d,
                    belopp=summa,
                    status=Utbetalning.Status.UTBETALD,
                    begard_av=begard,
                    begard=tid,
                    attest1_av=attest1,
                    attest1=tid + dt.timedelta(days=1),
                    attest2_av=attest2,
                    attest2=tid + dt.timedelta(days=2),
                    utbetald=d.utlost + dt.timedelta(days=5),
                )
            )
    Delbetalning.objects.bulk_create(delbetalningar)
    Utbetalning.objects.bulk_create(utbetalningar)
    Mal.objects.bulk_create(mal)
    Period.objects.bulk_create(perioder, batch_size=5000)
    Uppfoljning.objects.bulk_create(uppfoljningar)
    Uppfoljningsavsnitt.objects.bulk_create(
        Uppfoljningsavsnitt(uppfoljning=u, ordning=i, rubrik=rubrik, text=_text(rnd, 30))
        for u in uppfoljningar
        for i, rubrik in enumerate(["Mål", "SUS", "Nuläge"])
    )

    def rader(period_id: int):
        # Consistent figures: the SUS rules (sus.validera) hold for every period.
        kvinnor, man = rnd.randint(4, 30), rnd.randint(3, 25)
        aktiva = kvinnor + man
        nya_k, nya_m = rnd.randint(0, kvinnor // 3), rnd.randint(0, man // 3)
        slut_k, slut_m = rnd.randint(0, kvinnor // 4), rnd.randint(0, man // 4)
        yield (period_id, Tabell.DELTAGARE, "Aktiva", aktiva, kvinnor, man, 0)
        yield (period_id, Tabell.DELTAGARE, "Nya", nya_k + nya_m, nya_k, nya_m, 0)
        yield (period_id, Tabell.DELTAGARE, "Avslutade", slut_k + slut_m, slut_k, slut_m, 0)
        yield (period_id, Tabell.KOMMUN, kommuner[0] if kommuner else sus.ANNAN_KOMMUN, aktiva, kvinnor, man, 0)  # fmt: skip
        for tabell, kategorier in ((Tabell.FORSORJNING_IN, sus.FORSORJNING_IN[:3]), (Tabell.TID, sus.TID[:2])):  # fmt: skip
            # Both tables describe the new participants (sus.validera).
            k1, m1 = nya_k // 2, nya_m // 2
            yield (period_id, tabell, kategorier[0], k1 + m1, k1, m1, 0)
            yield (period_id, tabell, kategorier[1], nya_k - k1 + nya_m - m1, nya_k - k1, nya_m - m1, 0)  # fmt: skip
        if slut_k + slut_m:
            yield (period_id, Tabell.AVSLUT, sus.AVSLUT[0], slut_k + slut_m, slut_k, slut_m, 7 * (slut_k + slut_m))  # fmt: skip
            yield (period_id, Tabell.FORSORJNING_UT, sus.FORSORJNING_UT[0], slut_k + slut_m, slut_k, slut_m, 0)  # fmt: skip

    antal_rader = _copy(
        Statistikrad._meta.db_table,
        ["period_id", "tabell", "kategori", "totalt", "kvinnor", "man", "manader"],
        (r for p in perioder for r in rader(p.pk)),
    )
    Period.objects.filter(pk__in=[p.pk for p in perioder]).update(status=Period.Status.GODKAND)
    return {
        "insatser": len(insatser),
        "beviljningar": len(beviljningar),
        "perioder": len(perioder),
        "statistikrader": antal_rader,
        "uppföljningar": len(uppfoljningar),
    }


def _enkater(rnd: random.Random, storlek: Storlek, insatser: list[_Insats]):

    formular = {f.kod: f for f in Formular.objects.prefetch_related("fragor")}
    plan = []  # (omgang, vikt)
    for ar in _ar(storlek):
        plan += [(Omgang(formular=formular["styrelse"], ar=ar), 8), (Omgang(formular=formular["chefsgrupp"], ar=ar), 6)]  # fmt: skip
        for ins in insatser:
            if ar in ins.ar:
                plan += [
                    (Omgang(formular=formular["deltagare_pagaende"], ar=ar, insats=ins.insats), 60),
                    (Omgang(formular=formular["deltagare_avslut"], ar=ar, insats=ins.insats), 20),
                    (Omgang(formular=formular["personal"], ar=ar, insats=ins.insats), 6),
                ]
    for omgang, _vikt in plan:
        omgang.oppnar = dt.date(omgang.ar, 9, 15)
        omgang.stanger = dt.date(omgang.ar, 10, 31)
    Omgang.objects.bulk_create([o for o, _v in plan])
    vikter = sum(v for _o, v in plan)
    # Answers per round, by weight, adding up to exactly storlek.svar.
    fordelning = [storlek.svar * v // vikter for _o, v in plan]
    for i in range(storlek.svar - sum(fordelning)):
        fordelning[i % len(fordelning)] += 1

    svar_id = _nasta_id(Svar._meta.db_table)
    svar_rader, varden = [], []
    fritext = ["Bra bemötande.", "Mer tid med handläggaren.", "Tydligare planering.", "Bra stöd."]
    for (omgang, _vikt), n in zip(plan, fordelning, strict=True):
        fragor = sorted(omgang.formular.fragor.all(), key=lambda f: f.ordning)
        for _ in range(n):
            svar_rader.append((svar_id, omgang.pk, omgang.oppnar + dt.timedelta(days=rnd.randrange(46)), "papper"))  # fmt: skip
            besvarade: dict[int, int] = {}
            for f in fragor:
                # Routing as the form applies it: a follow-up question only after its answer.
                if f.visas_om_id and besvarade.get(f.visas_om_id) != f.visas_om_svar:
                    continue
                if rnd.random() < 0.06:
                    continue  # a skipped question
                varde = None
                if f.typ in (Fraga.Typ.SKALA_INSTAMMER, Fraga.Typ.SKALA_FREKVENS):
                    varde = min(6, max(1, round(rnd.gauss(4.3, 1.1))))
                elif f.typ == Fraga.Typ.KON:
                    varde = rnd.choices([1, 2, 3], weights=[55, 40, 5])[0]
                elif f.typ == Fraga.Typ.JA_NEJ:
                    varde = rnd.choice([1, 1, 2])
                if varde is not None:
                    besvarade[f.pk] = varde
                    varden.append((svar_id, f.pk, varde, ""))
                elif rnd.random() < 0.2:
                    varden.append((svar_id, f.pk, None, rnd.choice(fritext)))
            svar_id += 1
    n_svar = _copy(Svar._meta.db_table, ["id", "omgang_id", "datum", "kanal"], svar_rader)
    n_varden = _copy(Svarsvarde._meta.db_table, ["svar_id", "fraga_id", "varde", "text"], varden)
    _synka_sekvens(Svar._meta.db_table)
    # The reports' sums and suppressed tables, as the services keep them where answers arrive:
    # the COPY above bypasses them, so they are built from the rows in one pass here.
    enkat_services.stegsummor_bygg(omgang_ids=[o.pk for o, _v in plan])
    # Every form's tables, the demo's own forms too: the database comes out with every
    # report stored, as the services leave it after their batches.
    for kod in sorted(set(Omgang.objects.values_list("formular__kod", flat=True))):
        enkat_services.rapport_uppdatera(kod=kod)
    return {"enkätomgångar": len(plan), "svar": n_svar, "svarsvärden": n_varden}


def _ekonomi(rnd: random.Random, storlek: Storlek, insatser: list[_Insats]):

    # One budget post (and account) per generated insats, beside the demo's posts.
    befintliga = set(Budgetpost.objects.values_list("insats_id", flat=True))
    nya_poster, nya_konton = [], []
    for i, ins in enumerate(insatser):
        if ins.insats.pk in befintliga:
            continue
        konto = 42000 + ins.insats.pk
        nya_konton.append(Konto(nummer=konto, namn=ins.insats.namn[:200]))
        nya_poster.append(
            Budgetpost(
                grupp=Grupp.INSATSER, namn=ins.insats.namn[:200], ordning=100 + i, insats=ins.insats
            )  # fmt: skip
        )
    Konto.objects.bulk_create(nya_konton, ignore_conflicts=True)
    Budgetpost.objects.bulk_create(nya_poster)
    konton = {k.nummer: k for k in Konto.objects.all()}
    Through = Budgetpost.konton.through
    Through.objects.bulk_create(
        Through(budgetpost_id=p.pk, konto_id=konton[k.nummer].pk)
        for p, k in zip(nya_poster, nya_konton, strict=True)
    )
    poster = list(Budgetpost.objects.prefetch_related("konton"))
    intakter = [k.nummer for p in poster if p.grupp == Grupp.INTAKTER for k in p.konton.all()]
    kostnader = [k.nummer for p in poster if p.grupp != Grupp.INTAKTER for k in p.konton.all()]

    sista = storlek.sista_ar + (SISTA_EKONOMIAR - SISTA_MOTESAR)
    ekonomiar = list(range(sista - storlek.ar + 1, sista + 1))
    befintliga_ar = set(Verksamhetsar.objects.values_list("ar", flat=True))
    rader, prognoser = [], []
    for ar in ekonomiar:
        if ar in befintliga_ar:
            continue
        va = Verksamhetsar.objects.create(
            ar=ar, ingaende_eget_kapital=rnd.randint(800, 2500) * 1000
        )
        version = Budgetversion.objects.create(
            ar=va, nummer=1, namn=f"Budget {ar}", status=Budgetversion.Status.FASTSTALLD
        )
        for post in poster:
            belopp = rnd.randint(0, 1200) * 1000
            rader.append(Budgetrad(version=version, post=post, belopp=belopp))
            prognoser.append(Prognos(ar=ar, post=post, belopp=max(0, belopp + rnd.randint(-100, 100) * 1000)))  # fmt: skip
    Budgetrad.objects.bulk_create(rader)
    Prognos.objects.bulk_create(prognoser)

    per_ar = storlek.transaktioner // len(ekonomiar)
    transaktioner = []
    # The demo's own years (2021 on) have their imports, month by month: the generated
    # books go into years of their own, or beside the demo's as an import of their own date.
    importerade = set(Utfallsimport.objects.values_list("ar", "per"))
    for n, ar in enumerate(ekonomiar):
        per = dt.date(ar, 12, 31)
        while (ar, per) in importerade:
            per -= dt.timedelta(days=1)
        imp = Utfallsimport.objects.create(
            ar=ar,
            per=per,
            filnamn=f"huvudbok_{ar}.se",
            format="sie4",
            sha256=f"{ar:064d}",
        )
        antal = per_ar + (storlek.transaktioner - per_ar * len(ekonomiar) if n == 0 else 0)
        for i in range(antal):
            datum = dt.date(ar, 1, 1) + dt.timedelta(days=rnd.randrange(365))
            if i % 10 == 0:
                konto, belopp = rnd.choice(intakter), -Decimal(rnd.randrange(10_000, 900_000))
            else:
                konto, belopp = rnd.choice(kostnader), Decimal(rnd.randrange(100, 5_000_000)) / 100
            transaktioner.append((imp.pk, konto, datum, belopp, f"Verifikation {i + 1}", f"A{i + 1}"))  # fmt: skip
    antal = _copy(
        Transaktion._meta.db_table,
        ["utfallsimport_id", "konto", "datum", "belopp", "text", "verifikation"],
        transaktioner,
    )
    return {"budgetrader": len(rader), "transaktioner": antal}


def utkast_med_paragrafer(*, actor, datum: dt.date, antal: int = 25):
    """A draft board protocol with `antal` paragraphs, written through moten.services as the
    förbundschef would (texts from the demo's 25-paragraph protocol of 2021-11-26): what the
    protocol editor is measured on, and what the load test's förbundschef edits."""

    forlaga = list(
        Paragraf.objects.filter(protokoll__mote__datum=dt.date(2021, 11, 26))
        .exclude(standard__in=[s.value for s, _t, _a in _standard()])
        .prefetch_related("beslut")
        .order_by("ordning")
    )
    mote = services.mote_create(
        actor=actor,
        organ=Organ.objects.get(typ=Organ.Typ.STYRELSE),
        datum=datum,
        plats="Kommunhuset, sammanträdesrum Granen",
    )
    for i in range(antal):
        p = forlaga[i % len(forlaga)] if forlaga else None
        services.paragraf_create(
            actor=actor,
            protokoll=mote.protokoll,
            rubrik=p.rubrik if p else f"Ärende {i + 1}",
            text=p.text if p else "",
            beslut=[a.text for a in p.beslut.all()] if p else [],
        )
    return mote.protokoll


def _standard():

    return STANDARD_INLEDNING + STANDARD_AVSLUTNING


LAST_DATUM = dt.date(2031, 2, 14)  # the load test's own draft protocol
LAST_PERIOD = (dt.date(2030, 1, 1), dt.date(2030, 4, 30))


def forbered_belastning(*, tokens: int = 3000) -> dict:
    """What the load test's simulated users work on, in a database with the demo: a draft
    protocol of 25 paragraphs for the förbundschef, a draft statistics period for the
    demo's insatspersonal, and an open survey round with `tokens` single-use links. Run again,
    it reuses the protocol and the period and adds fresh links."""

    kansli = get_user_model().objects.get(username="forbundschef")
    protokoll = Protokoll.objects.filter(mote__datum=LAST_DATUM, status="utkast").first()
    if protokoll is None:
        protokoll = utkast_med_paragrafer(actor=kansli, datum=LAST_DATUM)
    insats = Insats.objects.get(personal__user__username="insatspersonal")
    period = Period.objects.filter(insats=insats, fran=LAST_PERIOD[0], till=LAST_PERIOD[1]).first()
    if period is None:
        period = insats_services.period_create(
            actor=kansli, insats=insats, fran=LAST_PERIOD[0], till=LAST_PERIOD[1]
        )
    idag = timezone.localdate()
    formular = Formular.objects.filter(kod="deltagare_pagaende").order_by("-version").first()
    omgang = Omgang.objects.filter(
        formular=formular, insats=insats, oppnar__lte=idag, stanger__gte=idag
    ).first()
    if omgang is None:
        omgang = enkat_services.omgang_create(
            actor=kansli,
            formular=formular,
            ar=idag.year,
            oppnar=idag - dt.timedelta(days=1),
            stanger=idag + dt.timedelta(days=30),
            insats=insats,
        )
    nya = []
    for i in range(0, tokens, 1000):  # the service hands out at most 1 000 at a time
        nya += enkat_services.tokens_create(
            actor=kansli, omgang=omgang, antal=min(1000, tokens - i)
        )
    return {
        "protokoll": protokoll.pk,
        "paragrafer": list(protokoll.paragrafer.order_by("ordning").values_list("pk", flat=True)),
        "insats": insats.pk,
        "period": period.pk,
        "omgang": omgang.pk,
        "fragor": [{"pk": f.pk, "typ": f.typ} for f in omgang.formular.fragor.order_by("ordning")],
        "tokens": [t.kod for t in nya],
    }
