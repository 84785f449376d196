"""Time the import of a generated SIE4 file (default 100 000 transactions, in vouchers of two:
a cost and the bank). The import runs in a transaction that is rolled back, so the database
is left as it was."""

import datetime as dt
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ekonomi import services
from forbund.selectors import forbund_get

DEMO_ORGNR = "222000-1001"  # the demo förbund's (forbund.demo)


def generera(antal: int, ar: int, seed: int = 2021, orgnr: str = DEMO_ORGNR) -> bytes:
    """A type-4 file of `antal` #TRANS rows for the förbund with `orgnr` (the demo's by
    default), with #RES for the year so the file is checked as a real export is."""
    rnd = random.Random(seed)  # noqa: S311 - test data with a fixed seed, not security
    konton = [4010, 4020, 4030, 5460, 6110, 6550, 7010, 7610]
    lines = [
        "#FLAGGA 0",
        '#PROGRAM "Förbundsportalen bench" 1.0',
        "#FORMAT PC8",
        "#SIETYP 4",
        f"#ORGNR {orgnr}",
        f"#RAR 0 {ar}0101 {ar}1231",
    ]
    resultat: dict[int, int] = {}
    verifikationer = []
    for i in range(1, antal // 2 + 1):
        d = dt.date(ar, 1, 1) + dt.timedelta(days=rnd.randrange(365))
        ore = rnd.randrange(100, 500_000)
        konto = rnd.choice(konton)
        resultat[konto] = resultat.get(konto, 0) + ore
        verifikationer += [
            f'#VER A {i} {d:%Y%m%d} "Faktura {i}"',
            "{",
            f"#TRANS {konto} {{}} {ore / 100:.2f}",
            f"#TRANS 1930 {{}} {-ore / 100:.2f}",
            "}",
        ]
    lines += [f"#RES 0 {k} {v / 100:.2f}" for k, v in sorted(resultat.items())]
    lines += verifikationer
    return ("\r\n".join(lines) + "\r\n").encode("cp437")


class Command(BaseCommand):
    help = "Mäter importen av en SIE4-fil med många transaktioner (rullas tillbaka efteråt)."

    def add_arguments(self, parser):
        parser.add_argument("--antal", type=int, default=100_000)

    def handle(self, *args, antal, **options):
        ar = 2099
        forbund = forbund_get()
        data = generera(antal, ar, orgnr=forbund.organisationsnummer if forbund else DEMO_ORGNR)
        with transaction.atomic():
            start = time.perf_counter()
            try:
                resultat = services.utfall_import(actor=None, data=data, filnamn="bench.se", ar=ar)
            except services.Fel as exc:
                raise CommandError("\n".join(exc.fel)) from exc
            sekunder = time.perf_counter() - start
            transaction.set_rollback(True)
        self.stdout.write(
            f"SIE4-import: {resultat.lasta} transaktioner ({len(data) // 1024} kB, "
            f"{resultat.antal} rader på resultatkonton lagrade) på {sekunder:.2f} s "
            f"({resultat.lasta / sekunder:,.0f} transaktioner per sekund). Återställd efteråt."
        )
