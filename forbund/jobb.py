"""The job queue (issue 19, docs/jobb.md): procrastinate on the portal's own PostgreSQL.

- :func:`koa` defers a job through Django's connection, so the job row is written in the
  caller's transaction: a rolled-back change leaves no job, a committed one always has its
  job. (procrastinate's worker talks to the database over a pool of its own; a job that
  defers another one, such as the reminders sending mail, goes through here too.)
- :func:`aterstall_avbrutna` runs again the jobs of a worker that died mid-job (SIGKILL, a
  crash, the machine going down): a worker that has not sent a heartbeat for
  ``stalled_worker_timeout`` seconds is taken for dead. ``manage.py jobb`` calls it as it
  starts and then every such interval.
- :func:`misslyckade_jobb` lists what failed for good, for the kansli's page.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from procrastinate import manager, tasks
from procrastinate.contrib.django import app
from procrastinate.contrib.django.django_connector import DjangoConnector
from procrastinate.contrib.django.models import ProcrastinateJob
from procrastinate.retry import RetryStrategy

logger = logging.getLogger("forbund.jobb")

# Deferring through Django's own connection (and so its transaction).
_JOBB_I_TRANSAKTIONEN = manager.JobManager(DjangoConnector(alias="default"))


def forsok() -> RetryStrategy:
    """How a failing job is retried: FORBUND_JOBB_FORSOK attempts, waiting
    FORBUND_JOBB_VANTA ** n seconds before the n:th retry."""
    return RetryStrategy(
        max_attempts=settings.FORBUND_JOBB_FORSOK, exponential_wait=settings.FORBUND_JOBB_VANTA
    )


def koa(uppgift: tasks.Task, **kwargs: Any) -> int:
    """Defer `uppgift` in the current transaction; returns the job's id."""
    deferrer = tasks.configure_task(
        name=uppgift.name,
        job_manager=_JOBB_I_TRANSAKTIONEN,
        queue=uppgift.queue,
        lock=uppgift.lock,
        queueing_lock=uppgift.queueing_lock,
        priority=uppgift.priority,
    )
    return deferrer.defer(**kwargs)


async def aterstall_avbrutna(jobbapp) -> int:
    """Put the jobs of dead workers back in the queue; returns how many."""
    timeout = jobbapp.worker_defaults.get("stalled_worker_timeout", 30.0)
    antal = 0
    for job in await jobbapp.job_manager.get_stalled_jobs(seconds_since_heartbeat=timeout):
        try:
            await jobbapp.job_manager.retry_job(job)
        except Exception:  # another worker's upkeep put it back first
            logger.warning("Jobb %s kunde inte köas igen", job.id, exc_info=True)
            continue
        antal += 1
    await jobbapp.job_manager.prune_stalled_workers(timeout)
    return antal


def misslyckade_jobb():
    """Jobs that failed after their last attempt, newest first."""
    return ProcrastinateJob.objects.filter(status="failed").order_by("-id")


__all__ = ["app", "aterstall_avbrutna", "forsok", "koa", "misslyckade_jobb"]
