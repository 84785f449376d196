"""Insats staff enter a period's statistics in one go (#17): the rules are written beside
the tables with the numbers they must reach and recounted as they type; two wrong sums are
both in the error summary at once with both fields marked; staff correct them with the
keyboard alone and send the period in. The form fits a 320 px screen."""

import datetime as dt

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from insatser import services
from insatser.models import Insats, Period

from .test_protokoll import login

SUMMERING = "#formfel"


def _falt(page, label):
    return page.get_by_label(label, exact=True)


def test_two_wrong_sums_shown_at_once_and_corrected_by_keyboard(page, seed_live, axe_check):
    base = seed_live.url
    sip = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")
    staff = get_user_model().objects.get(username="insatspersonal")
    period = services.period_create(
        actor=staff, insats=sip, fran=dt.date(2022, 5, 1), till=dt.date(2022, 8, 31)
    )
    login(page, base, "insatspersonal")

    # On a phone the form is one block per category, and the page does not scroll sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{base}/insatser/perioder/{period.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 800})
    axe_check(page)

    # Carried over from the approved period before: 18 aktiva − 3 avslutade.
    expect(_falt(page, "Aktiva, totalt")).to_have_value("15")
    for label, value in {
        "Aktiva, totalt": "20",
        "Aktiva, kvinnor": "12",
        "Aktiva, män": "7",  # one person has not stated kön
        "Nya, totalt": "5",
        "Nya, kvinnor": "3",
        "Nya, män": "2",
        "Sundsvalls kommun, kvinnor": "12",
        "Sundsvalls kommun, män": "7",
    }.items():
        _falt(page, label).fill(value)
    # The rules say what the tables must reach and count down as one types.
    kommunregel = page.locator("li[data-regel]", has_text="som aktiva deltagare").first
    expect(kommunregel).to_contain_text("Totalt ska bli 20, som aktiva deltagare.")
    _falt(page, "Sundsvalls kommun, totalt").fill("19")  # wrong: 20 aktiva
    expect(kommunregel).to_contain_text("Kvar att fördela: 1.")
    tidregel = page.locator("li[data-regel]", has_text="utom de med ingen offentlig")
    expect(tidregel).to_contain_text("Totalt ska bli 5,")
    _falt(page, "1–3 år, totalt").fill("4")  # wrong: 5 nya
    expect(tidregel).to_contain_text("Kvar att fördela: 1.")

    page.get_by_role("button", name="Spara och skicka in").click()
    summering = page.locator(SUMMERING)
    expect(summering).to_be_focused()
    expect(summering).to_contain_text("Utkastet är sparat men inte inskickat")
    lankar = summering.get_by_role("link")
    expect(lankar).to_have_count(2)
    expect(lankar.nth(0)).to_have_text(
        "Deltagare per kommun (totalt) summerar till 19, men aktiva deltagare är 20."
    )
    expect(lankar.nth(1)).to_contain_text("Tid i offentlig försörjning summerar till 4")
    for label in ("Sundsvalls kommun, totalt", "1–3 år, totalt"):
        expect(_falt(page, label)).to_have_attribute("aria-invalid", "true")
    expect(_falt(page, "Sundsvalls kommun, totalt")).to_have_accessible_description(
        "Totalt ska bli 20, som aktiva deltagare. Kvar att fördela: 1. "
        "Deltagare per kommun (totalt) summerar till 19, men aktiva deltagare är 20.",
    )
    expect(_falt(page, "Aktiva, totalt")).not_to_have_attribute("aria-invalid", "true")
    axe_check(page)
    assert Period.objects.get(pk=period.pk).status == "utkast"

    # Keyboard only: from the summary to each field by its link, type, and send in.
    page.keyboard.press("Tab")
    expect(lankar.nth(0)).to_be_focused()
    page.keyboard.press("Enter")
    expect(_falt(page, "Sundsvalls kommun, totalt")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    expect(page.locator("li[data-regel]", has_text="som aktiva deltagare").first).to_contain_text(
        "Stämmer."
    )
    for _ in range(30):
        if page.evaluate("document.activeElement.textContent").startswith("Tid i offentlig"):
            break
        page.keyboard.press("Shift+Tab")
    expect(lankar.nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    expect(_falt(page, "1–3 år, totalt")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    for _ in range(200):
        if page.evaluate("document.activeElement.textContent") == "Spara och skicka in":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Perioden är inskickad till kansliet.")).to_be_visible()
    period.refresh_from_db()
    assert period.status == "inskickad"
    rader = {(r.tabell, r.kategori): r.totalt for r in period.rader.all()}
    assert rader[("kommun", "Sundsvalls kommun")] == 20 and rader[("tid", "1–3 år")] == 5
