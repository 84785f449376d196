"""The start page brings insatser work to the right person."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from insatser import services
from insatser.models import Insats

from ..conftest import client_for


def test_kansli_sees_overdue_follow_ups_and_periods_to_approve(moten):
    page = client_for("forbundschef").get(reverse("oversikt")).content.decode()
    # The demo's follow-ups booked their next meeting for February 2022.
    assert "Försenad uppföljning:" in page and "bokad 2022-02-15" in page


def test_attestants_see_payments_waiting_for_them(moten):
    sip = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")
    kansli = get_user_model().objects.get(username="forbundschef")
    b = sip.beviljningar.get(ar=2022)
    avtal = b.betalplan.get(utlosare="avtal")
    services.delbetalning_utlos(actor=kansli, delbetalning=avtal)
    services.utbetalning_begar(actor=kansli, beviljning=b, belopp=1000, delbetalning=avtal)
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
    page = client_for("ordforande").get(reverse("oversikt")).content.decode()
    # The numbered test protocol of 2022-03-25: 14 days later, moved past the weekend.
    assert "Styrelsen 2022-03-25</a> – som ordförande, justeras senast 2022-04-08" in page
    assert "(fristen har passerat)" in page
