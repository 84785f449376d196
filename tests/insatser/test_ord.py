"""Words that mean one thing (#17): the follow-up records who was at the meeting, not the
insats's deltagare, and SUS is written out on every page that uses it."""

import re

import pytest
from django.urls import reverse

from insatser.models import Insats, Period

from ..conftest import client_for

SUS = (
    '<abbr title="Sektorsövergripande system för uppföljning av samverkan och finansiell '
    'samordning inom rehabiliteringsområdet">SUS</abbr>'
)


@pytest.fixture
def sip(seed_moten):
    return Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")


def test_follow_up_records_who_was_at_the_meeting(sip):
    staff = client_for("insatspersonal")
    url = reverse("uppfoljning_create", args=[sip.pk])
    html = staff.get(url).content.decode()
    assert "Närvarande vid mötet" in html and ">Deltagare<" not in html
    response = staff.post(url, {"datum": "2022-05-10", "deltagare": ""})
    assert response.status_code == 422
    assert re.search(
        r'<a href="#id_deltagare">Närvarande vid mötet: [^<]+</a>', response.content.decode()
    )
    response = staff.post(url, {"datum": "2022-05-10", "deltagare": "Sara Nolby, SIP-samordnare"})
    uppfoljning = sip.uppfoljningar.get(datum="2022-05-10")
    page = staff.get(reverse("uppfoljning_detail", args=[uppfoljning.pk])).content.decode()
    assert '<h2 class="h5">Närvarande vid mötet</h2>' in page


def test_sus_is_written_out_where_a_page_first_says_it(sip):
    period = Period.objects.get(insats=sip)
    pages = {
        "forbundschef": [
            reverse("insats_list"),
            reverse("sus_rapport"),
            reverse("period_import", args=[period.pk]),
            reverse("uppfoljning_create", args=[sip.pk]),
        ],
        "insatspersonal": [reverse("uppfoljning_create", args=[sip.pk])],
    }
    for persona, urls in pages.items():
        for url in urls:
            html = client_for(persona).get(url).content.decode()
            main = html[html.index("<main") :]
            main = main[main.index(">") :]
            assert SUS in main, url
            assert main.index("SUS") == main.index(SUS) + SUS.index(">SUS<") + 1, url
