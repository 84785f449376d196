"""Hypothesis against every file importer: utfall (SIE4, CSV, Excel), SUS statistics (CSV,
Excel), survey answers (CSV, Excel) and behovsanalys (CSV, Excel). Random bytes and mutated valid files must end either in a successful import or in a
clean refusal (the importer's own error class with Swedish messages), never in any other
exception; a refusal changes nothing (row counts unchanged); through the upload views the
answer is never a 500.

The suite runs a modest, repeatable number of examples (derandomize); for a longer hunt:
FORBUND_FUZZ_EXEMPEL=2000 FORBUND_FUZZ_SLUMP=1 pytest tests/fuzz
"""

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.management.commands.bench_sie_import import generera
from ekonomi import services as ekonomi_services
from ekonomi.models import Konto, Transaktion, Utfallsimport
from enkater import services as enkat_services
from enkater.models import Svar, Svarsvarde
from insatser import services as insats_services
from insatser.models import Insats, Statistikrad

from ..conftest import client_for

EXEMPEL = int(os.environ.get("FORBUND_FUZZ_EXEMPEL", "40"))
FUZZ = settings(
    max_examples=EXEMPEL,
    deadline=None,
    derandomize=os.environ.get("FORBUND_FUZZ_SLUMP") != "1",
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
VY_FUZZ = settings(FUZZ, max_examples=max(10, EXEMPEL // 3))

# Values that have broken parsers before: huge and negative numbers, impossible dates,
# stray quotes and braces, other digits, control characters.
KONSTIGT = [
    "99999999999999999999",
    "-1",
    "-0",
    "1e309",
    "NaN",
    "Infinity",
    "",
    '"',
    "{",
    "}",
    "#TRANS",
    "#VER",
    "#RAR 0 20210101",
    "20211399",
    "2021-02-30",
    "2021-13",
    "٣",
    "\x00",
    "12 345,50",
    "1.000.000",
    "ÅÄÖ",
    "\ufeff",
]


def _sie_bas() -> bytes:
    return generera(12, 2021, seed=5)


def _csv_bas() -> bytes:
    rader = ["konto;datum;belopp;text"]
    rader += [f"{4010 + i};2021-0{1 + i % 9}-15;{1000 + i * 17},50;Faktura {i}" for i in range(8)]
    return ("\r\n".join(rader) + "\r\n").encode("utf-8")


_XLSX: dict[str, bytes] = {}


def _xlsx(rows: list[list]) -> bytes:
    """An Excel file of the rows, the same bytes for the same rows within a run (openpyxl
    stamps the time into every file; Hypothesis needs the same input to replay an example)."""
    nyckel = repr(rows)
    if nyckel not in _XLSX:
        _XLSX[nyckel] = _skriv_xlsx(rows)
    return _XLSX[nyckel]


def _skriv_xlsx(rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _statistik_bas() -> list[list]:
    # Aktiva: the 15 carried over from the SIP's approved 2022-01-01–2022-04-30, and 4 new.
    return [
        ["tabell", "kategori", "totalt", "kvinnor", "man", "manader"],
        ["deltagare", "Aktiva", 19, 11, 8, ""],
        ["deltagare", "Nya", 4, 2, 2, ""],
        ["deltagare", "Avslutade", 1, 1, 0, ""],
        ["kommun", "Sundsvalls kommun", 19, 11, 8, ""],
        ["tid", "1–3 år", 4, 2, 2, ""],
        ["avslut", "Studier", 1, 1, 0, 5],
    ]


def _som_csv(rows: list[list]) -> bytes:
    return "\n".join(";".join(str(c) for c in r) for r in rows).encode("utf-8")


@st.composite
def bytemutation(draw, bas: bytes) -> bytes:
    """A valid file with a few bytes changed, removed, inserted, or cut off."""
    data = bytearray(bas)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["byt", "ta_bort", "infoga", "klipp"]))
        if op == "byt":
            data[i] = draw(st.integers(0, 255))
        elif op == "ta_bort":
            del data[i : i + draw(st.integers(1, 40))]
        elif op == "infoga":
            data[i:i] = draw(st.binary(min_size=1, max_size=30))
        else:
            del data[i:]
    return bytes(data)


@st.composite
def faltmutation(draw, bas: bytes, *, separator: str, kodning: str) -> bytes:
    """A valid text file with fields replaced by odd values, and lines dropped or doubled."""
    rader = bas.decode(kodning).splitlines()
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(rader) - 1))
        op = draw(st.sampled_from(["falt", "falt", "ta_bort", "dubbla", "text"]))
        if op == "falt":
            falt = rader[i].split(separator)
            j = draw(st.integers(0, len(falt) - 1))
            falt[j] = draw(st.sampled_from(KONSTIGT) | st.text(max_size=12))
            rader[i] = separator.join(falt)
        elif op == "ta_bort" and len(rader) > 1:
            del rader[i]
        elif op == "dubbla":
            rader.insert(i, rader[i])
        else:
            rader.insert(i, draw(st.text(max_size=60)))
    return "\r\n".join(rader).encode(kodning, errors="replace")


