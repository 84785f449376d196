"""The survey inbox is emptied by the job queue (enkater/jobb.py), not by a cron line: a
real worker process (`manage.py jobb --ko enkater --tills-tom`) runs the hourly job and the
answer that waited moves into the answers."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from enkater import jobb as enkater_jobb
from enkater import services
from enkater.models import Inkorg, Svar

from ..conftest import client_for
from ..test_framstallning import kor_arbetaren


@pytest.mark.django_db(transaction=True)
def test_the_hourly_job_moves_what_has_waited(enkat, settings):
    (token,) = services.tokens_create(actor=None, omgang=enkat, antal=1)
    fraga = enkat.formular.fragor.get(nummer="1")
    svar = client_for("anonym").post(reverse("besvara", args=[token.kod]), {f"f{fraga.pk}": 4})
    assert svar.status_code in (200, 302)
    fore = Svar.objects.filter(omgang=enkat).count()
    # One answer alone stays in the inbox until it has waited two days (or the round closes).
    Inkorg.objects.filter(omgang=enkat).update(
        datum=timezone.localdate() - dt.timedelta(days=services.INKORG_DAGAR)
    )
    enkater_jobb.inkorg_varje_timme.defer(timestamp=int(timezone.now().timestamp()))

    kor_arbetaren(settings, ko="enkater")
    assert not Inkorg.objects.filter(omgang=enkat).exists()
    assert Svar.objects.filter(omgang=enkat).count() == fore + 1
