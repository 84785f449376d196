"""The demo förbund's years since the seeds, up to today: the förbund lives in the present.

Seed 003 ends in January 2022. From there, every year up to the year of
`timezone.localdate()` is generated from today's date, so the demo never goes stale, through
the same services the users' pages call, in date order, as the year would have happened:

* the board meets about six times a year (`demo_aren_data.MOTESPLAN`); each meeting gets its
  dagordning, närvaro with quorum, paragraphs from the dagordning, § numbers in date order,
  justering by the ordförande and a justerare who was present and serving (and has a login)
  within 14 days, and its anslag the day after;
* the year's items fall to the first meeting on or after their date: the insatser's
  årsrapporter and the årsredovisning of the year before (spring), the delårsrapport
  January–August (autumn), the grants for next year (the applications on the dagordning,
  one paragraph each, Att-clause → Beviljning) and next year's budget with its plan years
  (fastställd in a paragraph);
* grants are paid by quarterly requisitions (the seed's grants of 2022: half on the
  agreement, the rest when the board has approved the årsrapport), each payment requested,
  attested by two other people and paid (`_betala`, the one place payments are made);
* the books: medelstilldelning per part quarterly, the förbund's own costs month by month,
  the payments on the insats's account, at year end the grants not yet paid as upplupna
  kostnader; imported every month, the day after it closes, as a SIE4 file through
  `ekonomi.services.utfall_import` (the förbund's #ORGNR, #RAR 0 of the year, balanced
  vouchers); a prognos after April and at delår;
* SUS statistics per insats for January–August and September–December, sent in and approved
  with the carry-over from the period before; follow-up meetings twice a year; two
  arrangemang a year.

Now and ahead: the last meeting (a week ago) has its protocol numbered and waiting for the
ordförande's and the ledamot's justering; the coming one (within a week) has its dagordning
with an application on it, its handlingar uploaded and its kallelse sent. Whatever is due at
it (the delårsrapport after August, next year's grants and budget in the autumn, last year's
reports in the spring) waits there.

2021 keeps seed 003's budget and prognos; its books are generated to equal the prognos line
by line (the year ended as the board's prognos said: −288 000 kr, eget kapital 1 219 000).
"""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from ekonomi import selectors as ekonomi_selectors
from ekonomi import services as ekonomi_services
from ekonomi.models import Budgetpost, Budgetversion, Grupp, Utfallsimport, Verksamhetsar
from forbund.http import render_pdf
from forbund.models import Forbund, Organ, Part, Person
from forbund.selectors import kommunnamn
from insatser import selectors as insats_selectors
from insatser import services as insats_services
from insatser import sus
from insatser.models import (
    Ansokan,
    Arrangemang,
    Arsrapport,
    Beviljning,
    Delbetalning,
    Insats,
    Mal,
    Tabell,
    Utbetalning,
)
from moten import dokument, kalender
from moten import services as moten_services
from moten.models import Dagordningspunkt, Mote, Narvaro, Paragraf, Protokoll, Standardpunkt
from rapporter import services as rapporter_services
from rapporter import verksamhetsrapport
from rapporter.models import Verksamhetsrapport

from . import demo_aren_data as data
from .demo_ekonomi import POSTER_2021

STOCKHOLM = ZoneInfo("Europe/Stockholm")
User = get_user_model()

# Prio within a day: the books close before the month is imported, the import before the
# day's meetings and payments.
BOKSLUT, IMPORT, INGAENDE, FORE, MOTE, EFTER, BETALNING = 5, 10, 15, 20, 50, 55, 60


# --- dates ----------------------------------------------------------------------------------


def idag() -> dt.date:
    return timezone.localdate()


def fredag_fran(d: dt.date) -> dt.date:
    """The first Friday on or after `d` that is a weekday (not a holiday)."""
    while d.weekday() != 4 or not kalender.vardag(d):
        d += dt.timedelta(days=1)
    return d


def vardag_fran(d: dt.date, steg: int = 1) -> dt.date:
    while not kalender.vardag(d):
        d += dt.timedelta(days=steg)
    return d


def sista_motet(i: dt.date | None = None) -> dt.date:
    """The last board meeting: a weekday about a week ago, so its protocol is within the
    14 days of justering."""
    return vardag_fran((i or idag()) - dt.timedelta(days=7), -1)


def kommande_motet(i: dt.date | None = None) -> dt.date:
    """The coming board meeting: the first weekday six days or more from today, its kallelse
    sent."""
    return vardag_fran((i or idag()) + dt.timedelta(days=6))


def sista_stangda_manad(i: dt.date | None = None) -> dt.date:
    """The last day of the last closed month: what the books are imported up to."""
    return (i or idag()).replace(day=1) - dt.timedelta(days=1)


def utfallsar(i: dt.date | None = None) -> int:
    """The latest year with utfall: the year of the last closed month (in January, last
    year). The economy pages open on it."""
    return sista_stangda_manad(i).year


def motesdagar(i: dt.date | None = None) -> list[dt.date]:
    """The board's meetings held from February 2022 up to the last one, in date order: the
    schedule's, then the last meeting (the schedule's meetings in the three weeks before it
    make room for it)."""
    i = i or idag()
    sista = sista_motet(i)
    dagar = []
    for ar in range(data.FORSTA_AR, i.year + 1):
        for manad, dag in data.MOTESPLAN:
            d = fredag_fran(dt.date(ar, manad, dag))
            if d < sista - dt.timedelta(days=21):
                dagar.append(d)
    return [*dagar, sista]


def _tusen(belopp: float) -> int:
    """Whole thousands of kronor."""
    return int(round(belopp, -3))


def _pa(d: dt.date, tid: dt.time) -> dt.datetime:
    return dt.datetime.combine(d, tid, STOCKHOLM)


def _fran(ar: int, md: tuple[int, int]) -> dt.date:
    return dt.date(ar, *md)


# --- the books ------------------------------------------------------------------------------


@dataclass
class Ver:
    datum: dt.date
    text: str
    rader: list[tuple[int, Decimal]]


def sie4(*, orgnr: str, fnamn: str, ar: int, per: dt.date, konton: dict, ver: list[Ver]) -> bytes:
    """A SIE4 export of the year's vouchers up to `per` (code page 437, as SIE 4B says)."""
    rader = [
        "#FLAGGA 0",
        '#PROGRAM "Demobokföring Förbundsportalen" 1.0',
        "#FORMAT PC8",
        f"#GEN {per:%Y%m%d}",
        "#SIETYP 4",
        f"#ORGNR {orgnr}",
        f'#FNAMN "{fnamn}"',
        f"#RAR 0 {ar}0101 {ar}1231",
        f"#OMFATTN {per:%Y%m%d}",
        "#KPTYP BAS2014",
    ]
    anvanda = sorted({k for v in ver for k, _b in v.rader})
    for konto in anvanda:
        rader.append(f'#KONTO {konto} "{konton.get(konto, "")}"')
    for n, v in enumerate(sorted(ver, key=lambda v: v.datum), start=1):
        rader += [f'#VER A {n} {v.datum:%Y%m%d} "{v.text}"', "{"]
        rader += [f"   #TRANS {konto} {{}} {belopp:.2f}" for konto, belopp in v.rader]
        rader.append("}")
    text = "\r\n".join(rader).replace("–", "-") + "\r\n"
    return text.encode("cp437", errors="replace")


def _delar(total: int, manader) -> list[tuple[int, int]]:
    """`total` spread over the months, whole kronor, the last month taking the rest."""
    manader = list(range(1, 13)) if manader == "manad" else list(manader)
    del_ = total // len(manader)
    return [(m, total - del_ * (len(manader) - 1) if i == len(manader) - 1 else del_) for i, m in enumerate(manader)]  # fmt: skip


