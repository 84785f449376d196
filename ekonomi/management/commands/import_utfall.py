import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ekonomi import services


class Command(BaseCommand):
    help = "Importerar utfall (SIE4, CSV eller Excel) för ett år. Allt eller inget."

    def add_arguments(self, parser):
        parser.add_argument("fil")
        parser.add_argument("--ar", type=int, required=True)
        parser.add_argument(
            "--per", help="Utfall per datum (YYYY-MM-DD); standard: sista transaktionen"
        )

    def handle(self, *args, fil, ar, per, **options):

        path = Path(fil)
        if not path.exists():
            raise CommandError(f"Filen {fil} finns inte.")
        try:
            resultat = services.utfall_import(
                actor=None,
                data=path.read_bytes(),
                filnamn=path.name,
                ar=ar,
                per=dt.date.fromisoformat(per) if per else None,
            )
        except services.Fel as exc:
            raise CommandError("Inget importerades:\n" + "\n".join(exc.fel)) from exc
        if resultat.oforandrad:
            self.stdout.write("Filen är redan importerad. Ingenting ändrades.")
            return
        self.stdout.write(
            f"{resultat.antal} transaktioner importerade, utfall per {resultat.utfallsimport.per}."
        )
        for konto, fore, efter in resultat.andringar:
            self.stdout.write(f"  konto {konto}: {fore} -> {efter}")
        if resultat.omappade:
            self.stdout.write("Konton utan budgetpost: " + ", ".join(map(str, resultat.omappade)))
