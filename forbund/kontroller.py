"""Deploy checks of the database connection (`manage.py check --deploy --database default`;
not run by migrate or in development, where the embedded server's only role is a superuser):
the portal must not connect as a superuser or as the owner of its tables, or it could lift
the locks on what is approved (forbund/sparr.py, forbund/roller.py)."""

from __future__ import annotations

from django.core.checks import Error, Tags, register
from django.db import connections


@register(Tags.database, deploy=True)
def portalens_roll(app_configs=None, databases=None, **kwargs):
    fel = []
    for alias in databases or []:
        if alias != "default":
            continue
        with connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT r.rolsuper, (SELECT count(*) FROM pg_tables WHERE schemaname = "
                "current_schema() AND tableowner = current_user) FROM pg_roles r "
                "WHERE r.rolname = current_user"
            )
            superuser, agda = cursor.fetchone()
        if superuser:
            fel.append(
                Error(
                    "Portalen ansluter till databasen som superanvändare och kan stänga av "
                    "låsen på det som är godkänt.",
                    hint="Anslut med en roll som inte äger tabellerna (README, Production; "
                    "python manage.py databasroller).",
                    id="forbund.E001",
                )
            )
        elif agda:
            fel.append(
                Error(
                    f"Portalens databasroll äger {agda} tabeller och kan stänga av deras lås.",
                    hint="Kör migreringar som ägaren (DATABASE_MIGRATION_URL) och portalen som "
                    "en roll utan ägarskap (python manage.py databasroller).",
                    id="forbund.E002",
                )
            )
    return fel
