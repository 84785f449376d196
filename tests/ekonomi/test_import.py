"""Utfall import: all or nothing with line numbers, idempotent, corrected files replace the
period, unmapped accounts listed; property tests for both promises."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ekonomi import selectors, services
from ekonomi.models import Budgetpost, Importutkast, Konto, Transaktion, Utfallsimport

from ..conftest import client_for
from .conftest import sie4

D = dt.date


@pytest.fixture
def ekonomi(seed_ekonomi):
    """The seeds' world alone: these tests import 2021's books themselves."""
    return seed_ekonomi


def _kansli():
    return get_user_model().objects.get(username="forbundschef")


def test_broken_line_changes_nothing_and_is_named(ekonomi):
    good = sie4([(7010, D(2021, 3, 1), 10_000, "Arvoden")])
    services.utfall_import(actor=_kansli(), data=good, filnamn="mars.se", ar=2021)
    before = list(Transaktion.objects.values_list("pk", flat=True))
    bad = good.replace(b"#TRANS 7010 {} 10000.00", b"#TRANS 7010 {} tiotusen")
    nr = bad.split(b"\r\n").index(b"   #TRANS 7010 {} tiotusen") + 1
    with pytest.raises(services.Fel) as exc:
        services.utfall_import(actor=_kansli(), data=bad, filnamn="mars.se", ar=2021)
    assert exc.value.fel == [
        f"Rad {nr}: #TRANS: beloppet tiotusen är inte ett tal; väntat siffror med punkt och "
        "högst två decimaler (t.ex. -1234.50)."
    ]
    assert list(Transaktion.objects.values_list("pk", flat=True)) == before


def test_same_file_twice_changes_nothing_and_a_corrected_file_replaces_the_period(ekonomi):
    data = sie4(
        [(7010, D(2021, 3, 1), 10_000, "Arvoden"), (6550, D(2021, 3, 5), 50_000, "Konsult")]
    )
    first = services.utfall_import(
        actor=_kansli(), data=data, filnamn="q1.se", ar=2021, per=D(2021, 3, 31)
    )
    assert first.lasta == 4 and first.antal == 2  # the bank rows (1930) are not utfall
    again = services.utfall_import(
        actor=_kansli(), data=data, filnamn="q1-kopia.se", ar=2021, per=D(2021, 3, 31)
    )
    assert again.oforandrad and Utfallsimport.objects.count() == 1
    fixed = sie4(
        [(7010, D(2021, 3, 1), 12_000, "Arvoden"), (6550, D(2021, 3, 5), 50_000, "Konsult")]
    )
    result = services.utfall_import(
        actor=_kansli(), data=fixed, filnamn="q1-rattad.se", ar=2021, per=D(2021, 3, 31)
    )
    assert result.ersatte is not None
    assert (7010, Decimal("10000.00"), Decimal("12000.00")) in result.andringar
    assert Utfallsimport.objects.count() == 1
    r = selectors.rapport(2021)
    arvoden = next(x for g in r.grupper for x in g.rader if x.namn == "Styrelsearvoden")
    assert arvoden.utfall == 12_000


def test_unmapped_accounts_are_listed_and_can_be_mapped(ekonomi):
    data = sie4(
        [(6991, D(2021, 4, 1), 4_000, "Ny kostnad")], konton={6991: "Övriga externa kostnader"}
    )
    result = services.utfall_import(actor=_kansli(), data=data, filnamn="april.se", ar=2021)
    assert result.omappade == [6991]
    assert not Konto.objects.filter(nummer=6991).exists()  # the import adds no account
    kansli = client_for("forbundschef")
    page = kansli.get(reverse("ekonomi_konton"), {"ar": 2021}).content.decode()
    assert "I filen: ”Övriga externa kostnader”" in page
    post = Budgetpost.objects.get(namn="Övr. främmande tjänster")
    kansli.post(reverse("ekonomi_konto_mappa"), {"konto": 6991, "post": post.pk, "ar": 2021})
    assert Konto.objects.get(nummer=6991).namn == ""  # mapped on purpose, named by no one
    assert services.omappade_konton(2021) == []
    r = selectors.rapport(2021)
    rad = next(x for g in r.grupper for x in g.rader if x.post == post)
    assert rad.utfall == 4_000


def test_upload_in_the_browser_form(ekonomi):
    kansli = client_for("forbundschef")
    bad = b"konto;datum;belopp;text\n7010;2021-02-30;100;Fel datum\n"
    response = kansli.post(
        reverse("ekonomi_import"), {"ar": 2021, "fil": SimpleUploadedFile("utfall.csv", bad)}
    )
    assert response.status_code == 422
    assert (
        "Rad 2: datumet 2021-02-30 är inte ett datum; väntat ÅÅÅÅ-MM-DD."
        in response.content.decode()
    )
    assert not Importutkast.objects.exists()
    ok = (
        b"konto;datum;belopp;text\n7010;2021-02-15;1500,50;Arvode\n3010;2021-02-01;-1844500;Medel\n"
    )
    response = kansli.post(
        reverse("ekonomi_import"), {"ar": 2021, "fil": SimpleUploadedFile("utfall.csv", ok)}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Kontrollera importen" in page
    assert "<strong>2021-02-28</strong> (sista dagen i filens sista månad)" in page
    assert not Transaktion.objects.exists()  # nothing until it is confirmed
    utkast = Importutkast.objects.get()
    response = kansli.post(
        reverse("ekonomi_import_granska", args=[utkast.pk]), {"atgard": "importera"}
    )
    assert response.status_code == 200
    assert "2 rader på resultatkonton importerade ur CSV" in response.content.decode()
    assert not Importutkast.objects.exists()
    r = selectors.rapport(2021)
    assert r.intakter.utfall == 1_844_500  # revenue's negative sign converted
    assert r.kostnader.utfall == 1_501  # 1 500,50 rounded to the krona
    assert client_for("ledamot").post(reverse("ekonomi_import"), {}).status_code == 403


KONTON = [3010, 3020, 7010, 6550, 4030, 8310]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(KONTON),
            st.dates(min_value=D(2021, 1, 1), max_value=D(2021, 12, 31)),
            st.integers(min_value=-5_000_000, max_value=5_000_000),
        ),
        min_size=1,
        max_size=30,
    ),
    bad_at=st.one_of(st.none(), st.integers(min_value=0, max_value=29)),
)
def test_totals_equal_the_transactions_and_a_bad_line_changes_nothing(ekonomi, rows, bad_at):
    Utfallsimport.objects.all().delete()
    transaktioner = [(k, d, Decimal(b), "x") for k, d, b in rows]
    data = sie4(transaktioner)
    if bad_at is not None and bad_at < len(rows):
        lines = data.split(b"\r\n")
        trans = [i for i, line in enumerate(lines) if line.strip().startswith(b"#TRANS")]
        lines[trans[2 * bad_at]] = b"   #TRANS 7010 {} 12,3,4"
        with pytest.raises(services.Fel):
            services.utfall_import(actor=None, data=b"\r\n".join(lines), filnamn="f.se", ar=2021)
        assert not Transaktion.objects.exists()
        return
    services.utfall_import(actor=None, data=data, filnamn="f.se", ar=2021)
    r = selectors.rapport(2021)
    by_post = {x.post.konton.get().nummer: x.utfall for g in r.grupper for x in g.rader}
    for konto in KONTON:
        post = Budgetpost.objects.get(konton__nummer=konto)
        total = sum(Decimal(b) for k, _d, b in rows if k == konto)
        expected = -total if post.raknas_som_intakt else total
        assert by_post[konto] == int(expected)
    assert r.kostnader.utfall == sum(
        int(sum(Decimal(b) for k, _d, b in rows if k == konto))
        for konto in KONTON
        if not Budgetpost.objects.get(konton__nummer=konto).raknas_som_intakt
    )


def test_excel_import_and_prognos_from_the_suggestion(ekonomi):
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["konto", "period", "belopp", "text"])
    ws.append([6550, "2021-06", 380000, "Konsulter jan–jun"])
    buffer = io.BytesIO()
    wb.save(buffer)
    result = services.utfall_import(
        actor=_kansli(), data=buffer.getvalue(), filnamn="utfall.xlsx", ar=2021
    )
    assert result.antal == 1 and result.utfallsimport.per == D(2021, 6, 30)
    kansli = client_for("forbundschef")
    page = kansli.get(
        reverse("ekonomi_prognos", args=[2021]), {"forslag": "utfall"}
    ).content.decode()
    konsulter = Budgetpost.objects.get(namn="Konsulter")
    # 380 000 kr by 2021-06-30 (181 of 365 days) extrapolated to the year.
    assert f'name="post_{konsulter.pk}" value="{round(380000 / (181 / 365))}"' in page
    response = kansli.post(reverse("ekonomi_prognos", args=[2021]), {f"post_{konsulter.pk}": "-5"})
    assert (
        response.status_code == 422
        and "Prognosen kan inte vara negativ." in response.content.decode()
    )
    kansli.post(reverse("ekonomi_prognos", args=[2021]), {f"post_{konsulter.pk}": "760000"})
    assert selectors.senaste_prognoser(2021)[konsulter.pk] == 760_000


def test_a_full_sie_export_is_counted_once():
    from ekonomi import sie

    full = (
        "#SIETYP 4\r\n#RAR 0 20210101 20211231\r\n"
        '#VER A 1 20210310 "Faktura"\r\n{\r\n#TRANS 5010 {} 1000.00\r\n#TRANS 1930 {} -1000.00\r\n}\r\n'
        "#PSALDO 0 202103 5010 {} 1000.00\r\n"
        '#PSALDO 0 202103 5010 {1 "10"} 1000.00\r\n'
        "#RES 0 5010 1000.00\r\n"
    ).encode("cp437")
    inlast = sie.tolka_sie(full, ar=2021)
    assert inlast.kalla == "#TRANS"
    assert [(r.konto, r.belopp) for r in inlast.rader] == [(5010, 1000)]
    # Without transactions: each #PSALDO is its month's change, objects left out.
    saldon = (
        "#SIETYP 2\r\n#RAR 0 20210101 20211231\r\n"
        "#PSALDO 0 202102 5010 {} 400.00\r\n#PSALDO 0 202103 5010 {} 600.00\r\n"
        '#PSALDO 0 202103 5010 {1 "10"} 600.00\r\n#RES 0 5010 1000.00\r\n'
    ).encode("cp437")
    inlast = sie.tolka_sie(saldon, ar=2021)
    assert inlast.kalla == "#PSALDO" and inlast.per == D(2021, 3, 31)
    assert [(r.konto, r.datum, r.belopp) for r in inlast.rader] == [
        (5010, D(2021, 2, 28), 400),
        (5010, D(2021, 3, 31), 600),
    ]


def test_unreadable_files_are_refused_with_a_message(ekonomi):
    with pytest.raises(services.Fel, match="Filen kan inte läsas"):
        services.utfall_import(
            actor=None, data=b"\x81\x8d\xff\xfe" * 10, filnamn="gammal.xls", ar=2021
        )
    with pytest.raises(services.Fel, match="Excel-filen är skadad och kan inte läsas"):
        services.utfall_import(actor=None, data=b"PK\x03\x04trasig", filnamn="trasig.xlsx", ar=2021)
