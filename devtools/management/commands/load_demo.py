from django.core.management.base import BaseCommand

from devtools import demo_aren as aren_demo
from devtools import demo_behovsanalys as behovsanalys_demo
from devtools import demo_ekonomi as ekonomi_demo
from devtools import demo_enkater as enkater_demo
from devtools import demo_insatser as insatser_demo
from devtools import demo_moten as moten_demo
from devtools.demo import DEMO_PASSWORD, demo_logins, load_demo

# Each app's demo, in dependency order: insatser's grants point at moten's paragraphs, and
# ekonomi's budget posts at the insatser; the years since 2022 build on all three. Each
# loader does nothing if its data is there.
STEG = [
    (moten_demo.load, "Demoprotokollen (2021-11-26, 2022-01-21) är inlagda."),
    (insatser_demo.load, "Demoinsatserna med besluten i § 161–167 är inlagda."),
    (ekonomi_demo.load, "Budget och prognos 2021 är inlagda."),
    (
        aren_demo.load,
        "Åren sedan 2022 fram till i dag är inlagda: möten, beslut, utbetalningar, bokföring.",
    ),
    (enkater_demo.load, "Enkätomgångar varje höst sedan 2021 med genererade svar är inlagda."),
    (behovsanalys_demo.load, "Behovsanalysens exempeldata (genererade siffror) är inlagda."),
]


class Command(BaseCommand):
    help = "Lägger in demoförbundet (Samordningsförbundet Sundsvall). Gör inget om det redan finns."

    def handle(self, *args, **options):
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Demoförbundet är inlagt."))
        else:
            self.stdout.write("Databasen har redan ett förbund; inget lades till.")
        for load, meddelande in STEG:
            if load():
                self.stdout.write(self.style.SUCCESS(meddelande))
        self.stdout.write(f"\nDemoinloggningar (lösenord för alla: {DEMO_PASSWORD}):")
        for login in demo_logins():
            self.stdout.write(f"  {login.roll:<20} {login.username:<18} {login.namn}")
        self.stdout.write("")
