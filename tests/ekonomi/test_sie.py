"""The SIE reader (ekonomi.sie) by the SIE 4B specification, on small files written here and on
real exports (tests/data/sie, see tests/data/README). No database: bytes in, rows or reasons
out."""

import datetime as dt
import re
import zlib
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from ekonomi import sie

D = dt.date
FILER = Path(__file__).resolve().parent.parent / "data" / "sie"


def fil(namn: str) -> bytes:
    return (FILER / namn).read_bytes()


def sie_text(*rader: str, ar: int = 2021, huvud: bool = True) -> bytes:
    start = [
        "#FLAGGA 0",
        "#FORMAT PC8",
        "#SIETYP 4",
        "#ORGNR 222000-1001",
        f"#RAR 0 {ar}0101 {ar}1231",
    ]
    return ("\r\n".join([*(start if huvud else []), *rader]) + "\r\n").encode("cp437")


def summor(rader) -> dict[int, Decimal]:
    result: dict[int, Decimal] = defaultdict(Decimal)
    for r in rader:
        result[r.konto] += r.belopp
    return dict(result)


def rader_i_filen(data: bytes, tagg: str) -> list[list[str]]:
    """The fields of every line with the label, split by hand (quotes and objects are not
    needed for #RES, #PSALDO {} and #KTYP): an independent reading to compare with."""
    text = data.decode("cp437")
    return [rad.split()[1:] for rad in text.splitlines() if rad.strip().split()[:1] == [tagg]]


# --- #RTRANS and #BTRANS ------------------------------------------------------------------


def test_the_specifications_example_counts_an_added_transaction_once_and_a_removed_never():
    # SIE 4B, #BTRANS: the voucher as it stands is 1910 −1000, 2640 200, 6250 800.
    data = sie_text(
        '#VER "" "" 20210101 "Porto"',
        "{",
        "#TRANS 1910 { } -1000.00",
        "#TRANS 2640 { } 200.00",
        "#BTRANS 6110 { } 800.00",
        "#RTRANS 6250 { } 800.00",
        "#TRANS 6250 { } 800.00",
        "}",
    )
    f = sie.siefil(data)
    assert f.fel == []
    assert summor(f.trans) == {1910: -1000, 2640: 200, 6250: 800}
    assert f.obalanserade == []


def test_an_added_transaction_without_its_twin_counts_by_itself():
    data = sie_text(
        '#VER A 1 20210105 "Rättad"',
        "{",
        "#TRANS 1930 {} -1200.00",
        "#TRANS 6250 {} 1000.00",
        "#RTRANS 6250 {} 200.00 20210110",
        "}",
    )
    f = sie.siefil(data)
    assert summor(f.trans) == {1930: -1200, 6250: 1200}
    assert [r.datum for r in f.trans if r.belopp == 200] == [D(2021, 1, 10)]
    assert f.obalanserade == []


def test_real_rtrans_and_btrans_from_bl_administration_count_once():
    # BL writes the #TRANS twin with the voucher's date and the #RTRANS with the date of the
    # change; #BTRANS rows are followed by #RTRANS 0 and a #TRANS 0.
    data = fil("bl_administration_typ4_rtrans.se")
    f = sie.siefil(data)
    assert f.fel == []
    fel, kontroller = sie.avstam(f)
    assert fel == []
    assert "Alla 84 verifikationer balanserar." in kontroller
    # A reader that knows no #RTRANS/#BTRANS counts each #TRANS line: the same sums.
    oberoende: dict[int, Decimal] = defaultdict(Decimal)
    for konto, belopp in re.findall(
        r"^#TRANS\s+(\d+)\s+\{[^}]*\}\s+(-?[\d.]+)", data.decode("cp437"), re.MULTILINE
    ):
        oberoende[int(konto)] += Decimal(belopp)
    assert summor(f.trans) == dict(oberoende)
    res = {int(k): Decimal(b) for n, k, b, *_ in rader_i_filen(data, "#RES") if n == "0"}
    assert {k: v for k, v in summor(f.trans).items() if k in res} == res


# --- #KSUMMA --------------------------------------------------------------------------------


