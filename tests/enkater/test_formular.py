"""Forms built by the kansli from the same parts; wording locked once answered; a new
version copies the form; the self-rating paired by a participant code (never a
personnummer) and its progression under the same suppression."""

import pytest
from django.urls import reverse

from enkater import services
from enkater.models import Deltagarkod, Formular, Fraga, Omgang, Svar

from ..conftest import client_for


def test_kansli_builds_a_form_with_routing(demo):
    kansli = client_for("forbundschef")
    response = kansli.post(
        reverse("formular_list"), {"namn": "Förbundets egna frågor", "malgrupp": "insats"}
    )
    formular = Formular.objects.get(namn="Förbundets egna frågor")
    assert response.status_code == 302 and formular.kod == "forbundets-egna-fragor"
    url = reverse("formular_detail", args=[formular.pk])
    assert kansli.post(url, {"text": "Har du fått en plan?", "typ": "ja_nej"}).status_code == 302
    plan = formular.fragor.get(nummer="1")
    response = kansli.post(
        url,
        {
            "text": "Hur tydlig är planen?",
            "typ": "skala_instammer",
            "visas_om": plan.pk,
            "visas_om_svar": 1,
        },
    )
    assert response.status_code == 302
    fraga = formular.fragor.get(nummer="2")
    assert (fraga.visas_om, fraga.visas_om_svar) == (plan, 1)
    # Routing on an answer the question does not have, or from a free-text question: 422.
    bad = kansli.post(url, {"text": "X", "typ": "fritext", "visas_om": plan.pk, "visas_om_svar": 5})
    assert bad.status_code == 422 and "Välj vilket svar (1–2)" in bad.content.decode()
    assert "X" in bad.content.decode()  # the typed text is kept
    assert kansli.post(url, {"text": "", "typ": "nej"}).status_code == 422


def test_wording_is_locked_once_answered_and_a_new_version_copies(enkat):
    formular = enkat.formular
    f1 = formular.fragor.get(nummer="1")
    services.svar_create(omgang=enkat, varden={f1.pk: 4}, kanal="papper")
    kansli = client_for("forbundschef")
    url = reverse("formular_detail", args=[formular.pk])
    page = kansli.get(url).content.decode()
    assert "Formuläret har svar" in page and "Lägg till en fråga" not in page
    response = kansli.post(url, {"text": "Ny fråga", "typ": "fritext"})
    assert response.status_code == 422
    assert "kan inte längre ändras" in response.content.decode()
    response = kansli.post(url, {"atgard": "ta_bort", "fraga": f1.pk})
    assert response.status_code == 422 and formular.fragor.filter(pk=f1.pk).exists()
    with pytest.raises(services.FormularSparrat):
        services.fraga_delete(actor=None, fraga=f1)
    response = kansli.post(url, {"atgard": "ny_version"})
    ny = Formular.objects.get(kod=formular.kod, version=2)
    assert response.status_code == 302 and response.url == reverse("formular_detail", args=[ny.pk])
    gamla = list(formular.fragor.order_by("ordning").values_list("nummer", "text", "typ"))
    assert list(ny.fragor.order_by("ordning").values_list("nummer", "text", "typ")) == gamla
    nio = ny.fragor.get(nummer="9")
    assert nio.visas_om == ny.fragor.get(nummer="8") and nio.visas_om_svar == 1
    # The copy has no answers: it may be changed.
    assert (
        kansli.post(
            reverse("formular_detail", args=[ny.pk]), {"text": "Ny fråga", "typ": "fritext"}
        ).status_code
        == 302
    )


@pytest.mark.parametrize(
    "kod",
    ["850101-1234", "198501011234", "8501011234", "19850101", "850101", "85 01 01-12 34", ""],
)
def test_a_participant_code_is_never_a_personnummer(kod):
    with pytest.raises(services.Fel):
        services.deltagarkod_kontrollera(kod)


def test_participant_codes_the_insats_makes_up_are_fine():
    assert services.deltagarkod_kontrollera(" sip-017 ") == "SIP-017"
    assert services.deltagarkod_kontrollera("PSY2023-04") == "PSY2023-04"


def _sjalvskattning_in():
    return Omgang.objects.get(tillfalle="in", insats__namn="SIP-samordnare Arbetsmarknadstorget")


