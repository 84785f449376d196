"""The embedded PostgreSQL comes up after any interruption (issue 20).

pgserver 0.1.4 trusts what it keeps on disk: postmaster.pid as long as its process exists
(after a SIGKILL the postmaster is gone, or a zombie where nothing reaps it), its list of the
processes using the server (.handle_pids.json, left empty by a process killed while writing
it), the socket lock and a PG_VERSION that initdb writes before it has finished. forbund.db
checks and repairs them first. Each start runs in a fresh process, as `manage.py` does,
because pgserver caches servers per process. The soak test (tests/test_soak.py) interrupts
real commands at random moments; these tests put each damaged state in place directly.
"""

import json
import os
import random
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
host, port = embedded_server(Path(sys.argv[1]), stop_at_exit=sys.argv[2] == "1")
with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres") as conn:
    print("svar", conn.execute("select 41 + 1").fetchone()[0])
"""


def _start(pgdata: Path, *, stop_at_exit: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", START_AND_QUERY, str(pgdata), "1" if stop_at_exit else "0"],
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


def _postmaster_running(pgdata: Path) -> bool:
    for proc in psutil.process_iter(["cmdline", "status"]):
        if str(pgdata) in (proc.info["cmdline"] or []) and proc.info["status"] != "zombie":
            return True
    return False


def _kill_postmaster(pgdata: Path) -> None:
    pid = _postmaster_pid(pgdata)
    os.kill(pid, signal.SIGKILL)
    deadline = time.time() + 10
    while _postmaster_running(pgdata) and time.time() < deadline:
        time.sleep(0.1)


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def _assert_clean(run: subprocess.CompletedProcess) -> None:
    assert run.returncode == 0, run.stderr
    assert "svar 42" in run.stdout
    assert "Traceback" not in run.stderr, run.stderr


@pytest.mark.parametrize("damaged", ["empty", "cut off"])
def test_damaged_handle_list_is_repaired_and_the_server_still_stops_at_exit(pgdata, damaged):
    """The reported failure: a process killed while pgserver rewrote .handle_pids.json left it
    empty, and from then on every command died on JSONDecodeError (at start, or at exit)."""
    assert _start(pgdata).returncode == 0
    handles = pgdata / ".handle_pids.json"
    handles.write_text("" if damaged == "empty" else f"[{_dead_pid()}, ")

    run = _start(pgdata, stop_at_exit=True)

    _assert_clean(run)
    assert "JSONDecodeError" not in run.stderr
    said = [line for line in run.stderr.splitlines() if "lagade den inbäddade databasen" in line]
    assert len(said) == 1, run.stderr
    assert ".handle_pids.json" in said[0]
    assert ("var tom" if damaged == "empty" else "var trasig") in said[0]
    assert json.loads(handles.read_text()) == []
    # The last process to leave a stop-at-exit server stops it, as the test suite relies on.
    assert not _postmaster_running(pgdata)
    assert not (pgdata / "postmaster.pid").exists()


REWRITE_THE_LIST_FOREVER = """
import os, sys
from pathlib import Path
import forbund.db  # noqa: F401 - as in every portal process
from pgserver import postgres_server
handles = postgres_server.DiskList(Path(sys.argv[1]))
print("skriver", flush=True)
while True:
    handles.get_and_add(os.getpid())
    handles.get_and_remove(os.getpid())
"""


def test_a_process_killed_while_writing_the_list_leaves_it_whole(tmp_path):
    """How the list gets emptied: pgserver rewrites it in place at every join and exit, and
    Django's autoreloader SIGKILLs its child (at once on SIGTERM, 0.25 s after Ctrl-C) just
    as pgserver's exit handler in that child writes it. A process killed at any moment of
    that write must leave the last whole list behind."""
    handles = tmp_path / ".handle_pids.json"
    handles.write_text("[1]")
    rng = random.Random()
    writers = {1}
    for _ in range(20):
        writer = subprocess.Popen(
            [sys.executable, "-c", REWRITE_THE_LIST_FOREVER, str(handles)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout.readline().strip() == "skriver"
        time.sleep(rng.uniform(0.005, 0.05))
        writer.kill()
        writer.wait()
        writers.add(writer.pid)
        # The old list or the new one (a writer killed between joining and leaving stays).
        listed = json.loads(handles.read_text())
        assert 1 in listed and set(listed) <= writers, listed


def test_manage_py_command_comes_up_on_an_empty_handle_list(pgdata):
    assert _start(pgdata).returncode == 0
    (pgdata / ".handle_pids.json").write_text("")
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "FORBUND_PG_STOP_AT_EXIT")
    }
    env |= {"FORBUND_PGDATA": str(pgdata), "DJANGO_SETTINGS_MODULE": "forbund.settings.dev"}
    run = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.db import connection; print('svar', connection.cursor().execute('select 42').fetchone()[0])",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    _assert_clean(run)
    assert "var tom och skrevs om" in run.stderr
    assert json.loads((pgdata / ".handle_pids.json").read_text()) == []


def test_killed_processes_in_the_list_do_not_keep_a_stop_at_exit_server_running(pgdata):
    """A command killed with SIGKILL never leaves the list; pgserver then thinks someone
    still uses the test cluster and never stops it."""
    assert _start(pgdata).returncode == 0
    (pgdata / ".handle_pids.json").write_text(json.dumps([_dead_pid()]))

    run = _start(pgdata, stop_at_exit=True)

    _assert_clean(run)
    assert "som inte längre kör togs bort ur .handle_pids.json" in run.stderr
    assert not _postmaster_running(pgdata)


STOP_AT_EXIT_WITH_A_KILLED_HELPER = """
import os, signal, subprocess, sys, time
from pathlib import Path
from forbund.db import embedded_server
pgdata = Path(sys.argv[1])
embedded_server(pgdata, stop_at_exit=True)
helper = subprocess.Popen([sys.executable, "-c", sys.argv[2], sys.argv[1], "0"])
while str(helper.pid) not in (pgdata / ".handle_pids.json").read_text():
    time.sleep(0.05)
