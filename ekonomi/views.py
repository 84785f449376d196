"""Ekonomi: the styrelse's dashboard, the budget follow-up, utfall import, mapping, prognos."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forbund import charts
from forbund.formatting import kronor, tkr
from forbund.http import INVALID, csv_response, per_format, render_pdf, require
from forbund.selectors import forbund_get
from insatser import selectors as insats_selectors
from moten import selectors as moten_selectors
from moten.forms import BeslutsparagrafForm

from . import export, permissions, selectors, services
from .forms import BekraftaForm, ImportForm, MappaForm, PrognosForm
from .models import Budgetpost, Budgetversion, Importutkast, Konto, Transaktion, Verksamhetsar


def _per(request) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET["per"]) if request.GET.get("per") else None
    except ValueError:
        return None


def _standardar() -> int:
    return selectors.standardar()


def _ar_param(request) -> int:
    """The year asked for (four digits), else the latest year with utfall."""
    text = request.GET.get("ar") or ""
    return int(text) if text.isdigit() and len(text) == 4 else _standardar()


@require_GET
def dashboard(request):
    """The board's economy at a glance: the year's three figures, the costs month by month
    against the budget's pace, resultat and eget kapital against the ceiling, the groups,
    the medelstilldelning per part and per insats what was granted, paid and booked. Each
    chart has its figures in a table, in the same unit."""
    require(permissions.can_view_ekonomi(request.user))
    ar = _ar_param(request)
    r = selectors.rapport(ar)
    grupper = [(g.namn, g.summa or r.intakter) for g in r.grupper]
    diagram_grupper = charts.staplar(
        ident="grupper",
        titel=f"Budget, utfall och prognos per grupp {ar}, tkr",
        kategorier=[namn for namn, _s in grupper],
        serier=[
            ("Budget", [int(tkr(s.budget, 0)) for _n, s in grupper]),
            ("Utfall", [int(tkr(s.utfall, 0)) for _n, s in grupper]),
            ("Prognos", [int(tkr(s.prognos or 0, 0)) for _n, s in grupper]),
        ],
        hojd=260,
    )
    manader = selectors.utfall_per_manad(ar, r)
    diagram_manad = (
        charts.linjer(
            ident="manad",
            titel=f"Kostnader hittills {ar} mot budgetens takt, tkr",
            kategorier=[m.manad for m in manader],
            serier=[
                (
                    "Utfall hittills",
                    [None if m.hittills is None else int(tkr(m.hittills, 0)) for m in manader],
                ),
                ("Budget i jämn takt", [int(tkr(m.takt, 0)) for m in manader]),
            ],
            decimaler=0,
        )
        if r.per
        else None
    )
    intakter = next((g.rader for g in r.grupper if g.grupp == "intakter"), [])
    context = {
        "ar": ar,
        "r": r,
        "nyckeltal": selectors.nyckeltal(ar, r),
        "grupper": grupper,
        "diagram_grupper": diagram_grupper,
        "diagram_manad": diagram_manad,
        "manader": manader,
        "medelstilldelning": [
            {
                "namn": rad.namn,
                "budget": rad.budget,
                "utfall": rad.utfall,
                "andel": Decimal(rad.budget) / r.intakter.budget if r.intakter.budget else None,
            }
            for rad in intakter
        ],
        "insatser": _insatsrader(ar, r),
        "ar_lista": sorted({*selectors.ar_med_data(), ar}, reverse=True),
        "kan_andra": permissions.can_edit_ekonomi(request.user),
        "omappade": services.omappade_konton(ar)
        if permissions.can_edit_ekonomi(request.user)
        else [],
    }
    return render(request, "ekonomi/dashboard.html", context)


def _insatsrader(ar: int, r: selectors.Rapport) -> list[dict]:
    """Per insats: granted and paid out of the year's grants (insatser's one sum,
    pengar_per_insats), and its budget line's utfall and prognos. Every insats with a grant
    or a budget line in the year, by name."""
    poster = {rad.post.insats_id: rad for g in r.grupper for rad in g.rader if rad.post.insats_id}
    pengar = insats_selectors.pengar_per_insats(ar)
    rader = []
    for insats_id in {*poster, *pengar}:
        rad, p = poster.get(insats_id), pengar.get(insats_id)
        rader.append(
            {
                "insats_id": insats_id,
                "namn": rad.namn if rad else p.namn,
                "beviljat": p.beviljat if p else 0,
                "utbetalt": p.utbetalt if p else 0,
                "utfall": rad.utfall if rad else None,
                "prognos": rad.prognos if rad else None,
                "post": rad.post if rad else None,
            }
        )
    return sorted(rader, key=lambda x: x["namn"].lower())


def _rapport_svar(request, ar: int, *, tkr: bool, template: str, titel: str):
    require(permissions.can_view_ekonomi(request.user))
    r = selectors.rapport(ar, per=_per(request))
    context = {
        "r": r,
        "ar": ar,
        "tkr": tkr,
        "titel": titel,
        "forbund": forbund_get(),
        "insatser": _insatsrader(ar, r),
    }
    return per_format(
        request,
        template=template,
        context=context,
        filnamn=f"{'budgetuppfoljning' if tkr else 'ekonomiskt-utfall'}-{ar}",
        pdf=lambda: render_pdf("ekonomi/pdf/rapport.html", context),
        xlsx=lambda: export.som_xlsx(r, tkr=tkr),
        csv=lambda: export.som_csv(r, tkr=tkr),
    )


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
    require(permissions.can_edit_ekonomi(request.user))
    form = ImportForm(request.POST or None, request.FILES or None, initial={"ar": _standardar()})
    context = {"form": form, "fel": [], "resultat": None}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "ekonomi/import.html", context, status=INVALID)
        fil = form.cleaned_data["fil"]
        try:
            utkast, granskning = services.importutkast_create(
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
    require(permissions.can_edit_ekonomi(request.user))
    utkast = get_object_or_404(Importutkast, pk=pk)
    if request.method == "POST" and request.POST.get("atgard") == "avbryt":
        services.importutkast_delete(actor=request.user, utkast=utkast)
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
    require(permissions.can_edit_ekonomi(request.user))
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
    require(permissions.can_view_ekonomi(request.user))
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
    return csv_response(
        export.saldolista_csv(rader).encode("utf-8-sig"),
        f"saldolista-{ar}-{datum.isoformat()}.csv",
    )


@require_POST
def konto_mappa(request):
    require(permissions.can_edit_ekonomi(request.user))
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
    require(permissions.can_edit_ekonomi(request.user))
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
        antal = services.prognos_save(actor=request.user, ar=ar, belopp=form.belopp())
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
    require(permissions.can_view_ekonomi(request.user))
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
    beviljningar = insats_selectors.beviljningar_for(post.insats_id, ar) if post.insats_id else []
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
    require(permissions.can_view_ekonomi(request.user))
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
        require(permissions.can_edit_ekonomi(request.user))
        version_pk = request.POST.get("version", "")
        if not version_pk.isdigit():
            raise Http404
        version = get_object_or_404(Budgetversion, pk=version_pk, ar=va)
        if request.POST.get("atgard") == "spara":
            # The budget's figures: every error at once, on the page, with what was typed.
            rader, fel = _budget_inskrivet(request.POST)
            if not fel:
                try:
                    services.budgetrader_save(actor=request.user, version=version, rader=rader)
                except services.Fel as exc:
                    fel = {f"fel{i}": (None, f) for i, f in enumerate(exc.fel)}
                else:
                    messages.success(request, "Budgeten är sparad.")
                    return redirect(f"{reverse('ekonomi_budget', args=[ar])}?version={version.pk}")
            return _budget_sida(request, ar, va, versioner, version, fel=fel)
        try:
            _budget_post(request, version)
        except services.Fel as exc:
            for f in exc.fel:
                messages.error(request, f)
        return redirect(
            f"{reverse('ekonomi_budget', args=[ar])}?version={request.POST.get('ny_version_pk') or version.pk}"
        )
    return _budget_sida(request, ar, va, versioner, version)


BUDGETFALT = (("b", "belopp"), ("p1", "plan1"), ("p2", "plan2"))


def _budget_inskrivet(data) -> tuple[dict, dict[str, tuple]]:
    """The typed budget rows as numbers, and the errors by field id (b12, p1_12, …)."""
    rader, fel = {}, {}
    for post in Budgetpost.objects.select_related("insats"):
        values = [
            data.get(f"{namn}_{post.pk}", "").strip().replace(" ", "") for _k, namn in BUDGETFALT
        ]
        if not any(values):
            continue
        tal = []
        for (kort, _namn), v in zip(BUDGETFALT, values, strict=True):
            if v and not v.lstrip("-").isdigit():
                fel[f"{kort}{post.pk}"] = (
                    post,
                    f"{post.visningsnamn}: belopp skrivs i hela kronor.",
                )
            elif v and int(v) < 0:
                fel[f"{kort}{post.pk}"] = (
                    post,
                    f"{post.visningsnamn}: beloppet kan inte vara negativt.",
                )
            tal.append(int(v) if v and v.lstrip("-").isdigit() else None)
        rader[post] = tuple(tal)
    return rader, fel


def _budget_sida(request, ar, va, versioner, version, *, fel=None):
    kan_andra = permissions.can_edit_ekonomi(request.user)
    redigerbar = bool(version and kan_andra and version.status != Budgetversion.Status.FASTSTALLD)
    trad = selectors.budgettrad(version, alla_poster=redigerbar)
    fel = fel or {}
    grupper = []
    for g in trad.grupper:
        rader = []
        for p, rad in g.poster:
            if fel:
                # What was typed, as typed.
                varden = {k: request.POST.get(f"{namn}_{p.pk}", "") for k, namn in BUDGETFALT}
            else:
                varden = {k: getattr(rad, namn, None) for k, namn in BUDGETFALT}
                varden = {k: "" if v is None else v for k, v in varden.items()}
            radfel = {k: fel[f"{k}{p.pk}"][1] for k, _n in BUDGETFALT if f"{k}{p.pk}" in fel}
            rader.append((p, rad, varden, radfel))
        grupper.append((g, rader))
    return render(
        request,
        "ekonomi/budget.html",
        {
            "ar": ar,
            "va": va,
            "versioner": versioner,
            "version": version,
            "grupper": grupper,
            "trad": trad,
            "redigerbar": redigerbar,
            "budgetfel": [
                {"text": text, "href": f"#{falt}" if post else ""}
                for falt, (post, text) in fel.items()
            ],
            "kan_andra": kan_andra,
            "paragrafer": moten_selectors.beslutsparagrafer()[:100],
        },
        status=INVALID if fel else 200,
    )


def _budget_post(request, version: Budgetversion) -> None:
    atgard = request.POST.get("atgard")
    if atgard == "ny_version":
        ny = services.budgetversion_ny_version(
            actor=request.user, fran=version, namn=f"Reviderad budget {version.ar.ar}"
        )
        request.POST = request.POST.copy()
        request.POST["ny_version_pk"] = str(ny.pk)
        messages.success(request, f"Version {ny.nummer} är skapad som förslag.")
    elif atgard == "faststall":
        form = BeslutsparagrafForm(request.POST)
        if not form.is_valid():
            raise services.Fel("Välj paragrafen där styrelsen fastställde budgeten.")
        paragraf = form.cleaned_data["paragraf"]
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
        antal = services.insatsposter_from_beviljningar(actor=request.user, version=version)
        messages.success(request, f"{antal} insatsposter har belopp från beviljningarna.")
    else:
        raise services.Fel("Okänd åtgärd.")
