"""Ekonomi: the styrelse's dashboard, the budget follow-up, utfall import, mapping, prognos."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forbund import charts
from forbund.selectors import forbund_get
from forbund.svar import pdf_response, render_pdf, xlsx_response
from insatser.models import Beviljning, Utbetalning

from . import permissions, rapporter, selectors, services
from .forms import ImportForm, MappaForm, PrognosForm
from .models import Budgetpost, Budgetversion, Konto, Transaktion, Verksamhetsar

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
            ("Budget", [round(s.budget / 1000) for _n, s in grupper]),
            ("Utfall", [round(s.utfall / 1000) for _n, s in grupper]),
            ("Prognos", [round((s.prognos or 0) / 1000) for _n, s in grupper]),
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
                ("Utfall", [round(v / 1000) for v in kumulativ]),
                ("Jämn budget", [round(v / 1000) for v in jamn]),
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
    _require(permissions.can_edit_ekonomi(request.user))
    form = ImportForm(request.POST or None, request.FILES or None, initial={"ar": _standardar()})
    context = {"form": form, "fel": [], "resultat": None}
    if request.method == "POST":
        if form.is_valid():
            fil = form.cleaned_data["fil"]
            try:
                resultat = services.utfall_import(
                    actor=request.user,
                    data=fil.read(),
                    filnamn=fil.name,
                    ar=form.cleaned_data["ar"],
                    per=form.cleaned_data["per"],
                )
            except services.Fel as exc:
                context["fel"] = exc.fel
                return render(request, "ekonomi/import.html", context, status=INVALID)
            context["resultat"] = resultat
            return render(request, "ekonomi/import.html", context)
        return render(request, "ekonomi/import.html", context, status=INVALID)
    return render(request, "ekonomi/import.html", context)


@require_GET
def konton(request):
    """Accounts with this year's transactions that map to no budget post: map them here,
    nothing is dropped silently."""
    _require(permissions.can_edit_ekonomi(request.user))
    ar_text = request.GET.get("ar") or ""
    ar = int(ar_text) if ar_text.isdigit() else _standardar()
    omappade = services.omappade_konton(ar)
    kontoplan = {k.nummer: k.namn for k in Konto.objects.filter(nummer__in=omappade)}
    summor = dict(
        Transaktion.objects.filter(utfallsimport=selectors.utfallsimport(ar), konto__in=omappade)
        .values_list("konto")
        .annotate(s=Sum("belopp"))
    )
    return render(
        request,
        "ekonomi/konton.html",
        {
            "ar": ar,
            "rader": [(k, kontoplan.get(k, ""), summor.get(k)) for k in omappade],
            "poster": Budgetpost.objects.order_by("grupp", "ordning"),
        },
    )


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
    andel = (imp.per.timetuple().tm_yday / (366 if ar % 4 == 0 else 365)) if imp else None
    poster = []
    forslag = {}
    for g in r.grupper:
        for rad in g.rader:
            poster.append((rad.post, rad.prognos))
            forslag[rad.post.pk] = (
                rad.budget,
                round(rad.utfall / andel) if andel and rad.utfall else None,
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
        if request.POST.get("atgard") == "spara":
            # The budget's figures: every error at once, on the page, with what was typed.
            rader, fel = _budget_inskrivet(request.POST)
            if not fel:
                try:
                    services.budgetrader_spara(actor=request.user, version=version, rader=rader)
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
    for post in Budgetpost.objects.all():
        values = [
            data.get(f"{namn}_{post.pk}", "").strip().replace(" ", "") for _k, namn in BUDGETFALT
        ]
        if not any(values):
            continue
        tal = []
        for (kort, _namn), v in zip(BUDGETFALT, values, strict=True):
            if v and not v.lstrip("-").isdigit():
                fel[f"{kort}{post.pk}"] = (post, f"{post.namn}: belopp skrivs i hela kronor.")
            elif v and int(v) < 0:
                fel[f"{kort}{post.pk}"] = (post, f"{post.namn}: beloppet kan inte vara negativt.")
            tal.append(int(v) if v and v.lstrip("-").isdigit() else None)
        rader[post] = tuple(tal)
    return rader, fel


def _budget_sida(request, ar, va, versioner, version, *, fel=None):
    stored = {r.post_id: r for r in version.rader.all()} if version else {}
    poster = list(Budgetpost.objects.order_by("grupp", "ordning", "namn"))
    fel = fel or {}
    rader = []
    for p in poster:
        if fel:
            # What was typed, as typed.
            varden = {k: request.POST.get(f"{namn}_{p.pk}", "") for k, namn in BUDGETFALT}
        else:
            rad = stored.get(p.pk)
            varden = {k: getattr(rad, namn, None) for k, namn in BUDGETFALT}
            varden = {k: "" if v is None else v for k, v in varden.items()}
        radfel = {k: fel[f"{k}{p.pk}"][1] for k, _n in BUDGETFALT if f"{k}{p.pk}" in fel}
        rader.append((p, stored.get(p.pk), varden, radfel))
    from moten.models import Paragraf

    return render(
        request,
        "ekonomi/budget.html",
        {
            "ar": ar,
            "va": va,
            "versioner": versioner,
            "version": version,
            "rader": rader,
            "budgetfel": [
                {"text": text, "href": f"#{falt}" if post else ""}
                for falt, (post, text) in fel.items()
            ],
            "summa": sum(r.belopp for r in stored.values()),
            "kan_andra": permissions.can_edit_ekonomi(request.user),
            "paragrafer": Paragraf.objects.filter(organ__typ="styrelse", nummer__isnull=False)
            .select_related("protokoll__mote")
            .order_by("-protokoll__mote__datum", "-nummer")[:100],
        },
        status=INVALID if fel else 200,
    )


def _budget_post(request, version: Budgetversion) -> None:
    atgard = request.POST.get("atgard")
    if atgard == "ny_version":
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
