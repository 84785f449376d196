"""Write every justerat protocol of a year to a folder for the archive, with a manifest: the
stored documents themselves (PDF/A-2b, the bytes the public PDF and the API serve), not a new
rendering, so the archive holds what was justerat. The protocol's bilagor are written beside
it, byte for byte as uploaded, each with its SHA-256 in manifest.json: the checksum the
protocol's stored content recorded at justering, so a bilaga that differs is refused
(docs/architecture.md, "Bilagor i arkivet", says why beside and not embedded)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forbund.fel import Fel
from moten import dokument


class Command(BaseCommand):
    help = (
        "Skriver årets justerade protokoll (de lagrade PDF/A-2b-filerna), deras bilagor och "
        "manifest.json med SHA-256 till en mapp."
    )

    def add_arguments(self, parser):
        parser.add_argument("--ar", type=int, required=True, help="Verksamhetsår, t.ex. 2021")
        parser.add_argument("--till", required=True, help="Mapp att skriva till")

    def handle(self, *args, ar, till, **options):
        target = Path(till)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"Kan inte skapa mappen {target}: {exc}") from exc
        try:
            filer = dokument.arkivfiler(ar)
        except Fel as exc:
            raise CommandError(" ".join(exc.fel)) from exc
        for namn, data in filer:
            (target / namn).write_bytes(data)
        antal = len(json.loads(filer[-1][1])["protokoll"])  # manifest.json comes last
        self.stdout.write(f"{antal} protokoll från {ar} arkiverade i {target}.")
