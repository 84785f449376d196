"""The kallelse as a calendar entry (issue 15): an .ics built with the icalendar library,
attached to the kallelse e-mail and downloadable from the meeting; dagordningspunkter with a
föredragande and an estimated time, shown in the kallelse."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pypdf
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from moten import ical

from ..conftest import client_for


def test_the_kallelse_carries_an_ics_and_the_items_their_foredragande_and_time(
    moten, django_capture_on_commit_callbacks
):
    kansli = client_for("forbundschef")
    mote = moten.utkast
    mote.starttid = dt.time(13, 0)
    mote.save(update_fields=["starttid"])
    svar = kansli.post(
        reverse("punkt_create", args=[mote.pk]),
        {"rubrik": "Budgetuppföljning", "foredragande": "Eva Sidsjö", "tid_minuter": "20"},
    )
    assert svar.status_code == 302
    fel = kansli.post(
        reverse("punkt_create", args=[mote.pk]), {"rubrik": "För lång", "tid_minuter": "900"}
    )
    assert fel.status_code == 422

    sida = kansli.get(reverse("mote_detail", args=[mote.pk])).content.decode()
    assert "föredragande Eva Sidsjö, ca 20 min" in sida
    pdf = kansli.get(reverse("kallelse_pdf", args=[mote.pk])).content
    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "Budgetuppföljning – föredragande Eva Sidsjö, ca 20 min" in text

    nedladdad = kansli.get(reverse("kallelse_ics", args=[mote.pk]))
    assert nedladdad["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(nedladdad.content).walk("VEVENT")
    assert str(event["uid"]) == ical.mote_uid(mote)
    start = dt.datetime.combine(mote.datum, dt.time(13, 0), ZoneInfo("Europe/Stockholm"))
    assert event.decoded("dtstart") == start.astimezone(dt.UTC)
    assert "Budgetuppföljning (Eva Sidsjö, ca 20 min)" in str(event["description"])
    assert str(event["location"]) == mote.plats

    with django_capture_on_commit_callbacks(execute=True):
        kansli.post(reverse("kallelse_send", args=[mote.pk]))
    (meddelande,) = mail.outbox
    typer = {mimetype for _namn, _innehall, mimetype in meddelande.attachments}
    assert typer == {"application/pdf", "text/calendar"}
    ics = next(c for _n, c, t in meddelande.attachments if t == "text/calendar")
    ics = ics.encode() if isinstance(ics, str) else ics
    (skickad,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(skickad["uid"]) == ical.mote_uid(mote)
    # Only those who may see the meeting get its calendar entry.
    assert (
        client_for("insatspersonal").get(reverse("kallelse_ics", args=[mote.pk])).status_code == 404
    )
