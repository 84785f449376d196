"""Application → dagordning → decision → grant, and the annual report whose approval by the
board releases the instalment waiting for it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from insatser import services
from insatser.models import Ansokan, Arsrapport, Insats
from moten import services as moten_services

from ..conftest import client_for


@pytest.fixture
def sip(seed_moten):
    return Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")


def test_application_goes_on_the_dagordning_and_its_paragraph_names_the_insats(sip, seed_moten):
    staff = client_for("insatspersonal")
    response = staff.post(
        reverse("ansokan_create", args=[sip.pk]),
        {
            "inkommen": "2022-02-01",
            "text": "Ansökan om fortsatt SIP-samordnare.",
            "ar_0": 2023,
            "personal_0": 500000,
            "lokal_0": 30000,
            "data_it_0": 10000,
            "ar_1": 2024,
            "personal_1": 520000,
        },
    )
    ansokan = Ansokan.objects.get(insats=sip)
    assert response["Location"] == reverse("ansokan_detail", args=[ansokan.pk])
    page = staff.get(response["Location"]).content.decode()
    assert "1\xa0060\xa0000\xa0kr" in page  # 540 000 + 520 000, computed
    assert "Sätt på dagordningen" not in page  # the kansli's action

    missing_year = staff.post(
        reverse("ansokan_create", args=[sip.pk]),
        {"inkommen": "2022-02-01", "text": "Utan år", "personal_0": 1000},
    )
    assert missing_year.status_code == 422
    assert "Ange vilket år beloppen gäller." in missing_year.content.decode()

    kansli = client_for("forbundschef")
    kansli.post(reverse("ansokan_dagordning", args=[ansokan.pk]), {"mote": seed_moten.utkast.pk})
    ansokan.refresh_from_db()
    assert ansokan.status == "dagordning"
    punkt = ansokan.dagordningspunkt
    assert punkt.mote == seed_moten.utkast
    assert punkt.forslag_till_beslut == (
        "bevilja medel med 540 000 kr för 2023 och 520 000 kr för 2024 till SIP-samordnare Arbetsmarknadstorget."
    )
    moten_services.paragrafer_from_dagordning(actor=None, protokoll=seed_moten.utkast.protokoll)
    paragraf = seed_moten.utkast.protokoll.paragrafer.get(dagordningspunkt=punkt)
    assert paragraf.beslut.get().text.startswith("bevilja medel med 540 000 kr för 2023")
    form = kansli.get(reverse("beviljning_create", args=[paragraf.pk])).content.decode()
    assert f'<option value="{sip.pk}" selected>' in form


def test_approved_annual_report_releases_the_second_half(sip, seed_moten):
    kansli_user = get_user_model().objects.get(username="forbundschef")
    b = sip.beviljningar.get(ar=2022)
    rest = b.betalplan.get(utlosare="redovisning")
    with pytest.raises(services.Fel, match="inte utlöst"):
        services.utbetalning_begar(
            actor=kansli_user, beviljning=b, belopp=rest.belopp, delbetalning=rest
        )

    staff = client_for("insatspersonal")
    url = reverse("arsrapport_edit", args=[sip.pk, 2022])
    empty = staff.post(url, {"verksamhet": "", "resultat": "", "lamna_in": "1"})
    assert empty.status_code == 422
    assert "Skriv om verksamheten och resultatet" in empty.content.decode()
    staff.post(
        url,
        {
            "verksamhet": "SIP för 18 deltagare.",
            "resultat": "Tre avslut, två till arbete eller studier.",
            "lamna_in": "1",
        },
    )
    rapport = Arsrapport.objects.get(insats=sip, ar=2022)
    assert rapport.status == "inlamnad"
    assert staff.post(reverse("arsrapport_godkann", args=[sip.pk, 2022])).status_code == 403

    paragraf = seed_moten.justerat.paragrafer.get(nummer=165)
    client_for("forbundschef").post(
        reverse("arsrapport_godkann", args=[sip.pk, 2022]), {"paragraf": paragraf.pk}
    )
    rapport.refresh_from_db()
    rest.refresh_from_db()
    assert rapport.status == "godkand" and rapport.godkand_i == paragraf
    assert rest.utlost == dt.date(2021, 11, 26)
    services.utbetalning_begar(
        actor=kansli_user, beviljning=b, belopp=rest.belopp, delbetalning=rest
    )
    # Approved: locked for the staff.
    staff.post(url, {"verksamhet": "Ändrad", "resultat": "Ändrad"})
    rapport.refresh_from_db()
    assert rapport.verksamhet == "SIP för 18 deltagare."
    pdf = client_for("ledamot").get(reverse("arsrapport_pdf", args=[sip.pk, 2022]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_application_attachment_is_checked_by_content(sip):
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff = client_for("insatspersonal")
    data = {
        "inkommen": "2022-03-01",
        "text": "Ansökan med bilaga",
        "ar_0": 2023,
        "personal_0": 1000,
    }
    fake = staff.post(
        reverse("ansokan_create", args=[sip.pk]),
        {**data, "bilaga": SimpleUploadedFile("budget.xlsx", b"MZ\x90\x00binary")},
    )
    assert fake.status_code == 422
    assert "Filen är varken PDF, Word, Excel eller en bild" in fake.content.decode()
    assert "Ansökan med bilaga" in fake.content.decode()
    assert not Ansokan.objects.filter(insats=sip).exists()
    ok = staff.post(
        reverse("ansokan_create", args=[sip.pk]),
        {**data, "bilaga": SimpleUploadedFile("budget.pdf", b"%PDF-1.7\n%%EOF")},
    )
    assert ok.status_code == 302
    bilaga = Ansokan.objects.get(insats=sip).bilagor.get()
    download = staff.get(reverse("ansokan_bilaga", args=[bilaga.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7\n%%EOF"
