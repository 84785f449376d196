"""Where the database is.

With ``DATABASE_URL`` set, the portal uses that server. Without it, the portal starts (or
reuses) its own PostgreSQL from the ``pgserver`` package, with its data under ``var/`` in the
repository, so a fresh machine needs no database install. Every ``manage.py`` command goes
through here, because the settings call :func:`database_settings`.

pgserver 0.1.4 trusts a ``postmaster.pid`` whose process still exists. After a crash
(postmaster killed with SIGKILL) that process is either gone or, where nothing reaps orphans,
a zombie, and pgserver then hands out a socket nobody listens on. :func:`_recover_stale_pid`
notices that and clears the stale files before pgserver looks.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PGDATA = BASE_DIR / "var" / "pgdata"
DEFAULT_DB_NAME = "forbund"


def database_settings() -> dict:
    """The ``DATABASES['default']`` entry for this process."""
    url = os.environ.get("DATABASE_URL")
    if url:
        import dj_database_url

        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    pgdata = Path(os.environ.get("FORBUND_PGDATA", DEFAULT_PGDATA))
    if not pgdata.is_absolute():
        pgdata = BASE_DIR / pgdata
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


def embedded_server(pgdata: Path, *, stop_at_exit: bool = False) -> tuple[str, str]:
    """Start or reuse the embedded cluster in ``pgdata``; return (socket dir, port)."""
    import warnings

    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (a server, CI); pgserver then
        # keeps its lock file under /tmp, which is what we want.
        warnings.simplefilter("ignore")
        import pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    _recover_stale_pid(pgdata)
    last_error: Exception | None = None
    # A crashed postmaster's children can hold its shared memory for a moment after it
    # died; PostgreSQL then refuses to start. Give them a few seconds to exit.
    for _attempt in range(5):
        try:
            server = pgserver.get_server(pgdata, cleanup_mode="stop" if stop_at_exit else None)
            break
        except Exception as exc:  # noqa: BLE001 - pgserver raises several kinds
            last_error = exc
            time.sleep(1)
            _recover_stale_pid(pgdata)
    else:
        log = pgdata / "log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(
            f"Den inbyggda PostgreSQL-servern i {pgdata} startar inte: {last_error}\n{tail}"
        )
    info = server.get_postmaster_info()
    return str(info.socket_dir), str(info.port or 5432)


def _recover_stale_pid(pgdata: Path) -> bool:
    """Remove ``postmaster.pid`` (and the socket lock) if its server is dead.

    Returns True when something was cleared.
    """
    import psutil

    pid_file = pgdata / "postmaster.pid"
    try:
        lines = pid_file.read_text().splitlines()
    except FileNotFoundError:
        return False
    if not lines or not lines[0].strip().isdigit():
        alive = False
    else:
        alive = _is_live_postmaster(int(lines[0]), pgdata, psutil)
    if alive:
        return False
    socket_dir = Path(lines[4]) if len(lines) > 4 and lines[4].strip() else pgdata
    port = lines[3].strip() if len(lines) > 3 and lines[3].strip() else "5432"
    for stale in (pid_file, socket_dir / f".s.PGSQL.{port}.lock", socket_dir / f".s.PGSQL.{port}"):
        stale.unlink(missing_ok=True)
    return True


def _is_live_postmaster(pid: int, pgdata: Path, psutil) -> bool:
    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        cmdline = " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False
    # The pid may have been reused by an unrelated process after a crash.
    return "postgres" in cmdline and str(pgdata.resolve()) in cmdline


def ensure_database(*, host: str, port: str, name: str) -> None:
    """Create the portal's database in the embedded cluster if it is not there yet."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=host, port=port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {} ENCODING 'UTF8'").format(sql.Identifier(name)))
