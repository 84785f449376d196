"""The ordförande opens the behovsanalys, changes the filter (kept in the URL, the content
swapped in place) and reads a rate that matches the stored rows; the förbundschef's upload
page refuses a broken file with its line number. axe-core on every state."""

import re

from playwright.sync_api import expect

from behovsanalys.models import Befolkning, Helarsekvivalent
from devtools import demo_behovsanalys as behov_demo

from .test_protokoll import login


def _per_1000(kon: str, ersattning: str, ar: int) -> str:
    he = Helarsekvivalent.objects.get(region__kod="2281", kon=kon, ar=ar, ersattning=ersattning)
    bef = Befolkning.objects.get(region__kod="2281", kon=kon, ar=ar)
    return f"{he.varde / bef.antal * 1000:.1f}".replace(".", ",")


def test_filter_chart_and_upload(page, demo_live, axe_check, tmp_path):
    base = demo_live.url
    assert behov_demo.load() is True
    login(page, base, "ordforande")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Rapporter").click()
    page.get_by_role("link", name="Utanförskap per kommun och kön").click()
    expect(page.get_by_role("heading", name="Behovsanalys: utanförskap per kommun")).to_be_visible()
    expect(page.get_by_role("heading", name="Nivå 2023: alla ersättningar")).to_be_visible()
    axe_check(page)

    page.get_by_label("Ersättning", exact=True).select_option(label="Ekonomiskt bistånd")
    page.get_by_label("Från år", exact=True).select_option("2019")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_role("heading", name="Nivå 2023: ekonomiskt bistånd")).to_be_visible()
    expect(page).to_have_url(re.compile(r"ersattning=ekonomiskt_bistand.*fran=2019"))
    expect(
        page.get_by_role("img", name=re.compile("Kvinnor och män: helårsekvivalenter"))
    ).to_be_visible()
    rad = page.get_by_role("row", name=re.compile(r"^Sundsvall\b")).first
    expect(rad).to_contain_text(_per_1000("kvinnor", "ekonomiskt_bistand", 2023))
    expect(rad).to_contain_text(_per_1000("man", "ekonomiskt_bistand", 2023))
    axe_check(page)

    # The URL holds the state: a reload shows the same selection.
    page.reload()
    expect(page.get_by_label("Ersättning", exact=True)).to_have_value("ekonomiskt_bistand")
    expect(page.get_by_label("Från år", exact=True)).to_have_value("2019")

    page.get_by_role("button", name="Logga ut").click()
    login(page, base, "forbundschef")
    page.goto(f"{base}/behovsanalys/import/")
    axe_check(page)
    trasig = tmp_path / "trasig.csv"
    trasig.write_bytes(
        b"ar;regionkod;region;kon;ersattning;helarsekvivalenter;befolkning_20_64\r\n"
        b"2024;2281;Sundsvall;kvinnor;sjukpenning;tolv;28000\r\n"
    )
    antal = Helarsekvivalent.objects.count()
    page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(trasig))
    page.get_by_role("button", name="Importera").click()
    expect(page.get_by_text("Rad 2: helårsekvivalenter ”tolv” är inte ett tal.")).to_be_visible()
    assert Helarsekvivalent.objects.count() == antal
    axe_check(page)
