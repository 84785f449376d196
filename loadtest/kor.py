"""Run the load test: gunicorn with production-like settings on 127.0.0.1, locust headless
against it, figures to var/load/resultat.json. `make load` prepares the database first.

    python loadtest/kor.py [--anvandare 50] [--tid 2m] [--workers 2 4] [--port 8765]

With several worker counts the same scenario runs once per count, one after the other, each
with fresh survey links (`manage.py forbered_belastning`), and the figures are printed side
by side; each run's files go to var/load/workers-<n>/, all runs to var/load/resultat.json.
Exits non-zero if locust reports any failed request. The server is stopped afterwards.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

ROT = Path(__file__).resolve().parent.parent


def _vanta_pa(url: str, sekunder: float, server: subprocess.Popen) -> None:
    slut = time.monotonic() + sekunder
    while time.monotonic() < slut:
        if server.poll() is not None:
            sys.exit(f"gunicorn avslutades (kod {server.returncode}) innan den svarade.")
        try:
            with urllib.request.urlopen(url, timeout=5) as svar:  # noqa: S310 - our own 127.0.0.1
                if svar.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} svarade inte inom {sekunder:.0f} s.")


def _cpu_sekunder(pid: int) -> float:
    """CPU time of the gunicorn master and its workers so far."""

    try:
        master = psutil.Process(pid)
        processer = [master, *master.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for p in processer:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            continue
    return total


def tolka_statistik(fil: Path) -> dict:
    """Locust's CSV statistics: the totals and each page's figures."""
    with open(fil, newline="") as f:
        rader = list(csv.DictReader(f))
    alla = next(r for r in rader if r["Name"] == "Aggregated")
    return {
        "anrop": int(alla["Request Count"]),
        "fel": int(alla["Failure Count"]),
        "anrop_per_s": round(float(alla["Requests/s"]), 1),
        "median_ms": float(alla["50%"]),
        "p95_ms": float(alla["95%"]),
        "p99_ms": float(alla["99%"]),
        "max_ms": round(float(alla["Max Response Time"])),
        "per_sida": {
            r["Type"] + " " + r["Name"]: {
                "anrop": int(r["Request Count"]),
                "fel": int(r["Failure Count"]),
                "median_ms": float(r["50%"]),
                "p95_ms": float(r["95%"]),
            }
            for r in rader
            if r["Name"] != "Aggregated"
        },
    }


def kor_en(args, workers: int, ut: Path) -> dict:
    """One run: fresh survey links (manage.py forbered_belastning), gunicorn with `workers`
    sync workers, locust headless against it; the figures, also in ut/resultat.json."""
    ut.mkdir(parents=True, exist_ok=True)
    data = ut / "data.json"
    env = {**os.environ, "LOAD_DATA": str(data)}
    env.setdefault("DJANGO_SETTINGS_MODULE", "forbund.settings.load")
    if not args.utan_forberedelse:
        # Each run answers through single-use links: the next run gets links of its own.
        subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "manage.py", "forbered_belastning", "-o", str(data)],
            cwd=ROT,
            env=env,
            check=True,
        )
    bas = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-m",
            "gunicorn",
            "forbund.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=ROT,
        env=env,
        stdout=open(ut / "gunicorn.log", "w"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.STDOUT,
    )
    try:
        _vanta_pa(f"{bas}/konto/logga-in/", 90, server)
        cpu_fore = _cpu_sekunder(server.pid)
        last_fore = os.getloadavg()[0]
        start = time.monotonic()
        locust = subprocess.run(  # noqa: S603 - fixed arguments
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(ROT / "loadtest" / "locustfile.py"),
                "--headless",
                "--users",
                str(args.anvandare),
                "--spawn-rate",
                str(args.takt),
                "--run-time",
                args.tid,
                "--host",
                bas,
                "--csv",
                str(ut / "locust"),
                "--only-summary",
                "--stop-timeout",
                "10",
            ],
            cwd=ROT,
            env=env,
            check=False,
        )
        varaktighet = time.monotonic() - start
        cpu = _cpu_sekunder(server.pid) - cpu_fore
        last_efter = os.getloadavg()[0]
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    resultat = {
        "anvandare": args.anvandare,
        "tid": args.tid,
        "gunicorn_workers": workers,
        **tolka_statistik(ut / "locust_stats.csv"),
        "varaktighet_s": round(varaktighet, 1),
        # The machine is shared: the load average before and after says how quiet it was.
        "belastning_fore_efter": [round(last_fore, 2), round(last_efter, 2)],
        "locust_kod": locust.returncode,
    }
    antal = resultat["anrop"]
    resultat["cpu_s_gunicorn"] = round(cpu, 1)
    resultat["cpu_ms_per_anrop"] = round(cpu * 1000 / antal, 1) if antal else None
    (ut / "resultat.json").write_text(json.dumps(resultat, ensure_ascii=False, indent=2))
    return resultat


RADER = [
    ("anrop", "anrop"),
    ("anrop_per_s", "anrop per sekund"),
    ("fel", "fel"),
    ("median_ms", "median, ms"),
    ("p95_ms", "p95, ms"),
    ("p99_ms", "p99, ms"),
    ("cpu_ms_per_anrop", "gunicorn-CPU per anrop, ms"),
    ("belastning_fore_efter", "load average före/efter"),
]


def jamforelse(resultat: dict[int, dict]) -> str:
    """The runs side by side, one column per worker count."""
    kolumner = sorted(resultat)
    rader = [f"{'':<28}" + "".join(f"{f'{w} workers':>16}" for w in kolumner)]
    for nyckel, text in RADER:
        celler = []
        for w in kolumner:
            v = resultat[w].get(nyckel)
            celler.append("/".join(str(x) for x in v) if isinstance(v, list) else str(v))
        rader.append(f"{text:<28}" + "".join(f"{c:>16}" for c in celler))
    return "\n".join(rader)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--anvandare", type=int, default=50)
    parser.add_argument("--takt", type=float, default=5, help="nya användare per sekund")
    parser.add_argument("--tid", default="2m")
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[2],
        help="antal gunicorn-workers; flera värden (2 4) kör ett test per värde, efter varandra",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--utan-forberedelse",
        action="store_true",
        help="kör inte manage.py forbered_belastning (data.json finns redan i varje körnings mapp)",
    )
    parser.add_argument("--ut", default=str(ROT / "var" / "load"))
    args = parser.parse_args()

    ut = Path(args.ut)
    resultat: dict[int, dict] = {}
    for workers in args.workers:
        r = kor_en(args, workers, ut / f"workers-{workers}")
        resultat[workers] = r
        print(
            f"\nLasttest: {args.anvandare} användare i {args.tid} mot gunicorn med {workers} "
            f"workers: {r['anrop']} anrop ({r['anrop_per_s']}/s), {r['fel']} fel, median "
            f"{r['median_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms; "
            f"gunicorn-CPU {r['cpu_ms_per_anrop']} ms per anrop.",
            flush=True,
        )
    (ut / "resultat.json").write_text(
        json.dumps({str(w): r for w, r in resultat.items()}, ensure_ascii=False, indent=2)
    )
    print("\n" + jamforelse(resultat))
    print(f"\nSkrivet: {ut / 'resultat.json'}")
    return (
        0
        if all(r["locust_kod"] == 0 and r["fel"] == 0 and r["anrop"] > 0 for r in resultat.values())
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())
