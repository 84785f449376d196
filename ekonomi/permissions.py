"""Board members and revisorer read the economy; only the kansli imports and edits."""

from forbund import permissions as fp


def can_view_ekonomi(user) -> bool:
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen or r.revisor


def can_edit_ekonomi(user) -> bool:
    return fp.is_kansli(user)
