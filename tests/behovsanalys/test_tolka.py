"""Reading delivered files: layouts, separators, encodings, Excel, and every refusal with its
line number. Pure functions, no database."""

import datetime as dt
from decimal import Decimal

import pytest

from behovsanalys.tolka import tolka

from .conftest import HEADER, RADER, csv_fil, xlsx_fil


def test_semicolon_utf8_with_decimal_comma_and_thousands_space():
    inlasning = tolka(csv_fil(), "fil.csv")
    assert inlasning.fel == []
    assert len(inlasning.rader) == 10
    riket = inlasning.rader[-2]
    assert (riket.ar, riket.regionkod, riket.kon, riket.ersattning, riket.varde) == (
        2023,
        "00",
        "kvinnor",
        "sjukpenning",
        Decimal("86100.00"),
    )
    assert inlasning.befolkning[("2281", "man", 2022)] == 29000
    assert inlasning.regioner == {"2281": "Sundsvall", "00": "Riket"}
    assert inlasning.ar == [2022, 2023]


@pytest.mark.parametrize(
    "data",
    [
        csv_fil(encoding="utf-8-sig"),
        csv_fil(encoding="cp1252"),
        csv_fil(
            [
                r.replace(",0", ".0").replace("86 100", "86100").replace("44 850", "44850")
                for r in RADER
            ],
            sep=",",
        ),
    ],
    ids=["utf8-bom", "cp1252", "comma-and-point"],
)
def test_separators_and_encodings(data):
    inlasning = tolka(data, "fil.csv")
    assert inlasning.fel == []
    assert len(inlasning.rader) == 10
    assert {r.ersattning for r in inlasning.rader} == {"sjukpenning", "ekonomiskt_bistand"}


def test_swedish_headers_aliases_and_extra_columns():
    header = "År;Kommunkod;Region;Kön;Ersättning;Helårsekvivalenter;Befolkning 20–64 år;Källa"
    rader = [
        "2023;180;Stockholm;K;Sjukpenning;5 000,5;300000;SCB",
        "2023;180;Stockholm;M;aktivitetsstöd;4 000;310000;SCB",
        "2023;3;Uppsala län;Kvinnor;Försörjningsstöd;2 000;120000;SCB",
    ]
    inlasning = tolka(csv_fil(rader, header=header), "fil.csv")
    assert inlasning.fel == []
    assert [(r.regionkod, r.kon, r.ersattning) for r in inlasning.rader] == [
        ("0180", "kvinnor", "sjukpenning"),
        ("0180", "man", "arbetsmarknadsatgarder"),
        ("03", "kvinnor", "ekonomiskt_bistand"),
    ]


def test_region_code_inside_the_name_as_scb_writes_it():
    header = "ar;region;kon;ersattning;helarsekvivalenter;befolkning_20_64"
    rader = ["2023;2281 Sundsvall;kvinnor;sjukpenning;800;28000", "2023;Riket;män;sjukpenning;1;2"]
    inlasning = tolka(csv_fil(rader, header=header), "fil.csv")
    assert inlasning.fel == []
    assert inlasning.regioner == {"2281": "Sundsvall", "00": "Riket"}


def test_excel_with_numbers_as_numbers():
    data = xlsx_fil(
        [
            HEADER.split(";"),
            [2023, 2281, "Sundsvall", "kvinnor", "sjukpenning", 812.4, 28000],
            [2023, 22, "Västernorrlands län", "män", "sjukpenning", 1000, 70000.0],
            [2023, 0, "Riket", "män", "sjukpenning", 44850.25, 2990000],
        ]
    )
    inlasning = tolka(data, "fil.xlsx")
    assert inlasning.fel == []
    assert [(r.regionkod, r.varde) for r in inlasning.rader] == [
        ("2281", Decimal("812.40")),
        ("22", Decimal("1000.00")),
        ("00", Decimal("44850.25")),
    ]


def test_population_may_be_given_once_per_region_kon_and_year():
    rader = [
        "2023;2281;Sundsvall;kvinnor;sjukpenning;800;28000",
        "2023;2281;Sundsvall;kvinnor;ekonomiskt bistånd;300;",
    ]
    inlasning = tolka(csv_fil(rader), "fil.csv")
    assert inlasning.fel == []
    assert inlasning.befolkning == {("2281", "kvinnor", 2023): 28000}


