"""The start page: what needs this user's attention, from every app (the project layer)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ekonomi import permissions as ekonomi_permissions
from ekonomi import selectors as ekonomi_selectors
from forbund import permissions, selectors
from forbund.http import require
from insatser import selectors as insatser_selectors
from moten import permissions as moten_permissions
from moten import selectors as moten_selectors
from rapporter import permissions as rapporter_permissions
from rapporter import selectors as rapporter_selectors


@require_GET
def oversikt(request):
    r = permissions.roller(request.user)
    idag = timezone.localdate()
    context = {
        "roller": r,
        "mina_uppdrag": r.uppdrag,
        "att_justera": list(moten_selectors.att_justera_for(request.user)),
        "insatser": insatser_selectors.att_gora(request.user),
        "today": idag,
        "paminnelser": list(selectors.paminnelser_for(request.user)),
    }
    if moten_permissions.can_view_uppfoljning(request.user):
        context["visa_uppdrag"] = True
        context["oppna_uppdrag"] = list(moten_selectors.oppna_uppdrag()[:50])
        context["kan_andra_uppdrag"] = moten_permissions.can_edit_uppfoljning(request.user)
    if r.i_styrelsen or r.kansli:
        context |= _styrelsens_lage(request.user, idag)
    if permissions.can_have_kalender(request.user):
        context["kalender"] = {"lank": selectors.kalenderlank_for(request.user)}
    if r.kansli:
        context["loper_ut"] = list(selectors.uppdrag_som_loper_ut())
        context["protokoll_under_arbete"] = list(moten_selectors.protokoll_under_arbete())
        context["utan_inloggning"] = list(selectors.personer_utan_inloggning())
        context["jobbkon"] = selectors.jobbkon_lage()
    return render(request, "forbund/oversikt.html", context)


@require_GET
def personlogg(request):
    """The log of who can act (issue 18): every change to people, uppdrag and logins, each
    request and confirmation, and the signaturlistor adopted; for the ordförande and the
    revisor (and the kansli)."""
    require(permissions.can_read_personlogg(request.user))
    return render(
        request,
        "forbund/personlogg.html",
        {
            "rader": selectors.personlogg(andra=insatser_selectors.signaturlista_logg()),
            "signaturlistor": insatser_selectors.signaturlistor(),
        },
    )


def _styrelsens_lage(user, idag) -> dict:
    """The board's own start: its next meeting with the handlingar, the latest justerat
    protocol, three figures of this year's economy, what is coming up for decision and the
    reports waiting for approval. A fixed number of queries."""
    styrelsen = moten_selectors.styrelsen_ids()
    lage = {
        "nasta_mote": moten_selectors.nasta_mote(styrelsen, idag),
        "senast_justerat": moten_selectors.senaste_justerade(styrelsen),
        "infor_beslut": insatser_selectors.ansokningar_infor_beslut(),
    }
    if ekonomi_permissions.can_view_ekonomi(user):
        ar = ekonomi_selectors.standardar(idag)
        lage["nyckeltal"] = ekonomi_selectors.nyckeltal(ar)
    if rapporter_permissions.can_view_rapporter(user):
        lage["rapporter_att_godkanna"] = rapporter_selectors.att_godkanna(idag)
        lage["arsrapporter_att_godkanna"] = insatser_selectors.arsrapporter_att_godkanna()
    return lage
