"""What the portal refuses before any view sees it, and how it answers a refusal that comes
from the database.

A NUL byte cannot be stored in PostgreSQL text (psycopg refuses the query), and bytes that are
not UTF-8 are no Swedish text either: a path or query string carrying one is answered 400 here,
whatever URL it was sent to, instead of failing in whichever view or query first meets it."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.db import DatabaseError
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string

from .sparr import SQLSTATE


def _text(raw: str) -> str | None:
    """WSGI hands over the path and query as latin-1 strings of the raw bytes: their text, or
    None when they are not UTF-8 or hold a NUL."""
    try:
        text = unquote_to_bytes(raw.encode("latin-1")).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return None if "\x00" in text else text


def ogiltiga_tecken(get_response):
    """First in the middleware: nothing else (log in, CSRF, sessions, views) runs on it."""

    def middleware(request):
        environ = request.environ
        if _text(environ.get("PATH_INFO", "")) is None or (
            _text(environ.get("QUERY_STRING", "")) is None
        ):
            # Rendered without the request: the menu needs a user, and there is none yet.
            return HttpResponseBadRequest(render_to_string("400.html"))
        return get_response(request)

    return middleware


class LasSom409:
    """A lock trigger's refusal (forbund/sparr.py: SQLSTATE 23001) is answered 409 with the
    trigger's Swedish message, from whatever path reached it (a form, the admin, a view that
    forgot to ask the service first): never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        orsak = exception.__cause__
        if isinstance(exception, DatabaseError) and getattr(orsak, "sqlstate", None) == SQLSTATE:
            return render(
                request, "409.html", {"meddelande": orsak.diag.message_primary}, status=409
            )
        return None
