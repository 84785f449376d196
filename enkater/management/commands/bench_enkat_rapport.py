"""Time a full survey report over many responses (default 100 000), in pandas: the
distribution per question for all, by kön and by insats, with suppression. The answers are
generated in memory (fixed seed); the database is not touched."""

import time

import numpy as np
import pandas as pd
from django.core.management.base import BaseCommand

from enkater import analysis


class Command(BaseCommand):
    help = "Mäter en hel enkätrapport (fördelning, medel, undertryckning) över många svar."

    def add_arguments(self, parser):
        parser.add_argument("--svar", type=int, default=100_000)
        parser.add_argument("--fragor", type=int, default=7)

    def handle(self, *args, svar, fragor, **options):
        rng = np.random.default_rng(2021)
        n = svar * fragor
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
                "insats": np.repeat(
                    rng.choice([f"Insats {i}" for i in range(60)], size=svar), fragor
                ),
            }
        )
        start = time.perf_counter()
        totalt = analysis.fordelning(df)
        for grupp in ("kon", "insats"):
            analysis.undertryck(analysis.fordelning(df, grupp), grupp=grupp, totalt=totalt)
        analysis.undertryck_totalt(totalt)
        sekunder = time.perf_counter() - start
        self.stdout.write(
            f"Enkätrapport: {svar} svar × {fragor} frågor ({n} svarsvärden), totalt + per kön + per insats "
            f"med undertryckning: {sekunder:.2f} s."
        )
