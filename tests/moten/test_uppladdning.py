"""Handlingar: PDF, Word, Excel and images, recognised by content; anything else refused."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forbund.models import Person
from moten import services
from moten.models import Handling

from ..conftest import client_for


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def _upload(client, mote, name, data):
    return client.post(
        reverse("handling_upload", args=[mote.pk]),
        {
            "titel": "Underlag",
            "fil": SimpleUploadedFile(name, data, content_type="application/pdf"),
        },
    )


def test_disguised_executable_is_refused_with_a_clear_message(moten):
    before = Handling.objects.count()
    response = _upload(
        client_for("forbundschef"), moten.utkast, "budget.pdf", b"MZ\x90\x00" + b"\x00" * 200
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Filen är varken PDF, Word, Excel eller en bild" in html
    assert 'value="Underlag"' in html  # the title typed is kept
    assert Handling.objects.count() == before


def test_pdf_and_docx_are_stored_and_served_as_attachments(moten):
    kansli = client_for("forbundschef")
    assert _upload(kansli, moten.utkast, "Protokoll.PDF", b"%PDF-1.7\n%%EOF").status_code == 302
    assert _upload(kansli, moten.utkast, "plan.docx", _docx()).status_code == 302
    handlingar = list(moten.utkast.handlingar.order_by("nummer"))
    assert [h.nummer for h in handlingar] == [1, 2, 3]
    assert handlingar[2].filtyp.endswith("wordprocessingml.document")
    response = client_for("ledamot").get(reverse("handling_download", args=[handlingar[1].pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n%%EOF"
    # Stored under MEDIA_ROOT by content hash, never under the user's file name.
    assert "Protokoll" not in handlingar[1].fil.name


def test_zip_that_is_not_office_and_macro_documents_are_refused(moten):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("virus.exe", "MZ")
    response = _upload(client_for("forbundschef"), moten.utkast, "plan.docx", buffer.getvalue())
    assert response.status_code == 422
    assert "inte ett Office-dokument" in response.content.decode()


def test_an_upload_is_stored_and_served_with_the_extension_of_its_content(moten):
    """A file of HTML that begins with %PDF- (a polyglot) is a PDF to the portal: stored and
    served as poly.pdf, never under the name poly.html the uploader gave it."""
    kansli = client_for("forbundschef")
    data = b"%PDF-1.4\n<html><script>alert(1)</script></html>"
    assert _upload(kansli, moten.utkast, "poly.html", data).status_code == 302
    assert _upload(kansli, moten.utkast, "..\\mapp/plan.PDF.exe", b"%PDF-1.4\n").status_code == 302
    poly, plan = moten.utkast.handlingar.order_by("-nummer")[:2][::-1]
    assert poly.filnamn == "poly.pdf"
    assert poly.fil.name.endswith(f"{poly.sha256}.pdf")
    assert plan.filnamn == "plan.PDF.pdf"
    response = kansli.get(reverse("handling_download", args=[poly.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="poly.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_handling_whose_file_is_gone_from_storage_is_a_swedish_404(moten):
    """A restore without its media, a lost disk: the row is there, the file is not. The
    download says so in Swedish with a 404, never a 500; so does the public bilaga."""
    kansli = client_for("forbundschef")
    assert _upload(kansli, moten.utkast, "borta.pdf", b"%PDF-1.4\n% borta\n").status_code == 302
    handling = moten.utkast.handlingar.order_by("-nummer").first()
    handling.fil.storage.delete(handling.fil.name)
    for persona in ("forbundschef", "ledamot"):
        svar = client_for(persona).get(reverse("handling_download", args=[handling.pk]))
        assert svar.status_code == 404
        html = svar.content.decode()
        assert "Filen finns inte längre i portalens lagring" in html
        assert "Meddela kansliet" in html


def test_a_public_bilaga_whose_file_is_gone_is_a_swedish_404(moten):
    mote = moten.numrerat
    handling = services.handling_create(
        actor=None,
        mote=mote,
        titel="Plan",
        filnamn="plan.pdf",
        data=b"%PDF-1.4\n% plan\n",
        i_protokollet=True,
        publik=True,
    )
    for username in ("ordforande", "ledamot"):
        services.protokoll_justera(
            actor=None, protokoll=mote.protokoll, person=Person.objects.get(user__username=username)
        )
    handling.fil.storage.delete(handling.fil.name)
    svar = client_for("anonym").get(reverse("publik_bilaga", args=[mote.protokoll.pk, 1]))
    assert svar.status_code == 404
    assert "Filen finns inte längre i portalens lagring" in svar.content.decode()
