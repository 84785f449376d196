"""The kansli's page of the job queue (issue 19): a failed mail job with its error and a
message not yet sent, reached from the start page, tried again with the keyboard; axe-core
WCAG 2.1 AA, and no sideways scrolling at 320 px. The status page of a file the queue makes
(a full report), before and after the job, the same way."""

import re

from django.core.mail import EmailMessage
from django.db import connection
from django.urls import reverse
from playwright.sync_api import expect
from procrastinate.contrib.django.models import ProcrastinateJob

from forbund import epost
from forbund.models import Framstallning, Utskick
from rapporter import jobb as rapporter_jobb
from rapporter.models import Verksamhetsrapport

from .test_roles import login


def test_kansli_sees_a_failed_mail_job_and_tries_it_again(page, demo_live, axe_check, settings):
    settings.FORBUND_EPOST_DIREKT = False  # nothing is delivered in-process here
    utskick = epost.utskick_koa(
        EmailMessage("Kallelse: Styrelsen", "Välkommen.", to=["ledamot@example.org"])
    )
    Utskick.objects.filter(pk=utskick.pk).update(
        forsok=3, senaste_fel="ConnectionRefusedError: [Errno 111] Connection refused"
    )
    job = ProcrastinateJob.objects.get(args__utskick_id=str(utskick.pk))
    with connection.cursor() as c:
        c.execute("UPDATE procrastinate_jobs SET status = 'failed' WHERE id = %s", [job.pk])

    base = demo_live.url
    login(page, base, "forbundschef")
    page.get_by_role("link", name="Jobbkön").click()
    expect(page.get_by_role("heading", name=re.compile("Jobbkön"), level=1)).to_be_visible()
    expect(page.get_by_text("Kallelse: Styrelsen till ledamot@example.org")).to_be_visible()
    expect(page.get_by_text("ConnectionRefusedError").first).to_be_visible()
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe_check(page)

    page.get_by_role("button", name=f"Försök igen med jobb {job.pk}").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Jobbet ligger i kön igen")).to_be_visible()
    expect(page.get_by_text("Inga misslyckade jobb.")).to_be_visible()
    axe_check(page)
    job.refresh_from_db()
    assert job.status == "todo"


def test_a_full_report_is_asked_for_made_by_the_job_and_offered_on_its_status_page(
    page, demo_live, axe_check, settings
):
    """The status page while the job has not run (an "Uppdatera" link, no meta refresh),
    then, after the job's body has run, htmx's polling shows the download link by itself."""
    settings.FORBUND_JOBB_DIREKT = False  # the file is made below, as the worker would
    rapport = Verksamhetsrapport.objects.order_by("pk").first()
    base = demo_live.url
    login(page, base, "forbundschef")
    page.goto(f"{base}{reverse('verksamhetsrapport_detail', args=[rapport.pk])}")
    page.get_by_role("button", name="PDF").click()
    expect(page.get_by_text("Filen görs nu.")).to_be_visible()
    expect(page.get_by_role("link", name="Uppdatera")).to_be_visible()
    assert page.locator("meta[http-equiv=refresh]").count() == 0
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    f = Framstallning.objects.get()
    rapporter_jobb.verksamhetsrapport_gor(framstallning_id=str(f.pk), rapport_id=rapport.pk)
    hamta = page.get_by_role("link", name=re.compile("^Hämta"))
    expect(hamta).to_be_visible(timeout=15_000)  # htmx polls every 3 s
    expect(page.get_by_role("link", name="Uppdatera")).to_have_count(0)
    axe_check(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    axe_check(page)
