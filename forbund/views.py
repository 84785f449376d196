"""Views of the organisation: the förbund, its organ and people.

Each view fetches, asks forbund.permissions, validates a form and calls a service.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forbund.http import INVALID, require

from . import jobb, permissions, selectors, services
from .fel import Fel
from .forms import ForbundForm, KontoForm, PersonForm, UppdragForm
from .models import Bekraftelse, Organ, Person, Uppdrag


@require_GET
def forbund_detail(request):
    require(permissions.can_view_forbund(request.user))
    forbund = selectors.forbund_get()
    context = {
        "forbund": forbund,
        "parter": forbund.parter.all() if forbund else [],
        "organ": forbund.organ.all() if forbund else [],
        "kan_andra": permissions.can_edit_forbund(request.user),
    }
    if forbund and permissions.can_view_history(request.user):
        context["historik"] = selectors.historik(forbund)
    return render(request, "forbund/forbund_detail.html", context)


@require_http_methods(["GET", "POST"])
def forbund_edit(request):
    require(permissions.can_edit_forbund(request.user))
    forbund = selectors.forbund_get()
    if forbund is None:
        raise PermissionDenied
    form = ForbundForm(request.POST or None, instance=forbund)
    if request.method == "POST":
        if form.is_valid():
            services.forbund_update(forbund=forbund, actor=request.user, **form.cleaned_data)
            messages.success(request, "Uppgifterna om förbundet är sparade.")
            return redirect("forbund_detail")
        return render(request, "forbund/forbund_form.html", {"form": form}, status=INVALID)
    return render(request, "forbund/forbund_form.html", {"form": form})


@require_GET
def organ_detail(request, pk: int):
    organ = get_object_or_404(Organ, pk=pk)
    require(permissions.can_view_organ(request.user, organ))
    uppdrag = (
        organ.uppdrag.aktiva().select_related("person", "part").order_by("roll", "part__ordning")
    )
    return render(request, "forbund/organ_detail.html", {"organ": organ, "uppdrag": uppdrag})


@require_GET
def person_list(request):
    require(permissions.can_manage_personer(request.user))
    q = request.GET.get("q", "").strip()
    personer = selectors.personer_med_uppdrag()
    if q:
        personer = personer.filter(
            Q(fornamn__icontains=q)
            | Q(efternamn__icontains=q)
            | Q(organisation__icontains=q)
            | Q(epost__icontains=q)
        )
    rader = []
    for p in personer:
        uppdrag = selectors.uppdrag_en_gang(p.uppdrag.all())
        parter = dict.fromkeys(u.part.namn for u in uppdrag if u.part_id)
        rader.append((p, uppdrag, p.organisation or ", ".join(parter)))
    context = {"rader": rader, "q": q, "idag": timezone.localdate()}
    if request.htmx:
        return render(request, "forbund/person_list.html#tabell", context)
    return render(request, "forbund/person_list.html", context)


@require_http_methods(["GET", "POST"])
def person_create(request):
    require(permissions.can_manage_personer(request.user))
    form = PersonForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            person = services.person_create(actor=request.user, **form.cleaned_data)
            messages.success(request, f"{person.namn} är tillagd.")
            return redirect("person_detail", pk=person.pk)
        return render(request, "forbund/person_form.html", {"form": form}, status=INVALID)
    return render(request, "forbund/person_form.html", {"form": form})


def _get_person_for_user(request, pk: int) -> Person:
    require(permissions.can_manage_personer(request.user))
    return get_object_or_404(Person.objects.select_related("user"), pk=pk)


@require_GET
def person_detail(request, pk: int):
    person = _get_person_for_user(request, pk)
    uppdrag = person.uppdrag.select_related("organ", "part").order_by("-startdatum")
    context = {
        "person": person,
        "uppdrag": uppdrag,
        "historik": selectors.historik(person),
    }
    return render(request, "forbund/person_detail.html", context)


@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int):
    person = _get_person_for_user(request, pk)
    form = PersonForm(request.POST or None, instance=person)
    context = {"form": form, "person": person}
    if request.method == "POST":
        if form.is_valid():
            services.person_update(person=person, actor=request.user, **form.cleaned_data)
            messages.success(request, "Ändringarna är sparade.")
            return redirect("person_detail", pk=person.pk)
        return render(request, "forbund/person_form.html", context, status=INVALID)
    return render(request, "forbund/person_form.html", context)


@require_http_methods(["GET", "POST"])
def konto_create(request, pk: int):
    person = _get_person_for_user(request, pk)
    form = KontoForm(request.POST or None, initial={"username": person.epost})
    context = {"form": form, "person": person}
    if request.method == "POST":
        if form.is_valid():
            try:
                services.konto_create(
                    person=person,
                    actor=request.user,
                    username=form.cleaned_data["username"],
                    base_url=request.build_absolute_uri("/"),
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    "Inloggningen är skapad men gäller först när en annan person har bekräftat "
                    f"den; då går ett e-brev till {person.epost}.",
                )
                return redirect("person_detail", pk=person.pk)
        return render(request, "forbund/konto_form.html", context, status=INVALID)
    return render(request, "forbund/konto_form.html", context)


@require_http_methods(["GET", "POST"])
def uppdrag_create(request, pk: int):
    person = _get_person_for_user(request, pk)
    form = UppdragForm(request.POST or None)
    context = {"form": form, "person": person}
    if request.method == "POST":
        if form.is_valid():
            services.uppdrag_create(actor=request.user, person=person, **form.cleaned_data)
            messages.success(request, "Uppdraget är sparat.")
            return redirect("person_detail", pk=person.pk)
        return render(request, "forbund/uppdrag_form.html", context, status=INVALID)
    return render(request, "forbund/uppdrag_form.html", context)


@require_http_methods(["GET", "POST"])
def uppdrag_edit(request, pk: int):
    require(permissions.can_manage_personer(request.user))
    uppdrag = get_object_or_404(Uppdrag.objects.select_related("person"), pk=pk)
    form = UppdragForm(request.POST or None, instance=uppdrag)
    context = {
        "form": form,
        "person": uppdrag.person,
        "uppdrag": uppdrag,
        "historik": selectors.historik(uppdrag),
    }
    if request.method == "POST":
        if form.is_valid():
            services.uppdrag_update(uppdrag=uppdrag, actor=request.user, **form.cleaned_data)
            messages.success(request, "Uppdraget är sparat.")
            return redirect("person_detail", pk=uppdrag.person_id)
        return render(request, "forbund/uppdrag_form.html", context, status=INVALID)
    return render(request, "forbund/uppdrag_form.html", context)


@require_GET
def bekraftelser(request):
    """Changes to who can act that wait for a second person (issue 18)."""
    require(permissions.can_confirm(request.user))
    return render(
        request,
        "forbund/bekraftelser.html",
        {"vantande": selectors.bekraftelser_vantande()},
    )


@require_http_methods(["POST"])
def bekraftelse_bekrafta(request, pk: int):
    require(permissions.can_confirm(request.user))
    bekraftelse = get_object_or_404(Bekraftelse, pk=pk)
    try:
        services.bekraftelse_bekrafta(
            actor=request.user,
            bekraftelse=bekraftelse,
            base_url=request.build_absolute_uri("/"),
        )
    except services.Fel as exc:
        return render(
            request,
            "forbund/bekraftelser.html",
            {"vantande": selectors.bekraftelser_vantande(), "fel": str(exc)},
            status=INVALID,
        )
    messages.success(request, f"Bekräftat: {bekraftelse}.")
    return redirect("bekraftelser")


@require_GET
def mitt_konto(request):
    person = Person.objects.filter(user=request.user).first()
    return render(
        request,
        "forbund/mitt_konto.html",
        {"person": person, "mina_uppdrag": permissions.roller(request.user).uppdrag},
    )


@require_POST
def kalenderlank(request):
    """Create, renew (`atgard=skapa`) or revoke (`atgard=ta_bort`) the user's own calendar
    address; back to the start page, where it is shown."""
    require(permissions.can_have_kalender(request.user))
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise PermissionDenied
    atgard = request.POST.get("atgard")
    if atgard == "skapa":
        services.kalenderlank_create(actor=request.user, person=person)
        messages.success(
            request,
            "Din kalenderlänk är skapad. En tidigare länk fungerar inte längre. Lägg till "
            "adressen som en prenumeration i din kalender.",
        )
    elif atgard == "ta_bort":
        services.kalenderlank_delete(actor=request.user, person=person)
        messages.success(request, "Kalenderlänken är borttagen och fungerar inte längre.")
    else:
        messages.error(request, "Okänd åtgärd för kalenderlänken.")
    return redirect(f"{reverse('oversikt')}#kalender")


@login_not_required
@require_GET
def tillganglighet(request):
    return render(request, "forbund/tillganglighet.html", {"forbund": selectors.forbund_get()})


@login_not_required
@require_GET
def favicon(request):
    """/favicon.ico: browsers ask for it on their own, whatever icon a page links to."""
    fil = (settings.BASE_DIR / "static" / "favicon.ico").open("rb")
    return FileResponse(
        fil, content_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"}
    )


@require_GET
def jobb_fel(request):
    """The job queue for the kansli: jobs that failed after every attempt (a mail's with its
    subject, recipients and last error) and mail not sent yet."""
    require(permissions.can_view_jobb(request.user))
    jobb_lista = list(jobb.misslyckade_jobb()[:200])
    utskick = {
        str(u.pk): u
        for u in selectors.utskick_for(
            [j.args.get("utskick_id") for j in jobb_lista if j.task_name == "epost.skicka"]
        )
    }
    rader = [(j, utskick.get(j.args.get("utskick_id", ""))) for j in jobb_lista]
    return render(
        request,
        "forbund/jobb_fel.html",
        {"rader": rader, "ej_skickade": list(selectors.utskick_ej_skickade())},
    )


@require_POST
def jobb_forsok_igen(request, pk: int):
    require(permissions.can_view_jobb(request.user))
    try:
        services.jobb_forsok_igen(actor=request.user, job_id=pk)
    except Fel as e:
        raise Http404(" ".join(e.fel)) from e
    messages.success(request, "Jobbet ligger i kön igen och körs strax.")
    return redirect("jobb_fel")


class LosenordByt(auth_views.PasswordChangeView):
    """Django's password change, with the change on the log of who can act."""

    def form_valid(self, form):
        svar = super().form_valid(form)
        services.konto_losenord_satt(actor=form.user, user=form.user)
        return svar


class LosenordSatt(auth_views.PasswordResetConfirmView):
    """Django's set-password link, with the new password on the log of who can act."""

    def form_valid(self, form):
        svar = super().form_valid(form)
        services.konto_losenord_satt(actor=form.user, user=form.user)
        return svar
