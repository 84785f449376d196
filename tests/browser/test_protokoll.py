"""The förbundschef drafts the next protocol in the browser, the ordförande and the
justerare approve it, and the anslag and PDF appear on the public anslagstavla."""

import datetime as dt
import io
import re
from pathlib import Path

import pypdf
from playwright.sync_api import expect

from devtools.demo import DEMO_PASSWORD


def login(page, base, username):
    page.goto(f"{base}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Översikt", level=1)).to_be_visible()


def logout(page):
    page.get_by_role("button", name="Logga ut").click()
    expect(page).to_have_url(re.compile(r"/konto/logga-in/"))


PARAGRAFER = [
    (
        "Ansökan om medel för arbetsterapeut 2023",
        "bevilja 700 000 kr till arbetsterapeut för 2023",
        True,
    ),
    ("Budgetuppföljning februari", "lägga budgetuppföljningen till handlingarna", False),
    ("Information om BIP", "tacka för informationen", False),
]


def test_protocol_from_draft_to_public_anslag(page, seed_live, axe_check):
    base = seed_live.url
    login(page, base, "forbundschef")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Möten").click()
    axe_check(page)
    page.get_by_role("link", name="Nytt möte").click()
    page.get_by_label("Organ").select_option(label="Styrelsen")
    page.get_by_label("Sammanträdesdatum").fill("2022-02-25")
    page.get_by_label("Starttid").fill("13:00")
    page.get_by_label("Plats").fill("Rum 654, kommunhuset, Sundsvall. Plus teams")
    axe_check(page)
    page.get_by_role("button", name="Spara mötet").click()
    expect(page.get_by_role("heading", name="Styrelsen 2022-02-25")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Sammanträdesprotokoll").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sammanträdesprotokoll")
    page.get_by_role("link", name="Registrera närvaro").click()
    axe_check(page)
    page.get_by_role("button", name="Spara närvaron").click()
    expect(page.get_by_text("Närvaron är sparad.")).to_be_visible()

    # Three paragraphs written in place with htmx: the page itself is never reloaded.
    page.evaluate("window.__sammaSida = true")
    for rubrik, att, jav in PARAGRAFER:
        page.get_by_role("link", name="Ny paragraf").click()
        form = page.locator("form.ny-paragraf").last
        expect(form).to_be_visible()
        form.get_by_label("Rubrik").fill(rubrik)
        form.get_by_label("Text").fill(f"Underlag för {rubrik.lower()}.")
        form.get_by_label("Beslut: en att-sats per stycke").fill(att)
        if jav:
            form.get_by_role("group", name="Deltog inte i beslutet (jäv)").get_by_label(
                "Johan Bergvik"
            ).check()
            axe_check(page)
        form.get_by_label("Beslut: en att-sats per stycke").press("Control+Enter")
        expect(page.get_by_role("heading", name=re.compile(re.escape(rubrik)))).to_be_visible()
    assert page.evaluate("window.__sammaSida") is True
    expect(page.get_by_text("Johan Bergvik deltog inte i beslutet.")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Numrera och skicka för justering").click()
    page.get_by_label("Ordförande").select_option(label="Karin Ödmark")
    page.get_by_label("Fredrika Alnö").check()
    axe_check(page)
    page.get_by_role("button", name="Numrera och skicka för justering").click()
    # The January protocol ended at § 15: this meeting's first paragraph is § 16.
    expect(page.get_by_role("heading", name=f"§ 16 {PARAGRAFER[0][0]}")).to_be_visible()
    expect(page.get_by_role("heading", name=f"§ 18 {PARAGRAFER[2][0]}")).to_be_visible()
    logout(page)

    for username in ("ordforande", "ledamot"):
        login(page, base, username)
        page.get_by_role("link", name="Styrelsen 2022-02-25").click()
        axe_check(page)
        page.get_by_label("Ditt lösenord").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Justera protokollet").click()
        expect(page.locator(".alert-success")).to_be_visible()
        logout(page)

    login(page, base, "forbundschef")
    page.goto(f"{base}/moten/")
    page.get_by_role("link", name="2022-02-25").click()
    page.get_by_role("link", name="Sammanträdesprotokoll").click()
    expect(page.get_by_text("Protokollet är låst.")).to_be_visible()
    page.get_by_role("link", name="Sätt upp anslag").click()
    axe_check(page)
    # The portal proposes the day after justering; the kansli puts it up at once, the same day
    # (a notice dated tomorrow would only show on the anslagstavla from tomorrow).
    justerat = re.search(r"Protokollet justerades (\d{4}-\d{2}-\d{2})", page.content()).group(1)
    proposed = page.get_by_label("Anslagsdatum").input_value()
    assert proposed == (dt.date.fromisoformat(justerat) + dt.timedelta(days=1)).isoformat()
    anslagsdatum = justerat
    page.get_by_label("Anslagsdatum").fill(anslagsdatum)
    page.get_by_role("button", name="Sätt upp anslaget").click()
    ned = re.search(r"tas ned tidigast (\d{4}-\d{2}-\d{2})", page.content()).group(1)
    logout(page)

    page.goto(f"{base}/anslagstavla/")
    axe_check(page)
    anslag = page.get_by_role("region", name="Styrelsen: sammanträde 2022-02-25")
    expect(anslag).to_contain_text(anslagsdatum)
    expect(anslag).to_contain_text(ned)
    with page.expect_download() as download_info:
        page.evaluate(
            "(href) => { const a = document.createElement('a'); a.href = href; a.download = 'p.pdf';"
            " document.body.appendChild(a); a.click(); }",
            anslag.get_by_role("link", name=re.compile("PDF")).get_attribute("href"),
        )
    pdf = pypdf.PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for nummer, (rubrik, att, _jav) in zip((16, 17, 18), PARAGRAFER, strict=True):
        assert f"§ {nummer} {rubrik}" in text
        assert f"Att {att}" in text
    assert "Johan Bergvik deltog inte i beslutet." in text
    assert f"Anslagsdatum {anslagsdatum}" in text
    assert f"Anslaget tas ned tidigast {ned}" in text


def test_a_meeting_in_january_2023_starts_at_paragraph_1(page, seed_live, axe_check):
    base = seed_live.url
    login(page, base, "forbundschef")
    page.goto(f"{base}/moten/nytt/")
    page.get_by_label("Organ").select_option(label="Styrelsen")
    page.get_by_label("Sammanträdesdatum").fill("2023-01-20")
    page.get_by_label("Plats").fill("Rum 654, kommunhuset, Sundsvall")
    page.get_by_role("button", name="Spara mötet").click()
    page.get_by_role("link", name="Sammanträdesprotokoll").click()
    page.get_by_role("button", name="Hämta punkterna från dagordningen").click()
    page.get_by_role("link", name="Numrera och skicka för justering").click()
    page.get_by_label("Ordförande").select_option(label="Karin Ödmark")
    page.get_by_label("Fredrika Alnö").check()
    page.get_by_role("button", name="Numrera och skicka för justering").click()
    expect(page.get_by_role("heading", name="§ 1 Sammanträdet öppnas")).to_be_visible()
    expect(page.get_by_text("Protokollet omfattar § 1–6")).to_be_visible()
    # Clicking "Ny paragraf" twice opens one form, not two.
    for _ in range(2):
        with page.expect_response(lambda r: "/paragraf/ny/" in r.url):
            page.get_by_role("link", name="Ny paragraf").click()
        page.wait_for_timeout(200)  # let htmx swap the response in
        expect(page.locator("form.ny-paragraf")).to_have_count(1)
    axe_check(page)