def test_a_real_checksum_holds_and_a_changed_or_cut_file_is_refused():
    data = fil("norstedts_bokslut_typ4_ksumma.se")
    f = sie.siefil(data)
    assert f.fel == [] and f.ksumma is True
    andrad = data.replace(b'"Datakonsulterna AB"', b'"Datakonsulterna AC"')
    assert [text for _nr, text in sie.siefil(andrad).fel] == [
        "#KSUMMA: kontrollsumman stämmer inte (filen anger 854227682, innehållet ger "
        f"{_crc_av(andrad)}); filen har ändrats eller skadats efter exporten"
    ]
    avkortad = data[: data.rindex(b"#KSUMMA")]
    assert sie.siefil(avkortad).fel == [
        (
            2,
            "#KSUMMA: filen har #KSUMMA i början men ingen kontrollsumma i slutet, så den är "
            "avkortad",
        )
    ]


def _crc_av(data: bytes) -> int:
    """The checksum as SIE 4B 10.14 defines it, computed here apart from the reader: fields
    without separators, quotes or braces, from after the first #KSUMMA to the last."""
    text = data.decode("cp437")
    inne, crc = False, 0
    for rad in text.splitlines():
        rad = rad.strip()
        if rad.startswith("#KSUMMA"):
            if inne:
                return crc
            inne = True
            continue
        if not inne or rad in ("", "{", "}"):
            continue
        delar = re.findall(r'"((?:[^"\\]|\\.)*)"|([^\s"{}]+)', rad)
        crc = zlib.crc32("".join(a.replace('\\"', '"') or b for a, b in delar).encode("cp437"), crc)
    raise AssertionError("ingen avslutande #KSUMMA")


def test_a_checksum_written_signed_is_the_same_checksum():
    rader = [
        "#KONTO 3010 Intäkter",
        '#VER A 1 20210105 ""',
        "{",
        "#TRANS 3010 {} -5.00",
        "#TRANS 1930 {} 5.00",
        "}",
    ]
    crc = zlib.crc32(
        "".join(
            r.replace(" ", "").replace("{}", "").replace('""', "") for r in rader if r not in "{}"
        ).encode("cp437")
    )
    signerad = crc - 2**32 if crc >= 2**31 else crc
    for varde in (crc, signerad):
        f = sie.siefil(sie_text("#KSUMMA", *rader, f"#KSUMMA {varde}", huvud=False))
        assert f.fel == [] and f.ksumma


# --- Messages a bookkeeper understands -------------------------------------------------


def test_real_non_numeric_accounts_are_named_line_by_line():
    inlast = sie.tolka_sie(fil("softone_business_typ4.se"), ar=2014)
    assert inlast.fel[:3] == [
        "Rad 592: #KONTO: kontonumret DIFF är inte ett tal.",
        "Rad 593: #KTYP: kontonumret DIFF är inte ett tal.",
        "Rad 721: #TRANS: kontonumret FEL är inte ett tal.",
    ]
    assert inlast.rader == []


@pytest.mark.parametrize(
    ("rad", "vantat"),
    [
        (
            "#TRANS 7010 {} 1000,50",
            "#TRANS: beloppet 1000,50 har decimalkomma; SIE skriver "
            "belopp med punkt (t.ex. -1234.50)",
        ),
        ("#TRANS 7010 {} 12.345", "#TRANS: beloppet 12.345 har fler än två decimaler"),
        ("#TRANS 7010 {}", "#TRANS: beloppet saknas"),
        (
            "#TRANS 7010 {} +5",
            "#TRANS: beloppet +5 är inte ett tal; väntat siffror med punkt "
            "och högst två decimaler (t.ex. -1234.50)",
        ),
        ("#TRANS {} 100.00", "#TRANS: kontonumret {} är inte ett tal"),
        ("#TRANS 1234567890 {} 1.00", "#TRANS: kontonumret 1234567890 har fler än nio siffror"),
        (
            "#TRANS 7010 {} 5.00 20211399",
            "#TRANS: transaktionsdatumet 20211399 finns inte i kalendern",
        ),
        (
            "#TRANS 7010 {} 5.00 2021-03-01",
            "#TRANS: transaktionsdatumet 2021-03-01 är inte ett datum; väntat ÅÅÅÅMMDD",
        ),
        (
            '#TRANS 7010 {} 5.00 20210301 "text utan slut',
            'ett citattecken (") öppnas men stängs aldrig',
        ),
        ("#TRANS 7010 {1 5.00", "en objektlista ({) stängs aldrig med }"),
    ],
)
def test_a_bad_transaction_says_what_is_wrong_and_what_was_expected(rad, vantat):
    data = sie_text('#VER A 1 20210301 "x"', "{", rad, "#TRANS 1930 {} -5.00", "}")
    nr = 8
    inlast = sie.tolka_sie(data, ar=2021)
    assert inlast.fel == [f"Rad {nr}: {vantat}."]


