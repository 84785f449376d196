"""Print (or run) the SQL that sets up the database's two roles: the owner that migrations run
as, and the portal's own role that owns nothing (forbund/roller.py, README "Production")."""

from django.core.management.base import BaseCommand
from django.db import connections

from forbund.roller import roller_sql


class Command(BaseCommand):
    help = (
        "Skriver ut SQL som skapar databasens två roller: ägaren (migreringar) och portalens "
        "roll som inte äger något. Kör den som superanvändare före första migrate."
    )

    def add_arguments(self, parser):
        parser.add_argument("--agare", default="forbund_agare", help="Rollen som äger tabellerna")
        parser.add_argument("--app", default="forbund_app", help="Rollen portalen ansluter som")
        parser.add_argument("--databas", default=None, help="Databasen (standard: portalens)")
        parser.add_argument(
            "--utfor",
            action="store_true",
            help="Kör satserna mot databasen (anslutningen måste vara en superanvändare)",
        )

    def handle(self, *args, agare, app, databas, utfor, **options):
        connection = connections["default"]
        satser = roller_sql(
            agare=agare, app=app, databas=databas or connection.settings_dict["NAME"]
        )
        if utfor:
            with connection.cursor() as cursor:
                for sats in satser:
                    cursor.execute(sats)
            self.stdout.write(f"Rollerna {agare} och {app} är klara.")
            return
        for sats in satser:
            self.stdout.write(sats.as_string(None) + ";")
