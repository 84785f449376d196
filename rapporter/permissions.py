"""Verksamhetsrapporter: the kansli writes them, the board approves, the revisorer read."""

from forbund import permissions as fp


def can_view_rapporter(user) -> bool:
    """Verksamhetsrapporter: the kansli writes them, the board approves, the revisorer read."""
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen or r.revisor


def can_edit_rapporter(user) -> bool:
    return fp.is_kansli(user)
