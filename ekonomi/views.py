"""Ekonomi: the styrelse's dashboard, the budget follow-up, utfall import, mapping, prognos."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forbund import charts
from forbund.formatting import kronor, tkr
from forbund.selectors import forbund_get
from forbund.svar import pdf_response, render_pdf, xlsx_response
from insatser.models import Beviljning, Utbetalning

from . import permissions, rapporter, selectors, services
from .forms import BekraftaForm, ImportForm, MappaForm, PrognosForm
from .models import Budgetpost, Budgetversion, Importutkast, Konto, Transaktion, Verksamhetsar

INVALID = 422


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _per(request) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET["per"]) if request.GET.get("per") else None
    except ValueError:
        return None


def _standardar() -> int:
    va = Verksamhetsar.objects.order_by("-ar").first()
    return va.ar if va else dt.date.today().year


@require_GET
def dashboard(request):
    _require(permissions.can_view_ekonomi(request.user))
    try:
        ar = int(request.GET.get("ar") or _standardar())
    except ValueError:
        ar = _standardar()
    r = selectors.rapport(ar)
    grupper = [(g.namn, g.summa or r.intakter) for g in r.grupper]
    diagram_grupper = charts.staplar(
        ident="grupper",
        titel=f"Budget, utfall och prognos per grupp {ar} (tkr)",
        kategorier=[namn for namn, _s in grupper],
        serier=[
            ("Budget", [int(tkr(s.budget, 0)) for _n, s in grupper]),
            ("Utfall", [int(tkr(s.utfall, 0)) for _n, s in grupper]),
            ("Prognos", [int(tkr(s.prognos or 0, 0)) for _n, s in grupper]),
        ],
        hojd=260,
    )
    kumulativ, jamn = selectors.utfall_per_manad(ar)
    manader = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][
        : len(kumulativ)
    ]
    diagram_manad = (
        charts.staplar(
            ident="manad",
            titel=f"Kostnader hittills per månad {ar} mot jämnt fördelad budget (tkr)",
            kategorier=manader,
            serier=[
                ("Utfall", [int(tkr(v, 0)) for v in kumulativ]),
                ("Jämn budget", [int(tkr(v, 0)) for v in jamn]),
            ],
            hojd=240,
        )
        if kumulativ
        else None
    )
    insatsposter = [rad for g in r.grupper for rad in g.rader if rad.post and rad.post.insats_id]
    insats_ids = [rad.post.insats_id for rad in insatsposter]
    beviljat = dict(
        Beviljning.objects.filter(insats_id__in=insats_ids, ar=ar, utfall="beviljad")
        .values_list("insats")
        .annotate(s=Sum("belopp"))
    )
    utbetalt = dict(
        Utbetalning.objects.filter(
            beviljning__insats_id__in=insats_ids, beviljning__ar=ar, status="utbetald"
        )
        .values_list("beviljning__insats")
        .annotate(s=Sum("belopp"))
    )
    context = {
        "ar": ar,
        "r": r,
        "grupper": grupper,
        "diagram_grupper": diagram_grupper,
        "diagram_manad": diagram_manad,
        "manadsrader": list(zip(manader, kumulativ, jamn, strict=True)),
        "insatser": [
            (rad, beviljat.get(rad.post.insats_id, 0), utbetalt.get(rad.post.insats_id, 0))
            for rad in insatsposter
        ],
        "ar_lista": list(Verksamhetsar.objects.values_list("ar", flat=True)),
        "kan_andra": permissions.can_edit_ekonomi(request.user),
        "omappade": services.omappade_konton(ar)
        if permissions.can_edit_ekonomi(request.user)
        else [],
    }
    return render(request, "ekonomi/dashboard.html", context)


def _rapport_svar(request, ar: int, *, tkr: bool, template: str, titel: str):
    _require(permissions.can_view_ekonomi(request.user))
    r = selectors.rapport(ar, per=_per(request))
    fmt = request.GET.get("format")
    namn = f"{'budgetuppfoljning' if tkr else 'ekonomiskt-utfall'}-{ar}"
    if fmt == "csv":
        response = HttpResponse(
            rapporter.som_csv(r, tkr=tkr), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{namn}.csv"'
        return response
    if fmt == "xlsx":
        return xlsx_response(rapporter.som_xlsx(r, tkr=tkr), f"{namn}.xlsx")
    context = {"r": r, "ar": ar, "tkr": tkr, "titel": titel, "forbund": forbund_get()}
    if fmt == "pdf":
        return pdf_response(render_pdf("ekonomi/pdf/rapport.html", context), f"{namn}.pdf")
    return render(request, template, context)


@require_GET
def budgetuppfoljning(request, ar: int):
    return _rapport_svar(
        request,
        ar,
        tkr=True,
        template="ekonomi/rapport.html",
        titel=f"Detaljerad budgetuppföljning {ar}, tusentals kronor",
    )


@require_GET
def delarsrapport(request, ar: int):
    return _rapport_svar(
        request,
        ar,
        tkr=False,
        template="ekonomi/rapport.html",
        titel=f"Ekonomiskt utfall samt prognos för helår {ar}",
    )


@require_http_methods(["GET", "POST"])
def utfall_import(request):
    """Upload: a file that passes every check is kept as a draft and its preview shown; the
    import happens only when the kansli confirms it there."""
    _require(permissions.can_edit_ekonomi(request.user))
    form = ImportForm(request.POST or None, request.FILES or None, initial={"ar": _standardar()})
    context = {"form": form, "fel": [], "resultat": None}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "ekonomi/import.html", context, status=INVALID)
        fil = form.cleaned_data["fil"]
        try:
            utkast, granskning = services.importutkast_skapa(
                actor=request.user,
                data=fil.read(),
                filnamn=fil.name,
                ar=form.cleaned_data["ar"],
                per=form.cleaned_data["per"],
            )
        except services.Fel as exc:
            context["fel"] = exc.fel
            return render(request, "ekonomi/import.html", context, status=INVALID)
        return _granskning_svar(request, utkast, granskning)
    return render(request, "ekonomi/import.html", context)


def _granskning_svar(request, utkast, granskning, *, form=None, status=200):
    return render(
        request,
        "ekonomi/import_granska.html",
        {
            "utkast": utkast,
            "g": granskning,
            "form": form or BekraftaForm(konton=[k.konto for k in granskning.namnskillnader]),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def utfall_granska(request, pk: int):
    """The preview of an uploaded file (GET), and its confirmation or cancellation (POST)."""
    _require(permissions.can_edit_ekonomi(request.user))
    utkast = get_object_or_404(Importutkast, pk=pk)
    if request.method == "POST" and request.POST.get("atgard") == "avbryt":
        services.importutkast_ta_bort(actor=request.user, utkast=utkast)
        messages.info(request, f"Importen av {utkast.filnamn} är avbruten. Inget importerades.")
        return redirect("ekonomi_import")
    form = ImportForm(initial={"ar": utkast.ar, "per": utkast.per})
    try:
        granskning = services.importutkast_granska(utkast)
    except services.Fel as exc:
        # The file passed when it was uploaded; something in the portal changed since.
        context = {"form": form, "fel": exc.fel, "resultat": None}
        return render(request, "ekonomi/import.html", context, status=INVALID)
    if request.method == "GET":
        return _granskning_svar(request, utkast, granskning)
    bekrafta = BekraftaForm(request.POST, konton=[k.konto for k in granskning.namnskillnader])
    if not bekrafta.is_valid():
        return _granskning_svar(request, utkast, granskning, form=bekrafta, status=INVALID)
    try:
        resultat = services.importutkast_bekrafta(
            actor=request.user, utkast=utkast, anta_namn=bekrafta.cleaned_data["anta_namn"]
        )
    except services.Fel as exc:
        context = {"form": form, "fel": exc.fel, "resultat": None}
        return render(request, "ekonomi/import.html", context, status=INVALID)
    context = {"form": ImportForm(initial={"ar": utkast.ar}), "fel": [], "resultat": resultat}
    return render(request, "ekonomi/import.html", context)


@require_GET
def konton(request):
    """Accounts with this year's utfall that map to no budget post: map them here, nothing is
    dropped silently. The saldolista of the year is offered for download."""
    _require(permissions.can_edit_ekonomi(request.user))
    ar_text = request.GET.get("ar") or ""
    ar = int(ar_text) if ar_text.isdigit() else _standardar()
    omappade = services.omappade_konton(ar)
    imp = selectors.utfallsimport(ar)
    kontoplan = {k.nummer: k.namn for k in Konto.objects.filter(nummer__in=omappade)}
    summor = dict(
        Transaktion.objects.filter(utfallsimport=imp, konto__in=omappade)
        .values_list("konto")
        .annotate(s=Sum("belopp"))
    )
    filnamn = imp.kontonamn if imp else {}
    return render(
        request,
        "ekonomi/konton.html",
        {
            "ar": ar,
            "imp": imp,
            "rader": [
                (k, kontoplan.get(k, ""), filnamn.get(str(k), ""), summor.get(k)) for k in omappade
            ],
            "poster": Budgetpost.objects.order_by("grupp", "ordning"),
        },
    )


@require_GET
def saldolista(request):
    """konto;namn;utfall for the year up to a date, as `manage.py saldolista` writes it."""
    _require(permissions.can_view_ekonomi(request.user))
    ar_text = request.GET.get("ar") or ""
    ar = int(ar_text) if ar_text.isdigit() and len(ar_text) == 4 else _standardar()
    per = _per(request)
    if request.GET.get("per") and (per is None or per.year != ar):
        return HttpResponse(
            f"Datumet ska skrivas ÅÅÅÅ-MM-DD och ligga i {ar}.",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    rader, datum = selectors.saldolista(ar, per)
    if datum is None:
        raise Http404(f"Det finns inget importerat utfall för {ar}.")
    response = HttpResponse(
        rapporter.saldolista_csv(rader).encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="saldolista-{ar}-{datum.isoformat()}.csv"'
    )
    return response


@require_POST
def konto_mappa(request):
    _require(permissions.can_edit_ekonomi(request.user))
    form = MappaForm(request.POST)
    if form.is_valid():
        try:
            services.konto_mappa(
                actor=request.user, konto=form.cleaned_data["konto"], post=form.cleaned_data["post"]
            )
        except services.Fel as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                f"Konto {form.cleaned_data['konto']} hör nu till {form.cleaned_data['post'].namn}.",
            )
    else:
        messages.error(request, "Välj en budgetpost.")
    return redirect(f"{reverse('ekonomi_konton')}?ar={request.POST.get('ar', '')}")


@require_http_methods(["GET", "POST"])
def prognos(request, ar: int):
    _require(permissions.can_edit_ekonomi(request.user))
    r = selectors.rapport(ar)
    imp = selectors.utfallsimport(ar)
    dagar = 366 if calendar.isleap(ar) else 365
    andel = Decimal(imp.per.timetuple().tm_yday) / dagar if imp else None
    poster = []
    forslag = {}
    for g in r.grupper:
        for rad in g.rader:
            poster.append((rad.post, rad.prognos))
            forslag[rad.post.pk] = (
                rad.budget,
                kronor(rad.utfall / andel) if andel and rad.utfall else None,
            )
    # "Utgå från budgeten / uppräknat utfall" fills the form with a suggestion to accept or edit.
    val = request.GET.get("forslag")
    if val in ("budget", "utfall"):
        index = 0 if val == "budget" else 1
        poster = [
            (post, forslag[post.pk][index] if forslag[post.pk][index] is not None else p)
            for post, p in poster
        ]
    form = PrognosForm(request.POST or None, poster=poster)
    if request.method == "POST" and form.is_valid():
        antal = services.prognos_spara(actor=request.user, ar=ar, belopp=form.belopp())
        messages.success(request, f"Prognosen är sparad ({antal} poster ändrade).")
        return redirect("ekonomi_prognos", ar=ar)
    rader = [(form[f"post_{post.pk}"], post, *forslag[post.pk]) for post, _p in poster]
    return render(
        request,
        "ekonomi/prognos.html",
        {"ar": ar, "form": form, "rader": rader, "imp": imp},
        status=INVALID if form.errors else 200,
    )


@require_GET
def post_detail(request, ar: int, pk: int):
    _require(permissions.can_view_ekonomi(request.user))
    post = get_object_or_404(
        Budgetpost.objects.select_related("insats").prefetch_related("konton"), pk=pk
    )
    imp = selectors.utfallsimport(ar)
    if imp is None and not post.konton.exists():
        raise Http404
    transaktioner = (
        Transaktion.objects.filter(
            utfallsimport=imp, konto__in=[k.nummer for k in post.konton.all()]
        ).order_by("datum", "pk")[:500]
        if imp
        else []
    )
    beviljningar = (
        Beviljning.objects.filter(insats=post.insats, ar=ar).select_related(
            "paragraf__protokoll__mote"
        )
        if post.insats_id
        else []
    )
    return render(
        request,
        "ekonomi/post.html",
        {
            "ar": ar,
            "post": post,
            "imp": imp,
            "transaktioner": transaktioner,
            "beviljningar": beviljningar,
        },
    )


@require_http_methods(["GET", "POST"])
def budget(request, ar: int):
    """The year's budget versions; the kansli edits a förslag, fastställer it in a paragraph,
    or starts a revised version. A fastställd version is locked."""
    _require(permissions.can_view_ekonomi(request.user))
    va = get_object_or_404(Verksamhetsar, ar=ar)
    versioner = list(va.versioner.select_related("paragraf__protokoll__mote").order_by("nummer"))
    try:
        vald = (
            next(v for v in versioner if str(v.pk) == request.GET.get("version"))
            if request.GET.get("version")
            else None
        )
    except StopIteration:
        vald = None
    version = vald or selectors.budgetversion(ar)
    if request.method == "POST":
        _require(permissions.can_edit_ekonomi(request.user))
        version_pk = request.POST.get("version", "")
        if not version_pk.isdigit():
            raise Http404
        version = get_object_or_404(Budgetversion, pk=version_pk, ar=va)
        try:
            _budget_post(request, version)
        except services.Fel as exc:
            for f in exc.fel:
                messages.error(request, f)
        return redirect(
            f"{reverse('ekonomi_budget', args=[ar])}?version={request.POST.get('ny_version_pk') or version.pk}"
        )
    rader = {r.post_id: r for r in version.rader.all()} if version else {}
    poster = list(Budgetpost.objects.order_by("grupp", "ordning", "namn"))
    from moten.models import Paragraf

    return render(
        request,
        "ekonomi/budget.html",
        {
            "ar": ar,
            "va": va,
            "versioner": versioner,
            "version": version,
            "rader": [(p, rader.get(p.pk)) for p in poster],
            "summa": sum(r.belopp for r in rader.values()),
            "kan_andra": permissions.can_edit_ekonomi(request.user),
            "paragrafer": Paragraf.objects.filter(organ__typ="styrelse", nummer__isnull=False)
            .select_related("protokoll__mote")
            .order_by("-protokoll__mote__datum", "-nummer")[:100],
        },
    )


def _budget_post(request, version: Budgetversion) -> None:
    atgard = request.POST.get("atgard")
    if atgard == "spara":
        rader = {}
        for post in Budgetpost.objects.all():
            values = [
                request.POST.get(f"{f}_{post.pk}", "").strip().replace(" ", "")
                for f in ("belopp", "plan1", "plan2")
            ]
            if not any(values):
                continue
            try:
                tal = [int(v) if v else None for v in values]
            except ValueError as exc:
                raise services.Fel(f"{post.namn}: belopp skrivs i hela kronor.") from exc
            rader[post] = tuple(tal)
        services.budgetrader_spara(actor=request.user, version=version, rader=rader)
        messages.success(request, "Budgeten är sparad.")
    elif atgard == "ny_version":
        ny = services.budgetversion_ny(
            actor=request.user, fran=version, namn=f"Reviderad budget {version.ar.ar}"
        )
        request.POST = request.POST.copy()
        request.POST["ny_version_pk"] = str(ny.pk)
        messages.success(request, f"Version {ny.nummer} är skapad som förslag.")
    elif atgard == "faststall":
        from moten.models import Paragraf

        paragraf = Paragraf.objects.filter(
            pk=int(request.POST["paragraf"]) if request.POST.get("paragraf", "").isdigit() else 0,
            nummer__isnull=False,
        ).first()
        if paragraf is None:
            raise services.Fel("Välj paragrafen där styrelsen fastställde budgeten.")
        services.budgetversion_faststall(actor=request.user, version=version, paragraf=paragraf)
        messages.success(request, f"Budgeten är fastställd i § {paragraf.nummer}.")
    elif atgard == "medelstilldelning":
        try:
            stat = int(request.POST.get("statens_belopp", "").replace(" ", ""))
        except ValueError as exc:
            raise services.Fel("Ange statens medelstilldelning i hela kronor.") from exc
        rader = services.medelstilldelning_bokfor(
            actor=request.user, version=version, statens_belopp=stat
        )
        messages.success(
            request,
            "Medelstilldelningen är bokförd: "
            + ", ".join(f"{n} {b:,} kr".replace(",", " ") for n, b in rader),
        )
    elif atgard == "insatsposter":
        antal = services.insatsposter_fran_beviljningar(actor=request.user, version=version)
        messages.success(request, f"{antal} insatsposter har belopp från beviljningarna.")
    else:
        raise services.Fel("Okänd åtgärd.")


# --- Rapporter: index, verksamhetsrapporter ----------------------------------------------


@require_GET
def rapporter_index(request):
    """The reports the förbund writes: verksamhetsrapporter, arrangemang, behovsanalys."""
    from insatser import permissions as insats_permissions
    from insatser.models import Arrangemang

    from .models import Verksamhetsrapport

    _require(permissions.can_view_rapporter(request.user))
    return render(
        request,
        "rapporter/index.html",
        {
            "rapporter": Verksamhetsrapport.objects.select_related(
                "paragraf__protokoll__mote"
            ).order_by("-till", "typ", "-utgava"),
            "arrangemang_ar": [
                d.year for d in Arrangemang.objects.dates("startdatum", "year", order="DESC")
            ]
            if insats_permissions.can_view_arrangemang(request.user)
            else [],
            "kan_se_arrangemang": insats_permissions.can_view_arrangemang(request.user),
            "kan_andra": permissions.can_edit_rapporter(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def verksamhetsrapport_create(request):
    from .forms import VerksamhetsrapportForm

    _require(permissions.can_edit_rapporter(request.user))
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
    from .models import Verksamhetsrapport

    _require(permissions.can_view_rapporter(request.user))
    return get_object_or_404(
        Verksamhetsrapport.objects.select_related("paragraf__protokoll__mote", "foregaende"),
        pk=pk,
    )


@require_GET
def verksamhetsrapport_detail(request, pk: int):
    from moten.models import Paragraf

    from . import verksamhetsrapport as vr
    from .models import Verksamhetsrapport

    rapport = _rapport(request, pk)
    kan_andra = permissions.can_edit_rapporter(request.user)
    utgavor = list(
        Verksamhetsrapport.objects.filter(
            typ=rapport.typ, fran=rapport.fran, till=rapport.till
        ).order_by("utgava")
    )
    context = vr.kontext(rapport) | {
        "utgavor": utgavor,
        "kan_andra": kan_andra and not rapport.last,
        "kan_ny_utgava": kan_andra
        and rapport.last
        and not any(u.status == Verksamhetsrapport.Status.UTKAST for u in utgavor),
        "paragrafer": Paragraf.objects.filter(
            organ__typ="styrelse",
            nummer__isnull=False,
            protokoll__mote__datum__gte=rapport.till,
        )
        .select_related("protokoll__mote")
        .order_by("-protokoll__mote__datum", "-nummer")[:100]
        if kan_andra and not rapport.last
        else [],
    }
    return render(request, "rapporter/verksamhetsrapport.html", context)


@require_http_methods(["GET", "POST"])
def rapportavsnitt_edit(request, pk: int, nyckel: str):
    """One section's text. A second save of a section someone else has changed is refused
    (409) with both texts shown; an approved edition is refused with a message."""
    from . import verksamhetsrapport as vr
    from .forms import AvsnittForm

    _require(permissions.can_edit_rapporter(request.user))
    rapport = _rapport(request, pk)
    avsnitt = get_object_or_404(rapport.avsnitt, nyckel=nyckel)
    if rapport.last:
        messages.error(request, str(services._las_fel(rapport)))
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
                services.rapportavsnitt_spara(
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
                return render(request, "rapporter/avsnitt_form.html", context, status=409)
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
    from moten.models import Paragraf

    _require(permissions.can_edit_rapporter(request.user))
    rapport = _rapport(request, pk)
    paragraf = (
        Paragraf.objects.select_related("organ", "protokoll__mote")
        .filter(
            pk=int(request.POST["paragraf"]) if request.POST.get("paragraf", "").isdigit() else 0
        )
        .first()
    )
    if paragraf is None:
        messages.error(request, "Välj paragrafen där styrelsen godkände rapporten.")
        return redirect("verksamhetsrapport_detail", pk=rapport.pk)
    try:
        services.verksamhetsrapport_godkann(actor=request.user, rapport=rapport, paragraf=paragraf)
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
    _require(permissions.can_edit_rapporter(request.user))
    rapport = _rapport(request, pk)
    try:
        ny = services.verksamhetsrapport_ny_utgava(actor=request.user, fran=rapport)
    except services.Fel as exc:
        messages.error(request, str(exc))
        return redirect("verksamhetsrapport_detail", pk=rapport.pk)
    messages.success(request, f"Utgåva {ny.utgava} är skapad som utkast.")
    return redirect("verksamhetsrapport_detail", pk=ny.pk)


def _filnamn(rapport) -> str:
    from django.utils.text import slugify

    return f"{slugify(rapport.titel)}-utgava-{rapport.utgava}"


@require_GET
def verksamhetsrapport_pdf(request, pk: int):
    from . import verksamhetsrapport as vr

    rapport = _rapport(request, pk)
    data = render_pdf("rapporter/pdf/verksamhetsrapport.html", vr.kontext(rapport))
    return pdf_response(data, f"{_filnamn(rapport)}.pdf")


@require_GET
def verksamhetsrapport_html(request, pk: int):
    """The report as one plain HTML file that Word opens and edits (no scripts, no styles
    beyond table borders)."""
    from django.template.loader import render_to_string

    from . import verksamhetsrapport as vr

    rapport = _rapport(request, pk)
    html = render_to_string("rapporter/word.html", vr.kontext(rapport))
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filnamn(rapport)}.html"'
    return response


@require_GET
def verksamhetsrapport_docx(request, pk: int):
    from . import rapport_docx
    from . import verksamhetsrapport as vr

    rapport = _rapport(request, pk)
    response = HttpResponse(
        rapport_docx.docx(vr.kontext(rapport)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filnamn(rapport)}.docx"'
    return response
