"""The HTTP helpers every app's views share: the status codes of refused input, the
permission check, file responses (PDF, Excel, CSV, stored uploads) and the `?format=`
dispatcher of the report pages. (Named for HTTP: a survey answer is enkater.models.Svar.)"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.template.loader import render_to_string
from weasyprint import HTML

from .export import xlsx_bytes
from .fel import Fel

logger = logging.getLogger(__name__)

# A form that does not validate is answered with this status, and keeps what was typed.
INVALID = 422
# A save that started from an older version than the stored one (nothing is overwritten).
CONFLICT = 409


def require(allowed: bool) -> None:
    """Refuse with 403 unless the permission check (`<app>.permissions`) allowed it."""
    if not allowed:
        raise PermissionDenied


def fast_svar(request, exc: Fel, tillbaka: str | None = None) -> HttpResponse:
    """A change to what is locked for good (forbund.fel.Fast): 409 with the Swedish reason,
    nothing changed, and the way back."""
    return render(
        request, "409.html", {"meddelande": str(exc), "tillbaka": tillbaka}, status=CONFLICT
    )


def felaktig_begaran(request, fel, *, tillbaka: str) -> HttpResponse:
    """400 with the Swedish reasons of a `Fel` (a list's cursor that cannot be read, …) and
    a link back to where the visitor can start again."""
    return render(request, "400.html", {"fel": fel.fel, "tillbaka": tillbaka}, status=400)


def render_pdf(template: str, context: dict, *, pdf_variant: str | None = None) -> bytes:
    """`pdf_variant="pdf/a-2b"` for archived documents."""
    html = render_to_string(template, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant=pdf_variant)


def pdf_response(data: bytes, filename: str, *, attachment: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    kind = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{kind}; filename="{filename}"'
    return response


def xlsx_response(workbook, filename: str) -> HttpResponse:
    """A workbook written with forbund.export as a download (values, never formulas)."""
    response = HttpResponse(
        xlsx_bytes(workbook),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(text: str | bytes, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


FIL_SAKNAS = (
    "Filen finns inte längre i portalens lagring. Meddela kansliet, så kan den läggas "
    "tillbaka från säkerhetskopian."
)


def fil_response(fieldfile, *, filnamn: str, filtyp: str, request=None):
    """A stored upload, always as an attachment and never sniffed as something else. A
    file gone from storage (a restore without its media, a disk error) is a Swedish 404,
    not a 500; `request` gives that page its menu."""
    try:
        fil = fieldfile.open("rb")
    except (FileNotFoundError, ValueError):
        logger.error("Uppladdad fil saknas i lagringen: %r", fieldfile.name)
        return HttpResponseNotFound(
            render_to_string("404.html", {"meddelande": FIL_SAKNAS}, request=request)
        )
    response = FileResponse(fil, as_attachment=True, filename=filnamn, content_type=filtyp)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def per_format(
    request,
    *,
    template: str,
    context: dict,
    filnamn: str,
    pdf: Callable[[], bytes] | None = None,
    xlsx: Callable[[], object] | None = None,
    csv: Callable[[], str] | None = None,
) -> HttpResponse:
    """A report page and its files: `?format=pdf|xlsx|csv` answers with the file the
    page offers (`pdf` gives bytes, `xlsx` a workbook, `csv` text), anything else the page."""
    fmt = request.GET.get("format", "")
    if fmt == "pdf" and pdf is not None:
        return pdf_response(pdf(), f"{filnamn}.pdf")
    if fmt == "xlsx" and xlsx is not None:
        return xlsx_response(xlsx(), f"{filnamn}.xlsx")
    if fmt == "csv" and csv is not None:
        return csv_response(csv(), f"{filnamn}.csv")
    return render(request, template, context)
