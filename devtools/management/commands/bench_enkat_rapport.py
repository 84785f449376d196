"""Time a full survey report over many responses (default 100 000), in pandas: the
distribution per question for every view the report offers (total, kön, insats, år,
version, round, each also by kön and within a year) with the suppression across all views.
The answers are generated in memory (fixed seed); the database is not touched."""

import time

import numpy as np
import pandas as pd
from django.core.management.base import BaseCommand

from enkater import analysis


class Command(BaseCommand):
    help = (
        "Mäter en hel enkätrapport (fördelning, medel, undertryckning i alla vyer) över många svar."
    )

    def add_arguments(self, parser):
        parser.add_argument("--svar", type=int, default=100_000)
        parser.add_argument("--fragor", type=int, default=7)
        parser.add_argument("--insatser", type=int, default=40)
        parser.add_argument("--ar", type=int, default=2, help="Antal år (omgångar per insats)")
        parser.add_argument(
            "--hoppa", type=float, default=0.06, help="Andel överhoppade frågor (som i demon)"
        )

    def handle(self, *args, svar, fragor, insatser, ar, hoppa, **options):
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
