"""Fill a separate database with a large generated förbund (see devtools/skala.py).

    FORBUND_DB_NAME=forbund_scale python manage.py migrate
    FORBUND_DB_NAME=forbund_scale python manage.py generate_scale

Refuses a database that holds data the generator did not write (the `make run` demo
database included).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from devtools import skala


class Command(BaseCommand):
    help = (
        "Fyller en egen databas med ett stort genererat förbund (tio år av möten, insatser, "
        "enkätsvar och transaktioner). Vägrar en databas med data som inte är genererad."
    )

    def add_arguments(self, parser):
        parser.add_argument("--storlek", choices=sorted(skala.STORLEKAR), default="full")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--om",
            action="store_true",
            help="Töm och generera på nytt (bara i en databas som generate_scale har fyllt).",
        )

    def handle(self, *args, storlek, seed, om, **options):
        namn = connection.settings_dict["NAME"]
        try:
            status = skala.kontrollera_databas()
        except skala.Vagrar as exc:
            raise CommandError(str(exc)) from exc
        vald = skala.STORLEKAR[storlek]
        if status == "genererad":
            markor = skala._kommentar()
            if not om and f"seed={seed} {vald.text()} klar" in markor:
                self.stdout.write(
                    f"Databasen {namn} är redan genererad ({markor}). "
                    "Ange --om för att generera den på nytt."
                )
                return
            if not om:
                raise CommandError(
                    f"Databasen {namn} är genererad med andra inställningar ({markor}). "
                    "Ange --om för att tömma den och generera på nytt."
                )
            self.stdout.write(f"Tömmer {namn} (genererad tidigare) …")
            call_command("flush", interactive=False, verbosity=0)
        self.stdout.write(f"Genererar i databasen {namn}: {vald.text()} seed={seed}")
        start = time.perf_counter()
        skala.generera(storlek=vald, seed=seed, logg=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Klart på {time.perf_counter() - start:.1f} s. Databasen är märkt som genererad."
            )
        )