def test_staff_transcribe_a_self_rating_with_the_code(enkat):
    omgang = _sjalvskattning_in()
    staff = client_for("insatspersonal")
    url = reverse("omgang_registrera", args=[omgang.pk])
    page = staff.get(url).content.decode()
    assert "Deltagarkod" in page and "aldrig personnummer" in page
    fragor = {f.nummer: f for f in omgang.formular.fragor.all()}
    data = {f"f{fragor['1'].pk}": 2, f"f{fragor['kon'].pk}": 1}
    refused = staff.post(url, {**data, "deltagarkod": "19850101-1234"})
    assert refused.status_code == 422 and "liknar ett personnummer" in refused.content.decode()
    taken = staff.post(url, {**data, "deltagarkod": "SIP-001"})
    assert taken.status_code == 422 and "har redan ett svar" in taken.content.decode()
    before = Svar.objects.filter(omgang=omgang).count()
    assert staff.post(url, {**data, "deltagarkod": "sip-900"}).status_code == 302
    assert Svar.objects.filter(omgang=omgang).count() == before + 1
    assert Deltagarkod.objects.filter(omgang=omgang, kod="SIP-900").exists()
    # The NNS answers never carry a code.
    assert not Deltagarkod.objects.filter(omgang__tillfalle="").exists()


def test_progression_by_kon_age_and_forsorjning(enkat, django_assert_max_num_queries):
    board = client_for("ledamot")
    url = reverse("enkat_sjalvskattning", args=["sjalvskattning-deltagare"])
    with django_assert_max_num_queries(40) as before:
        html = board.get(url).content.decode()
    antal = len(before.captured_queries)
    assert "Självskattning före och efter" in html
    assert "Medel vid inskrivning" in html and "Andel som skattar sig högre" in html
    assert 'role="img"' in html
    for dela in ("alder", "forsorjning", "insats"):
        for kon in ("", "1"):
            response = board.get(url, {"dela": dela, "kon": kon})
            assert response.status_code == 200
    # The psykolog's 7 pairs are shown; split by kön its small groups are not.
    html = board.get(url, {"dela": "insats"}).content.decode()
    psy = [r for r in html.split("<tr>") if "Psykolog Arbetsmarknadstorget" in r]
    assert psy and not any("Visas inte" in r for r in psy)
    html = board.get(url, {"dela": "insats", "kon": "1"}).content.decode()
    psy = [r for r in html.split("<tr>") if "Psykolog Arbetsmarknadstorget, " in r]
    assert psy and any("Visas inte" in r for r in psy)
    # More pairs: the same number of queries.
    ut = Omgang.objects.get(tillfalle="ut", insats__namn="SIP-samordnare Arbetsmarknadstorget")
    f1 = ut.formular.fragor.get(nummer="1")
    services.svar_create(omgang=ut, varden={f1.pk: 5}, kanal="papper", deltagarkod="SIP-030")
    with django_assert_max_num_queries(antal):
        board.get(url)
    assert client_for("insatspersonal").get(url).status_code == 403
    assert board.get(reverse("enkat_sjalvskattning", args=["styrelse"])).status_code == 404


def test_import_a_self_rating_needs_codes(enkat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    omgang = Omgang.objects.get(tillfalle="ut", insats__namn="SIP-samordnare Arbetsmarknadstorget")
    kansli = client_for("forbundschef")
    url = reverse("omgang_import", args=[omgang.pk])
    fil = SimpleUploadedFile(
        "s.csv", b"deltagarkod;1;2\nSIP-031;4;5\n850101-1234;3;3\nSIP-031;1;1\n"
    )
    html = kansli.post(url, {"fil": fil}).content.decode()
    assert "Rad 3: Deltagarkoden liknar ett personnummer" in html
    assert "Rad 4: deltagarkoden SIP-031 finns redan på rad 2" in html
    fil = SimpleUploadedFile("s.csv", b"1;2\n4;5\n")
    assert "kolumnen deltagarkod saknas" in kansli.post(url, {"fil": fil}).content.decode()
    fil = SimpleUploadedFile("s.csv", b"deltagarkod;1;2\nSIP-031;4;5\nSIP-032;3;3\n")
    assert kansli.post(url, {"fil": fil}).status_code == 302
    assert Deltagarkod.objects.filter(omgang=omgang, kod__in=["SIP-031", "SIP-032"]).count() == 2
    assert Fraga.objects.filter(formular=omgang.formular, nummer="forsorj").exists()


def test_a_self_rating_round_belongs_to_an_insats(enkat):
    formular = Formular.objects.get(kod="sjalvskattning-deltagare")
    kansli = client_for("forbundschef")
    data = {
        "formular": formular.pk,
        "ar": 2023,
        "oppnar": "2023-01-01",
        "stanger": "2023-12-31",
        "tillfalle": "in",
    }
    response = kansli.post(reverse("omgang_create"), data)
    assert response.status_code == 422 and "Välj vilken insats" in response.content.decode()
    assert "2023-12-31" in response.content.decode()  # what was typed is kept
    insats = Omgang.objects.filter(tillfalle="in").first().insats
    response = kansli.post(reverse("omgang_create"), {**data, "insats": insats.pk})
    assert response.status_code == 302
    assert Omgang.objects.get(ar=2023, tillfalle="in").insats == insats
