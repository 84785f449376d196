"""Read-only public JSON API of the justerade protocols (for the förbund's own website).

OpenAPI schema at /api/openapi.json. Only justerade protocols, paragraphs justerade
omedelbart, and their decisions are published: they are public documents
(offentlighetsprincipen); drafts never are. Names come from the stored documents, as they
were at justering; the PDFs are the stored files, `pdf_sha256` their SHA-256.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from . import selectors

api = NinjaAPI(
    title="Förbundsportalen – protokoll och beslut",
    version="1",
    description="Justerade protokoll, anslag och beslut. Endast läsning, ingen inloggning.",
    docs_url=None,  # the interactive docs load scripts from a CDN; the schema is enough
    urls_namespace="api",
)


class AnslagOut(Schema):
    organ: str
    sammantradesdatum: dt.date
    justeringsdatum: dt.date
    anslagsdatum: dt.date
    ned_tidigast: dt.date
    forvaringsplats: str
    # The anslag of a justerat protocol, or of one paragraph justerad omedelbart (then the
    # paragraph's number and heading and its protokollsutdrag; the protocol is still a draft).
    protokoll_pdf: str | None
    paragraf: int | None
    rubrik: str | None
    utdrag_pdf: str | None


class ProtokollOut(Schema):
    id: int
    organ: str
    sammantradesdatum: dt.date
    paragrafer: str
    justeringsdatum: dt.date
    anslagsdatum: dt.date | None
    ned_tidigast: dt.date | None
    # SHA-256 of the stored content, and of the stored PDF file (`pdf`) once it is rendered.
    sha256: str
    pdf_sha256: str | None
    pdf: str


class FelOut(Schema):
    detail: str


# The year's range is in the schema, so clients (and schemathesis) know it; the check itself
# stays in _kontrollera_ar, which answers 422 with a Swedish message.
Ar = Annotated[int | None, WithJsonSchema({"type": "integer", "minimum": 1900, "maximum": 2100})]


class BeslutOut(Schema):
    organ: str
    sammantradesdatum: dt.date
    paragraf: int | None
    rubrik: str
    att: str
    utdrag_pdf: str


def _kontrollera_ar(ar: int | None) -> None:
    if ar is not None and not 1900 <= ar <= 2100:
        raise HttpError(422, "År ska anges som ett år mellan 1900 och 2100.")


def _abs(request, name: str, pk: int) -> str:
    return request.build_absolute_uri(reverse(name, args=[pk]))


def _anslag(request, a) -> AnslagOut:
    paragraf = a.paragraf
    protokoll = a.protokoll or paragraf.protokoll
    return AnslagOut(
        organ=a.organ_namn,
        sammantradesdatum=protokoll.mote.datum,
        justeringsdatum=timezone.localdate(
            paragraf.omedelbart_justerad if paragraf else protokoll.justerat
        ),
        anslagsdatum=a.anslagsdatum,
        ned_tidigast=a.ned_tidigast,
        forvaringsplats=a.forvaringsplats,
        protokoll_pdf=None if paragraf else _abs(request, "protokoll_pdf", protokoll.pk),
        paragraf=paragraf.nummer if paragraf else None,
        rubrik=paragraf.rubrik if paragraf else None,
        utdrag_pdf=_abs(request, "protokollsutdrag_pdf", paragraf.pk) if paragraf else None,
    )


@api.get("/anslagstavla", response=list[AnslagOut], summary="Aktuella anslag")
def anslagstavla(request):
    return [_anslag(request, a) for a in selectors.anslag_aktuella()]


@api.get(
    "/protokoll", response={200: list[ProtokollOut], 422: FelOut}, summary="Justerade protokoll"
)
def protokoll(request, ar: Ar = None):
    _kontrollera_ar(ar)
    result = []
    for p in selectors.justerade_protokoll(ar, med_intervall=True):
        forsta, sista = p.forsta, p.sista
        anslag = getattr(p, "anslag", None)
        result.append(
            ProtokollOut(
                id=p.pk,
                organ=p.organ_namn,
                sammantradesdatum=p.mote.datum,
                paragrafer=f"§ {forsta}–{sista}" if forsta else "",
                justeringsdatum=timezone.localdate(p.justerat),
                anslagsdatum=anslag.anslagsdatum if anslag else None,
                ned_tidigast=anslag.ned_tidigast if anslag else None,
                sha256=p.sha256,
                pdf_sha256=p.pdf_sha256,
                pdf=_abs(request, "protokoll_pdf", p.pk),
            )
        )
    return result


@api.get("/beslut", response={200: list[BeslutOut], 422: FelOut}, summary="Sök i beslutsregistret")
def beslut(
    request,
    q: str = "",
    ar: Ar = None,
    organ: int | None = None,
):
    _kontrollera_ar(ar)
    return [
        BeslutOut(
            organ=a.organ_namn,
            sammantradesdatum=a.paragraf.protokoll.mote.datum,
            paragraf=a.paragraf.nummer,
            rubrik=a.paragraf.rubrik,
            att=f"Att {a.text}",
            utdrag_pdf=_abs(request, "protokollsutdrag_pdf", a.paragraf_id),
        )
        for a in selectors.beslutsregister(q=q, ar=ar, organ_id=organ)[:500]
    ]


def public_urls():
    """The API's URL patterns, marked as open to anonymous visitors (LoginRequiredMiddleware)."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False
    return patterns, app_name, namespace
