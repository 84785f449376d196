"""Server-side SVG charts: one drawing for the page and the PDF, its numbers in a table beside
it (the template's job). No JavaScript, readable by screen readers through title and desc."""

from __future__ import annotations

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .formatting import tusental

# Colours with at least 3:1 contrast against white and each other's neighbours.
FARGER = ["#1d3557", "#c4461b", "#2a7f62", "#6d3b8a"]


def staplar(
    *,
    ident: str,
    titel: str,
    kategorier: list[str],
    serier: list[tuple[str, list[int]]],
    hojd: int = 220,
) -> SafeString:
    """Grouped vertical bars: one group per category, one bar per series."""
    bredd_grupp = max(48, 18 * len(serier) + 24)
    # The legend sits under the category labels, one row per series, so it never covers a
    # bar; the drawing is wide enough for the longest series name.
    langsta = max([len(namn) for namn, _vals in serier] + [0])
    bredd = max(60 + bredd_grupp * max(1, len(kategorier)), 60 + 7 * langsta)
    total_hojd = hojd + 16 * len(serier)
    maxv = max([v for _n, vals in serier for v in vals] + [1])
    skala = (hojd - 60) / maxv
    delar = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {bredd} {total_hojd}" '
        f'width="{bredd}" height="{total_hojd}" role="img" aria-labelledby="{ident}-t {ident}-d" '
        'class="diagram">',
        f'<title id="{ident}-t">{escape(titel)}</title>',
        f'<desc id="{ident}-d">{escape(_beskrivning(kategorier, serier))}</desc>',
        f'<line x1="40" y1="{hojd - 40}" x2="{bredd - 10}" y2="{hojd - 40}" stroke="#333"/>',
    ]
    for gi, kategori in enumerate(kategorier):
        x0 = 50 + gi * bredd_grupp
        for si, (_namn, vals) in enumerate(serier):
            v = vals[gi]
            h = round(v * skala)
            x = x0 + si * 18
            y = hojd - 40 - h
            delar.append(f'<rect x="{x}" y="{y}" width="16" height="{h}" fill="{FARGER[si % 4]}"/>')
            delar.append(
                f'<text x="{x + 8}" y="{y - 3}" font-size="10" text-anchor="middle">{v}</text>'
            )
        delar.append(
            f'<text x="{x0 + 9 * len(serier)}" y="{hojd - 25}" font-size="10" '
            f'text-anchor="middle">{escape(kategori)}</text>'
        )
    for si, (namn, _vals) in enumerate(serier):
        y = hojd - 4 + si * 16
        delar.append(f'<rect x="40" y="{y - 9}" width="10" height="10" fill="{FARGER[si % 4]}"/>')
        delar.append(f'<text x="55" y="{y}" font-size="11">{escape(namn)}</text>')
    delar.append("</svg>")
    return mark_safe("".join(delar))  # noqa: S308 - every text above is escaped


def _beskrivning(kategorier, serier) -> str:
    parts = []
    for gi, kategori in enumerate(kategorier):
        varden = ", ".join(f"{namn} {vals[gi]}" for namn, vals in serier)
        parts.append(f"{kategori}: {varden}")
    return ". ".join(parts) + "."


# Line patterns, so a series is told apart without its colour (WCAG 1.4.1).
STRECK = ["", "7 4", "2 3", "9 3 2 3"]


def linjer(
    *,
    ident: str,
    titel: str,
    kategorier: list[str],
    serier: list[tuple[str, list[float | None]]],
    hojd: int = 240,
    decimaler: int = 1,
) -> SafeString:
    """Lines over categories (years): one line per series, a gap where a value is None.
    Values are printed the Swedish way (12,3) in the description and on the y axis."""

    steg = max(56, 560 // max(1, len(kategorier)))
    vanster, topp, botten = 52, 14, 44 + 16 * len(serier)
    bredd = vanster + steg * max(1, len(kategorier)) + 10
    yta = hojd - topp - botten
    varden = [v for _n, vals in serier for v in vals if v is not None]
    maxv = _rund_topp(max(varden + [0]))
    skala = yta / maxv

    def y(v: float) -> float:
        return round(topp + yta - v * skala, 1)

    def x(i: int) -> float:
        return vanster + steg * i + steg / 2

    def text(v) -> str:
        return "uppgift saknas" if v is None else tusental(v, decimaler)

    desc = ". ".join(
        f"{kategori}: " + ", ".join(f"{namn} {text(vals[i])}" for namn, vals in serier)
        for i, kategori in enumerate(kategorier)
    )
    delar = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {bredd} {hojd}" width="{bredd}" '
        f'height="{hojd}" role="img" aria-labelledby="{ident}-t {ident}-d" class="diagram">',
        f'<title id="{ident}-t">{escape(titel)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}.</desc>',
    ]
    for i in range(5):
        v = maxv * i / 4
        delar.append(
            f'<line x1="{vanster}" y1="{y(v)}" x2="{bredd - 10}" y2="{y(v)}" '
            f'stroke="{"#333" if i == 0 else "#ccc"}"/>'
        )
        delar.append(
            f'<text x="{vanster - 6}" y="{y(v) + 4}" font-size="10" text-anchor="end">'
            f"{escape(tusental(v, 0 if maxv >= 20 else 1))}</text>"
        )
    for i, kategori in enumerate(kategorier):
        delar.append(
            f'<text x="{x(i)}" y="{topp + yta + 16}" font-size="10" text-anchor="middle">'
            f"{escape(kategori)}</text>"
        )
    for si, (_namn, vals) in enumerate(serier):
        farg, streck = FARGER[si % 4], STRECK[si % 4]
        bit: list[str] = []
        for i, v in enumerate([*vals, None]):
            if v is not None:
                bit.append(f"{x(i)},{y(v)}")
                continue
            if len(bit) > 1:
                dash = f' stroke-dasharray="{streck}"' if streck else ""
                delar.append(
                    f'<polyline points="{" ".join(bit)}" fill="none" stroke="{farg}" '
                    f'stroke-width="2"{dash}/>'
                )
            bit = []
        for i, v in enumerate(vals):
            if v is not None:
                delar.append(f'<circle cx="{x(i)}" cy="{y(v)}" r="3" fill="{farg}"/>')
    for si, (namn, _vals) in enumerate(serier):
        ly = hojd - botten + 34 + 16 * si
        farg, streck = FARGER[si % 4], STRECK[si % 4]
        dash = f' stroke-dasharray="{streck}"' if streck else ""
        delar.append(
            f'<line x1="{vanster}" y1="{ly - 4}" x2="{vanster + 28}" y2="{ly - 4}" '
            f'stroke="{farg}" stroke-width="2"{dash}/>'
        )
        delar.append(f'<text x="{vanster + 34}" y="{ly}" font-size="11">{escape(namn)}</text>')
    delar.append("</svg>")
    return mark_safe("".join(delar))  # noqa: S308 - every text above is escaped


def _rund_topp(v: float) -> float:
    """A round upper end for the y axis: 37 -> 40, 0.8 -> 1, 0 -> 1."""

    if v <= 0:
        return 1.0
    potens = 10 ** math.floor(math.log10(v))
    for steg in (1, 2, 2.5, 4, 5, 10):
        if v <= steg * potens:
            return steg * potens
    return 10 * potens
