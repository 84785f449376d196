import re
from decimal import Decimal

from forbund import formatting
from forbund.formatting import kr, procent, tusental

NB = "\xa0"


def test_amounts_the_swedish_way():
    assert kr(7378000) == f"7{NB}378{NB}000{NB}kr"
    assert kr(Decimal("1844500.00")) == f"1{NB}844{NB}500{NB}kr"
    assert kr(0) == f"0{NB}kr"
    assert tusental(-288) == "−288"
    assert tusental(999) == "999"
    assert tusental(Decimal("1219.5"), 1) == f"1{NB}219,5"
    assert kr(None) == ""


def test_shares_as_percent():
    assert procent(Decimal("0.25")) == f"25{NB}%"
    assert procent(1) == f"100{NB}%"


def test_two_charts_on_one_page_have_their_own_names():
    from forbund.charts import staplar

    a = staplar(ident="a", titel="Första", kategorier=["x"], serier=[("s", [1])])
    b = staplar(ident="b", titel="Andra", kategorier=["x"], serier=[("s", [2])])
    assert 'aria-labelledby="a-t a-d"' in a and '<title id="a-t">Första</title>' in a
    assert 'aria-labelledby="b-t b-d"' in b and '<title id="b-t">Andra</title>' in b


def test_bar_chart_legend_sits_below_the_bars_and_fits_long_names():
    import re

    from forbund.charts import staplar

    namn = "Arbetsmarknadstorget, kvinnor"
    svg = staplar(
        ident="c",
        titel="Tre serier",
        kategorier=["Fråga 1", "Fråga 2"],
        serier=[("Alla", [90, 80]), ("Kvinna", [70, 60]), (namn, [50, 40])],
    )
    staplarna = [
        (int(y), int(h))
        for y, h in re.findall(r'<rect x="\d+" y="(\d+)" width="16" height="(\d+)"', svg)
    ]
    forklaringar = [int(y) for y in re.findall(r'<rect x="40" y="(\d+)" width="10"', svg)]
    assert len(staplarna) == 6 and len(forklaringar) == 3
    nederst = max(y + h for y, h in staplarna)
    assert min(forklaringar) > nederst
    bredd = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    assert bredd >= 55 + 6 * len(namn)


def test_protokolltext_renders_the_documented_subset():
    html = formatting.protokolltext_html(
        "Inledning **fet** och *kursiv*.\nNy rad.\n\n1. ett\n2. två\n\n- a\n- b\n\n"
        "| Post | Belopp |\n|---|---|\n| Arvoden | 100 |\n\n### Under\n[FINSAM](https://finsam.se)"
    )
    for del_ in (
        "<strong>fet</strong>",
        "<em>kursiv</em>",
        "<br>",
        "<ol>\n<li>ett</li>",
        "<ul>\n<li>a</li>",
        "<th>Post</th>",
        "<td>100</td>",
        '<h4 class="underrubrik">Under</h4>',
        '<a href="https://finsam.se" rel="noopener noreferrer">FINSAM</a>',
    ):
        assert del_ in html, del_


def test_protokolltext_lets_no_html_script_style_or_script_link_through():
    html = formatting.protokolltext_html(
        '<script>alert(1)</script> <b style="color:red" onclick="x()">y</b>\n\n'
        "[klicka](javascript:alert(1)) ![bild](https://x.se/a.png)\n\n    indraget"
    )
    taggar = re.findall(r"<([a-z0-9]+)([^>]*)>", html)
    assert {t for t, _a in taggar} <= {"p", "a", "br"}, taggar
    assert all("style" not in a and "onclick" not in a for _t, a in taggar)
    assert 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # shown as the text it was
    # The way out is sanitised whatever the way in: nh3 keeps only the subset's tags.
    assert (
        formatting.rensa_html('<p onclick="x()">a<script>b</script><img src=x></p>') == "<p>a</p>"
    )
    assert formatting.html_i_text("<b>fet</b>") and not formatting.html_i_text("3 < 5 och 7 > 2")
