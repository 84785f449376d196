"""Writes to the organisation. Each function runs in a transaction and records who did it
in the change history (django-simple-history)."""

from __future__ import annotations

import datetime as dt
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from . import historik
from .models import Forbund, Kalenderlank, Organ, Part, Person, Uppdrag

User = get_user_model()


@transaction.atomic
def forbund_update(*, forbund: Forbund, actor, **fields) -> Forbund:
    for name, value in fields.items():
        setattr(forbund, name, value)
    historik.save(forbund, actor=actor, validate=True)
    return forbund


@transaction.atomic
def person_create(
    *,
    actor,
    fornamn: str,
    efternamn: str,
    titel: str = "",
    organisation: str = "",
    epost: str = "",
    telefon: str = "",
) -> Person:
    person = Person(
        fornamn=fornamn,
        efternamn=efternamn,
        titel=titel,
        organisation=organisation,
        epost=epost,
        telefon=telefon,
    )
    historik.save(person, actor=actor, validate=True)
    return person


@transaction.atomic
def person_update(*, person: Person, actor, **fields) -> Person:
    for name, value in fields.items():
        setattr(person, name, value)
    historik.save(person, actor=actor, validate=True)
    return person


@transaction.atomic
def uppdrag_create(
    *,
    actor,
    person: Person,
    roll: str,
    startdatum: dt.date,
    slutdatum: dt.date | None = None,
    organ: Organ | None = None,
    part: Part | None = None,
) -> Uppdrag:
    uppdrag = Uppdrag(
        person=person,
        roll=roll,
        organ=organ,
        part=part,
        startdatum=startdatum,
        slutdatum=slutdatum,
    )
    historik.save(uppdrag, actor=actor, validate=True)
    return uppdrag


@transaction.atomic
def uppdrag_update(*, uppdrag: Uppdrag, actor, **fields) -> Uppdrag:
    for name, value in fields.items():
        setattr(uppdrag, name, value)
    historik.save(uppdrag, actor=actor, validate=True)
    return uppdrag


@transaction.atomic
def konto_create(*, person: Person, actor, username: str, base_url: str) -> User:
    """Give a person a login. The person sets the password through an e-mailed link, so
    nobody else ever knows it."""
    if not person.epost:
        raise ValidationError(
            {"epost": "Personen behöver en e-postadress för att få en inloggning."}
        )
    if person.user_id:
        raise ValidationError("Personen har redan en inloggning.")
    user = User(
        username=username, email=person.epost, first_name=person.fornamn, last_name=person.efternamn
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    person.user = user
    historik.save(person, actor=actor, validate=True, reason="Inloggning skapad")
    transaction.on_commit(lambda: _send_set_password_mail(user, base_url=base_url))
    return user


def _send_set_password_mail(user, *, base_url: str) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    body = render_to_string(
        "registration/konto_nytt_email.txt", {"user": user, "link": base_url.rstrip("/") + path}
    )
    send_mail("Ditt konto i Förbundsportalen", body, None, [user.email])


@transaction.atomic
def kalenderlank_create(*, actor, person: Person) -> Kalenderlank:
    """A new secret calendar address for the person; an earlier one stops working."""
    Kalenderlank.objects.filter(person=person).delete()
    return Kalenderlank.objects.create(person=person, token=secrets.token_urlsafe(32))


@transaction.atomic
def kalenderlank_delete(*, actor, person: Person) -> None:
    """Revoke the person's calendar address: it answers 404 from now on."""
    Kalenderlank.objects.filter(person=person).delete()
