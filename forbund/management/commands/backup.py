from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from forbund import backup


class Command(BaseCommand):
    help = (
        "Säkerhetskopierar databasen med pg_dump (eget format) och de uppladdade filerna. "
        "Fungerar mot den inbyggda servern och mot DATABASE_URL."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            help="Filen att skriva (standard: var/backup/forbund-ÅÅÅÅMMDD-TTMMSS.dump).",
        )
        parser.add_argument(
            "--utan-filer", action="store_true", help="Bara databasen, inte uppladdade filer."
        )

    def handle(self, *args, **options):

        if options["output"]:
            fil = Path(options["output"])
        else:
            stampel = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            fil = Path(settings.BASE_DIR) / "var" / "backup" / f"forbund-{stampel}.dump"
        try:
            skrivna = backup.backup(fil, media=not options["utan_filer"])
        except backup.BackupFel as exc:
            raise CommandError(str(exc)) from exc
        for f in skrivna:
            self.stdout.write(f"Skrev {f} ({f.stat().st_size:,} byte)".replace(",", " "))
