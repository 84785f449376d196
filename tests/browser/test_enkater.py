"""A respondent answers the exit form on a phone, with routing; the link then refuses; the
report counts the answer. Staff transcribe a paper form by keyboard alone."""

from playwright.sync_api import expect

from enkater import services
from enkater.models import Svar

from .conftest import ny_kontext
from .test_protokoll import login, logout


def test_respondent_on_a_phone_and_staff_by_keyboard(browser, demo_live, enkat, axe_check):
    base = demo_live.url
    omgang = enkat
    tokens = list(omgang.tokens.all())
    phone = ny_kontext(
        browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    page.goto(f"{base}/e/{tokens[0].kod}/")
    axe_check(page)
    expect(page.get_by_role("heading", name="Enkät deltagare – avslut")).to_be_visible()
    # Written for the web: question 1 is on the first screen, without scrolling, after at most
    # two short sentences; the paper's instructions are there only when the form is printed.
    fraga1 = page.get_by_role("radiogroup", name="1. Har du fått stöd")
    box = fraga1.bounding_box()
    assert page.evaluate("window.scrollY") == 0 and box["y"] + 60 <= 844, box
    inledning = page.locator("h1 + p")
    assert inledning.inner_text().count(".") <= 2
    expect(page.get_by_text("bifogade kuvertet")).to_be_hidden()
    expect(page.get_by_text("Kryssa i den ruta", exact=False)).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.get_by_text("Lämna tillbaka enkäten i det bifogade kuvertet.")).to_be_visible()
    page.emulate_media(media="screen")
    page.get_by_role("radiogroup", name="Om dig:").get_by_label("Kvinna").check()
    page.get_by_role("radiogroup", name="1. Har du fått stöd").get_by_label("Ofta").check()
    fraga9 = page.get_by_role("radiogroup", name="9. Finns det en tillräcklig planering")
    fraga8 = page.get_by_role("radiogroup", name="8. Har ni påbörjat en planering")
    fraga8.get_by_label("Nej").check()
    expect(fraga9).to_be_hidden()  # routing: "Nej" on 8 goes straight to 11
    fraga8.get_by_label("Ja").check()
    expect(fraga9).to_be_visible()
    fraga9.get_by_label("Delvis").check()
    page.get_by_label("11.").fill("Bra bemötande")
    axe_check(page)
    page.get_by_role("button", name="Skicka svaret").click()
    expect(page.get_by_role("heading", name="Tack för ditt svar!")).to_be_visible()
    response = page.goto(f"{base}/e/{tokens[0].kod}/")
    assert response.status == 410
    expect(page.get_by_role("heading", name="Den här länken är redan använd")).to_be_visible()
    axe_check(page)
    phone.close()
    # One answer waits in the inbox; moved as when the round closes (enkatinkorg).
    services.inkorg_toem(omgang=omgang, min_antal=1)
    assert Svar.objects.filter(omgang=omgang).count() == 1

    # Staff transcribe a paper form by keyboard alone.
    page = browser.new_page()
    login(page, base, "insatspersonal")
    page.goto(f"{base}/enkater/{omgang.pk}/registrera/")
    axe_check(page)
    # Kön, 1–7, 8 (Ja), 9–10: one key each; 11–13 are free text, left empty with Tab.
    keys = ["1", "5", "4", "6", "0", "3", "4", "5", "1", "4", "5"]
    for key in keys:
        page.keyboard.press(key)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Svaret är sparat. 2 svar i omgången.")).to_be_visible()
    svar = Svar.objects.filter(omgang=omgang, kanal="papper").get()
    got = dict(svar.varden.values_list("fraga__nummer", "varde"))
    assert got == {
        "kon": 1,
        "1": 5,
        "2": 4,
        "3": 6,
        "5": 3,
        "6": 4,
        "7": 5,
        "8": 1,
        "9": 4,
        "10": 5,
    }
    logout(page)

    login(page, base, "forbundschef")
    page.goto(f"{base}/enkater/{omgang.pk}/resultat/")
    expect(page.get_by_text("2 svar.")).to_be_visible()
    axe_check(page)


