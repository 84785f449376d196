"""The behovsanalys pages: numbers that match the stored rows, the filter in the URL, the
PDF, the upload page, who may see what, and query counts that do not grow with the data."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from behovsanalys import services
from behovsanalys.models import Behovsimport, Helarsekvivalent

from ..conftest import client_for
from .conftest import RADER, csv_fil

URL = "/behovsanalys/"


@pytest.fixture
def liten(demo):
    """The small file of conftest: Sundsvall 2022–2023, riket 2023."""
    services.behovsanalys_import(
        actor=get_user_model().objects.get(username="forbundschef"),
        data=csv_fil(),
        filnamn="scb-2023.csv",
        kalla="SCB, testbeställning",
    )


def _text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\xa0", " ")


def test_levels_per_kon_and_in_total_match_the_stored_rows(liten):
    response = client_for("forbundschef").get(
        URL, {"kommun": "2281", "ersattning": "totalt", "fran": 2022, "till": 2023}
    )
    assert response.status_code == 200
    text = _text(response)
    assert "Nivå 2023: alla ersättningar" in text
    # Sundsvall 2023: kvinnor (840 + 308) / 28 000, män (435 + 406) / 29 000, totalt 1 989 / 57 000.
    assert "Invånare 20–64 år Sundsvall 41,0 29,0 34,9 1 989 57 000 Riket – – – – –" in text
    # The trend: Sundsvall's women from (800 + 336) / 28 to (840 + 308) / 28 per 1 000.
    assert "Sundsvall Kvinnor 40,6 41,0 0,4 1,1 % 0,4" in text
    assert "Källa: SCB, testbeställning. Fil scb-2023.csv (2022–2023)" in text
    assert "Exempeldata" not in text


def test_one_kind_compared_with_riket(liten):
    response = client_for("ordforande").get(
        URL, {"kommun": "2281", "ersattning": "sjukpenning", "fran": 2023, "till": 2023}
    )
    text = _text(response)
    assert "Nivå 2023: sjukpenning" in text
    assert "Sundsvall 30,0 15,0 22,4 1 275 57 000" in text
    # Per ersättning: helårsekvivalenter, per 1 000 per kön, andel kvinnor, riket per 1 000.
    assert "Sjukpenning 840 435 1 275 30,0 15,0 22,4 66 % 22,3" in text
    assert "Ekonomiskt bistånd 308 406 714 11,0 14,0 12,5 43 % –" in text
    assert "Sjuk- och aktivitetsersättning – – – – – – – –" in text
    # Riket has no ekonomiskt bistånd: its total would not compare, so there is none.
    assert "Totalt 1 148 841 1 989 41,0 29,0 34,9 58 % –" in text
    assert "Sundsvall 30,0 15,0 22,4 1 275 57 000 Riket 30,0 15,0 22,3 130 950 5 860 000" in text
    # Charts with their tables, and the rows of the chart's numbers.
    html = response.content.decode()
    assert html.count('role="img"') == 3
    assert "<caption>Diagrammets siffror" in html


def test_the_filter_lives_in_the_url_and_partial_for_htmx(liten):
    client = client_for("forbundschef")
    response = client.get(URL, {"ersattning": "ekonomiskt_bistand", "fran": 2022})
    html = response.content.decode()
    assert '<option value="ekonomiskt_bistand" selected>' in html
    assert 'href="/behovsanalys/pdf/?ersattning=ekonomiskt_bistand&amp;fran=2022"' in html
    partial = client.get(URL, {"ersattning": "sjukpenning"}, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert b"<html" not in partial.content
    assert "Nivå 2023: sjukpenning" in partial.content.decode()
    assert 'href="/behovsanalys/pdf/?ersattning=sjukpenning"' in partial.content.decode()
    fel = client.get(URL, {"fran": 2023, "till": 2022}, headers={"HX-Request": "true"})
    assert fel.status_code == 422
    assert b"<html" not in fel.content
    assert "Från-året kan inte vara senare än till-året." in fel.content.decode()


@pytest.mark.parametrize(
    ("params", "fel"),
    [
        ({"fran": 2023, "till": 2022}, "Från-året kan inte vara senare än till-året."),
        ({"kommun": "9999"}, "Det finns inga uppgifter för kommunen."),
        ({"fran": "tjugo"}, "Det finns inga uppgifter för året."),
        ({"ersattning": "bostadsbidrag"}, "Okänd ersättning."),
    ],
)
def test_a_bad_filter_is_a_422_with_a_swedish_message(liten, params, fel):
    response = client_for("forbundschef").get(URL, params)
    assert response.status_code == 422
    assert fel in response.content.decode()
    pdf = client_for("forbundschef").get(reverse("behovsanalys_pdf"), params)
    assert pdf.status_code == 422


def test_without_data_the_page_says_so(demo):
    response = client_for("forbundschef").get(URL)
    assert response.status_code == 200
    assert "Ingen statistik är importerad ännu." in _text(response)
    assert client_for("revisor").get(URL).status_code == 200


def test_the_demo_is_labelled_as_generated(behov):
    response = client_for("ledamot").get(URL)
    text = _text(response)
    assert "Källa: Exempeldata – genererade siffror, inte verklig statistik." in text
    assert 'class="alert alert-warning exempeldata"' in response.content.decode()
    assert "Sundsvall" in text and "Västernorrlands län" in text and "Riket" in text
    assert "2017–2023" in text


def test_pdf_shows_the_same_numbers(liten):
    from pypdf import PdfReader

    response = client_for("revisor").get(
        reverse("behovsanalys_pdf"), {"ersattning": "sjukpenning", "fran": 2023}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="behovsanalys-sundsvall-2023-2023.pdf"' in response["Content-Disposition"]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = text.replace("\xa0", " ")
    assert "Behovsanalys: utanförskap i Sundsvall 2023–2023" in text
    assert "Samordningsförbundet Sundsvall".upper() in text.upper()
    assert "30,0" in text and "22,4" in text and "1 275" in text
    assert "Sida 1 av" in text


@pytest.mark.parametrize("persona", ["insatspersonal", "outsider"])
def test_insatspersonal_and_outsiders_may_not_read(liten, persona):
    for url in [URL, reverse("behovsanalys_pdf"), reverse("behovsanalys_import")]:
        assert client_for(persona).get(url).status_code == 403, url


def test_only_the_kansli_imports(liten):
    assert client_for("ordforande").get(reverse("behovsanalys_import")).status_code == 403
    response = client_for("ordforande").post(
        reverse("behovsanalys_import"), {"fil": io.BytesIO(csv_fil())}
    )
    assert response.status_code == 403
    assert client_for("revisor").get(reverse("behovsanalys_exempel")).status_code == 403


def test_upload_page_imports_and_refuses_with_line_numbers(demo):
    client = client_for("forbundschef")
    url = reverse("behovsanalys_import")
    assert client.get(url).status_code == 200

    trasig = io.BytesIO(csv_fil([*RADER, "2023;2281;Sundsvall;kvinnor;sjukpenning;-4;28000"]))
    trasig.name = "trasig.csv"
    response = client.post(url, {"fil": trasig, "kalla": "SCB"})
    assert response.status_code == 422
    text = _text(response)
    assert "Inget importerades" in text
    assert "Rad 12: helårsekvivalenter kan inte vara negativa (−4,0)." in text
    assert not Behovsimport.objects.exists()
    # The typed källa is kept.
    assert 'value="SCB"' in response.content.decode()

    assert client.post(url, {"kalla": "SCB"}).status_code == 422

    fil = io.BytesIO(csv_fil())
    fil.name = "scb-2023.csv"
    response = client.post(url, {"fil": fil, "kalla": "SCB"})
    assert response.status_code == 200
    text = _text(response)
    assert "10 rader importerade (2022–2023)." in text
    assert "Nya regioner: Sundsvall, Riket." in text
    assert Helarsekvivalent.objects.count() == 10
    assert "scb-2023.csv 2022–2023 10 SCB" in text


def test_sample_file_download(demo):
    response = client_for("forbundschef").get(reverse("behovsanalys_exempel"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="behovsanalys_exempel.csv"'
    assert "Exempeldata – genererade siffror" in response.content.decode("utf-8-sig")


def _antal_fragor(client, url, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_rows(liten, django_assert_max_num_queries):
    client = client_for("forbundschef")
    params = {"kommun": "2281"}
    with django_assert_max_num_queries(12):
        client.get(URL, params)
    fore = _antal_fragor(client, URL, params)
    # Seven years of every kind for Sundsvall, the län and riket: twenty-five times the rows.
    from devtools import demo_behovsanalys as behov_demo

    services.behovsanalys_import(actor=None, data=behov_demo.exempel_csv(), filnamn="demo.csv")
    assert Helarsekvivalent.objects.count() >= 252
    assert _antal_fragor(client, URL, params) == fore
    assert _antal_fragor(client, reverse("behovsanalys_pdf"), params) == fore


def test_import_page_query_count_does_not_grow_with_the_imports(liten):
    client = client_for("forbundschef")
    url = reverse("behovsanalys_import")
    fore = _antal_fragor(client, url, {})
    for ar in (2019, 2020, 2021):
        data = csv_fil([r.replace("2022;", f"{ar};", 1) for r in RADER[:4]])
        services.behovsanalys_import(actor=None, data=data, filnamn=f"{ar}.csv")
    assert Behovsimport.objects.count() == 4
    assert _antal_fragor(client, url, {}) == fore


def test_admin_links_a_region_to_its_part_and_lists_the_imports(liten):
    from behovsanalys.models import Behovsregion
    from forbund.models import Part

    client = client_for("forbundschef")
    assert client.get(reverse("admin:behovsanalys_behovsimport_changelist")).status_code == 200
    url = reverse("admin:behovsanalys_behovsregion_changelist")
    response = client.get(url)
    assert response.status_code == 200
    assert "Sundsvall" in response.content.decode()
    assert client.get(reverse("admin:behovsanalys_behovsregion_add")).status_code == 403
    assert client_for("ledamot").get(url, follow=True).status_code == 403
    riket = Behovsregion.objects.get(kod="00")
    assert riket.part is None
    assert Behovsregion.objects.get(kod="2281").part == Part.objects.get(namn="Sundsvalls kommun")
