"""Who may see and change meetings and protocols. Object-level refusals are 404s."""

from __future__ import annotations

from forbund import permissions as fp
from forbund.models import Organ

from .models import Mote, Protokoll


def can_create_mote(user) -> bool:
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


def can_view_beslutsregister(user) -> bool:
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen or r.revisor
