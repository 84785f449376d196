"""Real SIE exports (tests/data/sie) through the import: the same company's period balances
and transactions give the same saldolista; a voucher off by one öre, another organisation's
file and a broken fiscal year are refused and change nothing; the kontoplan keeps its names."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from ekonomi import selectors, services
from ekonomi.models import Budgetpost, Konto, Transaktion, Utfallsimport
from forbund.models import Forbund

from .conftest import sie4

D = dt.date
FILER = Path(__file__).resolve().parent.parent / "data" / "sie"


def fil(namn: str) -> bytes:
    return (FILER / namn).read_bytes()


def _kansli():
    return get_user_model().objects.get(username="forbundschef")


def _forbund_med_orgnr(orgnr: str) -> None:
    """The demo förbund, as if it were the company the real export was made for."""
    Forbund.objects.update(organisationsnummer=orgnr)


def _allt() -> tuple:
    """Everything an import may touch, to show that a refused one touched nothing."""
    return (
        list(Utfallsimport.objects.values_list("pk", "ar", "per", "sha256")),
        list(Transaktion.objects.order_by("pk").values_list("pk", "konto", "belopp")),
        list(Konto.objects.order_by("nummer").values_list("nummer", "namn")),
        Konto.history.count(),
        list(Budgetpost.objects.order_by("pk").values_list("pk", "namn")),
    )


def _saldolista(tmp_path, ar: int, namn: str) -> str:
    ut = tmp_path / f"{namn}.csv"
    call_command("saldolista", "--ar", str(ar), "-o", str(ut))
    return ut.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("orgnr", "ar", "filer"),
    [
        # Avendo 5.20: #RES only (type 1), #PSALDO only (type 2), #TRANS with both (type 4).
        (
            "555555-5555",
            2011,
            [
                "avendo520_typ2_periodsaldon.se",
                "avendo520_typ4_transaktioner.se",
                "avendo520_typ1_arssaldon.se",
            ],
        ),
        ("112233-4567", 2011, ["magenta_typ2.se", "magenta_typ4.se"]),
        ("556488-2362", 2008, ["briljant_typ2.se", "briljant_typ4.se"]),
    ],
)
def test_period_balances_and_transactions_of_one_company_give_the_same_saldolista(
    ekonomi, tmp_path, orgnr, ar, filer
):
    _forbund_med_orgnr(orgnr)
    listor = []
    for namn in filer:
        resultat = services.utfall_import(actor=_kansli(), data=fil(namn), filnamn=namn, ar=ar)
        assert resultat.utfallsimport.filnamn == namn
        listor.append(_saldolista(tmp_path, ar, namn))
    assert listor[0].splitlines()[0] == "konto;namn;utfall"
    assert len(listor[0].splitlines()) > 10
    assert all(lista == listor[0] for lista in listor[1:])
    # Independently of the reader: the list is the file's #RES for its result accounts.
    data = fil(filer[0]).decode("cp437")
    res = {
        int(k): Decimal(b)
        for k, b in re.findall(r"^#RES\s+0\s+(\d+)\s+(-?[\d.]+)", data, re.MULTILINE)
        if k[0] in "345678" and Decimal(b)
    }
    rader = [r.split(";") for r in listor[0].splitlines()[1:]]
    assert {int(k): Decimal(u.replace(",", ".")) for k, _n, u in rader} == res


def test_the_saldolista_stops_at_the_date_asked(ekonomi, tmp_path):
    _forbund_med_orgnr("555555-5555")
    namn = "avendo520_typ4_transaktioner.se"
    services.utfall_import(actor=None, data=fil(namn), filnamn=namn, ar=2011)
    rader, datum = selectors.saldolista(2011, D(2011, 1, 31))
    assert datum == D(2011, 1, 31)
    data = fil("avendo520_typ2_periodsaldon.se").decode("cp437")
    januari = {
        int(k): Decimal(b)
        for k, b in re.findall(r"^#PSALDO\s+0\s+201101\s+(\d+)\s+\{\}\s+(-?[\d.]+)", data, re.M)
        if k[0] in "345678" and Decimal(b)
    }
    assert {r.konto: r.utfall for r in rader} == januari
    # Beyond the import's own date nothing more is known.
    assert selectors.saldolista(2011, D(2011, 12, 31))[1] == D(2011, 3, 31)


def test_a_voucher_off_by_one_ore_is_refused_and_changes_nothing(ekonomi):
    _forbund_med_orgnr("555555-5555")
    namn = "avendo520_typ4_transaktioner.se"
    services.utfall_import(actor=_kansli(), data=fil(namn), filnamn=namn, ar=2011)
    fore = _allt()
    data = fil(namn)
    fel_data = data.replace(b"\t#TRANS  1910 {} -128.00\n", b"\t#TRANS  1910 {} -128.01\n")
    assert fel_data != data
    rad = data.decode("cp437").splitlines().index('#VER B 1 20110107 "Övriga personalkostnader"')
    with pytest.raises(services.Fel) as exc:
        services.utfall_import(actor=_kansli(), data=fel_data, filnamn="rattad.se", ar=2011)
    assert exc.value.fel == [
        f"Rad {rad + 1}: verifikation B 1 summerar till −0,01\xa0kr, inte 0,00 kr (debet och "
        "kredit ska vara lika)."
    ]
    assert _allt() == fore


def test_the_public_file_altered_by_12_771_kr_is_refused(ekonomi):
    # The altered copy published beside the real export (transaktioner_ovnbolag-bad-balance).
    _forbund_med_orgnr("555555-5555")
    data = fil("avendo520_typ4_transaktioner.se").replace(
        b"\t#TRANS  1910 {} -128.00\n", b"\t#TRANS  1910 {} -12899.00\n"
    )
    fore = _allt()
    with pytest.raises(services.Fel) as exc:
        services.utfall_import(actor=None, data=data, filnamn="bad-balance.se", ar=2011)
    assert exc.value.fel == [
        "Rad 3905: verifikation B 1 summerar till −12\xa0771,00\xa0kr, inte 0,00 kr (debet och "
        "kredit ska vara lika)."
    ]
    assert _allt() == fore


def test_another_organisations_file_is_refused_naming_both_numbers(ekonomi):
    fore = _allt()
    namn = "magenta_typ4.se"
    with pytest.raises(services.Fel) as exc:
        services.utfall_import(actor=_kansli(), data=fil(namn), filnamn=namn, ar=2011)
    assert exc.value.fel == [
        "Filen gäller organisationsnummer 112233-4567 (TESTFÖRETAGET AB), men "
        "Samordningsförbundet Sundsvall har organisationsnummer 222000-1001. Fel företag: "
        "inget importerades."
    ]
    assert _allt() == fore
    utan = sie4([(7010, D(2021, 3, 1), 100, "x")], orgnr=None)
    with pytest.raises(services.Fel) as exc:
        services.utfall_import(actor=None, data=utan, filnamn="utan.se", ar=2021)
    assert exc.value.fel == [
        "Filen saknar organisationsnummer (#ORGNR), så det går inte att se att den gäller "
        "Samordningsförbundet Sundsvall (222000-1001). Exportera filen med organisationsnummer."
    ]
    assert _allt() == fore


@pytest.mark.parametrize("i_filen", ["5555555555", "555555-5555", "16555555-5555"])
def test_the_organisationsnummer_matches_with_or_without_dash(ekonomi, i_filen):
    data = sie4([(7010, D(2021, 3, 1), 100, "x")], orgnr=i_filen)
    _forbund_med_orgnr("555555-5555")
    assert services.utfall_import(actor=None, data=data, filnamn="a.se", ar=2021).antal == 1


def test_a_broken_fiscal_year_gives_one_message_and_changes_nothing(ekonomi):
    _forbund_med_orgnr("556639-1537")
    fore = _allt()
    namn = "norstedts_bokslut_typ4_ksumma.se"
    with pytest.raises(services.Fel) as exc:
        services.utfall_import(actor=None, data=fil(namn), filnamn=namn, ar=2010)
    assert exc.value.fel == [
        "Filen gäller räkenskapsåret 2009-07-01–2010-06-30, men förbundet redovisar per "
        "kalenderår: välj en fil för 2010-01-01–2010-12-31."
    ]
    assert _allt() == fore


def test_an_import_never_renames_or_adds_accounts(ekonomi):
    # The names a full export gave the demo's 3010 and 7010, and an account it lacks.
    kontoplan = dict(Konto.objects.values_list("nummer", "namn"))
    poster = list(Budgetpost.objects.order_by("pk").values_list("pk", "namn"))
    data = sie4(
        [
            (3010, D(2021, 2, 1), -1_844_500, "Medel"),
            (7010, D(2021, 2, 20), 15_000, "Arvoden"),
            (6991, D(2021, 2, 21), 500, "Övrigt"),
        ],
        konton={3010: "Försäljning", 7010: "Lön till kollektivanställda", 6991: "Övrigt"},
    )
    resultat = services.utfall_import(actor=_kansli(), data=data, filnamn="feb.se", ar=2021)
    assert resultat.namnbyten == []
    assert dict(Konto.objects.values_list("nummer", "namn")) == kontoplan
    assert list(Budgetpost.objects.order_by("pk").values_list("pk", "namn")) == poster
    # The file's names are kept with the import, for the kansli to read.
    assert resultat.utfallsimport.kontonamn == {
        "3010": "Försäljning",
        "6991": "Övrigt",
        "7010": "Lön till kollektivanställda",
    }


def test_the_kansli_adopts_a_name_from_the_file_on_purpose(ekonomi):
    data = sie4(
        [(6991, D(2021, 2, 21), 500, "Övrigt"), (7010, D(2021, 2, 20), 15_000, "Arvoden")],
        konton={6991: "Övriga externa kostnader", 7010: "Lön till kollektivanställda"},
    )
    resultat = services.utfall_import(
        actor=_kansli(), data=data, filnamn="feb.se", ar=2021, anta_namn=[6991]
    )
    assert resultat.namnbyten == [(6991, None, "Övriga externa kostnader")]
    assert Konto.objects.get(nummer=6991).namn == "Övriga externa kostnader"
    assert Konto.objects.get(nummer=7010).namn == "Styrelsearvoden"
    andring = Konto.history.get(nummer=6991)
    assert andring.history_user == _kansli() and andring.history_change_reason == "Namn från feb.se"
    with pytest.raises(services.Fel, match="Filen ger inget namn för konto 4010"):
        services.utfall_import(actor=None, data=data, filnamn="feb.se", ar=2021, anta_namn=[4010])
