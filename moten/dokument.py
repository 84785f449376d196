"""The protocol as a document: what its page and its PDFs show, the protocol PDF, the
protokollsutdrag and the kallelse. The views, `manage.py arkivera` and the benchmarks all
build them here, from a protocol loaded once with everything it shows (`hamta`)."""

from __future__ import annotations

from django.utils import timezone

from forbund.http import render_pdf
from forbund.models import Person, Roll, Uppdrag
from forbund.selectors import forbund_get

from . import selectors
from .models import Mote, Narvaro, Paragraf, Protokoll


def hamta(pk: int) -> Protokoll:
    """The protocol with its meeting, paragraphs, attendance and justeringar (a fixed number
    of queries); Protokoll.DoesNotExist when there is none."""
    return selectors.protokoll_med_innehall(pk)


def narvaro_grupper(protokoll: Protokoll) -> list[tuple[str, list[Narvaro]]]:
    groups: dict[str, list[Narvaro]] = {}
    for n in protokoll.narvaro.all():
        groups.setdefault(n.kategori, []).append(n)
    return [(label, groups[k]) for k, label in Narvaro.Kategori.choices if k in groups]


def innehall(protokoll: Protokoll) -> dict:
    """What the protocol page and the PDFs show (protocol loaded by `hamta`)."""
    mote = protokoll.mote
    return {
        "protokoll": protokoll,
        "mote": mote,
        "forbund": mote.organ.forbund,
        "paragrafer": protokoll.paragrafer.all(),
        "narvaro": narvaro_grupper(protokoll),
        "justeringar": list(protokoll.justeringar.all()),
        "omfattar": selectors.paragraf_range(protokoll),
        "anslag": getattr(protokoll, "anslag", None),
        "justerat_datum": timezone.localdate(protokoll.justerat) if protokoll.justerat else None,
    }


def sekreterare_vid(mote: Mote) -> Person | None:
    """The förbundschef on the meeting day, who signs as the board's secretary."""
    u = (
        Uppdrag.objects.aktiva(mote.datum)
        .filter(roll=Roll.FORBUNDSCHEF)
        .select_related("person")
        .first()
    )
    return u.person if u else None


def _pdf_innehall(protokoll: Protokoll) -> dict:
    return {**innehall(protokoll), "sekreterare": sekreterare_vid(protokoll.mote)}


def protokoll_pdf(protokoll: Protokoll, *, pdf_variant: str | None = None) -> bytes:
    """The protocol as PDF (`pdf_variant="pdf/a-2b"` for the archive)."""
    return render_pdf("moten/pdf/protokoll.html", _pdf_innehall(protokoll), pdf_variant=pdf_variant)


def protokoll_filnamn(protokoll: Protokoll) -> str:
    mote = protokoll.mote
    return f"{mote.organ.namn.lower()}-{mote.datum.isoformat()}-protokoll.pdf"


def utdrag_pdf(protokoll: Protokoll, paragraf: Paragraf) -> bytes:
    """One paragraph, certified ("Rätt utdraget intygar"), for whom the decision concerns."""
    context = _pdf_innehall(protokoll)
    context["p"] = next(p for p in protokoll.paragrafer.all() if p.pk == paragraf.pk)
    return render_pdf("moten/pdf/utdrag.html", context)


def utdrag_filnamn(protokoll: Protokoll, paragraf: Paragraf) -> str:
    return (
        f"protokollsutdrag-{protokoll.mote.datum.isoformat()}-{paragraf.nummer or paragraf.pk}.pdf"
    )


def kallelse_pdf(mote: Mote) -> bytes:
    return render_pdf(
        "moten/pdf/kallelse.html",
        {
            "mote": mote,
            "forbund": forbund_get(),
            "dagordning": mote.dagordning.prefetch_related("handlingar").order_by("ordning", "pk"),
        },
    )
