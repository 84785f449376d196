"""Files made by the job queue (issue 19, point 5; docs/jobb.md): the year's PDF/A archive
package and the full verksamhetsrapport. A POST stores the request and its job in one
transaction and shows a status page; a real worker process (`manage.py jobb --ko filer
--tills-tom`) on the test database builds the file; the status page then offers it. The
archive holds the stored documents byte for byte. A job that fails for good is listed on the
kansli's page, and "Försök igen" there is in the history log."""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from procrastinate.contrib.django.models import ProcrastinateJob

from forbund import services as forbund_services
from forbund.models import Framstallning, Jobbatgard
from moten import dokument, selectors
from rapporter import jobb as rapporter_jobb
from rapporter.models import Verksamhetsrapport

from .conftest import client_for

ROOT = Path(__file__).resolve().parent.parent


def kor_arbetaren(settings, ko: str = "filer", **miljo: str) -> str:
    """Run one queue's waiting jobs with a real worker on the test database (`manage.py jobb
    --ko <ko> --tills-tom`); returns what it printed."""
    env = {k: v for k, v in os.environ.items() if k != "FORBUND_PG_STOP_AT_EXIT"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "forbund.settings.test",
        "FORBUND_DB_NAME": connection.settings_dict["NAME"],
        "FORBUND_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        **miljo,
    }
    proc = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "jobb", "--ko", ko, "--tills-tom"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout + proc.stderr


@pytest.fixture
def kodata(transactional_db, moten, settings):
    # Only the worker process makes the files here; nothing runs in-process.
    settings.FORBUND_JOBB_DIREKT = False
    return moten


def test_the_archive_package_is_made_by_the_worker_from_the_stored_documents(kodata, settings):
    ar = min(selectors.arkivar())
    kansli = client_for("forbundschef")
    svar = kansli.post(reverse("arkivpaket_bestall"), {"ar": ar})
    f = Framstallning.objects.get()
    assert svar.status_code == 302 and svar["Location"] == reverse(
        "framstallning_detail", args=[f.pk]
    )
    assert ProcrastinateJob.objects.filter(id=f.job_id, status="todo").exists()

    fore = kansli.get(svar["Location"])
    assert "Filen görs nu" in fore.content.decode()
    assert reverse("framstallning_hamta", args=[f.pk]) not in fore.content.decode()
    assert kansli.get(reverse("framstallning_hamta", args=[f.pk])).status_code == 302

    kor_arbetaren(settings)

    efter = kansli.get(svar["Location"]).content.decode()
    assert "Klar" in efter and reverse("framstallning_hamta", args=[f.pk]) in efter
    fil = kansli.get(reverse("framstallning_hamta", args=[f.pk]))
    assert fil.status_code == 200 and fil["Content-Type"] == "application/zip"
    z = zipfile.ZipFile(io.BytesIO(fil.content))
    manifest = json.loads(z.read(f"protokoll-{ar}/manifest.json"))
    justerade = list(selectors.justerade_protokoll(ar).values_list("pk", flat=True))
    assert justerade and len(manifest["protokoll"]) == len(justerade)
    for pk in justerade:
        p = dokument.hamta(pk)
        lagrat = dokument.lagrat_dokument(p)
        # The stored PDF/A, byte for byte: the archive renders nothing anew.
        assert z.read(f"protokoll-{ar}/{dokument.protokoll_filnamn(p)}") == bytes(lagrat.pdf)
    # Someone else gets a 404, not a hint that it exists.
    assert client_for("ordforande").get(svar["Location"]).status_code == 404
    assert client_for("ordforande").get(fil.request["PATH_INFO"]).status_code == 404


def test_the_full_report_is_made_by_the_worker_and_a_failed_one_shows_to_the_kansli(
    kodata, settings
):
    rapport = Verksamhetsrapport.objects.order_by("pk").first()
    kansli = client_for("forbundschef")
    svar = kansli.post(reverse("verksamhetsrapport_bestall", args=[rapport.pk]))
    f = Framstallning.objects.get()
    assert svar["Location"] == reverse("framstallning_detail", args=[f.pk])
    # A report job for a report that no longer exists: it fails on every attempt.
    trasig = forbund_services.framstallning_bestall(
        actor=get_user_model().objects.get(username="forbundschef"),
        uppgift=rapporter_jobb.verksamhetsrapport_jobb,
        gor=rapporter_jobb.verksamhetsrapport_gor,
        typ="verksamhetsrapport",
        titel="Rapport som inte finns",
        jobbargs={"rapport_id": 0},
    )

    kor_arbetaren(settings, FORBUND_JOBB_FORSOK="1")

    efter = kansli.get(svar["Location"]).content.decode()
    assert "Klar" in efter
    fil = kansli.get(reverse("framstallning_hamta", args=[f.pk]))
    assert fil.status_code == 200 and fil.content.startswith(b"%PDF")
    assert f"{rapporter_jobb.filnamn(rapport)}.pdf" in fil["Content-Disposition"]

    trasig.refresh_from_db()
    assert trasig.klar is None and "DoesNotExist" in trasig.senaste_fel
    assert ProcrastinateJob.objects.get(id=trasig.job_id).status == "failed"
    assert (
        "Det gick inte att göra filen"
        in kansli.get(reverse("framstallning_detail", args=[trasig.pk])).content.decode()
    )
    sida = kansli.get(reverse("jobb_fel")).content.decode()
    assert "Rapport som inte finns" in sida and "DoesNotExist" in sida

    # Försök igen: back in the queue, and in the history log with who did it.
    assert kansli.post(reverse("jobb_forsok_igen", args=[trasig.job_id])).status_code == 302
    assert ProcrastinateJob.objects.get(id=trasig.job_id).status == "todo"
    atgard = Jobbatgard.objects.get()
    assert atgard.job_id == trasig.job_id and atgard.uppgift == "rapporter.verksamhetsrapport"
    historia = atgard.history.get()
    assert historia.history_user.username == "forbundschef"
    assert "Försök igen" in kansli.get(reverse("jobb_fel")).content.decode()


def test_in_the_tests_the_job_runs_in_process_when_the_request_commits(
    moten, django_capture_on_commit_callbacks
):
    """As queued mail is delivered in-process (FORBUND_EPOST_DIREKT), a file job runs when
    its transaction commits (FORBUND_JOBB_DIREKT): the rest of the suite sees the file."""
    rapport = Verksamhetsrapport.objects.order_by("pk").first()
    kansli = client_for("forbundschef")
    with django_capture_on_commit_callbacks(execute=True):
        svar = kansli.post(reverse("verksamhetsrapport_bestall", args=[rapport.pk]))
    sida = kansli.get(svar["Location"]).content.decode()
    assert "Klar" in sida and 'hx-trigger="every' not in sida


def test_a_year_without_justerade_protocols_is_refused_with_a_message(moten):
    kansli = client_for("forbundschef")
    svar = kansli.post(reverse("arkivpaket_bestall"), {"ar": "1850"}, follow=True)
    assert "Välj ett år med justerade protokoll." in svar.content.decode()
    assert not Framstallning.objects.exists()
