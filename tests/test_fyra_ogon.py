"""Four eyes on who can act (issue 18): a new login, a changed e-mail address and a new
uppdrag with justering or attest rights take effect only when a second person confirms
them; neither the one who made the change nor the person it concerns can confirm; the log
the ordförande and the revisor read shows both steps."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from forbund import permissions, services
from forbund.models import Bekraftelse, Organ, Person, Roll, Uppdrag

from .conftest import client_for


def _user(name):
    return get_user_model().objects.get(username=name)


def test_a_new_vice_ordforande_with_a_login_waits_for_a_second_person(
    demo, django_capture_on_commit_callbacks
):
    kansli = _user("forbundschef")
    person = services.person_create(
        actor=kansli, fornamn="Vera", efternamn="Vice", epost="vera.vice@example.org"
    )
    uppdrag = services.uppdrag_create(
        actor=kansli,
        person=person,
        roll=Roll.VICE_ORDFORANDE,
        organ=Organ.objects.get(typ=Organ.Typ.STYRELSE),
        startdatum=dt.date(2020, 1, 1),
    )
    user = services.konto_create(
        person=person, actor=kansli, username="vera.vice", base_url="http://testserver/"
    )
    assert mail.outbox == []  # no password link yet
    assert not user.is_active
    assert not Uppdrag.objects.aktiva().filter(pk=uppdrag.pk).exists()
    user.set_password("ett-langt-losenord-123")
    user.save()
    assert not permissions.roller(user).i_styrelsen
    inloggning = client_for("anonym").post(
        reverse("login"), {"username": "vera.vice", "password": "ett-langt-losenord-123"}
    )
    assert inloggning.status_code == 200  # the form again: an inactive login cannot sign in
    vantande = list(Bekraftelse.objects.filter(person=person, bekraftad__isnull=True))
    assert {b.typ for b in vantande} == {"konto", "uppdrag"}
    # The one who made them cannot confirm, nor can the person concerned.
    for b in vantande:
        with pytest.raises(services.Fel, match="annan person"):
            services.bekraftelse_bekrafta(actor=kansli, bekraftelse=b, base_url="http://t/")
    # The ordförande confirms through the page.
    ordforande = client_for("ordforande")
    sida = ordforande.get(reverse("bekraftelser")).content.decode()
    assert "Vera Vice" in sida and "vera.vice@example.org" in sida
    with django_capture_on_commit_callbacks(execute=True):
        for b in vantande:
            svar = ordforande.post(reverse("bekraftelse_bekrafta", args=[b.pk]))
            assert svar.status_code == 302
    user.refresh_from_db()
    assert user.is_active and len(mail.outbox) == 1 and mail.outbox[0].to == [person.epost]
    user = get_user_model().objects.get(pk=user.pk)
    assert Roll.VICE_ORDFORANDE in permissions.roller(user).styrelse
    # The log shows both steps, to the ordförande and the revisor; not to a ledamot.
    for persona in ("ordforande", "revisor"):
        logg = client_for(persona).get(reverse("personlogg")).content.decode()
        assert logg.count("Väntar på bekräftelse") >= 2 and logg.count("Bekräftad") >= 2
        assert "Karin" in logg or "Ordförande" in logg or "ordforande" in logg
    assert client_for("ledamot").get(reverse("personlogg")).status_code == 403


def test_a_changed_email_waits_and_a_second_confirmation_is_refused(demo):
    kansli = _user("forbundschef")
    ledamot = Person.objects.get(user__username="ledamot")
    fore = ledamot.epost
    services.person_update(person=ledamot, actor=kansli, epost="ny@example.org", titel="X")
    ledamot.refresh_from_db()
    assert ledamot.epost == fore and ledamot.titel == "X"
    b = Bekraftelse.objects.get(person=ledamot, typ="epost")
    # The person concerned cannot confirm their own change.
    with pytest.raises(services.Fel, match="dig själv"):
        services.bekraftelse_bekrafta(actor=_user("ledamot"), bekraftelse=b, base_url="http://t/")
    services.bekraftelse_bekrafta(actor=_user("ordforande"), bekraftelse=b, base_url="http://t/")
    ledamot.refresh_from_db()
    assert ledamot.epost == "ny@example.org" and ledamot.user.email == "ny@example.org"
    with pytest.raises(services.Fel, match="redan"):
        services.bekraftelse_bekrafta(
            actor=_user("ordforande"), bekraftelse=b, base_url="http://t/"
        )


def test_an_uppdrag_without_rights_and_the_systems_own_take_effect_at_once(demo):
    kansli = _user("forbundschef")
    person = Person.objects.get(user__username="ledamot")
    u = services.uppdrag_create(
        actor=kansli, person=person, roll=Roll.REVISOR, startdatum=dt.date(2020, 1, 1)
    )
    assert Uppdrag.objects.aktiva().filter(pk=u.pk).exists()
    # Made into one with rights: waits again.
    services.uppdrag_update(uppdrag=u, actor=kansli, roll=Roll.UTVECKLINGSLEDARE)
    assert not Uppdrag.objects.aktiva().filter(pk=u.pk).exists()
    assert Bekraftelse.objects.filter(uppdrag=u, bekraftad__isnull=True).exists()
