"""Deadlines under lag (1930:173): the seed's own dates, and the three eves."""

import datetime as dt

from moten import kalender

D = dt.date


def test_seed_003_anslag_dates():
    # November: justerat 2021-12-09, anslag 2021-12-15, ned tidigast 2022-01-05.
    assert kalender.ned_tidigast(D(2021, 12, 15)) == D(2022, 1, 5)
    # January: justerat 2022-02-07, anslag 2022-02-08, ned tidigast 2022-03-01.
    assert kalender.ned_tidigast(D(2022, 2, 8)) == D(2022, 3, 1)


def test_the_proposed_anslag_is_the_day_of_justering_or_today():
    # Not the day after: a Friday justering was proposed for a Saturday, 23 December for
    # julafton. The anslag goes up the day of the justering, or today if that is later.
    assert kalender.foreslaget_anslagsdatum(D(2022, 2, 7)) == D(2022, 2, 7)
    assert kalender.foreslaget_anslagsdatum(D(2022, 12, 23)) == D(2022, 12, 23)
    assert kalender.foreslaget_anslagsdatum(D(2022, 2, 7), D(2022, 2, 8)) == D(2022, 2, 8)
    # The deadline, the second day after justering, moves past julafton and juldagarna.
    assert kalender.anslag_senast(D(2022, 12, 23)) == D(2022, 12, 27)


def test_deadline_moves_past_weekends_holidays_and_eves():
    assert kalender.ned_tidigast(D(2023, 6, 2)) == D(2023, 6, 26)  # midsommarafton 06-23
    assert kalender.ned_tidigast(D(2022, 12, 3)) == D(2022, 12, 27)  # julafton, juldagar
    assert kalender.ned_tidigast(D(2025, 12, 10)) == D(2026, 1, 2)  # nyårsafton, nyårsdagen
    assert kalender.ned_tidigast(D(2022, 3, 5)) == D(2022, 3, 28)  # a Saturday -> Monday
    assert kalender.nasta_vardag(D(2024, 6, 21)) == D(2024, 6, 24)  # midsommarafton 2024


def test_justering_within_fourteen_days():
    assert kalender.justering_senast(D(2021, 11, 26)) == D(2021, 12, 10)
    # 2022-01-21 + 14 = 2022-02-04, a Friday; the seed's justering 2022-02-07 was late.
    assert kalender.justering_senast(D(2022, 1, 21)) == D(2022, 2, 4)
    assert kalender.anslag_senast(D(2022, 2, 7)) == D(2022, 2, 9)