FEL = [
    (b"", ["Filen är tom."]),
    (b"\r\n\r\n", ["Filen är tom."]),
    (csv_fil([]), ["Filen innehåller inga rader med värden, bara rubrikraden."]),
    (
        csv_fil(header="ar;kommun;kon;varde"),
        [
            "Rad 1: kolumnerna ska vara ar, regionkod, region, kon, ersattning, helarsekvivalenter "
            "och befolkning_20_64 (saknas: ersattning, helarsekvivalenter, befolkning_20_64). "
            "Se exempelfilen."
        ],
    ),
    (
        csv_fil([*RADER[:2], "2023;2281;Sundsvall;kvinnor;sjukpenning;8x0;28000"]),
        ["Rad 4: helårsekvivalenter ”8x0” är inte ett tal."],
    ),
    (
        csv_fil([*RADER[:2], "2023;2281;Sundsvall;kvinnor;sjukpenning;1.234,5;28000"]),
        ["Rad 4: helårsekvivalenter ”1.234,5” är inte ett tal."],
    ),
    (
        csv_fil([RADER[0], "2022;2281;Sundsvall;okänt;sjukpenning;1;28000"]),
        ["Rad 3: könet ”okänt” är okänt; skriv kvinnor eller män."],
    ),
    (
        csv_fil([RADER[0], "2022;2281;Sundsvall;kvinnor;bostadsbidrag;1;28000"]),
        [
            "Rad 3: ersättningen ”bostadsbidrag” är okänd; tillåtna är sjukpenning, sjuk- och "
            "aktivitetsersättning, arbetslöshetsersättning, arbetsmarknadsåtgärder, ekonomiskt "
            "bistånd, etableringsersättning."
        ],
    ),
    (
        csv_fil([RADER[0], RADER[1], RADER[0].replace("800,0", "801,0")]),
        ["Rad 4: samma år, region, kön och ersättning som rad 2."],
    ),
    (
        csv_fil([RADER[0], "2022;2281;Sundsvall;män;sjukpenning;−5;29000"]),
        ["Rad 3: helårsekvivalenter kan inte vara negativa (−5,0)."],
    ),
    (
        csv_fil([RADER[0], "2022;2281;Sundsvall;män;sjukpenning;5;-29000"]),
        ["Rad 3: befolkningen 20–64 år kan inte vara negativ (−29\xa0000)."],
    ),
    (
        csv_fil([RADER[0], "20x2;22811;;män;sjukpenning;;29000,5"]),
        [
            "Rad 3: året ”20x2” är inte ett årtal mellan 1990 och {NASTA_AR}.",
            "Rad 3: regionkoden ”22811” ska vara 00 (riket), två siffror (län) eller fyra "
            "siffror (kommun).",
            "Rad 3: regionens namn saknas.",
            "Rad 3: helårsekvivalenter saknas.",
            "Rad 3: befolkning_20_64 ”29000,5” är inte ett heltal.",
        ],
    ),
    (
        csv_fil([RADER[0], "2022;2281;Sundsvall;kvinnor;ekonomiskt bistånd;5;27000"]),
        [
            "Rad 3: befolkningen 20–64 år för Sundsvall, kvinnor 2022 är 28\xa0000 på rad 2 men "
            "27\xa0000 här."
        ],
    ),
    (
        csv_fil([RADER[0], "2022;2281;Timrå;män;sjukpenning;5;27000"]),
        ["Rad 3: regionkod 2281 heter ”Sundsvall” på rad 2 men ”Timrå” här."],
    ),
    (
        csv_fil(["2022;2281;Sundsvall;kvinnor;sjukpenning;800;"]),
        ["Rad 2: befolkningen 20–64 år saknas för Sundsvall, kvinnor 2022."],
    ),
    (
        csv_fil(encoding="utf-16"),
        [
            "Filen är sparad som UTF-16 (”Unicode-text”), som inte kan läsas. Spara den som "
            "”CSV UTF-8” eller ”CSV (semikolonavgränsad)”."
        ],
    ),
    (
        b"%PDF-1.4\n%fake\n",
        [
            "Filen är varken CSV eller Excel (.xlsx). Tillåtna filer: CSV (semikolon eller "
            "komma, UTF-8 eller Windows-1252) eller Excel (.xlsx)."
        ],
    ),
    (b"PK\x03\x04trasig", ["Filen är skadad och kan inte läsas. Filen sparades inte."]),
]


@pytest.mark.parametrize(("data", "fel"), FEL)
def test_malformed_files_are_refused_with_line_numbers(data, fel):
    inlasning = tolka(data, "fil.csv")
    assert inlasning.fel == [f.replace("{NASTA_AR}", str(dt.date.today().year + 1)) for f in fel]
    assert inlasning.rader == [] or inlasning.fel
