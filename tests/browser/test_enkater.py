"""A respondent answers the exit form on a phone, with routing; the link then refuses; the
report counts the answer. Staff transcribe a paper form by keyboard alone."""

from playwright.sync_api import expect

from enkater.models import Svar

from .test_protokoll import login, logout


def test_respondent_on_a_phone_and_staff_by_keyboard(browser, demo_live, axe_check):
    base = demo_live.url
    from ..conftest import bygg_enkat

    omgang = bygg_enkat()
    tokens = list(omgang.tokens.all())
    phone = browser.new_context(
        viewport={"width": 375, "height": 812}, locale="sv-SE", is_mobile=True, has_touch=True
    )
    page = phone.new_page()
    page.goto(f"{base}/e/{tokens[0].kod}/")
    axe_check(page)
    expect(page.get_by_role("heading", name="Enkät deltagare")).to_be_visible()
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
