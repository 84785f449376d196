"""Surveys: rounds and links for the kansli, the anonymous form, paper transcription,
and the results with suppression."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from forbund.http import INVALID, per_format, require, xlsx_response

from . import permissions, rapport, services
from .forms import (
    DeltagarkodForm,
    FormularForm,
    FragaForm,
    ImportForm,
    OmgangForm,
    SvarForm,
    TokenForm,
)
from .models import Formular, Fraga, Omgang, Svar, Token

BORTA = 410


@require_GET
def omgang_list(request):
    require(permissions.can_manage(request.user) or permissions.can_view_results(request.user))
    omgangar = Omgang.objects.select_related("formular", "insats").annotate(
        antal_svar=Count("svar", distinct=True),
        antal_lankar=Count("tokens", distinct=True),
        anvanda=Count("tokens", filter=Q(tokens__anvand=True), distinct=True),
    )
    formular = {}
    sjalvskattning = set()
    for o in omgangar:
        formular.setdefault(o.formular.kod, o.formular.namn)
        if o.tillfalle:
            sjalvskattning.add(o.formular.kod)
    return render(
        request,
        "enkater/omgang_list.html",
        {
            "omgangar": omgangar,
            "kan_hantera": permissions.can_manage(request.user),
            "formular": sorted(formular.items(), key=lambda kv: kv[1]),
            "sjalvskattning": sjalvskattning,
        },
    )


@require_http_methods(["GET", "POST"])
def omgang_create(request):
    require(permissions.can_manage(request.user))
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
    require(permissions.can_manage(request.user))
    omgang = _get_omgang(request, pk)
    atgard = request.POST.get("atgard", "")
    if request.method == "POST" and atgard in ("delad_skapa", "delad_stang"):
        if atgard == "delad_skapa":
            try:
                services.delad_lank_create(actor=request.user, omgang=omgang)
            except services.Fel as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "Den delade länken är skapad.")
        else:
            services.delad_lank_stang(actor=request.user, omgang=omgang)
            messages.success(request, "Den delade länken fungerar inte längre.")
        return redirect("omgang_detail", pk=pk)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nya = services.tokens_create(
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
            "delad": _delad(request, omgang),
            "oppen": _oppen(omgang),
        },
        status=INVALID if form.errors else 200,
    )


def _oppen(omgang: Omgang) -> bool:
    return omgang.oppnar <= timezone.localdate() <= omgang.stanger


def _qr(url: str) -> str:
    """A QR code as an SVG data URI (the CSP allows data: images; no inline style)."""
    return segno.make(url, error="m").svg_data_uri(scale=3, border=2)


def _delad(request, omgang: Omgang) -> dict | None:
    if not omgang.delad_kod:
        return None
    url = request.build_absolute_uri(f"/e/alla/{omgang.delad_kod}/")
    return {"url": url, "qr": _qr(url)}


@require_GET
def token_lista(request, pk: int):
    """A printable list of the unused links, one per respondent."""
    require(permissions.can_manage(request.user))
    omgang = _get_omgang(request, pk)
    bas = request.build_absolute_uri("/e/")
    koder = omgang.tokens.filter(anvand=False).values_list("kod", flat=True)
    tokens = [(kod, _qr(f"{bas}{kod}/")) for kod in koder]
    return render(
        request,
        "enkater/token_lista.html",
        {"omgang": omgang, "tokens": tokens, "bas": bas, "delad": _delad(request, omgang)},
    )


def _fragor(omgang: Omgang):
    return list(omgang.formular.fragor.select_related("visas_om").order_by("ordning"))


def _formularet(request, omgang: Omgang, *, spara, mall_extra=None):
    """The respondent's form: GET shows it, POST stores the answer through `spara`."""
    if not _oppen(omgang):
        return render(request, "enkater/stangd.html", {"omgang": omgang}, status=BORTA)
    fragor = _fragor(omgang)
    form = SvarForm(request.POST or None, fragor=fragor)
    if request.method == "POST" and form.is_valid():
        try:
            spara(form.varden(), fragor)
        except services.TokenAnvand:
            return render(request, "enkater/anvand.html", {"omgang": omgang}, status=BORTA)
        except services.Fel:
            return render(request, "enkater/stangd.html", {"omgang": omgang}, status=BORTA)
        return render(request, "enkater/tack.html", {"omgang": omgang})
    status = INVALID if request.method == "POST" else 200
    return render(
        request,
        "enkater/besvara.html",
        {"omgang": omgang, "form": form, "fragor": fragor, **(mall_extra or {})},
        status=status,
    )


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

    def spara(varden, fragor):
        services.svar_lamna(omgang=omgang, varden=varden, token=token, fragor=fragor)

    return _formularet(request, omgang, spara=spara)


