"""Reads of the verksamhetsrapporter that other pages share."""

from __future__ import annotations

from django.utils import timezone

from .models import Verksamhetsrapport


def att_godkanna(idag=None) -> list[Verksamhetsrapport]:
    """Drafts of reports whose period has ended: what the board has yet to approve."""
    idag = idag or timezone.localdate()
    return list(
        Verksamhetsrapport.objects.filter(
            status=Verksamhetsrapport.Status.UTKAST, till__lt=idag
        ).order_by("till", "typ")
    )
