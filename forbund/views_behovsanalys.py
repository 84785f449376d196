"""Behovsanalys: utanförskap per kommun, for the board, the kansli and the utvecklingsråd."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from .behovsanalys import rapport, selectors, services
from .behovsanalys.forms import FilterForm, ImportForm
from .permissions import can_import_behovsanalys, can_view_behovsanalys
from .selectors import forbund_get
from .svar import pdf_response, render_pdf

INVALID = 422
EXEMPELFIL = settings.BASE_DIR / "docs" / "exempel" / "behovsanalys_exempel.csv"


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _filtrera(request) -> tuple[dict, int]:
    """The filter form over the regions and years there are data for, and its content."""
    alla = selectors.regioner()
    kommuner = [r for r in alla if r.niva == "kommun"]
    ar = selectors.ar_med_data()
    context = {
        "kan_importera": can_import_behovsanalys(request.user),
        "form": None,
        "innehall": None,
        "query": request.GET.urlencode(),
    }
    if not kommuner or not ar:
        return context, 200
    data = request.GET.copy() if request.GET else None
    if data is not None:
        # A partly filled URL (only ?kommun=…) keeps the defaults for the rest.
        data.setdefault("kommun", kommuner[0].kod)
        data.setdefault("fran", str(ar[0]))
        data.setdefault("till", str(ar[-1]))
    form = FilterForm(
        data or {"kommun": kommuner[0].kod, "fran": ar[0], "till": ar[-1]},
        kommuner=kommuner,
        ar=ar,
    )
    context["form"] = form
    if not form.is_valid():
        return context, INVALID
    kommun = next(k for k in kommuner if k.kod == form.cleaned_data["kommun"])
    context["innehall"] = rapport.bygg(
        selectors.urval(alla, kommun),
        ersattning=form.cleaned_data["ersattning"],
        fran=form.cleaned_data["fran"],
        till=form.cleaned_data["till"],
    )
    return context, 200


@require_GET
def behovsanalys(request):
    _require(can_view_behovsanalys(request.user))
    context, status = _filtrera(request)
    if request.htmx and context["form"] is not None:
        # The filter stays as it is; only the content (or the reason it cannot be shown) swaps.
        return render(request, "behovsanalys/oversikt.html#innehall", context, status=status)
    return render(request, "behovsanalys/oversikt.html", context, status=status)


@require_GET
def behovsanalys_pdf(request):
    _require(can_view_behovsanalys(request.user))
    context, status = _filtrera(request)
    if context["innehall"] is None:
        return render(request, "behovsanalys/oversikt.html", context, status=status)
    innehall = context["innehall"]
    context["forbund"] = forbund_get()
    namn = slugify(
        f"behovsanalys {innehall['urval'].kommun.namn} {innehall['fran']} {innehall['till']}"
    )
    return pdf_response(render_pdf("behovsanalys/pdf.html", context), f"{namn}.pdf")


@require_http_methods(["GET", "POST"])
def behovsanalys_import(request):
    _require(can_import_behovsanalys(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "fel": [], "resultat": None, "importer": None}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            fil = form.cleaned_data["fil"]
            try:
                context["resultat"] = services.behovsanalys_import(
                    actor=request.user,
                    data=fil.read(),
                    filnamn=fil.name,
                    kalla=form.cleaned_data["kalla"],
                )
            except services.Fel as exc:
                context["fel"] = exc.fel
                status = INVALID
        else:
            status = INVALID
    context["importer"] = selectors.senaste_importer()
    return render(request, "behovsanalys/import.html", context, status=status)


@require_GET
def behovsanalys_exempel(request):
    """The sample file of docs/exempel, generated and labelled as invented figures."""
    _require(can_import_behovsanalys(request.user))
    response = HttpResponse(EXEMPELFIL.read_bytes(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="behovsanalys_exempel.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
