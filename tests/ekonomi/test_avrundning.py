"""One rounding rule (half away from zero) for kr and tkr: on the dashboard's charts, the
report page, its PDF, CSV and Excel alike."""

import csv
import io
from decimal import Decimal

import openpyxl
import pypdf
import pytest
from django.urls import reverse

from ekonomi import services
from forbund.formatting import avrunda, kronor, tkr, tkr_text, tusental

from ..conftest import client_for


@pytest.fixture
def ekonomi(seed_ekonomi):
    """The seeds' world alone: these tests import 2021's books themselves."""
    return seed_ekonomi


@pytest.mark.parametrize(
    ("varde", "decimaler", "vantat"),
    [
        (0.5, 0, "1"),
        (1.5, 0, "2"),
        (2.5, 0, "3"),  # round(2.5) == 2
        (-0.5, 0, "-1"),
        (-2.5, 0, "-3"),
        (2.675, 2, "2.68"),  # the float 2.675 is 2.67499…; round(2.675, 2) == 2.67
        (Decimal("1844.55"), 1, "1844.6"),
        ("7378000", 0, "7378000"),
    ],
)
def test_half_away_from_zero(varde, decimaler, vantat):
    assert avrunda(varde, decimaler) == Decimal(vantat)


def test_kr_and_tkr_use_the_same_rule():
    assert kronor(Decimal("1500.50")) == 1501
    assert kronor(-1500.5) == -1501
    assert tkr(1_844_500) == Decimal("1844.5")
    assert tkr(1_844_500, 0) == 1845  # round(1844.5) == 1844
    assert tkr(2_500, 0) == 3
    assert tkr_text(1_844_500) == "1\xa0844,5"
    assert tkr_text(1_844_000) == "1\xa0844"
    assert tusental(Decimal("-0.4")) == "0"  # no "−0"


def _importera(rader: list[tuple[int, str]]) -> None:
    data = "konto;datum;belopp;text\n" + "".join(f"{k};2021-03-15;{b};x\n" for k, b in rader)
    services.utfall_import(actor=None, data=data.encode(), filnamn="utfall.csv", ar=2021)


def test_dashboard_chart_rounds_half_up(ekonomi):
    # 2 500 kr on Styrelsearvoden: 2,5 tkr in whole tkr is 3, not round()'s 2.
    _importera([(7010, "2500")])
    page = client_for("ledamot").get(reverse("ekonomi_dashboard"), {"ar": 2021})
    assert "Styrelsen: Budget 90, Utfall 3, Prognos 120" in page.content.decode()


def test_report_page_pdf_csv_and_excel_round_alike(ekonomi):
    # 1 844 550 kr is 1 844,55 tkr: every output shows 1 844,6.
    _importera([(3020, "-1844550")])
    ledamot = client_for("ledamot")
    url = reverse("ekonomi_uppfoljning", args=[2021])
    page = ledamot.get(url).content.decode()
    assert "1\xa0844,6" in page
    rows = list(
        csv.reader(io.StringIO(ledamot.get(url, {"format": "csv"}).content.decode()), delimiter=";")
    )
    kommun = next(r for r in rows if r[0] == "Sundsvalls kommun")
    assert kommun[2] == "1844,6"
    wb = openpyxl.load_workbook(io.BytesIO(ledamot.get(url, {"format": "xlsx"}).content))
    rad = next(r for r in wb.active.iter_rows(values_only=True) if r[0] == "Sundsvalls kommun")
    assert rad[2] == 1844.6
    pdf = pypdf.PdfReader(io.BytesIO(ledamot.get(url, {"format": "pdf"}).content))
    text = " ".join(p.extract_text() for p in pdf.pages).replace("\xa0", " ")
    assert "1 844,6" in text
