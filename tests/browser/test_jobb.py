"""The kansli's page of the job queue (issue 19): a failed mail job with its error and a
message not yet sent, reached from the start page, tried again with the keyboard; axe-core
WCAG 2.1 AA, and no sideways scrolling at 320 px."""

import re

from django.core.mail import EmailMessage
from django.db import connection
from playwright.sync_api import expect
from procrastinate.contrib.django.models import ProcrastinateJob

from forbund import epost
from forbund.models import Utskick

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
