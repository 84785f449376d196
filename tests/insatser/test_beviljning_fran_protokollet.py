"""A grant registered from the protocol (issue 15): on a paragraph not yet numbered it reads
"§ (ej numrerad)", its year is the one the Att-clause names, and saving returns to the
paragraph."""

import re

from django.urls import reverse

from insatser.models import Beviljning, Insats
from moten import services as moten_services

from ..conftest import client_for


def test_a_grant_on_an_unnumbered_paragraph_takes_the_year_of_its_att_clause(moten):
    kansli = client_for("forbundschef")
    paragraf = moten_services.paragraf_create(
        actor=None,
        protokoll=moten.utkast.protokoll,
        rubrik="Ansökan om medel för arbetsterapeut",
        beslut=[
            "bevilja medel med 700 000 kr till arbetsterapeut för 2031",
            "betala ut hälften när avtal tecknats.",
        ],
    )
    url = reverse("beviljning_create", args=[paragraf.pk])
    form = kansli.get(url).content.decode()
    assert "Beslutat i § (ej numrerad)" in form
    # The clause names 2031 (not the meeting's year + 1), and that clause is chosen.
    assert re.search(r'name="ar" value="2031"', form)
    forsta = paragraf.beslut.get(ordning=0)
    assert f'<option value="{forsta.pk}" selected>' in form

    insats = Insats.objects.get(namn="Rehabvägledare")
    svar = kansli.post(
        url,
        {
            "insats": insats.pk,
            "attsats": forsta.pk,
            "utfall": "beviljad",
            "ar": 2031,
            "belopp": "700000",
        },
    )
    assert svar.status_code == 302
    assert svar["Location"] == (
        reverse("protokoll_detail", args=[moten.utkast.protokoll.pk]) + f"#p{paragraf.pk}"
    )
    b = Beviljning.objects.get(insats=insats, ar=2031)
    sidor = [
        kansli.get(reverse("beviljning_detail", args=[b.pk])).content.decode(),
        kansli.get(reverse("insats_detail", args=[insats.pk])).content.decode(),
    ]
    for html in sidor:
        assert "§ (ej numrerad)" in html and "§ None" not in html
