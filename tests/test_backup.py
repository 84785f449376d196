"""`manage.py backup` and `manage.py restore`: a restored database has every row of the
original, the justerade protocols byte for byte, and the uploaded files."""

import hashlib
import os
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from psycopg import sql

from forbund import backup

# One per xdist worker: the tests of this file may run in both at once.
MAL = "test_forbund_aterstalld" + os.environ.get("PYTEST_XDIST_WORKER", "")

# The justerade protocols and everything the lock protects, as text, in a fixed order.
JUSTERAT = """
SELECT md5(string_agg(rad, '|' ORDER BY rad)) FROM (
    SELECT p::text AS rad FROM moten_protokoll p WHERE p.status = 'justerat'
    UNION ALL
    SELECT g::text FROM moten_paragraf g JOIN moten_protokoll p ON p.id = g.protokoll_id
     WHERE p.status = 'justerat'
    UNION ALL
    SELECT a::text FROM moten_attsats a JOIN moten_paragraf g ON g.id = a.paragraf_id
     JOIN moten_protokoll p ON p.id = g.protokoll_id WHERE p.status = 'justerat'
    UNION ALL
    SELECT j::text FROM moten_justering j JOIN moten_protokoll p ON p.id = j.protokoll_id
     WHERE p.status = 'justerat'
) AS alla
"""


def _anslut(a: backup.Anslutning, name=None):
    return psycopg.connect(
        host=a.host, port=a.port, user=a.user, dbname=name or a.name, autocommit=True
    )


def _antal_per_tabell(conn) -> dict[str, int]:
    tabeller = [
        r[0]
        for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    return {
        t: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
        for t in tabeller
    }


@pytest.fixture
def tom_databas():
    kalla = backup.Anslutning.fran_settings()
    with _anslut(kalla, "postgres") as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(MAL)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(MAL)))
    yield backup.Anslutning(kalla.host, kalla.port, kalla.user, kalla.password, MAL)
    with _anslut(kalla, "postgres") as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(MAL)))


def test_backup_restores_every_row_and_the_justerade_protocols(
    transactional_db, enkat, moten, settings, tmp_path, tom_databas
):
    handling = Path(settings.MEDIA_ROOT) / moten.handling.fil.name
    handling_hash = hashlib.sha256(handling.read_bytes()).hexdigest()

    fil = tmp_path / "backup" / "forbund.dump"
    call_command("backup", "-o", str(fil))
    assert fil.read_bytes()[:5] == b"PGDMP"
    assert backup.media_arkiv(fil).is_file()

    # The original keeps living; the copy is restored next to it, into an empty database.
    settings.MEDIA_ROOT = tmp_path / "media-aterstalld"
    gjort = backup.restore(fil, anslutning=tom_databas)
    assert gjort[0].startswith(f"Databasen {MAL} är återställd")

    with _anslut(backup.Anslutning.fran_settings()) as original, _anslut(tom_databas) as kopia:
        fore = _antal_per_tabell(original)
        efter = _antal_per_tabell(kopia)
        assert fore == efter
        # Not an empty comparison: the demo's protocols, paragraphs, answers are all there.
        assert fore["moten_paragraf"] > 30
        assert fore["enkater_svar"] > 0
        assert fore["ekonomi_budgetrad"] > 0
        assert fore["insatser_beviljning"] > 0
        justerat = original.execute(JUSTERAT).fetchone()[0]
        assert justerat is not None
        assert kopia.execute(JUSTERAT).fetchone()[0] == justerat
        # The lock came along: a justerat protocol in the copy still refuses changes.
        with pytest.raises(psycopg.errors.RestrictViolation):
            kopia.execute(
                "UPDATE moten_paragraf SET rubrik = 'Ändrad' WHERE protokoll_id IN "
                "(SELECT id FROM moten_protokoll WHERE status = 'justerat')"
            )
    kopierad = Path(settings.MEDIA_ROOT) / moten.handling.fil.name
    assert hashlib.sha256(kopierad.read_bytes()).hexdigest() == handling_hash


def test_restore_refuses_a_database_that_is_not_empty(transactional_db, demo, tmp_path):
    fil = tmp_path / "forbund.dump"
    backup.backup(fil, media=False)
    with pytest.raises(CommandError, match="är inte tom"):
        call_command("restore", str(fil))
    assert connection.cursor() is not None  # the live database is untouched and usable


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, tom_databas):
    fil = tmp_path / "inte.dump"
    fil.write_text("SELECT 1;")
    with pytest.raises(backup.BackupFel, match="ingen säkerhetskopia"):
        backup.restore(fil, anslutning=tom_databas)
    assert backup.utan_tabeller(tom_databas)


def test_a_truncated_backup_leaves_the_target_empty(transactional_db, demo, tmp_path, tom_databas):
    fil = tmp_path / "forbund.dump"
    backup.backup(fil, media=False)
    trasig = tmp_path / "trasig.dump"
    trasig.write_bytes(fil.read_bytes()[: fil.stat().st_size // 2])
    with pytest.raises(backup.BackupFel, match="pg_restore misslyckades"):
        backup.restore(trasig, anslutning=tom_databas)
    assert backup.utan_tabeller(tom_databas)
