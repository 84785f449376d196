"""rapporter's jobs in the queue (issue 19, docs/jobb.md): the full verksamhetsrapport as a
PDF, built by the worker and stored for the one who asked for it."""

from __future__ import annotations

from django.db import close_old_connections
from django.utils.text import slugify

from forbund import jobb
from forbund import services as forbund_services
from forbund.http import render_pdf

from . import verksamhetsrapport as vr
from .models import Verksamhetsrapport


def filnamn(rapport: Verksamhetsrapport) -> str:
    return f"{slugify(rapport.titel)}-utgava-{rapport.utgava}"


def rapport_pdf(rapport_id: int) -> tuple[str, str, bytes]:
    rapport = Verksamhetsrapport.objects.select_related(
        "paragraf__protokoll__mote", "foregaende"
    ).get(pk=rapport_id)
    data = render_pdf("rapporter/pdf/verksamhetsrapport.html", vr.kontext(rapport))
    return f"{filnamn(rapport)}.pdf", "application/pdf", data


def verksamhetsrapport_gor(*, framstallning_id: str, rapport_id: int) -> None:
    forbund_services.framstallning_gor(
        framstallning_id=framstallning_id, bygg=lambda: rapport_pdf(rapport_id)
    )


@jobb.app.task(name="rapporter.verksamhetsrapport", queue="filer", retry=jobb.forsok())
def verksamhetsrapport_jobb(framstallning_id: str, rapport_id: int) -> None:
    close_old_connections()
    try:
        verksamhetsrapport_gor(framstallning_id=framstallning_id, rapport_id=rapport_id)
    finally:
        close_old_connections()