def test_structure_errors_are_named():
    data = sie_text(
        "#TRANS 7010 {} 5.00",
        '#VER A 1 20210301 "x"',
        "#TRANS 7010 {} 5.00",
        "}",
        "}",
        "Detta är ingen SIE-rad",
        '#VER A 2 20210302 "y"',
        "{",
        "#TRANS 7010 {} 5.00",
    )
    assert sie.tolka_sie(data, ar=2021).fel == [
        "Rad 6: #TRANS: står utanför en verifikation; väntat inom #VER … { … }.",
        "Rad 8: #TRANS: verifikation A 1 saknar { på raden efter #VER.",
        "Rad 9: } står utan { före.",
        "Rad 10: } står utan { före.",
        "Rad 11: raden börjar inte med # och är ingen SIE-post (Detta är ingen SIE-rad).",
        "Rad 12: verifikation A 2 avslutas aldrig med } på en egen rad.",
    ]


def test_more_than_a_hundred_errors_give_the_first_hundred_and_a_count():
    data = sie_text(*[f"#KONTO K{i} Fel" for i in range(150)])
    fel = sie.tolka_sie(data, ar=2021).fel
    assert len(fel) == 101
    assert fel[0] == "Rad 6: #KONTO: kontonumret K0 är inte ett tal."
    assert fel[99] == "Rad 105: #KONTO: kontonumret K99 är inte ett tal."
    assert fel[100] == "… och 50 fler fel."


def test_a_voucher_off_by_one_ore_is_named_with_its_line_and_difference():
    data = sie_text(
        '#VER A 1 20210301 "Hyra"',
        "{",
        "#TRANS 5010 {} 100.00",
        "#TRANS 1930 {} -100.00",
        "}",
        '#VER A 12 20210302 "Porto"',
        "{",
        "#TRANS 6250 {} 80.01",
        "#TRANS 1930 {} -80.00",
        "}",
    )
    assert sie.tolka_sie(data, ar=2021).fel == [
        "Rad 11: verifikation A 12 summerar till 0,01\xa0kr, inte 0,00 kr (debet och kredit "
        "ska vara lika)."
    ]


def test_transactions_and_balances_that_disagree_are_named_per_account():
    data = sie_text(
        "#RES 0 3010 -1200.00",
        "#RES 0 5010 100.00",
        "#PSALDO 0 202103 3010 {} -1200.00",
        "#PSALDO 0 202103 5010 {} 100.00",
        '#VER A 1 20210301 "Faktura"',
        "{",
        "#TRANS 3010 {} -1000.00",
        "#TRANS 1510 {} 1000.00",
        "}",
        '#VER A 2 20210302 "Hyra"',
        "{",
        "#TRANS 5010 {} 100.00",
        "#TRANS 1930 {} -100.00",
        "}",
    )
    assert sie.tolka_sie(data, ar=2021).fel == [
        "Konto 3010: #TRANS summerar till −1\xa0000,00\xa0kr, men #RES anger −1\xa0200,00\xa0kr "
        "(skillnad 200,00\xa0kr).",
        "Konto 3010 2021-03: #TRANS summerar till −1\xa0000,00\xa0kr, men #PSALDO anger "
        "−1\xa0200,00\xa0kr (skillnad 200,00\xa0kr).",
    ]


# --- Year, encoding, what is read -------------------------------------------------------


