"""Run the load test: gunicorn with production-like settings on 127.0.0.1, locust headless
against it, figures to var/load/resultat.json. `make load` prepares the database first.

    python loadtest/kor.py [--anvandare 50] [--tid 2m] [--workers 2] [--port 8765]

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--anvandare", type=int, default=50)
    parser.add_argument("--takt", type=float, default=5, help="nya användare per sekund")
    parser.add_argument("--tid", default="2m")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data", default=str(ROT / "var" / "load" / "data.json"))
    parser.add_argument("--ut", default=str(ROT / "var" / "load"))
    args = parser.parse_args()

    ut = Path(args.ut)
    ut.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "LOAD_DATA": args.data}
    env.setdefault("DJANGO_SETTINGS_MODULE", "forbund.settings.load")
    bas = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-m",
            "gunicorn",
            "forbund.wsgi",
            "--workers",
            str(args.workers),
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
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()

    resultat = {
        "anvandare": args.anvandare,
        "tid": args.tid,
        "gunicorn_workers": args.workers,
        **tolka_statistik(ut / "locust_stats.csv"),
        "varaktighet_s": round(varaktighet, 1),
    }
    antal, fel = resultat["anrop"], resultat["fel"]
    resultat["cpu_s_gunicorn"] = round(cpu, 1)
    resultat["cpu_ms_per_anrop"] = round(cpu * 1000 / antal, 1) if antal else None
    (ut / "resultat.json").write_text(json.dumps(resultat, ensure_ascii=False, indent=2))
    print(
        f"\nLasttest: {args.anvandare} användare i {args.tid} mot gunicorn med {args.workers} "
        f"workers: {antal} anrop ({resultat['anrop_per_s']}/s), {fel} fel, median "
        f"{resultat['median_ms']:.0f} ms, p95 {resultat['p95_ms']:.0f} ms, p99 "
        f"{resultat['p99_ms']:.0f} ms; gunicorn-CPU {resultat['cpu_ms_per_anrop']} ms per anrop. "
        f"Skrivet: {ut / 'resultat.json'}"
    )
    return 0 if locust.returncode == 0 and fel == 0 and antal > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
