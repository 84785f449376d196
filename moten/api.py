"""Read-only public JSON API of the justerade protocols (for the förbund's own website).

OpenAPI schema at /api/openapi.json. Only justerade protocols, paragraphs justerade
omedelbart, and their decisions are published: they are public documents
(offentlighetsprincipen); drafts never are. Names come from the stored documents, as they
were at justering; the PDFs are the stored files, `pdf_sha256` their SHA-256.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from forbund import sidindelning as sid
from forbund.fel import Fel

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

# The page size a client may choose (`next` keeps it), checked the same way.
ANTAL_MAX = 200
Antal = Annotated[
    int,
    WithJsonSchema(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": ANTAL_MAX,
            "default": sid.STORLEK,
            "description": f"Poster per sida (1–{ANTAL_MAX}); `next` behåller värdet.",
        }
    ),
]


class BeslutOut(Schema):
    organ: str
    sammantradesdatum: dt.date
    paragraf: int | None
    rubrik: str
    att: str
    # With a search: the clause as HTML, escaped, the matching words in <mark>.
    att_markerad: str | None = Field(
        None,
        description="Vid sökning: att-satsen som HTML (escapad) med sökorden i <mark>; "
        "annars null.",
    )
    utdrag_pdf: str


def _kontrollera_ar(ar: int | None) -> None:
    if ar is not None and not 1900 <= ar <= 2100:
        raise HttpError(422, "År ska anges som ett år mellan 1900 och 2100.")


def _kontrollera_antal(antal: int) -> None:
    if not 1 <= antal <= ANTAL_MAX:
        raise HttpError(422, f"Antal per sida ska vara ett heltal mellan 1 och {ANTAL_MAX}.")


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


class ProtokollSida(Schema):
    items: list[ProtokollOut]
    next: str | None = Field(
        description="Adressen till nästa sida (samma filter); null på sista sidan. "
        'Samma adress står i svarets Link-huvud med rel="next".'
    )


class BeslutSida(Schema):
    items: list[BeslutOut]
    next: str | None = Field(
        description="Adressen till nästa sida (samma sökning och filter); null på sista "
        'sidan. Samma adress står i svarets Link-huvud med rel="next".'
    )


EFTER = (
    "Sidmarkören från förra sidans `next` (bläddring i en fast ordning, "
    f"{sid.STORLEK} poster per sida); utelämnas för första sidan."
)


def _sida_svar(request, response, sida: sid.Sida, items: list) -> dict:
    """The page as the API answers it: its items, and the next page's URL in `next` and in
    a Link header (RFC 8288)."""
    nasta = None
    if sida.nasta:
        parametrar = request.GET.copy()
        parametrar[sid.PARAMETER] = sida.nasta
        nasta = request.build_absolute_uri(f"{request.path}?{parametrar.urlencode()}")
        response["Link"] = f'<{nasta}>; rel="next"'
    return {"items": items, "next": nasta}


def _las_sida(hamta):
    try:
        return hamta()
    except Fel as exc:
        raise HttpError(400, " ".join(exc.fel)) from exc


# The Link header of a page that has a next one, in the schema (ninja adds the rest).
LINK = {
    "responses": {
        200: {
            "headers": {
                "Link": {
                    "description": 'Nästa sida: `<url>; rel="next"` (saknas på sista sidan).',
                    "schema": {"type": "string"},
                }
            }
        }
    }
}


@api.get(
    "/protokoll",
    response={200: ProtokollSida, 400: FelOut, 422: FelOut},
    summary="Justerade protokoll",
    description=(
        f"De senaste först, {sid.STORLEK} per sida (`antal` väljer annat); nästa sida i `next`."
    ),
    openapi_extra=LINK,
)
def protokoll(
    request,
    response: HttpResponse,
    ar: Ar = None,
    efter: str | None = Query(None, description=EFTER),
    antal: Antal = sid.STORLEK,
):
    _kontrollera_ar(ar)
    _kontrollera_antal(antal)
    sida = _las_sida(
        lambda: selectors.justerade_protokoll_sida(
            ar, markor=efter, med_intervall=True, storlek=antal
        )
    )
    result = []
    for p in sida.rader:
        forsta, sista = p.forsta, p.sista
        anslag = getattr(p, "anslag", None)
        result.append(
            # Built without validation (ninja's validator wraps every field access, a third
            # of the answer's time for 50 items): the values are the database's own, typed
            # as the schema says, and the fuzz test holds the answers to the schema.
            ProtokollOut.model_construct(
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
    return _sida_svar(request, response, sida, result)


@api.get(
    "/beslut",
    response={200: BeslutSida, 400: FelOut, 422: FelOut},
    summary="Sök i beslutsregistret",
    description=(
        "Utan `q` de senaste besluten först; med `q` (svensk fulltextsökning) de bästa "
        f"träffarna först, med sökorden markerade i `att_markerad`. {sid.STORLEK} per sida "
        "(`antal` väljer annat); "
        "nästa sida i `next`."
    ),
    openapi_extra=LINK,
)
def beslut(
    request,
    response: HttpResponse,
    q: str = "",
    ar: Ar = None,
    organ: int | None = None,
    efter: str | None = Query(None, description=EFTER),
    antal: Antal = sid.STORLEK,
):
    _kontrollera_ar(ar)
    _kontrollera_antal(antal)
    q = q.strip()
    sida = _las_sida(
        lambda: selectors.beslutsregister_sida(
            q=q, ar=ar, organ_id=organ, markor=efter, storlek=antal
        )
    )
    items = [
        BeslutOut.model_construct(  # as ProtokollOut above
            organ=a.organ_namn,
            sammantradesdatum=a.paragraf.protokoll.mote.datum,
            paragraf=a.paragraf.nummer,
            rubrik=a.paragraf.rubrik,
            att=f"Att {a.text}",
            att_markerad=f"Att {selectors.markerad(a.headline)}" if q else None,
            utdrag_pdf=_abs(request, "protokollsutdrag_pdf", a.paragraf_id),
        )
        for a in sida.rader
    ]
    return _sida_svar(request, response, sida, items)


def public_urls():
    """The API's URL patterns, marked as open to anonymous visitors (LoginRequiredMiddleware)."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False
    return patterns, app_name, namespace
