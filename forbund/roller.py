"""The two database roles of production (README, "Production"):

- the owner (e.g. `forbund_agare`): owns the schema's tables, sequences and the lock triggers'
  functions; `manage.py migrate` runs as it (DATABASE_MIGRATION_URL), nothing else does;
- the portal (e.g. `forbund_app`): what gunicorn connects as (DATABASE_URL). It may read and
  write rows and nothing more: no TRUNCATE (which skips row triggers), no TRIGGER or REFERENCES,
  no DDL, and since it owns nothing it can neither disable, drop nor replace a lock trigger or
  its function. Neither role is a superuser (a superuser could set session_replication_role
  and silence every trigger).

`roller_sql` is the SQL a database administrator runs once, as a superuser, before the first
migrate (`python manage.py databasroller` prints it); `make test` runs the same statements in
its embedded cluster and tries every lock as the portal's role (tests/test_las.py).
"""

from __future__ import annotations

from psycopg import sql

# DML only. Default privileges give the same to every table and sequence the owner creates
# later (a migration), so no grant is forgotten when the schema grows.
TABELLRATT = "SELECT, INSERT, UPDATE, DELETE"
SEKVENSRATT = "USAGE, SELECT"


def roller_sql(*, agare: str, app: str, databas: str, schema: str = "public") -> list[sql.Composed]:
    """CREATE the roles if missing (without password: set one with ALTER ROLE … PASSWORD),
    give the owner the schema, and the portal DML on everything the owner has and will make."""
    a, p, d, s = (sql.Identifier(x) for x in (agare, app, databas, schema))
    skapa = (
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {namn}) THEN "
        "CREATE ROLE {roll} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS; END IF; END $$"
    )
    return [
        sql.SQL(skapa).format(namn=sql.Literal(agare), roll=a),
        sql.SQL(skapa).format(namn=sql.Literal(app), roll=p),
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}, {}").format(d, a, p),
        sql.SQL("ALTER SCHEMA {} OWNER TO {}").format(s, a),
        sql.SQL("REVOKE CREATE ON SCHEMA {} FROM PUBLIC").format(s),
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(s, p),
        sql.SQL("GRANT " + TABELLRATT + " ON ALL TABLES IN SCHEMA {} TO {}").format(s, p),
        sql.SQL("GRANT " + SEKVENSRATT + " ON ALL SEQUENCES IN SCHEMA {} TO {}").format(s, p),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} GRANT "
            + TABELLRATT
            + " ON TABLES TO {}"
        ).format(a, s, p),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} GRANT "
            + SEKVENSRATT
            + " ON SEQUENCES TO {}"
        ).format(a, s, p),
    ]