@pytest.mark.parametrize("ar", [2009, 2010, 2021])
def test_a_broken_fiscal_year_gives_one_message(ar):
    inlast = sie.tolka_sie(fil("bl_administration_typ4_rtrans.se"), ar=ar)
    assert inlast.fel == [
        "Filen gäller räkenskapsåret 2009-07-01–2010-06-30, men förbundet redovisar per "
        f"kalenderår: välj en fil för {ar}-01-01–{ar}-12-31."
    ]


def test_another_calendar_year_gives_one_message():
    inlast = sie.tolka_sie(fil("magenta_typ4.se"), ar=2012)
    assert inlast.fel == [
        "Filen gäller räkenskapsåret 2011, inte 2012 som du valde. Välj år 2011 eller en fil "
        "för 2012."
    ]


def test_a_file_without_rar_for_another_year_gives_one_message():
    rader = []
    for i in range(1, 301):
        rader += [
            f'#VER A {i} 20200105 "x"',
            "{",
            "#TRANS 6110 {} 5.00",
            "#TRANS 1930 {} -5.00",
            "}",
        ]
    data = sie_text(*rader, huvud=False)
    assert sie.tolka_sie(data, ar=2021).fel == [
        "Filen har inga uppgifter för 2021: dess datum ligger 2020-01-05–2020-01-05. Välj rätt "
        "år eller en fil för 2021."
    ]


def test_code_page_437_and_only_pc8():
    inlast = sie.tolka_sie(fil("avendo520_typ4_transaktioner.se"), ar=2011)
    assert inlast.fnamn == "Övningsbolaget AB (Ekonomi 60)"
    assert inlast.konton[7690] == "Övr personalkostnader"
    assert sie.tolka_sie(sie_text("#FORMAT UTF-8"), ar=2021).fel == [
        "Rad 6: #FORMAT: teckenuppsättningen UTF-8 stöds inte; SIE-filer skrivs i PC8 "
        "(teckentabell 437)."
    ]
    bom = b"\xef\xbb\xbf" + sie_text(
        '#VER A 1 20210301 ""', "{", "#TRANS 6110 {} 1.00", "#TRANS 1930 {} -1.00", "}"
    )
    assert sie.tolka_sie(bom, ar=2021).fel == [
        "Rad 1: filen börjar med en UTF-8-markering; SIE-filer skrivs i PC8 (teckentabell 437)."
    ]


def test_unknown_labels_and_extra_fields_are_skipped():
    data = sie_text(
        "#NYPOST 1 2 3",
        "#KONTO 6110 Kontorsmaterial extra fält",
        '#VER A 1 20210301 "x" 20210302 "sign" framtida',
        "{",
        '#TRANS 6110 {} 10.00 20210301 "text" 1 "sign" framtida',
        "#TRANS 1930 {} -10.00",
        "}",
    )
    inlast = sie.tolka_sie(data, ar=2021)
    assert inlast.fel == []
    assert [(r.konto, r.belopp, r.text) for r in inlast.rader] == [(6110, 10, "text")]


def test_utfall_per_is_omfattn_else_the_end_of_the_last_month():
    ver = ['#VER A 1 20210310 "x"', "{", "#TRANS 6110 {} 10.00", "#TRANS 1930 {} -10.00", "}"]
    assert sie.tolka_sie(sie_text(*ver), ar=2021).per == D(2021, 3, 31)
    inlast = sie.tolka_sie(sie_text("#OMFATTN 20210415", *ver), ar=2021)
    assert (inlast.per, inlast.per_grund) == (D(2021, 4, 15), "#OMFATTN")
    # A real Visma export says #OMFATTN 19800101: noted, and not used.
    inlast = sie.tolka_sie(sie_text("#OMFATTN 19800101", *ver), ar=2021)
    assert inlast.per == D(2021, 3, 31) and inlast.anmarkningar == [
        "#OMFATTN anger 1980-01-01, utanför 2021; utfallsdatumet tas i stället från filens "
        "innehåll."
    ]
    psaldo = sie_text("#SIETYP 2", "#PSALDO 0 202101 6110 {} 5.00", "#PSALDO 0 202102 6110 {} 5.00")
    assert sie.tolka_sie(psaldo, ar=2021).per == D(2021, 2, 28)
    res = sie_text("#SIETYP 1", "#RES 0 6110 10.00")
    assert sie.tolka_sie(res, ar=2021).per == D(2021, 12, 31)


