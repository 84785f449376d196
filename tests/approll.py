"""The portal's production role in the test cluster: `forbund_app`, set up with the same SQL
the README gives a database administrator (forbund/roller.py), owning nothing. The test
database's tables belong to the role the migrations ran as, as in production."""

from __future__ import annotations

from contextlib import contextmanager

import psycopg
from django.db import connection

from forbund.roller import roller_sql

APP = "forbund_app"


def skapa_approll() -> None:
    s = connection.settings_dict
    with connection.cursor() as cursor:
        for sats in roller_sql(agare=s["USER"], app=APP, databas=s["NAME"]):
            cursor.execute(sats)


@contextmanager
def som_approll():
    """A connection of its own, as the portal's role (it sees only committed rows)."""
    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"], port=s["PORT"], user=APP, dbname=s["NAME"], autocommit=True
    ) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == APP
        yield conn