def utfallsfiler():
    sie, csv_ = _sie_bas(), _csv_bas()
    xlsx = _xlsx([["konto", "datum", "belopp", "text"], [4010, "2021-03-01", 1200.5, "Hyra"]])
    return st.one_of(
        st.tuples(st.binary(max_size=3000), st.sampled_from(["u.se", "u.csv", "u.xlsx"])),
        st.tuples(bytemutation(sie), st.just("utfall.se")),
        st.tuples(faltmutation(sie, separator=" ", kodning="cp437"), st.just("utfall.se")),
        st.tuples(bytemutation(csv_), st.just("utfall.csv")),
        st.tuples(faltmutation(csv_, separator=";", kodning="utf-8"), st.just("utfall.csv")),
        st.tuples(bytemutation(xlsx), st.just("utfall.xlsx")),
    )


def statistikfiler():
    bas = _statistik_bas()
    csv_ = _som_csv(bas)
    xlsx = _xlsx(bas)
    # Excel cells cannot hold control characters (openpyxl refuses to write them).
    text = st.text(st.characters(min_codepoint=32, exclude_categories=("Cs", "Cc")), max_size=10)
    skrivbara = [k for k in KONSTIGT if k.isprintable() or k == ""]
    celler = st.sampled_from(skrivbara) | st.integers(-5, 10**12) | text

    @st.composite
    def xlsx_celler(draw):
        rows = [list(r) for r in bas]
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(rows) - 1))
            j = draw(st.integers(0, len(rows[i]) - 1))
            rows[i][j] = draw(celler)
        return _xlsx(rows)

    return st.one_of(
        st.tuples(st.binary(max_size=2000), st.sampled_from(["s.csv", "s.xlsx", "s.txt"])),
        st.tuples(bytemutation(csv_), st.just("statistik.csv")),
        st.tuples(faltmutation(csv_, separator=";", kodning="utf-8"), st.just("statistik.csv")),
        st.tuples(bytemutation(xlsx), st.just("statistik.xlsx")),
        st.tuples(xlsx_celler(), st.just("statistik.xlsx")),
    )


def _rena_meddelanden(fel: list[str]) -> None:
    assert fel, "ett avvisat import ska säga varför"
    for text in fel:
        assert isinstance(text, str) and text.strip()
        assert "Traceback" not in text


def _utfall_antal() -> tuple[int, int, int]:
    return Utfallsimport.objects.count(), Transaktion.objects.count(), Konto.objects.count()


@pytest.fixture
def period(seed_moten):
    insats = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")
    return insats_services.period_create(
        actor=None, insats=insats, fran=dt.date(2022, 5, 1), till=dt.date(2022, 8, 31)
    )