def test_only_result_accounts_are_utfall_by_ktyp_or_bas_class():
    data = sie_text(
        "#KTYP 9100 K",
        "#KTYP 3999 T",
        '#VER A 1 20210310 "x"',
        "{",
        "#TRANS 6110 {} 10.00",
        "#TRANS 9100 {} 1.00",
        "#TRANS 3999 {} 2.00",
        "#TRANS 9900 {} 3.00",
        "#TRANS 1930 {} -16.00",
        "}",
    )
    inlast = sie.tolka_sie(data, ar=2021)
    assert sorted(r.konto for r in inlast.rader) == [6110, 9100]
    assert (inlast.lasta, inlast.utanfor) == (5, 3)


# --- The real files, each against its own balances --------------------------------------


RESULTATKONTON = re.compile(r"[3-8]")


def _oberoende_res(data: bytes) -> dict[int, Decimal]:
    ktyp = {int(k): t for k, t, *_ in rader_i_filen(data, "#KTYP")}
    return {
        int(k): Decimal(b)
        for n, k, b, *_ in rader_i_filen(data, "#RES")
        if n == "0"
        and (ktyp[int(k)] in "KI" if int(k) in ktyp else RESULTATKONTON.match(k))
        and Decimal(b)
    }


@pytest.mark.parametrize(
    ("namn", "ar", "kalla", "per"),
    [
        ("avendo520_typ1_arssaldon.se", 2011, "#RES", D(2011, 12, 31)),
        ("avendo520_typ2_periodsaldon.se", 2011, "#PSALDO", D(2011, 3, 31)),
        ("avendo520_typ4_transaktioner.se", 2011, "#TRANS", D(2011, 3, 31)),
        ("avendo510_typ4.se", 2011, "#TRANS", D(2011, 3, 31)),
        ("magenta_typ2.se", 2011, "#PSALDO", D(2011, 1, 31)),
        ("magenta_typ4.se", 2011, "#TRANS", D(2011, 1, 31)),
        ("briljant_typ2.se", 2008, "#PSALDO", D(2008, 12, 31)),
        ("briljant_typ4.se", 2008, "#TRANS", D(2008, 12, 31)),
    ],
)
def test_real_exports_give_per_account_what_their_res_says(namn, ar, kalla, per):
    data = fil(namn)
    inlast = sie.tolka_sie(data, ar=ar)
    assert inlast.fel == []
    assert (inlast.kalla, inlast.per) == (kalla, per)
    assert {k: v for k, v in summor(inlast.rader).items() if v} == _oberoende_res(data)


@pytest.mark.parametrize("namn", ["avendo520_typ4_transaktioner.se", "briljant_typ4.se"])
def test_real_transactions_match_each_months_period_balance(namn):
    data = fil(namn)
    psaldo = {
        (int(k), p[:4] + "-" + p[4:]): Decimal(b)
        for n, p, k, obj, b, *_ in rader_i_filen(data, "#PSALDO")
        if n == "0" and obj == "{}" and RESULTATKONTON.match(k) and Decimal(b)
    }
    manad: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for r in sie.tolka_sie(data, ar=int(next(iter(psaldo))[1][:4])).rader:
        manad[(r.konto, f"{r.datum:%Y-%m}")] += r.belopp
    assert {n: v for n, v in manad.items() if v} == psaldo


def test_a_real_type_3_file_without_whole_account_balances_is_refused_by_account():
    inlast = sie.tolka_sie(fil("avendo510_typ3.se"), ar=2011)
    assert inlast.fel == [
        "Konto 3051: #PSALDO summerar till 0,00\xa0kr, men #RES anger −20\xa0175,00\xa0kr "
        "(skillnad 20\xa0175,00\xa0kr).",
        "Konto 3740: #PSALDO summerar till −1,86\xa0kr, men #RES anger −2,11\xa0kr "
        "(skillnad 0,25\xa0kr).",
        "Konto 4990: #PSALDO summerar till 0,00\xa0kr, men #RES anger 15\xa0120,00\xa0kr "
        "(skillnad −15\xa0120,00\xa0kr).",
    ]
