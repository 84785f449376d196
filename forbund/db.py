"""Where the database is.

With ``DATABASE_URL`` set, the portal uses that server. Without it, the portal starts (or
reuses) its own PostgreSQL from the ``pgserver`` package, with its data under ``var/`` in the
repository, so a fresh machine needs no database install. Every ``manage.py`` command goes
through here, because the settings call :func:`database_settings`. The server keeps running
between commands; ``make stop`` (``python -m forbund.db stop``) stops it.

pgserver 0.1.4 keeps its state in files that an interrupted command can leave behind wrong,
and it trusts them:

- ``.handle_pids.json``, the processes using the server, rewritten in place (truncate, then
  write) whenever one joins or leaves. A process killed in between leaves it empty (Django's
  autoreloader does that to its child on Ctrl-C or SIGTERM), and every later start or exit
  fails on ``JSONDecodeError``. A killed process also stays listed, so a server started with
  ``cleanup_mode="stop"`` (the test suite's) is never stopped again.
- ``postmaster.pid``: pgserver takes the server for running while that pid exists, even as a
  zombie or as another program after pid reuse, and asserts on a file with fewer than eight
  lines (a server still starting, or a truncated file).
- the socket lock ``.s.PGSQL.<port>.lock``: PostgreSQL refuses to start while it is empty
  or names a live process, even when ``postmaster.pid`` is gone.
- ``PG_VERSION``: pgserver runs ``initdb`` only when it is missing, but ``initdb`` writes it
  first, so an ``initdb`` killed half-way leaves a folder no server can start from.

So this module has pgserver write that list whole (:class:`_WholeFileDiskList`), and before
pgserver looks, :func:`repair_embedded_cluster` checks all of them under pgserver's own
inter-process lock (the one pgserver holds while it starts, joins or stops a server) and
repairs what is unreadable or stale; :func:`embedded_server` prints one Swedish line on stderr
saying what it repaired.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psutil
import psycopg
from psycopg import errors as pg_errors
from psycopg import sql

with warnings.catch_warnings():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (a server, CI); pgserver then keeps
    # its lock file under /tmp, which is what we want.
    warnings.simplefilter("ignore")
    import pgserver
    from pgserver import postgres_server
    from pgserver.postgres_server import PostgresServer


class _WholeFileDiskList(postgres_server.DiskList):
    """pgserver's list of the processes using a server, written whole.

    pgserver rewrites ``.handle_pids.json`` in place (truncate, then write) whenever a process
    joins or leaves, and a process killed in between leaves it empty. That is no rare crash:
    Django's autoreloader SIGKILLs its child (at once on SIGTERM, 0.25 s after Ctrl-C) just
    as pgserver's exit handler in that child writes the list. Written to a file of its own and
    renamed over the old one, the list is always the old one or the new one.
    """

    def put(self, values: list[int]) -> None:
        _write_whole(self.path, json.dumps(values))


def _write_whole(path: Path, text: str) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


# pgserver (pinned at 0.1.4) makes the list with this module-level name when it starts or
# joins a server; upstream has no fix.
postgres_server.DiskList = _WholeFileDiskList

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PGDATA = BASE_DIR / "var" / "pgdata"
DEFAULT_DB_NAME = "forbund"

HANDLE_LIST = ".handle_pids.json"
# What pgserver's initdb (PostgreSQL 16) puts in a new data folder. A folder holding only
# these, in which no server has ever run, holds no data and may be emptied and made again.
INITDB_ENTRIES = frozenset(
    {
        "PG_VERSION",
        "base",
        "global",
        "pg_commit_ts",
        "pg_dynshmem",
        "pg_hba.conf",
        "pg_ident.conf",
        "pg_logical",
        "pg_multixact",
        "pg_notify",
        "pg_replslot",
        "pg_serial",
        "pg_snapshots",
        "pg_stat",
        "pg_stat_tmp",
        "pg_subtrans",
        "pg_tblspc",
        "pg_twophase",
        "pg_wal",
        "pg_xact",
        "postgresql.auto.conf",
        "postgresql.conf",
        # initdb's own bootstrap and single-user backends write a postmaster.pid while they
        # run, so an initdb killed then leaves one; a server started by pg_ctl adds `log`
        # and `postmaster.opts` as well, which keep such a folder out of this set.
        "postmaster.pid",
        HANDLE_LIST,
    }
)
FIRST_USER_OID = 16384  # base/<oid> at or above this is a database someone created
PG_PROGRAMS = frozenset({"postgres", "initdb", "pg_ctl"})
# pgserver's lock is shared by every data folder of this user on the machine, so waiting
# under it is kept short; pgserver gives pg_ctl 10 s to start a server.
STARTING_WAIT = 30.0
LEFTOVER_WAIT = 10.0
START_ATTEMPTS = 5


def database_settings() -> dict:
    """The ``DATABASES['default']`` entry for this process."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    pgdata = configured_pgdata()
    stop_at_exit = os.environ.get("FORBUND_PG_STOP_AT_EXIT") == "1"
    host, port = embedded_server(pgdata, stop_at_exit=stop_at_exit)
    name = os.environ.get("FORBUND_DB_NAME", DEFAULT_DB_NAME)
    ensure_database(host=host, port=port, name=name)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": host,
        "PORT": port,
        "TEST": {"NAME": f"test_{name}"},
    }


