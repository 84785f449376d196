"""The job queue (issue 19, docs/jobb.md) with real worker processes (`manage.py jobb`) on
the test database: nothing of ours is simulated. The mail server is Django's file-based
backend in a folder of the test's own (tests/jobb_epost.py), so a sent message is a file.

- A kallelse is queued; the worker is killed with SIGKILL just before it sends; a second
  worker runs the job again and the mail goes out exactly once, and once only even when the
  job is run a third time.
- A job whose mail server refuses is retried and, after its last attempt, shown to the
  kansli on its page with the error.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.urls import reverse

from forbund import epost, jobb
from forbund.models import Utskick
from moten import services as moten_services

from .conftest import client_for

ROOT = Path(__file__).resolve().parent.parent
VANTA = 60.0


def _arbetare(*args: str, **miljo: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "FORBUND_PG_STOP_AT_EXIT"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "forbund.settings.test",
        "FORBUND_DB_NAME": connection.settings_dict["NAME"],
        **miljo,
    }
    return subprocess.Popen(  # noqa: S603
        # The mail queue only: the periodic reminders are not this file's subject.
        [sys.executable, "manage.py", "jobb", "--ko", "epost", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _vanta_tills(villkor, proc: subprocess.Popen, meddelande: str) -> None:
    slut = time.monotonic() + VANTA
    while not villkor():
        if proc.poll() is not None or time.monotonic() > slut:
            proc.kill()
            ut, fel = proc.communicate()
            raise AssertionError(f"{meddelande}:\n{ut}\n{fel}")
        time.sleep(0.05)


def _jobbstatus(utskick: Utskick) -> list[str]:
    with connection.cursor() as c:
        c.execute(
            "SELECT status FROM procrastinate_jobs WHERE task_name = 'epost.skicka' "
            "AND args->>'utskick_id' = %s ORDER BY id",
            [str(utskick.pk)],
        )
        return [r[0] for r in c.fetchall()]


def _meddelanden(mapp: Path) -> int:
    """Messages the stand-in mail server received (each starts with its Message-ID)."""
    if not mapp.exists():
        return 0
    return sum(f.read_text().count("Message-ID:") for f in mapp.iterdir())


def _kallelse(mote) -> Utskick:
    kansli = get_user_model().objects.get(username="forbundschef")
    with transaction.atomic():
        mottagare = moten_services.kallelse_send(
            actor=kansli, mote=mote, pdf=b"%PDF-1.4\n%kallelse\n", text="Välkommen."
        )
    assert mottagare
    return Utskick.objects.get(amne__startswith="Kallelse:")


@pytest.fixture
def jobbdata(transactional_db, moten, settings):
    # Only the worker processes send here; nothing is delivered in-process.
    settings.FORBUND_EPOST_DIREKT = False
    return moten


def test_a_kallelse_goes_out_exactly_once_when_the_worker_is_killed_before_it_sends(
    jobbdata, tmp_path
):
    post, sparr = tmp_path / "post", tmp_path / "sparr"
    sparr.touch()
    utskick = _kallelse(jobbdata.utkast)
    assert _jobbstatus(utskick) == ["todo"] and utskick.skickat is None

    miljo = {
        "FORBUND_EPOST_BACKEND": "tests.jobb_epost.VantandeFilBackend",
        "FORBUND_EPOST_MAPP": str(post),
        "FORBUND_EPOST_SPARR": str(sparr),
    }
    forsta = _arbetare(**miljo)
    try:
        _vanta_tills(
            Path(str(sparr) + ".borjat").exists, forsta, "Arbetaren kom aldrig fram till utskicket"
        )
        assert _jobbstatus(utskick) == ["doing"]
        os.kill(forsta.pid, signal.SIGKILL)
        forsta.wait(timeout=30)
    finally:
        if forsta.poll() is None:
            forsta.kill()
            forsta.wait()
    assert forsta.returncode == -signal.SIGKILL
    utskick.refresh_from_db()
    assert utskick.skickat is None and _meddelanden(post) == 0
    assert _jobbstatus(utskick) == ["doing"]  # the dead worker's job, until it is found

    # A new worker finds the job of the dead one (no heartbeat for stalled_worker_timeout,
    # 3 s in the test settings) and runs it again.
    sparr.unlink()
    time.sleep(3.5)
    andra = _arbetare("--tills-tom", **miljo)
    ut, fel = andra.communicate(timeout=VANTA)
    assert andra.returncode == 0, fel
    assert "1 avbrutna jobb körs igen" in ut
    utskick.refresh_from_db()
    assert utskick.skickat is not None and utskick.forsok == 1
    assert _meddelanden(post) == 1
    # Sent: the row keeps that it went, not what it said (nor the PDF).
    assert utskick.text == "" and not utskick.bilagor.exists()
    assert _jobbstatus(utskick) == []  # done (successful jobs are deleted)

    # The same job once more (a retry after all): the row says sent, nothing goes out.
    with transaction.atomic():
        jobb.koa(epost.skicka_jobb, utskick_id=str(utskick.pk))
    tredje = _arbetare("--tills-tom", **miljo)
    _ut, fel = tredje.communicate(timeout=VANTA)
    assert tredje.returncode == 0, fel
    assert _meddelanden(post) == 1


def test_a_failing_mail_job_is_retried_and_then_shown_to_the_kansli(jobbdata, tmp_path):
    utskick = _kallelse(jobbdata.utkast)
    # Nothing listens on port 1: every attempt is refused.
    arbetare = _arbetare(
        "--tills-tom",
        FORBUND_EPOST_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_PORT="1",
        FORBUND_JOBB_FORSOK="2",
    )
    _ut, fel = arbetare.communicate(timeout=VANTA)
    assert arbetare.returncode == 0, fel
    assert _jobbstatus(utskick) == ["failed"]
    utskick.refresh_from_db()
    assert utskick.skickat is None and utskick.forsok == 3  # the first try and two retries
    assert "ConnectionRefusedError" in utskick.senaste_fel

    sida = client_for("forbundschef").get(reverse("jobb_fel"))
    assert sida.status_code == 200
    text = sida.content.decode()
    assert utskick.amne in text and "ConnectionRefusedError" in text and "epost.skicka" in text
    for persona in ("ordforande", "insatspersonal"):
        assert client_for(persona).get(reverse("jobb_fel")).status_code == 403
