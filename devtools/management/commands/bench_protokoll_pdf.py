"""Time the rendering of a protocol to PDF (default: the 25-paragraph demo protocol)."""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from moten import dokument
from moten.models import Protokoll


class Command(BaseCommand):
    help = "Mäter hur lång tid det tar att göra PDF av ett protokoll (median och max)."

    def add_arguments(self, parser):
        parser.add_argument("--datum", default="2021-11-26", help="Sammanträdesdatum")
        parser.add_argument("--ganger", type=int, default=10)
        parser.add_argument("--pdfa", action="store_true", help="PDF/A-2b, som vid arkivering")

    def handle(self, *args, datum, ganger, pdfa, **options):
        protokoll = Protokoll.objects.filter(mote__datum=datum, typ="protokoll").first()
        if protokoll is None:
            raise CommandError(f"Inget protokoll från {datum}. Kör först: manage.py load_demo")
        variant = "pdf/a-2b" if pdfa else None
        dokument.protokoll_pdf(dokument.hamta(protokoll.pk), pdf_variant=variant)  # warm-up
        times = []
        for _ in range(ganger):
            start = time.perf_counter()
            data = dokument.protokoll_pdf(dokument.hamta(protokoll.pk), pdf_variant=variant)
            times.append(time.perf_counter() - start)
        paragrafer = protokoll.paragrafer.count()
        self.stdout.write(
            f"protokoll {datum}: {paragrafer} paragrafer, {len(data) // 1024} kB"
            f"{' PDF/A-2b' if pdfa else ''}; median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms över {ganger} körningar"
        )
