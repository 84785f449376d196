"""The budget follow-up as rows for CSV and Excel, in kr or tkr."""

from __future__ import annotations

import csv
import io

import openpyxl

from forbund.formatting import tkr as i_tkr

from .selectors import Rapport, Saldorad

KOLUMNER = ["post", "budget", "utfall", "prognos", "differens"]


def _enhet(value, tkr: bool):
    """kr as an integer; tkr with one decimal only where there is one (1 844,5)."""
    if value is None:
        return None
    if not tkr:
        return value
    v = i_tkr(value)  # the rounding of every page and PDF (forbund.formatting)
    return int(v) if v == v.to_integral_value() else float(v)


def rader(r: Rapport, *, tkr: bool) -> list[list]:
    rows = []
    for rad in r.alla_rader():
        rows.append(
            [
                rad.namn,
                _enhet(rad.budget, tkr),
                _enhet(rad.utfall, tkr),
                _enhet(rad.prognos, tkr),
                _enhet(rad.differens, tkr),
            ]
        )
    if r.eget_kapital_prognos is not None:
        rows.append(
            [
                f"Prognos eget kapital {r.ar}-12-31",
                None,
                None,
                _enhet(r.eget_kapital_prognos, tkr),
                None,
            ]
        )
    return rows


def som_csv(r: Rapport, *, tkr: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(KOLUMNER)
    for row in rader(r, tkr=tkr):
        writer.writerow(
            [
                "" if v is None else str(v).replace(".", ",") if isinstance(v, float) else v
                for v in row
            ]
        )
    return buffer.getvalue()


def som_xlsx(r: Rapport, *, tkr: bool):

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = f"Budgetuppföljning {r.ar}"
    ws.append([f"Budgetuppföljning {r.ar} ({'tkr' if tkr else 'kr'})"])
    ws.append(KOLUMNER)
    for row in rader(r, tkr=tkr):
        ws.append(row)
    return wb


def saldolista_csv(rader: list[Saldorad]) -> str:
    """konto;namn;utfall with utfall in kr and öre (decimal comma), the accounting sign."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["konto", "namn", "utfall"])
    for r in rader:
        writer.writerow([r.konto, r.namn, f"{r.utfall:.2f}".replace(".", ",")])
    return buffer.getvalue()
