"""One PDF renderer for the whole portal: a template rendered to HTML, then WeasyPrint."""

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
