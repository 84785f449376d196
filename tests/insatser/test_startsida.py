"""The start page brings insatser work to the right person."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from forbund.models import Organ, Person
from insatser import services
from insatser.models import Insats
from moten import kalender
from moten import services as moten_services

from ..conftest import client_for, provmote


def test_kansli_sees_overdue_follow_ups_and_periods_to_approve(moten):
    kansli = get_user_model().objects.get(username="forbundschef")
    page = client_for("forbundschef").get(reverse("oversikt")).content.decode()
    # The demo's insatser have their next follow-up booked ahead.
    assert "Försenad uppföljning:" not in page
    idag = timezone.localdate()
    ny = Insats.objects.get(namn="Sociala företag i Sundsvall – förstudie")
    services.uppfoljning_create(
        actor=kansli,
        insats=ny,
        datum=idag - dt.timedelta(days=60),
        deltagare="Eva Sidsjö, förbundschef",
        avsnitt=[("Mål", "Förstudiens upplägg.")],
        nasta=idag - dt.timedelta(days=5),
    )
    page = client_for("forbundschef").get(reverse("oversikt")).content.decode()
    assert "Försenad uppföljning:" in page
    assert f"bokad {idag - dt.timedelta(days=5):%Y-%m-%d}" in page


def test_attestants_see_payments_waiting_for_them(moten):
    kansli = get_user_model().objects.get(username="forbundschef")
    # A grant to the application on the coming meeting, as if decided (no payment plan).
    ny = Insats.objects.get(namn="Sociala företag i Sundsvall – förstudie")
    b = services.beviljning_create(
        actor=kansli, insats=ny, paragraf=moten.justerad_paragraf, ar=2099, belopp=5000
    )
    services.utbetalning_begar(actor=kansli, beviljning=b, belopp=1000)
    assert (
        "Utbetalningar att attestera"
        in client_for("ordforande").get(reverse("oversikt")).content.decode()
    )
    # Not to the one who asked for it, and not to a ledamot who is no attestant.
    assert (
        "Utbetalningar att attestera"
        not in client_for("forbundschef").get(reverse("oversikt")).content.decode()
    )
    assert (
        "Utbetalningar att attestera"
        not in client_for("ledamot").get(reverse("oversikt")).content.decode()
    )


def test_staff_see_their_own_insats(moten):
    page = client_for("insatspersonal").get(reverse("oversikt")).content.decode()
    assert "SIP-samordnare Arbetsmarknadstorget" in page
    assert "Psykolog Arbetsmarknadstorget" not in page


def test_justerare_sees_the_deadline_on_the_start_page(moten):
    numrerat = provmote("numrerat")
    senast = kalender.justering_senast(numrerat.datum)
    page = client_for("ordforande").get(reverse("oversikt")).content.decode()
    assert (
        f"Styrelsen {numrerat.datum:%Y-%m-%d}</a> – som ordförande, justeras senast {senast:%Y-%m-%d}"
        in page
    )
    assert "(fristen har passerat)" not in page
    # A protocol of 2020 (a year with no other meeting) numbered and never justerat.
    gammalt = moten_services.mote_create(
        actor=None,
        organ=Organ.objects.get(typ=Organ.Typ.STYRELSE),
        datum=dt.date(2020, 3, 25),
        plats="Kommunhuset",
    )
    moten_services.paragraf_create(
        actor=None, protokoll=gammalt.protokoll, rubrik="Öppnande", text="Mötet öppnas."
    )
    moten_services.narvaro_save(
        actor=None,
        protokoll=gammalt.protokoll,
        rader=[
            moten_services.NarvaroRad(kategori="ordinarie", namn=p.namn, person=p)
            for p in Person.objects.filter(efternamn__in=["Ödmark", "Alnö", "Skönvik"])
        ],
    )
    moten_services.protokoll_numrera(
        actor=None,
        protokoll=gammalt.protokoll,
        ordforande=Person.objects.get(user__username="ordforande"),
        justerare=[Person.objects.get(user__username="ledamot")],
        base_url="http://testserver/",
        bekrafta_varningar=True,
    )
    page = client_for("ordforande").get(reverse("oversikt")).content.decode()
    # 14 days later, moved past the weekend.
    assert "Styrelsen 2020-03-25</a> – som ordförande, justeras senast 2020-04-08" in page
    assert "(fristen har passerat)" in page
