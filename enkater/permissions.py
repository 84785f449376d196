"""Survey rounds are run by the kansli; results are read by the kansli and the board;
staff transcribe paper answers for their own insats. Respondents need only a valid link."""

from forbund import permissions as fp


def can_manage(user) -> bool:
    return fp.is_kansli(user)


def can_view_results(user) -> bool:
    r = fp.roller(user)
    return r.kansli or r.i_styrelsen


def can_read_fritext(user) -> bool:
    return fp.is_kansli(user)


def can_transcribe(user, omgang) -> bool:
    if fp.is_kansli(user):
        return True
    return bool(
        omgang.insats_id
        and fp.roller(user).insatspersonal
        and omgang.insats.personal.filter(user=user).exists()
    )