def configured_pgdata() -> Path:
    """The embedded server's data folder: ``FORBUND_PGDATA`` or ``var/pgdata``."""
    pgdata = Path(os.environ.get("FORBUND_PGDATA", DEFAULT_PGDATA))
    return pgdata if pgdata.is_absolute() else BASE_DIR / pgdata


def embedded_server(pgdata: Path, *, stop_at_exit: bool = False) -> tuple[str, str]:
    """Start or reuse the embedded cluster in ``pgdata``; return (socket dir, port)."""
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # pgserver keys its servers by the resolved path, and that is the path PostgreSQL's
    # command line carries, which the checks below compare with.
    pgdata = pgdata.expanduser().resolve()
    last_error: Exception | None = None
    for _attempt in range(START_ATTEMPTS):
        with PostgresServer._lock:
            repaired = repair_embedded_cluster(pgdata)
        if repaired:
            print(repair_message(pgdata, repaired), file=sys.stderr)
        try:
            server = pgserver.get_server(pgdata, cleanup_mode="stop" if stop_at_exit else None)
            info = server.get_postmaster_info()
            break
        except Exception as exc:  # noqa: BLE001 - pgserver raises several kinds
            last_error = exc
            # pgserver keeps a server in its per-process cache even when starting it failed,
            # and would hand that half-made one back on the next attempt.
            PostgresServer._instances.pop(pgdata, None)
            # A crashed postmaster's children can hold its shared memory for a moment after
            # it died; PostgreSQL then refuses to start. The next round waits for them.
            time.sleep(1)
    else:
        log = pgdata / "log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(
            f"Den inbyggda PostgreSQL-servern i {pgdata} startar inte: {last_error!r}\n{tail}"
        )
    if stop_at_exit and pgdata not in _forget_at_exit:
        # pgserver stops the server when the last process in its list leaves. One that joined
        # meanwhile and was killed (the suite kills workers on purpose) never leaves, so drop
        # the dead before pgserver's own exit handler (registered earlier, so it runs later).
        _forget_at_exit.add(pgdata)
        atexit.register(_forget_dead_handles, pgdata)
    return str(info.socket_dir), str(info.port or 5432)


_forget_at_exit: set[Path] = set()


def _forget_dead_handles(pgdata: Path) -> None:
    with PostgresServer._lock:
        _repair_handle_list(pgdata)