def test_shared_link_one_question_at_a_time_on_a_phone(browser, demo_live, enkat, axe_check):
    """The shared link on a phone, one question at a time by keyboard, routing applied; the
    same browser is then refused; the kansli's QR list and comparison count the answer."""
    base = demo_live.url
    from enkater import services

    omgang = services.delad_lank_create(actor=None, omgang=enkat)
    phone = ny_kontext(
        browser, viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    page.goto(f"{base}/e/alla/{omgang.delad_kod}/")
    knapp = page.get_by_role("button", name="Visa en fråga i taget")
    knapp.click()
    # Kön comes before question 1 and has no number; the progress then says each question's
    # own number, out of the highest one (13; 9–10 are shown only after "Ja" on 8).
    expect(page.locator("[data-enkat-status]")).to_have_text("Om dig")
    axe_check(page)
    # Kön has the focus: arrow keys move within the radio group, Space picks.
    page.keyboard.press("Space")
    expect(page.get_by_label("Kvinna")).to_be_checked()
    nasta = page.get_by_role("button", name="Nästa fråga")
    nasta.click()
    expect(page.locator("[data-enkat-status]")).to_have_text("Fråga 1 av 13")
    fraga1 = page.get_by_role("radiogroup", name="1. Har du fått stöd")
    expect(fraga1).to_be_visible()
    expect(page.get_by_role("radiogroup", name="Om dig:")).to_be_hidden()
    page.keyboard.press("ArrowRight")  # the focus is on question 1: the next step
    page.keyboard.press("ArrowRight")
    for _ in range(7):
        nasta.click()
    fraga8 = page.get_by_role("radiogroup", name="8. Har ni påbörjat en planering")
    expect(fraga8).to_be_visible()
    expect(page.locator("[data-enkat-status]")).to_have_text("Fråga 8 av 13")
    fraga8.get_by_label("Ja").check()
    expect(page.locator("[data-enkat-status]")).to_have_text("Fråga 8 av 13")
    nasta.click()
    expect(
        page.get_by_role("radiogroup", name="9. Finns det en tillräcklig planering")
    ).to_be_visible()
    expect(page.locator("[data-enkat-status]")).to_have_text("Fråga 9 av 13")
    page.get_by_role("button", name="Föregående fråga").click()
    fraga8.get_by_label("Nej").check()
    nasta.click()
    expect(page.get_by_label("11.")).to_be_visible()  # "Nej" goes straight to 11
    expect(page.locator("[data-enkat-status]")).to_have_text("Fråga 11 av 13")
    page.get_by_label("11.").fill("Tydlig plan")
    axe_check(page)
    page.get_by_role("button", name="Skicka svaret").click()
    expect(page.get_by_role("heading", name="Tack för ditt svar!")).to_be_visible()
    response = page.goto(f"{base}/e/alla/{omgang.delad_kod}/")
    assert response.status == 410
    expect(page.get_by_role("heading", name="Du har redan svarat på enkäten")).to_be_visible()
    axe_check(page)
    phone.close()
    services.inkorg_toem(omgang=omgang, min_antal=1)
    svar = Svar.objects.get(omgang=omgang)
    got = dict(svar.varden.values_list("fraga__nummer", "varde"))
    assert got == {"kon": 1, "1": 3, "8": 2, "11": None}

    # The kansli: the QR list with the shared link, and the round's report counts the answer.
    page = browser.new_page()
    login(page, base, "forbundschef")
    page.goto(f"{base}/enkater/{omgang.pk}/lankar/")
    expect(page.get_by_role("img", name="QR-kod till den delade länken")).to_be_visible()
    axe_check(page)
    page.goto(f"{base}/enkater/{omgang.pk}/resultat/")
    expect(page.get_by_text("1 svar.")).to_be_visible()
    axe_check(page)
    # Every other page of the enkäter passes the axe check too.
    for path in [
        f"/enkater/{omgang.pk}/",
        f"/enkater/{omgang.pk}/import/",
        "/enkater/",
        "/enkater/formular/",
        f"/enkater/formular/{omgang.formular_id}/",
        "/enkater/jamfor/deltagare_pagaende/?dela=insats&kon=1",
        "/enkater/sjalvskattning/sjalvskattning-deltagare/?dela=forsorjning",
    ]:
        page.goto(f"{base}{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        axe_check(page)
