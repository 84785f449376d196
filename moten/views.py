"""Meetings, dagordning, the protocol editor, justering, anslag and the beslutsregister."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forbund import sidindelning as sid
from forbund.fel import Fel
from forbund.http import (
    CONFLICT,
    INVALID,
    fast_svar,
    felaktig_begaran,
    fil_response,
    pdf_response,
    require,
)
from forbund.models import Organ, Person, Roll, Uppdrag
from forbund.selectors import forbund_get, kalenderlank_get

from . import dokument, ical, kalender, kontroller, permissions, selectors, services
from .forms import (
    AnslagForm,
    AterkallaForm,
    AvslutaUppdragForm,
    DagordningspunktForm,
    HandlingForm,
    JusteraForm,
    JusteraParagrafForm,
    KommentarForm,
    MoteForm,
    NarvaroFormSet,
    NumreraForm,
    OmrostningForm,
    ParagrafForm,
    UppdragForm,
)
from .models import (
    Beslutsuppdrag,
    Dagordningspunkt,
    Handling,
    Justeringskommentar,
    Mote,
    Narvaro,
    Omrostning,
    Paragraf,
    Protokoll,
)


def _get_mote_for_user(request, pk: int, *, edit: bool = False) -> Mote:
    """The meeting if this user may see it (edit: change it); a 404 otherwise."""
    mote = get_object_or_404(Mote.objects.select_related("organ", "protokoll"), pk=pk)
    allowed = (
        permissions.can_edit_mote(request.user, mote)
        if edit
        else permissions.can_view_mote(request.user, mote)
    )
    if not allowed:
        raise Http404
    return mote


def _sparr_fel(protokoll: Protokoll) -> services.ProtokollSparrat:
    if protokoll.status == Protokoll.Status.FARDIGT:
        return services.ProtokollFast(services.FARDIGT_MEDDELANDE)
    return services.ProtokollFast(services.SPARR_MEDDELANDE)


def _sparrad(request, exc: services.ProtokollSparrat, to: str):
    """A change to a justerat or färdigt protocol (it is locked for good): 409 with the reason
    and nothing changed. Opening an edit page of one, or any other refusal (the wrong step of
    the flow), goes back with the reason."""
    if isinstance(exc, services.ProtokollFast) and request.method != "GET":
        return fast_svar(request, exc, to)
    messages.error(request, str(exc))
    return redirect(to)


# --- Meetings ---------------------------------------------------------------------------


@require_GET
def mote_list(request):
    require(permissions.can_view_motesregister(request.user))
    moten = list(selectors.moten_for(request.user).order_by("-datum")[:200])
    return render(
        request,
        "moten/mote_list.html",
        {
            "moten": moten,
            "kan_skapa": permissions.can_create_mote(request.user),
            "att_justera": list(selectors.att_justera_for(request.user)),
            "att_justera_omedelbart": list(selectors.att_justera_omedelbart_for(request.user)),
        },
    )


@require_http_methods(["GET", "POST"])
def mote_create(request):
    require(permissions.can_create_mote(request.user))
    styrelsen = Organ.objects.filter(typ=Organ.Typ.STYRELSE).first()
    form = MoteForm(request.POST or None, initial={"organ": styrelsen})
    if request.method == "POST":
        if form.is_valid():
            mote = services.mote_create(actor=request.user, **form.cleaned_data)
            messages.success(request, "Mötet är skapat med standarddagordningen.")
            return redirect("mote_detail", pk=mote.pk)
        return render(request, "moten/mote_form.html", {"form": form}, status=INVALID)
    return render(request, "moten/mote_form.html", {"form": form})


@require_GET
def mote_detail(request, pk: int):
    mote = _get_mote_for_user(request, pk)
    context = {
        "mote": mote,
        "protokoll": mote.protokoll,
        "dagordning": mote.dagordning.prefetch_related("handlingar").order_by("ordning", "pk"),
        "handlingar": mote.handlingar.all(),
        "kan_andra": permissions.can_edit_mote(request.user, mote),
        "dagordning_sparrad": mote.protokoll.status != Protokoll.Status.UTKAST,
        "mottagare": services.kallelse_mottagare(mote),
        "uppfoljning": list(selectors.uppdrag_for_mote(mote)),
        "today": timezone.localdate(),
    }
    return render(request, "moten/mote_detail.html", context)


@require_POST
def mote_installt(request, pk: int):
    """Mark a meeting that did not take place as inställt (or undo it)."""
    mote = _get_mote_for_user(request, pk, edit=True)
    installt = request.POST.get("installt") != "nej"
    try:
        services.mote_installa(actor=request.user, mote=mote, installt=installt)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("mote_detail", args=[mote.pk]))
    else:
        messages.success(
            request,
            "Mötet är markerat som inställt: det numreras inte och håller inte upp de senare."
            if installt
            else "Mötet är inte längre markerat som inställt.",
        )
    return redirect("mote_detail", pk=mote.pk)


@require_http_methods(["GET", "POST"])
def mote_edit(request, pk: int):
    mote = _get_mote_for_user(request, pk, edit=True)
    form = MoteForm(request.POST or None, instance=mote)
    context = {"form": form, "mote": mote}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.mote_update(actor=request.user, mote=mote, **form.cleaned_data)
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("mote_detail", args=[mote.pk]))
            return redirect("mote_detail", pk=mote.pk)
        return render(request, "moten/mote_form.html", context, status=INVALID)
    return render(request, "moten/mote_form.html", context)


@require_http_methods(["GET", "POST"])
def punkt_create(request, pk: int):
    mote = _get_mote_for_user(request, pk, edit=True)
    form = DagordningspunktForm(request.POST or None)
    context = {"form": form, "mote": mote}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.dagordningspunkt_create(actor=request.user, mote=mote, **form.cleaned_data)
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("mote_detail", args=[mote.pk]))
            return redirect(reverse("mote_detail", args=[mote.pk]) + "#dagordning")
        return render(request, "moten/punkt_form.html", context, status=INVALID)
    return render(request, "moten/punkt_form.html", context)


def _get_punkt(request, pk: int) -> Dagordningspunkt:
    punkt = get_object_or_404(Dagordningspunkt.objects.select_related("mote__protokoll"), pk=pk)
    _get_mote_for_user(request, punkt.mote_id, edit=True)
    return punkt


@require_http_methods(["GET", "POST"])
def punkt_edit(request, pk: int):
    punkt = _get_punkt(request, pk)
    form = DagordningspunktForm(request.POST or None, instance=punkt)
    context = {"form": form, "mote": punkt.mote, "punkt": punkt}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.dagordningspunkt_update(
                    actor=request.user, punkt=punkt, **form.cleaned_data
                )
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("mote_detail", args=[punkt.mote_id]))
            return redirect(reverse("mote_detail", args=[punkt.mote_id]) + "#dagordning")
        return render(request, "moten/punkt_form.html", context, status=INVALID)
    return render(request, "moten/punkt_form.html", context)


@require_POST
def punkt_delete(request, pk: int):
    punkt = _get_punkt(request, pk)
    try:
        services.dagordningspunkt_delete(actor=request.user, punkt=punkt)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("mote_detail", args=[punkt.mote_id]) + "#dagordning")
    return redirect(reverse("mote_detail", args=[punkt.mote_id]) + "#dagordning")


@require_POST
def punkt_move(request, pk: int):
    punkt = _get_punkt(request, pk)
    steg = -1 if request.POST.get("riktning") == "upp" else 1
    try:
        services.dagordningspunkt_move(actor=request.user, punkt=punkt, steg=steg)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("mote_detail", args=[punkt.mote_id]) + "#dagordning")
    return redirect(reverse("mote_detail", args=[punkt.mote_id]) + "#dagordning")


@require_http_methods(["GET", "POST"])
def handling_upload(request, pk: int):
    mote = _get_mote_for_user(request, pk, edit=True)
    form = HandlingForm(request.POST or None, request.FILES or None, mote=mote)
    context = {"form": form, "mote": mote}
    if request.method == "POST":
        if form.is_valid():
            try:
                handling = services.handling_create(
                    actor=request.user,
                    mote=mote,
                    titel=form.cleaned_data["titel"],
                    filnamn=form.cleaned_data["fil"].name,
                    data=form.data_bytes,
                    dagordningspunkt=form.cleaned_data["dagordningspunkt"],
                    i_protokollet=form.cleaned_data["i_protokollet"],
                    publik=form.cleaned_data["publik"],
                )
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("mote_detail", args=[mote.pk]))
            messages.success(request, f"Bilaga {handling.nummer} är uppladdad.")
            return redirect(reverse("mote_detail", args=[mote.pk]) + "#handlingar")
        return render(request, "moten/handling_form.html", context, status=INVALID)
    return render(request, "moten/handling_form.html", context)


@require_GET
def handling_download(request, pk: int):
    handling = get_object_or_404(Handling, pk=pk)
    _get_mote_for_user(request, handling.mote_id)
    return fil_response(
        handling.fil, filnamn=handling.filnamn, filtyp=handling.filtyp, request=request
    )


@require_GET
def kallelse_pdf(request, pk: int):
    mote = _get_mote_for_user(request, pk)
    return pdf_response(
        dokument.kallelse_pdf(mote), f"kallelse-{mote.organ.namn.lower()}-{mote.datum}.pdf"
    )


@require_GET
def kallelse_ics(request, pk: int):
    """The meeting as a calendar entry (.ics), as attached to the kallelse."""
    mote = _get_mote_for_user(request, pk)
    response = HttpResponse(
        ical.kallelse_ics(mote, url=request.build_absolute_uri(reverse("mote_detail", args=[pk]))),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="kallelse-{mote.datum.isoformat()}.ics"'
    )
    return response


@require_POST
def kallelse_send(request, pk: int):
    mote = _get_mote_for_user(request, pk, edit=True)
    text = (
        f"Välkommen till {mote.organ.namn.lower()}s sammanträde {mote.datum.isoformat()}"
        f"{' kl. ' + mote.starttid.strftime('%H:%M') if mote.starttid else ''}, {mote.plats}.\n\n"
        "Kallelse med dagordning finns i bifogad PDF, och mötet som kalenderpost (.ics). "
        "Handlingarna finns i Förbundsportalen.\n"
    )
    try:
        mottagare = services.kallelse_send(
            actor=request.user,
            mote=mote,
            pdf=dokument.kallelse_pdf(mote),
            text=text,
            ics=ical.kallelse_ics(
                mote, url=request.build_absolute_uri(reverse("mote_detail", args=[pk]))
            ),
        )
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("mote_detail", args=[mote.pk]))
    if mottagare:
        messages.success(request, f"Kallelsen är skickad till {len(mottagare)} mottagare.")
    else:
        messages.error(request, "Ingen i organet har en e-postadress. Kallelsen skickades inte.")
    return redirect("mote_detail", pk=mote.pk)


# --- The protocol editor ----------------------------------------------------------------


def _get_protokoll(request, pk: int, *, edit: bool = False) -> Protokoll:
    protokoll = get_object_or_404(Protokoll.objects.select_related("mote__organ"), pk=pk)
    _get_mote_for_user(request, protokoll.mote_id, edit=edit)
    return protokoll


def _narvarande(protokoll: Protokoll) -> list[Narvaro]:
    present = [
        Narvaro.Kategori.ORDINARIE,
        Narvaro.Kategori.TJANSTGORANDE,
        Narvaro.Kategori.ERSATTARE,
    ]
    return [n for n in protokoll.narvaro.all() if n.kategori in present]


def _protokoll_context(request, protokoll: Protokoll) -> dict:
    """The protocol's document (dokument.innehall) plus what this user may do with it."""
    context = dokument.innehall(protokoll)
    mote, justerat_datum = context["mote"], context["justerat_datum"]
    justeringar = context["justeringar"]
    senast = kalender.justering_senast(mote.datum)
    kan_redigera = permissions.can_edit_mote(request.user, mote)
    context.update(
        kan_andra=kan_redigera and not protokoll.sparrat,
        kan_justera=permissions.can_justera(request.user, protokoll, justeringar),
        kan_kommentera=permissions.can_kommentera(request.user, protokoll, justeringar),
        ar_justerare=permissions.ar_justerare(request.user, justeringar),
        signerat=any(j.justerad for j in justeringar),
        justering_senast=senast,
        justerat_sent=bool(justerat_datum and justerat_datum > senast),
        kan_ansla=kan_redigera,
        kan_justera_paragrafer={
            p.pk
            for p in protokoll.paragrafer.all()
            if p.justeras_omedelbart
            and permissions.can_justera_paragraf(
                request.user, p, justeringar, p.omedelbara_justeringar.all()
            )
        },
        utkast=protokoll.status != Protokoll.Status.JUSTERAT
        and protokoll.typ == Protokoll.Typ.SAMMANTRADESPROTOKOLL,
        today=timezone.localdate(),
    )
    return context


