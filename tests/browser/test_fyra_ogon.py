"""Four eyes on who can act (issue 18, "Done when"): the kansli adds a vice ordförande with a
login; before a second person confirms, that login cannot sign in, so it can neither attest
nor justera; the ordförande confirms, and then it can attest and justera; the ordförande's
log shows both steps."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from forbund.models import Organ, Person
from insatser import services as insatser_services
from insatser.models import Beviljning, Utbetalning
from moten import services as moten_services
from moten.kontroller import KontrollFel
from moten.models import Paragraf

from .test_protokoll import login, logout

LOSEN = "Veras-eget-losen-2026"


def _anvandare(namn):
    return get_user_model().objects.get(username=namn)


def _logga_in_vera(page, base):
    page.goto(f"{base}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("vera.vice")
    page.get_by_label("Lösenord").fill(LOSEN)
    page.get_by_role("button", name="Logga in").click()


def _mote_dar_vera_satt():
    """A styrelse meeting where Vera sat and was chosen to justera with the ordförande."""
    mote = moten_services.mote_create(
        actor=None,
        organ=Organ.objects.get(typ="styrelse"),
        datum=dt.date(2022, 3, 18),
        plats="Rum 5",
    )
    moten_services.narvaro_save(
        actor=None,
        protokoll=mote.protokoll,
        rader=[
            moten_services.NarvaroRad(kategori="ordinarie", namn=p.namn, person=p)
            for p in Person.objects.filter(efternamn__in=["Ödmark", "Vice", "Skönvik"])
        ],
    )
    moten_services.paragraf_create(
        actor=None,
        protokoll=mote.protokoll,
        rubrik="Val av justerare",
        standard="justerare",
        beslut=["utse Vera Vice att jämte ordföranden justera dagens protokoll."],
    )
    moten_services.paragraf_create(
        actor=None, protokoll=mote.protokoll, rubrik="Information", text="Kansliet informerar."
    )
    return mote.protokoll


def _numrera_med_vera(protokoll):
    moten_services.protokoll_numrera(
        actor=None,
        protokoll=protokoll,
        ordforande=Person.objects.get(user__username="ordforande"),
        justerare=[Person.objects.get(fornamn="Vera", efternamn="Vice")],
        base_url="http://testserver/",
    )


def test_a_new_vice_ordforande_acts_only_after_a_second_person(page, seed_live, axe_check):
    base = seed_live.url
    # A payment with one attest (the ordförande), waiting for a second.
    beviljning = Beviljning.objects.get(insats__namn="SIP-samordnare Arbetsmarknadstorget", ar=2022)
    delbetalning = beviljning.betalplan.get(ordning=1)
    insatser_services.delbetalning_utlos(actor=None, delbetalning=delbetalning)
    utbetalning = insatser_services.utbetalning_begar(
        actor=_anvandare("forbundschef"),
        beviljning=beviljning,
        belopp=1_000,
        delbetalning=delbetalning,
    )
    insatser_services.utbetalning_attestera(actor=_anvandare("ordforande"), utbetalning=utbetalning)

    # The kansli adds Vera Vice, vice ordförande, with a login.
    login(page, base, "forbundschef")
    page.goto(f"{base}/personer/ny/")
    page.get_by_label("Förnamn").fill("Vera")
    page.get_by_label("Efternamn").fill("Vice")
    page.get_by_label("E-post").fill("vera.vice@example.org")
    page.get_by_role("button", name=re.compile("Spara")).click()
    vera = Person.objects.get(fornamn="Vera", efternamn="Vice")
    page.goto(f"{base}/personer/{vera.pk}/uppdrag/ny/")
    page.get_by_label("Roll").select_option(label="Vice ordförande")
    page.get_by_label("Organ").select_option(label="Styrelsen")
    page.get_by_label("Från").fill("2022-01-01")
    page.get_by_role("button", name=re.compile("Spara")).click()
    page.goto(f"{base}/personer/{vera.pk}/inloggning/")
    page.get_by_label("Användarnamn").fill("vera.vice")
    page.get_by_role("button", name=re.compile("Skapa")).click()
    expect(page.get_by_text(re.compile("gäller först när en annan person"))).to_be_visible()
    # The kansli cannot confirm its own change.
    page.goto(f"{base}/personer/bekrafta/")
    page.get_by_role("button", name=re.compile("Bekräfta ny inloggning")).click()
    expect(page.get_by_role("alert")).to_contain_text("en annan person måste")
    logout(page)
    assert mail.outbox == []

    # The styrelse's signaturlista names her (a decision in § 5 of 2022-01-21).
    insatser_services.signaturlista_anta(
        actor=_anvandare("forbundschef"),
        paragraf=Paragraf.objects.get(protokoll__mote__datum=dt.date(2022, 1, 21), nummer=5),
        attestanter=[vera, Person.objects.get(user__username="ordforande")],
    )
    # Even with a password, the unconfirmed login cannot sign in: no attest, no justering.
    user = _anvandare("vera.vice")
    user.set_password(LOSEN)
    user.save()
    _logga_in_vera(page, base)
    expect(page.get_by_role("heading", name="Översikt", level=1)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/konto/logga-in/"))
    # Nor can she be named justerare of the meeting where she sat.
    protokoll = _mote_dar_vera_satt()
    with pytest.raises(KontrollFel, match="Vera Vice .* har ingen inloggning"):
        _numrera_med_vera(protokoll)

    # The ordförande confirms both: the login and the uppdrag.
    login(page, base, "ordforande")
    page.goto(f"{base}/personer/bekrafta/")
    axe_check(page)
    page.get_by_role("button", name=re.compile("Bekräfta ny inloggning")).click()
    expect(page.get_by_text(re.compile("Bekräftat: Ny inloggning"))).to_be_visible()
    page.get_by_role("button", name=re.compile("Bekräfta nytt uppdrag")).click()
    expect(page.get_by_text("Inget väntar på bekräftelse.")).to_be_visible()
    page.goto(f"{base}/personer/logg/")
    axe_check(page)
    for steg in ("Väntar på bekräftelse", "Bekräftad"):
        expect(
            page.get_by_role("row")
            .filter(has=page.get_by_role("cell", name=steg, exact=True))
            .filter(has_text="Vera Vice")
        ).to_have_count(2)
    logout(page)
    assert [m.to for m in mail.outbox] == [["vera.vice@example.org"]]

    # Now she signs in and gives the second attest.
    _logga_in_vera(page, base)
    expect(page.get_by_role("heading", name="Översikt", level=1)).to_be_visible()
    page.goto(f"{base}/insatser/beviljningar/{beviljning.pk}/")
    page.get_by_role("button", name=re.compile("^Attestera")).click()
    expect(page.get_by_role("cell", name="Attesterad av två")).to_be_visible()
    utbetalning = Utbetalning.objects.get(pk=utbetalning.pk)
    assert utbetalning.attest2_av.username == "vera.vice"

    # And now she can be named justerare, and she justerar.
    _numrera_med_vera(protokoll)
    page.goto(f"{base}/protokoll/{protokoll.pk}/justera/")
    page.get_by_label("Ditt lösenord").fill(LOSEN)
    page.get_by_role("button", name="Justera protokollet").click()
    expect(page.locator(".alert-success")).to_contain_text("väntar på övriga justerare")
    assert protokoll.justeringar.get(person=vera).justerad is not None
    assert not protokoll.justeringar.filter(person=vera, justerad__isnull=True).exists()
