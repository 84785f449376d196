"""Issue 13, as the ordförande meets it on a fresh demo: the start page shows the next meeting
with its handlingar and a calendar link; Ekonomi opens on the year being followed up, with
utfall and the monthly chart; one insats's beviljat and utbetalt are the same on the
dashboard, its own page and the budgetuppföljning; the budget page has summa intäkter and
summa kostnader apart. Every page passes axe."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from devtools import demo_aren

from .test_protokoll import login

INSATS = "SIP-samordnare Arbetsmarknadstorget"


def _tal(text: str) -> int:
    return int(re.sub(r"[^\d−-]", "", text).replace("−", "-"))


def test_the_board_member_sees_the_present(page, demo_live, hela_demot, axe_check):
    """On everything `make run` loads (hela_demot), served live."""
    base = demo_live.url
    idag = timezone.localdate()
    kommande = demo_aren.kommande_motet(idag)
    ar = demo_aren.utfallsar(idag)

    login(page, base, "ordforande")
    axe_check(page)
    nasta = page.get_by_role("region", name="Nästa sammanträde")
    expect(nasta.get_by_role("link", name=f"Styrelsen {kommande:%Y-%m-%d}")).to_be_visible()
    expect(nasta.get_by_role("link", name="kallelse med dagordning (PDF)")).to_be_visible()
    handlingar = nasta.get_by_role("link", name=re.compile(r"^Bilaga \d+: "))
    assert handlingar.count() >= 2
    svar = page.request.get(base + handlingar.first.get_attribute("href"))
    assert svar.status == 200 and svar.body().startswith(b"%PDF")
    expect(page.get_by_role("region", name="Inför beslut")).to_contain_text(
        "Sociala företag i Sundsvall – förstudie"
    )
    kalender = page.get_by_role("region", name="Din kalender")
    kalender.get_by_role("button", name="Skapa min kalenderlänk").click()
    lank = page.get_by_role("link", name="Öppna kalendern (.ics)")
    expect(lank).to_be_visible()
    axe_check(page)
    feed = page.request.get(base + lank.get_attribute("href"))
    assert feed.status == 200 and b"BEGIN:VEVENT" in feed.body()
    assert f"DTSTART:{kommande:%Y%m%d}T".encode() in feed.body()

    # Ekonomi opens on the year being followed up, with utfall and the monthly chart.
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Ekonomi").click()
    expect(page.get_by_role("heading", name=f"Ekonomi {ar}", level=1)).to_be_visible()
    expect(
        page.get_by_role("img", name=f"Kostnader hittills {ar} mot budgetens takt, tkr")
    ).to_be_visible()
    hittills = page.locator("#kostnader-utfall").inner_text()
    assert _tal(hittills) > 0
    axe_check(page)
    rad = page.locator("#insatstabell tr", has_text=INSATS)
    beviljat, utbetalt = (
        rad.locator("td").nth(0).inner_text(),
        rad.locator("td").nth(1).inner_text(),
    )
    assert _tal(beviljat) > 0 and _tal(utbetalt) > 0

    # The same on the insats's own page ...
    rad.get_by_role("link", name=INSATS).click()
    expect(page.get_by_role("heading", name=INSATS, level=1)).to_be_visible()
    summa = page.locator(f'tr[data-ar="{ar}"]')
    assert _tal(summa.locator("td").nth(1).inner_text()) == _tal(beviljat)
    assert _tal(summa.locator("td").nth(2).inner_text()) == _tal(utbetalt)
    axe_check(page)

    # ... and in the budgetuppföljning.
    page.goto(f"{base}/ekonomi/?ar={ar}")
    page.get_by_role("link", name="Detaljerad budgetuppföljning (tkr)").click()
    rad = page.locator("#insatstabell tr", has_text=INSATS)
    assert _tal(rad.locator("td").nth(0).inner_text()) == _tal(beviljat)
    assert _tal(rad.locator("td").nth(1).inner_text()) == _tal(utbetalt)
    axe_check(page)

    # The budget: the tree, summa intäkter and summa kostnader apart, and the resultat.
    page.goto(f"{base}/ekonomi/?ar={ar}")
    page.get_by_role("link", name="Budget", exact=True).click()
    intakter = page.locator("#summa-intakter")
    kostnader = page.locator("#summa-kostnader")
    expect(intakter).to_contain_text("Summa intäkter")
    expect(kostnader).to_contain_text("Summa kostnader")
    i = _tal(intakter.locator("td").first.inner_text())
    k = _tal(kostnader.locator("td").first.inner_text())
    assert i > 0 and k > 0
    assert _tal(page.locator("#resultat td").first.inner_text()) == i - k
    for grupp in ("Intäkter", "Styrelsen", "Administration", "Insatser"):
        expect(page.locator("#budgettabell th[scope=rowgroup]", has_text=grupp)).to_have_count(1)
    axe_check(page)
