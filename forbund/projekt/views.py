"""The start page: what needs this user's attention, from every app (the project layer)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from forbund import permissions, selectors
from forbund.http import require
from insatser import selectors as insatser_selectors
from moten import selectors as moten_selectors


@require_GET
def oversikt(request):
    r = permissions.roller(request.user)
    context = {
        "roller": r,
        "mina_uppdrag": r.uppdrag,
        "att_justera": list(moten_selectors.att_justera_for(request.user)),
        "insatser": insatser_selectors.att_gora(request.user),
        "today": timezone.localdate(),
    }
    if r.kansli:
        context["loper_ut"] = list(selectors.uppdrag_som_loper_ut())
        context["protokoll_under_arbete"] = list(moten_selectors.protokoll_under_arbete())
        context["utan_inloggning"] = list(selectors.personer_utan_inloggning())
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
            "rader": selectors.personlogg(),
            "signaturlistor": insatser_selectors.signaturlistor(),
        },
    )
