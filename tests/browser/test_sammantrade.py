"""Issue 15 in the browser: omröstning counted by the portal (a 3–2 vote with a reservation in
the standard wording on the page and in the PDF; 3–2 with four serving members refused; a
tie decided by the ordförande), formatted text identical on the page and in the PDF, and an
uppdrag from an Att-clause on the next meeting's dagordning until it is closed."""

import datetime as dt
import io
import re

import pypdf
from playwright.sync_api import expect

from .test_protokoll import login

STYRELSEN = ["Karin Ödmark", "Johan Bergvik", "Fredrika Alnö", "Petter Skönvik"]


def _mote(
    datum: dt.date, *, extra=(), beslut=("bevilja 895 000 kr till psykologtjänst för 2023.",)
):
    """A styrelse meeting (through the services) whose four ledamöter are present, with one
    paragraph; `extra`: more närvaro as (name, category)."""
    from forbund.models import Organ, Person
    from moten import services

    mote = services.mote_create(
        actor=None, organ=Organ.objects.get(typ="styrelse"), datum=datum, plats="Rum 654"
    )
    personer = {p.namn: p for p in Person.objects.all()}
    rader = [
        services.NarvaroRad(kategori="ordinarie", namn=n, person=personer[n]) for n in STYRELSEN
    ]
    rader += [
        services.NarvaroRad(
            kategori=kategori, namn=namn, ersatter="" if kategori == "ordinarie" else "–"
        )
        for namn, kategori in extra
    ]
    services.narvaro_save(actor=None, protokoll=mote.protokoll, rader=rader)
    paragraf = services.paragraf_create(
        actor=None,
        protokoll=mote.protokoll,
        rubrik="Ansökan om medel för psykolog 2023",
        text="Ansökan avser en psykologtjänst på Arbetsmarknadstorget.",
        beslut=list(beslut),
    )
    return mote, paragraf


def _pdf_text(page, url: str) -> str:
    svar = page.request.get(url)
    assert svar.ok
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(svar.body())).pages)
    return " ".join(text.split())


def _yrkanden(page):
    page.get_by_label("Yrkande 1: yrkas av").select_option("Karin Ödmark")
    page.get_by_label("Yrkande 1: yrkar").fill("bifall till förslaget")
    page.get_by_label("Yrkande 2: yrkas av").select_option("Petter Skönvik")
    page.get_by_label("Yrkande 2: yrkar").fill("avslag")
    page.get_by_label("Omröstning begärs och verkställs").check()
    page.get_by_label("Ja-röst för yrkande").select_option("1")
    page.get_by_label("Nej-röst för yrkande").select_option("2")


def test_a_3_2_vote_with_a_reservation_in_the_standard_wording_on_page_and_pdf(
    page, demo_live, axe_check
):
    mote, paragraf = _mote(dt.date(2022, 4, 22), extra=[("Anna Timrå", "ordinarie")])
    base = demo_live.url
    login(page, base, "forbundschef")
    page.goto(f"{base}/protokoll/{mote.protokoll.pk}/")
    page.get_by_role("link", name=re.compile("^Yrkanden och omröstning")).click()
    expect(
        page.get_by_role("heading", name="Yrkanden, omröstning och reservationer")
    ).to_be_visible()
    axe_check(page)
    _yrkanden(page)
    page.get_by_label("per ledamot (med omröstningslista)").check()
    for namn, rost in (
        ("Karin Ödmark", "ja"),
        ("Johan Bergvik", "ja"),
        ("Fredrika Alnö", "ja"),
        ("Petter Skönvik", "nej"),
        ("Anna Timrå", "nej"),
    ):
        page.get_by_label(namn, exact=True).select_option(rost)
    page.get_by_label("Reservation 1: ledamot").select_option("Petter Skönvik")
    page.get_by_label("Reservation 1: skriftlig reservation, bilaga nr").fill("3")
    page.get_by_role("button", name="Spara yrkanden och omröstning").click()

    wording = (
        "Omröstning begärs och verkställs. Ja-röst för Karin Ödmarks yrkande, nej-röst för "
        "Petter Skönviks yrkande. Omröstningen utfaller med 3 ja-röster mot 2 nej-röster. "
        "Styrelsen har således beslutat enligt Karin Ödmarks yrkande."
    )
    reservation = "Petter Skönvik reserverar sig mot beslutet (skriftlig reservation, bilaga 3)."
    expect(page.get_by_text(wording)).to_be_visible()
    expect(page.get_by_text(reservation)).to_be_visible()
    axe_check(page)
    page.goto(f"{base}/protokoll/{mote.protokoll.pk}/dokument/")
    expect(page.get_by_text(wording)).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Bilaga: omröstningslista"))).to_be_visible()
    axe_check(page)
    pdf = _pdf_text(page, f"{base}/protokoll/{mote.protokoll.pk}/protokoll.pdf")
    assert wording in pdf
    assert reservation in pdf
    assert "Bilaga: omröstningslista" in pdf


