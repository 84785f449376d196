"""Rapporter in the browser: the förbundschef writes a section of the demo's årsredovisning
and sees it saved, registers an event; axe-core checks every new page."""

import re

from playwright.sync_api import expect

from .test_roles import login


def test_forbundschef_edits_a_section_and_every_report_page_is_accessible(
    page, seed_live, axe_check
):
    base = seed_live.url
    login(page, base, "forbundschef")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Rapporter").click()
    expect(page.get_by_role("heading", name="Rapporter", level=1)).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Årsredovisning 2021").click()
    expect(page.get_by_role("heading", name="Årsredovisning 2021", level=1)).to_be_visible()
    expect(page.locator("#ekonomitabell")).to_contain_text("7 378 000")
    axe_check(page)

    page.get_by_role("link", name="Redigera texten i Planerade aktiviteter 2022").click()
    expect(page.get_by_role("heading", name="Planerade aktiviteter 2022", level=1)).to_be_visible()
    axe_check(page)
    text = page.get_by_label("Text i avsnittet")
    text.fill("Nätverksdag om lösningsfokus i oktober.\n\n- Indikatorenkäter under hösten")
    page.get_by_role("button", name="Spara avsnittet").click()
    expect(page).to_have_url(re.compile(r"/rapporter/verksamhet/\d+/#avsnitt-planerat$"))
    expect(page.get_by_role("alert").or_(page.locator(".alert-success")).first).to_contain_text(
        "är sparat"
    )
    avsnitt = page.locator("#avsnitt-planerat")
    expect(avsnitt).to_contain_text("Nätverksdag om lösningsfokus i oktober.")
    expect(avsnitt.get_by_role("listitem").first).to_have_text("Indikatorenkäter under hösten")
    page.reload()
    expect(avsnitt).to_contain_text("Nätverksdag om lösningsfokus i oktober.")
    axe_check(page)

    # A new report: the form, and its 422 page when the dates are wrong.
    page.goto(f"{base}/rapporter/verksamhet/ny/")
    axe_check(page)
    page.get_by_label("Från").fill("2022-05-01")
    page.get_by_label("Till").fill("2022-04-30")
    page.get_by_role("button", name="Skapa rapporten").click()
    expect(
        page.get_by_text("Periodens slut kan inte ligga före dess början.", exact=True)
    ).to_be_visible()
    expect(page.locator("#formfel")).to_be_focused()
    expect(page.locator("#formfel").get_by_role("link")).to_have_text(
        "Till: Periodens slut kan inte ligga före dess början."
    )
    axe_check(page)

    # Arrangemang: the list, a new event with its participants, its page.
    page.goto(f"{base}/rapporter/arrangemang/?ar=2021")
    expect(page.locator("#arrangemang")).to_contain_text("Psykeveckan 2021")
    axe_check(page)
    page.get_by_role("link", name="Registrera arrangemang").click()
    axe_check(page)
    page.get_by_label("Namn").fill("Nätverksdag mindfulness och lösningsfokus")
    page.get_by_label("Slag").select_option("natverksdag")
    page.get_by_label("Förbundets roll").select_option("egen")
    page.locator("#id_startdatum").fill("2021-12-07")
    page.get_by_label("Arrangör").fill("Samordningsförbundet Sundsvall")
    page.get_by_label("Organisation, rad 1").fill("Sundsvalls kommun")
    page.get_by_label("Kvinnor, rad 1").fill("-1")
    page.get_by_role("button", name="Spara arrangemanget").click()
    expect(page.get_by_text("Antal kan inte vara negativt.", exact=True)).to_be_visible()
    expect(page.locator("#formfel").get_by_role("link")).to_have_text(
        "Kvinnor, rad 1: Antal kan inte vara negativt."
    )
    expect(page.get_by_label("Kvinnor, rad 1")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Organisation, rad 1")).to_have_value("Sundsvalls kommun")
    axe_check(page)
    page.get_by_label("Kvinnor, rad 1").fill("12")
    page.get_by_label("Män, rad 1").fill("5")
    page.get_by_role("button", name="Spara arrangemanget").click()
    expect(
        page.get_by_role("heading", name="Nätverksdag mindfulness och lösningsfokus", level=1)
    ).to_be_visible()
    expect(page.get_by_role("table", name="Deltagare per organisation")).to_contain_text("17")
    axe_check(page)
    page.get_by_role("link", name="Ändra arrangemanget och deltagarna").click()
    axe_check(page)
    page.screenshot(path="/tmp/rapporter-arrangemang-form.png", full_page=True)
