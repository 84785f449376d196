"""Numbers the Swedish way: 7 378 000 kr, 25 %, 2022-01-21.

Thousands are grouped with a non-breaking space so an amount never wraps across lines.

One rounding rule for every amount a user reads, on pages, charts, PDFs, CSV and Excel:
half away from zero ("avrundning uppåt" at five: 0,5 → 1, 1 844,5 tkr → 1 845 tkr when shown
in whole tkr, −0,5 → −1). Python's round() on floats rounds half to even (round(2.5) == 2) and
works on binary fractions, so amounts go through `avrunda`, `kronor` and `tkr` instead.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape

NBSP = "\xa0"


def avrunda(value, decimaler: int = 0) -> Decimal:
    """`value` to `decimaler` decimals, half away from zero. Floats are read by their shortest
    decimal form (2.675 is 2,675, not 2,67499…)."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return number.quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)


def kronor(value) -> int:
    """An amount in whole kronor: 1 500,50 → 1 501."""
    return int(avrunda(value or 0))


def tkr(value, decimaler: int = 1) -> Decimal:
    """An amount in kr as tusentals kronor: 1 844 500 → 1 844,5; in whole tkr (decimaler=0)
    1 844 500 → 1 845."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return avrunda(number / 1000, decimaler)


def tusental(value, decimaler: int = 0) -> str:
    """1844500 -> '1 844 500'; -288 -> '−288' (a real minus sign, as in print)."""
    if value is None or value == "":
        return ""
    number = avrunda(value, decimaler)
    sign = "−" if number < 0 else ""
    whole, _, frac = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = NBSP.join(groups)
    if decimaler:
        text += "," + frac
    return sign + text


def tkr_text(value) -> str:
    """An amount in kr shown in tkr, with one decimal only where there is one (1 844,5)."""
    if value is None or value == "":
        return ""
    v = tkr(value)
    return tusental(v, 0 if v == v.to_integral_value() else 1)


def kr(value) -> str:
    """7378000 -> '7 378 000 kr'."""
    if value is None or value == "":
        return ""
    return f"{tusental(value)}{NBSP}kr"


def procent(value, decimaler: int = 0) -> str:
    """A share 0..1 -> '25 %'."""
    if value is None or value == "":
        return ""
    return f"{tusental(Decimal(str(value)) * 100, decimaler)}{NBSP}%"


def _flush(out: list[str], para: list[str], items: list[str]) -> None:
    if para:
        out.append("<p>" + "<br>".join(para) + "</p>")
        para.clear()
    if items:
        out.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        items.clear()


def stycken_html(text: str, *, rubrikniva: int = 4) -> str:
    """Protocol text to HTML: blank-line separated paragraphs, lines starting "### " as
    sub-headings, lines starting "- " as list items. Everything is escaped first."""

    out: list[str] = []
    for block in (text or "").replace("\r\n", "\n").split("\n\n"):
        para: list[str] = []
        items: list[str] = []
        for line in (ln.strip() for ln in block.split("\n")):
            if not line:
                continue
            if line.startswith("### "):
                _flush(out, para, items)
                h = f"h{rubrikniva}"
                out.append(f'<{h} class="underrubrik">{escape(line[4:])}</{h}>')
            elif line.startswith("- "):
                if para:
                    _flush(out, para, items)
                items.append(escape(line[2:]))
            else:
                if items:
                    _flush(out, para, items)
                para.append(escape(line))
        _flush(out, para, items)
    return "".join(out)
