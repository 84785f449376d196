"""The kansli's register of people and uppdrag: forms keep input on errors, every change is
in the history with who, when, old and new values."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forbund.models import Bekraftelse, Organ, Person, Roll, Uppdrag

from .conftest import client_for


@pytest.fixture
def kansli(demo):
    return client_for("forbundschef")


def test_create_person_with_bad_input_keeps_what_was_typed(kansli):
    response = kansli.post(
        reverse("person_create"),
        {"fornamn": "Ylva", "efternamn": "", "titel": "Handläggare", "epost": "inte-en-adress"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Formuläret är inte sparat" in html
    assert "Detta fält måste fyllas i." in html
    assert "Fyll i en giltig e-postadress." in html
    assert 'value="Ylva"' in html
    assert 'value="Handläggare"' in html
    assert 'value="inte-en-adress"' in html
    assert not Person.objects.filter(fornamn="Ylva").exists()


def test_create_and_edit_person_is_in_the_history(kansli):
    response = kansli.post(
        reverse("person_create"),
        {"fornamn": "Ylva", "efternamn": "Tuna", "titel": "Handläggare", "epost": ""},
    )
    person = Person.objects.get(fornamn="Ylva")
    assert response["Location"] == reverse("person_detail", kwargs={"pk": person.pk})
    kansli.post(
        reverse("person_edit", kwargs={"pk": person.pk}),
        {"fornamn": "Ylva", "efternamn": "Tuna", "titel": "Samordnare", "epost": ""},
    )
    page = kansli.get(reverse("person_detail", kwargs={"pk": person.pk})).content.decode()
    assert "Ändringshistorik" in page
    assert re.search(r"Titel:</strong> Handläggare → Samordnare", page)
    assert page.count("Eva Sidsjö") >= 2  # who made each change
    assert "Skapad" in page and "Ändrad" in page


def test_uppdrag_in_an_organ_needs_the_organ(kansli):
    person = Person.objects.get(efternamn="Nolby")
    url = reverse("uppdrag_create", kwargs={"pk": person.pk})
    response = kansli.post(url, {"roll": Roll.LEDAMOT, "startdatum": "2026-01-01"})
    assert response.status_code == 422
    assert "Välj i vilket organ personen är ordinarie ledamot." in response.content.decode()
    response = kansli.post(
        url,
        {"roll": Roll.ERSATTARE, "startdatum": "2026-02-01", "slutdatum": "2026-01-01"},
    )
    assert "Slutdatum kan inte ligga före startdatum." in response.content.decode()
    assert 'value="2026-02-01"' in response.content.decode()

    organ = Organ.objects.get(namn="Samverkansrådet")
    response = kansli.post(
        url, {"roll": Roll.LEDAMOT, "organ": organ.pk, "startdatum": "2026-01-01"}
    )
    assert response.status_code == 302
    assert Uppdrag.objects.filter(person=person, organ=organ).exists()


def test_ending_an_uppdrag_removes_the_role(kansli):
    revisor = Person.objects.get(user__username="revisor")
    # The mandate of today (the demo's mandates run to a year from today).
    idag = timezone.localdate()
    uppdrag = revisor.uppdrag.get(startdatum__lte=idag, slutdatum__gte=idag)
    slut = max(uppdrag.startdatum, idag - dt.timedelta(days=1))
    assert client_for("revisor").get(reverse("forbund_detail")).status_code == 200
    kansli.post(
        reverse("uppdrag_edit", kwargs={"pk": uppdrag.pk}),
        {"roll": Roll.REVISOR, "startdatum": f"{uppdrag.startdatum}", "slutdatum": f"{slut}"},
    )
    if slut < idag:  # not on the first day of a mandate
        assert client_for("revisor").get(reverse("forbund_detail")).status_code == 403
    page = kansli.get(reverse("uppdrag_edit", kwargs={"pk": uppdrag.pk})).content.decode()
    assert f"Till:</strong> {uppdrag.slutdatum} → {slut}" in page


def test_kansli_gives_a_person_a_login_by_email(kansli, django_capture_on_commit_callbacks):
    person = Person.objects.get(efternamn="Haga")
    # The login waits for a second person (issue 18); the e-mail goes out when the
    # confirmation has committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = kansli.post(
            reverse("konto_create", kwargs={"pk": person.pk}), {"username": "anders.haga"}
        )
    assert response.status_code == 302
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client_for("ordforande").post(
            reverse("bekraftelse_bekrafta", args=[Bekraftelse.objects.get(person=person).pk])
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.epost]
    link = re.search(r"http://testserver(/konto/aterstall/\S+)", mail.outbox[0].body).group(1)
    client = Client()
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Haga-eget-lösen-9", "new_password2": "Haga-eget-lösen-9"},
    )
    login = client.post(
        reverse("login"), {"username": "anders.haga", "password": "Haga-eget-lösen-9"}
    )
    assert login.status_code == 302

    taken = kansli.post(
        reverse("konto_create", kwargs={"pk": Person.objects.get(efternamn="Indal").pk}),
        {"username": "Anders.Haga"},
    )
    assert taken.status_code == 422
    assert "Användarnamnet är upptaget" in taken.content.decode()


def test_person_search_with_htmx_returns_only_the_table(kansli):
    response = kansli.get(reverse("person_list"), {"q": "Skönvik"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<table" in html and "<html" not in html
    assert "Skönvik" in html and "Ödmark" not in html


def test_forbund_edit_by_kansli_with_history(kansli):
    response = kansli.post(
        reverse("forbund_edit"),
        {
            "namn": "Samordningsförbundet Sundsvall",
            "organisationsnummer": "fel",
            "sate": "Sundsvall",
            "andamal": "Ändamålet",
        },
    )
    assert response.status_code == 422
    assert "NNNNNN-NNNN" in response.content.decode()
    kansli.post(
        reverse("forbund_edit"),
        {
            "namn": "Samordningsförbundet Sundsvall",
            "organisationsnummer": "222000-1001",
            "sate": "Sundsvall",
            "andamal": "Ändamålet",
            "adress": "Kommunhuset rum 613, Sundsvall",
        },
    )
    page = kansli.get(reverse("forbund_detail")).content.decode()
    assert "Kommunhuset rum 612, Sundsvall → Kommunhuset rum 613, Sundsvall" in page
    # The styrelse reads the förbund but not its history.
    assert (
        "Ändringshistorik"
        not in client_for("ledamot").get(reverse("forbund_detail")).content.decode()
    )


def test_person_list_shows_each_uppdrag_once_with_title_and_organisation_apart(kansli):
    """Fredrika Alnö was ledamot 2019–2022 and again from 2023: one line in the register.
    Her title and her organisation (the part that appointed her) have columns of their own."""
    import re

    html = kansli.get(reverse("person_list"), {"q": "Alnö"}).content.decode()
    row = re.search(r"<tr>\s*<td><a [^>]*>Alnö, Fredrika</a></td>(.*?)</tr>", html, re.S).group(1)
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]
    assert cells == [
        "Verksamhetsområdeschef",
        "Försäkringskassan",
        "Ordinarie ledamot (Styrelsen)",
        "ledamot",
    ]
    assert '<th scope="col">Titel</th><th scope="col">Organisation</th>' in html