# --- the generator --------------------------------------------------------------------------


@dataclass(order=True)
class _Handelse:
    datum: dt.date
    prio: int
    nr: int
    gor: Callable = field(compare=False)


@dataclass
class _Ansokan:
    plan: data.Insatsplan
    ar: int
    belopp: int
    fran: dt.date  # decided at the first meeting on or after this date
    ansokan: Ansokan | None = None


class Demoar:
    """Walks from 2021 to today, one event at a time in date order."""

    def __init__(self, i: dt.date):
        self.idag = i
        self.rnd = random.Random(2022)  # noqa: S311 - generated demo data, not security
        self.ko: list[_Handelse] = []
        self.nr = 0
        self.forbund = Forbund.objects.get()
        users = {u.username: u for u in User.objects.all()}
        self.kansli = users["forbundschef"]
        self.utvecklingsledare = users["utvecklingsledare"]
        self.ordforande_konto = users["ordforande"]
        self.insatspersonal = users.get("insatspersonal")
        self.styrelsen = Organ.objects.get(typ=Organ.Typ.STYRELSE)
        self.personer = {p.namn: p for p in Person.objects.select_related("user")}
        self.insatser = {i.namn: i for i in Insats.objects.all()}
        self.planer = {p.namn: p for p in data.INSATSPLANER}
        self.kommuner = kommunnamn()
        self.bok: dict[int, list[Ver]] = defaultdict(list)
        self.kontonamn = dict(data.KONTONAMN)
        self.gjort: set = set()
        self.ansokningar: list[_Ansokan] = []
        self.planerat: dict[tuple[int, int], int] = {}  # (år, konto) -> planned utfall
        self.ingaende: dict[int, int] = {}
        self.motesnummer = 0

    # -- the event queue --

    def pa(self, datum: dt.date, prio: int, gor: Callable) -> None:
        if datum <= self.idag:
            self.nr += 1
            heapq.heappush(self.ko, _Handelse(datum, prio, self.nr, gor))

    def kor(self) -> None:
        self._planera()
        while self.ko:
            heapq.heappop(self.ko).gor()
        self._kommande_mote()

    # -- what happens when --

    def _planera(self) -> None:
        sista_ar = self.idag.year
        self._poster()
        self._ar_2021()
        self._budget_2022()
        for ar in range(data.FORSTA_AR, sista_ar + 1):
            self.pa(dt.date(ar, 1, 1), FORE, lambda ar=ar: self._arets_bocker(ar))
            self.pa(dt.date(ar, 1, 10), FORE, lambda ar=ar: self._arets_planer(ar))
            self.pa(dt.date(ar, 1, 20), FORE, lambda ar=ar: self._arsrapporter_skriv(ar - 1))
            self.pa(dt.date(ar, 1, 25), FORE, lambda ar=ar: self._arsredovisning_skapa(ar - 1))
            self.pa(dt.date(ar, 5, 5), FORE, lambda ar=ar: self._prognos(ar, var=True))
            self.pa(dt.date(ar, 9, 1), FORE, lambda ar=ar: self._delarsrapport_skapa(ar))
            self.pa(dt.date(ar, 9, 5), FORE, lambda ar=ar: self._prognos(ar, var=False))
            self.pa(dt.date(ar, 9, 15), FORE, lambda ar=ar: self._ansokningar(ar + 1))
            for manad in range(1, 13):
                sista = dt.date(ar, manad, calendar.monthrange(ar, manad)[1])
                dagen_efter = sista + dt.timedelta(days=1)
                if manad == 12:
                    self.pa(dagen_efter, BOKSLUT, lambda ar=ar: self._bokslut(ar))
                    self.pa(dagen_efter, INGAENDE, lambda ar=ar: self._ingaende(ar + 1))
                self.pa(dagen_efter, IMPORT, lambda ar=ar, per=sista: self._importera(ar, per))
            self._statistik(ar)
            self._uppfoljningar(ar)
            self._arrangemang(ar)
        sista = sista_motet(self.idag)
        for d in motesdagar(self.idag):
            self.pa(d, MOTE, lambda d=d: self._hall_mote(d, justeras=d != sista))

    def _poster(self) -> None:
        """The kontoplan's names, the budget posts of 2021 by account, and the new ones."""
        self.poster: dict[int, Budgetpost] = {}
        for post in Budgetpost.objects.prefetch_related("konton").select_related("insats"):
            for k in post.konton.all():
                self.poster[k.nummer] = post
                self.kontonamn.setdefault(k.nummer, k.namn or post.visningsnamn)
        grupp, namn, konto = data.NYA_INSATSER
        if konto not in self.poster:
            self.poster[konto] = ekonomi_services.budgetpost_create(
                actor=self.kansli, grupp=grupp, namn=namn, konton=[konto], ordning=999
            )
            ekonomi_services.kontonamn_anta(actor=self.kansli, namn={konto: namn}, fran="demo")
        self.kontonamn[konto] = namn

    # -- 2021: seed 003's budget and prognos; the books equal the prognos --

    def _ar_2021(self) -> None:
        rnd = random.Random(2021)  # noqa: S311 - generated demo data
        for grupp, namn, konto, _budget, prognos, _insats, intakt in POSTER_2021:
            total = int(Decimal(prognos) * 1000)
            if not total:
                continue
            if grupp == Grupp.INTAKTER:
                self._intakt(2021, konto, total, namn)
                continue
            manader = (3, 6, 9, 12) if grupp == Grupp.INSATSER else "manad"
            if grupp == Grupp.STYRELSEN or rnd.random() < 0.3:
                manader = (3, 6, 9, 12)
            for manad, belopp in _delar(total, manader):
                tecken = -1 if intakt else 1
                self._kostnad(2021, konto, dt.date(2021, manad, 25), tecken * belopp, namn)
        for manad in range(1, 13):
            sista = dt.date(2021, manad, calendar.monthrange(2021, manad)[1])
            self.pa(
                sista + dt.timedelta(days=1), IMPORT, lambda per=sista: self._importera(2021, per)
            )
        self.ingaende[2021] = Verksamhetsar.objects.get(ar=2021).ingaende_eget_kapital

    def _intakt(self, ar: int, konto: int, total: int, namn: str) -> None:
        for manad, belopp in _delar(total, (1, 4, 7, 10)):
            self.bok[ar].append(
                Ver(
                    dt.date(ar, manad, 20),
                    f"Medelstilldelning {namn} kvartal {(manad + 2) // 3}",
                    [(data.BANK, Decimal(belopp)), (konto, Decimal(-belopp))],
                )
            )

    def _kostnad(self, ar: int, konto: int, datum: dt.date, belopp: int, text: str) -> None:
        if datum <= self.idag:
            self.bok[ar].append(
                Ver(datum, text[:60], [(konto, Decimal(belopp)), (data.BANK, Decimal(-belopp))])
            )

    # -- the budget of 2022: fastställd in seed 003's § 168 --

    def _budget_2022(self) -> None:
        self.ingaende[2022] = self.ingaende[2021] + self._resultat_2021()
        paragraf = Paragraf.objects.get(
            protokoll__mote__datum=dt.date(2021, 11, 26), nummer=168, organ=self.styrelsen
        )
        version = self._budget_forslag(2022, ingaende=self.ingaende[2022])
        ekonomi_services.budgetversion_faststall(
            actor=self.kansli, version=version, paragraf=paragraf
        )
        self.gjort.add(("budget", 2022))
        # The board's decisions on 2022 (and SIP 2023) were made in § 161–167.
        for b in Beviljning.objects.filter(utfall=Beviljning.Utfall.BEVILJAD).select_related(
            "insats"
        ):
            self._betalplan_datum(b)
        # Rehabvägledare: no grant in § 161–167 (seed 003); the board granted 2022 in
        # February from the year's "nya insatser".
        self.ansokningar.append(
            _Ansokan(self.planer["Rehabvägledare"], 2022, 600_000, dt.date(2022, 2, 1))
        )
        self._ny_ansokan(self.ansokningar[-1], inkommen=dt.date(2022, 1, 31))

    def _resultat_2021(self) -> int:
        return sum(
            int(Decimal(prognos) * 1000) * (1 if grupp == Grupp.INTAKTER or intakt else -1)
            for grupp, _n, _k, _b, prognos, _i, intakt in POSTER_2021
        )

    # -- each year's books and plans --

    def _arets_bocker(self, ar: int) -> None:
        """The year's medelstilldelning and the förbund's own costs, from its budget."""
        version = ekonomi_selectors.budgetversion(ar)
        rader = {r.post_id: r.belopp for r in version.rader.all()} if version else {}
        for konto in (3010, 3020, 3030):
            post = self.poster[konto]
            if rader.get(post.pk):
                self._intakt(ar, konto, rader[post.pk], post.namn)
        rnd = random.Random(ar)  # noqa: S311 - generated demo data
        for konto, (_bas, manader) in data.EGNA_POSTER.items():
            post = self.poster[konto]
            budget = rader.get(post.pk, 0)
            if konto == data.RANTEINTAKTER:
                total = 1_000 + rnd.randrange(0, 4_000)
                self.planerat[(ar, konto)] = total
                self._kostnad(ar, konto, dt.date(ar, 12, 31), -total, "Ränta på bankmedel")
                continue
            total = int(round(budget * rnd.uniform(0.86, 1.06), -2))
            self.planerat[(ar, konto)] = total
            for manad, belopp in _delar(total, manader):
                dag = 28 if manad == 2 else 25
                self._kostnad(ar, konto, dt.date(ar, manad, dag), belopp, post.namn)

    def _arets_planer(self, ar: int) -> None:
        """SIP's goals and the insatser's dates for the year."""
        sip = self.insatser.get("SIP-samordnare Arbetsmarknadstorget")
        if sip and ar > 2022:
            Mal.objects.get_or_create(
                insats=sip,
                ar=ar,
                matt=Mal.Matt.DELTAGARE,
                defaults={"malvarde": 40, "beskrivning": f"40 deltagare med SIP under {ar}"},
            )
            Mal.objects.get_or_create(
                insats=sip,
                ar=ar,
                matt=Mal.Matt.ARBETE_STUDIER,
                defaults={"malvarde": 10, "beskrivning": "10 avslut till arbete eller studier"},
            )
        for plan in self.planer.values():
            insats = self.insatser.get(plan.namn)
            if insats and plan.till is not None and plan.till == ar - 1:
                insats.status = Insats.Status.AVSLUTAD
                insats_services.insats_save(actor=self.kansli, insats=insats)

    def _bokslut(self, ar: int) -> None:
        """Grants of the year not paid by 31 December are the year's cost all the same:
        booked as upplupna kostnader, settled when paid."""
        for b in Beviljning.objects.filter(ar=ar, utfall=Beviljning.Utfall.BEVILJAD).select_related(
            "insats"
        ):
            betalt = sum(
                u.belopp
                for u in b.utbetalningar.all()
                if u.status == Utbetalning.Status.UTBETALD and u.utbetald.year == ar
            )
            kvar = b.belopp - betalt
            post = self._insatspost(b.insats)
            if kvar > 0 and post is not None:
                konto = self._konto(post)
                self.bok[ar].append(
                    Ver(
                        dt.date(ar, 12, 31),
                        f"Upplupet bidrag {b.insats.namn}"[:60],
                        [(konto, Decimal(kvar)), (data.UPPLUPET, Decimal(-kvar))],
                    )
                )

    def _resultat(self, ar: int) -> int:
        """The year's resultat in the books: income minus costs over the result accounts."""
        summa = sum(b for v in self.bok[ar] for k, b in v.rader if 3000 <= k < 9000)
        return int(-summa)

    def _ingaende(self, ar: int) -> None:
        """Eget kapital into the new year: last year's opening plus its resultat."""
        self.ingaende[ar] = self.ingaende[ar - 1] + self._resultat(ar - 1)
        ekonomi_services.verksamhetsar_save(
            actor=self.kansli, ar=ar, ingaende_eget_kapital=self.ingaende[ar]
        )

    def _importera(self, ar: int, per: dt.date) -> None:
        ver = [v for v in self.bok[ar] if v.datum <= per]
        if not ver:
            return
        fil = sie4(
            orgnr=self.forbund.organisationsnummer,
            fnamn=self.forbund.namn,
            ar=ar,
            per=per,
            konton=self.kontonamn,
            ver=ver,
        )
        ekonomi_services.utfall_import(
            actor=self.kansli, data=fil, filnamn=f"huvudbok-{per:%Y-%m}.se", ar=ar, per=per
        )

    # -- budget --

    def _budget_forslag(self, ar: int, *, ingaende: int) -> Budgetversion:
        """Next year's budget as the kansli draws it up: the medelstilldelning per part, one
        line per insats from the grants, the förbund's own lines, and "nya insatser" to reach
        the planned resultat; plan years for the two years after."""
        va = ekonomi_services.verksamhetsar_save(
            actor=self.kansli, ar=ar, ingaende_eget_kapital=ingaende
        )
        version = ekonomi_services.budgetversion_create(
            actor=self.kansli, verksamhetsar=va, namn=f"Budget {ar}"
        )
        ekonomi_services.medelstilldelning_bokfor(
            actor=self.kansli, version=version, statens_belopp=data.statens_medel(ar)
        )
        ekonomi_services.insatsposter_from_beviljningar(actor=self.kansli, version=version)
        for post in Budgetpost.objects.filter(insats__isnull=False, konton=None).select_related(
            "insats"
        ):
            plan = self.planer.get(post.insats.namn)
            if plan:
                ekonomi_services.konto_mappa(actor=self.kansli, konto=plan.konto, post=post)
                ekonomi_services.kontonamn_anta(
                    actor=self.kansli, namn={plan.konto: plan.namn[:200]}, fran="demo"
                )
                self.poster[plan.konto] = post
                self.kontonamn[plan.konto] = plan.namn
        befintliga = {r.post_id: r for r in version.rader.all()}
        rader: dict = {}
        fordelning = {
            n: dict(ekonomi_services.medelstilldelning_fordelning(data.statens_medel(n)))
            for n in (ar + 1, ar + 2)
        }

        def plan_intakt(post, n):
            for part, belopp in fordelning[n].items():
                namn = "Försäkringskassan/Arbetsförmedlingen" if part == "stat" else part.namn
                if namn == post.namn:
                    return belopp
            return None

        for post_id, rad in befintliga.items():
            post = next(p for p in self.poster.values() if p.pk == post_id)
            if post.grupp == Grupp.INTAKTER:
                rader[post] = (rad.belopp, plan_intakt(post, ar + 1), plan_intakt(post, ar + 2))
            else:
                rader[post] = (
                    rad.belopp,
                    _tusen(rad.belopp * 1.02),
                    _tusen(rad.belopp * 1.04),
                )
        for konto, (bas, _m) in data.EGNA_POSTER.items():
            belopp = _tusen(bas * 1.03 ** (ar - data.FORSTA_AR))
            rader[self.poster[konto]] = (belopp, _tusen(belopp * 1.03), _tusen(belopp * 1.06))
        intakter = sum(b for p, (b, _1, _2) in rader.items() if p.raknas_som_intakt)
        kostnader = sum(b for p, (b, _1, _2) in rader.items() if not p.raknas_som_intakt)
        tak = ekonomi_selectors.kapitaltak(intakter) or 0
        # A small planned deficit, larger when eget kapital nears the ceiling.
        mal = -50_000 if ingaende < 0.9 * float(tak) else -_tusen(ingaende - 0.8 * float(tak))
        nya = max(0, intakter - kostnader - mal)
        rader[self.poster[data.NYA_INSATSER[2]]] = (nya, nya, nya)
        ekonomi_services.budgetrader_save(actor=self.kansli, version=version, rader=rader)
        return version

    # -- prognos --

    def _prognos(self, ar: int, *, var: bool) -> None:
        """After April (a first prognos) and at delår: income as budgeted, each insats its
        grants, the own lines as the year is turning out, nothing left of "nya insatser"."""
        version = ekonomi_selectors.budgetversion(ar)
        if version is None:
            return
        budget = {r.post_id: r.belopp for r in version.rader.all()}
        beviljat = {i: p.beviljat for i, p in insats_selectors.pengar_per_insats(ar).items()}
        belopp = {}
        for konto, post in self.poster.items():
            if post.grupp == Grupp.INTAKTER:
                if post.pk in budget:
                    belopp[post] = budget[post.pk]
            elif post.insats_id:
                if post.insats_id in beviljat or post.pk in budget:
                    belopp[post] = beviljat.get(post.insats_id, 0)
            elif konto == data.NYA_INSATSER[2]:
                if post.pk in budget:
                    belopp[post] = 0
            elif (ar, konto) in self.planerat:
                planerat = self.planerat[(ar, konto)]
                belopp[post] = max(
                    0, int(round(planerat * (1.04 if var else 1), -4 if var else -3))
                )
        ekonomi_services.prognos_save(actor=self.kansli, ar=ar, belopp=belopp)

    def _insatspost(self, insats: Insats) -> Budgetpost | None:
        return next((p for p in self.poster.values() if p.insats_id == insats.pk), None)

    def _konto(self, post: Budgetpost) -> int:
        return next(k for k, p in self.poster.items() if p.pk == post.pk)

    # -- applications and grants --

    def _ansokningar(self, ar: int) -> None:
        """Applications for next year come in by mid-September; decided in October."""
        for plan in self.planer.values():
            if plan.beviljas(ar):
                a = _Ansokan(plan, ar, plan.belopp(ar), _fran(ar - 1, data.BEVILJNINGAR_FRAN))
                self.ansokningar.append(a)
                self._ny_ansokan(a, inkommen=dt.date(ar - 1, 9, 15))

    def _ny_ansokan(self, a: _Ansokan, *, inkommen: dt.date) -> None:
        insats = self.insatser.get(a.plan.namn)
        if insats is None:
            insats = Insats(
                namn=a.plan.namn,
                typ=a.plan.typ,
                huvudman=Part.objects.filter(namn=a.plan.huvudman).first(),
                utforare=a.plan.utforare,
                malgrupp=a.plan.malgrupp,
                beskrivning=a.plan.beskrivning,
                status=Insats.Status.ANSOKAN,
            )
            insats_services.insats_save(
                actor=self.kansli, insats=insats, kommuner=list(Part.objects.filter(typ="kommun"))
            )
            self.insatser[insats.namn] = insats
        personal = _tusen(a.belopp * 0.86)
        lokal = _tusen(a.belopp * 0.08)
        a.ansokan = insats_services.ansokan_create(
            actor=self.kansli,
            insats=insats,
            inkommen=inkommen,
            text=(
                f"{insats.namn} ansöker om fortsatt finansiering för {a.ar}: personal, lokal och "
                "data/IT enligt budget. Verksamheten redovisas i SUS och i årsrapporten."
                if insats.status != Insats.Status.ANSOKAN
                else f"{a.plan.beskrivning} Ansökan avser {a.ar}."
            ),
            belopp=[
                {
                    "ar": a.ar,
                    "personal": personal,
                    "lokal": lokal,
                    "data_it": 0,
                    "ovrigt": a.belopp - personal - lokal,
                }
            ],
        )

    def _bevilja(self, a: _Ansokan, paragraf: Paragraf) -> None:
        insats = a.ansokan.insats
        beviljning = insats_services.beviljning_create(
            actor=self.kansli,
            insats=insats,
            paragraf=paragraf,
            attsats=paragraf.beslut.order_by("ordning", "pk").first(),
            ar=a.ar,
            belopp=a.belopp,
        )
        insats.refresh_from_db()
        insats.status = Insats.Status.PAGAENDE
        insats.startdatum = insats.startdatum or dt.date(a.ar, 1, 1)
        insats.slutdatum = max(insats.slutdatum or dt.date(a.ar, 12, 31), dt.date(a.ar, 12, 31))
        insats_services.insats_save(actor=self.kansli, insats=insats)
        self._rekvisitioner(beviljning, beslut=paragraf.protokoll.mote.datum)

    # -- payments: the one place a payment is requested, attested and paid --

    def _rekvisitioner(self, beviljning: Beviljning, *, beslut: dt.date) -> None:
        """Four requisitions a quarter apart, each requested at the start of its quarter (not
        before the decision)."""
        kvart = beviljning.belopp // 4
        for q in range(4):
            belopp = beviljning.belopp - 3 * kvart if q == 3 else kvart
            d = insats_services.delbetalning_create(
                actor=self.kansli,
                beviljning=beviljning,
                utlosare=Delbetalning.Utlosare.REKVISITION,
                belopp=belopp,
            )
            begard = vardag_fran(
                max(dt.date(beviljning.ar, 1 + 3 * q, 8), beslut + dt.timedelta(days=7))
            )
            self.pa(begard, BETALNING, lambda d=d, begard=begard: self._betala(d, begard))

    def _betalplan_datum(self, b: Beviljning) -> None:
        """The seed's grants: half when the agreement is signed (January of the year); a sum
        set aside for the premises' host (no payment plan) paid whole in February."""
        plan = list(b.betalplan.all())
        for d in plan:
            if d.utlosare == Delbetalning.Utlosare.AVTAL:
                avtal = vardag_fran(dt.date(b.ar, 1, 17))
                self.pa(avtal, BETALNING, lambda d=d, avtal=avtal: self._betala(d, avtal))
        if not plan:
            dag = vardag_fran(dt.date(b.ar, 2, 10))
            self.pa(dag, BETALNING, lambda b=b, dag=dag: self._betala(None, dag, beviljning=b))

    def _betala(
        self,
        delbetalning: Delbetalning | None,
        begard: dt.date,
        *,
        beviljning: Beviljning | None = None,
    ) -> None:
        """Released, requested by the utvecklingsledare, attested by the förbundschef and the
        ordförande (two others), paid: each step on its own day, as far as today reaches.
        Without an instalment, the whole grant at once."""
        if delbetalning is not None:
            insats_services.delbetalning_utlos(
                actor=self.kansli, delbetalning=delbetalning, datum=begard
            )
            beviljning = delbetalning.beviljning
        u = insats_services.utbetalning_begar(
            actor=self.utvecklingsledare,
            beviljning=beviljning,
            belopp=delbetalning.belopp if delbetalning else beviljning.belopp,
            delbetalning=delbetalning,
            tidpunkt=_pa(begard, dt.time(9)),
        )
        attest1 = vardag_fran(begard + dt.timedelta(days=1))
        attest2 = vardag_fran(attest1 + dt.timedelta(days=1))
        betald = vardag_fran(attest2 + dt.timedelta(days=1))
        self.pa(
            attest1,
            BETALNING,
            lambda: insats_services.utbetalning_attestera(
                actor=self.kansli, utbetalning=u, tidpunkt=_pa(attest1, dt.time(10))
            ),
        )
        self.pa(
            attest2,
            BETALNING + 1,
            lambda: insats_services.utbetalning_attestera(
                actor=self.ordforande_konto, utbetalning=u, tidpunkt=_pa(attest2, dt.time(14))
            ),
        )
        self.pa(betald, BETALNING + 2, lambda: self._utbetald(u, betald))

    def _utbetald(self, u: Utbetalning, datum: dt.date) -> None:
        insats_services.utbetalning_utbetald(actor=self.kansli, utbetalning=u, datum=datum)
        b = u.beviljning
        post = self._insatspost(b.insats)
        if post is None:
            return
        # Paid in its own year: the insats's cost; after it: the upplupna kostnad settled.
        konto = self._konto(post) if datum.year == b.ar else data.UPPLUPET
        self.bok[datum.year].append(
            Ver(
                datum,
                f"Utbetalning {b.insats.namn}"[:60],
                [(konto, Decimal(u.belopp)), (data.BANK, Decimal(-u.belopp))],
            )
        )

    # -- reports --

    def _arsrapporter_skriv(self, ar: int) -> None:
        for b in Beviljning.objects.filter(ar=ar, utfall=Beviljning.Utfall.BEVILJAD).select_related(
            "insats"
        ):
            if Arsrapport.objects.filter(insats=b.insats, ar=ar).exists():
                continue
            r = insats_services.arsrapport_save(
                actor=self.kansli, insats=b.insats, ar=ar, **data.ARSRAPPORT_TEXTER
            )
            self.pa(
                dt.date(ar + 1, 1, 28),
                FORE,
                lambda r=r: insats_services.arsrapport_lamna_in(actor=self.kansli, rapport=r),
            )

    def _arsredovisning_skapa(self, ar: int) -> None:
        if ar >= data.FORSTA_AR:
            rapporter_services.verksamhetsrapport_create(
                actor=self.kansli,
                typ=Verksamhetsrapport.Typ.ARSREDOVISNING,
                fran=dt.date(ar, 1, 1),
                till=dt.date(ar, 12, 31),
                texter=data.ARSREDOVISNING_TEXTER,
            )

    def _delarsrapport_skapa(self, ar: int) -> None:
        rapporter_services.verksamhetsrapport_create(
            actor=self.kansli,
            typ=Verksamhetsrapport.Typ.DELARSRAPPORT,
            fran=dt.date(ar, 1, 1),
            till=dt.date(ar, 8, 31),
            texter=data.ARSREDOVISNING_TEXTER | {"planerat": "- Indikatorenkäterna i höst"},
        )

    # -- meetings --

    def _punkter(self, d: dt.date) -> list[dict]:
        """The items due at a meeting on `d`, in order. Each: rubrik, underlag, förslag and
        what the decision does (`efter`, given the paragraph), or an application."""
        ar = d.year
        punkter = []
        if d >= _fran(ar, data.ARSRAPPORTER_FRAN) and ("arsrapporter", ar - 1) not in self.gjort:
            rapporter = list(
                Arsrapport.objects.filter(ar=ar - 1, status=Arsrapport.Status.INLAMNAD)
            )
            if rapporter:
                punkter.append(
                    {
                        "nyckel": ("arsrapporter", ar - 1),
                        "rubrik": f"Insatsernas årsrapporter {ar - 1}",
                        "underlag": "Insatserna har lämnat in sina årsrapporter. Kansliet har "
                        "granskat dem och föreslår att styrelsen godkänner dem; då betalas "
                        "resterande medel ut där beslutet villkorat dem av redovisningen.",
                        "forslag": f"godkänna insatsernas årsrapporter för {ar - 1}.",
                        "efter": lambda p, rapporter=rapporter: self._godkann_arsrapporter(
                            rapporter, p
                        ),
                    }
                )
        arsredovisning = Verksamhetsrapport.objects.filter(
            typ=Verksamhetsrapport.Typ.ARSREDOVISNING,
            till=dt.date(ar - 1, 12, 31),
            status=Verksamhetsrapport.Status.UTKAST,
        ).first()
        if d >= _fran(ar, data.ARSREDOVISNING_FRAN) and arsredovisning:
            punkter.append(
                {
                    "nyckel": ("arsredovisning", ar - 1),
                    "rubrik": f"Årsredovisning {ar - 1}",
                    "underlag": f"Förbundschefen redovisar årsredovisningen för {ar - 1}.",
                    "forslag": f"godkänna årsredovisningen för {ar - 1} och överlämna den till "
                    "revisorerna och förbundsmedlemmarna.",
                    "rapport": arsredovisning,
                    "efter": lambda p, r=arsredovisning: self._godkann_rapport(r, p),
                }
            )
        manad = sista_stangda_manad(min(d, self.idag))
        if d >= _fran(ar, data.VARPROGNOS_FRAN) and ("varprognos", ar) not in self.gjort:
            punkter.append(
                {
                    "nyckel": ("varprognos", ar),
                    "rubrik": f"Budgetuppföljning per {manad:%Y-%m-%d} med prognos för {ar}",
                    "underlag": "Förbundschefen redovisar utfallet och en första prognos för "
                    "helåret.",
                    "forslag": "lägga budgetuppföljningen till handlingarna.",
                    "uppfoljning": (manad.year, manad),
                }
            )
        else:
            punkter.append(
                {
                    "rubrik": f"Budgetuppföljning per {manad:%Y-%m-%d}",
                    "underlag": "Förbundschefen redovisar utfallet hittills i år.",
                    "forslag": "lägga budgetuppföljningen till handlingarna.",
                    "uppfoljning": (manad.year, manad),
                }
            )
        delar = Verksamhetsrapport.objects.filter(
            typ=Verksamhetsrapport.Typ.DELARSRAPPORT,
            till=dt.date(ar, 8, 31),
            status=Verksamhetsrapport.Status.UTKAST,
        ).first()
        if d >= _fran(ar, data.DELARSRAPPORT_FRAN) and delar:
            punkter.append(
                {
                    "nyckel": ("delarsrapport", ar),
                    "rubrik": f"Delårsrapport januari–augusti {ar}",
                    "underlag": "Delårsrapporten med ekonomiskt utfall per 31 augusti och "
                    "prognos för helåret.",
                    "forslag": f"godkänna delårsrapporten för januari–augusti {ar}.",
                    "rapport": delar,
                    "efter": lambda p, r=delar: self._godkann_rapport(r, p),
                }
            )
        for a in self.ansokningar:
            if (
                a.ansokan is not None
                and a.fran <= d
                and a.ansokan.status == Ansokan.Status.REGISTRERAD
            ):
                punkter.append({"ansokan": a, "efter": lambda p, a=a: self._bevilja(a, p)})
        if d >= _fran(ar, data.BUDGET_FRAN) and ("budget", ar + 1) not in self.gjort:
            punkter.append(
                {
                    "nyckel": ("budget", ar + 1),
                    "rubrik": (
                        f"Fastställande av {ar + 1} års budget och verksamhetsplan med plan för "
                        f"{ar + 2} och {ar + 3}"
                    ),
                    "underlag": "Förbundschefen redovisar förslaget till budget och "
                    "verksamhetsplan. Insatsernas rader är styrelsens beviljade medel.",
                    "forslag": f"fastställa {ar + 1} års budget och verksamhetsplan med plan för "
                    f"{ar + 2} och {ar + 3} enligt upprättat förslag.",
                    "budget": ar + 1,
                    "efter": lambda p, ar=ar: self._faststall_budget(ar + 1, p),
                }
            )
            punkter.append(
                {
                    "rubrik": f"Attest- och utanordningsinstruktion med signaturlista {ar + 1}",
                    "underlag": "Instruktionen gäller oförändrad; signaturlistan anger vilka "
                    "som attesterar utbetalningar.",
                    "forslag": f"fastställa attest- och utanordningsinstruktionen med "
                    f"signaturlista för {ar + 1}.",
                }
            )
        rubrik, underlag = data.INFORMATION[self.motesnummer % len(data.INFORMATION)]
        punkter.append(
            {
                "rubrik": rubrik,
                "underlag": underlag,
                "forslag": "lägga informationen till handlingarna.",
            }
        )
        return punkter

    def _narvaro(self, nr: int, *, alla: bool) -> tuple[list, Person]:
        """Who came: every ordinarie member, or one absent with the ersättare of the same part
        serving; some ersättare present. The justerare is present, serving and has a login:
        the ledamot for Försäkringskassan, or the kommun's ersättare when she serves."""
        p = self.personer
        ordinarie = [
            ("Karin Ödmark", "Region Västernorrland", "Leif Stenholm"),
            ("Johan Bergvik", "Sundsvalls kommun", "Tove Ringblad"),
            ("Fredrika Alnö", "Försäkringskassan", "Lisa Kvarnström"),
            ("Petter Skönvik", "Arbetsförmedlingen", "Maja Hovid"),
        ]
        borta = None if alla else [None, "Johan Bergvik", None, "Petter Skönvik", None][nr % 5]
        rader, franvarande = [], []
        ersattare_narvarande = {"Tove Ringblad", "Lisa Kvarnström"} if nr % 2 else {"Leif Stenholm"}
        for namn, part, ers in ordinarie:
            if namn == borta:
                franvarande.append((namn, part))
                rader.append(
                    moten_services.NarvaroRad(
                        kategori=Narvaro.Kategori.TJANSTGORANDE,
                        namn=ers,
                        beskrivning=part,
                        person=p[ers],
                        ersatter=namn,
                    )
                )
            else:
                rader.append(
                    moten_services.NarvaroRad(
                        kategori=Narvaro.Kategori.ORDINARIE,
                        namn=namn,
                        beskrivning=part,
                        person=p[namn],
                    )
                )
        for _namn, part, ers in ordinarie:
            if any(r.namn == ers for r in rader):
                continue
            if ers in ersattare_narvarande:
                rader.append(
                    moten_services.NarvaroRad(
                        kategori=Narvaro.Kategori.ERSATTARE,
                        namn=ers,
                        beskrivning=part,
                        person=p[ers],
                    )
                )
            else:
                franvarande.append((ers, part))
        rader += [
            moten_services.NarvaroRad(
                kategori=Narvaro.Kategori.OVRIG,
                namn="Eva Sidsjö",
                beskrivning="Förbundschef, sekreterare",
                person=p["Eva Sidsjö"],
            ),
            moten_services.NarvaroRad(
                kategori=Narvaro.Kategori.OVRIG,
                namn="Oskar Granlo",
                beskrivning="Utvecklingsledare",
                person=p["Oskar Granlo"],
            ),
        ]
        rader += [
            moten_services.NarvaroRad(
                kategori=Narvaro.Kategori.FRANVARANDE, namn=namn, beskrivning=part, person=p[namn]
            )
            for namn, part in franvarande
        ]
        justerare = p["Tove Ringblad"] if borta == "Johan Bergvik" else p["Fredrika Alnö"]
        return rader, justerare

    def _nytt_mote(self, d: dt.date) -> tuple[Mote, list[tuple[dict, Dagordningspunkt]]]:
        mote = moten_services.mote_create(
            actor=self.kansli,
            organ=self.styrelsen,
            datum=d,
            plats=data.PLATSER[self.motesnummer % len(data.PLATSER)],
            starttid=dt.time(9),
            sluttid=dt.time(12),
        )
        lista = []
        for punkt in self._punkter(d):
            if "ansokan" in punkt:
                a = punkt["ansokan"]
                insats_services.ansokan_till_dagordning(
                    actor=self.kansli, ansokan=a.ansokan, mote=mote
                )
                a.ansokan.refresh_from_db()
                lista.append((punkt, a.ansokan.dagordningspunkt))
                continue
            if "budget" in punkt and not Verksamhetsar.objects.filter(ar=punkt["budget"]).exists():
                ar = punkt["budget"]
                self._budget_forslag(ar, ingaende=self._ingaende_prognos(ar - 1))
            lista.append(
                (
                    punkt,
                    moten_services.dagordningspunkt_create(
                        actor=self.kansli,
                        mote=mote,
                        rubrik=punkt["rubrik"],
                        underlag=punkt.get("underlag", ""),
                        forslag_till_beslut=punkt.get("forslag", ""),
                        foredragande="Förbundschefen",
                    ),
                )
            )
        return mote, lista

    def _ingaende_prognos(self, ar: int) -> int:
        """Eget kapital at the end of `ar` by its prognos (or budget): next year's opening,
        until the books are closed."""
        r = ekonomi_selectors.rapport(ar)
        res = r.resultat.prognos if r.resultat.prognos is not None else r.resultat.budget
        return (r.ingaende_eget_kapital or 0) + res

    def _hall_mote(self, d: dt.date, *, justeras: bool) -> None:
        nr = self.motesnummer
        mote, lista = self._nytt_mote(d)
        self.motesnummer += 1
        rader, justerare = self._narvaro(nr, alla=not justeras)
        valj = mote.dagordning.get(standard=Standardpunkt.JUSTERARE)
        moten_services.dagordningspunkt_update(
            actor=self.kansli,
            punkt=valj,
            forslag_till_beslut=f"utse {justerare.namn} att jämte ordföranden justera dagens "
            "protokoll.",
        )
        # Every paragraph says something: no empty "Övriga frågor" in the protocol.
        moten_services.dagordningspunkt_update(
            actor=self.kansli,
            punkt=mote.dagordning.get(standard=Standardpunkt.OVRIGA),
            underlag="Inga övriga frågor anmäldes.",
        )
        protokoll = mote.protokoll
        moten_services.narvaro_save(actor=self.kansli, protokoll=protokoll, rader=rader)
        moten_services.paragrafer_from_dagordning(actor=self.kansli, protokoll=protokoll)
        ordforande = self.personer["Karin Ödmark"]
        # Numbered on the day of the meeting, as the sekreterare does; the justering e-mail's
        # link points at the local server.
        moten_services.protokoll_numrera(
            actor=self.kansli,
            protokoll=protokoll,
            ordforande=ordforande,
            justerare=[justerare],
            base_url="http://127.0.0.1:8000/",
            bekrafta_varningar=True,
            idag=d,
        )
        paragrafer = {
            p.dagordningspunkt_id: p
            for p in Paragraf.objects.filter(protokoll=protokoll).prefetch_related("beslut")
        }
        for punkt, dp in lista:
            if "efter" in punkt:
                punkt["efter"](paragrafer[dp.pk])
            if "nyckel" in punkt:
                self.gjort.add(punkt["nyckel"])
        if not justeras:
            return
        dag = vardag_fran(d + dt.timedelta(days=5 + nr % 4))
        for person in (ordforande, justerare):
            moten_services.protokoll_justera(
                actor=person.user,
                protokoll=protokoll,
                person=person,
                tidpunkt=_pa(dag, dt.time(15)),
            )
        protokoll.refresh_from_db()
        moten_services.anslag_create(
            actor=self.kansli,
            protokoll=protokoll,
            anslagsdatum=kalender.foreslaget_anslagsdatum(dag),
            forvaringsplats=self.forbund.adress,
            idag=dag,
        )

    def _godkann_arsrapporter(self, rapporter: list[Arsrapport], paragraf: Paragraf) -> None:
        datum = paragraf.protokoll.mote.datum
        for r in rapporter:
            for d in insats_services.arsrapport_godkann(
                actor=self.kansli, rapport=r, paragraf=paragraf
            ):
                begard = vardag_fran(datum + dt.timedelta(days=5))
                self.pa(begard, BETALNING, lambda d=d, begard=begard: self._betala(d, begard))

    def _godkann_rapport(self, rapport: Verksamhetsrapport, paragraf: Paragraf) -> None:
        rapporter_services.verksamhetsrapport_godkann(
            actor=self.kansli, rapport=rapport, paragraf=paragraf
        )

    def _faststall_budget(self, ar: int, paragraf: Paragraf) -> None:
        version = (
            Budgetversion.objects.filter(ar__ar=ar, status="forslag").order_by("-nummer").first()
        )
        ekonomi_services.budgetversion_faststall(
            actor=self.kansli, version=version, paragraf=paragraf
        )

    # -- the coming meeting --

    def _kommande_mote(self) -> None:
        """Within a week: its dagordning (with whatever is due then, and a new application),
        its handlingar and its kallelse, sent today."""
        d = kommande_motet(self.idag)
        ar = d.year if d.month < 8 else d.year + 1
        a = _Ansokan(data.NY_ANSOKAN, ar, data.NY_ANSOKAN.belopp(data.NY_ANSOKAN.egna_fran), d)
        if not Insats.objects.filter(namn=a.plan.namn).exists():
            self._ny_ansokan(a, inkommen=self.idag - dt.timedelta(days=10))
            self.ansokningar.append(a)
        mote, lista = self._nytt_mote(d)
        for punkt, dp in lista:
            for titel, filnamn, pdf in self._handlingar(punkt, d):
                moten_services.handling_create(
                    actor=self.kansli,
                    mote=mote,
                    titel=titel,
                    filnamn=filnamn,
                    data=pdf,
                    dagordningspunkt=dp,
                )
        text = (
            f"Välkommen till styrelsens sammanträde {d.isoformat()} kl. 09:00, {mote.plats}.\n\n"
            "Kallelse med dagordning finns i bifogad PDF. Handlingarna finns i Förbundsportalen.\n"
        )
        moten_services.kallelse_send(
            actor=self.kansli, mote=mote, pdf=dokument.kallelse_pdf(mote), text=text
        )

    def _handlingar(self, punkt: dict, d: dt.date):
        """The documents the kansli uploads for an item: the reports as their own PDFs."""
        if "uppfoljning" in punkt:
            ar, per = punkt["uppfoljning"]
            r = ekonomi_selectors.rapport(ar, per=per)
            titel = f"Detaljerad budgetuppföljning {ar}, tusentals kronor"
            pdf = render_pdf(
                "ekonomi/pdf/rapport.html",
                {"r": r, "ar": ar, "tkr": True, "titel": titel, "forbund": self.forbund},
            )
            yield f"Budgetuppföljning per {per:%Y-%m-%d}", f"budgetuppfoljning-{per}.pdf", pdf
        if "rapport" in punkt:
            rapport = punkt["rapport"]
            pdf = render_pdf(
                "rapporter/pdf/verksamhetsrapport.html", verksamhetsrapport.kontext(rapport)
            )
            yield rapport.titel, f"{rapport.typ}-{rapport.till}.pdf", pdf
        if "budget" in punkt:
            ar = punkt["budget"]
            r = ekonomi_selectors.rapport(ar)
            titel = f"Förslag till budget {ar}, tusentals kronor"
            pdf = render_pdf(
                "ekonomi/pdf/rapport.html",
                {"r": r, "ar": ar, "tkr": True, "titel": titel, "forbund": self.forbund},
            )
            yield f"Förslag till budget {ar}", f"budget-{ar}.pdf", pdf
        if "ansokan" in punkt:
            a = punkt["ansokan"].ansokan
            pdf = render_pdf("devtools/handling.html", {"forbund": self.forbund, "ansokan": a})
            yield f"Ansökan från {a.insats.namn}", f"ansokan-{a.pk}.pdf", pdf

    # -- statistics, follow-ups, arrangemang --

    def _statistik(self, ar: int) -> None:
        """January–August and September–December per insats with money that year (SIP's
        2022 follows its tertial January–April): created when the period starts, reported
        when it ends, sent in and approved."""
        for namn, plan in self.planer.items():
            if not plan.aktiv(ar) or plan.typ != Insats.Typ.INDIVIDINRIKTAD:
                continue
            perioder = [
                (dt.date(ar, 1, 1), dt.date(ar, 8, 31)),
                (dt.date(ar, 9, 1), dt.date(ar, 12, 31)),
            ]
            if ar == 2022 and namn == "SIP-samordnare Arbetsmarknadstorget":
                perioder = [(dt.date(2022, 5, 1), dt.date(2022, 8, 31)), perioder[1]]
            for fran, till in perioder:
                self.pa(
                    fran,
                    FORE,
                    lambda namn=namn, fran=fran, till=till: self._period(namn, fran, till),
                )

    def _period(self, namn: str, fran: dt.date, till: dt.date) -> None:
        insats = self.insatser.get(namn)
        if insats is None or not insats.beviljningar.filter(ar=fran.year).exists():
            return
        period = insats_services.period_create(
            actor=self.kansli, insats=insats, fran=fran, till=till
        )
        rapportor = (
            self.insatspersonal if insats.personal.exists() and self.insatspersonal else self.kansli
        )
        klar = till + dt.timedelta(days=3)
        in_ = vardag_fran(till + dt.timedelta(days=5))
        godkand = vardag_fran(till + dt.timedelta(days=12))

        def rapportera():
            rader = self._sus_rader(insats_selectors.ingang(period), insats.pk, till)
            insats_services.period_save(actor=rapportor, period=period, rader=rader)

        self.pa(klar, FORE, rapportera)
        self.pa(in_, FORE, lambda: insats_services.period_skicka_in(actor=rapportor, period=period))
        self.pa(
            godkand, FORE, lambda: insats_services.period_godkann(actor=self.kansli, period=period)
        )

    def _sus_rader(self, ingang, seed: int, till: dt.date) -> list[sus.Rad]:
        """Figures that keep SUS's rules: aktiva = those carried over + nya, every table
        adding up as sus.regler says."""
        rnd = random.Random(seed * 10_000 + till.toordinal())  # noqa: S311 - demo data
        in_ = ingang.totalt if ingang else 0
        nya = rnd.randint(8, 20)
        aktiva = in_ + nya
        avslutade = rnd.randint(min(3, aktiva), min(aktiva, max(4, aktiva // 2)))

        def kon(n: int) -> tuple[int, int]:
            k = round(n * rnd.uniform(0.5, 0.65))
            return k, n - k

        rader: list[sus.Rad] = []

        def rad(tabell, kategori, n, manader=0):
            if n:
                k, m = kon(n)
                rader.append(sus.Rad(tabell, kategori, n, k, m, manader))
            return n

        ak, am = kon(aktiva)
        rader.append(sus.Rad(Tabell.DELTAGARE, "Aktiva", aktiva, ak, am))
        rad(Tabell.DELTAGARE, "Nya", nya)
        rad(Tabell.DELTAGARE, "Avslutade", avslutade)
        annan = min(aktiva, rnd.randint(0, 2))
        ak2 = min(ak, annan)
        if annan:
            rader.append(sus.Rad(Tabell.KOMMUN, sus.ANNAN_KOMMUN, annan, ak2, annan - ak2))
        rader.append(
            sus.Rad(Tabell.KOMMUN, self.kommuner[0], aktiva - annan, ak - ak2, am - (annan - ak2))
        )
        ingen = rnd.randint(0, min(2, nya))
        rad(Tabell.FORSORJNING_IN, sus.INGEN, ingen)
        for kategori in ("Försörjningsstöd", "Sjukpenning/Rehabpenning", "Aktivitetsersättning"):
            rad(Tabell.FORSORJNING_IN, kategori, rnd.randint(1, nya - ingen))
        kvar = nya - ingen
        for i, kategori in enumerate(sus.TID):
            n = kvar if i == len(sus.TID) - 1 else rnd.randint(0, kvar)
            kvar -= rad(Tabell.TID, kategori, n)
        kvar = avslutade
        orsaker = [sus.AVSLUT[0], sus.AVSLUT[1], sus.AVSLUT[3], sus.AVSLUT[4]]
        for i, kategori in enumerate(orsaker):
            n = kvar if i == len(orsaker) - 1 else rnd.randint(0, kvar)
            kvar -= rad(Tabell.AVSLUT, kategori, n, n * rnd.randint(5, 14))
        rad(Tabell.FORSORJNING_UT, sus.INGEN, rnd.randint(0, avslutade))
        rad(Tabell.FORSORJNING_UT, "Sjukpenning/Rehabpenning", rnd.randint(0, avslutade))
        return rader

    def _uppfoljningar(self, ar: int) -> None:
        """Two follow-up meetings a year per insats with money, the next one booked."""
        for i, (namn, plan) in enumerate(sorted(self.planer.items())):
            if not plan.aktiv(ar):
                continue
            var = vardag_fran(dt.date(ar, 5, 12) + dt.timedelta(days=i))
            host = vardag_fran(dt.date(ar, 11, 3) + dt.timedelta(days=i))
            # None after the last follow-up of an insats that ends.
            nasta = (
                None
                if plan.till is not None and plan.till <= ar
                else vardag_fran(dt.date(ar + 1, 5, 12) + dt.timedelta(days=i))
            )
            for d, efter in ((var, host), (host, nasta)):
                self.pa(
                    d,
                    FORE,
                    lambda namn=namn, plan=plan, d=d, efter=efter: self._uppfoljning(
                        namn, plan, d, efter
                    ),
                )

    def _uppfoljning(
        self, namn: str, plan: data.Insatsplan, d: dt.date, nasta: dt.date | None
    ) -> None:
        insats = self.insatser.get(namn)
        if insats is None or not insats.beviljningar.filter(ar=d.year).exists():
            return
        pengar = insats_selectors.pengar_per_insats(d.year, [insats.pk]).get(insats.pk)
        insats_services.uppfoljning_create(
            actor=self.kansli,
            insats=insats,
            datum=d,
            deltagare="\n".join(
                [
                    f"{plan.personal or 'Personal'}, {insats.namn}",
                    "Eva Sidsjö, förbundschef, Samordningsförbundet Sundsvall",
                    "Oskar Granlo, utvecklingsledare, Samordningsförbundet Sundsvall",
                ]
            ),
            avsnitt=[
                ("Mål", "Vi stämmer av läget mot årets mål. Inflödet av deltagare är stabilt."),
                ("SUS", "Registreringen i SUS är à jour; nästa period rapporteras i tid."),
                (
                    "Ekonomi",
                    f"Beviljat {d.year}: {pengar.beviljat if pengar else 0} kr, utbetalt "
                    f"hittills {pengar.utbetalt if pengar else 0} kr.",
                ),
            ],
            nasta=nasta,
        )

    def _arrangemang(self, ar: int) -> None:
        """Two events a year: the basic training in the solution-focused approach in March
        and Psykeveckan in October; the participants registered when they have been."""
        planer = [
            (
                f"Psykeveckan {ar}: psykisk hälsa och arbete",
                "konferens",
                "tillsammans",
                fredag_fran(dt.date(ar, 10, 6)) - dt.timedelta(days=1),
                "Samordningsförbundet Sundsvall och Region Västernorrland",
                [
                    ("Sundsvalls kommun", True, 20, 8, 2),
                    ("Region Västernorrland", True, 14, 5, 0),
                    ("Försäkringskassan", True, 6, 2, 0),
                    ("Arbetsförmedlingen", True, 5, 3, 0),
                    ("Andra samordningsförbund i länet", False, 6, 2, 0),
                ],
            )
        ]
        if ar > 2022:
            planer.insert(
                0,
                (
                    f"Grundutbildning i lösningsfokuserat arbetssätt {ar}",
                    "utbildning",
                    "egen",
                    vardag_fran(dt.date(ar, 3, 14)),
                    "Samordningsförbundet Sundsvall",
                    [
                        ("Sundsvalls kommun", True, 7, 3, 0),
                        ("Försäkringskassan", True, 3, 1, 0),
                        ("Arbetsförmedlingen", True, 2, 2, 0),
                        ("Region Västernorrland", True, 4, 1, 0),
                    ],
                ),
            )
        else:
            # The demo's own event of 2022 (devtools.demo_insatser), registered afterwards.
            planer.append(
                (
                    "Grundutbildning i lösningsfokuserat arbetssätt, omgång 2",
                    "utbildning",
                    "egen",
                    dt.date(2022, 10, 4),
                    "Samordningsförbundet Sundsvall",
                    [
                        ("Sundsvalls kommun", True, 9, 2, 0),
                        ("Region Västernorrland", True, 3, 2, 0),
                    ],
                )
            )
        for namn, typ, regi, datum, arrangor, deltagare in planer:
            self.pa(
                dt.date(ar, 1, 12),
                FORE,
                lambda n=namn, t=typ, r=regi, d=datum, a=arrangor: self._arrangemang_planera(
                    n, t, r, d, a
                ),
            )
            self.pa(
                datum + dt.timedelta(days=2),
                FORE,
                lambda n=namn, dl=deltagare: self._arrangemang_deltagare(n, dl),
            )

    def _arrangemang_planera(self, namn, typ, regi, datum, arrangor) -> None:
        if Arrangemang.objects.filter(namn=namn).exists():
            return
        a = Arrangemang(
            namn=namn,
            typ=typ,
            regi=regi,
            startdatum=datum,
            slutdatum=datum + dt.timedelta(days=1) if typ == "konferens" else None,
            arrangor=arrangor,
        )
        insats_services.arrangemang_save(actor=self.kansli, arrangemang=a, deltagare=[])

    def _arrangemang_deltagare(self, namn, deltagare) -> None:
        a = Arrangemang.objects.get(namn=namn)
        insats_services.arrangemang_save(
            actor=self.kansli,
            arrangemang=a,
            deltagare=[insats_services.DeltagarRad(*d) for d in deltagare],
        )


@transaction.atomic
def _load(i: dt.date) -> None:
    Demoar(i).kor()


def load(i: dt.date | None = None) -> bool:
    """Every year from 2022 to today. Does nothing if it is there (a meeting after the
    seed's January 2022)."""
    if Mote.objects.filter(organ__typ=Organ.Typ.STYRELSE, datum__gt=dt.date(2022, 1, 21)).exists():
        return False
    if not Protokoll.objects.filter(mote__datum=dt.date(2021, 11, 26)).exists():
        return False  # the seed's protocols and grants come first (demo_moten, demo_insatser)
    # The kallelse goes to the demo's invented addresses: nowhere.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _load(i or idag())
    return True


def utfallsimport_finns(ar: int) -> bool:
    return Utfallsimport.objects.filter(ar=ar).exists()
