"""The key pages of `make bench` ask the database the same number of questions whatever the
size of the data, and the scale generator makes consistent data and refuses real databases.

The pages are counted on the demo, then again after devtools.skala has added a small
generated förbund on top (years of justerade protocols, insatser with monthly statistics,
survey answers, transactions): every list on those pages then has more rows.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from devtools import matning, skala
from forbund.models import Person


def _rakna(utkast_pk: int) -> dict[str, tuple[int, int]]:
    """(status, queries) per key page."""
    ut = {}
    for sida in matning.sidor(lambda: utkast_pk):
        klient = matning._klient(sida.anvandare)
        url = sida.url()
        klient.get(url)  # first request of a session: the same for every page
        with CaptureQueriesContext(connection) as ctx:
            svar = klient.get(url)
        ut[sida.namn] = (svar.status_code, len(ctx.captured_queries))
    return ut


@pytest.fixture
def utkast(hela_demot):
    kansli = get_user_model().objects.get(username="forbundschef")
    return skala.utkast_med_paragrafer(actor=kansli, datum=dt.date(2031, 1, 17), antal=25)


# A second, larger batch beside LITEN (earlier years, more of everything).
STORRE = skala.Storlek(
    ar=3, moten_per_ar=4, paragrafer=10, insatser=6, svar=600, transaktioner=3_000, sista_ar=2016
)

# Pages whose queries grow with the data today, in apps this issue does not change; the
# cause and the fix go in docs/performance.md. They are still counted, and must answer 200.
KANDA_VAXANDE: set[str] = set()


def test_key_pages_have_the_same_number_of_queries_at_both_sizes(utkast):
    skala.generera(storlek=skala.LITEN, seed=7)
    fore = _rakna(utkast.pk)
    assert all(status == 200 for status, _n in fore.values()), fore
    skala.generera(storlek=STORRE, seed=8)
    efter = _rakna(utkast.pk)
    assert all(status == 200 for status, _n in efter.values()), efter
    for namn in KANDA_VAXANDE:
        fore.pop(namn), efter.pop(namn)
    assert efter == fore


def test_the_generated_data_is_consistent(demo):
    from ekonomi.models import Transaktion
    from enkater.models import Svar
    from insatser import services as insats_services
    from insatser import sus
    from insatser.models import Beviljning, Period
    from moten import services as moten_services
    from moten.models import Paragraf, Protokoll

    skala.generera(storlek=skala.LITEN, seed=7)
    liten = skala.LITEN
    genererade = Protokoll.objects.filter(mote__datum__year__lte=skala.SISTA_MOTESAR)
    assert genererade.count() == liten.ar * liten.moten_per_ar
    assert Paragraf.objects.filter(protokoll__in=genererade).count() == (
        liten.ar * liten.moten_per_ar * liten.paragrafer
    )
    for protokoll in genererade:
        assert protokoll.status == Protokoll.Status.JUSTERAT
        assert protokoll.sha256 == moten_services.protokoll_sha256(protokoll)
        assert hasattr(protokoll, "anslag")
    # Every grant is decided in an Att-clause of a justerat paragraph of its own year.
    for b in Beviljning.objects.filter(ar__lte=skala.SISTA_MOTESAR).select_related("paragraf"):
        assert b.paragraf.ar == b.ar and b.attsats.paragraf_id == b.paragraf_id
    for period in Period.objects.filter(fran__year__lte=skala.SISTA_MOTESAR)[:50]:
        assert sus.validera(insats_services.period_rader(period)) == []
    assert Svar.objects.count() >= liten.svar
    # The generated books (the demo's own are imported month by month, as SIE files).
    generated = Transaktion.objects.filter(utfallsimport__filnamn__startswith="huvudbok_")
    assert generated.count() == liten.transaktioner
    # Invented people only, with addresses at example.org.
    for person in Person.objects.exclude(epost=""):
        assert person.epost.endswith("@example.org")
    assert skala.databasstatus() == "genererad"


def test_the_generated_answers_have_their_survey_sums_and_stored_reports(demo):
    """generate_scale writes answers by COPY, past the services: its bulk path builds the
    reports' sums and stores every form's suppressed tables, equal to the recomputation
    from every answered value (issue 19)."""
    import pandas as pd

    from enkater import analysis, selectors
    from enkater import services as enkat_services
    from enkater.models import Omgang, Stegsumma

    skala.generera(storlek=skala.LITEN, seed=7)
    koder = sorted(set(Omgang.objects.values_list("formular__kod", flat=True)))
    summor = set(Stegsumma.objects.values_list("omgang_id", "fraga_id", "kon", "varde", "antal"))
    for kod in koder:
        omgangar = selectors.omgangar_for(kod)
        assert selectors.inaktuella_summor(omgangar) == [], kod
        lagrad = selectors.lagrad_rapport(kod, selectors.underlag(kod))
        assert lagrad is not None, kod  # stored by the generator, for these very answers
        fran_raderna = analysis.nns_rapport(selectors.svar_df(omgangar))
        tabeller = analysis.tabeller_fran_json(lagrad)
        for g, t in fran_raderna.items():
            assert list(t.index) == list(tabeller[g].index), (kod, g)
            pd.testing.assert_frame_equal(
                t.reset_index(drop=True), tabeller[g].reset_index(drop=True), check_dtype=False
            )
    enkat_services.stegsummor_bygg(omgang_ids=list(Omgang.objects.values_list("pk", flat=True)))
    assert summor == set(
        Stegsumma.objects.values_list("omgang_id", "fraga_id", "kon", "varde", "antal")
    )


def test_generate_scale_refuses_a_database_with_data_it_did_not_write(demo):
    with pytest.raises(CommandError, match="innehåller data som generate_scale inte har skapat"):
        call_command("generate_scale", storlek="liten")
    assert skala.databasstatus() == "verklig"


def test_generate_scale_fills_an_empty_database_once(db, capsys):
    assert skala.databasstatus() == "tom"
    call_command("generate_scale", storlek="liten", seed=3)
    assert skala.databasstatus() == "genererad"
    assert Person.objects.filter(epost__startswith="genererad.").exists()
    call_command("generate_scale", storlek="liten", seed=3)
    assert "redan genererad" in capsys.readouterr().out


def test_comparison_flags_growing_queries_and_slow_pages():
    demo = {"sidor": {"a": {"fragor": 5, "median_ms": 10.0}, "b": {"fragor": 3, "median_ms": 50}}}
    stor = {
        "sidor": {
            "a": {"fragor": 5, "median_ms": 12.0, "p95_ms": 14.0, "status": 200},
            "b": {"fragor": 4, "median_ms": 160, "p95_ms": 200, "status": 200},
        }
    }
    j = matning.jamfor(demo, stor)
    assert j["a"]["samma_fragor"] and j["a"]["under_150_ms"] and j["a"]["inom_1_5x"]
    assert not j["b"]["samma_fragor"] and not j["b"]["under_150_ms"] and not j["b"]["inom_1_5x"]


def test_the_comparison_says_why_a_page_misses():
    """make bench names the cause of a miss from what the counted request did."""
    demo = {
        "sidor": {
            "lista": {"fragor": 4, "median_ms": 10.0, "kB": 10.0, "sql_ms": 2.0,
                      "fragetyper": {"SELECT a": 3, "SELECT b": 1}},
            "fraga": {"fragor": 3, "median_ms": 10.0, "kB": 5.0, "sql_ms": 2.0,
                      "fragetyper": {"SELECT x WHERE id = ?": 1, "SELECT y": 2}},
            "brus": {"fragor": 2, "median_ms": 10.0, "kB": 5.0, "sql_ms": 2.0},
            "lugn": {"fragor": 2, "median_ms": 10.0, "kB": 5.0, "sql_ms": 2.0},
        }
    }  # fmt: skip
    skala = {
        "sidor": {
            "lista": {"fragor": 4, "median_ms": 40.0, "p95_ms": 50.0, "status": 200, "kB": 90.0,
                      "sql_ms": 30.0, "langsammaste": [(25.0, "SELECT a FROM stor")],
                      "fragetyper": {"SELECT a": 3, "SELECT b": 1}},
            "fraga": {"fragor": 5, "median_ms": 30.0, "p95_ms": 40.0, "status": 200, "kB": 5.0,
                      "sql_ms": 2.5, "fragetyper": {"SELECT x WHERE id = ?": 3, "SELECT y": 2}},
            "brus": {"fragor": 2, "median_ms": 20.0, "p95_ms": 30.0, "status": 200, "kB": 5.0,
                     "sql_ms": 2.0},
            "lugn": {"fragor": 2, "median_ms": 11.0, "p95_ms": 12.0, "status": 200, "kB": 5.0,
                     "sql_ms": 2.0},
        }
    }  # fmt: skip
    j = matning.jamfor(demo, skala)
    assert j["lugn"]["orsak"] == []
    assert any("svaret växer 9.0×" in o for o in j["lista"]["orsak"])
    assert any("databastiden växer" in o and "SELECT a FROM stor" in o for o in j["lista"]["orsak"])
    assert j["fraga"]["orsak"][0].startswith("frågorna växer (3 → 5), t.ex. 2 fler av: SELECT x")
    assert "brus" in j["brus"]["orsak"][0]


def test_the_bench_command_writes_both_sizes_and_the_comparison(utkast, tmp_path):
    """`make bench` end to end, in miniature: one timed request per page, no heavy jobs."""
    import json

    call_command("bench", etikett="demo", varv=1, utan_jobb=True, ut=str(tmp_path))
    skala.generera(storlek=skala.LITEN, seed=7)
    call_command("bench", etikett="skala", varv=1, utan_jobb=True, ut=str(tmp_path))
    resultat = json.loads((tmp_path / "bench.json").read_text())
    assert set(resultat["jamforelse"]) == {s.namn for s in matning.sidor(lambda: 0)}
    assert resultat["skala"]["storlek"]["protokoll"] > resultat["demo"]["storlek"]["protokoll"]
    assert all(s["status"] == 200 for s in resultat["skala"]["sidor"].values())
