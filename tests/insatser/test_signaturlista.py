"""Who may attest is decided by the signaturlista the styrelse adopted in a paragraph, in
force from the decision until replaced (issue 18; DOMAIN.md): a payment is attested only by
two different people on the list in force, neither the requester."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from forbund.middleware import LasSom409
from forbund.models import Person
from insatser import selectors, services
from insatser.models import Beviljning, Insats, Signaturlista
from moten.models import Paragraf

from ..conftest import client_for


def _user(name):
    return get_user_model().objects.get(username=name)


def _person(name):
    return Person.objects.get(user__username=name)


def _begard():
    sip = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")
    b = Beviljning.objects.get(insats=sip, ar=2022)
    avtal = b.betalplan.get(utlosare="avtal")
    services.delbetalning_utlos(actor=_user("forbundschef"), delbetalning=avtal)
    return services.utbetalning_begar(
        actor=_user("utvecklingsledare"), beviljning=b, belopp=1000, delbetalning=avtal
    )


def test_the_demo_list_is_adopted_in_paragraph_160(seed_moten):
    lista = selectors.signaturlista_i_kraft(dt.date.today())
    assert lista.paragraf.nummer == 160 and lista.giltig_fran == dt.date(2021, 11, 26)
    assert selectors.signaturlista_i_kraft(dt.date(2021, 11, 25)) is None
    assert selectors.pa_signaturlistan(_user("ordforande"), dt.date.today())
    assert not selectors.pa_signaturlistan(_user("ledamot"), dt.date.today())


def test_only_people_on_the_list_in_force_attest(seed_moten):
    u = _begard()
    # A later decision replaces the list: only the ordförande and the utvecklingsledare.
    paragraf = Paragraf.objects.get(protokoll__mote__datum=dt.date(2022, 1, 21), nummer=5)
    ny = services.signaturlista_anta(
        actor=_user("forbundschef"),
        paragraf=paragraf,
        attestanter=[_person("ordforande"), _person("utvecklingsledare")],
    )
    assert selectors.signaturlista_i_kraft(dt.date.today()) == ny
    assert selectors.signaturlista_i_kraft(dt.date(2022, 1, 20)).paragraf.nummer == 160
    with pytest.raises(services.Fel, match="signaturlista"):
        services.utbetalning_attestera(actor=_user("forbundschef"), utbetalning=u)
    services.utbetalning_attestera(actor=_user("ordforande"), utbetalning=u)
    # The utvecklingsledare is on the list but requested it: still refused.
    with pytest.raises(services.Fel, match="begärt"):
        services.utbetalning_attestera(actor=_user("utvecklingsledare"), utbetalning=u)
    u.refresh_from_db()
    assert u.status == "attest1"


def test_a_list_needs_a_justerat_paragraph_and_two_people(seed_moten):
    paragraf = Paragraf.objects.get(protokoll__mote__datum=dt.date(2022, 1, 21), nummer=5)
    with pytest.raises(services.Fel, match="minst två"):
        services.signaturlista_anta(
            actor=_user("forbundschef"), paragraf=paragraf, attestanter=[_person("ordforande")]
        )
    utkast = Paragraf.objects.exclude(protokoll__status="justerat").first()
    with pytest.raises(services.Fel, match="justerat"):
        services.signaturlista_anta(
            actor=_user("forbundschef"),
            paragraf=utkast,
            attestanter=[_person("ordforande"), _person("forbundschef")],
        )
    assert Signaturlista.objects.count() == 1


def test_an_adopted_list_is_locked_for_the_orm_the_admin_and_the_service(seed_moten):
    """Raw SQL as the portal's own role: tests/test_las.py (RAW). Here the paths a user or
    a careless view would take."""
    lista = selectors.signaturlista_i_kraft(dt.date.today())
    namn = set(lista.attestanter.values_list("pk", flat=True))
    with pytest.raises(IntegrityError, match="Signaturlistan är antagen"), transaction.atomic():
        lista.giltig_fran = dt.date(2020, 1, 1)
        lista.save()
    with pytest.raises(IntegrityError, match="Signaturlistan är antagen"), transaction.atomic():
        lista.attestanter.add(_person("ledamot"))
    with pytest.raises(IntegrityError, match="Signaturlistan är antagen"), transaction.atomic():
        lista.attestanter.remove(_person("ordforande"))
    with pytest.raises(IntegrityError, match="Signaturlistan är antagen"), transaction.atomic():
        Signaturlista.objects.filter(pk=lista.pk).delete()
    # The same paragraph cannot get a second list: a change is a new decision.
    with pytest.raises(services.Fel, match="redan en antagen signaturlista"):
        services.signaturlista_anta(
            actor=_user("forbundschef"),
            paragraf=lista.paragraf,
            attestanter=[_person("ordforande"), _person("ledamot")],
        )
    # The admin shows it read-only and refuses a crafted change or delete.
    kansli = client_for("forbundschef")
    url = reverse("admin:insatser_signaturlista_change", args=[lista.pk])
    assert kansli.get(url).status_code == 200
    svar = kansli.post(url, {"giltig_fran": "2020-01-01", "attestanter": [_person("ledamot").pk]})
    assert svar.status_code == 403
    svar = kansli.post(
        reverse("admin:insatser_signaturlista_delete", args=[lista.pk]), {"post": "yes"}
    )
    assert svar.status_code == 403
    assert kansli.get(reverse("admin:insatser_signaturlista_add")).status_code == 403
    lista.refresh_from_db()
    assert lista.giltig_fran == dt.date(2021, 11, 26)
    assert set(lista.attestanter.values_list("pk", flat=True)) == namn


def test_a_lock_met_by_a_request_is_a_swedish_409(seed_moten, rf):
    """Whatever view meets the list's lock answers 409 with the trigger's message."""
    lista = selectors.signaturlista_i_kraft(dt.date.today())
    request = rf.post("/")
    request.user = _user("forbundschef")
    try:
        with transaction.atomic():
            lista.attestanter.clear()
    except IntegrityError as exc:
        svar = LasSom409(lambda r: None).process_exception(request, exc)
    assert svar.status_code == 409
    assert "Signaturlistan är antagen av styrelsen" in svar.content.decode()
