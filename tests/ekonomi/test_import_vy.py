"""The import page: upload, preview (nothing stored), confirm or cancel; names adopted only
when ticked; the saldolista download on the Konton page."""

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from ekonomi.models import Importutkast, Konto, Transaktion, Utfallsimport

from ..conftest import client_for
from .conftest import sie4

D = dt.date


@pytest.fixture
def ekonomi(seed_ekonomi):
    """The seeds' world alone: these tests import 2021's books themselves."""
    return seed_ekonomi


def _fil():
    return sie4(
        [
            (3010, D(2021, 2, 1), -1_844_500, "Medel"),
            (7010, D(2021, 3, 20), 22_500, "Arvoden"),
            (6992, D(2021, 3, 25), 8_000, "Lokalhyra"),
        ],
        konton={3010: "Försäljning", 7010: "Styrelsearvoden", 6992: "Lokalhyra tillfällig"},
    )


def _ladda_upp(client, data, **falt):
    return client.post(
        reverse("ekonomi_import"),
        {"ar": 2021, "fil": SimpleUploadedFile("mars.se", data), **falt},
    )


def test_the_preview_shows_the_file_and_stores_nothing_until_confirmed(ekonomi):
    kansli = client_for("forbundschef")
    response = _ladda_upp(kansli, _fil())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kontrollera importen" in page and "Inget är importerat än" in page
    assert "Samordningsförbundet Sundsvall (222000-1001)" in page
    assert "#TRANS: 6 transaktioner i 3 verifikationer" in page
    assert "<strong>2021-03-31</strong> (sista dagen i filens sista månad)" in page
    assert "Alla 3 verifikationer balanserar." in page
    assert "3 rader gäller balanskonton och ingår inte i utfallet." in page
    # 3010 is named otherwise in the file, 6992 is not in the kontoplan; 7010 agrees.
    assert "I filen: ”Försäljning”" in page and 'value="3010"' in page
    assert "finns inte i kontoplanen" in page and 'value="6992"' in page
    assert 'value="7010"' not in page
    assert not Transaktion.objects.exists() and not Utfallsimport.objects.exists()

    utkast = Importutkast.objects.get()
    assert kansli.get(reverse("ekonomi_import_granska", args=[utkast.pk])).status_code == 200
    response = kansli.post(
        reverse("ekonomi_import_granska", args=[utkast.pk]),
        {"atgard": "importera", "anta_namn": ["6992"]},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "3 rader på resultatkonton importerade ur #TRANS (utfall per 2021-03-31)" in page
    assert "6992: nytt konto → ”Lokalhyra tillfällig”" in page
    assert Konto.objects.get(nummer=6992).namn == "Lokalhyra tillfällig"
    assert Konto.objects.get(nummer=3010).namn == "Försäkringskassan/Arbetsförmedlingen"
    assert Konto.history.filter(nummer=6992).get().history_user.username == "forbundschef"
    assert not Importutkast.objects.exists()
    assert kansli.get(reverse("ekonomi_import_granska", args=[utkast.pk])).status_code == 404


def test_a_date_given_at_upload_overrides_the_files(ekonomi):
    kansli = client_for("forbundschef")
    page = _ladda_upp(kansli, _fil(), per="2021-03-15").content.decode()
    assert "<strong>2021-03-15</strong> (angivet vid importen)" in page
    assert "2 rader är daterade efter 2021-03-15" in page


def test_cancelling_keeps_nothing(ekonomi):
    kansli = client_for("forbundschef")
    _ladda_upp(kansli, _fil())
    utkast = Importutkast.objects.get()
    response = kansli.post(
        reverse("ekonomi_import_granska", args=[utkast.pk]), {"atgard": "avbryt"}, follow=True
    )
    assert "Importen av mars.se är avbruten. Inget importerades." in response.content.decode()
    assert not Importutkast.objects.exists() and not Transaktion.objects.exists()


def test_a_refused_file_keeps_no_draft_and_says_why(ekonomi):
    kansli = client_for("forbundschef")
    fel = _fil().replace(b"#TRANS 7010 {} 22500.00", b"#TRANS 7010 {} 22500.01")
    response = _ladda_upp(kansli, fel)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Inget importerades" in page
    assert "verifikation A 2 summerar till 0,01\xa0kr, inte 0,00 kr" in page
    assert not Importutkast.objects.exists()


def test_a_draft_that_no_longer_passes_is_refused_at_confirmation(ekonomi):
    from forbund.models import Forbund

    kansli = client_for("forbundschef")
    _ladda_upp(kansli, _fil())
    utkast = Importutkast.objects.get()
    Forbund.objects.update(organisationsnummer="555555-5555")
    response = kansli.post(
        reverse("ekonomi_import_granska", args=[utkast.pk]), {"atgard": "importera"}
    )
    assert response.status_code == 422
    assert "Fel företag: inget importerades." in response.content.decode()
    assert not Transaktion.objects.exists()


def test_only_the_kansli_previews_and_confirms(ekonomi):
    _ladda_upp(client_for("forbundschef"), _fil())
    utkast = Importutkast.objects.get()
    url = reverse("ekonomi_import_granska", args=[utkast.pk])
    for persona in ("ordforande", "revisor", "insatspersonal"):
        assert client_for(persona).get(url).status_code == 403
        assert client_for(persona).post(url, {"atgard": "importera"}).status_code == 403
    assert not Transaktion.objects.exists() and Importutkast.objects.exists()


def test_the_saldolista_download_is_what_the_command_writes(ekonomi, tmp_path):
    kansli = client_for("forbundschef")
    assert kansli.get(reverse("ekonomi_saldolista"), {"ar": 2021}).status_code == 404
    _ladda_upp(kansli, _fil())
    kansli.post(
        reverse("ekonomi_import_granska", args=[Importutkast.objects.get().pk]),
        {"atgard": "importera"},
    )
    konton = kansli.get(reverse("ekonomi_konton"), {"ar": 2021}).content.decode()
    assert f'href="{reverse("ekonomi_saldolista")}?ar=2021"' in konton
    # The revisor finds it on the dashboard.
    dashboard = client_for("revisor").get(reverse("ekonomi_dashboard"), {"ar": 2021})
    assert f'href="{reverse("ekonomi_saldolista")}?ar=2021">Saldolista 2021-03-31 (CSV)' in (
        dashboard.content.decode()
    )
    response = client_for("revisor").get(reverse("ekonomi_saldolista"), {"ar": 2021})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="saldolista-2021-2021-03-31.csv"'
    )
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == [
        ["konto", "namn", "utfall"],
        ["3010", "Försäkringskassan/Arbetsförmedlingen", "-1844500,00"],
        ["6992", "Lokalhyra tillfällig", "8000,00"],
        ["7010", "Styrelsearvoden", "22500,00"],
    ]
    ut = tmp_path / "s.csv"
    call_command("saldolista", "--ar", "2021", "-o", str(ut))
    assert ut.read_bytes().decode("utf-8-sig") == text
    feb = kansli.get(reverse("ekonomi_saldolista"), {"ar": 2021, "per": "2021-02-28"})
    assert feb.content.decode("utf-8-sig").splitlines()[1:] == [
        "3010;Försäkringskassan/Arbetsförmedlingen;-1844500,00"
    ]
    for fel in ("2021-02-30", "2020-12-31", "igår"):
        svar = kansli.get(reverse("ekonomi_saldolista"), {"ar": 2021, "per": fel})
        assert svar.status_code == 400, fel
    assert client_for("insatspersonal").get(reverse("ekonomi_saldolista")).status_code == 403
