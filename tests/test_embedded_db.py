"""The embedded PostgreSQL recovers after a crash.

pgserver 0.1.4 trusts postmaster.pid as long as its process exists; after a SIGKILL the
postmaster is gone (or a zombie where nothing reaps it) and the next connection is refused.
forbund.db clears the stale files first. Each start runs in a fresh process, as
`manage.py` does, because pgserver caches servers per process.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent

START_AND_QUERY = """
import sys
from pathlib import Path
import psycopg
from forbund.db import embedded_server
host, port = embedded_server(Path(sys.argv[1]))
with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres") as conn:
    print("svar", conn.execute("select 41 + 1").fetchone()[0])
"""


def _start(pgdata: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", START_AND_QUERY, str(pgdata)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().splitlines()[0])


def _stop(pgdata: Path) -> None:
    for proc in psutil.process_iter(["cmdline"]):
        if str(pgdata) in " ".join(proc.info["cmdline"] or []):
            proc.kill()


@pytest.fixture
def pgdata(tmp_path_factory):
    # Short path: the unix socket lives in it.
    path = Path(tmp_path_factory.mktemp("pg")) / "data"
    yield path
    _stop(path)


def test_starts_reuses_and_recovers_after_sigkill(pgdata):
    first = _start(pgdata)
    assert first.returncode == 0, first.stderr
    assert "svar 42" in first.stdout
    pid = _postmaster_pid(pgdata)

    again = _start(pgdata)
    assert "svar 42" in again.stdout
    assert _postmaster_pid(pgdata) == pid, "a running server must be reused"

    os.kill(pid, signal.SIGKILL)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    assert (pgdata / "postmaster.pid").exists(), "the crash leaves the stale pid file behind"

    recovered = _start(pgdata)
    assert recovered.returncode == 0, recovered.stderr
    assert "svar 42" in recovered.stdout
    assert _postmaster_pid(pgdata) != pid


def test_stale_pid_file_of_an_unrelated_process_is_ignored(pgdata):
    assert _start(pgdata).returncode == 0
    pid = _postmaster_pid(pgdata)
    os.kill(pid, signal.SIGKILL)
    time.sleep(1)
    # Pretend the pid was reused by another process: this test process.
    pid_file = pgdata / "postmaster.pid"
    lines = pid_file.read_text().splitlines()
    lines[0] = str(os.getpid())
    pid_file.write_text("\n".join(lines) + "\n")
    recovered = _start(pgdata)
    assert recovered.returncode == 0, recovered.stderr
    assert "svar 42" in recovered.stdout
