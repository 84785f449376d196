"""The portal's one way to send e-mail: queued when the transaction that decided it commits,
so a refused or rolled-back change sends nothing. (Issue 19 moves the sending itself into a
job queue; callers stay as they are.)"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.db import transaction


@dataclass(frozen=True)
class Bilaga:
    filnamn: str
    innehall: bytes
    filtyp: str


def skicka(*, amne: str, text: str, till: list[str], bilagor: tuple[Bilaga, ...] = ()) -> None:
    """Send one message to `till` once the current transaction commits (at once outside one)."""
    till = [adress for adress in till if adress]
    if not till:
        return

    def send() -> None:
        msg = EmailMessage(subject=amne, body=text, to=till)
        for b in bilagor:
            msg.attach(b.filnamn, b.innehall, b.filtyp)
        msg.send()

    transaction.on_commit(send)