def test_the_valid_starting_files_import(seed_moten, period):
    """The mutations start from files the importers accept."""
    for data, namn in ((_sie_bas(), "u.se"), (_csv_bas(), "u.csv")):
        with transaction.atomic():
            assert ekonomi_services.utfall_import(
                actor=None, data=data, filnamn=namn, ar=2021
            ).antal
            transaction.set_rollback(True)
    for data in (_som_csv(_statistik_bas()), _xlsx(_statistik_bas())):
        with transaction.atomic():
            kommuner = ["Sundsvalls kommun"]
            assert insats_services.statistik_import(
                actor=None, period=period, data=data, kommuner=kommuner
            )
            transaction.set_rollback(True)


@FUZZ
@given(fil=utfallsfiler())
def test_utfall_import_imports_whole_files_or_refuses_cleanly(seed_moten, fil):
    data, namn = fil
    with transaction.atomic():
        fore = _utfall_antal()
        try:
            resultat = ekonomi_services.utfall_import(actor=None, data=data, filnamn=namn, ar=2021)
        except ekonomi_services.Fel as exc:
            _rena_meddelanden(exc.fel)
            assert _utfall_antal() == fore, "en avvisad fil får inte lämna något efter sig"
        else:
            if not resultat.oforandrad:
                assert resultat.utfallsimport.transaktioner.count() == resultat.antal
        transaction.set_rollback(True)


@FUZZ
@given(fil=statistikfiler())
def test_statistics_import_imports_whole_files_or_refuses_cleanly(period, fil):
    data, namn = fil
    with transaction.atomic():
        fore = list(period.rader.values_list("tabell", "kategori", "totalt"))
        try:
            antal = insats_services.statistik_import(
                actor=None, period=period, data=data, kommuner=["Sundsvalls kommun"]
            )
        except insats_services.Fel as exc:
            _rena_meddelanden(exc.fel)
            assert list(period.rader.values_list("tabell", "kategori", "totalt")) == fore
        else:
            assert Statistikrad.objects.filter(period=period).count() <= antal
        transaction.set_rollback(True)


@VY_FUZZ
@given(fil=utfallsfiler())
def test_the_utfall_upload_page_never_answers_500(seed_moten, fil):
    data, namn = fil
    klient = client_for("forbundschef")
    klient.raise_request_exception = False
    with transaction.atomic():
        svar = klient.post(
            reverse("ekonomi_import"),
            {"ar": "2021", "per": "", "fil": _uppladdning(data, namn)},
        )
        assert svar.status_code in (200, 422), svar.status_code
        transaction.set_rollback(True)


@VY_FUZZ
@given(fil=statistikfiler())
def test_the_statistics_upload_page_never_answers_500(period, fil):
    data, namn = fil
    klient = client_for("forbundschef")
    klient.raise_request_exception = False
    with transaction.atomic():
        svar = klient.post(
            reverse("period_import", args=[period.pk]), {"fil": _uppladdning(data, namn)}
        )
        assert svar.status_code in (302, 422), svar.status_code
        transaction.set_rollback(True)


