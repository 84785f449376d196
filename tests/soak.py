"""Soak test: the embedded PostgreSQL comes up after any interruption (issue 20).

Each cycle starts the portal the way a developer does and interrupts it at a random moment
of one phase, as a terminal's Ctrl-C or a kill would: SIGINT, SIGTERM or SIGKILL to the
command's whole process group (make, the shell, Python, pg_ctl, initdb; not the PostgreSQL
server, which pg_ctl starts in a session of its own), and now and then SIGKILL to the
postmaster as well (the database crashing). Beside it runs a second command, started in
the same phase, that writes a numbered marker row; it is interrupted with the first one or
left to finish. Then the next command has to come up, find every marker a command had
reported written and, once the demo load has finished, the same number of rows in every
table. The harness never touches the data folder itself: whatever an interruption leaves
behind, the portal has to repair on its own.

Two sizes:

- ``full`` (``make soak``): ``make run`` (migrate, load_demo, runserver) with the marker
  written by ``manage.py shell -c`` beside it; phases start-up, migrate, demo load, serving
  and exit; many cycles, from an empty data folder (so the first cycles also interrupt
  initdb, the first migrate and the first demo load).
- ``kort`` (``tests/test_soak.py``, part of ``make test``): a handful of cycles of
  ``manage.py runserver`` (the last step of ``make run``, with its autoreloader's two
  processes) and the marker command; phases start-up, serving and exit; checked by the
  portal's own database start (``forbund.db.database_settings``).

It runs on a data folder of its own (``FORBUND_PGDATA`` in a temporary folder, never
``var/pgdata``) and stops every PostgreSQL process it started; one left behind is a failure.

    make soak                                   # 40 cycles
    .venv/bin/python -m tests.soak --cykler 200 --seed 7
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

SIGNALER = {"SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM, "SIGKILL": signal.SIGKILL}
FASER = {
    "full": ("uppstart", "migrate", "demo", "server", "avslut"),
    "kort": ("uppstart", "server", "avslut"),
}
# Where each phase begins in the main command's output (make echoes each recipe line), and
# how long after that the interruption may come, at most (seconds).
BORJAR = {
    "migrate": "Operations to perform:",
    "demo": "manage.py load_demo",
    "server": "Starting development server at",
}
SPANN = {"uppstart": 3.0, "migrate": 3.0, "demo": 4.0, "server": 3.0, "avslut": 1.5}
DEMO_KLAR = "Demoinloggningar"
LAGADE = "lagade den inbäddade databasen"
VANTA_FAS = 300  # the first cycle migrates and loads the demo from scratch
VANTA_SLUT = 60
VANTA_KOMMANDO = 300

MARKOR_KOD = """
from django.db import connection
with connection.cursor() as c:
    c.execute("CREATE TABLE IF NOT EXISTS soak_markor (n integer PRIMARY KEY)")
    c.execute("INSERT INTO soak_markor (n) VALUES (%s) ON CONFLICT DO NOTHING", [{n}])
print("MARKÖR {n} skriven", flush=True)
"""
# Full size: through manage.py, so every table's rows can be counted with the portal's models.
KONTROLL_DJANGO = """
import json
from django.apps import apps
from django.db import connection
with connection.cursor() as c:
    c.execute("SELECT to_regclass('soak_markor') IS NOT NULL")
    markorer = []
    if c.fetchone()[0]:
        c.execute("SELECT n FROM soak_markor ORDER BY n")
        markorer = [r[0] for r in c.fetchall()]
    tabeller = set(connection.introspection.table_names(c))
rader = {
    m._meta.label: m._base_manager.count()
    for m in apps.get_models()
    if m._meta.managed and not m._meta.proxy and m._meta.db_table in tabeller
}
print("SOAK " + json.dumps({"markorer": markorer, "rader": rader}))
"""
# Short size: the same start every manage.py command makes (the settings call it), and the
# markers read straight from the server.
KONTROLL_DB = """
import json
import psycopg
from forbund.db import database_settings
s = database_settings()
with psycopg.connect(host=s["HOST"], port=s["PORT"], user=s["USER"], dbname=s["NAME"]) as conn:
    markorer = []
    if conn.execute("SELECT to_regclass('soak_markor') IS NOT NULL").fetchone()[0]:
        markorer = [r[0] for r in conn.execute("SELECT n FROM soak_markor ORDER BY n")]
