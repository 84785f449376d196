"""Surveys: rounds and links for the kansli, the anonymous form, paper transcription,
and the results with suppression."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from . import analysis, permissions, selectors, services
from .forms import OmgangForm, SvarForm, TokenForm
from .models import Omgang, Svar, Svarsvarde, Token

INVALID = 422
BORTA = 410


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@require_GET
def omgang_list(request):
    _require(permissions.can_manage(request.user) or permissions.can_view_results(request.user))
    omgangar = Omgang.objects.select_related("formular", "insats").annotate(
        antal_svar=Count("svar", distinct=True),
        antal_lankar=Count("tokens", distinct=True),
        anvanda=Count("tokens", filter=Q(tokens__anvand=True), distinct=True),
    )
    return render(
        request,
        "enkater/omgang_list.html",
        {"omgangar": omgangar, "kan_hantera": permissions.can_manage(request.user)},
    )


@require_http_methods(["GET", "POST"])
def omgang_create(request):
    _require(permissions.can_manage(request.user))
    form = OmgangForm(request.POST or None, initial={"ar": timezone.localdate().year})
    if request.method == "POST":
        if form.is_valid():
            try:
                omgang = services.omgang_create(actor=request.user, **form.cleaned_data)
            except services.Fel as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("omgang_detail", pk=omgang.pk)
        return render(request, "enkater/omgang_form.html", {"form": form}, status=INVALID)
    return render(request, "enkater/omgang_form.html", {"form": form})


def _get_omgang(request, pk: int) -> Omgang:
    return get_object_or_404(Omgang.objects.select_related("formular", "insats"), pk=pk)


@require_http_methods(["GET", "POST"])
def omgang_detail(request, pk: int):
    _require(permissions.can_manage(request.user))
    omgang = _get_omgang(request, pk)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nya = services.tokens_skapa(
                actor=request.user, omgang=omgang, antal=form.cleaned_data["antal"]
            )
        except services.Fel as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"{len(nya)} nya länkar är skapade.")
        return redirect("omgang_detail", pk=pk)
    return render(
        request,
        "enkater/omgang_detail.html",
        {
            "omgang": omgang,
            "form": form,
            "antal_svar": omgang.svar.count(),
            "lankar": omgang.tokens.count(),
            "anvanda": omgang.tokens.filter(anvand=True).count(),
        },
    )


@require_GET
def token_lista(request, pk: int):
    """A printable list of the unused links, one per respondent."""
    _require(permissions.can_manage(request.user))
    omgang = _get_omgang(request, pk)
    tokens = omgang.tokens.filter(anvand=False)
    bas = request.build_absolute_uri("/e/")
    return render(
        request, "enkater/token_lista.html", {"omgang": omgang, "tokens": tokens, "bas": bas}
    )


def _fragor(omgang: Omgang):
    return list(omgang.formular.fragor.select_related("visas_om").order_by("ordning"))


@login_not_required
@require_http_methods(["GET", "POST"])
def besvara(request, kod: str):
    """The respondent's form, reached only with a valid single-use link."""
    token = Token.objects.select_related("omgang__formular").filter(kod=kod).first()
    if token is None:
        raise Http404
    omgang = token.omgang
    if token.anvand:
        return render(request, "enkater/anvand.html", {"omgang": omgang}, status=BORTA)
    idag = timezone.localdate()
    if not (omgang.oppnar <= idag <= omgang.stanger):
        return render(request, "enkater/stangd.html", {"omgang": omgang}, status=BORTA)
    fragor = _fragor(omgang)
    form = SvarForm(request.POST or None, fragor=fragor)
    if request.method == "POST" and form.is_valid():
        try:
            services.svar_spara(
                omgang=omgang, varden=form.varden(), kanal=Svar.Kanal.WEBB, token=token
            )
        except services.TokenAnvand:
            return render(request, "enkater/anvand.html", {"omgang": omgang}, status=BORTA)
        except services.Fel:
            return render(request, "enkater/stangd.html", {"omgang": omgang}, status=BORTA)
        return render(request, "enkater/tack.html", {"omgang": omgang})
    status = INVALID if request.method == "POST" else 200
    return render(
        request,
        "enkater/besvara.html",
        {"omgang": omgang, "form": form, "fragor": fragor},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def registrera(request, pk: int):
    """Paper answers typed in by staff: digits 1–6 pick a step, 0 leaves a question
    unanswered, and the next question gets the focus (static/js/transkribering.js)."""
    omgang = _get_omgang(request, pk)
    if not permissions.can_transcribe(request.user, omgang):
        raise Http404
    fragor = _fragor(omgang)
    form = SvarForm(request.POST or None, fragor=fragor)
    if request.method == "POST":
        if form.is_valid():
            services.svar_spara(omgang=omgang, varden=form.varden(), kanal=Svar.Kanal.PAPPER)
            messages.success(request, f"Svaret är sparat. {omgang.svar.count()} svar i omgången.")
            return redirect("omgang_registrera", pk=pk)
        return render(
            request, "enkater/registrera.html", {"omgang": omgang, "form": form}, status=INVALID
        )
    return render(request, "enkater/registrera.html", {"omgang": omgang, "form": form})


DELNINGAR = {"": None, "kon": "kon"}


@require_GET
def resultat(request, pk: int):
    _require(permissions.can_view_results(request.user))
    omgang = _get_omgang(request, pk)
    dela = request.GET.get("dela", "")
    grupp = DELNINGAR.get(dela)
    df = selectors.svar_df([omgang.pk])
    totalt = analysis.undertryck_totalt(analysis.fordelning(df))
    grupper = None
    if grupp and not df.empty:
        grupper = analysis.undertryck(
            analysis.fordelning(df, grupp), grupp=grupp, totalt=analysis.fordelning(df)
        )
    fragor = [f for f in _fragor(omgang) if f.ar_skala]
    rader = []
    for f in fragor:
        tot = totalt.loc[f.nummer] if f.nummer in totalt.index else None
        grupprader = []
        if grupper is not None and f.nummer in grupper.index.get_level_values("fraga"):
            for namn, row in grupper.loc[f.nummer].iterrows():
                grupprader.append((namn, row))
        rader.append((f, tot, grupprader))
    fritext = []
    if permissions.can_read_fritext(request.user):
        fritext = list(
            Svarsvarde.objects.filter(svar__omgang=omgang, fraga__typ="fritext")
            .exclude(text="")
            .select_related("fraga")
            .order_by("fraga__ordning", "pk")
        )
    return render(
        request,
        "enkater/resultat.html",
        {
            "omgang": omgang,
            "rader": rader,
            "dela": dela,
            "antal_svar": omgang.svar.count(),
            "min_n": analysis.MIN_N,
            "fritext": fritext,
            "skala": fragor[0].get_typ_display() if fragor else "",
        },
    )
