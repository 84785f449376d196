"""A worker killed with SIGKILL in the middle of a protocol save, an import or a survey
submission loses nothing that was committed and leaves nothing half-written.

Each test starts a real worker process running the portal's own code against the test
database, waits until that process's database session is inside a transaction (seen in
pg_stat_activity through its application name), kills it with SIGKILL and then checks the
stored rows. Nothing is simulated: PostgreSQL has to roll the open transaction back.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.db.models import Count

ROOT = Path(__file__).resolve().parent.parent


class Arbetare:
    """A child process with Django set up against the test database."""

    def __init__(self, kod: str, *args: str):
        self.appnamn = f"avbrott-{uuid.uuid4().hex[:8]}"
        s = connection.settings_dict
        env = {k: v for k, v in os.environ.items() if k != "FORBUND_PG_STOP_AT_EXIT"}
        env |= {
            "DJANGO_SETTINGS_MODULE": "forbund.settings.test",
            "FORBUND_DB_NAME": s["NAME"],
            "PGAPPNAME": self.appnamn,
        }
        prolog = "import django, sys\ndjango.setup()\n"
        self.proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", prolog + textwrap.dedent(kod), *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.rader: list[str] = []
        self._db = psycopg.connect(
            host=s["HOST"], port=s["PORT"], user=s["USER"], dbname=s["NAME"], autocommit=True
        )

    def vanta_pa(self, villkor, tidsgrans=60.0) -> str:
        slut = time.monotonic() + tidsgrans
        while time.monotonic() < slut:
            rad = self.proc.stdout.readline()
            if not rad:
                raise AssertionError("Arbetaren avslutades för tidigt: " + self.proc.stderr.read())
            self.rader.append(rad.strip())
            if villkor(rad.strip()):
                return rad.strip()
        raise AssertionError("Arbetaren kom aldrig dit")

    def i_transaktion(self) -> bool:
        rad = self._db.execute(
            "SELECT xact_start IS NOT NULL AND state IN ('active', 'idle in transaction') "
            "FROM pg_stat_activity WHERE application_name = %s",
            [self.appnamn],
        ).fetchone()
        return bool(rad and rad[0])

    def doda_mitt_i_transaktion(self, tidsgrans=30.0) -> None:
        slut = time.monotonic() + tidsgrans
        while not self.i_transaktion():
            assert time.monotonic() < slut, "Arbetaren var aldrig mitt i en transaktion"
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode == -signal.SIGKILL
        # The server notices the lost client and rolls back; wait until its session is gone.
        slut = time.monotonic() + 30
        while self._db.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [self.appnamn]
        ).fetchone()[0]:
            assert time.monotonic() < slut, "Sessionen försvann aldrig"
            time.sleep(0.05)
        self._db.close()


@pytest.fixture
def data(transactional_db, seed_moten, seed_enkat):
    return seed_moten, seed_enkat


def test_protocol_save_killed_midway_keeps_the_last_committed_version_whole(data):
    seed_moten, _omgang = data
    paragraf = seed_moten.utkast_paragraf
    arbetare = Arbetare(
        """
        from django.contrib.auth import get_user_model
        from moten import services
        from moten.models import Paragraf
        kansli = get_user_model().objects.get(username="forbundschef")
        p = Paragraf.objects.get(pk=int(sys.argv[1]))
        while True:
            n = p.version + 1
            p = services.paragraf_update(
                actor=kansli, paragraf=p, version=p.version, rubrik=f"Version {n}",
                text=f"Text {n}", bilagor="", beslut=[f"v{n} att {i}" for i in range(300)],
                jav=[],
            )
            print(p.version, flush=True)
        """,
        str(paragraf.pk),
    )
    arbetare.vanta_pa(lambda rad: int(rad) >= paragraf.version + 5)
    arbetare.doda_mitt_i_transaktion()
    sparad = int(arbetare.rader[-1])

    paragraf.refresh_from_db()
    assert paragraf.version >= sparad  # nothing committed was lost
    # ... and the stored version is whole: heading, text and all its Att-clauses agree.
    assert paragraf.rubrik == f"Version {paragraf.version}"
    assert paragraf.text == f"Text {paragraf.version}"
    beslut = list(paragraf.beslut.values_list("text", flat=True))
    assert beslut == [f"v{paragraf.version} att {i}" for i in range(300)]


def test_import_killed_midway_changes_nothing_and_keeps_the_earlier_import(data):
    from ekonomi.models import Transaktion, Utfallsimport

    arbetare = Arbetare(
        """
        from ekonomi import services
        from devtools.management.commands.bench_sie_import import generera
        liten = services.utfall_import(
            actor=None, data=generera(200, 2030), filnamn="liten.se", ar=2030
        )
        print("liten", liten.antal, flush=True)
        stor = generera(150_000, 2031)
        print("stor", flush=True)
        services.utfall_import(actor=None, data=stor, filnamn="stor.se", ar=2031)
        print("klar", flush=True)
        """
    )
    arbetare.vanta_pa(lambda rad: rad == "stor")
    arbetare.doda_mitt_i_transaktion()
    assert "klar" not in arbetare.rader

    assert list(Utfallsimport.objects.values_list("filnamn", flat=True)) == ["liten.se"]
    assert Transaktion.objects.filter(utfallsimport__ar=2031).count() == 0
    # 200 transactions in 100 vouchers of cost + bank; the bank rows are not utfall.
    assert Transaktion.objects.filter(utfallsimport__ar=2030).count() == 100


def test_survey_submission_killed_midway_loses_no_answer_and_burns_no_link(data):
    from enkater import services
    from enkater.models import Fraga, Svar

    _moten, omgang = data
    services.tokens_create(actor=None, omgang=omgang, antal=1000)
    assert not Svar.objects.filter(omgang=omgang).exists()
    arbetare = Arbetare(
        """
        from enkater import services
        from enkater.models import Fraga, Omgang
        om = Omgang.objects.get(pk=int(sys.argv[1]))
        fragor = list(om.formular.fragor.all())
        varden = {f.pk: ("Fritt svar" if f.typ == Fraga.Typ.FRITEXT else 1) for f in fragor}
        for n, token in enumerate(list(om.tokens.filter(anvand=False)), start=1):
            services.svar_lamna(omgang=om, varden=varden, token=token)
            print(n, flush=True)
        """,
        str(omgang.pk),
    )
    arbetare.vanta_pa(lambda rad: int(rad) >= 30)
    arbetare.doda_mitt_i_transaktion()
    sparade = int(arbetare.rader[-1])
    # What waits in the inbox is moved as when the round closes.
    services.inkorg_toem(omgang=omgang, min_antal=1)
    antal = Svar.objects.filter(omgang=omgang).count()
    assert antal >= sparade  # nothing committed was lost
    # Every used link has its answer and every answer its link: none lost, none burned.
    assert omgang.tokens.filter(anvand=True).count() == antal
    # Every answer is whole: each has all the values of the questions it was routed to.
    fragor = list(omgang.formular.fragor.all())
    varden = {f.pk: ("Fritt svar" if f.typ == Fraga.Typ.FRITEXT else 1) for f in fragor}
    vantat = len(services.synliga_fragor(fragor, varden))
    per_svar = Svar.objects.filter(omgang=omgang).annotate(n=Count("varden"))
    assert set(per_svar.values_list("n", flat=True)) == {vantat}
