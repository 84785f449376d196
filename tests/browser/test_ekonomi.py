"""The förbundschef uploads a SIE4 file, checks the preview, confirms it (adopting one
account name), maps a new account, and the dashboard and report show the new utfall; the same
file again changes nothing; a broken file is refused with its line number and changes
nothing. The file is for 2020, a year the demo has no books for (its own run from 2021)."""

import datetime as dt
import re

from playwright.sync_api import expect

from ekonomi.models import Transaktion

from ..ekonomi.conftest import sie4
from .test_protokoll import login

D = dt.date


def test_sie_upload_mapping_and_refusal(page, demo_live, axe_check, tmp_path):
    base = demo_live.url
    good = tmp_path / "utfall-2020-03.se"
    good.write_bytes(
        sie4(
            [
                (6550, D(2020, 2, 10), 120_000, "Konsultfaktura"),
                (7010, D(2020, 3, 20), 22_500, "Arvoden"),
                (6992, D(2020, 3, 25), 8_000, "Lokalhyra konferens"),
            ],
            ar=2020,
            konton={6992: "Lokalhyra tillfällig"},
        )
    )
    broken = tmp_path / "trasig.se"
    broken.write_bytes(
        good.read_bytes().replace(b"#TRANS 7010 {} 22500.00", b"#TRANS 7010 {} 22 500")
    )

    login(page, base, "forbundschef")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Ekonomi").click()
    axe_check(page)
    page.get_by_role("link", name="Importera utfall").click()
    axe_check(page)
    page.get_by_label("År").fill("2020")
    page.get_by_label("Fil (SIE, CSV eller Excel)").set_input_files(str(broken))
    page.get_by_role("button", name="Kontrollera filen").click()
    expect(page.get_by_text("Inget importerades")).to_be_visible()
    nr = next(
        i for i, line in enumerate(broken.read_bytes().split(b"\r\n"), 1) if b"22 500" in line
    )
    # "22 500": the amount is 22, and 500 stands where the transaction date goes.
    expect(
        page.get_by_text(
            f"Rad {nr}: #TRANS: transaktionsdatumet 500 är inte ett datum; väntat ÅÅÅÅMMDD."
        )
    ).to_be_visible()
    assert not Transaktion.objects.filter(utfallsimport__ar=2020).exists()
    axe_check(page)

    # A good file: the preview first, nothing stored until it is confirmed.
    page.get_by_label("År").fill("2020")
    page.get_by_label("Fil (SIE, CSV eller Excel)").set_input_files(str(good))
    page.get_by_role("button", name="Kontrollera filen").click()
    expect(page.get_by_role("heading", name="Kontrollera importen")).to_be_visible()
    expect(page.get_by_text("2020-03-31", exact=True)).to_be_visible()
    axe_check(page)
    assert not Transaktion.objects.filter(utfallsimport__ar=2020).exists()
    # The preview fits a 320 px screen without sideways scrolling.
    page.set_viewport_size({"width": 320, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Ta över filens namn för konto 6992").check()
    page.get_by_role("button", name="Importera").click()
    expect(
        page.get_by_text("3 rader på resultatkonton importerade ur #TRANS (utfall per 2020-03-31)")
    ).to_be_visible()
    expect(page.get_by_text("6992: nytt konto → ”Lokalhyra tillfällig”")).to_be_visible()
    expect(page.get_by_text("Konton utan budgetpost: 6992")).to_be_visible()
    page.get_by_role("link", name="Koppla dem till en budgetpost").click()
    axe_check(page)
    page.get_by_label("Budgetpost för konto 6992").select_option(label="Insatser: Lokalkostnader")
    page.get_by_role("button", name="Koppla konto 6992").click()
    expect(page.get_by_text("Konto 6992 hör nu till Lokalkostnader.")).to_be_visible()

    # The same file again changes nothing.
    page.goto(f"{base}/ekonomi/import/")
    page.get_by_label("År").fill("2020")
    page.get_by_label("Fil (SIE, CSV eller Excel)").set_input_files(str(good))
    page.get_by_role("button", name="Kontrollera filen").click()
    expect(page.get_by_text("Den här filen är redan importerad")).to_be_visible()
    page.get_by_role("button", name="Importera").click()
    expect(page.get_by_text("Filen är redan importerad. Inget utfall ändrades.")).to_be_visible()
    assert Transaktion.objects.filter(utfallsimport__ar=2020).count() == 3

    page.goto(f"{base}/ekonomi/?ar=2020")
    axe_check(page)
    expect(page.get_by_role("img", name=re.compile("Kostnader hittills 2020"))).to_be_visible()
    kostnader = page.locator("dt", has_text="Kostnader hittills").locator(
        "xpath=following-sibling::dd[1]"
    )
    expect(kostnader).to_have_text("150\xa0500")
    page.get_by_role("link", name="Detaljerad budgetuppföljning (tkr)").click()
    axe_check(page)
    expect(page.get_by_role("row", name=re.compile("^Lokalkostnader"))).to_contain_text("8")
    expect(page.get_by_role("row", name=re.compile("^Konsulter"))).to_contain_text("120")
    page.get_by_role("link", name="Konsulter").click()
    axe_check(page)
    expect(page.get_by_role("cell", name="Konsultfaktura")).to_be_visible()
