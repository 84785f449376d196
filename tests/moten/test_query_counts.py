"""Query counts of the meeting pages do not grow with the number of meetings or decisions."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forbund.models import Organ
from moten import services

from ..conftest import client_for


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "persona,name",
    [
        ("forbundschef", "mote_list"),
        ("forbundschef", "oversikt"),
        ("ledamot", "beslutsregister"),
        ("anonym", "anslagstavla"),
    ],
)
def test_list_pages_have_a_fixed_number_of_queries(moten, persona, name):
    client = client_for(persona)
    url = reverse(name)
    before = _count(client, url)
    styrelsen = Organ.objects.get(typ=Organ.Typ.STYRELSE)
    for month in range(4, 10):
        mote = services.mote_create(
            actor=None, organ=styrelsen, datum=dt.date(2022, month, 10), plats="Rum 654"
        )
        services.paragraf_create(
            actor=None, protokoll=mote.protokoll, rubrik="Beslut", beslut=["bevilja x", "bevilja y"]
        )
    assert _count(client, url) == before


@pytest.mark.parametrize(
    "persona,name", [("ordforande", "protokoll_justera"), ("revisor", "protokoll_dokument")]
)
def test_the_whole_protocol_on_a_page_has_a_fixed_number_of_queries(moten, persona, name):
    protokoll = moten.numrerat.protokoll
    client = client_for(persona)
    url = reverse(name, args=[protokoll.pk])
    before = _count(client, url)
    for i in range(8):
        services.paragraf_create(
            actor=None, protokoll=protokoll, rubrik=f"Ärende {i}", text="x", beslut=["a", "b"]
        )
    assert _count(client, url) == before
