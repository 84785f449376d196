"""Deadlines of the protocol: justering within 14 days, anslag by the second day after
justering, and the appeal time of three weeks.

Lag (1930:173) om beräkning av lagstadgad tid: a deadline that falls on a Saturday, Sunday,
other public holiday, midsommarafton, julafton or nyårsafton moves to the next weekday. The
`holidays` package knows the public holidays but not the three eves, so they are added here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

JUSTERING_DAGAR = 14
ANSLAG_SENAST_DAGAR = 2
ANSLAG_DAGAR = 21  # three weeks: överklagandetiden, kommunallagen 13 kap. 5 §


@lru_cache(maxsize=64)
def fridagar(ar: int) -> frozenset[dt.date]:
    dagar = set(holidays.country_holidays("SE", years=ar).keys())
    dagar.add(dt.date(ar, 12, 24))  # julafton
    dagar.add(dt.date(ar, 12, 31))  # nyårsafton
    # Midsommarafton: the Friday between 19 and 25 June.
    for day in range(19, 26):
        d = dt.date(ar, 6, day)
        if d.weekday() == 4:
            dagar.add(d)
    return frozenset(dagar)


def vardag(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in fridagar(d.year)


def nasta_vardag(d: dt.date) -> dt.date:
    """d itself if it is a weekday, otherwise the next one (lag 1930:173)."""
    while not vardag(d):
        d += dt.timedelta(days=1)
    return d


def justering_senast(sammantradesdatum: dt.date) -> dt.date:
    return nasta_vardag(sammantradesdatum + dt.timedelta(days=JUSTERING_DAGAR))


def foreslaget_anslagsdatum(justeringsdatum: dt.date, idag: dt.date | None = None) -> dt.date:
    """The day of the justering, or today if that is later: never after anslag_senast unless
    that day has already passed (then today, at once)."""
    return max(justeringsdatum, idag or justeringsdatum)


def anslag_senast(justeringsdatum: dt.date) -> dt.date:
    return nasta_vardag(justeringsdatum + dt.timedelta(days=ANSLAG_SENAST_DAGAR))


def ned_tidigast(anslagsdatum: dt.date) -> dt.date:
    return nasta_vardag(anslagsdatum + dt.timedelta(days=ANSLAG_DAGAR))
