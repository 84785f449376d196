"""Time the import of a generated SIE4 file (default 100 000 transactions). The import runs
in a transaction that is rolled back, so the database is left as it was."""

import datetime as dt
import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from ekonomi import services


def generera(antal: int, ar: int, seed: int = 2021) -> bytes:
    rnd = random.Random(seed)  # noqa: S311 - test data with a fixed seed, not security
    konton = [4010, 4020, 4030, 5460, 6110, 6550, 7010, 7610]
    lines = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", f"#RAR 0 {ar}0101 {ar}1231"]
    # Two #TRANS rows per #VER (cost and bank): antal transactions in antal // 2 verifikationer.
    for i in range(1, antal // 2 + 1):
        d = dt.date(ar, 1, 1) + dt.timedelta(days=rnd.randrange(365))
        belopp = rnd.randrange(100, 500_000) / 100
        lines += [
            f'#VER A {i} {d:%Y%m%d} "Faktura {i}"',
            "{",
            f"#TRANS {rnd.choice(konton)} {{}} {belopp:.2f}",
            f"#TRANS 1930 {{}} {-belopp:.2f}",
            "}",
        ]
    return ("\r\n".join(lines) + "\r\n").encode("cp437")


class Command(BaseCommand):
    help = "Mäter importen av en SIE4-fil med många transaktioner (rullas tillbaka efteråt)."

    def add_arguments(self, parser):
        parser.add_argument("--antal", type=int, default=100_000)

    def handle(self, *args, antal, **options):
        ar = 2099
        data = generera(antal, ar)
        with transaction.atomic():
            start = time.perf_counter()
            resultat = services.utfall_import(actor=None, data=data, filnamn="bench.se", ar=ar)
            sekunder = time.perf_counter() - start
            transaction.set_rollback(True)
        self.stdout.write(
            f"SIE4-import: {resultat.antal} transaktioner ({len(data) // 1024} kB) på {sekunder:.2f} s "
            f"({resultat.antal / sekunder:,.0f} per sekund). Återställd efteråt."
        )
