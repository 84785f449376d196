"""Result pages, files and the report command: every split by kön where group sizes allow,
insatser side by side, years, versions; the same suppression in every view and file."""

import csv
import datetime as dt
import io
import re

import openpyxl
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from enkater import rapport, services
from enkater.models import Formular, Omgang, Rapportlager, Svar

from ..conftest import client_for


def _psykolog():
    return Omgang.objects.get(
        ar=2021, formular__kod="deltagare_pagaende", insats__namn="Psykolog Arbetsmarknadstorget"
    )


def _sip(kod="deltagare_pagaende"):
    return Omgang.objects.get(
        ar=2021, formular__kod=kod, insats__namn="SIP-samordnare Arbetsmarknadstorget"
    )


def test_round_page_by_kon_with_chart_and_table(enkat, django_assert_max_num_queries):
    sip = _sip()
    kansli = client_for("forbundschef")
    url = reverse("omgang_resultat", args=[sip.pk])
    # The suppressed tables are stored until the answers change; measure the computing path.
    Rapportlager.objects.all().delete()
    with django_assert_max_num_queries(40) as before:
        response = kansli.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "24 svar." in html
    assert "Kvinna" in html and "6 Helt och hållet" in html  # each question its own scale
    assert "6 Alltid" in html and "Andel ofta eller högre" in html
    assert 'role="img"' in html and "Diagrammets siffror" in html
    # More answers in more rounds: the same number of queries.
    for _ in range(6):
        services.svar_create(omgang=sip, varden={}, kanal="papper")
    with django_assert_max_num_queries(len(before.captured_queries)):
        efter = kansli.get(url)
    assert efter.status_code == 200
    # ... and served from the stored tables while nothing changes: fewer queries, the same page.
    with django_assert_max_num_queries(len(before.captured_queries) - 1):
        igen = kansli.get(url)
    # (The CSRF token of the logout form is new on every page.)
    utan_token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert utan_token.sub(b"", igen.content) == utan_token.sub(b"", efter.content)


def test_cached_results_follow_every_new_answer(enkat):
    """The suppressed tables are stored; a new answer must show at once, never a stale n."""
    sip = _sip()
    f1 = sip.formular.fragor.get(nummer="1")

    def n_alla():
        tabell = next(t for t in rapport.omgang_rapport(sip)["tabeller"] if t.nummer == "1")
        return tabell.rader[0].n

    Rapportlager.objects.all().delete()
    fore = n_alla()
    assert fore == n_alla()  # the second time from the stored tables
    services.svar_create(omgang=sip, varden={f1.pk: 5}, kanal="papper")
    assert n_alla() == fore + 1
    Svar.objects.filter(omgang=sip).order_by("-pk").first().delete()
    assert n_alla() == fore


def test_a_small_round_is_hidden_on_its_page_and_in_the_comparison(enkat):
    board = client_for("ledamot")
    small = board.get(reverse("omgang_resultat", args=[_psykolog().pk])).content.decode()
    assert "3 svar." in small and "Visas inte (färre än 5 svar)" in small
    # 2021's round (the demo's later autumns give the psykolog more answers).
    jamfor = board.get(
        reverse("enkat_jamforelse", args=["deltagare_pagaende"]), {"dela": "insats", "ar": "2021"}
    ).content.decode()
    # Insatser side by side: the two larger ones shown, the psykolog's three never.
    assert "SIP-samordnare Arbetsmarknadstorget" in jamfor
    rows = [r for r in jamfor.split("<tr>") if "Psykolog Arbetsmarknadstorget" in r]
    assert rows and all("Visas inte" in r for r in rows)


