"""The survey reports' stored sums and suppressed tables (issue 19): kept up to date where
answers arrive (the inbox's batch, a paper answer, an import), and always equal to the report
recomputed from every stored answer, small-cell suppression included."""

import json

import pandas as pd
from django.db import connection

from enkater import analysis, rapport, selectors, services
from enkater.models import Omgang, Rapportlager, Stegsumma, Svar, Svarssumma


def _fran_raderna(kod: str) -> dict:
    """The reference: every answered value read and suppressed, as before issue 19."""
    return analysis.nns_rapport(selectors.svar_df(selectors.omgangar_for(kod)))


def _lika(a: dict, b: dict) -> None:
    assert set(a) == set(b)
    for g in a:
        ta, tb = a[g], b[g]
        assert list(ta.index) == list(tb.index), g
        pd.testing.assert_frame_equal(
            ta.reset_index(drop=True),
            tb.reset_index(drop=True),
            check_dtype=False,
            check_index_type=False,
            obj=f"vyn {g}",
        )


def _summor() -> set[tuple]:
    return set(Stegsumma.objects.values_list("omgang_id", "fraga_id", "kon", "varde", "antal"))


def _som_ombyggda() -> set[tuple]:
    """The sums as they would be built afresh from every answer of every round."""
    sid = transaction_savepoint()
    try:
        services.stegsummor_bygg(omgang_ids=list(Omgang.objects.values_list("pk", flat=True)))
        return _summor()
    finally:
        transaction_rollback(sid)


def transaction_savepoint():
    with connection.cursor() as c:
        c.execute("SAVEPOINT summor")
    return "summor"


def transaction_rollback(sid):
    with connection.cursor() as c:
        c.execute(f"ROLLBACK TO SAVEPOINT {sid}")


def _koder() -> list[str]:
    return sorted(set(Omgang.objects.values_list("formular__kod", flat=True)))


def test_every_form_report_equals_the_recomputation_from_the_rows(enkat):
    koder = _koder()
    assert len(koder) >= 3
    for kod in koder:
        forsta, _o = rapport.tabeller_for(kod)  # computed from the sums and stored
        lagrad = Rapportlager.objects.get(kod=kod)
        assert lagrad.underlag == selectors.underlag(kod)
        andra, _o = rapport.tabeller_for(kod)  # read back from the stored tables
        referens = _fran_raderna(kod)
        _lika(forsta, referens)
        _lika(andra, referens)


def test_a_hidden_row_is_stored_without_any_figure(enkat):
    services.rapport_uppdatera(kod="deltagare_pagaende")
    lagrad = json.loads(Rapportlager.objects.get(kod="deltagare_pagaende").tabeller)
    dolda = 0
    for vy in lagrad:
        assert set(vy["tal"]) == {"n", *analysis.STEGKOLUMNER}  # no mean, no share: derived
        for i, dold in enumerate(vy["dold"]):
            if dold:
                dolda += 1
                assert all(vy["tal"][c][i] == 0 for c in vy["tal"]), (vy["gruppering"], i)
    assert dolda > 0  # the demo has small groups (the psykolog's round of three)


