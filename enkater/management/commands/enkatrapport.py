"""Write the report of one round (all and by kön) as CSV, Excel or PDF, with the same
suppression as the pages. No free text: a file leaves the portal."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from enkater import rapport
from enkater.models import Omgang
from forbund.export import xlsx_bytes


class Command(BaseCommand):
    help = "Skriver resultatet för en enkätomgång (med undertryckning) som CSV, Excel eller PDF."

    def add_arguments(self, parser):
        parser.add_argument("--omgang", type=int, required=True, help="Omgångens id")
        parser.add_argument("--format", choices=["csv", "xlsx", "pdf"], required=True)
        parser.add_argument("-o", "--output", required=True, help="Filen som skrivs")

    def handle(self, *args, omgang, format, output, **options):
        runda = Omgang.objects.select_related("formular", "insats").filter(pk=omgang).first()
        if runda is None:
            raise CommandError(f"Det finns ingen omgång med id {omgang}.")
        ctx = rapport.omgang_rapport(runda, dela_kon=True, fritext=False)
        path = Path(output)
        if format == "csv":
            path.write_bytes(rapport.som_csv(ctx))
        elif format == "xlsx":
            path.write_bytes(xlsx_bytes(rapport.som_xlsx(ctx)))
        else:
            path.write_bytes(rapport.som_pdf(ctx))
        self.stdout.write(f"Rapporten för {runda} är skriven till {path}.")
