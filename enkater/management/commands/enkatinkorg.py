"""Move the web answers waiting in the inbox into Svar (enkater.services.inkorg_toem): a
round's batch once it holds enough answers, or what waits once the round has closed or the
oldest has waited two days. Run by cron, e.g. hourly (README, Production)."""

from django.core.management.base import BaseCommand

from enkater.services import inkorg_toem


class Command(BaseCommand):
    help = "Flyttar webbsvar från inkorgen till svaren, i slumpad ordning (kör från cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"{inkorg_toem()} svar flyttade från inkorgen.")
