"""The portal's one way to send e-mail, and the job queue behind it (issue 19, docs/jobb.md).

Every message, whoever builds it (:func:`skicka` here, Django's password-reset form,
`send_mail`), reaches :class:`KoBackend`, Django's EMAIL_BACKEND. It stores the message as
an :class:`~forbund.models.Utskick` row and defers the job that sends it, both in the
caller's transaction: a refused or rolled-back change sends nothing, a committed one is sent
by the worker with retries. The job sends with FORBUND_EPOST_BACKEND (SMTP in production)
and marks the row sent in the same transaction, under a row lock, so a job that runs again
(a retry, a worker killed mid-job) finds it sent and sends nothing.

The one gap left is SMTP's own: a worker killed after the mail server accepted a message but
before its transaction committed sends it once more when the job is run again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from . import jobb
from .models import Utskick, UtskickBilaga


@dataclass(frozen=True)
class Bilaga:
    filnamn: str
    innehall: bytes
    filtyp: str


def skicka(*, amne: str, text: str, till: list[str], bilagor: tuple[Bilaga, ...] = ()) -> None:
    """Queue one message to `till`, in the current transaction (see the top)."""
    till = [adress for adress in till if adress]
    if not till:
        return
    msg = EmailMessage(subject=amne, body=text, to=till)
    for b in bilagor:
        msg.attach(b.filnamn, b.innehall, b.filtyp)
    msg.send()


class KoBackend(BaseEmailBackend):
    """Django's EMAIL_BACKEND: stores each message and queues its job (see the top)."""

    def send_messages(self, email_messages) -> int:
        antal = 0
        for msg in email_messages:
            if msg.recipients():
                utskick_koa(msg)
                antal += 1
        return antal


def _bilaga(ordning: int, bilaga) -> UtskickBilaga:
    if isinstance(bilaga, MIMEBase):
        filnamn = bilaga.get_filename() or ""
        innehall = bilaga.get_payload(decode=True) or b""
        filtyp = bilaga.get_content_type()
    else:
        filnamn, innehall, filtyp = bilaga
    if isinstance(innehall, str):
        innehall = innehall.encode()
    return UtskickBilaga(
        ordning=ordning,
        filnamn=filnamn or "",
        innehall=innehall,
        filtyp=filtyp or "application/octet-stream",
    )


@transaction.atomic
def utskick_koa(msg: EmailMessage) -> Utskick:
    """Store `msg` and defer the job that sends it, in one transaction."""
    utskick = Utskick.objects.create(
        avsandare=msg.from_email or settings.DEFAULT_FROM_EMAIL,
        till=list(msg.to),
        kopia=list(msg.cc),
        dold_kopia=list(msg.bcc),
        svar_till=list(msg.reply_to),
        amne=str(msg.subject),
        text=str(msg.body),
        rubriker={str(k): str(v) for k, v in msg.extra_headers.items()},
        alternativ=[[str(c), str(m)] for c, m in getattr(msg, "alternatives", [])],
    )
    bilagor = [_bilaga(i, b) for i, b in enumerate(msg.attachments)]
    for b in bilagor:
        b.utskick = utskick
    UtskickBilaga.objects.bulk_create(bilagor)
    jobb.koa(skicka_jobb, utskick_id=str(utskick.pk))
    if settings.FORBUND_EPOST_DIREKT:
        transaction.on_commit(lambda: utskick_skicka(utskick_id=utskick.pk))
    return utskick


def _meddelande(utskick: Utskick) -> EmailMultiAlternatives:
    msg = EmailMultiAlternatives(
        subject=utskick.amne,
        body=utskick.text,
        from_email=utskick.avsandare,
        to=utskick.till,
        cc=utskick.kopia,
        bcc=utskick.dold_kopia,
        reply_to=utskick.svar_till,
        headers=utskick.rubriker,
        alternatives=[tuple(a) for a in utskick.alternativ],
    )
    for b in utskick.bilagor.all():
        msg.attach(b.filnamn, bytes(b.innehall), b.filtyp)
    return msg


def utskick_skicka(*, utskick_id: uuid.UUID) -> bool:
    """Send one stored message with the real backend, unless it is sent already; True if it
    was sent now. A failure is noted on the row and raised (the job is retried)."""
    try:
        with transaction.atomic():
            utskick = Utskick.objects.select_for_update().filter(pk=utskick_id).first()
            if utskick is None or utskick.skickat is not None:
                return False
            backend = get_connection(settings.FORBUND_EPOST_BACKEND, fail_silently=False)
            backend.send_messages([_meddelande(utskick)])
            # Sent: what it said is not kept (a password-reset link, a kallelse's PDF); the
            # row stays as the record that it went, to whom and when.
            utskick.skickat = timezone.now()
            utskick.forsok += 1
            utskick.senaste_fel = ""
            utskick.text, utskick.alternativ = "", []
            utskick.save(update_fields=["skickat", "forsok", "senaste_fel", "text", "alternativ"])
            utskick.bilagor.all().delete()
            return True
    except Exception as exc:
        Utskick.objects.filter(pk=utskick_id, skickat__isnull=True).update(
            forsok=F("forsok") + 1, senaste_fel=f"{type(exc).__name__}: {exc}"[:2000]
        )
        raise


@jobb.app.task(name="epost.skicka", queue="epost", retry=jobb.forsok())
def skicka_jobb(utskick_id: str) -> None:
    """The job: send one stored message (see utskick_skicka)."""
    close_old_connections()
    try:
        utskick_skicka(utskick_id=uuid.UUID(utskick_id))
    finally:
        close_old_connections()
