import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ekonomi import services


class Command(BaseCommand):
    help = (
        "Importerar utfall (SIE typ 1–4, CSV eller Excel) för ett år. Allt eller inget: en fil "
        "som inte stämmer avvisas med skälen. Kontoplanen ändras inte."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil")
        parser.add_argument("--ar", type=int, required=True)
        parser.add_argument(
            "--per",
            help="Utfall per datum (ÅÅÅÅ-MM-DD); standard: #OMFATTN, annars sista dagen i "
            "filens sista månad",
        )

    def handle(self, *args, fil, ar, per, **options):
        path = Path(fil)
        if not path.exists():
            raise CommandError(f"Filen {fil} finns inte.")
        try:
            per_datum = dt.date.fromisoformat(per) if per else None
        except ValueError as exc:
            raise CommandError("--per skrivs ÅÅÅÅ-MM-DD.") from exc
        try:
            resultat = services.utfall_import(
                actor=None, data=path.read_bytes(), filnamn=path.name, ar=ar, per=per_datum
            )
        except services.Fel as exc:
            raise CommandError("Inget importerades:\n" + "\n".join(exc.fel)) from exc
        if resultat.oforandrad:
            self.stdout.write("Filen är redan importerad. Ingenting ändrades.")
            return
        imp = resultat.utfallsimport
        self.stdout.write(
            f"{resultat.antal} rader på resultatkonton importerade ur {imp.kalla}, utfall per "
            f"{imp.per.isoformat()}."
        )
        for konto, fore, efter in resultat.andringar:
            self.stdout.write(f"  konto {konto}: {fore} -> {efter}")
        if resultat.omappade:
            self.stdout.write("Konton utan budgetpost: " + ", ".join(map(str, resultat.omappade)))
