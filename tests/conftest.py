"""Shared fixtures: the demo förbund and one logged-in client per persona.

The personas are the roles the brief names: förbundschef, ordförande, ledamot, ersättare,
revisor, insatspersonal, an outsider with an account but no uppdrag, and anonymous.

The demo is built once per test run, not once per test. Each level of demo data a fixture
stands for (``demo``, ``moten``, ``enkat``, ``behov``, ``hela_demot``, the browser suite's
``demo_live``, and ``seed_moten``/``seed_enkat``: the seeds' world without the years since,
see NIVAER) is a database of its own in the test cluster, made the first time a test asks
for it: a copy (``CREATE DATABASE … TEMPLATE``) of the level below with that level's loaders
run on top, through the same code as ``make run``. Before each test the connection is pointed
at the level its fixtures ask for (no demo fixture: the empty, migrated test database):

* an ordinary test runs inside a transaction there, rolled back afterwards as always;
* a transactional test (``transactional_db``, ``live_server``, ``django_db(transaction=True)``)
  commits, so it gets a throwaway copy of its level, dropped after it; the level databases
  themselves are never written to, and Django's flush of the copy is skipped.

Files the levels store (the demo's handlingar, the ``moten`` level's handling and ansökan
bilaga) are written once
to a session directory; each test that asks for ``moten`` gets its own copy of that
directory as ``MEDIA_ROOT`` (as does ``demo_live``), so the rows and the files always match. At the end of the run
every level database is checked to hold the rows it was built with.
"""

import datetime as dt
import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections, transaction
from django.test import Client, TransactionTestCase, override_settings
from django.utils import timezone
from pgserver.postgres_server import PostgresServer
from psycopg import sql
from pytest_django.fixtures import validate_django_db

# The demo loaders: imported here only, so moving them is a change in one place.
from devtools import demo_aren as aren_demo
from devtools import demo_behovsanalys as behovsanalys_demo
from devtools import demo_ekonomi as ekonomi_demo
from devtools import demo_enkater as enkater_demo
from devtools import demo_insatser as insatser_demo
from devtools import demo_moten as moten_demo
from devtools.demo import DEMO_PASSWORD, load_demo  # noqa: F401 - for the tests

PERSONAS = [
    "forbundschef",
    "ordforande",
    "ledamot",
    "ersattare",
    "revisor",
    "insatspersonal",
    "outsider",
    "anonym",
]


def pytest_unconfigure(config):
    """An xdist worker ends without running atexit handlers, so pgserver never learns it has
    stopped using the embedded server, and the last process (FORBUND_PG_STOP_AT_EXIT) then
    leaves it running. The worker runs pgserver's handler itself, as its atexit would."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        for server in list(PostgresServer._instances.values()):
            server._cleanup()


def pytest_addoption(parser):
    parser.addoption(
        "--matris",
        default=None,
        help="Behörighetsmatrisen: bara URL-namn som innehåller den här texten.",
    )


def client_for(persona: str) -> Client:
    client = Client()
    if persona != "anonym":
        client.force_login(get_user_model().objects.get(username=persona))
    return client


@pytest.fixture
def as_persona(demo):
    return client_for


def provmotenas_datum(idag=None):
    """(utkast, numrerat): the test meetings' dates, between the demo's last meeting (a week
    ago, waiting for justering) and today, so § numbers still follow the dates."""
    idag = idag or timezone.localdate()
    return idag - dt.timedelta(days=1), idag - dt.timedelta(days=3)


PROVPLATS = "Rum 654, kommunhuset"
# The dates `bygg_moten` gave the test meetings (in this process, which built the level),
# so a run that passes midnight still finds them.
PROVDATUM: dict[str, dt.date] = {}


def provmote(status: str):
    """The test meeting whose protocol `bygg_moten` left in `status` ("utkast" or
    "numrerat"); found by its date, as a test may change its place or its status."""
    from moten.models import Mote

    datum = (
        PROVDATUM.get(status)
        or dict(zip(("utkast", "numrerat"), provmotenas_datum(), strict=True))[status]
    )
    return Mote.objects.select_related("protokoll").get(organ__typ="styrelse", datum=datum)


# --- What each level of demo data holds ---------------------------------------------------


def bygg_demo():
    """The demo förbund (`load_demo`) and an outsider: an account with no uppdrag."""
    assert load_demo() is True
    get_user_model().objects.create_user("outsider", password="outsider-losen-123")


def bygg_live():
    """The seeds' protocols, insatser and 2021 budget (up to January 2022)."""
    assert moten_demo.load() is True
    assert insatser_demo.load() is True
    assert ekonomi_demo.load() is True