SVARAT_SALT = "enkater.delad"


def _kaka(omgang: Omgang) -> str:
    return f"enkat_{omgang.pk}"


@login_not_required
@require_http_methods(["GET", "POST"])
def besvara_delad(request, kod: str):
    """The round's shared link. A browser that has answered gets a signed, HttpOnly cookie
    saying only "answered" for this round, and is refused a second time; nothing about the
    browser or the person is stored on the server, and the answer is not linked to it."""
    omgang = Omgang.objects.select_related("formular").filter(delad_kod=kod).first()
    if omgang is None:
        raise Http404
    try:
        svarat = request.get_signed_cookie(_kaka(omgang), salt=SVARAT_SALT) == "svarat"
    except (KeyError, signing.BadSignature):
        svarat = False
    if svarat:
        return render(
            request, "enkater/anvand.html", {"omgang": omgang, "delad": True}, status=BORTA
        )
    sparat = []

    def spara(varden, fragor):
        services.svar_lamna(omgang=omgang, varden=varden, fragor=fragor)
        sparat.append(True)

    response = _formularet(request, omgang, spara=spara)
    if sparat:
        livstid = (omgang.stanger - timezone.localdate()).days + 1
        response.set_signed_cookie(
            _kaka(omgang),
            "svarat",
            salt=SVARAT_SALT,
            max_age=max(1, livstid) * 24 * 3600,
            path=f"/e/alla/{kod}/",
            httponly=True,
            samesite="Strict",
            secure=request.is_secure(),
        )
    return response


@require_http_methods(["GET", "POST"])
def registrera(request, pk: int):
    """Paper answers typed in by staff: digits 1–6 pick a step, 0 leaves a question
    unanswered, and the next question gets the focus (static/js/transkribering.js)."""
    omgang = _get_omgang(request, pk)
    if not permissions.can_transcribe(request.user, omgang):
        raise Http404
    fragor = _fragor(omgang)
    form = SvarForm(request.POST or None, fragor=fragor)
    kodform = DeltagarkodForm(request.POST or None) if omgang.tillfalle else None
    context = {"omgang": omgang, "form": form, "kodform": kodform}
    if request.method == "POST":
        if form.is_valid() and (kodform is None or kodform.is_valid()):
            try:
                services.svar_create(
                    omgang=omgang,
                    varden=form.varden(),
                    kanal=Svar.Kanal.PAPPER,
                    deltagarkod=kodform.cleaned_data["deltagarkod"] if kodform else None,
                    fragor=fragor,
                )
            except services.Fel as exc:
                kodform.add_error("deltagarkod", str(exc))
            else:
                messages.success(
                    request, f"Svaret är sparat. {omgang.svar.count()} svar i omgången."
                )
                return redirect("omgang_registrera", pk=pk)
        return render(request, "enkater/registrera.html", context, status=INVALID)
    return render(request, "enkater/registrera.html", context)


FORMAT = {"pdf", "xlsx", "csv"}


def _rapport_svar(request, ctx: dict, template: str, filnamn: str):
    return per_format(
        request,
        template=template,
        context=ctx,
        filnamn=filnamn,
        pdf=lambda: rapport.som_pdf(ctx),
        xlsx=lambda: rapport.som_xlsx(ctx),
        csv=lambda: rapport.som_csv(ctx),
    )


@require_GET
def resultat(request, pk: int):
    """One round: every scale question with n, the six steps, the mean and the share at the
    three highest steps, for all and by kön, suppressed across every view of the form."""
    require(permissions.can_view_results(request.user))
    omgang = _get_omgang(request, pk)
    ctx = rapport.omgang_rapport(
        omgang,
        dela_kon=request.GET.get("dela", "kon") == "kon",
        fritext=permissions.can_read_fritext(request.user)
        and request.GET.get("format", "") in ("", "pdf"),
    )
    ctx["dela"] = "kon" if ctx["dela_kon"] else ""
    ctx["kan_hantera"] = permissions.can_manage(request.user)
    return _rapport_svar(request, ctx, "enkater/resultat.html", f"enkat-{omgang.ar}-{omgang.pk}")


