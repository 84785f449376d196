"""One policy for what insatspersonal see of their insats's money (issue 18): beviljat,
utbetalt and kvar of their own insats, in its page, its Excel, the list and its Excel, and
the årsrapport and its PDF alike; the payments themselves (beviljning_detail) are not
theirs; another insats stays a 404."""

import io

import openpyxl
from django.urls import reverse
from pypdf import PdfReader

from insatser import permissions
from insatser.models import Beviljning, Insats

from ..conftest import client_for


def test_staff_see_their_insats_money_everywhere_and_nothing_more(moten):
    sip = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")
    beviljning = Beviljning.objects.filter(insats=sip, ar=2022).get()
    staff = client_for("insatspersonal")
    assert permissions.ser_pengar(staff.get(reverse("oversikt")).wsgi_request.user)

    sida = staff.get(reverse("insats_detail", args=[sip.pk])).content.decode()
    assert "Beviljade medel" in sida and "Utbetalt" in sida
    assert reverse("beviljning_detail", args=[beviljning.pk]) not in sida
    wb = openpyxl.load_workbook(
        io.BytesIO(staff.get(reverse("insats_xlsx", args=[sip.pk])).content)
    )
    assert wb["Beviljade medel"].max_row == 1 + sip.beviljningar.count()

    lista = staff.get(reverse("insats_list")).content.decode()
    assert "Beviljat" in lista and "Utbetalt" in lista
    wb = openpyxl.load_workbook(io.BytesIO(staff.get(reverse("insats_list_xlsx")).content))
    assert any("Beviljat" in str(c.value) for c in next(wb.active.iter_rows(max_row=1)))

    pdf = staff.get(reverse("arsrapport_pdf", args=[sip.pk, 2022]))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Beviljat" in text

    # The payments are not theirs; another insats does not exist for them.
    assert staff.get(reverse("beviljning_detail", args=[beviljning.pk])).status_code in (403, 404)
    annan = Insats.objects.get(namn="Psykolog Arbetsmarknadstorget")
    assert staff.get(reverse("insats_detail", args=[annan.pk])).status_code == 404
