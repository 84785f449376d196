"""Reading accounting files: SIE4 (code page 437), CSV and Excel, into plain rows.

Pure functions: bytes in, rows or a list of errors (with line numbers) out. Nothing here
touches the database; ekonomi.services decides what to store, all or nothing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from forbund.uploads import csv_rader

MAX_BELOPP = Decimal(10) ** 12


@dataclass(frozen=True)
class Rad:
    konto: int
    datum: dt.date
    belopp: Decimal  # accounting sign: debit positive, credit (revenue) negative
    text: str = ""
    verifikation: str = ""


@dataclass
class Inlast:
    rader: list[Rad] = field(default_factory=list)
    konton: dict[int, str] = field(default_factory=dict)
    fel: list[str] = field(default_factory=list)
    format: str = ""


def tolka(data: bytes, filnamn: str, *, ar: int) -> Inlast:
    namn = filnamn.lower()
    if b"\x00" in data and not data.startswith(b"PK"):
        # Text files never hold NUL bytes, and PostgreSQL cannot store them in text.
        return Inlast(fel=["Filen innehåller binärdata och är varken SIE, CSV eller Excel."])
    if namn.endswith((".se", ".si", ".sie")) or data.lstrip().startswith(b"#"):
        return las_sie(data, ar=ar)
    try:
        if namn.endswith(".xlsx"):
            return las_tabell(_xlsx_rader(data), ar=ar, format="xlsx")
        return las_tabell(_csv_rader(data), ar=ar, format="csv")
    except Exception as exc:  # noqa: BLE001 - any unreadable file is a user input error
        return Inlast(fel=[f"Filen kan inte läsas: {exc}."])


def _tokens(line: str) -> list[str]:
    """SIE fields are separated by spaces; a quoted string (with \\" escapes) and a {…}
    object list are one field each."""
    tokens: list[str] = []
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c in " \t":
            i += 1
        elif c == '"':
            i += 1
            buf = []
            while i < n and line[i] != '"':
                if line[i] == "\\" and i + 1 < n:
                    i += 1
                buf.append(line[i])
                i += 1
            if i >= n:
                raise ValueError("citattecken som inte avslutas")
            tokens.append("".join(buf))
            i += 1
        elif c == "{":
            depth, start = 0, i
            while i < n:
                if line[i] == "{":
                    depth += 1
                elif line[i] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            tokens.append(line[start : i + 1])
            i += 1
        else:
            start = i
            while i < n and line[i] not in " \t":
                i += 1
            tokens.append(line[start:i])
    return tokens


def _datum(text: str) -> dt.date:
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _belopp(text: str) -> Decimal:
    value = Decimal(text.replace(",", "."))
    # What Transaktion.belopp (14 digits, 2 decimals) can hold; more is a broken file.
    if not value.is_finite() or abs(value) >= MAX_BELOPP:
        raise InvalidOperation
    return value


def _konto(text: str) -> int:
    """An account number: BAS accounts have four digits, sub-accounts a few more."""
    konto = int(text)
    if not 1 <= konto <= 999_999_999:
        raise ValueError(text)
    return konto


def las_sie(data: bytes, *, ar: int) -> Inlast:
    """SIE4: #KONTO, #VER with #TRANS rows, or period balances #PSALDO / #RES."""
    result = Inlast(format="sie")
    text = data.decode("cp437")
    ver: tuple[str, dt.date, str] | None = None
    rar_start = dt.date(ar, 1, 1)
    # A full export holds the same result three ways: transactions (#TRANS), period balances
    # (#PSALDO, also per object) and the year's result (#RES). Use one, never their sum:
    # transactions if there are any, else the latest period balance per account without
    # objects (#PSALDO is the balance accumulated from the start of the year), else #RES.
    saldon: dict[int, Rad] = {}
    resultat: list[Rad] = []
    for nr, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line in ("{", "}"):
            if line == "}":
                ver = None
            continue
        if not line.startswith("#"):
            result.fel.append(f"Rad {nr}: raden börjar inte med # och kan inte läsas.")
            continue
        try:
            tokens = _tokens(line)
        except ValueError:
            result.fel.append(f"Rad {nr}: citattecken som inte avslutas.")
            continue
        tag = tokens[0].upper()
        try:
            if tag == "#RAR" and len(tokens) >= 4 and tokens[1] == "0":
                rar_start = _datum(tokens[2])
                if rar_start.year != ar:
                    result.fel.append(
                        f"Rad {nr}: filen gäller räkenskapsåret {rar_start.year}, inte {ar}."
                    )
            elif tag == "#KONTO":
                result.konton[_konto(tokens[1])] = tokens[2] if len(tokens) > 2 else ""
            elif tag == "#VER":
                serie, nummer, datum = tokens[1], tokens[2], _datum(tokens[3])
                ver = (f"{serie}{nummer}", datum, tokens[4] if len(tokens) > 4 else "")
            elif tag == "#TRANS":
                if ver is None:
                    result.fel.append(f"Rad {nr}: #TRANS utanför en verifikation (#VER).")
                    continue
                konto, belopp = _konto(tokens[1]), _belopp(tokens[3])
                # Optional transaction date and text after the amount.
                datum = _datum(tokens[4]) if len(tokens) > 4 and tokens[4].isdigit() else ver[1]
                text_ = tokens[5] if len(tokens) > 5 else ver[2]
                if datum.year != ar:
                    result.fel.append(f"Rad {nr}: datum {datum.isoformat()} ligger utanför {ar}.")
                    continue
                result.rader.append(Rad(konto, datum, belopp, text_, ver[0]))
            elif tag == "#PSALDO" and tokens[1] == "0" and tokens[4] == "{}":
                period = tokens[2]
                y, m = int(period[:4]), int(period[4:6])
                if y != ar:
                    continue
                konto = _konto(tokens[3])
                # #PSALDO is a period's balance (this year's accumulated change in SIE4).
                datum = dt.date(y, m, calendar.monthrange(y, m)[1])
                rad = Rad(konto, datum, _belopp(tokens[5]), f"Periodsaldo {period}", "PSALDO")
                if konto not in saldon or saldon[konto].datum < datum:
                    saldon[konto] = rad
            elif tag == "#RES" and tokens[1] == "0":
                resultat.append(
                    Rad(
                        _konto(tokens[2]),
                        dt.date(ar, 12, 31),
                        _belopp(tokens[3]),
                        "Årets resultat",
                        "RES",
                    )
                )
        except (IndexError, ValueError, InvalidOperation):
            result.fel.append(f"Rad {nr}: {tag} kan inte läsas ({raw.strip()[:60]}).")
    if not result.rader:
        result.rader = list(saldon.values()) or resultat
    return result


def _csv_rader(data: bytes) -> list[list[str]]:
    rows = csv_rader(data)
    if rows is None:
        raise ValueError("filen är varken CSV, Excel (.xlsx) eller SIE")
    return rows


def _xlsx_rader(data: bytes) -> list[list[str]]:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = []
    for row in wb.active.iter_rows(values_only=True):
        rows.append(
            [
                ""
                if c is None
                else (c.date().isoformat() if isinstance(c, dt.datetime) else str(c))
                for c in row
            ]
        )
    return rows


def las_tabell(rows: list[list[str]], *, ar: int, format: str) -> Inlast:
    """Columns konto, datum (YYYY-MM-DD) or period (YYYY-MM), belopp, text (optional)."""
    result = Inlast(format=format)
    if not rows:
        result.fel.append("Filen är tom.")
        return result
    header = [h.strip().lower() for h in rows[0]]
    if "konto" not in header or "belopp" not in header or not ({"datum", "period"} & set(header)):
        result.fel.append("Rad 1: kolumnerna ska vara konto, datum eller period, belopp och text.")
        return result
    col = {h: i for i, h in enumerate(header)}
    for nr, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        row = row + [""] * (len(header) - len(row))
        try:
            konto = _konto(row[col["konto"]].strip())
            if "datum" in col and row[col["datum"]].strip():
                datum = dt.date.fromisoformat(row[col["datum"]].strip()[:10])
            else:
                y, m = (int(x) for x in row[col["period"]].strip().split("-")[:2])
                datum = dt.date(y, m, calendar.monthrange(y, m)[1])
            belopp = _belopp(row[col["belopp"]].strip().replace(" ", "").replace("\xa0", ""))
        except (ValueError, InvalidOperation, KeyError):
            result.fel.append(f"Rad {nr}: konto, datum eller belopp kan inte läsas.")
            continue
        if datum.year != ar:
            result.fel.append(f"Rad {nr}: datum {datum.isoformat()} ligger utanför {ar}.")
            continue
        text = row[col["text"]].strip() if "text" in col else ""
        result.rader.append(Rad(konto, datum, belopp, text))
    return result
