"""Reading figures off a rendered page: table rows by an attribute, Swedish numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser


class _Rader(HTMLParser):
    """Every <tr> with the attribute `attr`: its value -> the texts of its cells."""

    def __init__(self, attr: str):
        super().__init__(convert_charrefs=True)
        self.attr = attr
        self.rader: dict[str, list[str]] = {}
        self._rad: str | None = None
        self._cell: list[str] | None = None
        self._celler: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and self.attr in attrs:
            self._rad, self._celler = attrs[self.attr], []
        elif tag in ("td", "th") and self._rad is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._celler.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._rad is not None:
            self.rader[self._rad] = self._celler
            self._rad = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def rader(html: str, attr: str = "data-rad", inom: str | None = None) -> dict[str, list[str]]:
    """Rows of the page (or of the element with id `inom`) by `attr`: the cells after the
    first (the row's name)."""
    if inom is not None:
        start = html.index(f'id="{inom}"')
        html = html[start : html.index("</table>", start)]
    p = _Rader(attr)
    p.feed(html)
    return {k: v[1:] for k, v in p.rader.items()}


def element(html: str, ident: str) -> str:
    """The text of the element with this id (up to its first closing tag)."""
    m = re.search(rf'id="{re.escape(ident)}"[^>]*>(.*?)</', html, re.S)
    assert m, ident
    return " ".join(re.sub(r"<[^>]+>", " ", m.group(1)).split())


def tal(text: str) -> Decimal | None:
    """ "1 844,5" -> 1844.5; "−288" -> -288; "7 378 000 kr" -> 7378000; "–" or "" -> None."""
    text = text.replace("\xa0", " ").replace("kr", "").replace("%", "").strip()
    if text in ("", "–"):
        return None
    return Decimal(text.replace(" ", "").replace("−", "-").replace(",", "."))