def _aterkallelser(protokoll: Protokoll) -> list:
    """The protocol's history rows that record a justering återkallad, newest first."""
    return list(
        protokoll.history.filter(history_change_reason__startswith="Justeringarna återkallades")
        .select_related("history_user")
        .order_by("-history_date")
    )


@require_GET
def protokoll_detail(request, pk: int):
    protokoll = _get_protokoll(request, pk)
    protokoll = dokument.hamta(protokoll.pk)
    context = _protokoll_context(request, protokoll)
    context["ny_form"] = _paragraf_form(protokoll) if context["kan_andra"] else None
    context["aterkallelser"] = _aterkallelser(protokoll)
    return render(request, "moten/protokoll.html", context)


@require_GET
def protokoll_dokument(request, pk: int):
    """The whole protocol as the justerare sees it and the PDF shows it (the editor's preview;
    for a justerat protocol, the stored document)."""
    protokoll = _get_protokoll(request, pk)
    protokoll = dokument.hamta(protokoll.pk)
    return render(request, "moten/dokument.html", _protokoll_context(request, protokoll))


def _paragraf_form(
    protokoll: Protokoll, paragraf: Paragraf | None = None, data=None
) -> ParagrafForm:
    initial = None
    if paragraf is not None:
        jav = list(paragraf.jav.all())
        namn_till_pk = {n.namn: str(n.pk) for n in _narvarande(protokoll)}
        initial = {
            "version": paragraf.version,
            "rubrik": paragraf.rubrik,
            "text": paragraf.text,
            "bilagor": paragraf.bilagor,
            "beslut": "\n\n".join(a.text for a in paragraf.beslut.all()),
            "jav_beslut": [
                namn_till_pk[j.namn]
                for j in jav
                if j.omfattning == "beslut" and j.namn in namn_till_pk
            ],
            "jav_diskussion": [
                namn_till_pk[j.namn]
                for j in jav
                if j.omfattning == "diskussion" and j.namn in namn_till_pk
            ],
            "justeras_omedelbart": paragraf.justeras_omedelbart,
        }
    # Unique ids per form: an edit form and a new-paragraph form can be open on one page.
    auto_id = f"p{paragraf.pk}_%s" if paragraf is not None else f"ny{secrets.token_hex(3)}_%s"
    return ParagrafForm(data, initial=initial, narvarande=_narvarande(protokoll), auto_id=auto_id)


