from django.core.management.base import BaseCommand

from forbund.demo import DEMO_PASSWORD, demo_logins, load_demo
from moten import demo as moten_demo


class Command(BaseCommand):
    help = "Lägger in demoförbundet (Samordningsförbundet Sundsvall). Gör inget om det redan finns."

    def handle(self, *args, **options):
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Demoförbundet är inlagt."))
        else:
            self.stdout.write("Databasen har redan ett förbund; inget lades till.")
        if moten_demo.load():
            self.stdout.write(
                self.style.SUCCESS("Demoprotokollen (2021-11-26, 2022-01-21) är inlagda.")
            )
        self.stdout.write(f"\nDemoinloggningar (lösenord för alla: {DEMO_PASSWORD}):")
        for login in demo_logins():
            self.stdout.write(f"  {login.roll:<20} {login.username:<18} {login.namn}")
        self.stdout.write("")
