"""The log of who can act (issue 18): every change to people, uppdrag, logins and the
signaturlista is on /personer/logg/, which the ordförande and the revisor read. Each kind of
change is made here the way the portal (or its admin) makes it, and then looked for on the
page as the ordförande sees it."""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from forbund import services
from forbund.models import Bekraftelse, Organ, Person, Roll, Uppdrag
from insatser import services as insatser_services
from moten.models import Paragraf

from .conftest import client_for


def _user(name):
    return get_user_model().objects.get(username=name)


def _rader(persona="ordforande") -> list[str]:
    """The log's rows as text, one string per row (cells joined by " | ")."""
    sida = client_for(persona).get(reverse("personlogg"))
    assert sida.status_code == 200
    html = sida.content.decode()
    tbody = html[html.index("<tbody>") : html.index("</tbody>")]
    rader = []
    for tr in re.findall(r"<tr>(.*?)</tr>", tbody, re.S):
        celler = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
        ]
        rader.append(" | ".join(celler))
    return rader


def _finns(rader, *delar):
    return any(all(d in rad for d in delar) for rad in rader)


def test_people_and_uppdrag_changed_in_the_portal_are_on_the_log(demo):
    kansli = _user("forbundschef")
    person = services.person_create(actor=kansli, fornamn="Lova", efternamn="Loggdotter")
    services.person_update(person=person, actor=kansli, titel="Controller")
    uppdrag = services.uppdrag_create(
        actor=kansli,
        person=person,
        roll=Roll.LEDAMOT,
        organ=Organ.objects.get(typ=Organ.Typ.STYRELSE),
        startdatum=dt.date(2020, 1, 1),
    )
    services.uppdrag_update(uppdrag=uppdrag, actor=kansli, slutdatum=dt.date(2020, 12, 31))
    rader = _rader()
    namn = kansli.get_full_name() or kansli.username
    assert _finns(rader, namn, "Person: Skapad", "Lova Loggdotter")
    assert _finns(rader, namn, "Person: Ändrad", "Lova Loggdotter")
    assert _finns(rader, namn, "Uppdrag: Skapad", "ledamot, Lova Loggdotter")
    assert _finns(rader, namn, "Uppdrag: Ändrad", "ledamot, Lova Loggdotter")
    assert _finns(rader, "Väntar på bekräftelse", "Lova Loggdotter")
    # The revisor reads the same log.
    assert _finns(_rader("revisor"), "Uppdrag: Skapad", "Lova Loggdotter")


def test_what_the_admin_changes_and_removes_is_on_the_log(demo):
    kansli = client_for("forbundschef")
    person = Person.objects.get(user__username="ledamot")
    uppdrag = Uppdrag.objects.filter(person=person).first()
    svar = kansli.post(reverse("admin:forbund_uppdrag_delete", args=[uppdrag.pk]), {"post": "yes"})
    assert svar.status_code == 302
    # A login changed in the admin (superusers only): switched off.
    admin = get_user_model().objects.create_superuser("admin.loggtest", "a@example.org", "x")
    klient = client_for("anonym")
    klient.force_login(admin)
    ledamot = _user("ledamot")
    svar = klient.post(
        reverse("admin:auth_user_change", args=[ledamot.pk]),
        {
            "username": "ledamot",
            "first_name": ledamot.first_name,
            "last_name": ledamot.last_name,
            "email": ledamot.email,
            "date_joined_0": "2020-01-01",
            "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2020-01-01",
            "initial-date_joined_1": "00:00:00",
        },
    )
    assert svar.status_code == 302, svar.content.decode()[:2000]
    assert not _user("ledamot").is_active
    rader = _rader()
    assert _finns(rader, "Uppdrag: Borttagen", str(person))
    assert _finns(rader, "admin.loggtest", "Inloggning: ändrad i administrationen", "ledamot")