def _paragraf_fields(form: ParagrafForm) -> dict:
    data = form.cleaned_data
    return {
        "rubrik": data["rubrik"],
        "text": data["text"],
        "bilagor": data["bilagor"],
        "beslut": services.parse_beslut(data["beslut"]),
        "jav": form.jav(),
        "justeras_omedelbart": data["justeras_omedelbart"],
    }


def _kort(request, paragraf: Paragraf, *, status: int = 200):
    """One paragraph's card in the editor (htmx), from the same data as the document."""
    protokoll = dokument.hamta(paragraf.protokoll_id)
    context = _protokoll_context(request, protokoll)
    p, pd = next((p, pd) for p, pd in context["kort"] if p.pk == paragraf.pk)
    context.update(p=p, pd=pd)
    return render(request, "moten/protokoll.html#paragraf_kort", context, status=status)


@require_http_methods(["GET", "POST"])
def paragraf_create(request, pk: int):
    protokoll = _get_protokoll(request, pk, edit=True)
    if protokoll.sparrat:
        return _sparrad(
            request,
            _sparr_fel(protokoll),
            reverse("protokoll_detail", args=[pk]),
        )
    form = _paragraf_form(protokoll, data=request.POST or None)
    context = {"form": form, "protokoll": protokoll, "mote": protokoll.mote, "ny": True}
    if request.method == "POST":
        if form.is_valid():
            try:
                paragraf = services.paragraf_create(
                    actor=request.user, protokoll=protokoll, **_paragraf_fields(form)
                )
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
            if request.htmx:
                # The form's place empties; the card is appended to the list out of band.
                kort = _kort(request, paragraf, status=201)
                kort.content = (
                    b'<div hx-swap-oob="beforeend:#paragrafer">' + kort.content + b"</div>"
                )
                return kort
            return redirect(reverse("protokoll_detail", args=[pk]) + f"#p{paragraf.pk}")
        template = (
            "moten/protokoll.html#paragraf_form" if request.htmx else "moten/paragraf_form.html"
        )
        return render(request, template, context, status=INVALID)
    template = "moten/protokoll.html#paragraf_form" if request.htmx else "moten/paragraf_form.html"
    return render(request, template, context)


def _get_paragraf(request, pk: int, *, edit: bool) -> Paragraf:
    paragraf = get_object_or_404(
        Paragraf.objects.select_related("protokoll__mote__organ").prefetch_related("beslut", "jav"),
        pk=pk,
    )
    _get_mote_for_user(request, paragraf.protokoll.mote_id, edit=edit)
    return paragraf


@require_GET
def paragraf_detail(request, pk: int):
    paragraf = _get_paragraf(request, pk, edit=False)
    if not request.htmx:
        return redirect(
            reverse("protokoll_detail", args=[paragraf.protokoll_id]) + f"#p{paragraf.pk}"
        )
    return _kort(request, paragraf)


@require_http_methods(["GET", "POST"])
def paragraf_edit(request, pk: int):
    paragraf = _get_paragraf(request, pk, edit=True)
    protokoll = paragraf.protokoll
    if protokoll.sparrat:
        return _sparrad(
            request,
            _sparr_fel(protokoll),
            reverse("protokoll_detail", args=[protokoll.pk]),
        )
    if paragraf.omedelbart_justerad is not None:
        return _sparrad(
            request,
            services.ProtokollFast(
                "Paragrafen justerades omedelbart och kan inte ändras. Rättelser görs i en "
                "paragraf i ett senare protokoll."
            ),
            reverse("protokoll_detail", args=[protokoll.pk]) + f"#p{paragraf.pk}",
        )
    template = "moten/protokoll.html#paragraf_form" if request.htmx else "moten/paragraf_form.html"
    if request.method == "GET":
        form = _paragraf_form(protokoll, paragraf)
        return render(
            request,
            template,
            {"form": form, "p": paragraf, "protokoll": protokoll, "mote": protokoll.mote},
        )
    form = _paragraf_form(protokoll, data=request.POST)
    context = {"form": form, "p": paragraf, "protokoll": protokoll, "mote": protokoll.mote}
    if not form.is_valid():
        return render(request, template, context, status=INVALID)
    try:
        saved = services.paragraf_update(
            actor=request.user,
            paragraf=paragraf,
            version=form.cleaned_data["version"] or 0,
            **_paragraf_fields(form),
        )
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("protokoll_detail", args=[protokoll.pk]))
    except services.Konflikt as conflict:
        # Keep what this user typed, show what the other saved, and let them save again
        # on top of the newer version once they have merged the two.
        current = Paragraf.objects.prefetch_related("beslut", "jav").get(pk=conflict.sparad.pk)
        data = request.POST.copy()
        data["version"] = current.version
        context.update(form=_paragraf_form(protokoll, data=data), konflikt=current)
        context["form"].is_valid()
        return render(request, template, context, status=CONFLICT)
    if request.htmx:
        return _kort(request, saved)
    return redirect(reverse("protokoll_detail", args=[protokoll.pk]) + f"#p{saved.pk}")


