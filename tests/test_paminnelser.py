"""The daily reminders (issue 19): each goes once, by e-mail (through the queue) and on the
start page, to the people it concerns; a second run the same day sends nothing.

The job's own function (forbund/projekt/jobb.py) is run for a chosen day on the
present-day demo with its test meetings and survey round (the `enkat` level)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from enkater import services as enkat_services
from enkater.models import Formular
from forbund.models import Paminnelse, Person, Utskick
from forbund.projekt import jobb as projekt_jobb
from insatser import services as insatser_services
from insatser.models import Insats
from moten import services as moten_services
from moten.kalender import justering_senast
from moten.models import AttSats

from .conftest import client_for, provmote

KANSLI = {"forbundschef", "utvecklingsledare"}


def _anvandare(username):
    return get_user_model().objects.get(username=username)


def _kor(dag, capture):
    with capture(execute=True), transaction.atomic():
        return projekt_jobb.paminnelser_for_dagen(dag)


def _per_typ(nya) -> dict[str, set[str]]:
    typer: dict[str, set[str]] = {}
    for p in nya:
        typer.setdefault(p.typ, set()).add(p.mottagare.username)
    return typer


@pytest.fixture
def framtid(enkat):
    """A day 200 days ahead with an uppföljning and a statistics period overdue, a survey
    round closing in two days and an uppdrag from a decision due that day."""
    dag = timezone.localdate() + dt.timedelta(days=200)
    kansli = _anvandare("forbundschef")
    # The insats the demo's insatspersonal works for.
    sip = Insats.objects.filter(personal__user__username="insatspersonal").earliest("pk")
    insatser_services.uppfoljning_create(
        actor=kansli,
        insats=sip,
        datum=timezone.localdate(),
        deltagare="Kansliet",
        avsnitt=[("Nuläge", "Bra.")],
        nasta=dag - dt.timedelta(days=1),
    )
    period = insatser_services.period_create(
        actor=kansli, insats=sip, fran=dag - dt.timedelta(days=100), till=dag - dt.timedelta(20)
    )
    omgang = enkat_services.omgang_create(
        actor=kansli,
        formular=Formular.objects.get(kod="deltagare_avslut"),
        ar=dag.year,
        oppnar=timezone.localdate(),
        stanger=dag + dt.timedelta(days=2),
        insats=sip,
    )
    att = AttSats.objects.filter(paragraf__protokoll__status="justerat").latest("pk")
    uppdrag = moten_services.beslutsuppdrag_create(
        actor=kansli,
        paragraf=att.paragraf,
        attsats=att,
        ansvarig="Förbundschefen",
        beskrivning="Återkomma med en plan.",
        senast=dag,
    )
    return dag, sip, period, omgang, uppdrag


def test_a_reminder_job_run_twice_on_the_same_day_sends_nothing_the_second_time(
    framtid, django_capture_on_commit_callbacks
):
    dag, sip, period, omgang, _uppdrag = framtid
    personal = {p.user.username for p in sip.personal.filter(user__isnull=False)}
    assert personal  # the SIP insats has staff with a login in the demo

    nya = _kor(dag, django_capture_on_commit_callbacks)
    typer = _per_typ(nya)
    assert typer["uppfoljning"] == KANSLI | personal
    assert typer["statistik"] == KANSLI | personal
    assert typer["enkat"] == KANSLI | personal
    assert typer["beslutsuppdrag"] == KANSLI
    # One message per reminder, queued and delivered, to the person's own address.
    assert (
        len(mail.outbox)
        == len(nya)
        == Utskick.objects.filter(amne__startswith="Påminnelse").count()
    )
    adresser = {m.to[0] for m in mail.outbox}
    assert adresser == {p.mottagare.email for p in nya}
    brev = next(m for m in mail.outbox if "deltagarstatistiken" in m.body)
    assert f"/insatser/perioder/{period.pk}/" in brev.body

    # The same day again: nothing new, nothing sent.
    assert _kor(dag, django_capture_on_commit_callbacks) == []
    assert len(mail.outbox) == len(nya)
    # And the next day the reminders already given are not given again.
    assert {
        p.nyckel for p in _kor(dag + dt.timedelta(days=1), django_capture_on_commit_callbacks)
    }.isdisjoint({p.nyckel for p in nya})

    # On the start page of those concerned, not of others.
    sida = client_for("insatspersonal").get(reverse("oversikt")).content.decode()
    assert "Påminnelser" in sida and f"Enkäten {omgang} stänger" in sida
    kansli = client_for("forbundschef").get(reverse("oversikt")).content.decode()
    assert "Återkomma med en plan." in kansli
    assert "Påminnelser" not in client_for("ledamot").get(reverse("oversikt")).content.decode()


def test_the_database_refuses_a_second_reminder_of_the_same_matter(enkat):
    user = _anvandare("forbundschef")
    falt = {
        "typ": "anslag",
        "nyckel": "anslag:1",
        "text": "x",
        "lank": "/",
        "datum": dt.date.today(),
    }
    Paminnelse.objects.create(mottagare=user, **falt)
    with pytest.raises(IntegrityError), transaction.atomic():
        Paminnelse.objects.create(mottagare=user, **falt)


def test_justerare_are_reminded_two_days_before_and_the_kansli_of_an_anslag_not_posted(
    enkat, django_capture_on_commit_callbacks
):
    protokoll = provmote("numrerat").protokoll
    senast = justering_senast(protokoll.mote.datum)
    # Three days before: nothing yet; two days before: the ordförande and the ledamot.
    assert not [
        p
        for p in _kor(senast - dt.timedelta(days=3), django_capture_on_commit_callbacks)
        if p.typ == "justering"
    ]
    nya = _kor(senast - dt.timedelta(days=2), django_capture_on_commit_callbacks)
    assert _per_typ(nya)["justering"] == {"ordforande", "ledamot"}
    assert all(f"/protokoll/{protokoll.pk}/justera/" in p.lank for p in nya if p.typ == "justering")

    # Justerat today, no anslag: the kansli is reminded tomorrow, not today.
    kansli = _anvandare("forbundschef")
    for username in ("ordforande", "ledamot"):
        moten_services.protokoll_justera(
            actor=kansli, protokoll=protokoll, person=Person.objects.get(user__username=username)
        )
    idag = timezone.localdate()
    assert "anslag" not in _per_typ(_kor(idag, django_capture_on_commit_callbacks))
    nya = _kor(idag + dt.timedelta(days=1), django_capture_on_commit_callbacks)
    assert _per_typ(nya)["anslag"] == KANSLI
