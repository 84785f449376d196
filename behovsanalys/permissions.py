"""Who may read and import the behovsanalys (forbund.permissions reads the roles)."""

from forbund.permissions import is_kansli, roller


def can_view_behovsanalys(user) -> bool:
    """The board, the kansli (who prepare the utvecklingsråd) and the revisorer read it."""
    r = roller(user)
    return r.kansli or r.i_styrelsen or r.revisor


def can_import_behovsanalys(user) -> bool:
    return is_kansli(user)