def _uppladdning(data: bytes, namn: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(namn, data, content_type="application/octet-stream")


STOR = b"#" + b"A" * (21 * 1024 * 1024)  # past the portal's 20 MB limit (forbund.uploads)


@pytest.mark.parametrize(
    "vy", ["ekonomi_import", "period_import", "omgang_import", "behovsanalys_import"]
)
def test_oversized_and_malformed_uploads_are_refused_with_4xx(seed_enkat, period, vy):
    from behovsanalys.models import Behovsimport

    klient = client_for("forbundschef")
    klient.raise_request_exception = False
    args = {"period_import": [period.pk], "omgang_import": [seed_enkat.pk]}.get(vy, [])
    url = reverse(vy, args=args)
    falt = {"ar": "2021"} if vy == "ekonomi_import" else {}
    antal = (_utfall_antal(), Statistikrad.objects.count(), Svar.objects.count())
    antal += (Behovsimport.objects.count(),)
    for namn in ("stor.se", "stor.csv"):
        svar = klient.post(url, {**falt, "fil": _uppladdning(STOR, namn)})
        assert 400 <= svar.status_code < 500, (namn, svar.status_code)
        assert "20 MB" in svar.content.decode(), "för stor fil ska avvisas med storleken som skäl"
    # A multipart body that breaks off in the middle, and one with no file at all.
    trasig = b'--xyz\r\nContent-Disposition: form-data; name="fil"; filename="a.se"\r\n\r\n#FLA'
    svar = klient.post(url, trasig, content_type="multipart/form-data; boundary=xyz")
    assert 400 <= svar.status_code < 500, svar.status_code
    svar = klient.post(url, falt)
    assert svar.status_code == 422
    efter = (_utfall_antal(), Statistikrad.objects.count(), Svar.objects.count())
    assert efter + (Behovsimport.objects.count(),) == antal


def _sie_med(rad: str) -> bytes:
    return _sie_bas().replace(b"#TRANS 1930", rad.encode("cp437") + b"\r\n#TRANS 1930", 1)


@pytest.mark.parametrize(
    "data,namn,meddelande",
    [
        # Found by this fuzzing: each of these answered 500 (a database error) before.
        (
            _sie_med("#TRANS 99999999999 {} 100.00"),
            "u.se",
            "#TRANS: kontonumret 99999999999 har fler än nio siffror",
        ),
        (
            _sie_med("#TRANS 4010 {} 1000000000000000"),
            "u.se",
            "#TRANS: beloppet 1000000000000000 är större än portalen kan lagra",
        ),
        (_sie_med('#TRANS 4010 {} 10.00 20210105 "a\x00b"'), "u.se", "binärdata"),
        (b"konto;datum;belopp\r\n99999999999;2021-01-05;10\r\n", "u.csv", "Rad 2: konto"),
    ],
)
def test_values_the_database_cannot_hold_are_refused_cleanly(seed_moten, data, namn, meddelande):
    fore = _utfall_antal()
    with pytest.raises(ekonomi_services.Fel) as fel:
        ekonomi_services.utfall_import(actor=None, data=data, filnamn=namn, ar=2021)
    assert meddelande in fel.value.fel[0]
    assert _utfall_antal() == fore


# -- Survey answers (enkater: paper answers from CSV or Excel) --------------------------------


def _svarsfil_bas(omgang) -> bytes:
    fragor = list(omgang.formular.fragor.order_by("ordning"))
    rader = [[f.nummer for f in fragor]]
    for i in range(3):
        rad = []
        for f in fragor:
            if f.typ == "fritext":
                rad.append("Bra stöd." if i == 0 else "")
            elif f.typ.startswith("skala"):
                rad.append(str(1 + (i + f.ordning) % 6))
            else:
                rad.append("1")
        rader.append(rad)
    return "\n".join(";".join(r) for r in rader).encode("utf-8")


def svarsfiler(bas: bytes):
    rows = [r.split(";") for r in bas.decode().splitlines()]
    return st.one_of(
        st.binary(max_size=2000),
        bytemutation(bas),
        faltmutation(bas, separator=";", kodning="utf-8"),
        bytemutation(_xlsx(rows)),
    )


def test_the_valid_survey_file_imports(seed_enkat):
    with transaction.atomic():
        assert enkat_services.svar_import_fil(
            actor=None, omgang=seed_enkat, data=_svarsfil_bas(seed_enkat)
        )
        transaction.set_rollback(True)


@FUZZ
@given(data=st.data())
def test_survey_answer_import_imports_whole_files_or_refuses_cleanly(seed_enkat, data):
    fil = data.draw(svarsfiler(_svarsfil_bas(seed_enkat)))
    with transaction.atomic():
        fore = (Svar.objects.count(), Svarsvarde.objects.count())
        try:
            antal = enkat_services.svar_import_fil(actor=None, omgang=seed_enkat, data=fil)
        except enkat_services.Fel as exc:
            _rena_meddelanden(exc.fel)
            assert (Svar.objects.count(), Svarsvarde.objects.count()) == fore
        else:
            assert Svar.objects.count() == fore[0] + antal
        transaction.set_rollback(True)


@VY_FUZZ
@given(data=st.data())
def test_the_survey_import_page_never_answers_500(seed_enkat, data):
    fil = data.draw(svarsfiler(_svarsfil_bas(seed_enkat)))
    klient = client_for("forbundschef")
    klient.raise_request_exception = False
    with transaction.atomic():
        svar = klient.post(
            reverse("omgang_import", args=[seed_enkat.pk]), {"fil": _uppladdning(fil, "svar.csv")}
        )
        assert svar.status_code in (302, 422), svar.status_code
        transaction.set_rollback(True)


def test_a_nul_byte_in_a_survey_file_is_refused_cleanly(seed_enkat):
    # Found by fuzzing: a NUL byte in a free-text answer made the import answer 500.
    fritext = seed_enkat.formular.fragor.filter(typ="fritext").order_by("ordning").first()
    data = f"kon;{fritext.nummer}\n1;a\x00b\n".encode()
    fore = Svar.objects.count()
    with pytest.raises(enkat_services.Fel) as fel:
        enkat_services.svar_import_fil(actor=None, omgang=seed_enkat, data=data)
    assert "kan inte läsas" in fel.value.fel[0]
    assert Svar.objects.count() == fore


# -- Behovsanalys (helårsekvivalenter per kommun, CSV or Excel) --------------------------------

EXEMPELFIL = (
    Path(__file__).resolve().parents[2] / "behovsanalys" / "data" / "behovsanalys_exempel.csv"
)


def _behov_bas() -> bytes:
    # The documented example file, cut to its first 30 rows to keep each example quick.
    rader = EXEMPELFIL.read_bytes().splitlines(keepends=True)
    return b"".join(rader[:31])


def _behov_antal() -> tuple[int, int, int]:
    from behovsanalys.models import Befolkning, Behovsimport, Helarsekvivalent

    return (
        Behovsimport.objects.count(),
        Helarsekvivalent.objects.count(),
        Befolkning.objects.count(),
    )


def behovsfiler():
    bas = _behov_bas()
    rows = [r.split(";") for r in bas.decode("utf-8-sig").splitlines()]
    return st.one_of(
        st.tuples(st.binary(max_size=2000), st.sampled_from(["b.csv", "b.xlsx"])),
        st.tuples(bytemutation(bas), st.just("behov.csv")),
        st.tuples(faltmutation(bas, separator=";", kodning="utf-8"), st.just("behov.csv")),
        st.tuples(bytemutation(_xlsx(rows)), st.just("behov.xlsx")),
    )


def test_the_valid_behovsanalys_file_imports(demo):
    from behovsanalys import services as behov_services

    with transaction.atomic():
        resultat = behov_services.behovsanalys_import(
            actor=None, data=_behov_bas(), filnamn="b.csv"
        )
        assert not resultat.oforandrad
        transaction.set_rollback(True)


@FUZZ
@given(fil=behovsfiler())
def test_behovsanalys_import_imports_whole_files_or_refuses_cleanly(demo, fil):
    from behovsanalys import services as behov_services

    data, namn = fil
    with transaction.atomic():
        fore = _behov_antal()
        try:
            behov_services.behovsanalys_import(actor=None, data=data, filnamn=namn)
        except behov_services.Fel as exc:
            _rena_meddelanden(exc.fel)
            assert _behov_antal() == fore
        transaction.set_rollback(True)


@VY_FUZZ
@given(fil=behovsfiler())
def test_the_behovsanalys_import_page_never_answers_500(demo, fil):
    data, namn = fil
    klient = client_for("forbundschef")
    klient.raise_request_exception = False
    with transaction.atomic():
        svar = klient.post(reverse("behovsanalys_import"), {"fil": _uppladdning(data, namn)})
        assert svar.status_code in (200, 422), svar.status_code
        transaction.set_rollback(True)
