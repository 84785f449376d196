"""The budget follow-up as rows for CSV and Excel, in kr or tkr."""

from __future__ import annotations

from decimal import Decimal

from forbund.export import arbetsbok, csv_text, skriv_rad
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
    return csv_text([KOLUMNER, *rader(r, tkr=tkr)])


def som_xlsx(r: Rapport, *, tkr: bool):

    wb = arbetsbok()
    ws = wb.active
    ws.title = f"Budgetuppföljning {r.ar}"
    skriv_rad(ws, [f"Budgetuppföljning {r.ar} ({'tkr' if tkr else 'kr'})"])
    skriv_rad(ws, KOLUMNER)
    for row in rader(r, tkr=tkr):
        skriv_rad(ws, row)
    return wb


def saldolista_csv(rader: list[Saldorad]) -> str:
    """konto;namn;utfall with utfall in kr and öre (decimal comma), the accounting sign."""
    return csv_text(
        [["konto", "namn", "utfall"], *([r.konto, r.namn, _oren(r.utfall)] for r in rader)]
    )


def _oren(belopp) -> Decimal:
    """kr and öre, always two decimals (1234,50; -288,00)."""
    return Decimal(belopp).quantize(Decimal("0.01"))
