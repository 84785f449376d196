"""Who may see and change meetings and protocols. Object-level refusals are 404s."""

from __future__ import annotations

from forbund import permissions as fp
from forbund.models import Organ

from .models import Mote, Paragraf, Protokoll


def can_create_mote(user) -> bool:
    return fp.is_kansli(user)


def can_arkivera(user) -> bool:
    """The year's archive package of justerade protocols (with their non-public bilagor)."""
    return fp.is_kansli(user)


def can_view_mote(user, mote: Mote) -> bool:
    r = fp.roller(user)
    if r.kansli or mote.organ_id in r.organ_ids:
        return True
    # The styrelse's meetings are open to its members, ersättare and the revisorer.
    return mote.organ.typ == Organ.Typ.STYRELSE and (r.i_styrelsen or r.revisor)


def can_edit_mote(user, mote: Mote) -> bool:
    return fp.is_kansli(user)


def can_view_motesregister(user) -> bool:
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen or r.revisor or bool(r.organ_ids)


def can_justera(user, protokoll: Protokoll, justeringar) -> bool:
    """`justeringar`: the protocol's Justering rows (already fetched)."""
    if protokoll.status != Protokoll.Status.NUMRERAT or not user.is_authenticated:
        return False
    return any(j.person.user_id == user.pk and j.justerad is None for j in justeringar)


def ar_justerare(user, justeringar) -> bool:
    """Named to justera this protocol (ordförande or justerare), whether done or not."""
    return user.is_authenticated and any(j.person.user_id == user.pk for j in justeringar)


def can_kommentera(user, protokoll: Protokoll, justeringar) -> bool:
    """A named justerare may leave comments while justering is under way."""
    return protokoll.status == Protokoll.Status.NUMRERAT and ar_justerare(user, justeringar)


def can_justera_paragraf(user, paragraf: Paragraf, justeringar, gjorda) -> bool:
    """Omedelbar justering of one paragraph: a named justerare of its (numbered) protocol who
    has not justerat it yet. `gjorda`: the paragraph's Paragrafjustering rows."""
    return (
        paragraf.justeras_omedelbart
        and paragraf.omedelbart_justerad is None
        and paragraf.protokoll.status == Protokoll.Status.NUMRERAT
        and not any(j.justerad for j in justeringar)
        and ar_justerare(user, justeringar)
        and not any(g.person.user_id == user.pk for g in gjorda)
    )


def can_view_beslutsregister(user) -> bool:
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen or r.revisor


def can_view_uppfoljning(user) -> bool:
    """Beslutsuppföljning: who reads the styrelse's decisions."""
    return can_view_beslutsregister(user)


def can_edit_uppfoljning(user) -> bool:
    return fp.is_kansli(user)