def test_3_2_with_four_serving_is_refused_and_a_tie_goes_the_ordforandes_way(
    page, demo_live, axe_check
):
    mote, paragraf = _mote(dt.date(2022, 4, 22), extra=[("Tove Ringblad", "ersattare")])
    base = demo_live.url
    login(page, base, "forbundschef")
    page.goto(f"{base}/paragraf/{paragraf.pk}/omrostning/")
    _yrkanden(page)
    page.get_by_label("som antal").check()
    page.get_by_label("Antal ja-röster").fill("3")
    page.get_by_label("Antal nej-röster").fill("2")
    page.get_by_role("button", name="Spara yrkanden och omröstning").click()
    fel = page.locator(".felsammanfattning")
    expect(fel).to_contain_text(
        "Omröstningen 3–2 har 5 röster, men bara 4 ledamöter är närvarande och tjänstgörande"
    )
    expect(page.get_by_label("Yrkande 2: yrkar")).to_have_value("avslag")  # nothing lost
    axe_check(page)

    # The same yrkanden by name, 2–2: the ordförande (Karin Ödmark) voted nej and decides.
    page.get_by_label("per ledamot (med omröstningslista)").check()
    for namn, rost in (
        ("Karin Ödmark", "nej"),
        ("Johan Bergvik", "ja"),
        ("Fredrika Alnö", "ja"),
        ("Petter Skönvik", "nej"),
    ):
        page.get_by_label(namn, exact=True).select_option(rost)
    page.get_by_role("button", name="Spara yrkanden och omröstning").click()
    expect(
        page.get_by_text(re.compile("Omröstningen utfaller med 2 ja-röster mot 2 nej-röster"))
    ).to_be_visible()
    expect(
        page.get_by_text(
            re.compile("Styrelsen har således beslutat enligt Petter Skönviks yrkande")
        )
    ).to_be_visible()
    expect(page.get_by_text(re.compile("ordföranden har utslagsröst"))).to_be_visible()


TEXT = (
    "Budgeten för **2023** bygger på tre delar:\n\n"
    "1. medlemsavgifter\n2. statens bidrag\n3. eget kapital\n\n"
    "| Part | Andel |\n|---|---|\n| Staten | 50 % |\n| Regionen | 25 % |\n\n"
    "Se *bilagan* för detaljer."
)


def _normalisera(text: str) -> str:
    """Words as read: list markers and bullets (the PDF prints them, a page's text does
    not) and white space left out."""
    text = re.sub(r"(?<!\S)\d+\.(?=\s)", " ", text.replace("•", " "))
    return " ".join(text.split())


