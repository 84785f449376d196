"""Keyset pagination ("nästa sida" after the last row shown) for the long lists: the
beslutsregister, the anslagstavla's archive, the insatser overview and the public API.

A page is the first `storlek` rows of a query in a total order (the last key is unique, so
no row is ever skipped or shown twice, however the rows are spread over the pages and
whatever is added meanwhile to earlier pages). The next page's link carries the keys of the
last row shown (`markor`: base64url of a small JSON object, also the page's number for the
heading); the database then starts after those keys, with the same cost on page 1 and
page 200, instead of counting its way past an OFFSET.

A cursor is user input: one that cannot be read (edited by hand, cut short, of another list)
raises `Fel` with a Swedish reason, which the views answer with 400.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Expression, F, Q

from .fel import Fel

STORLEK = 50

MARKOR_FEL = (
    "Sidmarkören i adressen kan inte läsas. Gå tillbaka till listans första sida och "
    "bläddra därifrån."
)

_MAX_INT = 2**63 - 1


def _heltal(v: Any) -> int:
    if type(v) is not int or not -_MAX_INT <= v <= _MAX_INT:
        raise ValueError
    return v


def _datum(v: Any) -> dt.date:
    if not isinstance(v, str) or len(v) != 10:
        raise ValueError
    return dt.date.fromisoformat(v)


def _tal(v: Any) -> float:
    if type(v) not in (int, float) or not math.isfinite(v):
        raise ValueError
    return float(v)


def _text(v: Any) -> str:
    if not isinstance(v, str) or len(v) > 1000 or "\x00" in v:
        raise ValueError
    return v


# How a key's value is read back from a cursor (JSON holds no dates).
HELTAL, DATUM, TAL, TEXT = _heltal, _datum, _tal, _text


@dataclass(frozen=True)
class Nyckel:
    """One column of a list's order: a field or annotation name (may cross relations with
    `__`, then the rows need those relations selected), its direction and its type.
    `uttryck` compares against something other than the plain column (a real-typed rank)."""

    falt: str
    fallande: bool = False
    typ: Callable[[Any], Any] = HELTAL
    uttryck: Callable[[Any], Expression] | None = None

    def order_by(self):
        f = F(self.falt)
        return f.desc() if self.fallande else f.asc()

    def varde(self, rad) -> Any:
        if isinstance(rad, dict):
            return rad[self.falt]
        for del_ in self.falt.split("__"):
            rad = getattr(rad, del_)
        return rad


@dataclass
class Sida:
    rader: list
    nummer: int  # 1 for the first page
    nasta: str | None  # the next page's cursor; None on the last page
    storlek: int = STORLEK

    @property
    def forsta_nummer(self) -> int:
        """The list position of the page's first row (for "beslut 51–100")."""
        return (self.nummer - 1) * self.storlek + 1

    @property
    def sista_nummer(self) -> int:
        return (self.nummer - 1) * self.storlek + len(self.rader)


def koda(nummer: int, varden: Sequence[Any]) -> str:
    data = {
        "s": nummer,
        "k": [v.isoformat() if isinstance(v, dt.date) else v for v in varden],
    }
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _ingen_konstant(_namn: str):
    raise ValueError


def avkoda(markor: str, ordning: Sequence[Nyckel]) -> tuple[int, list[Any]]:
    """(page number, key values) of a cursor; `Fel` when it cannot be read."""
    try:
        if len(markor) > 4000:
            raise ValueError
        ra = base64.urlsafe_b64decode(markor + "=" * (-len(markor) % 4))
        data = json.loads(ra.decode(), parse_constant=_ingen_konstant)
        if not isinstance(data, dict) or set(data) != {"s", "k"}:
            raise ValueError
        nummer = _heltal(data["s"])
        if not 2 <= nummer <= 10_000_000:
            raise ValueError
        nycklar = data["k"]
        if not isinstance(nycklar, list) or len(nycklar) != len(ordning):
            raise ValueError
        return nummer, [n.typ(v) for n, v in zip(ordning, nycklar, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeError, RecursionError) as exc:
        raise Fel([MARKOR_FEL]) from exc


def efter(ordning: Sequence[Nyckel], varden: Sequence[Any]) -> Q:
    """The rows after these key values in this order: (k1 after v1) or (k1 = v1 and k2
    after v2) or …; with the first key's bound on its own too, so an index on it is used."""

    def jamfor(n: Nyckel, v, op: str) -> Q:
        return Q(**{f"{n.falt}__{op}": n.uttryck(v) if n.uttryck else v})

    villkor = Q()
    lika = Q()
    for n, v in zip(ordning, varden, strict=True):
        villkor |= lika & jamfor(n, v, "lt" if n.fallande else "gt")
        lika &= jamfor(n, v, "exact")
    forsta = ordning[0]
    return jamfor(forsta, varden[0], "lte" if forsta.fallande else "gte") & villkor


def sida(qs, *, ordning: Sequence[Nyckel], markor: str | None, storlek: int = STORLEK) -> Sida:
    """One page of the QuerySet `qs` in `ordning` (one query). `markor` from the previous
    page's `nasta`; empty or None for the first page."""
    qs = qs.order_by(*(n.order_by() for n in ordning))
    nummer = 1
    if markor:
        nummer, varden = avkoda(markor, ordning)
        qs = qs.filter(efter(ordning, varden))
    rader = list(qs[: storlek + 1])
    nasta = None
    if len(rader) > storlek:
        rader = rader[:storlek]
        nasta = koda(nummer + 1, [n.varde(rader[-1]) for n in ordning])
    return Sida(rader=rader, nummer=nummer, nasta=nasta, storlek=storlek)


def sida_av_lista(
    rader: list, *, nyckel: Callable[[Any], tuple], typer: Sequence[Callable], markor: str | None
) -> Sida:
    """The same page over a list already in memory, sorted by `nyckel` (a tuple whose last
    element is unique): for an order the database cannot give (computed figures)."""
    rader = sorted(rader, key=nyckel)
    nummer = 1
    if markor:
        ordning = [Nyckel(falt=str(i), typ=t) for i, t in enumerate(typer)]
        nummer, varden = avkoda(markor, ordning)
        grans = tuple(varden)
        try:
            rader = [r for r in rader if nyckel(r) > grans]
        except TypeError as exc:  # a cursor of another sort order
            raise Fel([MARKOR_FEL]) from exc
    nasta = None
    if len(rader) > STORLEK:
        rader = rader[:STORLEK]
        nasta = koda(nummer + 1, list(nyckel(rader[-1])))
    return Sida(rader=rader, nummer=nummer, nasta=nasta)


# The query parameter that carries the cursor in the lists' links.
PARAMETER = "efter"


def lankar(parametrar, sida: Sida) -> dict[str, str | None]:
    """The query strings of the first and the next page ("?…"), keeping every other
    parameter of the request (search, filters, sort order); None where there is none."""
    forsta = parametrar.copy()
    forsta.pop(PARAMETER, None)
    nasta = forsta.copy()
    nasta[PARAMETER] = sida.nasta or ""
    return {
        "forsta": ("?" + forsta.urlencode()) if sida.nummer > 1 else None,
        "nasta": ("?" + nasta.urlencode()) if sida.nasta else None,
    }