def _omrostning_initial(paragraf: Paragraf, rostande: list[Narvaro]) -> dict:
    """The form's starting point: the paragraph's yrkanden, omröstning and reservationer."""
    initial: dict = {"propositionsordning": paragraf.propositionsordning}
    yrkanden = list(paragraf.yrkandelista.all())
    nummer = {y.pk: str(i) for i, y in enumerate(yrkanden, start=1)}
    for i, y in enumerate(yrkanden, start=1):
        initial[f"yrkande_{i}_namn"] = y.namn
        initial[f"yrkande_{i}_lydelse"] = y.lydelse
        if y.bifallet:
            initial["beslut_enligt"] = str(i)
    o = Omrostning.objects.filter(paragraf=paragraf).prefetch_related("roster").first()
    if o is not None:
        roster = {r.namn: r.rost for r in o.roster.all()}
        initial.update(
            omrostning=True,
            ja_yrkande=nummer.get(o.ja_yrkande_id, ""),
            nej_yrkande=nummer.get(o.nej_yrkande_id, ""),
            satt="namn" if o.per_namn else "antal",
            ja_antal=None if o.per_namn else o.ja,
            nej_antal=None if o.per_namn else o.nej,
            avstar_antal=None if o.per_namn else o.avstar,
            ordforandens_rost=o.ordforandens_rost,
            **{f"rost_{n.pk}": roster.get(n.namn, "") for n in rostande},
        )
    for i, r in enumerate(paragraf.reservationslista.all(), start=1):
        initial[f"reservation_{i}_namn"] = r.namn
        initial[f"reservation_{i}_motivering"] = r.motivering
        initial[f"reservation_{i}_bilaga"] = r.bilaga
    return initial


@require_http_methods(["GET", "POST"])
def paragraf_omrostning(request, pk: int):
    """Yrkanden, propositionsordning, omröstning and reservationer of one paragraph: the
    portal counts the votes, refuses impossible ones and writes the standard wording."""
    paragraf = _get_paragraf(request, pk, edit=True)
    protokoll = paragraf.protokoll
    tillbaka = reverse("protokoll_detail", args=[protokoll.pk]) + f"#p{paragraf.pk}"
    if protokoll.sparrat:
        return _sparrad(request, _sparr_fel(protokoll), tillbaka)
    rostande = selectors.rostberattigade(paragraf)
    form = OmrostningForm(
        request.POST or None,
        rostande=rostande,
        initial=_omrostning_initial(paragraf, rostande),
    )
    context = {
        "form": form,
        "p": paragraf,
        "protokoll": protokoll,
        "mote": protokoll.mote,
        "rostande": rostande,
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                services.paragraf_omrostning_save(
                    actor=request.user, paragraf=paragraf, **form.for_service()
                )
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, tillbaka)
            except Fel as exc:
                for text in exc.fel:
                    form.add_error(None, text)
            else:
                messages.success(request, "Yrkanden, omröstning och reservationer är sparade.")
                return redirect(tillbaka)
        return render(request, "moten/omrostning_form.html", context, status=INVALID)
    return render(request, "moten/omrostning_form.html", context)


@require_POST
def paragraf_delete(request, pk: int):
    paragraf = _get_paragraf(request, pk, edit=True)
    try:
        services.paragraf_delete(actor=request.user, paragraf=paragraf)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("protokoll_detail", args=[paragraf.protokoll_id]))
    return redirect("protokoll_detail", pk=paragraf.protokoll_id)


@require_POST
def paragraf_move(request, pk: int):
    paragraf = _get_paragraf(request, pk, edit=True)
    steg = -1 if request.POST.get("riktning") == "upp" else 1
    try:
        services.paragraf_move(actor=request.user, paragraf=paragraf, steg=steg)
    except services.ProtokollSparrat as exc:
        return _sparrad(
            request,
            exc,
            reverse("protokoll_detail", args=[paragraf.protokoll_id]) + f"#p{paragraf.pk}",
        )
    return redirect(reverse("protokoll_detail", args=[paragraf.protokoll_id]) + f"#p{paragraf.pk}")


@require_POST
def protokoll_fran_dagordning(request, pk: int):
    protokoll = _get_protokoll(request, pk, edit=True)
    try:
        antal = services.paragrafer_from_dagordning(actor=request.user, protokoll=protokoll)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
    else:
        messages.success(request, f"{antal} punkter från dagordningen är tillagda som paragrafer.")
    return redirect("protokoll_detail", pk=pk)


def _roster_initial(protokoll: Protokoll) -> list[dict]:
    """The organ's roster on the meeting day, as the attendance form's starting point."""

    mote = protokoll.mote
    rows = []
    uppdrag = sorted(
        Uppdrag.objects.aktiva(mote.datum)
        .filter(organ=mote.organ)
        .select_related("person", "part"),
        key=lambda u: (u.roll == Roll.ERSATTARE, u.part.ordning if u.part else 0, u.person.namn),
    )
    for u in uppdrag:
        kategori = (
            Narvaro.Kategori.ERSATTARE if u.roll == Roll.ERSATTARE else Narvaro.Kategori.ORDINARIE
        )
        rows.append(
            {
                "kategori": kategori,
                "namn": u.person.namn,
                "beskrivning": u.part.namn if u.part else "",
                "person_id": u.person_id,
            }
        )
    return rows


