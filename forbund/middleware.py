"""What the portal refuses before any view sees it.

A NUL byte cannot be stored in PostgreSQL text (psycopg refuses the query), and bytes that are
not UTF-8 are no Swedish text either: a path or query string carrying one is answered 400 here,
whatever URL it was sent to, instead of failing in whichever view or query first meets it."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string


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
