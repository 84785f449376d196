"""A database made before behovsanalys and rapporter became apps of their own migrates
cleanly: the tables keep their names, so rows written under the old migrations are read by
the new models (and an approved report stays locked by the triggers of ekonomi 0002).

The test database is migrated back to the last migration before the move, rows are written
through that migration state's models (as an installation of that time would have them),
and then it is migrated forward again.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The last migrations before the moves, and the new apps not yet there.
FORE_FLYTTEN = [
    ("forbund", "0002_behovsanalys"),
    ("behovsanalys", None),
    ("ekonomi", "0002_verksamhetsrapport"),
    ("rapporter", None),
]


def _migrera(targets) -> None:
    MigrationExecutor(connection).migrate(targets)


def _fore_flytten():
    """The database back before the moves, and the models as those migrations left them."""
    _migrera(FORE_FLYTTEN)
    noder = [nod for nod in FORE_FLYTTEN if nod[1]]
    return MigrationExecutor(connection).loader.project_state(noder, at_end=True).apps


def _senaste():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_behovsanalys_rows_written_before_the_move_are_read_by_the_new_app():
    try:
        gammalt = _fore_flytten()
        Region = gammalt.get_model("forbund", "Behovsregion")
        Import = gammalt.get_model("forbund", "Behovsimport")
        Helar = gammalt.get_model("forbund", "Helarsekvivalent")
        Befolkning = gammalt.get_model("forbund", "Befolkning")
        region = Region.objects.create(kod="2281", namn="Sundsvall", niva="kommun")
        imp = Import.objects.create(
            filnamn="scb-2022.csv", sha256="a" * 64, antal_rader=1, ar_fran=2022, ar_till=2022
        )
        Helar.objects.create(
            region=region,
            kon="kvinnor",
            ar=2022,
            ersattning="sjukpenning",
            varde=Decimal("812.50"),
            behovsimport=imp,
        )
        Befolkning.objects.create(
            region=region, kon="kvinnor", ar=2022, antal=28000, behovsimport=imp
        )
    finally:
        _migrera(_senaste())

    from behovsanalys.models import Befolkning, Behovsimport, Helarsekvivalent

    he = Helarsekvivalent.objects.select_related("region", "behovsimport").get()
    assert (he.region.kod, he.region.namn, he.kon, he.ar) == ("2281", "Sundsvall", "kvinnor", 2022)
    assert he.varde == Decimal("812.50")
    assert he.behovsimport.filnamn == "scb-2022.csv"
    assert Befolkning.objects.get().antal == 28000
    assert Behovsimport.objects.get().helarsekvivalenter.count() == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM forbund_helarsekvivalent")
        assert cursor.fetchone()[0] == 1


@pytest.mark.django_db(transaction=True)
def test_verksamhetsrapporter_written_before_the_move_are_read_by_the_new_app():
    try:
        gammalt = _fore_flytten()
        Rapport = gammalt.get_model("ekonomi", "Verksamhetsrapport")
        Avsnitt = gammalt.get_model("ekonomi", "Rapportavsnitt")
        rapport = Rapport.objects.create(
            typ="delarsrapport", fran=dt.date(2017, 1, 1), till=dt.date(2017, 8, 31)
        )
        Avsnitt.objects.create(rapport=rapport, nyckel="planerat", text="Utbildningar i höst.")
    finally:
        _migrera(_senaste())

    from rapporter.models import Rapportavsnitt, Verksamhetsrapport

    rapport = Verksamhetsrapport.objects.get()
    assert rapport.titel == "Delårsrapport januari–augusti 2017"
    assert rapport.avsnitt.get().text == "Utbildningar i höst."
    assert Rapportavsnitt.objects.get().rapport == rapport