def ensure_database(*, host: str, port: str, name: str) -> None:
    """Create the portal's database in the embedded cluster if it is not there yet."""
    with psycopg.connect(
        host=host, port=port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            # A command started beside this one may create it first.
            with contextlib.suppress(pg_errors.DuplicateDatabase, pg_errors.UniqueViolation):
                conn.execute(
                    sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(sql.Identifier(name))
                )


# --- Checking and repairing what pgserver keeps on disk -----------------------------------


@dataclass(frozen=True)
class PidFile:
    """``postmaster.pid`` as far as it could be read (PostgreSQL adds lines while starting)."""

    lines: list[str]

    @property
    def pid(self) -> int | None:
        first = self.lines[0].strip() if self.lines else ""
        return int(first) if first.isdigit() else None

    @property
    def port(self) -> str:
        return self._line(3) or "5432"

    @property
    def socket_dir(self) -> str:
        return self._line(4)

    @property
    def status(self) -> str:
        return self._line(7)

    def _line(self, index: int) -> str:
        return self.lines[index].strip() if len(self.lines) > index else ""


def read_pid_file(pgdata: Path) -> PidFile | None:
    try:
        return PidFile(lines=(pgdata / "postmaster.pid").read_text(errors="replace").splitlines())
    except FileNotFoundError:
        return None


def cluster_processes(pgdata: Path) -> list[psutil.Process]:
    """Live PostgreSQL programs working on ``pgdata``.

    The postmaster, pg_ctl and initdb carry the folder on their command line; a server's
    children (which rename themselves "postgres: checkpointer" and so on) run inside it.
    Other users' clusters on this machine never match, so nothing here touches them.
    """
    target = str(pgdata)
    found = []
    for proc in psutil.process_iter(["name"]):
        if proc.info["name"] not in PG_PROGRAMS:
            continue
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
            if target in proc.cmdline() or proc.cwd() == target:
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


def find_postmaster(pgdata: Path, procs: list[psutil.Process]) -> psutil.Process | None:
    for proc in procs:
        try:
            if proc.name() == "postgres" and str(pgdata) in proc.cmdline():
                return proc
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return None


def socket_dirs(pgdata: Path) -> list[Path]:
    """Where pgserver may have put the server's socket: the data folder, or (when that path
    is too long for a unix socket) a folder named by a hash of it under its runtime path."""
    dirs = [pgdata]
    try:
        ident = f"{pgdata}-{pgdata.stat().st_ino}"
    except FileNotFoundError:
        return dirs
    dirs.append(PostgresServer.runtime_path / hashlib.sha256(ident.encode()).hexdigest()[:10])
    return dirs


def repair_embedded_cluster(pgdata: Path) -> list[str]:
    """Check what pgserver keeps in ``pgdata`` and repair what an interruption left wrong.

    Call it holding pgserver's lock (``PostgresServer._lock``), so no other process starts,
    joins or stops the server meanwhile. Returns what was done, one Swedish phrase each.
    """
    if not pgdata.is_dir():
        return []
    notes = _settle_processes(pgdata)
    if cluster_processes(pgdata):
        # A server runs (or is still busy starting or stopping): its files are its own.
        return notes + _repair_handle_list(pgdata)
    notes += _repair_unfinished_initdb(pgdata)
    notes += _repair_lock_files(pgdata)
    notes += _repair_handle_list(pgdata)
    return notes


def _settle_processes(pgdata: Path) -> list[str]:
    """Wait for a server that is starting or stopping; clear up after one that crashed."""
    notes = []
    started = time.monotonic()
    postmaster_seen = None
    while True:
        procs = cluster_processes(pgdata)
        postmaster = find_postmaster(pgdata, procs)
        if postmaster is None:
            break
        pid_file = read_pid_file(pgdata)
        if pid_file and pid_file.pid == postmaster.pid and pid_file.status == "ready":
            if postmaster_seen:
                waited = time.monotonic() - started
                notes.append(
                    f"väntade {waited:.1f} s tills servern (pid {postmaster.pid}), som ett "
                    "avbrutet kommando hade lämnat halvvägs igång, tog emot anslutningar"
                )
            return notes
        postmaster_seen = postmaster.pid
        if time.monotonic() - started > STARTING_WAIT:
            return notes  # still busy; pgserver's start and the retry take it from here
        time.sleep(0.2)
    if postmaster_seen:
        notes.append(f"väntade på servern (pid {postmaster_seen}) tills den avslutades")
    # No postmaster: what is left are a crashed server's children (they hold its shared
    # memory, and PostgreSQL will not start beside them) or an orphaned initdb/pg_ctl.
    leftovers = procs
    deadline = time.monotonic() + LEFTOVER_WAIT
    while leftovers and time.monotonic() < deadline:
        time.sleep(0.2)
        leftovers = cluster_processes(pgdata)
    if leftovers:
        for proc in leftovers:
            try:
                proc.kill()
            except psutil.NoSuchProcess:
                continue
        psutil.wait_procs(leftovers, timeout=5)
        pids = ", ".join(str(p.pid) for p in leftovers)
        notes.append(f"kvarlämnade PostgreSQL-processer utan server (pid {pids}) avslutades")
    return notes


def _repair_unfinished_initdb(pgdata: Path) -> list[str]:
    """Empty a data folder that an interrupted initdb left half-made, so pgserver makes it
    again. Only a folder no server has ever run in holds nothing but initdb's own entries:
    the first start adds ``log`` (pg_ctl) and ``postmaster.opts`` (the postmaster). Such a
    folder holds no data, whether initdb finished or not, so making it again loses nothing."""
    entries = list(pgdata.iterdir())
    names = {entry.name for entry in entries}
    if not names or not names <= INITDB_ENTRIES or _has_user_databases(pgdata):
        return []
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink(missing_ok=True)
    return ["en avbruten initdb hade lämnat datamappen halvfärdig; den tömdes och skapas om"]


def _has_user_databases(pgdata: Path) -> bool:
    base = pgdata / "base"
    if not base.is_dir():
        return False
    return any(d.name.isdigit() and int(d.name) >= FIRST_USER_OID for d in base.iterdir())


def _repair_lock_files(pgdata: Path) -> list[str]:
    """With no server running on ``pgdata``, every lock file it left is stale."""
    notes = []
    pid_file = read_pid_file(pgdata)
    if pid_file is not None:
        (pgdata / "postmaster.pid").unlink(missing_ok=True)
        if pid_file.pid is None:
            notes.append("postmaster.pid var oläslig och togs bort")
        else:
            notes.append(
                f"postmaster.pid från en server som inte längre kör (pid {pid_file.pid}) togs bort"
            )
    for directory in socket_dirs(pgdata):
        if not directory.is_dir():
            continue
        for lock in sorted(directory.glob(".s.PGSQL.*.lock")):
            lock.unlink(missing_ok=True)
            lock.with_suffix("").unlink(missing_ok=True)  # the socket nobody listens on
            notes.append(f"socketlåset {lock.name} från en server som inte längre kör togs bort")
    return notes


def _repair_handle_list(pgdata: Path) -> list[str]:
    """Make ``.handle_pids.json`` a readable list of the processes still alive in it."""
    path = pgdata / HANDLE_LIST
    for leftover in pgdata.glob(f"{HANDLE_LIST}.*.tmp"):
        leftover.unlink(missing_ok=True)
    try:
        text = path.read_text(errors="replace")
        written = path.stat().st_mtime
    except FileNotFoundError:
        return []
    try:
        pids = json.loads(text)
        readable = isinstance(pids, list) and all(type(p) is int for p in pids)
    except ValueError:
        readable = False
    if not readable:
        # Keep whatever whole numbers a cut-off write left, if they are live processes.
        pids = [int(p) for p in re.findall(r"\d+", text)]
    alive = [pid for pid in dict.fromkeys(pids) if _holds_handle(pid, written)]
    if readable and alive == pids:
        return []
    _write_whole(path, json.dumps(alive))
    if not readable:
        what = "tom" if not text.strip() else "trasig"
        return [f"{HANDLE_LIST} (processerna som använder servern) var {what} och skrevs om"]
    gone = len(pids) - len(alive)
    return [f"{gone} process(er) som inte längre kör togs bort ur {HANDLE_LIST}"]


def _holds_handle(pid: int, written: float) -> bool:
    """Whether ``pid`` may still be a process that joined the server. Every process in the
    list joined before the file was last written, so one started later reuses the pid."""
    try:
        proc = psutil.Process(pid)
        return proc.status() != psutil.STATUS_ZOMBIE and proc.create_time() <= written + 1
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False
    except psutil.AccessDenied:
        return True


def repair_message(pgdata: Path, repaired: list[str]) -> str:
    return (
        f"Förbundsportalen: lagade den inbäddade databasen i {_shown(pgdata)} efter ett "
        f"avbrott: {'; '.join(repaired)}."
    )


def _shown(pgdata: Path) -> str:
    try:
        return str(pgdata.relative_to(Path.cwd()))
    except ValueError:
        return str(pgdata)


# --- Stopping: `make stop` ----------------------------------------------------------------


def _pg_system_user() -> str | None:
    # pgserver runs PostgreSQL as the user "pgserver" when started by root (PostgreSQL
    # refuses to run as root), else as the current user.
    return "pgserver" if os.geteuid() == 0 else None


def stop_embedded_server(pgdata: Path) -> str:
    """Stop the embedded server in ``pgdata`` (fast shutdown: open sessions end, committed
    data is on disk). Returns a Swedish sentence saying what happened."""
    pgdata = pgdata.expanduser().resolve()
    shown = _shown(pgdata)
    if not (pgdata / "PG_VERSION").exists():
        return f"Ingen inbäddad databas i {shown}."
    with PostgresServer._lock:
        repaired = repair_embedded_cluster(pgdata)
        postmaster = find_postmaster(pgdata, cluster_processes(pgdata))
        if postmaster is None:
            said = f"Den inbäddade PostgreSQL-servern i {shown} kör inte."
        else:
            users = _live_users(pgdata)
            pgserver.pg_ctl(
                ["-w", "-t", "60", "-m", "fast", "stop"], pgdata=pgdata, user=_pg_system_user()
            )
            said = f"Stoppade den inbäddade PostgreSQL-servern i {shown} (pid {postmaster.pid})."
            if users:
                said += (
                    f" Processerna {', '.join(map(str, users))} använde den; "
                    "de tappar sin anslutning."
                )
    if repaired:
        said = repair_message(pgdata, repaired) + "\n" + said
    return said


def _live_users(pgdata: Path) -> list[int]:
    try:
        pids = json.loads((pgdata / HANDLE_LIST).read_text())
    except (FileNotFoundError, ValueError):
        return []
    return [pid for pid in pids if pid != os.getpid() and psutil.pid_exists(pid)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m forbund.db",
        description="Den inbäddade PostgreSQL-servern (utan DATABASE_URL).",
    )
    commands = parser.add_subparsers(dest="kommando", required=True)
    stop = commands.add_parser("stop", help="Stoppar servern (den kör annars kvar).")
    stop.add_argument(
        "mappar",
        nargs="*",
        type=Path,
        help="Datamappar (standard: FORBUND_PGDATA eller var/pgdata).",
    )
    args = parser.parse_args(argv)
    failed = 0
    for pgdata in args.mappar or [configured_pgdata()]:
        try:
            print(stop_embedded_server(pgdata))
        except subprocess.CalledProcessError as exc:
            failed = 1
            print(
                f"Den inbäddade PostgreSQL-servern i {_shown(pgdata)} stannade inte: "
                f"{(exc.stderr or exc.stdout or exc).strip()} (se {_shown(pgdata)}/log).",
                file=sys.stderr,
            )
    return failed


if __name__ == "__main__":
    sys.exit(main())