def test_the_sums_follow_the_inbox_batch_a_paper_answer_and_an_import(enkat):
    omgang = enkat
    kod = omgang.formular.kod
    fragor = {f.nummer: f for f in omgang.formular.fragor.all()}
    kon = next(f for f in fragor.values() if f.typ == "kon")
    rapport.tabeller_for(kod)
    assert _summor() == _som_ombyggda()

    # Web answers: in the inbox nothing is counted; the batch moves them and their sums.
    tokens = services.tokens_create(actor=None, omgang=omgang, antal=6)
    for n, token in enumerate(tokens):
        services.svar_lamna(
            omgang=omgang, token=token, varden={fragor["1"].pk: 1 + n % 6, kon.pk: 1 + n % 3}
        )
    fore = _summor()
    assert fore == _som_ombyggda()  # the inbox is not in the sums (nor in the rows)
    assert services.inkorg_toem(omgang=omgang, min_antal=5) == 6
    assert _summor() != fore
    assert _summor() == _som_ombyggda()
    # ... and the suppressed tables were stored by the move, for the answers it moved.
    lagrad = selectors.lagrad_rapport(kod, selectors.underlag(kod))
    assert lagrad is not None
    _lika(analysis.tabeller_fran_json(lagrad), _fran_raderna(kod))

    # A paper answer.
    services.svar_create(
        omgang=omgang, varden={fragor["2"].pk: 3, kon.pk: 2}, kanal=Svar.Kanal.PAPPER
    )
    assert _summor() == _som_ombyggda()

    # An import of paper answers: the sums and the stored tables.
    rader = [["kon", "1", "2"], ["1", "6", "5"], ["3", "2", ""], ["", "4", "4"]]
    assert services.svar_import(actor=None, omgang=omgang, rader=rader) == 3
    assert _summor() == _som_ombyggda()
    assert selectors.lagrad_rapport(kod, selectors.underlag(kod)) is not None
    _lika(rapport.tabeller_for(kod)[0], _fran_raderna(kod))


def test_answers_changed_past_the_services_are_counted_again_from_the_rows(enkat):
    kod = "deltagare_pagaende"
    rapport.tabeller_for(kod)
    omgang = Omgang.objects.filter(formular__kod=kod).order_by("pk").first()
    Svar.objects.filter(omgang=omgang).order_by("-pk").first().delete()
    assert Svarssumma.objects.get(omgang=omgang).antal_svar == omgang.svar.count() + 1
    _lika(rapport.tabeller_for(kod)[0], _fran_raderna(kod))
    assert Svarssumma.objects.get(omgang=omgang).antal_svar == omgang.svar.count()
    assert _summor() == _som_ombyggda()


def test_a_rounds_page_reads_its_own_part_of_the_stored_tables(
    enkat, django_assert_max_num_queries
):
    kod = "deltagare_pagaende"
    tabeller, omgangar = services.rapport_uppdatera(kod=kod)
    referens = _fran_raderna(kod)
    for omgang in omgangar:
        del_ = rapport.omgangens_tabeller(omgang)  # stored: no recomputation
        assert set(del_) == set(services.OMGANGSVYER)
        for g in services.OMGANGSVYER:
            t = referens[g]
            egen = t[t.index.get_level_values("omgang") == omgang.pk]
            assert list(del_[g].index) == list(egen.index), (omgang.pk, g)
            if len(egen):
                pd.testing.assert_frame_equal(
                    del_[g].reset_index(drop=True), egen.reset_index(drop=True), check_dtype=False
                )
    # A new answer anywhere in the form: the round's stored part is stale, and recomputed.
    omgang = omgangar[0]
    nyckel = selectors.underlag(kod)
    assert selectors.lagrad_omgangsrapport(omgang.pk, nyckel) is not None
    services.svar_create(omgang=omgangar[-1], varden={}, kanal=Svar.Kanal.PAPPER)
    assert selectors.lagrad_omgangsrapport(omgang.pk, selectors.underlag(kod)) is None
    rapport.omgangens_tabeller(omgang)
    assert selectors.lagrad_omgangsrapport(omgang.pk, selectors.underlag(kod)) is not None


def test_a_round_without_answers_has_a_page(enkat):
    tom = services.omgang_create(
        actor=None,
        formular=enkat.formular,
        ar=enkat.ar,
        oppnar=enkat.oppnar,
        stanger=enkat.stanger,
        insats=enkat.insats,
    )
    services.rapport_uppdatera(kod=tom.formular.kod)
    ctx = rapport.omgang_rapport(tom)  # from the stored (empty) part
    assert ctx["antal_svar"] == 0
    assert ctx["tabeller"] and all(t.rader[0].dold for t in ctx["tabeller"])