def bygg_aren():
    """Every year since the seeds up to today (`demo_aren`): with the levels below, what
    `make run` loads before the surveys, and what the browser suite walks."""
    assert aren_demo.load() is True


def bygg_moten():
    """Meetings in the states the views care about, on top of the demo's years: a draft
    with a paragraph and a handling, and a numbered protocol waiting for justering by the
    ordförande (Karin Ödmark) and the ledamot (Fredrika Alnö); and an ansökan with a bilaga."""
    from forbund.models import Organ, Person
    from insatser import services as insatser_services
    from insatser.models import Insats
    from moten import services

    kansli = get_user_model().objects.get(username="forbundschef")
    styrelsen = Organ.objects.get(typ=Organ.Typ.STYRELSE)
    utkast_datum, numrerat_datum = provmotenas_datum()
    PROVDATUM.update(utkast=utkast_datum, numrerat=numrerat_datum)
    # The numbered meeting first: numbers follow the meetings' order, so a later meeting is
    # numbered only when no earlier one of the year is left unnumbered (the draft below is
    # entered afterwards).
    numrerat = services.mote_create(
        actor=kansli, organ=styrelsen, datum=numrerat_datum, plats=PROVPLATS
    )
    services.narvaro_save(
        actor=kansli,
        protokoll=numrerat.protokoll,
        rader=[
            services.NarvaroRad(kategori="ordinarie", namn=p.namn, person=p)
            for p in Person.objects.filter(efternamn__in=["Ödmark", "Alnö", "Skönvik"])
        ],
    )
    services.paragraf_create(
        actor=kansli,
        protokoll=numrerat.protokoll,
        rubrik="Öppnande",
        text="Ordföranden förklarar sammanträdet öppnat.",
        justeras_omedelbart=True,
    )
    services.protokoll_numrera(
        actor=kansli,
        protokoll=numrerat.protokoll,
        ordforande=Person.objects.get(user__username="ordforande"),
        justerare=[Person.objects.get(user__username="ledamot")],
        base_url="http://testserver/",
    )
    utkast = services.mote_create(
        actor=kansli, organ=styrelsen, datum=utkast_datum, plats=PROVPLATS
    )
    services.paragraf_create(actor=kansli, protokoll=utkast.protokoll, rubrik="Budget 2022")
    services.handling_create(
        actor=kansli, mote=utkast, titel="Budget", filnamn="budget.pdf", data=b"%PDF-1.4\n%test\n"
    )
    insatser_services.ansokan_create(
        actor=kansli,
        insats=Insats.objects.get(namn="Psykolog Arbetsmarknadstorget"),
        inkommen=dt.date(2022, 10, 1),
        text="Fortsatt finansiering av psykolog 2023.",
        belopp=[{"ar": 2023, "personal": 850_000, "lokal": 30_000, "data_it": 15_000, "ovrigt": 0}],
        bilagor=[("ansokan.pdf", b"%PDF-1.4\n%ansokan\n", "application/pdf")],
    )


def moten_i_databasen() -> SimpleNamespace:
    """The meetings `bygg_moten` made, read back from the database."""
    from moten.models import Handling, Protokoll

    utkast = provmote("utkast")
    justerat = Protokoll.objects.get(status="justerat", mote__datum=dt.date(2021, 11, 26))
    return SimpleNamespace(
        utkast=utkast,
        utkast_paragraf=utkast.protokoll.paragrafer.get(),
        handling=Handling.objects.get(mote=utkast),
        numrerat=provmote("numrerat"),
        justerat=justerat,
        justerad_paragraf=justerat.paragrafer.get(nummer=161),
    )


def bygg_enkat():
    """The demo's survey rounds, plus an open exit-form round for the SIP insats with three
    links, open from yesterday for 30 days (yesterday and today as of the run's start)."""
    from django.utils import timezone

    from enkater import services as enkat_services
    from enkater.models import Formular
    from insatser.models import Insats

    assert enkater_demo.load() is True
    idag = timezone.localdate()
    omgang = enkat_services.omgang_create(
        actor=None,
        formular=Formular.objects.get(kod="deltagare_avslut"),
        ar=idag.year,
        oppnar=idag - dt.timedelta(days=1),
        stanger=idag + dt.timedelta(days=30),
        insats=Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget"),
    )
    enkat_services.tokens_create(actor=None, omgang=omgang, antal=3)


def enkat_i_databasen():
    """The open round `bygg_enkat` made (the demo's own rounds are closed)."""
    from django.utils import timezone

    from enkater.models import Omgang

    # The last made: the demo's own autumn round is open too from 15 September to 31 October.
    return Omgang.objects.filter(stanger__gte=timezone.localdate()).latest("pk")


def bygg_behov():
    assert behovsanalys_demo.load() is True


