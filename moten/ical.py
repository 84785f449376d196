"""Meetings as iCalendar (RFC 5545) with the icalendar library: one VEVENT per meeting, used by
the personal calendar feed and (issue 15) the .ics of a kallelse."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event

from .models import Mote

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PRODID = "-//Förbundsportalen//Möten//SV"
UID_DOMAN = "forbundsportalen"


def mote_uid(mote: Mote) -> str:
    """Stable across feeds and kallelser, so a calendar updates the event instead of adding one."""
    return f"mote-{mote.pk}@{UID_DOMAN}"


def mote_vevent(mote: Mote, *, url: str = "", beskrivning: str = "") -> Event:
    """The meeting as a VEVENT: a timed event when the meeting has a start time (three hours
    when it has no end), otherwise a whole-day event. Times are Swedish local time written
    in UTC, which every calendar reads without a VTIMEZONE of its own."""
    event = Event()
    event.add("uid", mote_uid(mote))
    event.add("dtstamp", timezone.now())
    event.add("summary", f"{mote.organ.namn}: sammanträde")
    if mote.starttid:
        start = dt.datetime.combine(mote.datum, mote.starttid, STOCKHOLM)
        slut = (
            dt.datetime.combine(mote.datum, mote.sluttid, STOCKHOLM)
            if mote.sluttid and mote.sluttid > mote.starttid
            else start + dt.timedelta(hours=3)
        )
        event.add("dtstart", start.astimezone(dt.UTC))
        event.add("dtend", slut.astimezone(dt.UTC))
    else:
        event.add("dtstart", mote.datum)
        event.add("dtend", mote.datum + dt.timedelta(days=1))
    if mote.plats:
        event.add("location", mote.plats)
    if url:
        event.add("url", url)
    if beskrivning:
        event.add("description", beskrivning)
    return event


def kalender(
    moten: Iterable[Mote], *, namn: str, url_for: Callable[[Mote], str] | None = None
) -> bytes:
    """A VCALENDAR with one VEVENT per meeting."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", namn)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    for mote in moten:
        cal.add_component(mote_vevent(mote, url=url_for(mote) if url_for else ""))
    return cal.to_ical()
