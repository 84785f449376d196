from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forbund import backup


class Command(BaseCommand):
    help = (
        "Återställer en säkerhetskopia från `manage.py backup` till en tom databas "
        "(allt eller inget). Uppladdade filer återställs om arkivet ligger bredvid."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil", help="Säkerhetskopian (.dump).")

    def handle(self, *args, **options):
        try:
            for rad in backup.restore(Path(options["fil"])):
                self.stdout.write(self.style.SUCCESS(rad))
        except backup.BackupFel as exc:
            raise CommandError(str(exc)) from exc
