"""Two people edit the same paragraph: the second save is refused with both versions shown,
and nothing either of them wrote is lost."""

from django.urls import reverse

from ..conftest import client_for


def test_second_save_is_refused_and_keeps_both_versions(moten):
    p = moten.utkast_paragraf
    anna = client_for("forbundschef")
    bo = client_for("forbundschef")  # e.g. the same kansli on two machines, or a colleague
    version = p.version
    first = anna.post(
        reverse("paragraf_edit", args=[p.pk]),
        {
            "version": version,
            "rubrik": "Budget 2022",
            "text": "Annas text.",
            "beslut": "fastställa budgeten",
        },
        HTTP_HX_REQUEST="true",
    )
    assert first.status_code == 200
    second = bo.post(
        reverse("paragraf_edit", args=[p.pk]),
        {
            "version": version,
            "rubrik": "Budget 2022",
            "text": "Bos text.",
            "beslut": "återremittera",
        },
        HTTP_HX_REQUEST="true",
    )
    assert second.status_code == 409
    html = second.content.decode()
    assert "Någon annan sparade paragrafen medan du skrev" in html
    assert "Annas text." in html  # the saved version, shown
    assert "Bos text." in html  # Bo's own text, still in the form
    assert f'name="version" value="{version + 1}"' in html
    p.refresh_from_db()
    assert p.text == "Annas text."

    # Bo merges and saves on top of the newer version.
    third = bo.post(
        reverse("paragraf_edit", args=[p.pk]),
        {
            "version": version + 1,
            "rubrik": "Budget 2022",
            "text": "Annas text. Bos text.",
            "beslut": "fastställa budgeten",
        },
        HTTP_HX_REQUEST="true",
    )
    assert third.status_code == 200
    p.refresh_from_db()
    assert p.text == "Annas text. Bos text." and p.version == version + 2


def test_invalid_paragraph_keeps_the_text(moten):
    p = moten.utkast_paragraf
    response = client_for("forbundschef").post(
        reverse("paragraf_edit", args=[p.pk]),
        {"version": p.version, "rubrik": "", "text": "En lång text som inte får försvinna."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "En lång text som inte får försvinna." in html
    assert "Detta fält måste fyllas i." in html
