"""The start page shows each role what needs its attention, with a fixed number of queries."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forbund import services
from forbund.models import Person, Roll

from .conftest import client_for


def test_kansli_sees_mandates_ending_and_people_without_login(demo):
    page = client_for("forbundschef").get(reverse("oversikt")).content.decode()
    assert "Att göra för kansliet" in page
    # The styrelse's mandate period ends 2026-12-31 (today in the demo is within 90 days
    # of it only near the end of the year, so check the list or its empty message).
    assert "Uppdrag som löper ut inom 90 dagar" in page
    assert "Leif Stenholm" in page  # an ersättare with no login


def test_each_role_sees_its_own_sections(demo):
    ledamot = client_for("ledamot").get(reverse("oversikt")).content.decode()
    assert "Styrelsen" in ledamot and "Att göra för kansliet" not in ledamot
    personal = client_for("insatspersonal").get(reverse("oversikt")).content.decode()
    assert "Din insats" in personal and "Styrelsen</h2>" not in personal
    outsider = client_for("outsider").get(reverse("oversikt")).content.decode()
    assert "inte kopplat till något aktivt uppdrag" in outsider


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_the_data(demo):
    kansli = client_for("forbundschef")
    urls = [reverse("oversikt"), reverse("person_list"), reverse("forbund_detail")]
    before = {url: _queries(kansli, url) for url in urls}
    for i in range(30):
        person = services.person_create(actor=None, fornamn=f"Test{i}", efternamn="Person")
        services.uppdrag_create(
            actor=None,
            person=person,
            roll=Roll.PROCESSTODJARE,
            startdatum=dt.date(2026, 1, 1),
            slutdatum=dt.date(2026, 12, 31),
        )
    assert Person.objects.count() > 40
    after = {url: _queries(kansli, url) for url in urls}
    assert after == before
