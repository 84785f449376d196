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
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from . import epost, historik, jobb
from .fel import Fel
from .models import (
    Bekraftelse,
    Forbund,
    Kalenderlank,
    Organ,
    Paminnelse,
    PaminnelseForslag,
    Part,
    Person,
    Uppdrag,
)
from .permissions import KANSLI_ROLLER, STYRELSE_ROLLER

# Roles that give justering (the styrelse) or attest rights (the kansli, the presidium): a new
# uppdrag with one of them waits for a second person's confirmation (Bekraftelse).
BEHORIGA_ROLLER = KANSLI_ROLLER | STYRELSE_ROLLER

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
    """A new e-mail address of someone with a login waits for a second person: the login's
    password links go there (Bekraftelse)."""
    ny_epost = fields.get("epost")
    if actor is not None and person.user_id and ny_epost is not None and ny_epost != person.epost:
        fields.pop("epost")
        _begar(actor=actor, typ=Bekraftelse.Typ.EPOST, person=person, epost=ny_epost)
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
    """An uppdrag with justering or attest rights, made by a user, is in force only when a
    second person confirms it; others (and those the system loads) at once."""
    vantar = actor is not None and roll in BEHORIGA_ROLLER
    uppdrag = Uppdrag(
        person=person,
        roll=roll,
        organ=organ,
        part=part,
        startdatum=startdatum,
        slutdatum=slutdatum,
        bekraftad=None if vantar else timezone.now(),
    )
    historik.save(uppdrag, actor=actor, validate=True)
    if vantar:
        _begar(actor=actor, typ=Bekraftelse.Typ.UPPDRAG, person=person, uppdrag=uppdrag)
    return uppdrag


@transaction.atomic
def uppdrag_update(*, uppdrag: Uppdrag, actor, **fields) -> Uppdrag:
    """A change that turns an uppdrag into one with rights (another role, another person)
    waits for a second person again, as a new one would."""
    fore = (uppdrag.roll, uppdrag.person_id)
    for name, value in fields.items():
        setattr(uppdrag, name, value)
    vantar = (
        actor is not None
        and uppdrag.roll in BEHORIGA_ROLLER
        and (uppdrag.roll, uppdrag.person_id) != fore
    )
    if vantar:
        uppdrag.bekraftad = None
    historik.save(uppdrag, actor=actor, validate=True)
    if vantar:
        _begar(actor=actor, typ=Bekraftelse.Typ.UPPDRAG, person=uppdrag.person, uppdrag=uppdrag)
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
    # Four eyes: the login is inactive, and no password link is sent, until a second person
    # confirms it (bekraftelse_bekrafta). The system's own (actor None) is active at once.
    user.is_active = actor is None
    user.full_clean()
    user.save()
    person.user = user
    historik.save(person, actor=actor, validate=True, reason="Inloggning skapad")
    if actor is None:
        # Queued in this transaction (forbund.epost): sent only if the confirmation commits.
        _send_set_password_mail(user, base_url=base_url)
    else:
        _begar(actor=actor, typ=Bekraftelse.Typ.KONTO, person=person)
    return user


@transaction.atomic
def konto_losenord_satt(*, actor, user) -> None:
    """A password set through the e-mailed link or changed by its owner: on the log of who
    can act (a password nobody expected to change is how a taken-over login shows)."""
    person = Person.objects.filter(user=user).first()
    if person is not None:
        historik.save(person, actor=actor, reason="Lösenord satt")


def _begar(*, actor, typ: str, person: Person, **falt) -> Bekraftelse:
    return Bekraftelse.objects.create(typ=typ, person=person, begard_av=actor, **falt)


@transaction.atomic
def bekraftelse_bekrafta(*, actor, bekraftelse: Bekraftelse, base_url: str) -> Bekraftelse:
    """A second person confirms: another kansli user or the ordförande, neither the one who
    asked nor the person it concerns. Then the change takes effect."""
    b = (
        Bekraftelse.objects.select_for_update(of=("self",))
        .select_related("person__user", "uppdrag")
        .get(pk=bekraftelse.pk)
    )
    if b.bekraftad is not None:
        raise Fel("Ändringen är redan bekräftad.")
    if actor.pk == b.begard_av_id:
        raise Fel("Den som gjorde ändringen kan inte bekräfta den; en annan person måste göra det.")
    if b.person.user_id == actor.pk:
        raise Fel("Du kan inte bekräfta en ändring som gäller dig själv.")
    nu = timezone.now()
    b.bekraftad, b.bekraftad_av = nu, actor
    b.save(update_fields=["bekraftad", "bekraftad_av"])
    person, user = b.person, b.person.user
    if b.typ == Bekraftelse.Typ.KONTO and user is not None:
        user.is_active = True
        user.save(update_fields=["is_active"])
        historik.save(person, actor=actor, reason="Inloggning bekräftad")
        transaction.on_commit(lambda: _send_set_password_mail(user, base_url=base_url))
    elif b.typ == Bekraftelse.Typ.EPOST:
        person.epost = b.epost
        historik.save(person, actor=actor, validate=True, reason="E-postadress bekräftad")
        if user is not None:
            user.email = b.epost
            user.save(update_fields=["email"])
    elif b.typ == Bekraftelse.Typ.UPPDRAG and b.uppdrag is not None:
        b.uppdrag.bekraftad = nu
        historik.save(b.uppdrag, actor=actor, reason="Uppdrag bekräftat")
    return b


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


@transaction.atomic
def paminnelser_skapa(*, forslag: list[PaminnelseForslag], webbadress: str) -> list[Paminnelse]:
    """Store the reminders not given before and queue one mail for each, in one transaction.
    A reminder already given (same user and nyckel) is left out; the unique constraint
    refuses it should two runs ever overlap, and the job is then run again."""
    unika = {(f.mottagare_id, f.nyckel): f for f in forslag}
    givna = set(
        Paminnelse.objects.filter(
            mottagare_id__in={m for m, _n in unika}, nyckel__in={n for _m, n in unika}
        ).values_list("mottagare_id", "nyckel")
    )
    nya = [f for k, f in unika.items() if k not in givna]
    if not nya:
        return []
    anvandare = get_user_model().objects.in_bulk({f.mottagare_id for f in nya})
    skapade = Paminnelse.objects.bulk_create(
        Paminnelse(
            mottagare_id=f.mottagare_id,
            typ=f.typ,
            nyckel=f.nyckel,
            text=f.text,
            lank=f.lank,
            datum=f.datum,
        )
        for f in nya
    )
    for p in skapade:
        user = anvandare.get(p.mottagare_id)
        if user is None or not user.is_active:
            continue
        epost.skicka(
            amne=f"Påminnelse: {p.get_typ_display()}",
            text=(
                f"Hej!\n\n{p.text}\n\n{webbadress.rstrip('/')}{p.lank}\n\n"
                "Påminnelsen finns också på din startsida i Förbundsportalen.\n"
            ),
            till=[user.email],
        )
    return skapade


@transaction.atomic
def jobb_forsok_igen(*, actor, job_id: int) -> None:
    """Put a job that failed for good back in the queue for one more attempt (the kansli's
    page of failed jobs, e.g. after the mail server is fixed)."""
    if not jobb.misslyckade_jobb().filter(pk=job_id).exists():
        raise Fel("Jobbet finns inte eller har inte misslyckats.")
    jobb.app.job_manager.retry_job_by_id(job_id=job_id, retry_at=timezone.now())
