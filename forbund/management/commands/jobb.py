"""`python manage.py jobb`: the worker of the job queue (docs/jobb.md).

procrastinate's worker on every queue, plus the upkeep no worker does by itself: as it starts
and then every `stalled_worker_timeout` seconds, the jobs of a worker that died mid-job (no
heartbeat for that long) are put back in the queue (forbund.jobb.aterstall_avbrutna). Ctrl-C
or SIGTERM lets the running job finish and stops. In production it is its own process (a
systemd unit, README → Production); `make run` starts it beside the web server
(`manage.py kor`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from django.core.management.base import BaseCommand

from forbund import jobb

logger = logging.getLogger("forbund.jobb")


async def _underhall(jobbapp, intervall: float) -> None:
    while True:
        await asyncio.sleep(intervall)
        try:
            antal = await jobb.aterstall_avbrutna(jobbapp)
        except Exception:
            logger.exception("Kunde inte återställa avbrutna jobb")
            continue
        if antal:
            logger.warning("Jobbkön: %s avbrutna jobb körs igen.", antal)


class Command(BaseCommand):
    help = "Kör jobbkön (e-post, påminnelser, arkiv) tills den får Ctrl-C eller SIGTERM."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ko",
            action="append",
            dest="koer",
            help="Bara den här kön (epost, paminnelser); kan anges flera gånger.",
        )
        parser.add_argument(
            "--tills-tom",
            action="store_true",
            help="Kör de jobb som väntar och avsluta sedan (utan periodiska jobb).",
        )

    def handle(self, *args, tills_tom: bool = False, koer=None, **options):
        app = jobb.app
        with app.replace_connector(app.connector.get_worker_connector()):
            asyncio.run(self._kor(app, vanta=not tills_tom, koer=koer))

    async def _kor(self, app, *, vanta: bool, koer: list[str] | None) -> None:
        async with app.open_async():
            antal = await jobb.aterstall_avbrutna(app)
            self.stdout.write(
                f"Jobbkön startar{f' ({antal} avbrutna jobb körs igen)' if antal else ''}.",
            )
            self.stdout.flush()
            intervall = app.worker_defaults.get("stalled_worker_timeout", 30.0)
            underhall = asyncio.create_task(_underhall(app, intervall))
            try:
                await app.run_worker_async(wait=vanta, name="forbund", queues=koer)
            finally:
                underhall.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await underhall
