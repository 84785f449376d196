"""Logs that never hold a survey code.

A respondent's single-use link is /e/<kod>/ and a round's shared link /e/alla/<kod>/. A log
line with the code, the client's address and the second would tie a printed link (handed to
a known person) to the moment of an answer, so every log the portal writes names the route
instead: /e/<kod>/. The filter below sits on the handlers of Django's loggers (runserver's
django.server, django.request's 4xx and 5xx lines, the root logger), and GunicornLogger on
gunicorn's access log (gunicorn.conf.py at the top of the checkout names it). The web server
in front keeps its own log: docs/anonymitet.md says how to keep the codes out of it."""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger

# /e/<kod>/ and /e/alla/<kod>/, anywhere in a line (a request line, a path, a Referer).
ENKATLANK = re.compile(r"(/e/(?:alla/)?)(?!<kod>)[^/?#\s\"']+")


def utan_enkatkod(text: str) -> str:
    return ENKATLANK.sub(r"\1<kod>", text)


def ar_enkatlank(path: str) -> bool:
    return path.startswith("/e/")


def _rensa(varde):
    return utan_enkatkod(varde) if isinstance(varde, str) else varde


class UtanEnkatkod(logging.Filter):
    """Rewrites a record's message and arguments: the route, never the code."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _rensa(record.msg)
        if isinstance(record.args, dict):
            record.args = {k: _rensa(v) for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(_rensa(a) for a in record.args)
        return True


class GunicornLogger(Logger):
    """gunicorn's access log with every survey code replaced by <kod>, and for the survey
    routes without the client's address either (the route and the second would still say
    that this address answered then)."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        rensade = {k: _rensa(v) for k, v in atoms.items()}
        if ar_enkatlank(environ.get("PATH_INFO", "")):
            rensade["h"] = "-"
            rensade["{remote_addr}e"] = "-"
            rensade["{x-forwarded-for}i"] = "-"
        return rensade
