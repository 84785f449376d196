"""The import stores all or nothing, records who, when, which file and SHA-256, replaces the
rows of the same years and regions, and refuses a malformed file without changing anything."""

import hashlib
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from behovsanalys import services
from behovsanalys.models import Befolkning, Behovsimport, Behovsregion, Helarsekvivalent
from forbund.models import Part

from .conftest import HEADER, RADER, csv_fil, xlsx_fil


def _alla():
    return (
        sorted(
            Helarsekvivalent.objects.values_list(
                "region__kod", "kon", "ar", "ersattning", "varde", "behovsimport_id"
            )
        ),
        sorted(Befolkning.objects.values_list("region__kod", "kon", "ar", "antal")),
        Behovsimport.objects.count(),
        Behovsregion.objects.count(),
    )


@pytest.fixture
def kansli(demo):
    return get_user_model().objects.get(username="forbundschef")


def test_csv_import_stores_rows_regions_and_the_record(kansli):
    data = csv_fil()
    resultat = services.behovsanalys_import(
        actor=kansli, data=data, filnamn="scb-2023.csv", kalla="SCB"
    )
    imp = resultat.behovsimport
    assert (resultat.antal, resultat.ersatta, resultat.nya_regioner) == (
        10,
        0,
        ["Sundsvall", "Riket"],
    )
    assert (imp.filnamn, imp.kalla, imp.antal_rader, imp.ar_fran, imp.ar_till) == (
        "scb-2023.csv",
        "SCB",
        10,
        2022,
        2023,
    )
    assert imp.sha256 == hashlib.sha256(data).hexdigest()
    assert imp.importerad_av == kansli
    assert Helarsekvivalent.objects.count() == 10
    assert Befolkning.objects.count() == 6
    sundsvall = Behovsregion.objects.get(kod="2281")
    # The member kommun is linked to its part; riket is no part.
    assert (sundsvall.niva, sundsvall.part) == (
        "kommun",
        Part.objects.get(namn="Sundsvalls kommun"),
    )
    assert Behovsregion.objects.get(kod="00").niva == "riket"
    assert Helarsekvivalent.objects.get(
        region=sundsvall, kon="man", ar=2023, ersattning="ekonomiskt_bistand"
    ).varde == Decimal("406.00")


def test_excel_import(kansli):
    data = xlsx_fil(
        [HEADER.split(";")]
        + [
            [
                int(c) if c.isdigit() else c
                for c in rad.replace(",0", "")
                .replace("86 100", "86100")
                .replace("44 850", "44850")
                .split(";")
            ]
            for rad in RADER
        ]
    )
    resultat = services.behovsanalys_import(actor=kansli, data=data, filnamn="scb.xlsx")
    assert resultat.antal == 10
    assert Befolkning.objects.get(region__kod="00", kon="kvinnor", ar=2023).antal == 2_870_000


def test_the_same_file_again_changes_nothing(kansli):
    services.behovsanalys_import(actor=kansli, data=csv_fil(), filnamn="a.csv")
    fore = _alla()
    resultat = services.behovsanalys_import(actor=kansli, data=csv_fil(), filnamn="a.csv")
    assert resultat.oforandrad
    assert _alla() == fore


def test_a_corrected_file_replaces_the_rows_of_its_years_and_regions(kansli):
    services.behovsanalys_import(actor=kansli, data=csv_fil(), filnamn="a.csv")
    forsta = Behovsimport.objects.get()
    # 2023 for Sundsvall again, corrected, with one kind only: the 2022 rows and riket stay.
    rattad = csv_fil(
        [
            "2023;2281;Sundsvall;kvinnor;sjukpenning;850,5;28100",
            "2023;2281;Sundsvall;män;sjukpenning;440,0;29100",
        ]
    )
    resultat = services.behovsanalys_import(actor=kansli, data=rattad, filnamn="b.csv")
    assert (resultat.antal, resultat.ersatta) == (2, 4)
    assert resultat.behovsimport.ersatta_rader == 4
    assert Helarsekvivalent.objects.filter(ar=2023, region__kod="2281").count() == 2
    assert Helarsekvivalent.objects.filter(ar=2022).count() == 4
    assert Helarsekvivalent.objects.filter(region__kod="00").count() == 2
    assert Befolkning.objects.get(region__kod="2281", kon="kvinnor", ar=2023).antal == 28100
    # Both imports stay on record.
    assert list(Behovsimport.objects.order_by("pk").values_list("filnamn", flat=True)) == [
        "a.csv",
        "b.csv",
    ]
    assert Helarsekvivalent.objects.filter(behovsimport=forsta).count() == 6


