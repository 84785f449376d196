import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ekonomi import export, selectors


class Command(BaseCommand):
    help = (
        "Skriver saldolistan (konto;namn;utfall, utfall i kr med bokföringens tecken) för ett "
        "år till och med ett datum: det revisorn jämför med bokföringen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--ar", type=int, required=True)
        parser.add_argument(
            "--per",
            help="Till och med datum (ÅÅÅÅ-MM-DD); standard och högst: den senaste importens",
        )
        parser.add_argument("-o", "--output", required=True)

    def handle(self, *args, ar, per, output, **options):
        try:
            per_datum = dt.date.fromisoformat(per) if per else None
        except ValueError as exc:
            raise CommandError("--per skrivs ÅÅÅÅ-MM-DD.") from exc
        if per_datum and per_datum.year != ar:
            raise CommandError(f"--per {per_datum.isoformat()} ligger utanför {ar}.")
        rader, datum = selectors.saldolista(ar, per_datum)
        if datum is None:
            raise CommandError(f"Det finns inget importerat utfall för {ar}.")
        path = Path(output)
        path.write_text(export.saldolista_csv(rader), encoding="utf-8-sig")
        self.stdout.write(
            f"Saldolista {ar} till och med {datum.isoformat()} ({len(rader)} konton) skriven "
            f"till {path}."
        )
