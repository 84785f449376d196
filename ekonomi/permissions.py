"""Board members and revisorer read the economy; only the kansli imports and edits."""

from forbund import permissions as fp


def can_view_ekonomi(user) -> bool:
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen or r.revisor


def can_edit_ekonomi(user) -> bool:
    return fp.is_kansli(user)


def can_view_rapporter(user) -> bool:
    """Verksamhetsrapporter: the kansli writes them, the board approves, the revisorer read."""
    return can_view_ekonomi(user)


def can_edit_rapporter(user) -> bool:
    return fp.is_kansli(user)
