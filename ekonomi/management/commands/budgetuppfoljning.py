import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ekonomi import export, selectors
from forbund.export import xlsx_bytes
from forbund.http import render_pdf
from forbund.selectors import forbund_get


class Command(BaseCommand):
    help = (
        "Skriver budgetuppföljningen (budget, utfall, prognos, differens) som CSV, Excel eller PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("--ar", type=int, required=True)
        parser.add_argument("--per", help="Utfall per datum (YYYY-MM-DD)")
        parser.add_argument("--format", choices=["csv", "xlsx", "pdf"], default="csv")
        parser.add_argument(
            "--tkr", action="store_true", help="Tusentals kronor (som i detaljerad uppföljning)"
        )
        parser.add_argument("-o", "--output", required=True)

    def handle(self, *args, ar, per, format, tkr, output, **options):
        try:
            per_datum = dt.date.fromisoformat(per) if per else None
        except ValueError as exc:
            raise CommandError("--per skrivs YYYY-MM-DD.") from exc
        r = selectors.rapport(ar, per=per_datum)
        if r.version is None:
            raise CommandError(f"Det finns ingen budget för {ar}.")
        path = Path(output)
        if format == "csv":
            path.write_text(export.som_csv(r, tkr=tkr), encoding="utf-8")
        elif format == "xlsx":
            path.write_bytes(xlsx_bytes(export.som_xlsx(r, tkr=tkr)))
        else:
            titel = f"Budgetuppföljning {ar}" + (", tusentals kronor" if tkr else "")
            context = {"r": r, "ar": ar, "tkr": tkr, "titel": titel, "forbund": forbund_get()}
            path.write_bytes(render_pdf("ekonomi/pdf/rapport.html", context))
        self.stdout.write(f"Budgetuppföljning {ar} skriven till {path}.")