@require_http_methods(["GET", "POST"])
def narvaro_edit(request, pk: int):
    protokoll = _get_protokoll(request, pk, edit=True)
    if protokoll.sparrat:
        return _sparrad(
            request,
            _sparr_fel(protokoll),
            reverse("protokoll_detail", args=[pk]),
        )
    if request.method == "POST":
        formset = NarvaroFormSet(request.POST)
        if formset.is_valid():
            persons = Person.objects.in_bulk(
                [
                    f.cleaned_data["person_id"]
                    for f in formset.forms
                    if f.cleaned_data.get("person_id")
                ]
            )
            rader = [
                services.NarvaroRad(
                    kategori=f.cleaned_data["kategori"],
                    namn=f.cleaned_data["namn"],
                    beskrivning=f.cleaned_data["beskrivning"],
                    person=persons.get(f.cleaned_data.get("person_id")),
                    ersatter=f.cleaned_data["ersatter"],
                    fran_paragraf=f.cleaned_data["fran_paragraf"],
                    till_paragraf=f.cleaned_data["till_paragraf"],
                )
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            try:
                services.narvaro_save(actor=request.user, protokoll=protokoll, rader=rader)
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
            messages.success(request, "Närvaron är sparad.")
            return redirect("protokoll_detail", pk=pk)
        return render(
            request,
            "moten/narvaro_form.html",
            {"formset": formset, "protokoll": protokoll},
            status=INVALID,
        )
    existing = [
        {
            "kategori": n.kategori,
            "namn": n.namn,
            "beskrivning": n.beskrivning,
            "ersatter": n.ersatter,
            "fran_paragraf": n.fran_paragraf,
            "till_paragraf": n.till_paragraf,
            "person_id": n.person_id,
        }
        for n in protokoll.narvaro.all()
    ]
    formset = NarvaroFormSet(initial=existing or _roster_initial(protokoll))
    return render(request, "moten/narvaro_form.html", {"formset": formset, "protokoll": protokoll})


def _foreslagna_justerare(protokoll: Protokoll, ledamoter) -> list:
    """The members named in "Val av justerare" (what the meeting chose), as the form's
    starting point."""
    texter = " ".join(
        " ".join([p.text, *(a.text for a in p.beslut.all())])
        for p in protokoll.paragrafer.all()
        if p.standard == "justerare"
    )
    return [p.pk for p in ledamoter if p.namn in texter]


@require_http_methods(["GET", "POST"])
def protokoll_numrera(request, pk: int):
    """Numrera and send to justering, after the checks (kontroller.for_numrering): what must
    be fixed first is listed with a link to fix it; warnings can be confirmed."""
    protokoll = _get_protokoll(request, pk, edit=True)
    if protokoll.sparrat:
        return _sparrad(request, _sparr_fel(protokoll), reverse("protokoll_detail", args=[pk]))
    if protokoll.status != Protokoll.Status.UTKAST:
        messages.error(request, "Protokollet är redan numrerat.")
        return redirect("protokoll_detail", pk=pk)
    full = dokument.hamta(protokoll.pk)
    mote = full.mote
    ledamoter = services.ledamoter_vid(mote)
    ordforande = services.ordforande_vid(mote)
    form = NumreraForm(
        request.POST or None,
        ledamoter=ledamoter,
        initial={
            "ordforande": ordforande,
            "justerare": [
                p
                for p in _foreslagna_justerare(full, ledamoter)
                if not ordforande or p != ordforande.pk
            ],
        },
    )
    context = {"form": form, "protokoll": full, "mote": mote}
    if request.method == "GET":
        if ordforande is not None:
            valda = [p for p in ledamoter if p.pk in form.initial["justerare"]]
            context["kontroll"] = kontroller.for_numrering(
                full, ordforande=ordforande, justerare=valda, idag=timezone.localdate()
            )
        return render(request, "moten/numrera_form.html", context)
    if not form.is_valid():
        return render(request, "moten/numrera_form.html", context, status=INVALID)
    try:
        nummer = services.protokoll_numrera(
            actor=request.user,
            protokoll=protokoll,
            ordforande=form.cleaned_data["ordforande"],
            justerare=list(form.cleaned_data["justerare"]),
            base_url=request.build_absolute_uri("/"),
            bekrafta_varningar=form.cleaned_data["bekrafta"],
        )
    except kontroller.KontrollFel as exc:
        context.update(kontroll=exc.kontroll, vagrat=True)
        return render(request, "moten/numrera_form.html", context, status=INVALID)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
    messages.success(
        request,
        f"Paragraferna har fått § {nummer[0]}–{nummer[-1]}. Protokollet är skickat till "
        "justerarna med en länk och sista dag för justering.",
    )
    return redirect("protokoll_detail", pk=pk)


@require_POST
def protokoll_skicka(request, pk: int):
    """Send the justering link and deadline again to those who have not justerat."""
    protokoll = _get_protokoll(request, pk, edit=True)
    try:
        personer = services.protokoll_skicka_till_justering(
            actor=request.user, protokoll=protokoll, base_url=request.build_absolute_uri("/")
        )
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
    else:
        namn = ", ".join(p.namn for p in personer)
        messages.success(request, f"Påminnelsen är skickad till {namn}.")
    return redirect("protokoll_detail", pk=pk)


@require_http_methods(["GET", "POST"])
def protokoll_aterkalla(request, pk: int):
    """Återkalla the justeringar so the text can be corrected; the reason goes in the history."""
    protokoll = _get_protokoll(request, pk, edit=True)
    justeringar = list(protokoll.justeringar.select_related("person"))
    if protokoll.status != Protokoll.Status.NUMRERAT or not any(j.justerad for j in justeringar):
        messages.error(request, "Det finns inga justeringar att återkalla.")
        return redirect("protokoll_detail", pk=pk)
    form = AterkallaForm(request.POST or None)
    context = {
        "form": form,
        "protokoll": protokoll,
        "mote": protokoll.mote,
        "justeringar": justeringar,
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                services.protokoll_aterkalla_justeringar(
                    actor=request.user,
                    protokoll=protokoll,
                    skal=form.cleaned_data["skal"],
                    base_url=request.build_absolute_uri("/"),
                )
            except Fel as exc:
                form.add_error("skal", " ".join(exc.fel))
            else:
                messages.success(
                    request,
                    "Justeringarna är återkallade. Protokollet kan rättas, och alla justerare "
                    "har fått besked om att justera det igen.",
                )
                return redirect("protokoll_detail", pk=pk)
        return render(request, "moten/aterkalla_form.html", context, status=INVALID)
    return render(request, "moten/aterkalla_form.html", context)


def _person_for(request) -> Person:
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise PermissionDenied
    return person


@require_http_methods(["GET", "POST"])
def protokoll_justera(request, pk: int):
    """The justering page: the whole protocol on the page (närvaro, jäv, yrkanden, omröstning,
    reservationer, bilagor: what gets locked), the PDF beside it, comments per paragraph, and
    the password that justerar it."""
    protokoll = _get_protokoll(request, pk)
    protokoll = dokument.hamta(protokoll.pk)
    context = _protokoll_context(request, protokoll)
    if not context["kan_justera"]:
        raise PermissionDenied
    form = JusteraForm(request.POST or None, request=request)
    context.update(
        form=form,
        kommentarform=KommentarForm(),
        kommentarer_per_paragraf={p.pk: list(p.kommentarer.all()) for p, _pd in context["kort"]},
        kontroll=kontroller.for_justering(protokoll, idag=timezone.localdate()),
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                klart = services.protokoll_justera(
                    actor=request.user, protokoll=protokoll, person=_person_for(request)
                )
            except kontroller.KontrollFel as exc:
                context["kontroll"] = exc.kontroll
                return render(request, "moten/justera.html", context, status=INVALID)
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
            messages.success(
                request,
                "Protokollet är justerat av alla och låst."
                if klart
                else "Din justering är registrerad. Protokollet väntar på övriga justerare.",
            )
            return redirect("protokoll_detail", pk=pk)
        return render(request, "moten/justera.html", context, status=INVALID)
    return render(request, "moten/justera.html", context)


@require_POST
def paragraf_kommentar(request, pk: int):
    """A justerare's comment on a paragraph (from the justering page; htmx adds it in place)."""
    paragraf = _get_paragraf(request, pk, edit=False)
    protokoll = paragraf.protokoll
    justeringar = list(protokoll.justeringar.select_related("person"))
    if not permissions.can_kommentera(request.user, protokoll, justeringar):
        raise PermissionDenied
    form = KommentarForm(request.POST, auto_id=f"k{paragraf.pk}_%s")
    fel = None
    if form.is_valid():
        try:
            services.justeringskommentar_create(
                actor=request.user,
                paragraf=paragraf,
                person=_person_for(request),
                text=form.cleaned_data["text"],
            )
        except Fel as exc:
            fel = exc
            form.add_error("text", " ".join(exc.fel))
    if not request.htmx:
        if form.errors:
            messages.error(request, "Kommentaren är inte sparad: " + " ".join(form.errors["text"]))
        elif fel is None:
            messages.success(request, "Kommentaren är sparad.")
        return redirect(reverse("protokoll_justera", args=[protokoll.pk]) + f"#dok-p{paragraf.pk}")
    context = {
        "pd": {"id": paragraf.pk, "nummer": paragraf.nummer, "rubrik": paragraf.rubrik},
        "kommentarer_per_paragraf": {
            paragraf.pk: list(paragraf.kommentarer.select_related("person"))
        },
        "kommentarform": form if form.errors else KommentarForm(),
        "kan_kommentera": True,
        "protokoll": protokoll,
    }
    return render(
        request,
        "moten/_kommentarer.html#kommentarer",
        context,
        status=INVALID if form.errors else 200,
    )


@require_POST
def kommentar_atgardad(request, pk: int):
    kommentar = get_object_or_404(Justeringskommentar.objects.select_related("paragraf"), pk=pk)
    paragraf = _get_paragraf(request, kommentar.paragraf_id, edit=True)
    services.justeringskommentar_atgarda(actor=request.user, kommentar=kommentar)
    return redirect(reverse("protokoll_detail", args=[paragraf.protokoll_id]) + f"#p{paragraf.pk}")


@require_http_methods(["GET", "POST"])
def paragraf_justera(request, pk: int):
    """Omedelbar justering of one paragraph: the paragraph as it will be locked, and the
    password of the ordförande or justerare."""
    paragraf = _get_paragraf(request, pk, edit=False)
    protokoll = dokument.hamta(paragraf.protokoll_id)
    context = _protokoll_context(request, protokoll)
    p, pd = next((p, pd) for p, pd in context["kort"] if p.pk == paragraf.pk)
    gjorda = list(p.omedelbara_justeringar.all())
    if not permissions.can_justera_paragraf(request.user, p, context["justeringar"], gjorda):
        raise PermissionDenied
    form = JusteraParagrafForm(request.POST or None, request=request)
    context.update(p=p, pd=pd, form=form, gjorda=gjorda)
    if request.method == "POST":
        if form.is_valid():
            try:
                klart = services.paragraf_justera_omedelbart(
                    actor=request.user, paragraf=p, person=_person_for(request)
                )
            except kontroller.KontrollFel as exc:
                context["kontroll"] = exc.kontroll
                return render(request, "moten/paragraf_justera.html", context, status=INVALID)
            except services.ProtokollSparrat as exc:
                return _sparrad(request, exc, reverse("protokoll_detail", args=[protokoll.pk]))
            messages.success(
                request,
                f"§ {p.nummer} är justerad omedelbart och låst. Sätt upp dess anslag."
                if klart
                else "Din justering av paragrafen är registrerad. Den väntar på övriga justerare.",
            )
            return redirect(reverse("protokoll_detail", args=[protokoll.pk]) + f"#p{p.pk}")
        return render(request, "moten/paragraf_justera.html", context, status=INVALID)
    return render(request, "moten/paragraf_justera.html", context)


ANSLAG_UPPSATT = "Anslaget är uppsatt och ändras inte: det gäller som det sattes upp."


def _anslag_form(request, *, justerat, forvaringsplats_initial: str):
    idag = timezone.localdate()
    forsta, sista = services.anslag_granser(justerat, idag)
    form = AnslagForm(
        request.POST or None,
        forsta=forsta,
        sista=sista,
        initial={"anslagsdatum": forsta, "forvaringsplats": forvaringsplats_initial},
    )
    return form, {
        "justerat": justerat,
        "senast": kalender.anslag_senast(justerat),
        "forsta": forsta,
        "sista": sista,
        "today": idag,
    }


def _anslag_meddelande(request, anslag) -> None:
    idag = timezone.localdate()
    if anslag.anslagsdatum <= idag:
        messages.success(
            request,
            f"Anslaget är uppsatt och syns på anslagstavlan nu. Det tas ned tidigast "
            f"{anslag.ned_tidigast.isoformat()}.",
        )
    else:
        messages.success(
            request,
            f"Anslaget är sparat och syns på anslagstavlan från {anslag.anslagsdatum.isoformat()}"
            f" (inte i dag). Det tas ned tidigast {anslag.ned_tidigast.isoformat()}.",
        )


@require_http_methods(["GET", "POST"])
def anslag_create(request, pk: int):
    protokoll = _get_protokoll(request, pk, edit=True)
    if request.method == "POST" and hasattr(protokoll, "anslag"):
        return fast_svar(
            request,
            services.ProtokollFast(ANSLAG_UPPSATT),
            reverse("protokoll_detail", args=[pk]),
        )
    if protokoll.status != Protokoll.Status.JUSTERAT or hasattr(protokoll, "anslag"):
        messages.error(
            request, "Bara ett justerat protokoll som inte redan är anslaget kan anslås."
        )
        return redirect("protokoll_detail", pk=pk)
    forbund = forbund_get()
    form, extra = _anslag_form(
        request,
        justerat=timezone.localdate(protokoll.justerat),
        forvaringsplats_initial=forbund.adress if forbund else "",
    )
    context = {"form": form, "protokoll": protokoll, "mote": protokoll.mote, **extra}
    if request.method == "POST":
        if form.is_valid():
            try:
                anslag = services.anslag_create(
                    actor=request.user, protokoll=protokoll, **form.cleaned_data
                )
            except Fel as exc:
                form.add_error("anslagsdatum", " ".join(exc.fel))
            else:
                _anslag_meddelande(request, anslag)
                return redirect("protokoll_detail", pk=pk)
        return render(request, "moten/anslag_form.html", context, status=INVALID)
    return render(request, "moten/anslag_form.html", context)


@require_http_methods(["GET", "POST"])
def paragraf_anslag(request, pk: int):
    """The anslag of one paragraph justerad omedelbart: its own date, its own appeal time."""
    paragraf = _get_paragraf(request, pk, edit=True)
    protokoll = paragraf.protokoll
    tillbaka = reverse("protokoll_detail", args=[protokoll.pk]) + f"#p{paragraf.pk}"
    if request.method == "POST" and (hasattr(paragraf, "anslag") or protokoll.sparrat):
        return fast_svar(
            request,
            services.ProtokollFast(
                ANSLAG_UPPSATT
                if hasattr(paragraf, "anslag")
                else "Protokollet är justerat och anslås i sin helhet, med sitt eget anslag."
            ),
            tillbaka,
        )
    if paragraf.omedelbart_justerad is None or hasattr(paragraf, "anslag"):
        messages.error(
            request, "Bara en omedelbart justerad paragraf som inte redan är anslagen kan anslås."
        )
        return redirect(tillbaka)
    forbund = forbund_get()
    form, extra = _anslag_form(
        request,
        justerat=timezone.localdate(paragraf.omedelbart_justerad),
        forvaringsplats_initial=forbund.adress if forbund else "",
    )
    context = {
        "form": form,
        "protokoll": protokoll,
        "mote": protokoll.mote,
        "paragraf": paragraf,
        **extra,
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                anslag = services.anslag_create(
                    actor=request.user, paragraf=paragraf, **form.cleaned_data
                )
            except Fel as exc:
                form.add_error("anslagsdatum", " ".join(exc.fel))
            else:
                _anslag_meddelande(request, anslag)
                return redirect(tillbaka)
        return render(request, "moten/anslag_form.html", context, status=INVALID)
    return render(request, "moten/anslag_form.html", context)


@require_POST
def protokoll_nasta_mote(request, pk: int):
    protokoll = _get_protokoll(request, pk, edit=True)
    text = request.POST.get("nasta_mote", "").strip()
    if len(text) > 2000:
        messages.error(request, "Texten om nästa möte får vara högst 2 000 tecken.")
        return redirect("protokoll_detail", pk=pk)
    try:
        services.protokoll_nasta_mote(actor=request.user, protokoll=protokoll, text=text)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
    else:
        messages.success(request, "Nästa möte är sparat.")
    return redirect("protokoll_detail", pk=pk)


@require_POST
def protokoll_fardigt(request, pk: int):
    protokoll = _get_protokoll(request, pk, edit=True)
    try:
        services.minnesanteckningar_fardigstall(actor=request.user, protokoll=protokoll)
    except services.ProtokollSparrat as exc:
        return _sparrad(request, exc, reverse("protokoll_detail", args=[pk]))
    return redirect("protokoll_detail", pk=pk)


# --- PDFs -------------------------------------------------------------------------------


@login_not_required
@require_GET
def protokoll_pdf(request, pk: int):
    """Justerade protocols are public documents, served as stored (the bytes the SHA-256 in
    the API and the archive are of); drafts only to those who may see the meeting."""
    try:
        protokoll = dokument.hamta(pk)
    except Protokoll.DoesNotExist as exc:
        raise Http404 from exc
    if protokoll.status == Protokoll.Status.JUSTERAT:
        lagrat = dokument.lagrat_dokument(protokoll)
        return pdf_response(bytes(lagrat.pdf), dokument.protokoll_filnamn(protokoll))
    if not request.user.is_authenticated:
        raise Http404
    _get_mote_for_user(request, protokoll.mote_id)
    return pdf_response(dokument.protokoll_pdf(protokoll), dokument.protokoll_filnamn(protokoll))


@login_not_required
@require_GET
def protokollsutdrag_pdf(request, pk: int):
    """Public for a justerat protocol and for a paragraph justerad omedelbart (built from
    their stored documents); a draft's only for those who may see the meeting."""
    paragraf = get_object_or_404(Paragraf.objects.select_related("protokoll"), pk=pk)
    protokoll = paragraf.protokoll
    publik = (
        protokoll.status == Protokoll.Status.JUSTERAT or paragraf.omedelbart_justerad is not None
    )
    if not publik:
        if not request.user.is_authenticated:
            raise Http404
        _get_mote_for_user(request, protokoll.mote_id)
    protokoll = dokument.hamta(protokoll.pk)
    paragraf = next(p for p in protokoll.paragrafer.all() if p.pk == paragraf.pk)
    return pdf_response(
        dokument.utdrag_pdf(protokoll, paragraf), dokument.utdrag_filnamn(protokoll, paragraf)
    )


@login_not_required
@require_GET
def publikt_protokoll(request, pk: int):
    """A justerat protocol as the public reads it: the stored document, its PDF and its
    public bilagor (the same list and checksums as the archive)."""
    try:
        protokoll = dokument.hamta(pk)
    except Protokoll.DoesNotExist as exc:
        raise Http404 from exc
    if protokoll.status != Protokoll.Status.JUSTERAT:
        raise Http404
    d = dokument.dokumentdata(protokoll)
    return render(
        request,
        "moten/publikt_protokoll.html",
        {
            "protokoll": protokoll,
            "d": d,
            "anslag_d": dokument.anslag_data(getattr(protokoll, "anslag", None)),
            "bilagor": dokument.publika_bilagor(protokoll, d),
        },
    )


@login_not_required
@require_GET
def publik_bilaga(request, pk: int, nummer: int):
    """A public bilaga of a justerat protocol; anything else is a 404."""
    try:
        protokoll = dokument.hamta(pk)
    except Protokoll.DoesNotExist as exc:
        raise Http404 from exc
    d = dokument.dokumentdata(protokoll)
    for b, h in dokument.publika_bilagor(protokoll, d):
        if b["nummer"] == nummer:
            return fil_response(h.fil, filnamn=b["filnamn"], filtyp=b["filtyp"], request=request)
    raise Http404


# --- Beslutsregister and the public anslagstavla -----------------------------------------


@require_GET
def beslutsregister(request):
    require(permissions.can_view_beslutsregister(request.user))
    q = request.GET.get("q", "").strip()
    organ_id = request.GET.get("organ") or None
    ar = request.GET.get("ar") or None
    try:
        organ_id = int(organ_id) if organ_id else None
        ar = int(ar) if ar else None
    except ValueError:
        organ_id = ar = None
    try:
        sida = selectors.beslutsregister_sida(
            q=q, organ_id=organ_id, ar=ar, markor=request.GET.get(sid.PARAMETER)
        )
    except Fel as exc:
        return felaktig_begaran(request, exc, tillbaka=reverse("beslutsregister"))
    for a in sida.rader:
        a.markerad = selectors.markerad(a.headline) if q else None
    context = {
        "beslut": sida.rader,
        "sida": sida,
        "lankar": sid.lankar(request.GET, sida),
        "q": q,
        "organ_id": organ_id,
        "ar": ar,
        "organ": Organ.objects.filter(typ=Organ.Typ.STYRELSE),
        "ar_lista": selectors.beslutsregister_ar(),
    }
    if request.htmx:
        return render(request, "moten/beslutsregister.html#resultat", context)
    return render(request, "moten/beslutsregister.html", context)


@login_not_required
@require_GET
def anslagstavla(request):
    try:
        arkiv = selectors.justerade_protokoll_sida(markor=request.GET.get(sid.PARAMETER))
    except Fel as exc:
        return felaktig_begaran(request, exc, tillbaka=reverse("anslagstavla"))
    return render(
        request,
        "moten/anslagstavla.html",
        {
            "forbund": forbund_get(),
            # (anslag, its protocol): of the whole protocol, or of one paragraph in it.
            "anslag": [
                (a, a.protokoll or a.paragraf.protokoll) for a in selectors.anslag_aktuella()
            ],
            "arkiv": arkiv.rader,
            "sida": arkiv,
            "lankar": sid.lankar(request.GET, arkiv),
        },
    )


# --- Beslutsuppföljning ------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def beslutsuppdrag_create(request, pk: int):
    """An uppdrag from one of the paragraph's Att-clauses (also of a justerat protocol: the
    uppdrag is its follow-up, not part of it)."""
    paragraf = _get_paragraf(request, pk, edit=True)
    require(permissions.can_edit_uppfoljning(request.user))
    satser = list(paragraf.beslut.all())
    # The clause that gives the uppdrag ("att uppdra åt …"), else the first.
    forslag = next((a for a in satser if "uppdra" in a.text.lower()), satser[0] if satser else None)
    form = UppdragForm(request.POST or None, paragraf=paragraf, initial={"attsats": forslag})
    context = {"form": form, "p": paragraf, "protokoll": paragraf.protokoll}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.beslutsuppdrag_create(
                    actor=request.user, paragraf=paragraf, **form.cleaned_data
                )
            except Fel as exc:
                for text in exc.fel:
                    form.add_error(None, text)
            else:
                messages.success(
                    request,
                    "Uppdraget är skapat. Det följs upp på organets nästa dagordningar tills det "
                    "är klart.",
                )
                return redirect(
                    reverse("protokoll_detail", args=[paragraf.protokoll_id]) + f"#p{paragraf.pk}"
                )
        return render(request, "moten/uppdrag_form.html", context, status=INVALID)
    return render(request, "moten/uppdrag_form.html", context)


@require_GET
def beslutsuppdrag_list(request):
    require(permissions.can_view_uppfoljning(request.user))
    return render(
        request,
        "moten/uppdrag_list.html",
        {
            "uppdrag": list(selectors.uppdrag_lista()[:300]),
            "kan_andra": permissions.can_edit_uppfoljning(request.user),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
def beslutsuppdrag_avsluta(request, pk: int):
    """Mark an uppdrag done, naming the paragraph of a later meeting that closed it."""
    require(permissions.can_edit_uppfoljning(request.user))
    uppdrag = get_object_or_404(
        Beslutsuppdrag.objects.select_related("paragraf__protokoll__mote__organ"), pk=pk
    )
    if uppdrag.avslutat_i_id is not None:
        messages.error(request, "Uppdraget är redan avslutat.")
        return redirect("beslutsuppdrag_list")
    form = AvslutaUppdragForm(request.POST or None, paragrafer=selectors.avslutsparagrafer(uppdrag))
    context = {"form": form, "uppdrag": uppdrag}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.beslutsuppdrag_avsluta(
                    actor=request.user, uppdrag=uppdrag, paragraf=form.cleaned_data["paragraf"]
                )
            except Fel as exc:
                form.add_error("paragraf", " ".join(exc.fel))
            else:
                messages.success(request, "Uppdraget är markerat som klart.")
                return redirect("beslutsuppdrag_list")
        return render(request, "moten/uppdrag_avsluta.html", context, status=INVALID)
    return render(request, "moten/uppdrag_avsluta.html", context)


@login_not_required
@require_GET
def kalender_feed(request, token: str):
    """A person's calendar feed (iCalendar): every meeting of their organ. Public by its
    secret token, so a calendar program can read it; a revoked or unknown token is a 404."""
    lank = kalenderlank_get(token)
    if lank is None:
        raise Http404
    forbund = forbund_get()
    data = ical.kalender(
        selectors.moten_for_kalender(lank.person),
        namn=f"Sammanträden, {forbund.namn if forbund else 'förbundet'}",
        url_for=lambda m: request.build_absolute_uri(reverse("mote_detail", args=[m.pk])),
    )
    return HttpResponse(
        data,
        content_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'inline; filename="sammantraden.ics"',
            "Cache-Control": "private, max-age=900",
            "X-Robots-Tag": "noindex",
        },
    )
