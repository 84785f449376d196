"""Prepare a database with the demo for the load test and write what the simulated users
need (ids, survey links) to a JSON file: `make load` runs it before locust."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from devtools import skala


class Command(BaseCommand):
    help = "Förbereder lasttestet: ett protokollutkast, en statistikperiod och enkätlänkar."

    def add_arguments(self, parser):
        parser.add_argument("--tokens", type=int, default=3000)
        parser.add_argument("-o", "--ut", default="var/load/data.json")

    def handle(self, *args, tokens, ut, **options):
        with transaction.atomic():
            data = skala.forbered_belastning(tokens=tokens)
        fil = Path(ut)
        fil.parent.mkdir(parents=True, exist_ok=True)
        fil.write_text(json.dumps(data))
        self.stdout.write(
            f"Lasttestets data i {fil}: protokoll {data['protokoll']}, period {data['period']}, "
            f"{len(data['tokens'])} enkätlänkar."
        )
