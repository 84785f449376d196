"""Rapporter: the index of the reports the förbund writes, the verksamhetsrapporter
(delårsrapport, årsredovisning) and the arrangemang pages (the events are insatser's data)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forbund.fel import Fast
from forbund.http import CONFLICT, INVALID, fast_svar, pdf_response, render_pdf, require
from forbund.models import Part
from forbund.selectors import historik
from forbund.services import framstallning_bestall
from insatser import permissions as insats_permissions
from insatser import selectors as insats_selectors
from insatser import services as insats_services
from insatser.forms import ArrangemangForm, DeltagareFormSet
from moten import selectors as moten_selectors
from moten.forms import BeslutsparagrafForm

from . import jobb, permissions, rapport_docx, services
from . import verksamhetsrapport as vr
from .forms import AvsnittForm, VerksamhetsrapportForm
from .models import Verksamhetsrapport


def _ar(request, standard: int | None = None) -> int:
    """The year asked for, or `standard` (this year) when the parameter is missing or
    unreasonable."""
    standard = standard or timezone.localdate().year
    try:
        ar = int(request.GET.get("ar") or standard)
    except ValueError:
        return standard
    return ar if 1900 <= ar <= 2100 else standard


@require_GET
def rapporter_index(request):
    """The reports the förbund writes: verksamhetsrapporter, arrangemang, behovsanalys."""
    require(permissions.can_view_rapporter(request.user))
    return render(
        request,
        "rapporter/index.html",
        {
            # The decision's paragraph, protocol and meeting by primary key (prefetch), not
            # joined: a join let the planner hash every paragraph of the archive when the
            # small report table had no statistics yet (autovacuum never analyses a table
            # of a few rows), 50 ms at ten years against 1 ms (issue 19).
            "rapporter": Verksamhetsrapport.objects.prefetch_related(
                "paragraf__protokoll__mote"
            ).order_by("-till", "typ", "-utgava"),
            "arrangemang_ar": insats_selectors.arrangemang_ar()
            if insats_permissions.can_view_arrangemang(request.user)
            else [],
            "kan_se_arrangemang": insats_permissions.can_view_arrangemang(request.user),
            "kan_andra": permissions.can_edit_rapporter(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def verksamhetsrapport_create(request):
    require(permissions.can_edit_rapporter(request.user))
    idag = dt.date.today()
    form = VerksamhetsrapportForm(
        request.POST or None,
        initial={"typ": "delarsrapport", "fran": dt.date(idag.year, 1, 1), "till": idag},
    )
    fel = []
    if request.method == "POST" and form.is_valid():
        try:
            rapport = services.verksamhetsrapport_create(
                actor=request.user,
                typ=form.cleaned_data["typ"],
                fran=form.cleaned_data["fran"],
                till=form.cleaned_data["till"],
            )
        except services.Fel as exc:
            fel = exc.fel
        else:
            messages.success(request, f"{rapport.titel} är skapad som utkast.")
            return redirect("verksamhetsrapport_detail", pk=rapport.pk)
    return render(
        request,
        "rapporter/verksamhetsrapport_form.html",
        {"form": form, "fel": fel},
        status=INVALID if (fel or form.errors) else 200,
    )


def _rapport(request, pk: int):
    require(permissions.can_view_rapporter(request.user))
    return get_object_or_404(
        Verksamhetsrapport.objects.select_related("paragraf__protokoll__mote", "foregaende"),
        pk=pk,
    )


@require_GET
def verksamhetsrapport_detail(request, pk: int):
    rapport = _rapport(request, pk)
    kan_andra = permissions.can_edit_rapporter(request.user)
    utgavor = list(
        Verksamhetsrapport.objects.filter(
            typ=rapport.typ, fran=rapport.fran, till=rapport.till
        ).order_by("utgava")
    )
    context = vr.kontext(rapport) | {
        "utgavor": utgavor,
        "kan_andra": kan_andra and not rapport.sparrad,
        "kan_ny_utgava": kan_andra
        and rapport.sparrad
        and not any(u.status == Verksamhetsrapport.Status.UTKAST for u in utgavor),
        "paragrafer": moten_selectors.beslutsparagrafer(fran=rapport.till)[:100]
        if kan_andra and not rapport.sparrad
        else [],
    }
    return render(request, "rapporter/verksamhetsrapport.html", context)


@require_http_methods(["GET", "POST"])
def rapportavsnitt_edit(request, pk: int, nyckel: str):
    """One section's text. A second save of a section someone else has changed is refused
    (409) with both texts shown; an approved edition is refused with a message."""
    require(permissions.can_edit_rapporter(request.user))
    rapport = _rapport(request, pk)
    avsnitt = get_object_or_404(rapport.avsnitt, nyckel=nyckel)
    if rapport.sparrad:
        if request.method == "POST":
            return fast_svar(
                request,
                services.sparr_fel(rapport),
                reverse("verksamhetsrapport_detail", args=[rapport.pk]),
            )
        messages.error(request, str(services.sparr_fel(rapport)))
        return redirect("verksamhetsrapport_detail", pk=rapport.pk)
    form = AvsnittForm(
        request.POST or None, initial={"text": avsnitt.text, "version": avsnitt.version}
    )
    context = {
        "rapport": rapport,
        "avsnitt": avsnitt,
        "rubrik": vr.rubrik(rapport, nyckel),
        "form": form,
        "konflikt": None,
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                services.rapportavsnitt_save(
                    actor=request.user,
                    avsnitt=avsnitt,
                    text=form.cleaned_data["text"],
                    version=form.cleaned_data["version"],
                )
            except services.Konflikt as exc:
                context["konflikt"] = exc.sparad
                data = request.POST.copy()
                data["version"] = str(exc.sparad.version)
                context["form"] = AvsnittForm(data)
                return render(request, "rapporter/avsnitt_form.html", context, status=CONFLICT)
            except Fast as exc:
                return fast_svar(
                    request, exc, reverse("verksamhetsrapport_detail", args=[rapport.pk])
                )
            except services.Fel as exc:
                messages.error(request, str(exc))
                return redirect("verksamhetsrapport_detail", pk=rapport.pk)
            messages.success(request, f"Avsnittet ”{context['rubrik']}” är sparat.")
            return redirect(
                reverse("verksamhetsrapport_detail", args=[rapport.pk]) + f"#avsnitt-{nyckel}"
            )
        return render(request, "rapporter/avsnitt_form.html", context, status=INVALID)
    return render(request, "rapporter/avsnitt_form.html", context)


@require_POST
def verksamhetsrapport_godkann(request, pk: int):
    require(permissions.can_edit_rapporter(request.user))
    rapport = _rapport(request, pk)
    if rapport.sparrad:
        return fast_svar(
            request,
            services.sparr_fel(rapport),
            reverse("verksamhetsrapport_detail", args=[rapport.pk]),
        )
    form = BeslutsparagrafForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Välj paragrafen där styrelsen godkände rapporten.")
        return redirect("verksamhetsrapport_detail", pk=rapport.pk)
    paragraf = form.cleaned_data["paragraf"]
    try:
        services.verksamhetsrapport_godkann(actor=request.user, rapport=rapport, paragraf=paragraf)
    except Fast as exc:
        return fast_svar(request, exc, reverse("verksamhetsrapport_detail", args=[rapport.pk]))
    except services.Fel as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"{rapport.titel} är godkänd i § {paragraf.nummer} "
            f"({paragraf.protokoll.mote.datum.isoformat()}) och låst.",
        )
    return redirect("verksamhetsrapport_detail", pk=rapport.pk)


@require_POST
def verksamhetsrapport_ny_utgava(request, pk: int):
    require(permissions.can_edit_rapporter(request.user))
    rapport = _rapport(request, pk)
    try:
        ny = services.verksamhetsrapport_ny_utgava(actor=request.user, fran=rapport)
    except services.Fel as exc:
        messages.error(request, str(exc))
        return redirect("verksamhetsrapport_detail", pk=rapport.pk)
    messages.success(request, f"Utgåva {ny.utgava} är skapad som utkast.")
    return redirect("verksamhetsrapport_detail", pk=ny.pk)


def _filnamn(rapport) -> str:
    return jobb.filnamn(rapport)


@require_POST
def verksamhetsrapport_bestall(request, pk: int):
    """Ask for the full report as a PDF: the job makes it (docs/jobb.md), the status page
    offers it when it is ready."""
    rapport = _rapport(request, pk)
    framstallning = framstallning_bestall(
        actor=request.user,
        uppgift=jobb.verksamhetsrapport_jobb,
        gor=jobb.verksamhetsrapport_gor,
        typ="verksamhetsrapport",
        titel=f"{rapport.titel}, utgåva {rapport.utgava} (PDF)",
        jobbargs={"rapport_id": rapport.pk},
    )
    return redirect("framstallning_detail", pk=framstallning.pk)


@require_GET
def verksamhetsrapport_pdf(request, pk: int):
    rapport = _rapport(request, pk)
    data = render_pdf("rapporter/pdf/verksamhetsrapport.html", vr.kontext(rapport))
    return pdf_response(data, f"{_filnamn(rapport)}.pdf")


@require_GET
def verksamhetsrapport_html(request, pk: int):
    """The report as one plain HTML file that Word opens and edits (no scripts, no styles
    beyond table borders)."""
    rapport = _rapport(request, pk)
    html = render_to_string("rapporter/word.html", vr.kontext(rapport))
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filnamn(rapport)}.html"'
    return response


@require_GET
def verksamhetsrapport_docx(request, pk: int):
    rapport = _rapport(request, pk)
    response = HttpResponse(
        rapport_docx.docx(vr.kontext(rapport)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filnamn(rapport)}.docx"'
    return response


# --- Arrangemang ---------------------------------------------------------------------------


@require_GET
def arrangemang_list(request):
    """The year's events with participants from the förbund's area (by kön) and in all."""

    require(insats_permissions.can_view_arrangemang(request.user))
    # The latest year with events up to this one (next year's planned ones are offered too).
    ar_med_data = insats_selectors.arrangemang_ar()
    idag = timezone.localdate()
    ar = _ar(request, next((a for a in ar_med_data if a <= idag.year), idag.year))
    fran, till = dt.date(ar, 1, 1), dt.date(ar, 12, 31)
    rader = list(insats_selectors.arrangemang_med_summor(fran, till))
    summa = {
        f: sum(getattr(r, f) for r in rader)
        for f in ("omrade_kvinnor", "omrade_man", "omrade_ej_angivet", "omrade_totalt", "alla")
    }
    ar_lista = sorted({*ar_med_data, ar}, reverse=True)
    return render(
        request,
        "insatser/arrangemang_list.html",
        {
            "ar": ar,
            "rader": rader,
            "summa": summa,
            "per_organisation": insats_selectors.arrangemang_per_organisation(fran, till),
            "ar_lista": ar_lista,
            "kan_andra": insats_permissions.can_edit_arrangemang(request.user),
        },
    )


@require_GET
def arrangemang_detail(request, pk: int):

    require(insats_permissions.can_view_arrangemang(request.user))
    arrangemang = insats_selectors.arrangemang_get(pk)
    if arrangemang is None:
        raise Http404
    deltagare = list(arrangemang.deltagare.all())
    omrade = [d for d in deltagare if d.inom_omradet]
    return render(
        request,
        "insatser/arrangemang_detail.html",
        {
            "a": arrangemang,
            "deltagare": deltagare,
            "omrade": {
                "kvinnor": sum(d.kvinnor for d in omrade),
                "man": sum(d.man for d in omrade),
                "ej_angivet": sum(d.ej_angivet for d in omrade),
                "totalt": sum(d.totalt for d in omrade),
            },
            "alla": sum(d.totalt for d in deltagare),
            "kan_andra": insats_permissions.can_edit_arrangemang(request.user),
            "historik": historik(arrangemang)
            if insats_permissions.can_edit_arrangemang(request.user)
            else [],
        },
    )


def _arrangemang_form(request, arrangemang):
    """Create and edit share one page: the event, then its participants per organisation.
    Bad input is answered 422 with everything typed kept."""
    require(insats_permissions.can_edit_arrangemang(request.user))
    initial = [
        {
            "organisation": d.organisation,
            "inom_omradet": d.inom_omradet,
            "kvinnor": d.kvinnor,
            "man": d.man,
            "ej_angivet": d.ej_angivet,
        }
        for d in (arrangemang.deltagare.all() if arrangemang else [])
    ]
    form = ArrangemangForm(request.POST or None, instance=arrangemang)
    formset = DeltagareFormSet(request.POST or None, initial=initial, prefix="deltagare")
    fel: list[str] = []
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            try:
                sparat = insats_services.arrangemang_save(
                    actor=request.user, arrangemang=form.instance, deltagare=formset.rader()
                )
            except insats_services.Fel as exc:
                fel = exc.fel
            else:
                messages.success(request, f"{sparat.namn} är sparat.")
                return redirect("arrangemang_detail", pk=sparat.pk)
        fel = fel or ["Rätta det som är markerat nedan och spara igen. Det du skrivit finns kvar."]
    organisationer = list(Part.objects.order_by("ordning", "namn").values_list("namn", flat=True))
    return render(
        request,
        "insatser/arrangemang_form.html",
        {
            "form": form,
            "formset": formset,
            "fel": fel,
            "a": arrangemang,
            "organisationer": organisationer,
        },
        status=INVALID if fel else 200,
    )


@require_http_methods(["GET", "POST"])
def arrangemang_create(request):
    return _arrangemang_form(request, None)


@require_http_methods(["GET", "POST"])
def arrangemang_edit(request, pk: int):
    require(insats_permissions.can_edit_arrangemang(request.user))
    arrangemang = insats_selectors.arrangemang_get(pk)
    if arrangemang is None:
        raise Http404
    return _arrangemang_form(request, arrangemang)