print("SOAK " + json.dumps({"markorer": markorer, "rader": None}))
"""


@dataclass(frozen=True)
class Plan:
    fas: str
    signal: str
    sidokommando_ocksa: bool  # the marker command gets the same signal (if still running)
    postmaster_ocksa: bool  # SIGKILL to the postmaster at the same moment


@dataclass
class Cykel:
    nr: int
    plan: Plan
    fas: str = ""  # the phase the interruption really landed in
    markor_skriven: bool = False
    sekunder_till_uppe: float = 0.0
    fel: list[str] = field(default_factory=list)


@dataclass
class Resultat:
    lage: str
    seed: int
    cykler: list[Cykel] = field(default_factory=list)
    lagningar: Counter = field(default_factory=Counter)
    fel: list[str] = field(default_factory=list)
    markorer: int = 0
    radkontroller: int = 0  # checks of every table's row count after the demo load

    def rapport(self) -> str:
        rader = [f"Soak ({self.lage}, seed {self.seed}): {len(self.cykler)} cykler."]
        tabell = Counter((c.fas, c.plan.signal) for c in self.cykler)
        faser = [f for f in FASER[self.lage] if any(c.fas == f for c in self.cykler)]
        rader.append("fas         " + "".join(f"{s:>9}" for s in SIGNALER))
        for fas in faser:
            rader.append(f"{fas:<12}" + "".join(f"{tabell[(fas, s)]:>9}" for s in SIGNALER))
        rader.append(
            f"postmaster SIGKILL: {sum(c.plan.postmaster_ocksa for c in self.cykler)}; "
            f"sidokommando avbrutet: {sum(c.plan.sidokommando_ocksa for c in self.cykler)}; "
            f"markörer bekräftade och intakta: {self.markorer}"
            + (
                f"; radantal i alla tabeller oförändrat i {self.radkontroller} kontroller "
                "efter demoladdningen"
                if self.lage == "full"
                else ""
            )
        )
        if self.cykler:
            uppe = sorted(c.sekunder_till_uppe for c in self.cykler)
            rader.append(
                f"nästa kommando uppe efter: median {uppe[len(uppe) // 2]:.1f} s, "
                f"längst {uppe[-1]:.1f} s"
            )
        rader.append(
            "lagningar: "
            + (", ".join(f"{k} {v}" for k, v in self.lagningar.most_common()) or "inga")
        )
        alla_fel = self.fel + [f"cykel {c.nr}: {f}" for c in self.cykler for f in c.fel]
        rader.append(f"fel: {len(alla_fel)}")
        rader += [f"  {f}" for f in alla_fel]
        return "\n".join(rader)

    @property
    def alla_fel(self) -> list[str]:
        return self.fel + [f for c in self.cykler for f in c.fel]


class Grupp:
    """A command in a process group of its own, as a terminal runs it. A thread reads its
    output (stderr merged in) so the phases can be seen as they come."""

    def __init__(self, args: list[str], env: dict[str, str]):
        self.proc = subprocess.Popen(  # noqa: S603 - our own commands
            args,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            start_new_session=True,
        )
        self.pgid = self.proc.pid
        self.rader: list[str] = []
        self._las = threading.Thread(target=self._lasa, daemon=True)
        self._las.start()

    def _lasa(self) -> None:
        for rad in self.proc.stdout:
            self.rader.append(rad.rstrip("\n"))

    def har(self, text: str) -> bool:
        return any(text in rad for rad in list(self.rader))

    def vanta_pa(self, text: str, timeout: float) -> bool:
        slut = time.monotonic() + timeout
        while time.monotonic() < slut:
            if self.har(text):
                return True
            if self.proc.poll() is not None:
                self._las.join(5)
                return self.har(text)
            time.sleep(0.05)
        return False

    def medlemmar(self) -> list[psutil.Process]:
        kvar = []
        for proc in psutil.process_iter(["status"]):
            try:
                if os.getpgid(proc.pid) == self.pgid and proc.info["status"] != "zombie":
                    kvar.append(proc)
            except (ProcessLookupError, psutil.NoSuchProcess):
                continue
        return kvar

    def signalera(self, sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pgid, sig)

    def vanta_slut(self, timeout: float) -> bool:
        """Wait until every process of the group has ended; False if some still run."""
        slut = time.monotonic() + timeout
        while time.monotonic() < slut:
            self.proc.poll()
            if self.proc.returncode is not None and not self.medlemmar():
                self._las.join(5)
                return True
            time.sleep(0.1)
        return False

    def dod(self) -> None:
        self.signalera(signal.SIGKILL)
        self.vanta_slut(10)

    def utdrag(self, antal: int = 15) -> str:
        return "\n      ".join(self.rader[-antal:])


class Soak:
    def __init__(self, mapp: Path, *, lage: str, seed: int, utskrift=print):
        self.mapp = mapp.resolve()
        self.pgdata = self.mapp / "data"
        self.lage = lage
        self.rng = random.Random(seed)
        self.resultat = Resultat(lage=lage, seed=seed)
        self.utskrift = utskrift
        self.bekraftade: set[int] = set()
        self.rader_efter_demo: dict | None = None
        self.demo_klar = False
        self.env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "FORBUND_PG_STOP_AT_EXIT", "FORBUND_DB_NAME")
        }
        self.env |= {
            "FORBUND_PGDATA": str(self.pgdata),
            "DJANGO_SETTINGS_MODULE": "forbund.settings.dev",
            "PYTHONUNBUFFERED": "1",
        }

    # --- one cycle ------------------------------------------------------------------------

    def slumpa_plan(self) -> Plan:
        return Plan(
            fas=self.rng.choice(FASER[self.lage]),
            signal=self.rng.choice(list(SIGNALER)),
            sidokommando_ocksa=self.rng.random() < 0.5,
            postmaster_ocksa=self.rng.random() < 0.2,
        )

    def huvudkommando(self, port: int) -> list[str]:
        if self.lage == "full":
            return ["make", "--no-print-directory", "run", f"PORT={port}"]
        return [PY, "manage.py", "runserver", f"127.0.0.1:{port}"]

    def cykel(self, nr: int, plan: Plan) -> Cykel:
        cykel = Cykel(nr=nr, plan=plan)
        port = ledig_port()
        huvud = Grupp(self.huvudkommando(port), self.env)
        sido: Grupp | None = None
        try:
            fas_start = self.vanta_pa_fas(huvud, plan.fas, port)
            if fas_start is None:
                cykel.fel.append(f"kom aldrig till fasen {plan.fas}:\n      {huvud.utdrag()}")
                return cykel
            om = self.rng.uniform(0, SPANN[plan.fas])
            sido_om = self.rng.uniform(0, om)
            time.sleep(sido_om)
            sido = Grupp([PY, "manage.py", "shell", "-c", MARKOR_KOD.format(n=nr)], self.env)
            time.sleep(om - sido_om)
            if plan.fas == "avslut":
                huvud.signalera(signal.SIGINT)  # Ctrl-C; the chosen signal comes mid-exit
                time.sleep(self.rng.uniform(0, SPANN["avslut"]))
                cykel.fas = "avslut"
            else:
                cykel.fas = self.aktuell_fas(huvud)
            huvud.signalera(SIGNALER[plan.signal])
            if plan.sidokommando_ocksa:
                sido.signalera(SIGNALER[plan.signal])
            if plan.postmaster_ocksa:
                self.doda_postmaster()
            for grupp, namn in ((huvud, "huvudkommandot"), (sido, "sidokommandot")):
                vantan = VANTA_SLUT if grupp is huvud or plan.sidokommando_ocksa else 300
                if not grupp.vanta_slut(vantan):
                    cykel.fel.append(
                        f"{namn} hade inte avslutats {vantan} s efter {plan.signal}:\n      "
                        + grupp.utdrag()
                    )
                    grupp.dod()
            if huvud.har(DEMO_KLAR):
                self.demo_klar = True
            if sido.proc.returncode == 0 and sido.har(f"MARKÖR {nr} skriven"):
                self.bekraftade.add(nr)
                cykel.markor_skriven = True
            elif not (plan.sidokommando_ocksa or plan.postmaster_ocksa):
                # Left alone (and with the database not killed under it), it must finish.
                cykel.fel.append(f"markörkommandot misslyckades:\n      {sido.utdrag()}")
            for grupp in (huvud, sido):
                self.rakna_lagningar(grupp.rader, cykel)
            self.kontrollera(cykel)
        finally:
            for grupp in (huvud, sido):
                if grupp is not None and grupp.medlemmar():
                    grupp.dod()
        return cykel

    def vanta_pa_fas(self, huvud: Grupp, fas: str, port: int) -> float | None:
        if fas == "uppstart":
            return time.monotonic()
        markor = BORJAR["server" if fas == "avslut" else fas]
        if not huvud.vanta_pa(markor, VANTA_FAS):
            return None
        if fas == "avslut" and not svarar(port, VANTA_FAS):
            return None
        return time.monotonic()

    def aktuell_fas(self, huvud: Grupp) -> str:
        fas = "uppstart"
        for kandidat in FASER[self.lage]:
            if kandidat in BORJAR and huvud.har(BORJAR[kandidat]):
                fas = kandidat
        return fas

    def doda_postmaster(self) -> None:
        for proc in psutil.process_iter(["name", "cmdline"]):
            if proc.info["name"] == "postgres" and str(self.pgdata) in (proc.info["cmdline"] or []):
                with contextlib.suppress(psutil.NoSuchProcess):
                    proc.kill()

    def kontrollera(self, cykel: Cykel) -> None:
        """The next command: it has to come up and find the data."""
        kod = KONTROLL_DJANGO if self.lage == "full" else KONTROLL_DB
        args = [PY, "manage.py", "shell", "-c", kod] if self.lage == "full" else [PY, "-c", kod]
        borjan = time.monotonic()
        try:
            kort = subprocess.run(  # noqa: S603 - our own command
                args,
                cwd=ROOT,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=VANTA_KOMMANDO,
            )
        except subprocess.TimeoutExpired:
            cykel.fel.append(f"nästa kommando kom inte upp på {VANTA_KOMMANDO} s")
            return
        cykel.sekunder_till_uppe = time.monotonic() - borjan
        self.rakna_lagningar(kort.stderr.splitlines(), cykel)
        svar = [r for r in kort.stdout.splitlines() if r.startswith("SOAK ")]
        if kort.returncode != 0 or not svar:
            cykel.fel.append(
                f"nästa kommando kom inte upp (kod {kort.returncode}):\n      "
                + "\n      ".join(kort.stderr.splitlines()[-15:])
            )
            return
        if "Traceback" in kort.stderr:
            cykel.fel.append(f"nästa kommando skrev ett undantag:\n{kort.stderr[-2000:]}")
        data = json.loads(svar[-1].removeprefix("SOAK "))
        saknas = self.bekraftade - set(data["markorer"])
        if saknas:
            cykel.fel.append(f"markörer saknas efter avbrottet: {sorted(saknas)}")
        self.resultat.markorer = len(self.bekraftade)
        if data["rader"] is not None and self.demo_klar:
            if self.rader_efter_demo is None:
                self.rader_efter_demo = data["rader"]
                return
            self.resultat.radkontroller += 1
            if data["rader"] != self.rader_efter_demo:
                andrade = {
                    k: (self.rader_efter_demo.get(k), v)
                    for k, v in data["rader"].items()
                    if self.rader_efter_demo.get(k) != v
                }
                cykel.fel.append(f"antal rader ändrades efter demoladdningen: {andrade}")

    def rakna_lagningar(self, rader: list[str], cykel: Cykel) -> None:
        for rad in rader:
            if "JSONDecodeError" in rad:
                cykel.fel.append(f"JSONDecodeError: {rad}")
            if LAGADE not in rad:
                continue
            for del_ in rad.split("efter ett avbrott:", 1)[-1].rstrip(".").split(";"):
                self.resultat.lagningar[lagningsslag(del_)] += 1

    # --- the whole run --------------------------------------------------------------------

    def kor(self, planer: list[Plan]) -> Resultat:
        try:
            for nr, plan in enumerate(planer, start=1):
                cykel = self.cykel(nr, plan)
                self.resultat.cykler.append(cykel)
                extra = "".join(
                    [
                        " + sidokommandot" if plan.sidokommando_ocksa else "",
                        " + postmaster SIGKILL" if plan.postmaster_ocksa else "",
                    ]
                )
                status = "FEL" if cykel.fel else "ok"
                self.utskrift(
                    f"cykel {nr}/{len(planer)}: {cykel.fas or plan.fas:<8} "
                    f"{plan.signal:<7}{extra:<38} {status}, nästa kommando uppe på "
                    f"{cykel.sekunder_till_uppe:.1f} s, {len(self.bekraftade)} markörer"
                )
                for fel in cykel.fel:
                    self.utskrift(f"    {fel}")
        finally:
            self.stada()
        return self.resultat

    def stada(self) -> None:
        """Stop the server the soak started; any PostgreSQL process left is a failure."""
        stopp = subprocess.run(  # noqa: S603 - our own command
            [PY, "-m", "forbund.db", "stop", str(self.pgdata)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if stopp.returncode != 0:
            self.resultat.fel.append(f"make stop misslyckades: {stopp.stderr.strip()}")
        time.sleep(0.5)
        kvar = egna_processer(self.mapp)
        if kvar:
            self.resultat.fel.append(
                "processer kvar efter stopp: "
                + ", ".join(f"{p.pid} {' '.join(p.cmdline())[:80]}" for p in kvar)
            )
            for proc in kvar:
                proc.kill()
            psutil.wait_procs(kvar, timeout=10)


def lagningsslag(text: str) -> str:
    text = text.strip()
    for nyckel, namn in (
        ("var tom", "pid-listan tom"),
        ("var trasig", "pid-listan trasig"),
        ("togs bort ur .handle_pids.json", "döda pid i listan"),
        ("postmaster.pid", "postmaster.pid"),
        ("socketlåset", "socketlås"),
        ("initdb", "halvfärdig initdb"),
        ("väntade", "väntade på servern"),
        ("kvarlämnade", "kvarlämnade processer"),
    ):
        if nyckel in text:
            return namn
    return text


def egna_processer(mapp: Path) -> list[psutil.Process]:
    """PostgreSQL programs working in the soak's folder (children run inside it)."""
    mapp_s = str(mapp)
    hittade = []
    for proc in psutil.process_iter(["name", "cmdline"]):
        if proc.info["name"] not in ("postgres", "pg_ctl", "initdb"):
            continue
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
            if any(mapp_s in arg for arg in proc.info["cmdline"] or []) or proc.cwd().startswith(
                mapp_s
            ):
                hittade.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return hittade


def ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def svarar(port: int, timeout: float) -> bool:
    slut = time.monotonic() + timeout
    while time.monotonic() < slut:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)  # noqa: S310
            return True
        except urllib.error.HTTPError:
            return True  # it answered
        except OSError:
            time.sleep(0.2)
    return False


def kor(
    mapp: Path,
    *,
    lage: str,
    cykler: int | None = None,
    planer: list[Plan] | None = None,
    seed: int,
    utskrift=print,
) -> Resultat:
    soak = Soak(mapp, lage=lage, seed=seed, utskrift=utskrift)
    if planer is None:
        planer = [soak.slumpa_plan() for _ in range(cykler or 0)]
    return soak.kor(planer)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.soak", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--cykler", type=int, default=40)
    parser.add_argument("--lage", choices=sorted(FASER), default="full")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--behall", action="store_true", help="Behåll datamappen efteråt.")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    mapp = Path(tempfile.mkdtemp(prefix="forbund-soak-"))
    print(f"Soak: {args.cykler} cykler ({args.lage}), seed {seed}, datamapp {mapp / 'data'}")
    try:
        resultat = kor(mapp, lage=args.lage, cykler=args.cykler, seed=seed, utskrift=print)
    finally:
        if not args.behall:
            shutil.rmtree(mapp, ignore_errors=True)
    print(resultat.rapport())
    print(f"Upprepa: {PY} -m tests.soak --lage {args.lage} --cykler {args.cykler} --seed {seed}")
    return 1 if resultat.alla_fel else 0


if __name__ == "__main__":
    sys.exit(main())
