"""Write every justerat protocol of a year to a folder for the archive, with a manifest: the
stored documents themselves (PDF/A-2b, the bytes the public PDF and the API serve), not a new
rendering, so the archive holds what was justerat. The protocol's bilagor are written beside
it, byte for byte as uploaded, each with its SHA-256 in manifest.json: the checksum the
protocol's stored content recorded at justering, so a bilaga that differs is refused
(docs/architecture.md, "Bilagor i arkivet", says why beside and not embedded)."""

import hashlib
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from moten import dokument, selectors


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
            bilagor = []
            for b, data_b in dokument.arkivbilagor(p, d):
                if hashlib.sha256(data_b).hexdigest() != b["sha256"]:
                    raise CommandError(
                        f"Bilaga {b['nummer']} till protokollet {pk} stämmer inte med sin SHA-256."
                    )
                fil = (
                    f"{Path(name).stem}-bilaga-{b['nummer']:02d}{Path(b['filnamn']).suffix.lower()}"
                )
                (target / fil).write_bytes(data_b)
                bilagor.append(
                    {
                        "nummer": b["nummer"],
                        "titel": b["titel"],
                        "fil": fil,
                        "ursprungligt_filnamn": b["filnamn"],
                        "storlek": len(data_b),
                        "offentlig": b["publik"],
                        "sha256": b["sha256"],
                    }
                )
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
                    "bilagor": bilagor,
                }
            )
        (target / "manifest.json").write_text(
            json.dumps({"ar": ar, "protokoll": manifest}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        self.stdout.write(f"{len(manifest)} protokoll från {ar} arkiverade i {target}.")
