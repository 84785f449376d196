"""Write every justerat protocol of a year as PDF/A-2b, with a manifest, for the archive."""

import hashlib
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from moten import dokument, selectors


class Command(BaseCommand):
    help = "Skriver årets justerade protokoll som PDF/A-2b och manifest.json till en mapp."

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
            p = dokument.hamta(pk)  # once, with everything the PDF and the manifest show
            data = dokument.protokoll_pdf(p, pdf_variant="pdf/a-2b")
            name = dokument.protokoll_filnamn(p)
            (target / name).write_bytes(data)
            forsta, sista = selectors.paragraf_range(p)
            anslag = getattr(p, "anslag", None)
            manifest.append(
                {
                    "fil": name,
                    "organ": p.mote.organ.namn,
                    "sammantradesdatum": p.mote.datum.isoformat(),
                    "paragrafer": f"§ {forsta}–{sista}" if forsta else "",
                    "justeringsdatum": timezone.localdate(p.justerat).isoformat(),
                    "anslagsdatum": anslag.anslagsdatum.isoformat() if anslag else None,
                    "innehall_sha256": p.sha256,
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
        (target / "manifest.json").write_text(
            json.dumps({"ar": ar, "protokoll": manifest}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        self.stdout.write(f"{len(manifest)} protokoll från {ar} arkiverade i {target}.")
