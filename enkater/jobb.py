"""The survey inbox emptied by the job queue every hour (docs/enkater-anonymitet.md,
docs/jobb.md): what the `enkatinkorg` command does from cron, run by the worker that
`make run` and production already start, so no cron line is needed. The lock keeps two moves
from overlapping; the move itself skips rows another mover holds."""

from __future__ import annotations

from django.db import close_old_connections

from forbund import jobb

from . import services


@jobb.app.periodic(cron="7 * * * *")
@jobb.app.task(
    name="enkater.inkorg",
    queue="enkater",
    lock="enkatinkorg",
    queueing_lock="enkatinkorg",
    retry=jobb.forsok(),
)
def inkorg_varje_timme(timestamp: int) -> int:
    close_old_connections()
    try:
        return services.inkorg_toem()
    finally:
        close_old_connections()
