"""Numbers the Swedish way: 7 378 000 kr, 25 %, 2022-01-21.

Thousands are grouped with a non-breaking space so an amount never wraps across lines.

One rounding rule for every amount a user reads, on pages, charts, PDFs, CSV and Excel:
half away from zero ("avrundning uppåt" at five: 0,5 → 1, 1 844,5 tkr → 1 845 tkr when shown
in whole tkr, −0,5 → −1). Python's round() on floats rounds half to even (round(2.5) == 2) and
works on binary fractions, so amounts go through `avrunda`, `kronor` and `tkr` instead.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import nh3
from django.utils.html import escape
from markdown_it import MarkdownIt

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


# --- Protocol text: a small, documented subset of Markdown ---------------------------------
#
# What a sekreterare may write (the hint beside the editor, PROTOKOLLTEXT_HJALP, lists it):
# paragraphs (a blank line between), line breaks, **fetstil**, *kursiv*, bulleted ("- ") and
# numbered ("1. ") lists, simple tables (| a | b | with a |---|---| line), links, and "### "
# sub-headings. markdown-it-py parses it with raw HTML off and every other construct
# (images, code, quotes, rules, underlined headings) disabled; nh3 (ammonia) then keeps only
# the tags below, so nothing else reaches a page or a PDF: no script, no style, no event
# attribute, no javascript: link. The same HTML goes to the page and the PDF.

PROTOKOLLTEXT_TAGGAR = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a",
    "table", "thead", "tbody", "tr", "th", "td",
    "h3", "h4", "h5", "h6", "div",
}  # fmt: skip
PROTOKOLLTEXT_HJALP = [
    ("Tom rad", "nytt stycke"),
    ("**fet**", "fetstil"),
    ("*kursiv*", "kursiv"),
    ("- punkt", "punktlista"),
    ("1. punkt", "numrerad lista"),
    ("| A | B |, sedan |---|---|, sedan | 1 | 2 |", "tabell"),
    ("[text](https://exempel.se)", "länk"),
    ("### Rubrik", "underrubrik"),
]


def _rubrik(niva: int):
    def regel(_renderer, tokens, idx, _options, _env):
        tag = f"h{niva}"
        return f'<{tag} class="underrubrik">' if tokens[idx].nesting == 1 else f"</{tag}>\n"

    return regel


def _tabell_oppna(_renderer, _tokens, _idx, _options, _env):
    # A wide table scrolls in its own region on a narrow screen (the page never does).
    return '<div class="tabell-rulla" role="region" aria-label="Tabell" tabindex="0"><table class="table table-sm">\n'


def _tabell_stang(_renderer, _tokens, _idx, _options, _env):
    return "</table></div>\n"


def _renderer(niva: int) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": True})
    md.enable("table")
    md.disable(
        ["image", "code", "fence", "blockquote", "hr", "lheading", "backticks", "html_block",
         "html_inline"]
    )  # fmt: skip
    md.add_render_rule("heading_open", _rubrik(niva))
    md.add_render_rule("heading_close", _rubrik(niva))
    md.add_render_rule("table_open", _tabell_oppna)
    md.add_render_rule("table_close", _tabell_stang)
    return md


_RENDERARE = {niva: _renderer(niva) for niva in (3, 4, 5, 6)}


def rensa_html(html: str) -> str:
    """Keep only the protocol text's tags (nh3): the way out, whatever came in."""
    return nh3.clean(
        html,
        tags=PROTOKOLLTEXT_TAGGAR,
        attributes={
            "a": {"href"},
            "div": {"class", "role", "aria-label", "tabindex"},
            "table": {"class"},
            **{f"h{n}": {"class"} for n in (3, 4, 5, 6)},
        },
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def protokolltext_html(text: str, *, rubrikniva: int = 4) -> str:
    """Protocol text (the subset above) as sanitised HTML, for the page and the PDF alike."""
    md = _RENDERARE.get(rubrikniva, _RENDERARE[4])
    return rensa_html(md.render((text or "").replace("\r\n", "\n")))


def html_i_text(text: str) -> bool:
    """Whether typed text holds HTML tags (refused on the way in: the subset has none)."""
    return nh3.is_html(text or "")