@pytest.mark.parametrize(
    "data",
    [
        b"",
        csv_fil(header="ar;kommun;kon;varde"),
        csv_fil([*RADER, "2023;2281;Sundsvall;kvinnor;sjukpenning;8x0;28000"]),
        csv_fil([*RADER, "2021;2281;Sundsvall;ickebinär;sjukpenning;1;28000"]),
        csv_fil([*RADER, "2021;2281;Sundsvall;kvinnor;bostadsbidrag;1;28000"]),
        csv_fil([*RADER, RADER[3]]),
        csv_fil([*RADER, "2021;2281;Sundsvall;kvinnor;sjukpenning;-1;28000"]),
        csv_fil(encoding="utf-16"),
    ],
    ids=["tom", "rubrik", "tal", "kon", "ersattning", "dubblett", "negativ", "kodning"],
)
def test_a_malformed_file_changes_nothing(kansli, data):
    services.behovsanalys_import(actor=kansli, data=csv_fil(RADER[:4]), filnamn="forsta.csv")
    fore = _alla()
    with pytest.raises(services.Fel) as exc:
        services.behovsanalys_import(actor=kansli, data=data, filnamn="trasig.csv")
    assert exc.value.fel
    assert all(f.startswith(("Rad ", "Filen")) for f in exc.value.fel)
    assert _alla() == fore


def test_the_database_refuses_negative_values_and_duplicates(kansli):
    services.behovsanalys_import(actor=kansli, data=csv_fil(), filnamn="a.csv")
    rad = Helarsekvivalent.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Helarsekvivalent.objects.filter(pk=rad.pk).update(varde=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Helarsekvivalent.objects.create(
            region=rad.region,
            kon=rad.kon,
            ar=rad.ar,
            ersattning=rad.ersattning,
            varde=1,
            behovsimport=rad.behovsimport,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Behovsregion.objects.create(kod="123", namn="Fel", niva="kommun")


def test_management_command(demo, tmp_path, capsys):
    fil = tmp_path / "scb.csv"
    fil.write_bytes(csv_fil())
    call_command("import_behovsanalys", str(fil), "--kalla", "SCB")
    assert "10 rader importerade (2022–2023); 0 tidigare rader ersattes." in capsys.readouterr().out
    assert Behovsimport.objects.get().kalla == "SCB"
    call_command("import_behovsanalys", str(fil))
    assert "Filen är redan importerad. Ingenting ändrades." in capsys.readouterr().out

    trasig = tmp_path / "trasig.csv"
    trasig.write_bytes(csv_fil([*RADER, "2023;2281;Sundsvall;kvinnor;sjukpenning;8x0;28000"]))
    fore = _alla()
    with pytest.raises(CommandError) as exc:
        call_command("import_behovsanalys", str(trasig))
    assert str(exc.value) == (
        "Inget importerades:\nRad 12: helårsekvivalenter ”8x0” är inte ett tal."
    )
    assert _alla() == fore
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_behovsanalys", str(tmp_path / "saknas.csv"))


def test_the_sample_file_is_the_generated_demo_and_imports_cleanly(demo):
    from django.conf import settings

    from devtools import demo_behovsanalys as behov_demo

    exempel = (
        settings.BASE_DIR / "behovsanalys" / "data" / "behovsanalys_exempel.csv"
    ).read_bytes()
    assert exempel == behov_demo.exempel_csv()
    assert "Exempeldata – genererade siffror, inte verklig statistik".encode() in exempel
    assert behov_demo.load() is True
    assert behov_demo.load() is False  # idempotent
    imp = Behovsimport.objects.get()
    assert imp.kalla == behov_demo.ETIKETT
    assert (imp.ar_fran, imp.ar_till, imp.antal_rader) == (2017, 2023, 7 * 3 * 6 * 2)
    assert sorted(Behovsregion.objects.values_list("kod", "niva")) == [
        ("00", "riket"),
        ("22", "lan"),
        ("2281", "kommun"),
    ]