def bygg_resten():
    """The surveys and the behovsanalys too: every app's demo, as `make run` loads it."""
    assert enkater_demo.load() is True
    assert behovsanalys_demo.load() is True


# Level -> (the level it is built on, what is added). "tom" is the migrated, empty test
# database pytest-django creates.
#
# "seed_moten" and "seed_enkat" are the seeds' world alone (2021 and January 2022, no years
# generated after it): tests of a feature that were written against that world and create
# 2022's payments, periods, paragraphs or books themselves run there (fixtures `seed_moten`,
# `seed_ekonomi`, `seed_enkat`, and the browser suite's `seed_live` on "live"). Everything else runs on the demo in the present.
NIVAER = {
    "demo": ("tom", bygg_demo),
    "behov": ("demo", bygg_behov),
    "live": ("demo", bygg_live),
    "aren": ("live", bygg_aren),
    "hela": ("aren", bygg_resten),
    "moten": ("aren", bygg_moten),
    "enkat": ("moten", bygg_enkat),
    "seed_moten": ("live", bygg_moten),
    "seed_enkat": ("seed_moten", bygg_enkat),
}
# The fixture that asks for each level. A test gets the level of its most specific one;
# two that are not on one line of NIVAER (behov and moten) cannot be combined.
FIXTURE_NIVA = {
    "demo": "demo",
    "behov": "behov",
    "demo_live": "aren",
    "hela_demot": "hela",
    "moten": "moten",
    "enkat": "enkat",
    "seed_moten": "seed_moten",
    "seed_enkat": "seed_enkat",
    "seed_live": "live",
}


def _kedja(niva: str) -> list[str]:
    """The level and every level below it."""
    kedja = [niva]
    while kedja[-1] != "tom":
        kedja.append(NIVAER[kedja[-1]][0])
    return kedja


def niva_for(fixturenames) -> str:
    fragade = {FIXTURE_NIVA[f] for f in fixturenames if f in FIXTURE_NIVA}
    if not fragade:
        return "tom"
    hogst = max(fragade, key=lambda n: len(_kedja(n)))
    if not fragade <= set(_kedja(hogst)):
        raise pytest.UsageError(
            f"Demonivåerna {sorted(fragade)} finns inte i en och samma databas."
        )
    return hogst


def _transaktionell(request) -> bool:
    """As pytest-django's _django_db_helper decides it."""
    marker = request.node.get_closest_marker("django_db")
    transaction_, reset_sequences, *_ = validate_django_db(marker) if marker else (False, False)
    return bool(
        transaction_
        or reset_sequences
        or {"transactional_db", "live_server", "django_db_reset_sequences"}
        & set(request.fixturenames)
    )


class Demodatabaser:
    """The level databases of this run, built on first use, and the throwaway copies."""

    def __init__(self, media):
        self.bas = connection.settings_dict["NAME"]
        self.media = media
        self.byggda = {"tom"}
        self.avtryck = {}

    def namn(self, niva: str) -> str:
        return self.bas if niva == "tom" else f"{self.bas}_{niva}"

    def anvand(self, namn: str) -> None:
        """Point every new connection of this process at database `namn`."""
        connections.close_all()
        connection.settings_dict["NAME"] = namn

    def _kor(self, *satser: sql.Composable) -> None:
        connections.close_all()
        with connection._nodb_cursor() as cursor:
            for sats in satser:
                cursor.execute(sats)

    def _skapa(self, namn: str, *, mall: str) -> None:
        """`namn` as a copy of `mall`. PostgreSQL copies only a database nobody is connected
        to; a session still open on a level here is left from a test that has finished (seen
        once under xdist, from a connection outside this thread's handler), so it is ended."""
        self._kor(
            sql.SQL(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = {} AND pid <> pg_backend_pid()"
            ).format(sql.Literal(mall)),
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(namn)),
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(namn), sql.Identifier(mall)
            ),
        )

    def bygg(self, niva: str) -> None:
        if niva in self.byggda:
            return
        under, bygg = NIVAER[niva]
        self.bygg(under)
        self._skapa(self.namn(niva), mall=self.namn(under))
        self.anvand(self.namn(niva))
        with override_settings(MEDIA_ROOT=self.media), transaction.atomic():
            bygg()
        self.byggda.add(niva)
        self.avtryck[niva] = self.fingeravtryck(niva)

    def kopia(self, niva: str) -> str:
        """A throwaway copy of a level, for a test that commits."""
        self.bygg(niva)
        namn = f"{self.bas}_kopia"
        self._skapa(namn, mall=self.namn(niva))
        return namn

    def ta_bort(self, namn: str) -> None:
        self._kor(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(namn)))

    def fingeravtryck(self, niva: str) -> dict[str, int]:
        """Rows per table, read over a connection of its own."""
        s = connection.settings_dict
        with psycopg.connect(
            host=s["HOST"], port=s["PORT"], user=s["USER"], dbname=self.namn(niva), autocommit=True
        ) as conn:
            tabeller = [
                r[0]
                for r in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
                )
            ]
            fraga = sql.SQL(" UNION ALL ").join(
                sql.SQL("SELECT {}, count(*) FROM {}").format(sql.Literal(t), sql.Identifier(t))
                for t in tabeller
            )
            return dict(conn.execute(fraga).fetchall())

    def stada(self) -> list[str]:
        """Drop every database of the run but the one pytest-django drops; return the levels
        whose rows changed since they were built."""
        self.anvand(self.bas)
        andrade = [n for n, fore in self.avtryck.items() if self.fingeravtryck(n) != fore]
        for niva in self.byggda - {"tom"}:
            self.ta_bort(self.namn(niva))
        return andrade