os.kill(helper.pid, signal.SIGKILL)
helper.wait()
print("hjälparen dödad", helper.pid)
"""

HELPER = """
import sys, time
from pathlib import Path
from forbund.db import embedded_server
embedded_server(Path(sys.argv[1]))
time.sleep(60)
"""


def test_a_helper_killed_while_the_suite_runs_does_not_keep_the_test_cluster_running(pgdata):
    """`make test` left var/pgdata-test running: a worker the suite kills with SIGKILL (as
    tests/test_avbrott.py does) stays in the list, so at exit pgserver thinks someone else
    still uses the server. The last stop-at-exit process forgets dead ones before leaving."""
    run = subprocess.run(
        [sys.executable, "-c", STOP_AT_EXIT_WITH_A_KILLED_HELPER, str(pgdata), HELPER],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "hjälparen dödad" in run.stdout
    assert "Traceback" not in run.stderr, run.stderr
    assert not _postmaster_running(pgdata)
    assert json.loads((pgdata / ".handle_pids.json").read_text()) == []


@pytest.mark.parametrize("lock", ["empty", "names a live process"])
def test_stale_socket_lock_without_postmaster_pid(pgdata, lock):
    """The server killed while shutting down: postmaster.pid is gone, the socket lock is
    not. PostgreSQL refuses to start while that lock is empty or names a live process of
    its user (a reused pid)."""
    assert _start(pgdata).returncode == 0
    _kill_postmaster(pgdata)
    (pgdata / "postmaster.pid").unlink()
    socket_lock = pgdata / ".s.PGSQL.5432.lock"
    assert socket_lock.exists()
    sleeper = subprocess.Popen(["sleep", "120"], user="pgserver" if os.geteuid() == 0 else None)
    try:
        if lock == "empty":
            socket_lock.write_text("")
        else:
            lines = socket_lock.read_text().splitlines()
            lines[0] = str(sleeper.pid)
            socket_lock.write_text("\n".join(lines) + "\n")

        run = _start(pgdata)
    finally:
        sleeper.kill()
        sleeper.wait()
    _assert_clean(run)
    assert "socketlåset .s.PGSQL.5432.lock" in run.stderr


def test_truncated_postmaster_pid_of_a_dead_server(pgdata):
    assert _start(pgdata).returncode == 0
    _kill_postmaster(pgdata)
    pid_file = pgdata / "postmaster.pid"
    pid_file.write_text("\n".join(pid_file.read_text().splitlines()[:3]) + "\n")

    run = _start(pgdata)

    _assert_clean(run)
    assert "postmaster.pid från en server som inte längre kör" in run.stderr


def test_initdb_killed_half_way_is_made_again(pgdata):
    starter = subprocess.Popen(
        [sys.executable, "-c", START_AND_QUERY, str(pgdata), "0"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while not (pgdata / "PG_VERSION").exists() and time.time() < deadline:
        time.sleep(0.005)
    os.killpg(starter.pid, signal.SIGKILL)
    starter.wait()
    assert (pgdata / "PG_VERSION").exists()
    assert not (pgdata / "log").exists(), "initdb had already finished: nothing was tested"

    run = _start(pgdata)

    _assert_clean(run)
    assert "en avbruten initdb" in run.stderr


def _stop_command(*folders: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "forbund.db", "stop", *map(str, folders)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_stop_stops_the_server_and_the_next_command_starts_it(pgdata, tmp_path):
    assert _start(pgdata).returncode == 0
    pid = _postmaster_pid(pgdata)

    stopped = _stop_command(pgdata, tmp_path / "finns-inte")

    assert stopped.returncode == 0, stopped.stderr
    assert f"Stoppade den inbäddade PostgreSQL-servern i {pgdata} (pid {pid})." in stopped.stdout
    assert f"Ingen inbäddad databas i {tmp_path / 'finns-inte'}." in stopped.stdout
    assert not _postmaster_running(pgdata)
    assert not (pgdata / "postmaster.pid").exists()

    again = _stop_command(pgdata)
    assert "kör inte" in again.stdout

    _assert_clean(_start(pgdata))
