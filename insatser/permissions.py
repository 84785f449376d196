"""Who may see and do what with insatser. Insatspersonal see only their own insatser: any
other insats is a 404 to them, in pages, exports and htmx fragments alike."""

from __future__ import annotations

from forbund import permissions as fp
from forbund.models import Roll

from .models import Insats


def ser_alla(user) -> bool:
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen or r.revisor


def ser_pengar(user) -> bool:
    """The one policy for money (issue 18): whoever may see an insats sees what the styrelse
    granted it and what has been paid and is left (its cost per participant too), in every
    page, export and PDF of that insats: the kansli, the styrelse and the revisorer for every
    insats, its insatspersonal for their own (the only ones they reach; the decisions are
    public in the protocol anyway). The payments themselves (requests, attests) are the
    kansli's and the attestants' (beviljning_detail)."""
    return can_view_insatser(user)


def insatser_for(user):
    if ser_alla(user):
        return Insats.objects.all()
    if fp.roller(user).insatspersonal:
        return Insats.objects.filter(personal__user=user)
    return Insats.objects.none()


def can_view_insatser(user) -> bool:
    return ser_alla(user) or fp.roller(user).insatspersonal


def can_view_insats(user, insats: Insats) -> bool:
    if ser_alla(user):
        return True
    return fp.roller(user).insatspersonal and insats.personal.filter(user=user).exists()


def can_edit_insats(user) -> bool:
    return fp.is_kansli(user)


def can_report(user, insats: Insats) -> bool:
    """Enter statistics and follow-ups: the insats's own staff, or the kansli."""
    if fp.is_kansli(user):
        return True
    return fp.roller(user).insatspersonal and insats.personal.filter(user=user).exists()


def can_approve(user) -> bool:
    return fp.is_kansli(user)


def can_manage_ekonomi(user) -> bool:
    return fp.is_kansli(user)


def can_attest(user) -> bool:
    """Attestanter (attest- och utanordningsinstruktionen): the kansli and the presidium."""
    r = fp.roller(user)
    return r.kansli or bool(r.styrelse & {Roll.ORDFORANDE, Roll.VICE_ORDFORANDE})


def can_view_arrangemang(user) -> bool:
    """Events are the förbund's own work: the kansli, the board and the revisorer read them."""
    return ser_alla(user)


def can_edit_arrangemang(user) -> bool:
    return fp.is_kansli(user)
