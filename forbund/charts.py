"""Server-side SVG charts: one drawing for the page and the PDF, its numbers in a table beside
it (the template's job). No JavaScript, readable by screen readers through title and desc."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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
    bredd = 60 + bredd_grupp * max(1, len(kategorier))
    maxv = max([v for _n, vals in serier for v in vals] + [1])
    skala = (hojd - 60) / maxv
    delar = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {bredd} {hojd}" width="{bredd}" '
        f'height="{hojd}" role="img" aria-labelledby="{ident}-t {ident}-d" class="diagram">',
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
        y = 12 + si * 14
        delar.append(
            f'<rect x="{bredd - 120}" y="{y - 9}" width="10" height="10" fill="{FARGER[si % 4]}"/>'
        )
        delar.append(f'<text x="{bredd - 105}" y="{y}" font-size="11">{escape(namn)}</text>')
    delar.append("</svg>")
    return mark_safe("".join(delar))  # noqa: S308 - every text above is escaped


def _beskrivning(kategorier, serier) -> str:
    parts = []
    for gi, kategori in enumerate(kategorier):
        varden = ", ".join(f"{namn} {vals[gi]}" for namn, vals in serier)
        parts.append(f"{kategori}: {varden}")
    return ". ".join(parts) + "."
