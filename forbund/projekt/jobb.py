"""The daily reminders (issue 19, docs/jobb.md): a periodic job of the queue, in the project
layer because it reads every app (through their selectors).

Each app proposes its reminders for today (moten, insatser and enkater `paminnelser`);
forbund.services.paminnelser_skapa stores the new ones and queues their mail in one
transaction. A reminder goes once: one row per user and matter, unique in the database, so
a second run the same day (or a retry) sends nothing. The start page lists them.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from enkater import selectors as enkater_selectors
from forbund import jobb, selectors, services
from insatser import selectors as insatser_selectors
from moten import selectors as moten_selectors


def paminnelser_for_dagen(idag: dt.date) -> list:
    """Store and mail the reminders due `idag`; returns the new ones."""
    kansli = selectors.kansli_anvandare()
    forslag = [
        *moten_selectors.paminnelser(idag, kansli=kansli),
        *insatser_selectors.paminnelser(idag, kansli=kansli),
        *enkater_selectors.paminnelser(idag, kansli=kansli),
    ]
    return services.paminnelser_skapa(forslag=forslag, webbadress=settings.FORBUND_WEBBADRESS)


# Every morning at 06:15, Swedish time (procrastinate reads cron in UTC: 05:15 UTC is 06:15
# in winter and 07:15 in summer). The lock keeps two runs from overlapping.
@jobb.app.periodic(cron="15 5 * * *")
@jobb.app.task(
    name="paminnelser.dagligen",
    queue="paminnelser",
    lock="paminnelser",
    queueing_lock="paminnelser",
    retry=jobb.forsok(),
)
def paminnelser_dagligen(timestamp: int) -> None:
    close_old_connections()
    try:
        paminnelser_for_dagen(timezone.localdate())
    finally:
        close_old_connections()
