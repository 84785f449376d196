"""Insatser: register, grants and payments, follow-ups, participant statistics, overview."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forbund import charts
from forbund import permissions as fp
from forbund import sidindelning as sid
from forbund.export import arbetsbok, skriv_rad
from forbund.fel import Fast, Fel
from forbund.http import (
    INVALID,
    fast_svar,
    felaktig_begaran,
    fil_response,
    pdf_response,
    render_pdf,
    require,
    xlsx_response,
)
from forbund.models import Part
from forbund.selectors import historik
from moten import selectors as moten_selectors
from moten.forms import BeslutsparagrafForm

from . import permissions, selectors, services, sus
from .forms import (
    AnsokanForm,
    ArsrapportForm,
    BeviljningForm,
    DelbetalningForm,
    ImportForm,
    InsatsForm,
    KompletteringForm,
    PeriodForm,
    StatistikForm,
    UppfoljningForm,
    UtbetalningForm,
)
from .models import (
    Ansokan,
    AnsokanBilaga,
    Arsrapport,
    Beviljning,
    Delbetalning,
    Insats,
    Period,
    Tabell,
    Uppfoljning,
    Utbetalning,
)


def _kommuner() -> list[str]:
    return list(
        Part.objects.filter(typ=Part.Typ.KOMMUN)
        .order_by("ordning", "namn")
        .values_list("namn", flat=True)
    )


def _get_insats_for_user(request, pk: int) -> Insats:
    """The insats if this user may see it; a 404 otherwise (staff of insats A on insats B)."""
    require(permissions.can_view_insatser(request.user))
    insats = get_object_or_404(permissions.insatser_for(request.user), pk=pk)
    return insats


def _ar(request) -> int:
    """The year asked for, or the latest year with data (selectors.standardar) when the
    parameter is missing or unreasonable."""
    try:
        ar = int(request.GET.get("ar") or 0)
    except ValueError:
        ar = 0
    return ar if 1900 <= ar <= 2100 else selectors.standardar()


def _giltigt_ar(ar: int) -> None:
    if not 1900 <= ar <= 2100:
        raise Http404


SORTERING = {
    "namn": lambda r: r.insats.namn.lower(),
    "deltagare": lambda r: -r.aktiva,
    "kvinnor": lambda r: -(r.andel_kvinnor or 0),
    "arbete": lambda r: -r.arbete_studier,
    "beviljat": lambda r: -r.beviljat,
    "kostnad": lambda r: -(r.kostnad_per_deltagare or 0),
}


def _filtrerade_insatser(request):
    insatser = permissions.insatser_for(request.user).select_related("huvudman").order_by("namn")
    typ = request.GET.get("typ") or ""
    status = request.GET.get("status") or ""
    if typ in Insats.Typ.values:
        insatser = insatser.filter(typ=typ)
    if status in Insats.Status.values:
        insatser = insatser.filter(status=status)
    sort = request.GET.get("sort") or "namn"
    return insatser, typ, status, sort if sort in SORTERING else "namn"


def _oversikt(request):
    """Every row of the overview (the Excel and PDF exports)."""
    ar = _ar(request)
    insatser, typ, status, sort = _filtrerade_insatser(request)
    rader = selectors.oversikt(ar=ar, insatser=insatser, kommuner=_kommuner())
    rader.sort(key=SORTERING[sort])
    return ar, typ, status, sort, rader


def _oversikt_sida(request):
    """One page of the overview. By name (the default) the database pages the insatser and
    only the page's figures are computed; by a figure, every row is computed and sorted and
    the page taken from that list (sort key, name, id: a total order)."""
    ar = _ar(request)
    insatser, typ, status, sort = _filtrerade_insatser(request)
    markor = request.GET.get(sid.PARAMETER)
    if sort == "namn":
        sida = selectors.insatser_sida(insatser, markor=markor)
        sida.rader = selectors.oversikt(ar=ar, insatser=sida.rader, kommuner=_kommuner())
    else:
        sida = sid.sida_av_lista(
            selectors.oversikt(ar=ar, insatser=insatser, kommuner=_kommuner()),
            nyckel=lambda r: (SORTERING[sort](r), r.insats.namn.lower(), r.insats.pk),
            typer=(sid.TAL, sid.TEXT, sid.HELTAL),
            markor=markor,
        )
    return ar, typ, status, sort, sida


@require_GET
def insats_list(request):
    require(permissions.can_view_insatser(request.user))
    try:
        ar, typ, status, sort, sida = _oversikt_sida(request)
    except Fel as exc:
        return felaktig_begaran(request, exc, tillbaka=reverse("insats_list"))
    context = {
        "ar": ar,
        "typ": typ,
        "status": status,
        "sort": sort,
        "rader": sida.rader,
        "sida": sida,
        "lankar": sid.lankar(request.GET, sida),
        "ar_lista": sorted({*selectors.ar_med_data(), ar}, reverse=True),
        "typer": Insats.Typ.choices,
        "statusar": Insats.Status.choices,
        "kan_skapa": permissions.can_edit_insats(request.user),
        "ser_alla": permissions.ser_alla(request.user),
        "ser_pengar": permissions.ser_pengar(request.user),
        "forsenade": selectors.forsenade_uppfoljningar()
        if permissions.can_approve(request.user)
        else [],
    }
    if request.htmx:
        return render(request, "insatser/insats_list.html#tabell", context)
    return render(request, "insatser/insats_list.html", context)


@require_GET
def insats_list_xlsx(request):
    require(permissions.can_view_insatser(request.user))

    ar, _typ, _status, _sort, rader = _oversikt(request)
    pengar = permissions.ser_pengar(request.user)
    wb = arbetsbok()
    ws = wb.active
    ws.title = f"Insatser {ar}"
    rubriker = ["Insats", "Period", "Deltagare", "Kvinnor", "Män", "Till arbete eller studier"]
    if pengar:
        rubriker += [f"Beviljat {ar} (kr)", f"Utbetalt {ar} (kr)", "Kostnad per deltagare (kr)"]
    skriv_rad(ws, rubriker)
    for r in rader:
        period = f"{r.period.fran.isoformat()}–{r.period.till.isoformat()}" if r.period else ""
        rad = [r.insats.namn, period, r.aktiva, r.kvinnor, r.man, r.arbete_studier]
        if pengar:
            rad += [r.beviljat, r.utbetalt, r.kostnad_per_deltagare]
        skriv_rad(ws, rad)
    return xlsx_response(wb, f"insatser-{ar}.xlsx")


@require_http_methods(["GET", "POST"])
def insats_create(request):
    require(permissions.can_edit_insats(request.user))
    return _insats_form(request, Insats())


@require_http_methods(["GET", "POST"])
def insats_edit(request, pk: int):
    insats = _get_insats_for_user(request, pk)
    require(permissions.can_edit_insats(request.user))
    return _insats_form(request, insats)


def _insats_form(request, insats: Insats):
    form = InsatsForm(request.POST or None, instance=insats)
    if request.method == "POST":
        if form.is_valid():
            saved = form.save(commit=False)
            services.insats_save(
                actor=request.user,
                insats=saved,
                kommuner=form.cleaned_data["kommuner"],
                personal=form.cleaned_data["personal"],
                styrgrupp=form.cleaned_data["styrgrupp"],
            )
            messages.success(request, "Insatsen är sparad.")
            return redirect("insats_detail", pk=saved.pk)
        return render(
            request, "insatser/insats_form.html", {"form": form, "insats": insats}, status=INVALID
        )
    return render(request, "insatser/insats_form.html", {"form": form, "insats": insats})


@require_GET
def insats_detail(request, pk: int):
    insats = _get_insats_for_user(request, pk)
    insats = (
        Insats.objects.select_related("huvudman", "kontaktperson")
        .prefetch_related("kommuner", "styrgrupp", "personal", "mal", "ansokningar", "arsrapporter")
        .get(pk=insats.pk)
    )
    kommuner = _kommuner()
    # A window of years (selectors.AR_FONSTER), so the page does the same work whatever the
    # insats's age; `?ar=` moves it, the years with data are listed as links.
    alla_ar = selectors.insats_ar(insats)
    try:
        valt_ar = int(request.GET["ar"]) if request.GET.get("ar") else None
    except ValueError:
        valt_ar = None
    if valt_ar is not None and not 1900 <= valt_ar <= 2100:
        valt_ar = None
    fonster = selectors.ar_fonster(alla_ar, valt_ar, timezone.localdate())
    perioder = list(insats.perioder.filter(fran__year__range=fonster).order_by("fran"))
    godkanda = [p for p in perioder if p.status == Period.Status.GODKAND]
    # Participants over time, by kön: one bar group per approved period.
    per_period = selectors.sus_tabeller_per_period([p.pk for p in godkanda], kommuner)
    etiketter = [f"{p.fran:%Y-%m}–{p.till:%m}" for p in godkanda]
    kvinnor = [per_period[p.pk].aktiva.kvinnor for p in godkanda]
    man = [per_period[p.pk].aktiva.man for p in godkanda]
    diagram = (
        charts.staplar(
            ident="deltagare",
            titel=f"Deltagare per period och kön, {insats.namn}",
            kategorier=etiketter,
            serier=[("Kvinnor", kvinnor), ("Män", man)],
        )
        if godkanda
        else None
    )
    beviljningar = selectors.beviljningar_med_pengar(insats, fonster)
    senaste = per_period[godkanda[-1].pk] if godkanda else None
    context = {
        "insats": insats,
        "perioder": list(reversed(perioder)),
        "diagram": diagram,
        "diagramrader": list(zip(etiketter, kvinnor, man, strict=True)),
        "senaste": senaste,
        "senaste_period": godkanda[-1] if godkanda else None,
        "mal": _mal_mot_resultat(insats, godkanda, kommuner, per_period, fonster),
        "fonster": fonster,
        "alla_ar": alla_ar,
        "tidigare_ar": [a for a in alla_ar if a < fonster[0]],
        "senare_ar": [a for a in alla_ar if a > fonster[1]],
        "beviljningar": beviljningar,
        "pengar_per_ar": selectors.pengar_per_ar(beviljningar),
        "uppfoljningar": insats.uppfoljningar.filter(datum__year__range=fonster)
        .prefetch_related("avsnitt")
        .order_by("-datum"),
        "kan_andra": permissions.can_edit_insats(request.user),
        "kan_rapportera": permissions.can_report(request.user, insats),
        "kan_ekonomi": permissions.can_manage_ekonomi(request.user),
        "kan_attestera": permissions.can_attest(request.user),
        "ser_alla": permissions.ser_alla(request.user),
        "ser_pengar": permissions.ser_pengar(request.user),
        "arsrapport_ar": timezone.localdate().year - 1,
        "historik": historik(insats) if fp.can_view_history(request.user) else None,
    }
    return render(request, "insatser/insats_detail.html", context)


def _mal_mot_resultat(
    insats: Insats,
    godkanda: list[Period],
    kommuner: list[str],
    per_period: dict,
    fonster: tuple[int, int],
):
    """Each goal of the years shown against the year's latest approved period; per_period
    holds the periods' tables (selectors.sus_tabeller_per_period), so no goal costs a query
    of its own."""
    result = []
    for mal in insats.mal.all():
        if not fonster[0] <= mal.ar <= fonster[1]:
            continue
        period_ar = [p for p in godkanda if p.till.year == mal.ar]
        tabeller = per_period[period_ar[-1].pk] if period_ar else None
        utfall = None
        if tabeller:
            avslut = tabeller.tabeller.get(Tabell.AVSLUT, [])
            utfall = {
                "deltagare": tabeller.aktiva.totalt,
                "nya": tabeller.rad(Tabell.DELTAGARE, "Nya").totalt,
                "arbete": sum(r.totalt for r in avslut if r.kategori in sus.TILL_ARBETE),
                "studier": sum(r.totalt for r in avslut if r.kategori in sus.TILL_STUDIER),
                "arbete_studier": tabeller.till_arbete_eller_studier,
            }[mal.matt]
        result.append((mal, utfall))
    return result


# --- Grants and payments -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def beviljning_create(request, pk: int):
    require(permissions.can_manage_ekonomi(request.user))
    paragraf = moten_selectors.paragraf_get(pk)
    if paragraf is None:
        raise Http404
    # The year the Att-clause names ("bevilja … för 2022"); the next year only when none does.
    ar, attsats = moten_selectors.ar_i_beslut(paragraf)
    initial = {"ar": ar or paragraf.ar + 1, "attsats": attsats}
    # A paragraph made from an application's dagordning item names its insats already.
    if paragraf.dagordningspunkt_id:
        ansokan = Ansokan.objects.filter(dagordningspunkt_id=paragraf.dagordningspunkt_id).first()
        if ansokan:
            initial["insats"] = ansokan.insats_id
    form = BeviljningForm(request.POST or None, paragraf=paragraf, initial=initial)
    context = {"form": form, "paragraf": paragraf}
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                beviljning = services.beviljning_create(
                    actor=request.user,
                    insats=data["insats"],
                    paragraf=paragraf,
                    attsats=data["attsats"],
                    ar=data["ar"],
                    belopp=data["belopp"] or 0,
                    villkor=data["villkor"],
                    utfall=data["utfall"],
                )
            except services.Fel as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    f"Beslutet om {beviljning.insats.namn} {beviljning.ar} är registrerat på "
                    "insatsen.",
                )
                # Back to the paragraph: the next grant of the protocol is registered from there.
                return redirect(
                    reverse("protokoll_detail", args=[paragraf.protokoll_id]) + f"#p{paragraf.pk}"
                )
        return render(request, "insatser/beviljning_form.html", context, status=INVALID)
    return render(request, "insatser/beviljning_form.html", context)


def _get_beviljning(request, pk: int) -> Beviljning:
    beviljning = get_object_or_404(Beviljning.objects.select_related("insats"), pk=pk)
    _get_insats_for_user(request, beviljning.insats_id)
    return beviljning


@require_GET
def beviljning_detail(request, pk: int):
    beviljning = _get_beviljning(request, pk)
    # Money is the board's and the kansli's business; the insats's own page shows staff no
    # grants either (one policy for pages, exports and this detail).
    require(permissions.ser_alla(request.user) or permissions.can_manage_ekonomi(request.user))
    return _beviljning_sida(request, beviljning)


def _beviljning_sida(request, beviljning: Beviljning, *, delform=None, utbform=None):
    """The grant's page; a payment form that did not validate comes back with what was typed
    and its errors (422)."""
    beviljning = next(
        b for b in selectors.beviljningar_med_pengar(beviljning.insats) if b.pk == beviljning.pk
    )
    context = {
        "b": beviljning,
        "insats": beviljning.insats,
        "delform": delform or DelbetalningForm(prefix="del"),
        "utbform": utbform or UtbetalningForm(beviljning=beviljning),
        "kan_ekonomi": permissions.can_manage_ekonomi(request.user),
        "kan_attestera": permissions.can_attest(request.user),
    }
    status = INVALID if delform or utbform else 200
    return render(request, "insatser/beviljning_detail.html", context, status=status)


def _ekonomi_post(request, pk: int):
    beviljning = _get_beviljning(request, pk)
    require(permissions.can_manage_ekonomi(request.user))
    return beviljning


@require_POST
def betalplan_halften(request, pk: int):
    beviljning = _ekonomi_post(request, pk)
    try:
        services.betalplan_halften_avtal_rest_redovisning(actor=request.user, beviljning=beviljning)
    except services.Fel as exc:
        messages.error(request, str(exc))
    return redirect("beviljning_detail", pk=pk)


@require_POST
def delbetalning_create(request, pk: int):
    beviljning = _ekonomi_post(request, pk)
    form = DelbetalningForm(request.POST, prefix="del")
    if not form.is_valid():
        return _beviljning_sida(request, beviljning, delform=form)
    try:
        services.delbetalning_create(actor=request.user, beviljning=beviljning, **form.cleaned_data)
    except services.Fel as exc:
        messages.error(request, str(exc))
    return redirect("beviljning_detail", pk=pk)


@require_POST
def delbetalning_utlos(request, pk: int):
    delbetalning = get_object_or_404(Delbetalning, pk=pk)
    _ekonomi_post(request, delbetalning.beviljning_id)
    services.delbetalning_utlos(actor=request.user, delbetalning=delbetalning)
    return redirect("beviljning_detail", pk=delbetalning.beviljning_id)


@require_POST
def utbetalning_create(request, pk: int):
    beviljning = _ekonomi_post(request, pk)
    form = UtbetalningForm(request.POST, beviljning=beviljning)
    if not form.is_valid():
        return _beviljning_sida(request, beviljning, utbform=form)
    try:
        services.utbetalning_begar(actor=request.user, beviljning=beviljning, **form.cleaned_data)
    except services.Fel as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Utbetalningen är begärd och väntar på attest av två personer.")
    return redirect("beviljning_detail", pk=pk)


def _get_utbetalning(request, pk: int) -> Utbetalning:
    utbetalning = get_object_or_404(Utbetalning, pk=pk)
    _get_beviljning(request, utbetalning.beviljning_id)
    return utbetalning


@require_POST
def utbetalning_attestera(request, pk: int):
    utbetalning = _get_utbetalning(request, pk)
    require(permissions.can_attest(request.user))
    try:
        services.utbetalning_attestera(actor=request.user, utbetalning=utbetalning)
    except Fast as exc:
        return fast_svar(
            request, exc, reverse("beviljning_detail", args=[utbetalning.beviljning_id])
        )
    except services.Fel as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Din attest är registrerad.")
    return redirect("beviljning_detail", pk=utbetalning.beviljning_id)


@require_POST
def utbetalning_utbetald(request, pk: int):
    utbetalning = _get_utbetalning(request, pk)
    require(permissions.can_manage_ekonomi(request.user))
    try:
        services.utbetalning_utbetald(
            actor=request.user, utbetalning=utbetalning, datum=timezone.localdate()
        )
    except Fast as exc:
        return fast_svar(
            request, exc, reverse("beviljning_detail", args=[utbetalning.beviljning_id])
        )
    except services.Fel as exc:
        messages.error(request, str(exc))
    return redirect("beviljning_detail", pk=utbetalning.beviljning_id)


# --- Follow-up ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def uppfoljning_create(request, pk: int):
    insats = _get_insats_for_user(request, pk)
    require(permissions.can_report(request.user, insats))
    form = UppfoljningForm(request.POST or None)
    context = {"form": form, "insats": insats}
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            services.uppfoljning_create(
                actor=request.user,
                insats=insats,
                datum=d["datum"],
                deltagare=d["deltagare"],
                avsnitt=[
                    ("Mål", d["mal"]),
                    ("SUS", d["sus"]),
                    ("Nuläge", d["nulage"]),
                    ("Övrigt", d["ovrigt"]),
                ],
                beslut=d["beslut"],
                nasta=d["nasta"],
            )
            messages.success(request, "Uppföljningen är sparad.")
            return redirect(reverse("insats_detail", args=[insats.pk]) + "#uppfoljningar")
        return render(request, "insatser/uppfoljning_form.html", context, status=INVALID)
    return render(request, "insatser/uppfoljning_form.html", context)


@require_GET
def uppfoljning_detail(request, pk: int):
    uppfoljning = get_object_or_404(Uppfoljning.objects.prefetch_related("avsnitt"), pk=pk)
    insats = _get_insats_for_user(request, uppfoljning.insats_id)
    return render(request, "insatser/uppfoljning_detail.html", {"u": uppfoljning, "insats": insats})


# --- Participant statistics --------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def period_create(request, pk: int):
    insats = _get_insats_for_user(request, pk)
    require(permissions.can_report(request.user, insats))
    form = PeriodForm(request.POST or None)
    context = {"form": form, "insats": insats}
    if request.method == "POST":
        if form.is_valid():
            try:
                period = services.period_create(
                    actor=request.user, insats=insats, **form.cleaned_data
                )
            except services.Fel as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("period_edit", pk=period.pk)
        return render(request, "insatser/period_form.html", context, status=INVALID)
    return render(request, "insatser/period_form.html", context)


def _get_period(request, pk: int) -> Period:
    period = get_object_or_404(Period.objects.select_related("insats"), pk=pk)
    _get_insats_for_user(request, period.insats_id)
    return period


@require_http_methods(["GET", "POST"])
def period_edit(request, pk: int):
    period = _get_period(request, pk)
    kan_rapportera = permissions.can_report(request.user, period.insats)
    andringsbar = period.status in (Period.Status.UTKAST, Period.Status.KOMPLETTERING)
    kommuner = _kommuner()
    ingang = selectors.ingang(period) if andringsbar else None
    befintliga = services.period_rader(period)
    form = StatistikForm(
        request.POST if request.method == "POST" else None,
        kommuner=kommuner,
        befintliga=befintliga,
        ingang=ingang,
    )
    context = {
        "period": period,
        "insats": period.insats,
        "form": form,
        "ingang": ingang,
        "kan_rapportera": kan_rapportera and andringsbar,
        "kan_godkanna": permissions.can_approve(request.user)
        and period.status == Period.Status.INSKICKAD,
        "tabeller": selectors.sus_tabeller([period.pk], kommuner),
        "kompletteringsform": KompletteringForm(),
        # A saved draft: what is left before it can be sent in (not yet errors).
        "att_stamma": form.lankar(sus.regelfel(befintliga, ingang))
        if andringsbar and befintliga and request.method == "GET"
        else [],
    }
    if request.method == "POST":
        require(kan_rapportera)
        if period.status == Period.Status.GODKAND:
            return fast_svar(request, Fast(services.PERIOD_LAST), reverse("period_edit", args=[pk]))
        if not andringsbar:
            messages.error(request, "Perioden är inskickad och kan inte ändras.")
            return redirect("period_edit", pk=pk)
        if not form.is_valid():
            return render(request, "insatser/period_edit.html", context, status=INVALID)
        rader = form.rader()
        try:
            services.period_save(actor=request.user, period=period, rader=rader)
        except services.Fel as exc:
            context["regelfel"] = exc.fel
            return render(request, "insatser/period_edit.html", context, status=INVALID)
        if "skicka" in request.POST:
            # Every broken rule at once, each tied to its fields; the draft is kept.
            if fel := sus.regelfel(rader, ingang):
                context["regelfel"] = form.markera(fel)
                return render(request, "insatser/period_edit.html", context, status=INVALID)
            try:
                services.period_skicka_in(actor=request.user, period=period)
            except services.Fel as exc:
                context["regelfel"] = exc.fel
                return render(request, "insatser/period_edit.html", context, status=INVALID)
            messages.success(request, "Perioden är inskickad till kansliet.")
        else:
            messages.success(request, "Utkastet är sparat.")
        return redirect("period_edit", pk=pk)
    return render(request, "insatser/period_edit.html", context)


@require_POST
def period_godkann(request, pk: int):
    period = _get_period(request, pk)
    require(permissions.can_approve(request.user))
    try:
        services.period_godkann(actor=request.user, period=period)
    except Fast as exc:
        return fast_svar(request, exc, reverse("period_edit", args=[pk]))
    except services.Fel as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Perioden är godkänd och låst.")
    return redirect("period_edit", pk=pk)


@require_POST
def period_komplettering(request, pk: int):
    period = _get_period(request, pk)
    require(permissions.can_approve(request.user))
    form = KompletteringForm(request.POST)
    try:
        if not form.is_valid():
            raise services.Fel("Skriv vad som behöver kompletteras.")
        services.period_komplettering(
            actor=request.user, period=period, kommentar=form.cleaned_data["kommentar"]
        )
    except Fast as exc:
        return fast_svar(request, exc, reverse("period_edit", args=[pk]))
    except services.Fel as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Perioden är skickad tillbaka för komplettering.")
    return redirect("period_edit", pk=pk)


@require_http_methods(["GET", "POST"])
def period_import(request, pk: int):
    period = _get_period(request, pk)
    require(permissions.can_report(request.user, period.insats))
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "period": period, "insats": period.insats, "fel": []}
    if request.method == "POST":
        if form.is_valid():
            fil = form.cleaned_data["fil"]
            try:
                antal = services.statistik_import(
                    actor=request.user,
                    period=period,
                    data=fil.read(),
                    kommuner=_kommuner(),
                )
            except Fast as exc:
                return fast_svar(request, exc, reverse("period_edit", args=[pk]))
            except services.Fel as exc:
                context["fel"] = exc.fel
            else:
                messages.success(request, f"{antal} rader är importerade.")
                return redirect("period_edit", pk=pk)
        return render(request, "insatser/period_import.html", context, status=INVALID)
    return render(request, "insatser/period_import.html", context)


@require_GET
def sus_rapport(request):
    """The SUS tables summed over all insatser for a period, as in the delårsrapport."""
    require(permissions.ser_alla(request.user))
    fran, till = request.GET.get("fran"), request.GET.get("till")
    perioder = Period.objects.filter(status=Period.Status.GODKAND)
    valda = []
    try:
        fran_d, till_d = dt.date.fromisoformat(fran or ""), dt.date.fromisoformat(till or "")
    except ValueError:
        fran = till = None
    if fran and till:
        fran, till = fran_d.isoformat(), till_d.isoformat()
        valda = list(perioder.filter(fran=fran, till=till).select_related("insats"))
    intervall = perioder.order_by("-till").values_list("fran", "till").distinct()
    tabeller = selectors.sus_tabeller([p.pk for p in valda], _kommuner()) if valda else None
    if tabeller and request.GET.get("format") == "xlsx":
        return _sus_xlsx(tabeller, fran, till)
    context = {
        "fran": fran,
        "till": till,
        "intervall": list(intervall[:40]),
        "perioder": valda,
        "tabeller": tabeller,
    }
    return render(request, "insatser/sus_rapport.html", context)


def _sus_xlsx(tabeller, fran: str, till: str) -> HttpResponse:

    wb = arbetsbok()
    wb.remove(wb.active)
    for tabell, rader in tabeller.tabeller.items():
        ws = wb.create_sheet(Tabell(tabell).label[:31])
        header = ["Kategori", "Antal deltagare", "Varav kvinnor", "Varav män"]
        skriv_rad(
            ws, header + (["Antal mån i insatsen (snitt)"] if tabell == Tabell.AVSLUT else [])
        )
        for r in rader:
            row = [r.kategori, r.totalt, r.kvinnor, r.man]
            skriv_rad(ws, row + ([r.snitt_manader] if tabell == Tabell.AVSLUT else []))
    return xlsx_response(wb, f"sus-{fran}-{till}.xlsx")


# --- Applications ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def ansokan_create(request, pk: int):
    insats = _get_insats_for_user(request, pk)
    require(permissions.can_report(request.user, insats))
    form = AnsokanForm(
        request.POST or None, request.FILES or None, initial={"inkommen": timezone.localdate()}
    )
    context = {"form": form, "insats": insats}
    if request.method == "POST":
        if form.is_valid():
            try:
                ansokan = services.ansokan_create(
                    actor=request.user,
                    insats=insats,
                    inkommen=form.cleaned_data["inkommen"],
                    text=form.cleaned_data["text"],
                    belopp=form.belopp(),
                    bilagor=[form.cleaned_data["bilaga"]] if form.cleaned_data["bilaga"] else [],
                )
            except services.Fel as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Ansökan är registrerad.")
                return redirect("ansokan_detail", pk=ansokan.pk)
        return render(request, "insatser/ansokan_form.html", context, status=INVALID)
    return render(request, "insatser/ansokan_form.html", context)


def _get_ansokan(request, pk: int) -> Ansokan:
    ansokan = get_object_or_404(
        Ansokan.objects.select_related("insats", "dagordningspunkt__mote"), pk=pk
    )
    _get_insats_for_user(request, ansokan.insats_id)
    return ansokan


@require_GET
def ansokan_detail(request, pk: int):
    ansokan = _get_ansokan(request, pk)
    moten = []
    if permissions.can_manage_ekonomi(request.user) and not ansokan.dagordningspunkt_id:
        moten = moten_selectors.styrelsemoten_utkast()
    belopp = list(ansokan.belopp.all())
    return render(
        request,
        "insatser/ansokan_detail.html",
        {
            "ansokan": ansokan,
            "insats": ansokan.insats,
            "belopp": belopp,
            "summa": sum(b.summa for b in belopp),
            "forslag": services.forslag_till_beslut(ansokan),
            "moten": moten,
        },
    )


@require_GET
def ansokan_bilaga(request, pk: int):
    bilaga = get_object_or_404(AnsokanBilaga, pk=pk)
    _get_ansokan(request, bilaga.ansokan_id)
    return fil_response(bilaga.fil, filnamn=bilaga.filnamn, filtyp=bilaga.filtyp, request=request)


@require_POST
def ansokan_dagordning(request, pk: int):
    ansokan = _get_ansokan(request, pk)
    require(permissions.can_manage_ekonomi(request.user))
    pk_mote = request.POST.get("mote", "")
    mote = moten_selectors.styrelsemote_get(int(pk_mote)) if pk_mote.isdigit() else None
    if mote is None:
        messages.error(request, "Välj ett styrelsemöte.")
        return redirect("ansokan_detail", pk=pk)
    try:
        services.ansokan_till_dagordning(actor=request.user, ansokan=ansokan, mote=mote)
    except services.Fel as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Ansökan står på dagordningen till {mote}.")
    return redirect("ansokan_detail", pk=pk)


# --- Annual reports ----------------------------------------------------------------------


def _arsrapport_context(insats: Insats, ar: int, rapport: Arsrapport | None) -> dict:
    kommuner = _kommuner()
    period = selectors.senaste_godkanda_perioder(ar, [insats]).get(insats.pk)
    beviljningar = [b for b in selectors.beviljningar_med_pengar(insats) if b.ar == ar]
    return {
        "insats": insats,
        "ar": ar,
        "rapport": rapport,
        "period": period,
        "tabeller": selectors.sus_tabeller([period.pk], kommuner) if period else None,
        "beviljningar": beviljningar,
        "pengar": selectors.pengar_per_ar(beviljningar),
        "uppfoljningar": list(insats.uppfoljningar.filter(datum__year=ar).order_by("datum")),
        "forbund": Part.objects.first().forbund if Part.objects.exists() else None,
    }


@require_http_methods(["GET", "POST"])
def arsrapport_edit(request, pk: int, ar: int):
    _giltigt_ar(ar)
    insats = _get_insats_for_user(request, pk)
    rapport = insats.arsrapporter.filter(ar=ar).first()
    kan_skriva = permissions.can_report(request.user, insats) and (
        rapport is None or rapport.status != Arsrapport.Status.GODKAND
    )
    initial = (
        {"verksamhet": rapport.verksamhet, "resultat": rapport.resultat, "framat": rapport.framat}
        if rapport
        else None
    )
    form = ArsrapportForm(request.POST or None, initial=initial)
    context = _arsrapport_context(insats, ar, rapport)
    context.update(
        form=form,
        kan_skriva=kan_skriva,
        kan_godkanna=permissions.can_approve(request.user)
        and rapport is not None
        and rapport.status == Arsrapport.Status.INLAMNAD,
        paragrafer=moten_selectors.beslutsparagrafer()[:100],
    )
    if request.method == "POST":
        if rapport is not None and rapport.status == Arsrapport.Status.GODKAND:
            require(permissions.can_report(request.user, insats))
            return fast_svar(
                request, Fast(services.ARSRAPPORT_LAST), reverse("arsrapport_edit", args=[pk, ar])
            )
        require(kan_skriva)
        if form.is_valid():
            try:
                rapport = services.arsrapport_save(
                    actor=request.user, insats=insats, ar=ar, **form.cleaned_data
                )
                if "lamna_in" in request.POST:
                    services.arsrapport_lamna_in(actor=request.user, rapport=rapport)
                    messages.success(request, "Årsrapporten är inlämnad till kansliet.")
                else:
                    messages.success(request, "Årsrapporten är sparad.")
            except services.Fel as exc:
                form.add_error(None, str(exc))
                return render(request, "insatser/arsrapport.html", context, status=INVALID)
            return redirect("arsrapport_edit", pk=pk, ar=ar)
        return render(request, "insatser/arsrapport.html", context, status=INVALID)
    return render(request, "insatser/arsrapport.html", context)


@require_POST
def arsrapport_godkann(request, pk: int, ar: int):
    _giltigt_ar(ar)
    insats = _get_insats_for_user(request, pk)
    require(permissions.can_approve(request.user))
    rapport = get_object_or_404(Arsrapport, insats=insats, ar=ar)
    if rapport.status == Arsrapport.Status.GODKAND:
        return fast_svar(
            request, Fast(services.ARSRAPPORT_LAST), reverse("arsrapport_edit", args=[pk, ar])
        )
    form = BeslutsparagrafForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Välj paragrafen där styrelsen godkände rapporten.")
        return redirect("arsrapport_edit", pk=pk, ar=ar)
    paragraf = form.cleaned_data["paragraf"]
    try:
        utlosta = services.arsrapport_godkann(
            actor=request.user, rapport=rapport, paragraf=paragraf
        )
    except Fast as exc:
        return fast_svar(request, exc, reverse("arsrapport_edit", args=[pk, ar]))
    except services.Fel as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Årsrapporten är godkänd i § {paragraf.nummer}. {len(utlosta)} delbetalning(ar) som väntade på den är utlösta.",
        )
    return redirect("arsrapport_edit", pk=pk, ar=ar)


@require_GET
def arsrapport_pdf(request, pk: int, ar: int):
    _giltigt_ar(ar)
    insats = _get_insats_for_user(request, pk)
    rapport = insats.arsrapporter.filter(ar=ar).first()
    data = render_pdf("insatser/pdf/arsrapport.html", _arsrapport_context(insats, ar, rapport))
    return pdf_response(data, f"arsrapport-{ar}-{insats.pk}.pdf")


@require_GET
def insats_list_pdf(request):
    require(permissions.can_view_insatser(request.user))
    ar, _typ, _status, _sort, rader = _oversikt(request)
    forbund = Part.objects.first().forbund if Part.objects.exists() else None
    data = render_pdf(
        "insatser/pdf/oversikt.html",
        {
            "ar": ar,
            "rader": rader,
            "forbund": forbund,
            "ser_alla": permissions.ser_alla(request.user),
        },
    )
    return pdf_response(data, f"insatser-{ar}.pdf")


@require_GET
def insats_xlsx(request, pk: int):
    """The insats page's tables as one workbook: goals, participants per period, grants."""

    insats = _get_insats_for_user(request, pk)
    kommuner = _kommuner()
    wb = arbetsbok()
    ws = wb.active
    ws.title = "Deltagare per period"
    skriv_rad(
        ws,
        [
            "Från",
            "Till",
            "Status",
            "Aktiva",
            "Kvinnor",
            "Män",
            "Nya",
            "Avslutade",
            "Till arbete eller studier",
        ],
    )
    perioder = list(insats.perioder.order_by("fran"))
    per_period = selectors.sus_tabeller_per_period([p.pk for p in perioder], kommuner)
    for p in perioder:
        t = per_period[p.pk]
        skriv_rad(
            ws,
            [
                p.fran,
                p.till,
                p.get_status_display(),
                t.aktiva.totalt,
                t.aktiva.kvinnor,
                t.aktiva.man,
                t.rad(Tabell.DELTAGARE, "Nya").totalt,
                t.rad(Tabell.DELTAGARE, "Avslutade").totalt,
                t.till_arbete_eller_studier,
            ],
        )
    godkanda = [p for p in perioder if p.status == Period.Status.GODKAND]
    mal = wb.create_sheet("Mål")
    skriv_rad(mal, ["År", "Mål", "Målvärde", "Resultat"])
    alla = (0, 9999)  # the export has every year
    for m, utfall in _mal_mot_resultat(insats, godkanda, kommuner, per_period, alla):
        skriv_rad(mal, [m.ar, str(m), m.malvarde, utfall])
    if permissions.ser_pengar(request.user):
        medel = wb.create_sheet("Beviljade medel")
        skriv_rad(medel, ["År", "Utfall", "Beslutad i", "Datum", "Beviljat", "Utbetalt", "Kvar"])
        for b in selectors.beviljningar_med_pengar(insats):
            skriv_rad(
                medel,
                [
                    b.ar,
                    b.get_utfall_display(),
                    f"§ {b.paragraf.nummer}",
                    b.paragraf.protokoll.mote.datum,
                    b.pengar.beviljat,
                    b.pengar.utbetalt,
                    b.pengar.kvar,
                ],
            )
    return xlsx_response(wb, f"insats-{insats.pk}.xlsx")
