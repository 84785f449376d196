import datetime as dt
from decimal import Decimal

import pytest

from devtools import demo_ekonomi as ekonomi_demo

DEMO_ORGNR = "222000-1001"  # the demo förbund's (forbund.demo)


def sie4(transaktioner, *, ar=2021, konton=None, orgnr=DEMO_ORGNR) -> bytes:
    """A SIE4 file (code page 437) with one #VER per transaction: (konto, datum, belopp, text).
    The balancing row goes to the bank account 1930, as a real export would have it."""
    lines = [
        "#FLAGGA 0",
        '#PROGRAM "Testbokföring" 1.0',
        "#FORMAT PC8",
        "#SIETYP 4",
        *([f"#ORGNR {orgnr}"] if orgnr else []),
        '#FNAMN "Samordningsförbundet Sundsvall"',
        f"#RAR 0 {ar}0101 {ar}1231",
    ]
    for nummer, namn in (konton or {}).items():
        lines.append(f'#KONTO {nummer} "{namn}"')
    for i, (konto, datum, belopp, text) in enumerate(transaktioner, start=1):
        d = datum.strftime("%Y%m%d")
        lines += [
            f'#VER A {i} {d} "{text}"',
            "{",
            f"   #TRANS {konto} {{}} {Decimal(belopp):.2f}",
            f"   #TRANS 1930 {{}} {-Decimal(belopp):.2f}",
            "}",
        ]
    text = "\r\n".join(lines).replace("–", "-") + "\r\n"
    return text.encode("cp437")


@pytest.fixture
def ekonomi(moten):
    """The demo's 2021 budget and prognos (loaded with the other demos)."""
    assert ekonomi_demo.load() is False  # already there
    return dt.date(2021, 1, 1)


@pytest.fixture
def seed_ekonomi(seed_moten):
    """As `ekonomi`, on the seeds' world alone: 2021's budget and prognos, no books yet."""
    assert ekonomi_demo.load() is False  # already there
    return dt.date(2021, 1, 1)