def test_a_login_and_its_confirmation_are_on_the_log(demo):
    kansli = _user("forbundschef")
    person = services.person_create(
        actor=kansli, fornamn="Ivar", efternamn="Inlogg", epost="ivar@example.org"
    )
    services.konto_create(person=person, actor=kansli, username="ivar", base_url="http://t/")
    rader = _rader()
    assert _finns(rader, "Person: Inloggning skapad", "Ivar Inlogg")
    assert _finns(rader, "Väntar på bekräftelse", "Ny inloggning: Ivar Inlogg")
    b = Bekraftelse.objects.get(person=person)
    services.bekraftelse_bekrafta(actor=_user("ordforande"), bekraftelse=b, base_url="http://t/")
    rader = _rader()
    assert _finns(rader, "Person: Inloggning bekräftad", "Ivar Inlogg")
    assert _finns(rader, "Bekräftad", "Ny inloggning: Ivar Inlogg")


def test_a_signaturlista_registered_named_and_adopted_is_on_the_log(seed_moten):
    kansli = _user("forbundschef")
    paragraf = Paragraf.objects.get(protokoll__mote__datum=dt.date(2022, 1, 21), nummer=5)
    ordf, ul = (
        Person.objects.get(user__username="ordforande"),
        Person.objects.get(user__username="utvecklingsledare"),
    )
    insatser_services.signaturlista_anta(actor=kansli, paragraf=paragraf, attestanter=[ordf, ul])
    rader = _rader()
    namn = kansli.get_full_name() or kansli.username
    beslut = "§ 5 (2022-01-21), gäller från 2022-01-21"
    assert _finns(rader, namn, "Signaturlista: registrerad", beslut)
    assert _finns(
        rader,
        namn,
        "Signaturlista: namn",
        beslut,
        f"tillagda {', '.join(sorted([str(ordf), str(ul)]))}",
    )
    assert _finns(rader, namn, "Signaturlista: antagen", beslut, str(ordf), str(ul))
    # The demo's own list (§ 160) is there too.
    assert _finns(rader, "Signaturlista: antagen", "§ 160 (2021-11-26)")


def test_the_log_takes_the_same_queries_whatever_it_holds(seed_moten):
    klient = client_for("ordforande")
    with CaptureQueriesContext(connection) as fore:
        klient.get(reverse("personlogg"))
    kansli = _user("forbundschef")
    for i in range(3):
        p = services.person_create(actor=kansli, fornamn=f"P{i}", efternamn="Q")
        services.uppdrag_create(
            actor=kansli, person=p, roll=Roll.REVISOR, startdatum=dt.date(2020, 1, 1)
        )
    insatser_services.signaturlista_anta(
        actor=kansli,
        paragraf=Paragraf.objects.get(protokoll__mote__datum=dt.date(2022, 1, 21), nummer=5),
        attestanter=list(Person.objects.filter(user__username__in=["ordforande", "forbundschef"])),
    )
    with CaptureQueriesContext(connection) as efter:
        klient.get(reverse("personlogg"))
    assert len(efter) == len(fore)


def test_a_password_set_by_link_or_changed_is_on_the_log(demo):
    """A password nobody expected to change is how a taken-over login shows: setting one
    through the e-mailed link and changing one's own are both on the log."""
    user = _user("ledamot")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    klient = client_for("anonym")
    form = klient.get(reverse("password_reset_confirm", args=[uid, token]), follow=True)
    svar = klient.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Ledamot-eget-lösen-7", "new_password2": "Ledamot-eget-lösen-7"},
    )
    assert svar.status_code == 302
    namn = user.get_full_name() or user.username
    person = str(Person.objects.get(user=user))
    assert _finns(_rader(), namn, "Person: Lösenord satt", person)
    # Changed by its owner: a second row.
    egen = client_for("ledamot")
    svar = egen.post(
        reverse("password_change"),
        {
            "old_password": "Ledamot-eget-lösen-7",
            "new_password1": "Ledamot-nytt-lösen-8",
            "new_password2": "Ledamot-nytt-lösen-8",
        },
    )
    assert svar.status_code == 302
    assert sum(1 for r in _rader() if "Lösenord satt" in r and person in r) == 2
    # A wrong old password changes nothing and logs nothing.
    fel = egen.post(
        reverse("password_change"),
        {"old_password": "fel", "new_password1": "X-y-z-12345", "new_password2": "X-y-z-12345"},
    )
    assert fel.status_code == 200
    assert sum(1 for r in _rader() if "Lösenord satt" in r and person in r) == 2
