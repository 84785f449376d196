"""moten's jobs in the queue (issue 19, docs/jobb.md): the PDF/A archive of a year's
justerade protocols. It packages what is stored (moten.dokument.arkivfiler); it renders
nothing anew."""

from __future__ import annotations

from django.db import close_old_connections

from forbund import jobb
from forbund import services as forbund_services

from . import dokument


def arkivpaket_gor(*, framstallning_id: str, ar: int) -> None:
    forbund_services.framstallning_gor(
        framstallning_id=framstallning_id,
        bygg=lambda: (f"protokoll-{ar}.zip", "application/zip", dokument.arkivpaket(ar)),
    )


@jobb.app.task(name="moten.arkivpaket", queue="filer", retry=jobb.forsok())
def arkivpaket_jobb(framstallning_id: str, ar: int) -> None:
    close_old_connections()
    try:
        arkivpaket_gor(framstallning_id=framstallning_id, ar=ar)
    finally:
        close_old_connections()
