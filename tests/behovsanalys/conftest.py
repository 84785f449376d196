import io

import pytest

HEADER = "ar;regionkod;region;kon;ersattning;helarsekvivalenter;befolkning_20_64"

# A small clean file: Sundsvall and riket, two years, two kinds, both kön.
RADER = [
    "2022;2281;Sundsvall;kvinnor;sjukpenning;800,0;28000",
    "2022;2281;Sundsvall;män;sjukpenning;400,0;29000",
    "2022;2281;Sundsvall;kvinnor;ekonomiskt bistånd;336,0;28000",
    "2022;2281;Sundsvall;män;ekonomiskt bistånd;435,0;29000",
    "2023;2281;Sundsvall;kvinnor;sjukpenning;840,0;28000",
    "2023;2281;Sundsvall;män;sjukpenning;435,0;29000",
    "2023;2281;Sundsvall;kvinnor;ekonomiskt bistånd;308,0;28000",
    "2023;2281;Sundsvall;män;ekonomiskt bistånd;406,0;29000",
    "2023;00;Riket;kvinnor;sjukpenning;86 100,0;2870000",
    "2023;00;Riket;män;sjukpenning;44 850,0;2990000",
]


def csv_fil(rader=None, *, header=HEADER, sep=";", encoding="utf-8") -> bytes:
    rader = RADER if rader is None else rader
    text = "\r\n".join([header, *rader]) + "\r\n"
    if sep != ";":
        text = text.replace(";", sep)
    return text.encode(encoding)


def xlsx_fil(rader: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for rad in rader:
        ws.append(rad)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def behov(demo):
    """The demo förbund with the behovsanalys's generated sample imported (built once per
    run, see tests/conftest.py)."""
