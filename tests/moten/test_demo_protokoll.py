"""The demo recreates seed 003's two protocols: every paragraph, attendance, jäv and date."""

import datetime as dt

from django.utils import timezone

from moten.models import Narvaro, Paragrafnummer, Protokoll


def test_both_protocols_numbered_justerade_and_anslagna_as_in_the_seed(moten):
    nov = moten.justerat
    assert list(nov.paragrafer.values_list("nummer", flat=True)) == list(range(150, 175))
    jan = Protokoll.objects.get(mote__datum=dt.date(2022, 1, 21))
    assert list(jan.paragrafer.values_list("nummer", flat=True)) == list(range(1, 16))
    for protokoll, justerat, anslag, ned in [
        (nov, "2021-12-09", "2021-12-15", "2022-01-05"),
        (jan, "2022-02-07", "2022-02-08", "2022-03-01"),
    ]:
        assert protokoll.status == Protokoll.Status.JUSTERAT
        assert len(protokoll.sha256) == 64
        assert timezone.localdate(protokoll.justerat).isoformat() == justerat
        assert protokoll.anslag.anslagsdatum.isoformat() == anslag
        assert protokoll.anslag.ned_tidigast.isoformat() == ned


def test_jav_and_attendance_of_paragraph_161(moten):
    p161 = moten.justerad_paragraf
    assert [str(j) for j in p161.jav.all()] == [
        "Johan Bergvik deltog inte i beslutet.",
        "Tove Ringblad deltog inte i diskussionen.",
    ]
    assert p161.beslut.first().text.startswith("bevilja medel med 645 000 kr till SIP-samordnare")
    ovriga = moten.justerat.narvaro.filter(kategori=Narvaro.Kategori.OVRIG, fran_paragraf=150)
    assert [n.paragrafer for n in ovriga] == ["§ 150–154"] * 3
    jan = Protokoll.objects.get(mote__datum=dt.date(2022, 1, 21))
    tjanstgorande = jan.narvaro.filter(kategori=Narvaro.Kategori.TJANSTGORANDE)
    assert {(n.namn, n.ersatter) for n in tjanstgorande} == {
        ("Tove Ringblad", "Johan Bergvik"),
        ("Lisa Kvarnström", "Fredrika Alnö"),
    }


def test_series_continue_after_the_demo(moten):
    from devtools.demo_aren import sista_motet

    styrelsen = moten.justerat.mote.organ
    assert Paragrafnummer.objects.get(organ=styrelsen, ar=2021).senaste == 174
    assert (
        max(
            Protokoll.objects.get(mote__datum=dt.date(2022, 1, 21)).paragrafer.values_list(
                "nummer", flat=True
            )
        )
        == 15
    )
    # The numbered test meeting (three days ago) took the number after the demo's last
    # meeting (a week ago, numbered), or § 1 if a new year began in between.
    sista = Protokoll.objects.get(mote__organ=styrelsen, mote__datum=sista_motet())
    forvantat = (
        max(sista.paragrafer.values_list("nummer", flat=True)) + 1
        if sista.mote.datum.year == moten.numrerat.datum.year
        else 1
    )
    assert moten.numrerat.protokoll.paragrafer.get().nummer == forvantat
