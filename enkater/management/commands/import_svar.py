"""Import paper answers of one round from Excel or CSV: all or nothing, errors with the
file's line numbers."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from enkater import services
from enkater.models import Omgang


class Command(BaseCommand):
    help = (
        "Importerar pappersenkäter till en omgång från Excel (.xlsx) eller CSV: en rad per svar, "
        "en kolumn per fråga (frågans nummer), koder 1–6, tom ruta för inget svar. Allt eller inget."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil")
        parser.add_argument("--omgang", type=int, required=True, help="Omgångens id")

    def handle(self, *args, fil, omgang, **options):
        path = Path(fil)
        if not path.exists():
            raise CommandError(f"Filen {fil} finns inte.")
        runda = Omgang.objects.select_related("formular").filter(pk=omgang).first()
        if runda is None:
            raise CommandError(f"Det finns ingen omgång med id {omgang}.")
        try:
            antal = services.svar_import_fil(actor=None, omgang=runda, data=path.read_bytes())
        except services.Fel as exc:
            raise CommandError("Inget importerades:\n" + "\n".join(exc.fel)) from exc
        self.stdout.write(f"{antal} svar importerade till {runda}.")
