"""Answering by link: single use, routing, anonymity, closed rounds; paper transcription."""

import datetime as dt
import io

from django.core.management import call_command
from django.urls import reverse

from enkater import services
from enkater.models import Fraga, Inkorg, Omgang, Svar, Svarsvarde

from ..conftest import client_for


def _fraga(omgang, nummer):
    return omgang.formular.fragor.get(nummer=nummer)


def test_answer_once_with_routing_and_nothing_that_identifies(enkat):
    token = enkat.tokens.first()
    anonym = client_for("anonym")
    page = anonym.get(reverse("besvara", args=[token.kod]))
    assert page.status_code == 200
    assert "Har ni påbörjat en planering för vad som ska hända" in page.content.decode()
    f8, f9, f11 = _fraga(enkat, "8"), _fraga(enkat, "9"), _fraga(enkat, "11")
    response = anonym.post(
        reverse("besvara", args=[token.kod]),
        {f"f{f8.pk}": 2, f"f{f9.pk}": 6, f"f{f11.pk}": "Bra stöd", f"f{_fraga(enkat, '1').pk}": 5},
        REMOTE_ADDR="10.1.2.3",
        HTTP_USER_AGENT="Testbrowser/1.0",
    )
    assert response.status_code == 200 and "Tack för ditt svar!" in response.content.decode()
    # In the inbox until a batch moves it (one answer: only when the round closes).
    assert not Svar.objects.filter(omgang=enkat).exists()
    assert Inkorg.objects.filter(omgang=enkat).count() == 1
    assert services.inkorg_toem(omgang=enkat) == 0
    assert services.inkorg_toem(omgang=enkat, min_antal=1) == 1
    assert not Inkorg.objects.exists()
    svar = Svar.objects.get(omgang=enkat)
    svarade = set(svar.varden.values_list("fraga__nummer", flat=True))
    assert svarade == {"1", "8", "11"}  # "Nej" on 8: the answer to 9 is not kept
    # Nothing about the person or the device: the model has no such field to fill.
    assert {f.name for f in Svar._meta.get_fields() if f.concrete} == {
        "id",
        "omgang",
        "datum",
        "kanal",
    }
    again = anonym.get(reverse("besvara", args=[token.kod]))
    assert again.status_code == 410 and "redan använd" in again.content.decode()
    assert anonym.post(reverse("besvara", args=[token.kod]), {f"f{f8.pk}": 1}).status_code == 410
    assert Svar.objects.filter(omgang=enkat).count() == 1


def test_unknown_or_closed_links(enkat):
    anonym = client_for("anonym")
    assert anonym.get(reverse("besvara", args=["finnsinte12"])).status_code == 404
    stangd = Omgang.objects.filter(ar=2021).first()
    token = stangd.tokens.create()
    response = anonym.get(reverse("besvara", args=[token.kod]))
    assert response.status_code == 410 and "Enkäten är stängd" in response.content.decode()


def test_bad_value_keeps_the_rest(enkat):
    token = enkat.tokens.first()
    f1, f11 = _fraga(enkat, "1"), _fraga(enkat, "11")
    response = client_for("anonym").post(
        reverse("besvara", args=[token.kod]), {f"f{f1.pk}": 9, f"f{f11.pk}": "Min text"}
    )
    assert response.status_code == 422
    assert "Min text" in response.content.decode()
    token.refresh_from_db()
    assert not token.anvand


def test_staff_transcribe_their_own_insats_only(enkat):
    staff = client_for("insatspersonal")
    f1, kon = _fraga(enkat, "1"), enkat.formular.fragor.get(typ=Fraga.Typ.KON)
    response = staff.post(
        reverse("omgang_registrera", args=[enkat.pk]), {f"f{f1.pk}": 4, f"f{kon.pk}": 1}
    )
    assert response.status_code == 302
    svar = Svar.objects.get(omgang=enkat)
    assert svar.kanal == "papper"
    other = Omgang.objects.filter(insats__namn="Psykolog Arbetsmarknadstorget").first()
    assert staff.get(reverse("omgang_registrera", args=[other.pk])).status_code == 404


def test_results_for_board_free_text_for_kansli_only(enkat):
    demo = Omgang.objects.get(ar=2021, formular__kod="deltagare_avslut")
    board = client_for("ledamot").get(reverse("omgang_resultat", args=[demo.pk]), {"dela": "kon"})
    html = board.content.decode()
    assert board.status_code == 200 and "Fritextsvar" not in html
    kansli = (
        client_for("forbundschef").get(reverse("omgang_resultat", args=[demo.pk])).content.decode()
    )
    assert "Fritextsvar (visas bara för kansliet)" in kansli
    tre = Omgang.objects.get(
        ar=2021, formular__kod="deltagare_pagaende", insats__namn="Psykolog Arbetsmarknadstorget"
    )
    small = client_for("ledamot").get(reverse("omgang_resultat", args=[tre.pk])).content.decode()
    assert "3 svar" in small and "Visas inte (färre än 5 svar)" in small
    assert Svarsvarde.objects.filter(svar__omgang=tre).exists()
    assert (
        client_for("insatspersonal").get(reverse("omgang_resultat", args=[demo.pk])).status_code
        == 403
    )


def test_free_text_only_when_the_round_has_five_answers(enkat):
    """A lone free text can point out who wrote it: a round's free text is shown (to the
    kansli) only from MIN_N answers on, like every figure (issue 18)."""
    tre = Omgang.objects.get(
        ar=2021, formular__kod="deltagare_pagaende", insats__namn="Psykolog Arbetsmarknadstorget"
    )
    fritext = tre.formular.fragor.filter(typ=Fraga.Typ.FRITEXT).first()
    url = reverse("omgang_resultat", args=[tre.pk])
    kansli = client_for("forbundschef")
    services.svar_create(omgang=tre, varden={fritext.pk: "En unik mening"}, kanal="papper")
    assert tre.svar.count() == 4
    html = kansli.get(url).content.decode()
    assert "En unik mening" not in html and "färre än 5 svar, och en ensam fritext" in html
    services.svar_create(omgang=tre, varden={fritext.pk: "En till"}, kanal="papper")
    html = kansli.get(url).content.decode()
    assert "En unik mening" in html and "en ensam fritext" not in html


def test_the_inbox_command_moves_a_closed_rounds_remainder(enkat):
    token = enkat.tokens.filter(anvand=False).first()
    f1 = _fraga(enkat, "1")
    client_for("anonym").post(reverse("besvara", args=[token.kod]), {f"f{f1.pk}": 5})
    ut = io.StringIO()
    call_command("enkatinkorg", stdout=ut)
    assert "0 svar flyttade" in ut.getvalue() and Inkorg.objects.filter(omgang=enkat).exists()
    Omgang.objects.filter(pk=enkat.pk).update(stanger=dt.date.today() - dt.timedelta(days=1))
    call_command("enkatinkorg", stdout=ut)
    assert "1 svar flyttade" in ut.getvalue()
    assert not Inkorg.objects.exists() and Svar.objects.filter(omgang=enkat).count() == 1
