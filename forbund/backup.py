"""Backup and restore of the portal's database (and its uploaded files).

``backup`` runs ``pg_dump`` in custom format against whatever database the settings point at:
the embedded pgserver cluster (a unix socket in ``var/pgdata``) or an external server from
``DATABASE_URL``. Uploaded files (handlingar, bilagor) live under ``MEDIA_ROOT``, not in the
database, so they go into a tar archive beside the dump; a dump alone would restore protocols
whose handlingar are missing.

``restore`` only writes into an empty database: restoring over live data would mix two
histories, and a justerat protocol's rows cannot be overwritten anyway (the lock triggers).
It runs ``pg_restore --single-transaction --exit-on-error``, so a broken file leaves the
database as empty as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import connections

try:  # the embedded server's own pg_dump matches its version; elsewhere the one on PATH
    import pgserver
except ImportError:  # pragma: no cover - pgserver is a dependency
    pgserver = None


class BackupFel(Exception):
    """A backup or restore that cannot be done, with a Swedish message."""


@dataclass(frozen=True)
class Anslutning:
    host: str
    port: str
    user: str
    password: str
    name: str

    @classmethod
    def fran_settings(cls, alias: str = "default", *, name: str | None = None) -> Anslutning:
        s = connections[alias].settings_dict
        return cls(
            host=str(s.get("HOST") or ""),
            port=str(s.get("PORT") or ""),
            user=str(s.get("USER") or ""),
            password=str(s.get("PASSWORD") or ""),
            name=name or str(s["NAME"]),
        )

    def miljo(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        if self.host:
            env["PGHOST"] = self.host
        if self.port:
            env["PGPORT"] = self.port
        if self.user:
            env["PGUSER"] = self.user
        if self.password:
            env["PGPASSWORD"] = self.password
        env["PGDATABASE"] = self.name
        return env


def program(namn: str) -> str:
    """``pg_dump``/``pg_restore``: pgserver's own (it matches the embedded server's version),
    else the one on PATH."""
    if pgserver is not None:
        kandidat = Path(pgserver.__file__).parent / "pginstall" / "bin" / namn
        if kandidat.exists():
            return str(kandidat)
    hittad = shutil.which(namn)
    if not hittad:
        raise BackupFel(f"Programmet {namn} finns inte på den här datorn.")
    return hittad


def _kor(args: list[str], anslutning: Anslutning) -> None:
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from our own settings
        args, env=anslutning.miljo(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        fel = (result.stderr or result.stdout).strip().splitlines()
        raise BackupFel(f"{Path(args[0]).name} misslyckades: {' / '.join(fel[-3:])}")


def media_arkiv(dump: Path) -> Path:
    return dump.with_name(dump.name + ".media.tar.gz")


def backup(fil: Path, *, anslutning: Anslutning | None = None, media: bool = True) -> list[Path]:
    """Write the database to ``fil`` (pg_dump custom format) and, when there are uploaded
    files, ``fil.media.tar.gz``. Returns the files written."""
    anslutning = anslutning or Anslutning.fran_settings()
    fil.parent.mkdir(parents=True, exist_ok=True)
    tillfallig = fil.with_name(fil.name + ".delvis")
    # Written under another name first: a dump interrupted half-way never has the real name.
    _kor([program("pg_dump"), "--format=custom", "--no-owner", f"--file={tillfallig}"], anslutning)
    tillfallig.replace(fil)
    skrivna = [fil]
    media_root = Path(settings.MEDIA_ROOT)
    if media and media_root.is_dir() and any(media_root.iterdir()):
        arkiv = media_arkiv(fil)
        with tarfile.open(arkiv, "w:gz") as tar:
            tar.add(media_root, arcname="media")
        skrivna.append(arkiv)
    return skrivna


def utan_tabeller(anslutning: Anslutning) -> bool:
    """True when the database has no tables of its own (the public schema is empty)."""
    with psycopg.connect(
        host=anslutning.host or None,
        port=anslutning.port or None,
        user=anslutning.user or None,
        password=anslutning.password or None,
        dbname=anslutning.name,
    ) as conn:
        antal = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
        ).fetchone()[0]
    return antal == 0


def restore(fil: Path, *, anslutning: Anslutning | None = None) -> list[str]:
    """Restore ``fil`` into an empty database; returns what was restored, for the user."""
    anslutning = anslutning or Anslutning.fran_settings()
    if not fil.is_file():
        raise BackupFel(f"Filen {fil} finns inte.")
    with fil.open("rb") as f:
        if f.read(5) != b"PGDMP":
            raise BackupFel(
                f"{fil.name} är ingen säkerhetskopia från pg_dump i eget format (custom)."
            )
    if not utan_tabeller(anslutning):
        raise BackupFel(
            f"Databasen {anslutning.name} är inte tom. Återställ till en tom databas, "
            "så att inget befintligt skrivs över."
        )
    _kor(
        [
            program("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={anslutning.name}",
            str(fil),
        ],
        anslutning,
    )
    gjort = [f"Databasen {anslutning.name} är återställd från {fil.name}."]
    arkiv = media_arkiv(fil)
    if arkiv.is_file():
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(arkiv, "r:gz") as tar:
            medlemmar = [m for m in tar.getmembers() if m.name.startswith("media")]
            for m in medlemmar:
                m.name = m.name.removeprefix("media").lstrip("/")
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(media_root, members=[m for m in medlemmar if m.name], filter="data")
        gjort.append(f"Uppladdade filer är återställda till {media_root}.")
    return gjort
