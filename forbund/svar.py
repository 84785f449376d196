"""Responses shared by the apps: PDFs (WeasyPrint), Excel downloads and stored files."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict, *, pdf_variant: str | None = None) -> bytes:
    """`pdf_variant="pdf/a-2b"` for archived documents."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant=pdf_variant)


def pdf_response(data: bytes, filename: str, *, attachment: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    kind = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    return response


def xlsx_response(workbook, filename: str) -> HttpResponse:
    """An openpyxl workbook as a download."""
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def fil_response(fieldfile, *, filnamn: str, filtyp: str):
    """A stored upload, always as an attachment and never sniffed as something else."""
    from django.http import FileResponse

    response = FileResponse(
        fieldfile.open("rb"), as_attachment=True, filename=filnamn, content_type=filtyp
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