TESTKLUSTER = "pgdata-test"


def _utan_fsync() -> None:
    """The embedded cluster `make test` uses (var/pgdata-test) holds nothing worth keeping
    through an operating-system crash, so it runs without fsync: the copies of the demo and
    Django's test database are written in milliseconds instead of seconds on a slow disk.
    Another server (DATABASE_URL, the `make run` cluster) is left as it is."""
    with connection._nodb_cursor() as cursor:
        cursor.execute("SHOW data_directory")
        if Path(cursor.fetchone()[0]).name != TESTKLUSTER:
            return
        cursor.execute("ALTER SYSTEM SET fsync = off")
        cursor.execute("SELECT pg_reload_conf()")


@pytest.fixture(scope="session", autouse=True)
def _epost_genom_kon(django_test_environment):
    """Django's test set-up makes EMAIL_BACKEND locmem; the portal's mail goes through the
    job queue (forbund.epost.KoBackend), so that is put back. The test settings deliver
    each queued message in-process into mail.outbox when its transaction commits."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "forbund.epost.KoBackend"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, django_db_blocker):
    """Runs before pytest-django creates the test database."""
    with django_db_blocker.unblock():
        _utan_fsync()


@pytest.fixture(scope="session")
def _demodatabaser(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        databaser = Demodatabaser(tmp_path_factory.mktemp("demomedia"))
    yield databaser
    with django_db_blocker.unblock():
        andrade = databaser.stada()
    assert andrade == [], (
        f"Ett test har skrivit i demodatabaserna {andrade} (se tests/conftest.py)."
    )


@pytest.fixture
def _demodatabas(request, _demodatabaser, django_db_blocker):
    """Points the connection at the database this test's fixtures ask for; see the top."""
    niva = niva_for(request.fixturenames)
    if not _transaktionell(request):
        with django_db_blocker.unblock():
            _demodatabaser.bygg(niva)
            _demodatabaser.anvand(_demodatabaser.namn(niva))
        yield niva
        return
    with django_db_blocker.unblock():
        _demodatabaser.anvand(_demodatabaser.kopia(niva))
    # Django empties the database after a transactional test (a TRUNCATE of every table,
    # 1-2 s); this copy is never used again, so that is skipped.
    with mock.patch.object(TransactionTestCase, "_fixture_teardown", lambda self: None):
        yield niva
    with django_db_blocker.unblock():
        namn = connection.settings_dict["NAME"]
        _demodatabaser.anvand(_demodatabaser.bas)
        _demodatabaser.ta_bort(namn)


@pytest.fixture
def _django_db_helper(_demodatabas, _django_db_helper):
    """pytest-django's per-test database set-up (transaction or flush), after ours has
    chosen the database; every way of asking for the database (db, transactional_db,
    live_server, the django_db mark) goes through it."""
    yield


@pytest.fixture
def demo(db):
    """The demo förbund, loaded through the same code as `make run`, and an outsider."""


@pytest.fixture
def hela_demot(db):
    """Every app's demo, exactly as `make run` loads it."""


@pytest.fixture
def moten(demo, settings, tmp_path, _demodatabaser):
    """The demo's protocols, insatser and budget, plus the meetings of `bygg_moten`, with
    their files in this test's own MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(_demodatabaser.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return moten_i_databasen()


@pytest.fixture
def enkat(moten):
    """Everything of `moten`, the demo's survey rounds and an open round with links."""
    return enkat_i_databasen()


@pytest.fixture
def seed_moten(demo, settings, tmp_path, _demodatabaser):
    """As `moten`, on the seeds' world alone (see NIVAER)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(_demodatabaser.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return moten_i_databasen()


@pytest.fixture
def seed_enkat(seed_moten):
    """As `enkat`, on the seeds' world alone (see NIVAER)."""
    return enkat_i_databasen()
