"""Write every justerat protocol of a year to a folder for the archive, with a manifest: the
stored documents themselves (PDF/A-2b, the bytes the public PDF and the API serve), not a new
rendering, so the archive holds what was justerat."""

import hashlib
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from moten import dokument, selectors


class Command(BaseCommand):
    help = "Skriver årets justerade protokoll (de lagrade PDF/A-2b-filerna) och manifest.json till en mapp."

    def add_arguments(self, parser):
        parser.add_argument("--ar", type=int, required=True, help="Verksamhetsår, t.ex. 2021")
        parser.add_argument("--till", required=True, help="Mapp att skriva till")

    def handle(self, *args, ar, till, **options):
        target = Path(till)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"Kan inte skapa mappen {target}: {exc}") from exc
        manifest = []
        for pk in selectors.justerade_protokoll(ar).values_list("pk", flat=True):
            p = dokument.hamta(pk)  # once, with everything the manifest shows
            lagrat = dokument.lagrat_dokument(p)
            data = bytes(lagrat.pdf)
            if hashlib.sha256(data).hexdigest() != lagrat.sha256:
                raise CommandError(f"Det lagrade protokollet {pk} stämmer inte med sin SHA-256.")
            name = dokument.protokoll_filnamn(p)
            (target / name).write_bytes(data)
            d = dokument.dokumentdata(p)
            anslag = getattr(p, "anslag", None)
            manifest.append(
                {
                    "fil": name,
                    "organ": d["organ"]["namn"],
                    "sammantradesdatum": d["mote"]["datum"],
                    "paragrafer": d["omfattar"],
                    "justeringsdatum": timezone.localdate(p.justerat).isoformat(),
                    "anslagsdatum": anslag.anslagsdatum.isoformat() if anslag else None,
                    "innehall_sha256": p.sha256,
                    "sha256": lagrat.sha256,
                }
            )
        (target / "manifest.json").write_text(
            json.dumps({"ar": ar, "protokoll": manifest}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        self.stdout.write(f"{len(manifest)} protokoll från {ar} arkiverade i {target}.")
