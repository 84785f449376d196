from decimal import Decimal

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