def test_comparison_by_year_version_and_kon(enkat, django_assert_max_num_queries):
    # A second version of the form and a round next year (after every autumn of the demo)
    # with answers: a trend and a version split.
    v1 = Formular.objects.get(kod="deltagare_pagaende", version=1)
    v2 = services.formular_ny_version(actor=None, formular=v1)
    sip = _sip()
    ar = timezone.localdate().year + 1
    ny = Omgang.objects.create(
        formular=v2,
        ar=ar,
        oppnar=dt.date(ar, 9, 15),
        stanger=dt.date(ar, 10, 31),
        insats=sip.insats,
    )
    f1 = v2.fragor.get(nummer="1")
    kon = v2.fragor.get(nummer="kon")
    for i in range(12):
        services.svar_create(
            omgang=ny, varden={f1.pk: 1 + i % 6, kon.pk: 1 + i % 2}, kanal="papper"
        )
    board = client_for("ordforande")
    url = reverse("enkat_jamforelse", args=["deltagare_pagaende"])
    html = board.get(url, {"dela": "ar"}).content.decode()
    assert ">2021</th>" in html and f">{ar}</th>" in html
    html = board.get(url, {"dela": "version", "kon": "1"}).content.decode()
    assert "1, Kvinna" in html and "2, Kvinna" in html
    html = board.get(url, {"dela": "insats", "ar": str(ar)}).content.decode()
    assert "SIP-samordnare Arbetsmarknadstorget" in html and "Psykolog" not in html
    Rapportlager.objects.all().delete()  # the computing path, with every query it asks
    with django_assert_max_num_queries(40) as before:
        board.get(url, {"dela": "insats", "kon": "1"})
    for _ in range(5):
        services.svar_create(omgang=ny, varden={f1.pk: 4}, kanal="papper")
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert board.get(url, {"dela": "insats", "kon": "1"}).status_code == 200
    # Nonsense in the query string is not a 500.
    assert board.get(url, {"dela": "x", "ar": "tjugo"}).status_code == 200
    assert board.get(reverse("enkat_jamforelse", args=["finns-inte"])).status_code == 404


def test_free_text_only_for_the_kansli(enkat):
    demo = Omgang.objects.get(ar=2021, formular__kod="deltagare_avslut")
    url = reverse("omgang_resultat", args=[demo.pk])
    assert "Fritextsvar" not in client_for("ledamot").get(url).content.decode()
    assert (
        "Fritextsvar (visas bara för kansliet)"
        in client_for("forbundschef").get(url).content.decode()
    )
    pdf = client_for("ledamot").get(url, {"format": "pdf"})
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Fritextsvar" not in text


def test_report_files_carry_the_suppression(enkat):
    small = _psykolog()
    board = client_for("ledamot")
    url = reverse("omgang_resultat", args=[small.pk])
    pdf = board.get(url, {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Visas inte" in text
    rows = list(
        csv.reader(
            io.StringIO(board.get(url, {"format": "csv"}).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][:3] == ["Fråga", "Grupp", "Antal"]
    assert all(r[2] == "visas inte" and r[3:] == [""] * 8 for r in rows[1:])
    wb = openpyxl.load_workbook(io.BytesIO(board.get(url, {"format": "xlsx"}).content))
    assert wb.active["C4"].value == "visas inte"


def test_raw_export_one_row_per_response_codes_only(enkat):
    demo = Omgang.objects.get(ar=2021, formular__kod="deltagare_avslut")
    response = client_for("forbundschef").get(reverse("omgang_export", args=[demo.pk]))
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(wb.active.iter_rows(values_only=True))
    assert list(rows[0]) == ["kon", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]
    assert len(rows) - 1 == Svar.objects.filter(omgang=demo).count() == 9
    values = {v for r in rows[1:] for v in r}
    assert values <= {None, 1, 2, 3, 4, 5, 6}
    assert rows[1:] == sorted(rows[1:], key=lambda r: [x or 0 for x in r])


def test_enkatrapport_command_writes_every_format(enkat, tmp_path):
    sip = _sip()
    for fmt in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"rapport.{fmt}"
        call_command("enkatrapport", "--omgang", str(sip.pk), "--format", fmt, "-o", str(out))
        assert out.stat().st_size > 0
    rows = list(
        csv.reader(io.StringIO((tmp_path / "rapport.csv").read_text("utf-8-sig")), delimiter=";")
    )
    page = client_for("forbundschef").get(
        reverse("omgang_resultat", args=[sip.pk]), {"format": "csv"}
    )
    assert rows == list(csv.reader(io.StringIO(page.content.decode("utf-8-sig")), delimiter=";"))
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    small = tmp_path / "small.csv"
    call_command(
        "enkatrapport", "--omgang", str(_psykolog().pk), "--format", "csv", "-o", str(small)
    )
    assert "visas inte" in small.read_text("utf-8-sig")
