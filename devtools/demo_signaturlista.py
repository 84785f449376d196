"""The demo's signaturlista (issue 18): adopted by the styrelse in § 160 of 2021-11-26
("Attest- och utanordningsinstruktion … samt signaturlista", seed 003), naming the kansli and
the presidium, so that the demo's payments can be attested two in förening. Its own module,
called from the insatser demo with one line."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from forbund.models import Person, Roll
from insatser import services
from insatser.models import Signaturlista
from moten.models import Paragraf


def load() -> bool:
    if Signaturlista.objects.exists():
        return False
    paragraf = Paragraf.objects.filter(
        protokoll__mote__datum=dt.date(2021, 11, 26), nummer=160
    ).first()
    if paragraf is None:
        return False
    attestanter = Person.objects.filter(
        user__username__in=["forbundschef", "utvecklingsledare", "ordforande"]
    ) | Person.objects.filter(uppdrag__roll=Roll.VICE_ORDFORANDE)
    kansli = get_user_model().objects.filter(username="forbundschef").first()
    services.signaturlista_anta(
        actor=kansli, paragraf=paragraf, attestanter=list(attestanter.distinct())
    )
    return True
