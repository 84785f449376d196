"""Grants from decisions, payment plans and attest två i förening."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from insatser import services
from insatser.models import Beviljning, Insats, Utbetalning

from ..conftest import client_for


def _user(name):
    return get_user_model().objects.get(username=name)


@pytest.fixture
def sip(seed_moten):
    return Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")


def test_demo_grants_are_the_decisions_of_paragraph_161_to_167(sip):
    b = {(x.ar, x.belopp) for x in sip.beviljningar.all()}
    assert b == {(2022, 645_000), (2023, 660_000)}
    page = client_for("ledamot").get(reverse("insats_detail", args=[sip.pk])).content.decode()
    assert "beslutad i" in page and "§ 161, 2021-11-26" in page
    # Jäv carries over from the paragraph.
    assert "Jäv: Johan Bergvik deltog inte i beslutet." in page
    total = sum(
        Beviljning.objects.filter(paragraf__nummer__in=range(161, 168)).values_list(
            "belopp", flat=True
        )
    )
    assert (
        total
        == 645_000
        + 660_000
        + 610_000
        + 162_661
        + 30_000
        + 618_000
        + 683_000
        + 1_100_000
        + 60_000
        + 895_000
    )


def test_half_on_agreement_rest_on_approved_report(sip):
    b = sip.beviljningar.get(ar=2022)
    plan = list(b.betalplan.all())
    assert [(d.utlosare, d.belopp) for d in plan] == [("avtal", 322_500), ("redovisning", 322_500)]


def test_two_different_people_attest_neither_the_requester(sip):
    b = sip.beviljningar.get(ar=2022)
    avtal = b.betalplan.get(utlosare="avtal")
    with pytest.raises(services.Fel, match="inte utlöst"):
        services.utbetalning_begar(
            actor=_user("forbundschef"), beviljning=b, belopp=322_500, delbetalning=avtal
        )
    services.delbetalning_utlos(actor=_user("forbundschef"), delbetalning=avtal)
    u = services.utbetalning_begar(
        actor=_user("utvecklingsledare"), beviljning=b, belopp=322_500, delbetalning=avtal
    )
    with pytest.raises(services.Fel, match="Den som begärt utbetalningen kan inte attestera"):
        services.utbetalning_attestera(actor=_user("utvecklingsledare"), utbetalning=u)
    services.utbetalning_attestera(actor=_user("forbundschef"), utbetalning=u)
    with pytest.raises(services.Fel, match="redan attesterat"):
        services.utbetalning_attestera(actor=_user("forbundschef"), utbetalning=u)
    with pytest.raises(services.Fel, match="attesterad av två"):
        services.utbetalning_utbetald(
            actor=_user("forbundschef"), utbetalning=u, datum=u.begard.date()
        )
    services.utbetalning_attestera(actor=_user("ordforande"), utbetalning=u)
    services.utbetalning_utbetald(actor=_user("forbundschef"), utbetalning=u, datum=u.begard.date())
    u.refresh_from_db()
    assert u.status == "utbetald"
    # The plan holds: no payment outside it, nor more than an instalment.
    with pytest.raises(services.Fel, match="välj vilken delbetalning"):
        services.utbetalning_begar(actor=_user("forbundschef"), beviljning=b, belopp=1)
    with pytest.raises(services.Fel, match="återstår av delbetalningen"):
        services.utbetalning_begar(
            actor=_user("forbundschef"), beviljning=b, belopp=1, delbetalning=avtal
        )


@pytest.mark.parametrize(
    "fields",
    [
        {"attest1_av_field": "begard_av_id"},
        {"attest2_av_field": "attest1_av_id"},
    ],
)
def test_the_database_refuses_one_person_twice(sip, fields):
    b = sip.beviljningar.get(ar=2022)
    avtal = b.betalplan.get(utlosare="avtal")
    services.delbetalning_utlos(actor=None, delbetalning=avtal)
    u = services.utbetalning_begar(
        actor=_user("utvecklingsledare"), beviljning=b, belopp=1000, delbetalning=avtal
    )
    if "attest1_av_field" in fields:
        with pytest.raises(IntegrityError), transaction.atomic():
            Utbetalning.objects.filter(pk=u.pk).update(attest1_av=_user("utvecklingsledare"))
    else:
        services.utbetalning_attestera(actor=_user("forbundschef"), utbetalning=u)
        with pytest.raises(IntegrityError), transaction.atomic():
            Utbetalning.objects.filter(pk=u.pk).update(attest2_av=_user("forbundschef"))


def test_attest_through_the_views(sip):
    b = sip.beviljningar.get(ar=2023)
    kansli = client_for("forbundschef")
    avtal = b.betalplan.get(utlosare="avtal")
    kansli.post(reverse("delbetalning_utlos", args=[avtal.pk]))
    kansli.post(
        reverse("utbetalning_create", args=[b.pk]), {"belopp": 100_000, "delbetalning": avtal.pk}
    )
    u = b.utbetalningar.get()
    # The requester cannot attest; the message says why; nothing changes.
    response = kansli.post(reverse("utbetalning_attestera", args=[u.pk]), follow=True)
    assert "Den som begärt utbetalningen kan inte attestera den." in response.content.decode()
    client_for("ordforande").post(reverse("utbetalning_attestera", args=[u.pk]))
    again = client_for("ordforande").post(
        reverse("utbetalning_attestera", args=[u.pk]), follow=True
    )
    assert "Du har redan attesterat" in again.content.decode()
    # A ledamot is no attestant.
    assert (
        client_for("ledamot").post(reverse("utbetalning_attestera", args=[u.pk])).status_code == 403
    )
    # Staff of another insats do not even see it.
    assert (
        client_for("insatspersonal")
        .get(reverse("beviljning_detail", args=[Beviljning.objects.exclude(insats=sip).first().pk]))
        .status_code
        == 404
    )


def test_register_a_grant_on_a_paragraph(seed_moten):
    kansli = client_for("forbundschef")
    p = seed_moten.justerat.paragrafer.get(nummer=162)
    insats = Insats.objects.get(namn="Rehabvägledare")
    response = kansli.post(
        reverse("beviljning_create", args=[p.pk]),
        {
            "insats": insats.pk,
            "attsats": p.beslut.first().pk,
            "utfall": "beviljad",
            "ar": 2022,
            "belopp": "",
        },
    )
    assert response.status_code == 422
    assert "Ange det beviljade beloppet." in response.content.decode()
    response = kansli.post(
        reverse("beviljning_create", args=[p.pk]),
        {
            "insats": insats.pk,
            "attsats": p.beslut.first().pk,
            "utfall": "beviljad",
            "ar": 2022,
            "belopp": "50000",
        },
    )
    assert response.status_code == 302
    assert insats.beviljningar.get().belopp == 50_000
    page = kansli.get(reverse("protokoll_detail", args=[seed_moten.justerat.pk])).content.decode()
    assert "Rehabvägledare 2022, 50\xa0000\xa0kr" in page


def test_payment_forms_with_errors_come_back_with_what_was_typed(sip):
    """A delbetalning or utbetalning that does not validate is answered on the grant's page
    (422) with the error summary and the field marked, not a redirect that loses the input."""
    b = sip.beviljningar.get(ar=2023)
    kansli = client_for("forbundschef")
    response = kansli.post(
        reverse("delbetalning_create", args=[b.pk]),
        {"del-utlosare": "datum", "del-belopp": "12000", "del-datum": ""},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="formfel"' in html and "Delbetalningen är inte sparad" in html
    assert '<a href="#id_del-datum">Datum (om på ett datum): Ange datumet.</a>' in html
    assert 'value="12000"' in html and '<details class="mb-3" open>' in html
    assert b.betalplan.count() == 2
    response = kansli.post(reverse("utbetalning_create", args=[b.pk]), {"belopp": "0"})
    html = response.content.decode()
    assert response.status_code == 422
    assert (
        '<a href="#id_belopp">Belopp att betala ut (kr): Ange ett belopp större än noll.</a>'
        in html
    )
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_belopp_error"' in html
    assert not b.utbetalningar.exists()
