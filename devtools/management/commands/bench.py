"""Benchmarks of the key pages and the heavy jobs, written to var/bench-<etikett>.json; when
both a demo and a scale run exist, the comparison goes to var/bench.json. `make bench` runs
it on the demo database and on the generated one (see docs/performance.md)."""

import json
import os
import platform
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from devtools import matning

VAR = Path(settings.BASE_DIR) / "var"


class Command(BaseCommand):
    help = "Mäter nyckelsidornas servertid och antal SQL-frågor, samt PDF, SIE-import och enkätrapport."

    def add_arguments(self, parser):
        parser.add_argument("--etikett", default="demo", help="demo eller skala (filnamnet)")
        parser.add_argument("--varv", type=int, default=20, help="mätta anrop per sida")
        parser.add_argument("--utan-jobb", action="store_true", help="bara sidorna")
        parser.add_argument("--ut", default=str(VAR), help="katalog för JSON-filerna")
        parser.add_argument(
            "--sidor", nargs="+", default=None, help="bara dessa sidor (namnen i tabellen)"
        )
        parser.add_argument(
            "--runda",
            type=int,
            default=1,
            help="runda 2, 3 … lägger sidornas mätning till den förra (samma etikett) och "
            "behåller per sida den lugnaste rundans median; `make bench` växlar demo och skala",
        )

    def handle(self, *args, etikett, varv, utan_jobb, ut, runda, sidor, **options):
        ut = Path(ut)
        namn = connection.settings_dict["NAME"]
        # Planner statistics as autovacuum would have them after a while in production: both
        # sizes analysed the same way before they are measured (generate_scale's COPY and the
        # demo's small tables have none yet, and a plan without them can scan a whole table).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        storlek = matning.databasstorlek()
        self.stdout.write(
            f"Mätning '{etikett}' i databasen {namn} (DEBUG={settings.DEBUG}): "
            + ", ".join(f"{k} {v}" for k, v in storlek.items())
        )
        self.stdout.write(f"Sidor ({varv} anrop var efter uppvärmning, testklient i processen):")
        sidor = matning.mat_sidor(varv=varv, logg=self.stdout.write, bara=sidor)
        jobb = {}
        if not utan_jobb:
            jobb["protokoll_pdf"] = matning.mat_protokoll_pdf()
            self.stdout.write(f"  Protokoll-PDF: {jobb['protokoll_pdf']}")
            jobb["sie_import"] = matning.mat_sie_import()
            self.stdout.write(f"  SIE4-import: {jobb['sie_import']}")
            jobb["enkatrapport"] = matning.mat_enkatrapport()
            self.stdout.write(f"  Enkätrapport: {jobb['enkatrapport']}")
        tidigare = ut / f"bench-{etikett}.json"
        sidor_dict = matning.som_dict(sidor)
        for m in sidor_dict.values():
            m["rundor"] = [{"median_ms": m["median_ms"], "p95_ms": m["p95_ms"]}]
            m["belastning"] = [round(os.getloadavg()[0], 2)]
        if runda > 1 and tidigare.exists():
            forra = json.loads(tidigare.read_text())
            sidor_dict = matning.sla_ihop(forra["sidor"], sidor_dict)
            if not jobb:
                jobb = forra.get("jobb") or {}
        data = {
            "etikett": etikett,
            "runda": runda,
            "belastning": os.getloadavg(),
            "databas": namn,
            "tid": timezone.now().isoformat(timespec="seconds"),
            "maskin": f"{platform.machine()}, {os.cpu_count()} kärnor, Python {platform.python_version()}",
            "installningar": settings.SETTINGS_MODULE,
            "debug": settings.DEBUG,
            "storlek": storlek,
            "sidor": sidor_dict,
            "jobb": jobb,
        }
        ut.mkdir(parents=True, exist_ok=True)
        (ut / f"bench-{etikett}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2))
        self._sammanstall(ut)

    def _sammanstall(self, ut: Path):
        demo_fil, skala_fil = ut / "bench-demo.json", ut / "bench-skala.json"
        if not (demo_fil.exists() and skala_fil.exists()):
            return
        demo = json.loads(demo_fil.read_text())
        skala = json.loads(skala_fil.read_text())
        jamforelse = matning.jamfor(demo, skala)
        jobb = skala.get("jobb") or {}
        mal = {
            "median_ms": matning.MAL_MEDIAN_MS,
            "kvot": matning.MAL_KVOT,
            "protokoll_pdf_s": matning.MAL_PDF_S,
            "sie_import_s": matning.MAL_SIE_S,
            "enkatrapport_s": matning.MAL_ENKAT_S,
        }
        (ut / "bench.json").write_text(
            json.dumps(
                {"mal": mal, "demo": demo, "skala": skala, "jamforelse": jamforelse},
                ensure_ascii=False,
                indent=2,
            )
        )
        self.stdout.write(
            "\nDemo mot skala (median i ms; mål: samma antal frågor, < 150 ms, ≤ 1,5×):"
        )
        self.stdout.write(
            f"  {'sida':<22} {'frågor':>9} {'demo':>8} {'skala':>8} {'p95':>8} {'kvot':>6}  mål"
        )
        for namn, j in jamforelse.items():
            brister = [
                text
                for villkor, text in (
                    (j["status_skala"] != 0, f"avbruten efter {matning.AVBRYT_S} s"),
                    (j["status_skala"] in (0, 200), f"status {j['status_skala']}"),
                    (j["samma_fragor"] or j["status_skala"] == 0, "frågorna växer"),
                    (j["under_150_ms"], "≥ 150 ms"),
                    (j["inom_1_5x"], "> 1,5×"),
                )
                if not villkor
            ]
            ok = not brister
            self.stdout.write(
                f"  {namn:<22} {j['fragor_demo']!s:>4}/{j['fragor_skala']!s:<4} "
                f"{j['median_demo_ms']:>8.1f} {j['median_skala_ms']:>8.1f} {j['p95_skala_ms']:>8.1f} "
                f"{j['kvot']:>6}  {'uppfyllt' if ok else 'MISSAT: ' + ', '.join(brister)}"
            )
            if not ok:
                for text in j.get("orsak") or []:
                    self.stdout.write(f"  {'':<22}   varför: {text}")
        if jobb:
            pdf, sie, enk = jobb["protokoll_pdf"], jobb["sie_import"], jobb["enkatrapport"]
            for text, varde, grans in (
                (f"Protokoll-PDF ({pdf['paragrafer']} §)", pdf["median_s"], matning.MAL_PDF_S),
                (
                    f"SIE4-import ({sie['transaktioner']} transaktioner)",
                    sie["s"],
                    matning.MAL_SIE_S,
                ),
                (f"Enkätrapport ({enk['svar']} svar)", enk["s"], matning.MAL_ENKAT_S),
            ):
                if varde is None:
                    self.stdout.write(
                        f"  {text:<44} avbruten efter {matning.AVBRYT_S} s  (mål < {grans:g} s) MISSAT"
                    )
                    continue
                status = "uppfyllt" if varde < grans else "MISSAT"
                self.stdout.write(f"  {text:<44} {varde:6.2f} s  (mål < {grans:g} s) {status}")
            if enk.get("s") is not None:
                self.stdout.write(
                    f"  {'':<44} (lagrade tabeller; beräknade på nytt ur stegsummorna "
                    f"{enk['nyberakning_s']:.2f} s, ur alla svarsvärden {enk['fran_raderna_s']:.2f} s)"
                )
        self.stdout.write(f"\nSkrivet: {ut / 'bench.json'}")
