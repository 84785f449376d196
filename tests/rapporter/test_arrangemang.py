"""Arrangemang: registered by the kansli with participants per organisation and kön, read by
the board and the revisor, listed per year with every sum computed from the rows."""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from insatser import services
from insatser.models import Arrangemang

from ..conftest import client_for


def _post(**extra):
    data = {
        "namn": "Nätverksdag lösningsfokuserat ledarskap",
        "typ": "natverksdag",
        "regi": "egen",
        "startdatum": "2022-10-20",
        "slutdatum": "",
        "arrangor": "Samordningsförbundet Sundsvall",
        "insats": "",
        "beviljning": "",
        "beskrivning": "",
        "deltagare-TOTAL_FORMS": "3",
        "deltagare-INITIAL_FORMS": "0",
        "deltagare-MIN_NUM_FORMS": "0",
        "deltagare-MAX_NUM_FORMS": "1000",
        "deltagare-0-organisation": "Sundsvalls kommun",
        "deltagare-0-inom_omradet": "on",
        "deltagare-0-kvinnor": "7",
        "deltagare-0-man": "3",
        "deltagare-0-ej_angivet": "",
        "deltagare-1-organisation": "Samordningsförbundet Härnösand",
        "deltagare-1-kvinnor": "2",
        "deltagare-1-man": "1",
        "deltagare-2-organisation": "",
    }
    data.update(extra)
    return data


def test_kansli_registers_an_event_and_the_board_reads_it(moten):
    kansli = client_for("forbundschef")
    response = kansli.post(reverse("arrangemang_create"), _post())
    a = Arrangemang.objects.get(namn="Nätverksdag lösningsfokuserat ledarskap")
    assert response.status_code == 302 and response["Location"] == reverse(
        "arrangemang_detail", args=[a.pk]
    )
    assert [(d.organisation, d.inom_omradet, d.kvinnor, d.man) for d in a.deltagare.all()] == [
        ("Sundsvalls kommun", True, 7, 3),
        ("Samordningsförbundet Härnösand", False, 2, 1),
    ]
    assert a.registrerad_av.username == "forbundschef"
    for persona in ("ordforande", "ledamot", "revisor"):
        page = client_for(persona).get(reverse("arrangemang_list"), {"ar": 2022}).content.decode()
        row = re.search(r"Nätverksdag lösningsfokuserat ledarskap</a></th>(.*?)</tr>", page, re.S)
        # From the area 10 (7 women, 3 men); 13 in all with the neighbours.
        assert re.findall(r'class="text-end">([^<]*)<', row.group(1)) == ["10", "7", "3", "13"]
        detail = client_for(persona).get(reverse("arrangemang_detail", args=[a.pk]))
        assert detail.status_code == 200
        assert "Ändra arrangemanget" not in detail.content.decode()
    # Nobody but the kansli writes; insatspersonal do not read either.
    assert client_for("ledamot").post(reverse("arrangemang_create"), _post()).status_code == 403
    assert client_for("insatspersonal").get(reverse("arrangemang_list")).status_code == 403
    assert (
        client_for("revisor").post(reverse("arrangemang_edit", args=[a.pk]), _post()).status_code
        == 403
    )


def test_bad_input_is_422_and_keeps_what_was_typed(moten):
    kansli = client_for("forbundschef")
    before = Arrangemang.objects.count()
    response = kansli.post(
        reverse("arrangemang_create"),
        _post(
            slutdatum="2022-10-01",
            **{"deltagare-0-kvinnor": "-2", "deltagare-2-kvinnor": "4"},
        ),
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Slutdatum kan inte ligga före startdatum." in html
    assert "Antal kan inte vara negativt." in html
    assert 'value="Samordningsförbundet Härnösand"' in html and 'value="-2"' in html
    assert Arrangemang.objects.count() == before
    huge = kansli.post(reverse("arrangemang_create"), _post(**{"deltagare-0-man": "9" * 12}))
    assert huge.status_code == 422 and "orimligt stort" in huge.content.decode()
    # A row with counts but no organisation, and the same organisation twice.
    response = kansli.post(
        reverse("arrangemang_create"),
        _post(
            **{
                "deltagare-1-organisation": "sundsvalls kommun",
                "deltagare-2-kvinnor": "4",
            }
        ),
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "Rad 2: sundsvalls kommun finns redan på en tidigare rad." in html
    assert "Rad 3: ange organisation." in html
    assert Arrangemang.objects.count() == before


def test_edit_replaces_the_rows_and_a_grant_must_belong_to_the_insats(moten):
    from insatser.models import Beviljning, Insats

    kansli = client_for("forbundschef")
    a = Arrangemang.objects.get(namn="Introduktion till SIP för nya handläggare")
    page = kansli.get(reverse("arrangemang_edit", args=[a.pk])).content.decode()
    assert 'value="Sundsvalls kommun"' in page and 'value="9"' in page
    psykolog = Insats.objects.get(namn="Psykolog Arbetsmarknadstorget")
    sip_grant = Beviljning.objects.filter(insats__namn__startswith="SIP").first()
    response = kansli.post(
        reverse("arrangemang_edit", args=[a.pk]),
        _post(namn=a.namn, insats=str(psykolog.pk), beviljning=str(sip_grant.pk)),
    )
    assert response.status_code == 422
    assert "Beviljningen hör till en annan insats" in response.content.decode()
    response = kansli.post(
        reverse("arrangemang_edit", args=[a.pk]),
        _post(namn=a.namn, startdatum="2022-02-08", beviljning=str(sip_grant.pk)),
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.insats == sip_grant.insats  # taken from the grant
    assert a.deltagare.count() == 2 and a.history.count() == 2


def test_list_query_count_does_not_grow_with_events(moten, django_assert_max_num_queries):
    kansli = get_user_model().objects.get(username="forbundschef")
    client = client_for("ledamot")
    url = reverse("arrangemang_list")
    with django_assert_max_num_queries(12) as before:
        assert client.get(url, {"ar": 2021}).status_code == 200
    for i in range(15):
        services.arrangemang_save(
            actor=kansli,
            arrangemang=Arrangemang(
                namn=f"Seminarium {i}",
                typ="seminarium",
                regi="egen",
                startdatum=dt.date(2021, 6, 1 + i),
                arrangor="Förbundet",
            ),
            deltagare=[
                services.DeltagarRad(f"Organisation {j}", True, j + 1, 1, 0) for j in range(4)
            ],
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(url, {"ar": 2021})
    assert response.content.decode().count("Seminarium ") >= 15
