"""Batch import of paper answers, from the upload page and from the command line: one row per
response, one column per question number, codes 1–6, blank for no answer; routing applied;
all or nothing with line numbers."""

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from enkater import services
from enkater.models import Svar

from ..conftest import client_for

GOOD = (
    "kon;1;2;3;8;9;10;11\n"
    "1;5;4;;1;4;5;Bra stöd\n"
    "2;6;;3;2;6;;\n"  # "Nej" on 8: the 6 on question 9 is not kept (routing)
    "3;;;;;;;\n"
)


def _varden(svar):
    return dict(svar.varden.values_list("fraga__nummer", "varde"))


def test_upload_imports_a_csv_with_routing(enkat):
    kansli = client_for("forbundschef")
    fil = SimpleUploadedFile("svar.csv", GOOD.encode("utf-8"), content_type="text/csv")
    response = kansli.post(reverse("omgang_import", args=[enkat.pk]), {"fil": fil})
    assert response.status_code == 302
    svar = list(Svar.objects.filter(omgang=enkat).order_by("pk"))
    assert len(svar) == 3 and {s.kanal for s in svar} == {"import"}
    assert _varden(svar[0]) == {"kon": 1, "1": 5, "2": 4, "8": 1, "9": 4, "10": 5, "11": None}
    assert svar[0].varden.get(fraga__nummer="11").text == "Bra stöd"
    assert _varden(svar[1]) == {"kon": 2, "1": 6, "3": 3, "8": 2}
    assert _varden(svar[2]) == {"kon": 3}
    page = kansli.get(reverse("omgang_detail", args=[enkat.pk])).content.decode()
    assert "3 svar importerade." in page


def test_a_bad_file_changes_nothing_and_names_every_line(enkat):
    bad = "kon;1;2;99\n1;5;4;\n4;7;x;\n1;1;1;\n"
    fil = SimpleUploadedFile("svar.csv", bad.encode("cp1252"), content_type="text/csv")
    response = client_for("forbundschef").post(
        reverse("omgang_import", args=[enkat.pk]), {"fil": fil}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Inget importerades" in html
    assert "Rad 1: kolumnen &quot;99&quot; är ingen fråga i formuläret" in html
    assert not Svar.objects.filter(omgang=enkat).exists()
    # With the header right, the values are checked row by row, all reported at once.
    bad = "kon;1;2\n1;5;4\n4;7;x\n1;1;1\n"
    fil = SimpleUploadedFile("svar.csv", bad.encode(), content_type="text/csv")
    html = (
        client_for("forbundschef")
        .post(reverse("omgang_import", args=[enkat.pk]), {"fil": fil})
        .content.decode()
    )
    assert "Rad 3, fråga kon: &quot;4&quot; är inget svarsalternativ (1–3" in html
    assert "Rad 3, fråga 1: &quot;7&quot; är inget svarsalternativ (1–6" in html
    assert "Rad 3, fråga 2: &quot;x&quot;" in html
    assert not Svar.objects.filter(omgang=enkat).exists()


def test_not_a_table_is_refused_politely(enkat):
    fil = SimpleUploadedFile("svar.xlsx", b"MZ\x90\x00 not excel", content_type="application/zip")
    response = client_for("forbundschef").post(
        reverse("omgang_import", args=[enkat.pk]), {"fil": fil}
    )
    assert response.status_code == 422
    assert not Svar.objects.filter(omgang=enkat).exists()


def _xlsx(path, rows):
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_command_imports_excel(enkat, tmp_path, capsys):
    path = _xlsx(tmp_path / "svar.xlsx", [["Kön", 1, 2, 8, 9], [1, 4, 5, 1, 6], [2, 3, None, 2, 5]])
    call_command("import_svar", str(path), "--omgang", str(enkat.pk))
    assert "2 svar importerade" in capsys.readouterr().out
    svar = list(Svar.objects.filter(omgang=enkat).order_by("pk"))
    assert [_varden(s) for s in svar] == [
        {"kon": 1, "1": 4, "2": 5, "8": 1, "9": 6},
        {"kon": 2, "1": 3, "8": 2},
    ]


def test_command_failure_changes_nothing(enkat, tmp_path):
    path = _xlsx(tmp_path / "svar.xlsx", [["kon", 1], [1, 4], [1, 8], [2, 3]])
    with pytest.raises(CommandError) as exc:
        call_command("import_svar", str(path), "--omgang", str(enkat.pk))
    assert "Inget importerades" in str(exc.value) and "Rad 3, fråga 1" in str(exc.value)
    assert not Svar.objects.filter(omgang=enkat).exists()
    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_svar", str(tmp_path / "saknas.csv"), "--omgang", str(enkat.pk))
    with pytest.raises(CommandError, match="ingen omgång"):
        call_command("import_svar", str(path), "--omgang", "999999")


def test_a_nul_byte_is_refused_cleanly_not_a_500(enkat):
    data = "kon;11\n1;Bra\x00 stöd\n".encode()
    fil = SimpleUploadedFile("svar.csv", data, content_type="text/csv")
    response = client_for("forbundschef").post(
        reverse("omgang_import", args=[enkat.pk]), {"fil": fil}
    )
    assert response.status_code == 422
    assert "Filen är varken CSV eller Excel" in response.content.decode()
    assert not Svar.objects.filter(omgang=enkat).exists()
    # Rows that reach the service with a NUL in free text (PostgreSQL text cannot hold
    # one) are stored without it.
    f11 = enkat.formular.fragor.get(nummer="11")
    services.svar_import(actor=None, omgang=enkat, rader=[["11"], ["Bra\x00 stöd"]])
    assert Svar.objects.get(omgang=enkat).varden.get(fraga=f11).text == "Bra stöd"


def test_a_file_of_thousands_of_bad_rows_lists_the_first_hundred_and_counts_the_rest(enkat):
    """The error page does not grow with the file: the first 100 reasons, then how many more."""
    rader = "kon;1\n" + "9;9\n" * 5_000
    fil = SimpleUploadedFile("svar.csv", rader.encode(), content_type="text/csv")
    response = client_for("forbundschef").post(
        reverse("omgang_import", args=[enkat.pk]), {"fil": fil}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert html.count("är inget svarsalternativ") == 100
    assert "… och 9\xa0900 fler fel." in html
    assert len(html) < 100_000
    assert not Svar.objects.filter(omgang=enkat).exists()
