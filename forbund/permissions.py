"""Who may do what. Every view asks here; templates only hide what the view already refuses.

Deny by default: a user gets exactly what the roles of their active uppdrag give, nothing
else. A superuser account only opens the Django admin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Organ, Roll, Uppdrag

KANSLI_ROLLER = frozenset({Roll.FORBUNDSCHEF, Roll.UTVECKLINGSLEDARE, Roll.PROCESSTODJARE})
STYRELSE_ROLLER = frozenset({Roll.ORDFORANDE, Roll.VICE_ORDFORANDE, Roll.LEDAMOT, Roll.ERSATTARE})


@dataclass(frozen=True)
class Roller:
    """The roles of one user today, read in one query."""

    roller: frozenset[str] = frozenset()
    styrelse: frozenset[str] = frozenset()
    organ_ids: frozenset[int] = frozenset()
    uppdrag: tuple = field(default=(), compare=False)

    @property
    def kansli(self) -> bool:
        return bool(self.roller & KANSLI_ROLLER)

    @property
    def i_styrelsen(self) -> bool:
        return bool(self.styrelse)

    @property
    def revisor(self) -> bool:
        return Roll.REVISOR in self.roller

    @property
    def insatspersonal(self) -> bool:
        return Roll.INSATSPERSONAL in self.roller


INGA_ROLLER = Roller()


def roller(user) -> Roller:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return INGA_ROLLER
    cached = getattr(user, "_portal_roller", None)
    if cached is None:
        uppdrag = tuple(
            Uppdrag.objects.aktiva()
            .filter(person__user=user)
            .select_related("organ", "part", "person")
            .order_by("roll")
        )
        cached = Roller(
            roller=frozenset(u.roll for u in uppdrag),
            styrelse=frozenset(
                u.roll for u in uppdrag if u.organ_id and u.organ.typ == Organ.Typ.STYRELSE
            ),
            organ_ids=frozenset(u.organ_id for u in uppdrag if u.organ_id),
            uppdrag=uppdrag,
        )
        user._portal_roller = cached
    return cached


def is_kansli(user) -> bool:
    return roller(user).kansli


def can_view_jobb(user) -> bool:
    """The job queue's failed jobs and unsent mail, and trying one again: the kansli."""
    return roller(user).kansli


def can_view_forbund(user) -> bool:
    r = roller(user)
    return r.kansli or r.i_styrelsen or r.revisor


def can_edit_forbund(user) -> bool:
    return is_kansli(user)


def can_view_organ(user, organ: Organ) -> bool:
    r = roller(user)
    return can_view_forbund(user) or organ.pk in r.organ_ids


def can_manage_personer(user) -> bool:
    return is_kansli(user)


def can_confirm(user) -> bool:
    """A second person for a change to who can act (Bekraftelse): another kansli user or the
    ordförande (the service refuses the requester and the person concerned)."""
    r = roller(user)
    return r.kansli or Roll.ORDFORANDE in r.styrelse


def can_read_personlogg(user) -> bool:
    """The log of changes to people, uppdrag, logins and the signaturlista: the ordförande
    and the revisor (who watch the kansli), and the kansli itself."""
    r = roller(user)
    return r.kansli or r.revisor or Roll.ORDFORANDE in r.styrelse


def can_view_history(user) -> bool:
    return is_kansli(user)


def can_use_admin(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or is_kansli(user)


def can_have_kalender(user) -> bool:
    """A calendar address of one's meetings: members of an organ, and the kansli (who attend
    the styrelse's meetings as its secretary)."""
    r = roller(user)
    return bool(r.organ_ids) or r.kansli
