"""The load scenario runs without a single error: a short locust run (a few users, about
12 seconds) against the test server, with the data `make load` prepares. The real run (50
users, two minutes, gunicorn) is `make load`; its figures are in docs/performance.md."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from devtools import skala
from loadtest.kor import tolka_statistik

ROT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db(transaction=True)
def test_the_load_scenario_runs_without_errors(live_server, hela_demot, tmp_path):
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.filter(username="insatspersonal").exists()
    data = tmp_path / "data.json"
    data.write_text(json.dumps(skala.forbered_belastning(tokens=100)))
    korning = subprocess.run(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROT / "loadtest" / "locustfile.py"),
            "--headless",
            "--users",
            "8",
            "--spawn-rate",
            "8",
            "--run-time",
            "12s",
            "--host",
            live_server.url,
            "--csv",
            str(tmp_path / "locust"),
            "--only-summary",
            "--stop-timeout",
            "5",
        ],
        cwd=ROT,
        env={**os.environ, "LOAD_DATA": str(data), "LOAD_PASSWORD": "demo-sundsvall-2022"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    statistik = tolka_statistik(tmp_path / "locust_stats.csv")
    assert korning.returncode == 0, korning.stdout[-3000:] + korning.stderr[-3000:]
    assert statistik["fel"] == 0, statistik
    # Every kind of user got its work done.
    sidor = statistik["per_sida"]
    for namn in (
        "POST /e/[kod]/ (svara)",
        "POST /insatser/perioder/[id]/ (spara)",
        "GET /ekonomi/",
    ):
        assert sidor.get(namn, {}).get("anrop", 0) > 0, (namn, sorted(sidor))
