from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from behovsanalys import services


class Command(BaseCommand):
    help = (
        "Importerar helårsekvivalenter och befolkning 20–64 år (CSV eller Excel) till "
        "behovsanalysen. Allt eller inget; se docs/behovsanalys.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil")
        parser.add_argument("--kalla", default="", help="Källan, t.ex. ”SCB, beställning 2024”.")

    def handle(self, *args, fil, kalla, **options):
        path = Path(fil)
        if not path.is_file():
            raise CommandError(f"Filen {fil} finns inte.")
        try:
            resultat = services.behovsanalys_import(
                actor=None, data=path.read_bytes(), filnamn=path.name, kalla=kalla
            )
        except services.Fel as exc:
            raise CommandError("Inget importerades:\n" + "\n".join(exc.fel)) from exc
        if resultat.oforandrad:
            self.stdout.write("Filen är redan importerad. Ingenting ändrades.")
            return
        imp = resultat.behovsimport
        self.stdout.write(
            f"{resultat.antal} rader importerade ({imp.ar_fran}–{imp.ar_till}); "
            f"{resultat.ersatta} tidigare rader ersattes."
        )
