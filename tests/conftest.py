"""Shared fixtures: the demo förbund and one logged-in client per persona.

The personas are the roles the brief names: förbundschef, ordförande, ledamot, ersättare,
revisor, insatspersonal, an outsider with an account but no uppdrag, and anonymous.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from devtools.demo import load_demo

PERSONAS = [
    "forbundschef",
    "ordforande",
    "ledamot",
    "ersattare",
    "revisor",
    "insatspersonal",
    "outsider",
    "anonym",
]


def pytest_addoption(parser):
    parser.addoption(
        "--matris",
        default=None,
        help="Behörighetsmatrisen: bara URL-namn som innehåller den här texten.",
    )


@pytest.fixture
def demo(db):
    """The demo förbund, loaded through the same code as `make run`."""
    assert load_demo() is True
    get_user_model().objects.create_user("outsider", password="outsider-losen-123")


def client_for(persona: str) -> Client:
    client = Client()
    if persona != "anonym":
        client.force_login(get_user_model().objects.get(username=persona))
    return client


@pytest.fixture
def as_persona(demo):
    return client_for


def provmotenas_datum(idag=None):
    """(utkast, numrerat): the test meetings' dates, between the demo's last meeting (a week
    ago, waiting for justering) and today, so § numbers still follow the dates."""
    import datetime as dt

    from django.utils import timezone

    idag = idag or timezone.localdate()
    return idag - dt.timedelta(days=1), idag - dt.timedelta(days=3)


PROVPLATS = "Rum 654, kommunhuset"


def provmote(status: str):
    """The test meeting with its protocol in `status` ("utkast" or "numrerat")."""
    from moten.models import Mote

    return Mote.objects.get(plats=PROVPLATS, protokoll__status=status)


def bygg_moten():
    """The demo (its protocols and every year up to today), plus meetings in the states the
    views care about: a draft with a paragraph and a handling, and a numbered protocol
    waiting for justering by the ordförande (Karin Ödmark) and the ledamot (Fredrika Alnö)."""
    import datetime as dt
    from types import SimpleNamespace

    from devtools import demo_aren as aren_demo
    from devtools import demo_ekonomi as ekonomi_demo
    from devtools import demo_insatser as insatser_demo
    from devtools import demo_moten as moten_demo
    from forbund.models import Organ, Person
    from moten import services
    from moten.models import Protokoll

    assert moten_demo.load() is True
    assert insatser_demo.load() is True
    assert ekonomi_demo.load() is True
    assert aren_demo.load() is True
    kansli = get_user_model().objects.get(username="forbundschef")
    styrelsen = Organ.objects.get(typ=Organ.Typ.STYRELSE)
    utkast_datum, numrerat_datum = provmotenas_datum()
    utkast = services.mote_create(
        actor=kansli, organ=styrelsen, datum=utkast_datum, plats=PROVPLATS
    )
    utkast_paragraf = services.paragraf_create(
        actor=kansli, protokoll=utkast.protokoll, rubrik="Budget 2022"
    )
    handling = services.handling_create(
        actor=kansli, mote=utkast, titel="Budget", filnamn="budget.pdf", data=b"%PDF-1.4\n%test\n"
    )
    numrerat = services.mote_create(
        actor=kansli, organ=styrelsen, datum=numrerat_datum, plats=PROVPLATS
    )
    services.paragraf_create(actor=kansli, protokoll=numrerat.protokoll, rubrik="Öppnande")
    services.protokoll_numrera(
        actor=kansli,
        protokoll=numrerat.protokoll,
        ordforande=Person.objects.get(user__username="ordforande"),
        justerare=[Person.objects.get(user__username="ledamot")],
    )
    justerat = Protokoll.objects.filter(status="justerat", mote__datum=dt.date(2021, 11, 26)).get()
    from insatser import services as insatser_services
    from insatser.models import Insats

    insatser_services.ansokan_create(
        actor=kansli,
        insats=Insats.objects.get(namn="Psykolog Arbetsmarknadstorget"),
        inkommen=dt.date(2022, 10, 1),
        text="Fortsatt finansiering av psykolog 2023.",
        belopp=[{"ar": 2023, "personal": 850_000, "lokal": 30_000, "data_it": 15_000, "ovrigt": 0}],
        bilagor=[("ansokan.pdf", b"%PDF-1.4\n%ansokan\n", "application/pdf")],
    )
    return SimpleNamespace(
        utkast=utkast,
        utkast_paragraf=utkast_paragraf,
        handling=handling,
        numrerat=numrerat,
        justerat=justerat,
        justerad_paragraf=justerat.paragrafer.get(nummer=161),
    )


@pytest.fixture
def moten(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return bygg_moten()


def bygg_enkat():
    """The demo's survey rounds, plus an open exit-form round for the SIP insats with links."""
    import datetime as dt

    from django.utils import timezone

    from devtools import demo_enkater as enkater_demo
    from enkater import services as enkat_services
    from enkater.models import Formular
    from insatser.models import Insats

    enkater_demo.load()
    idag = timezone.localdate()
    omgang = enkat_services.omgang_create(
        actor=None,
        formular=Formular.objects.get(kod="deltagare_avslut"),
        ar=idag.year,
        oppnar=idag - dt.timedelta(days=1),
        stanger=idag + dt.timedelta(days=30),
        insats=Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget"),
    )
    enkat_services.tokens_create(actor=None, omgang=omgang, antal=3)
    return omgang


@pytest.fixture
def enkat(moten):
    return bygg_enkat()
