"""Staff of insats A report a period; staff of insats B cannot see A; the kansli approves;
the board sees the figures; a grant from a protocol paragraph gets its payment plan and a
payment attested by two different people."""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from forbund.models import Person, Roll, Uppdrag
from insatser.models import Beviljning, Insats, Period

from .test_protokoll import login, logout

# Aktiva: the 15 (9 kvinnor, 6 män) carried over from 2022-01-01–2022-04-30 and the 3 new.
FIGURES = {
    "Aktiva, totalt": "18",
    "Aktiva, kvinnor": "11",
    "Aktiva, män": "7",
    "Nya, totalt": "3",
    "Nya, kvinnor": "2",
    "Nya, män": "1",
    "Sundsvalls kommun, totalt": "18",
    "Sundsvalls kommun, kvinnor": "11",
    "Sundsvalls kommun, män": "7",
    "4–6 år, totalt": "3",
}


def _staff_of_psykolog():
    user = get_user_model().objects.create_user("personal_b", password="personal-b-losen-1")
    person = Person.objects.create(fornamn="Bo", efternamn="Psykologsson", user=user)
    Uppdrag.objects.create(person=person, roll=Roll.INSATSPERSONAL, startdatum=dt.date(2022, 1, 1))
    Insats.objects.get(namn="Psykolog Arbetsmarknadstorget").personal.add(person)


def test_staff_report_board_sees_grant_paid_by_two(page, seed_live, axe_check):
    base = seed_live.url
    _staff_of_psykolog()
    sip = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")

    login(page, base, "insatspersonal")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Insatser").click()
    axe_check(page)
    expect(page.get_by_role("link", name="Psykolog Arbetsmarknadstorget")).to_have_count(0)
    page.get_by_role("link", name="SIP-samordnare Arbetsmarknadstorget").click()
    axe_check(page)
    page.get_by_role("link", name="Ny rapportperiod").click()
    page.get_by_label("Från").fill("2022-05-01")
    page.get_by_label("Till").fill("2022-08-31")
    page.get_by_role("button", name="Skapa perioden").click()
    expect(
        page.get_by_role("heading", name=re.compile("Deltagarstatistik 2022-05-01"))
    ).to_be_visible()
    axe_check(page)
    for label, value in FIGURES.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Spara och skicka in").click()
    expect(page.get_by_text("Perioden är inskickad till kansliet.")).to_be_visible()
    period = Period.objects.get(insats=sip, fran=dt.date(2022, 5, 1))
    logout(page)

    # Staff of insats B: every page of insats A is a 404.
    page.goto(f"{base}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("personal_b")
    page.get_by_label("Lösenord").fill("personal-b-losen-1")
    page.get_by_role("button", name="Logga in").click()
    a_pages = [
        f"/insatser/{sip.pk}/",
        f"/insatser/{sip.pk}/andra/",
        f"/insatser/perioder/{period.pk}/",
        f"/insatser/perioder/{period.pk}/import/",
        f"/insatser/{sip.pk}/perioder/ny/",
        f"/insatser/{sip.pk}/uppfoljningar/ny/",
        f"/insatser/uppfoljningar/{sip.uppfoljningar.first().pk}/",
        f"/insatser/beviljningar/{sip.beviljningar.first().pk}/",
    ]
    for path in a_pages:
        assert page.goto(base + path).status == 404, path
    export = page.request.get(f"{base}/insatser/export.xlsx?ar=2022")
    assert export.ok and b"SIP-samordnare" not in export.body()
    page.goto(f"{base}/")
    logout(page)

    login(page, base, "forbundschef")
    page.goto(f"{base}/insatser/perioder/{period.pk}/")
    axe_check(page)
    page.get_by_role("button", name="Godkänn perioden").click()
    expect(page.get_by_text("Perioden är godkänd och låst.")).to_be_visible()

    # A grant decided in § 162 is registered on an insats, with the seed's payment term.
    page.goto(f"{base}/protokoll/{period.insats.beviljningar.first().paragraf.protokoll_id}/")
    page.get_by_role(
        "link", name=re.compile("Registrera beslut om medel i Ansökan medel för Arbetsterapeut")
    ).click()
    axe_check(page)
    page.get_by_label("Insats").select_option(label="Rehabvägledare")
    page.get_by_label("År").fill("2022")
    page.get_by_label("Belopp (kr)").fill("120000")
    page.get_by_role("button", name="Registrera beslutet").click()
    expect(page.get_by_role("heading", name="Beviljad: 120\xa0000\xa0kr för 2022")).to_be_visible()
    page.get_by_role(
        "button", name="Hälften när avtal tecknats, resten när redovisningen godkänts"
    ).click()
    page.get_by_role("button", name="Markera som utlöst delbetalning 1").click()
    page.get_by_label("Belopp att betala ut (kr)").fill("60000")
    page.get_by_label("Delbetalning", exact=True).select_option(index=1)
    page.get_by_role("button", name="Begär utbetalning").click()
    axe_check(page)
    beviljning_url = page.url
    logout(page)

    for username, expected in (
        ("ordforande", "Attesterad av en"),
        ("ordforande", None),
        ("utvecklingsledare", "Attesterad av två"),
    ):
        login(page, base, username)
        page.goto(beviljning_url)
        if expected is None:
            # The same person again: refused, with the reason.
            expect(page.get_by_role("button", name=re.compile("^Attestera"))).to_be_visible()
            page.get_by_role("button", name=re.compile("^Attestera")).click()
            expect(
                page.get_by_text(
                    "Du har redan attesterat. En annan person måste göra den andra attesten."
                )
            ).to_be_visible()
        else:
            page.get_by_role("button", name=re.compile("^Attestera")).click()
            expect(page.get_by_role("cell", name=expected)).to_be_visible()
        logout(page)
    b = Beviljning.objects.get(insats__namn="Rehabvägledare")
    u = b.utbetalningar.get()
    assert u.status == "attesterad"
    assert {u.attest1_av.username, u.attest2_av.username} == {"ordforande", "utvecklingsledare"}

    # The board's overview shows the new period's figures; the insats shows its grant.
    login(page, base, "ledamot")
    page.goto(f"{base}/insatser/?ar=2022")
    axe_check(page)
    row = page.get_by_role("row", name=re.compile("SIP-samordnare"))
    expect(row).to_contain_text("2022-05-01–2022-08-31")
    expect(row).to_contain_text("11 / 7")
    page.goto(f"{base}/insatser/{b.insats_id}/")
    axe_check(page)
    expect(page.get_by_role("link", name=re.compile("§ 162, 2021-11-26"))).to_be_visible()
    page.goto(f"{base}/insatser/{sip.pk}/")
    expect(page.get_by_role("img", name=re.compile("Deltagare per period och kön"))).to_be_visible()
    axe_check(page)
