"""The behovsanalys's computations as pure functions: rates per 1 000, totals, trend and the
split between kvinnor and män. No database."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from behovsanalys import analys
from forbund import charts


def _he(rader):
    return pd.DataFrame(
        rader, columns=["regionkod", "kon", "ar", "ersattning", "helarsekvivalenter"]
    )


def _bef(rader):
    return pd.DataFrame(rader, columns=["regionkod", "kon", "ar", "befolkning"])


HE = _he(
    [
        ("2281", "kvinnor", 2022, "sjukpenning", 800.0),
        ("2281", "man", 2022, "sjukpenning", 400.0),
        ("2281", "kvinnor", 2022, "ekonomiskt_bistand", 336.0),
        ("2281", "man", 2022, "ekonomiskt_bistand", 435.0),
        ("2281", "kvinnor", 2023, "sjukpenning", 840.0),
        ("2281", "man", 2023, "sjukpenning", 435.0),
        ("2281", "kvinnor", 2023, "ekonomiskt_bistand", 308.0),
        ("2281", "man", 2023, "ekonomiskt_bistand", 406.0),
        ("00", "kvinnor", 2023, "sjukpenning", 86100.0),
    ]
)
BEF = _bef(
    [
        ("2281", "kvinnor", 2022, 28000),
        ("2281", "man", 2022, 29000),
        ("2281", "kvinnor", 2023, 28000),
        ("2281", "man", 2023, 29000),
        ("00", "kvinnor", 2023, 2870000),
    ]
)


def _cell(df, **nyckel):
    urval = df
    for k, v in nyckel.items():
        urval = urval[urval[k] == v]
    assert len(urval) == 1, nyckel
    return urval.iloc[0]


def test_rate_per_1000_of_the_same_kon():
    df = analys.per_tusen(HE, BEF)
    rad = _cell(df, regionkod="2281", kon="kvinnor", ar=2022, ersattning="sjukpenning")
    assert rad.per_1000 == pytest.approx(800 / 28000 * 1000)  # 28,6
    assert rad.befolkning == 28000


def test_total_over_kinds_is_a_sum_and_its_rate_uses_the_sum():
    df = analys.per_tusen(HE, BEF)
    rad = _cell(df, regionkod="2281", kon="kvinnor", ar=2022, ersattning="totalt")
    assert rad.helarsekvivalenter == 800 + 336
    assert rad.per_1000 == pytest.approx(1136 / 28000 * 1000)


def test_total_over_kon_divides_summed_counts_not_averaged_rates():
    df = analys.per_tusen(HE, BEF)
    rad = _cell(df, regionkod="2281", kon="totalt", ar=2023, ersattning="totalt")
    assert rad.helarsekvivalenter == 840 + 435 + 308 + 406
    assert rad.befolkning == 57000
    assert rad.per_1000 == pytest.approx(1989 / 57000 * 1000)
    medel = (1148 / 28000 + 841 / 29000) / 2 * 1000
    assert rad.per_1000 != pytest.approx(medel)


def test_no_kon_total_where_one_kon_is_missing_and_no_rate_without_population():
    df = analys.per_tusen(HE, BEF)
    assert df[(df.regionkod == "00") & (df.kon == "totalt")].empty
    utan = analys.per_tusen(HE, BEF[BEF.regionkod != "00"])
    rad = _cell(utan, regionkod="00", kon="kvinnor", ar=2023, ersattning="sjukpenning")
    assert math.isnan(rad.per_1000)
    noll = analys.per_tusen(HE, BEF.assign(befolkning=0))
    assert noll["per_1000"].isna().all()


def test_trend_from_first_to_last_year_and_per_year():
    df = analys.per_tusen(HE, BEF)
    tr = analys.trend(df, fran=2022, till=2023)
    rad = _cell(tr, regionkod="2281", kon="kvinnor", ersattning="sjukpenning")
    assert rad.per_1000_fran == pytest.approx(800 / 28)
    assert rad.per_1000_till == pytest.approx(840 / 28)
    assert rad.forandring == pytest.approx(40 / 28)
    assert rad.forandring_procent == pytest.approx(5.0)
    assert rad.per_ar == pytest.approx(40 / 28)
    # Riket has 2023 only: no change can be computed.
    riket = _cell(tr, regionkod="00", kon="kvinnor", ersattning="sjukpenning")
    assert math.isnan(riket.forandring) and math.isnan(riket.per_ar)


def test_trend_per_year_is_the_least_squares_slope():
    he = _he(
        [("1", "kvinnor", a, "sjukpenning", v) for a, v in [(2020, 10), (2021, 30), (2022, 20)]]
    )
    bef = _bef([("1", "kvinnor", a, 1000) for a in (2020, 2021, 2022)])
    tr = analys.trend(analys.per_tusen(he, bef), fran=2020, till=2022)
    rad = _cell(tr, ersattning="sjukpenning", kon="kvinnor")
    assert rad.forandring == pytest.approx(10)
    assert rad.per_ar == pytest.approx(5)  # slope of 10, 30, 20


def test_kvinnor_och_man_side_by_side():
    df = analys.per_tusen(HE, BEF)
    kvm = analys.kvinnor_och_man(df)
    rad = _cell(kvm, regionkod="2281", ar=2023, ersattning="ekonomiskt_bistand")
    assert rad.kvinnor_per_1000 == pytest.approx(11.0)
    assert rad.man_per_1000 == pytest.approx(14.0)
    assert rad.skillnad == pytest.approx(-3.0)
    assert rad.andel_kvinnor == pytest.approx(308 / 714)


def test_empty_input_gives_empty_tables():
    df = analys.per_tusen(analys.tom_he(), analys.tom_bef())
    assert df.empty
    assert analys.trend(df, fran=2020, till=2023).empty
    assert analys.serie(df, regionkod="1", kon="totalt", ersattning="totalt", ar=[2020]) == [None]


def test_line_chart_is_readable_svg_with_swedish_numbers_and_gaps():
    svg = charts.linjer(
        ident="t",
        titel="Per 1 000 <invånare>",
        kategorier=["2021", "2022", "2023"],
        serier=[("Sundsvall", [28.55, None, 30.0]), ("Riket", [20.0, 21.0, 22.0])],
    )
    assert 'role="img"' in svg and 'aria-labelledby="t-t t-d"' in svg
    assert '<title id="t-t">Per 1 000 &lt;invånare&gt;</title>' in svg
    assert "2021: Sundsvall 28,6, Riket 20,0. 2022: Sundsvall uppgift saknas, Riket 21,0" in svg
    # Sundsvall's line breaks at the gap: two points, no polyline; riket one polyline.
    assert svg.count("<polyline") == 1
    assert svg.count("<circle") == 5
    assert 'stroke-dasharray="7 4"' in svg  # the second series is dashed, not only coloured


_varde = st.floats(min_value=0, max_value=1e6, allow_nan=False)
_invanare = st.integers(min_value=1, max_value=10_000_000)


@settings(max_examples=60, deadline=None)
@given(hk=_varde, hm=_varde, ek=_varde, em=_varde, bk=_invanare, bm=_invanare)
def test_totals_lie_between_their_parts_and_add_up(hk, hm, ek, em, bk, bm):
    he = _he(
        [
            ("1", "kvinnor", 2023, "sjukpenning", hk),
            ("1", "man", 2023, "sjukpenning", hm),
            ("1", "kvinnor", 2023, "etableringsersattning", ek),
            ("1", "man", 2023, "etableringsersattning", em),
        ]
    )
    df = analys.per_tusen(he, _bef([("1", "kvinnor", 2023, bk), ("1", "man", 2023, bm)]))
    alla = _cell(df, kon="totalt", ersattning="totalt")
    assert alla.helarsekvivalenter == pytest.approx(hk + hm + ek + em)
    # The total rate is a weighted mean of the two kön's rates, so it lies between them.
    k = _cell(df, kon="kvinnor", ersattning="totalt").per_1000
    m = _cell(df, kon="man", ersattning="totalt").per_1000
    assert min(k, m) - 1e-9 <= alla.per_1000 <= max(k, m) + 1e-9
    # And the kinds' rates add up to the total rate of each kön.
    delar = df[(df.kon == "kvinnor") & (df.ersattning != "totalt")].per_1000.sum()
    assert delar == pytest.approx(k)