def test_formatted_text_is_the_same_on_the_page_and_in_the_pdf(page, demo_live, axe_check):
    mote, _paragraf = _mote(dt.date(2022, 4, 22))
    base = demo_live.url
    login(page, base, "forbundschef")
    page.goto(f"{base}/protokoll/{mote.protokoll.pk}/")
    page.get_by_role("link", name="Ny paragraf").click()
    form = page.locator("form.ny-paragraf").last
    expect(form.get_by_role("heading", name="Formatering i texten")).to_be_visible()
    axe_check(page)
    form.get_by_label("Rubrik").fill("Budget 2023")
    form.get_by_label("Text").fill(TEXT)
    form.get_by_role("button", name="Spara paragrafen").click()
    expect(page.get_by_role("heading", name=re.compile("Budget 2023"))).to_be_visible()

    page.goto(f"{base}/protokoll/{mote.protokoll.pk}/dokument/")
    avsnitt = page.locator("section.paragraf-block", has_text="Budget 2023")
    expect(avsnitt.locator("strong", has_text="2023")).to_be_visible()
    expect(avsnitt.locator("ol > li")).to_have_count(3)
    expect(avsnitt.locator("table td", has_text="50 %")).to_be_visible()
    axe_check(page)
    sida = _normalisera(avsnitt.inner_text())
    pdf = _normalisera(_pdf_text(page, f"{base}/protokoll/{mote.protokoll.pk}/protokoll.pdf"))
    assert "Budgeten för 2023 bygger på tre delar: medlemsavgifter statens bidrag" in sida
    assert sida in pdf


def test_an_uppdrag_is_on_the_next_dagordning_until_it_is_closed(page, demo_live, axe_check):
    forsta, paragraf = _mote(
        dt.date(2022, 4, 22),
        beslut=(
            "uppdra åt förbundschefen att återkomma med en plan för BIP till nästa sammanträde.",
        ),
    )
    nasta, stanger = _mote(dt.date(2022, 5, 20))
    senare, _p = _mote(dt.date(2022, 6, 17))
    base = demo_live.url
    login(page, base, "forbundschef")
    page.goto(f"{base}/protokoll/{forsta.protokoll.pk}/")
    page.get_by_role("link", name=re.compile("^Skapa uppdrag")).click()
    axe_check(page)
    page.get_by_label("Vad").fill("Återkomma med en plan för BIP.")
    page.get_by_label("Till nästa sammanträde").check()
    page.get_by_role("button", name="Skapa uppdraget").click()
    expect(page.get_by_text("Uppdraget är skapat.")).to_be_visible()

    for mote in (nasta, senare):
        page.goto(f"{base}/moten/{mote.pk}/")
        uppfoljning = page.locator(
            "section", has=page.get_by_role("heading", name="Uppföljning av tidigare beslut")
        )
        expect(uppfoljning).to_contain_text("Återkomma med en plan för BIP.")
    axe_check(page)

    page.goto(f"{base}/moten/{nasta.pk}/")
    page.get_by_role(
        "link", name=re.compile("Markera som klart.*Återkomma med en plan för BIP")
    ).click()
    axe_check(page)
    page.get_by_label("Paragrafen där uppdraget redovisades").select_option(
        label=f"2022-05-20 § (ej numrerad) {stanger.rubrik}"
    )
    page.get_by_role("button", name="Markera som klart").click()
    expect(page.get_by_text("Uppdraget är markerat som klart.")).to_be_visible()
    axe_check(page)  # the list of uppdrag

    page.goto(f"{base}/moten/{senare.pk}/")
    expect(page.locator("main")).not_to_contain_text("Återkomma med en plan för BIP.")
    page.goto(f"{base}/moten/{nasta.pk}/")
    expect(
        page.get_by_text(re.compile("klart, redovisat i § \\(ej numrerad\\) 2022-05-20"))
    ).to_be_visible()
    page.goto(f"{base}/")
    expect(page.locator("main")).not_to_contain_text("Återkomma med en plan för BIP.")


def test_the_public_protocol_page_offers_its_public_bilagor(page, demo_live, axe_check):
    from moten.models import Protokoll

    protokoll = Protokoll.objects.get(mote__datum=dt.date(2021, 11, 26))
    base = demo_live.url
    page.goto(f"{base}/anslagstavla/")
    page.get_by_role("link", name="Läs protokollet 2021-11-26").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Justerat protokoll")
    expect(
        page.get_by_role("link", name=re.compile("Bilaga 2: Detaljerad budgetuppföljning 2021"))
    ).to_have_attribute("href", f"/anslagstavla/protokoll/{protokoll.pk}/bilaga/2/")
    axe_check(page)
