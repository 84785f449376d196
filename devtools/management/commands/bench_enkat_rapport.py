"""Time the full survey report over every answer in the database (issue 19): every form's
suppressed tables as the result pages get them (stored where the answers arrived), computed
afresh from the stored sums (what a batch of new answers costs), and from every answered
value (the reference). `make bench` measures the same on the demo and the scale database.

With --genererat: the older measure, in pandas only, over answers generated in memory (fixed
seed; the database is not touched)."""

import time

import numpy as np
import pandas as pd
from django.core.management.base import BaseCommand

from devtools import matning
from enkater import analysis


class Command(BaseCommand):
    help = (
        "Mäter en hel enkätrapport (fördelning, medel, undertryckning i alla vyer) över många svar."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--genererat", action="store_true", help="genererade svar i minnet, inte databasen"
        )
        parser.add_argument("--svar", type=int, default=100_000)
        parser.add_argument("--fragor", type=int, default=7)
        parser.add_argument("--insatser", type=int, default=40)
        parser.add_argument("--ar", type=int, default=2, help="Antal år (omgångar per insats)")
        parser.add_argument(
            "--hoppa", type=float, default=0.06, help="Andel överhoppade frågor (som i demon)"
        )

    def handle(self, *args, genererat, svar, fragor, insatser, ar, hoppa, **options):
        if not genererat:
            r = matning.mat_enkatrapport()
            if r["s"] is None:
                self.stdout.write(f"Enkätrapport: avbruten efter {r['avbruten_efter_s']} s.")
                return
            status = "uppfyllt" if r["s"] < matning.MAL_ENKAT_S else "MISSAT"
            self.stdout.write(
                f"Enkätrapport över {r['svar']} svar ({r['formular']} formulär, "
                f"{r['tabellrader']} tabellrader): {r['s']:.3f} s med de lagrade tabellerna "
                f"(mål < {matning.MAL_ENKAT_S:g} s: {status}); {r['nyberakning_s']:.2f} s att "
                f"beräkna dem på nytt ur stegsummorna; {r['fran_raderna_s']:.2f} s ur alla "
                f"{r['svarsvarden']} svarsvärden (varav {r['inlasning_raderna_s']:.2f} s "
                "inläsning)."
            )
            return
        rng = np.random.default_rng(2021)
        n = svar * fragor
        omgang = rng.integers(0, insatser * ar, size=svar)
        df = pd.DataFrame(
            {
                "svar": np.repeat(np.arange(svar), fragor),
                "fraga": np.tile([str(i + 1) for i in range(fragor)], svar),
                "varde": rng.integers(1, 7, size=n),
                "kon": np.repeat(
                    rng.choice(
                        ["Kvinna", "Man", "Vill inte svara"], p=[0.55, 0.42, 0.03], size=svar
                    ),
                    fragor,
                ),
                "omgang": np.repeat(omgang, fragor),
                "insats": np.repeat([f"Insats {o % insatser}" for o in omgang], fragor),
                "ar": np.repeat(2021 + omgang // insatser, fragor),
                "version": 1,
            }
        )
        df = df[rng.random(n) >= hoppa]  # skipped questions: each question its own counts
        start = time.perf_counter()
        tabeller = analysis.nns_rapport(df)
        sekunder = time.perf_counter() - start
        celler = sum(len(t) for t in tabeller.values())
        dolda = sum(int(t["dold"].sum()) for t in tabeller.values())
        self.stdout.write(
            f"Enkätrapport: {svar} svar × {fragor} frågor ({len(df)} svarsvärden), {insatser} insatser × "
            f"{ar} år, {len(tabeller)} vyer ({celler} rader, {dolda} dolda) med undertryckning "
            f"över alla vyer: {sekunder:.2f} s."
        )