@require_GET
def export_svar(request, pk: int):
    """Every response as codes for the national indicator reporting (kansli only)."""
    require(permissions.can_manage(request.user))
    omgang = _get_omgang(request, pk)
    return xlsx_response(
        rapport.export_xlsx(omgang), f"svar-{omgang.formular.kod}-{omgang.ar}.xlsx"
    )


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@require_GET
def jamforelse(request, kod: str):
    """A form's rounds compared: insatser side by side, years as a trend, versions, kön."""
    require(permissions.can_view_results(request.user))
    if not Formular.objects.filter(kod=kod).exists():
        raise Http404
    dela = request.GET.get("dela", "insats")
    if dela not in rapport.DELA:
        dela = ""
    ctx = rapport.jamforelse(
        kod, dela=dela, kon=request.GET.get("kon") == "1", ar=_int(request.GET.get("ar"))
    )
    return _rapport_svar(request, ctx, "enkater/jamforelse.html", f"enkater-{kod}")


@require_GET
def sjalvskattning(request, kod: str):
    """The self-rating before and after, paired by participant code."""
    require(permissions.can_view_results(request.user))
    if not Omgang.objects.filter(formular__kod=kod).exclude(tillfalle="").exists():
        raise Http404
    dela = request.GET.get("dela", "")
    if dela not in rapport.PROGRESSION_DELA:
        dela = ""
    ctx = rapport.progression(kod, dela=dela, kon=request.GET.get("kon") == "1")
    return render(request, "enkater/sjalvskattning.html", ctx)


@require_http_methods(["GET", "POST"])
def importera(request, pk: int):
    """Paper answers from Excel or CSV: all or nothing, errors with line numbers."""
    require(permissions.can_manage(request.user))
    omgang = _get_omgang(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    fel: list[str] = []
    if request.method == "POST":
        if form.is_valid():
            try:
                antal = services.svar_import_fil(
                    actor=request.user, omgang=omgang, data=form.cleaned_data["fil"]
                )
            except services.Fel as exc:
                fel = exc.fel
            else:
                messages.success(request, f"{antal} svar importerade.")
                return redirect("omgang_detail", pk=pk)
        return render(
            request,
            "enkater/import.html",
            {"omgang": omgang, "form": form, "fel": fel, "fragor": _fragor(omgang)},
            status=INVALID,
        )
    return render(
        request,
        "enkater/import.html",
        {"omgang": omgang, "form": form, "fel": fel, "fragor": _fragor(omgang)},
    )


# -- Forms built by the kansli -------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def formular_list(request):
    require(permissions.can_manage(request.user))
    form = FormularForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            formular = services.formular_create(actor=request.user, **form.cleaned_data)
            return redirect("formular_detail", pk=formular.pk)
        status = INVALID
    else:
        status = 200
    formular = Formular.objects.annotate(
        antal_fragor=Count("fragor", distinct=True), antal_svar=Count("omgangar__svar")
    ).order_by("kod", "-version")
    return render(
        request,
        "enkater/formular_list.html",
        {"formular": formular, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def formular_detail(request, pk: int):
    require(permissions.can_manage(request.user))
    formular = get_object_or_404(Formular, pk=pk)
    fragor = list(formular.fragor.select_related("visas_om").order_by("ordning"))
    form = FragaForm(request.POST or None, fragor=fragor)
    atgard = request.POST.get("atgard", "") if request.method == "POST" else ""
    status = 200
    if atgard == "ny_version":
        ny = services.formular_ny_version(actor=request.user, formular=formular)
        messages.success(request, f"Version {ny.version} är skapad. Den har inga svar än.")
        return redirect("formular_detail", pk=ny.pk)
    if atgard == "ta_bort":
        fraga = get_object_or_404(Fraga, pk=_int(request.POST.get("fraga")), formular=formular)
        try:
            services.fraga_delete(actor=request.user, fraga=fraga)
        except services.Fel as exc:
            messages.error(request, str(exc))
            status = INVALID
        else:
            messages.success(request, f"Fråga {fraga.nummer} är borttagen.")
            return redirect("formular_detail", pk=pk)
    elif request.method == "POST":
        if form.is_valid():
            try:
                services.fraga_create(actor=request.user, formular=formular, **form.cleaned_data)
            except services.Fel as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Frågan är tillagd.")
                return redirect("formular_detail", pk=pk)
        status = INVALID
    return render(
        request,
        "enkater/formular_detail.html",
        {
            "formular": formular,
            "fragor": fragor,
            "form": form,
            "sparrat": services.formular_har_svar(formular),
        },
        status=status,
    )
