"""The protocol as a document: one rendering for the editor, the justering page, the PDF, the
protokollsutdrag and the archive.

A protocol's document is plain data (`ogonblick`): the förbund's and the organ's names, the
meeting, närvaro with roles and the paragraphs each person attended, every paragraph (jäv,
yrkanden, omröstning, decision, reservationer, bilagor, omedelbar justering), the justeringar
and the secretary. A draft's document is built from today's rows each time; at the last
justering it is stored (`Protokollinnehall`) and from then on the protocol *is* that data:
a later rename of a person, the organ or the förbund changes nothing in it. The templates
under `moten/dokument/` render it, on a page and in the PDF alike; a paragraph's body is its
own partial (`_paragraf_kropp.html`), so what a paragraph holds is written in one place.

The PDF of a justerat protocol is rendered from the stored data once (PDF/A-2b) and stored
(`Protokolldokument`); the public PDF, the API and `manage.py arkivera` serve those bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from forbund.fel import Fel
from forbund.http import render_pdf
from forbund.models import Organ, Person, Roll, Uppdrag
from forbund.selectors import forbund_get

from . import omrostning as omr
from . import selectors
from .models import (
    Anslag,
    Handling,
    Mote,
    Narvaro,
    Omrostning,
    Paragraf,
    Protokoll,
    Protokolldokument,
    Protokollinnehall,
    Rost,
)

FORMAT = 1
# The PDF variant of a stored (justerat) protocol: archive quality, served as it is.
ARKIVFORMAT = "pdf/a-2b"


def hamta(pk: int) -> Protokoll:
    """The protocol with its meeting, paragraphs, attendance and justeringar (a fixed number
    of queries); Protokoll.DoesNotExist when there is none."""
    return selectors.protokoll_med_innehall(pk)


# --- The document as data -----------------------------------------------------------------


def tid(varde: dt.datetime | None) -> str:
    """A moment as the protocol prints it: 2021-12-09 12:00, Swedish time."""
    return timezone.localtime(varde).strftime("%Y-%m-%d %H:%M") if varde else ""


def _dag(varde: dt.date | None) -> str:
    return varde.isoformat() if varde else ""


def _klockslag(mote: Mote) -> str:
    if not mote.starttid:
        return ""
    slut = f"–{mote.sluttid.strftime('%H:%M')}" if mote.sluttid else ""
    return f"kl. {mote.starttid.strftime('%H:%M')}{slut}"


def _titel(protokoll: Protokoll, organ: Organ) -> str:
    if protokoll.typ == Protokoll.Typ.MINNESANTECKNINGAR:
        return f"Minnesanteckningar från {organ.namn}"
    if organ.typ == Organ.Typ.STYRELSE:
        return "Sammanträdesprotokoll från styrelsemöte"
    return f"Sammanträdesprotokoll från {organ.namn.lower()}"


def _paragrafer_text(fran: int | None, till: int | None) -> str:
    if fran is None:
        return ""
    if till in (None, fran):
        return f"§ {fran}"
    return f"§ {fran}–{till}"


def _organroller(mote: Mote, person_ids: set[int]) -> dict[int, str]:
    """The ordförande's and vice ordförande's role on the meeting day, by person (one query):
    the närvaro says who chaired; the category already says ledamot or ersättare."""
    uppdrag = Uppdrag.objects.aktiva(mote.datum).filter(
        organ_id=mote.organ_id,
        person_id__in=person_ids,
        roll__in=[Roll.ORDFORANDE, Roll.VICE_ORDFORANDE],
    )
    return {u.person_id: Roll(u.roll).label.lower() for u in uppdrag}


def narvaro_grupper(protokoll: Protokoll, mote: Mote) -> list[dict]:
    rader = list(protokoll.narvaro.all())
    roller = _organroller(mote, {n.person_id for n in rader if n.person_id})
    grupper: dict[str, list[dict]] = {}
    for n in rader:
        grupper.setdefault(n.kategori, []).append(
            {
                "namn": n.namn,
                "roll": roller.get(n.person_id, ""),
                "beskrivning": n.beskrivning,
                "ersatter": n.ersatter,
                "paragrafer": _paragrafer_text(n.fran_paragraf, n.till_paragraf),
            }
        )
    return [
        {"kategori": k, "rubrik": label, "rader": grupper[k]}
        for k, label in Narvaro.Kategori.choices
        if k in grupper
    ]


def _justerare_text(justeringar) -> list[str]:
    return [f"{j.person.namn} ({j.get_roll_display().lower()})" for j in justeringar]


def _omrostning_data(p: Paragraf, *, organ_namn: str) -> dict:
    """Yrkanden, propositionsordning, omröstning (in the standard wording, with the vote list
    where votes were recorded by name) and reservationer, as rows of data
    (moten.services.paragraf_omrostning_save). The free-text fields of older protocols are
    kept beside them (`yrkanden`, `omrostning`, `reservationer`)."""
    try:
        o = p.omrostningen
    except Omrostning.DoesNotExist:
        o = None
    omrostning = None
    if o is not None:
        utfall = omr.Utfall(
            o.ja,
            o.nej,
            o.avstar,
            Rost.JA if o.ja_yrkande.bifallet else Rost.NEJ,
            o.utslagsrost,
        )
        omrostning = {
            "text": omr.text(
                ja_namn=o.ja_yrkande.namn,
                nej_namn=o.nej_yrkande.namn,
                utfall=utfall,
                organ_namn=organ_namn,
            ),
            "rostlista": [{"namn": r.namn, "rost": r.get_rost_display()} for r in o.roster.all()]
            if o.per_namn
            else [],
        }
    return {
        "yrkandelista": [
            {"namn": y.namn, "lydelse": y.lydelse, "bifallet": y.bifallet}
            for y in p.yrkandelista.all()
        ],
        "propositionsordning": p.propositionsordning,
        "omrostning_data": omrostning,
        "reservationslista": [
            {"namn": r.namn, "motivering": r.motivering, "bilaga": r.bilaga}
            for r in p.reservationslista.all()
        ],
    }


def paragraf_data(p: Paragraf, *, organ_namn: str) -> dict:
    """One paragraph as the document shows it (paragraph loaded by `hamta`)."""
    omedelbar = None
    if p.omedelbart_justerad:
        omedelbar = {
            "justerad": tid(p.omedelbart_justerad),
            "av": _justerare_text(p.omedelbara_justeringar.all()),
        }
    return {
        **_omrostning_data(p, organ_namn=organ_namn),
        "id": p.pk,
        "nummer": p.nummer,
        "rubrik": p.rubrik,
        "standard": p.standard,
        "bilagor": p.bilagor,
        "text": p.text,
        "jav": [str(j) for j in p.jav.all()],
        "yrkanden": p.yrkanden,
        "omrostning": p.omrostning,
        "beslutsformel": f"{organ_namn} beslutade",
        "beslut": [a.text for a in p.beslut.all()],
        "reservationer": p.reservationer,
        "justeras_omedelbart": p.justeras_omedelbart,
        "omedelbar": omedelbar,
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


def ogonblick(protokoll: Protokoll, *, endast: Paragraf | None = None) -> dict:
    """The protocol's document from today's rows (protocol loaded by `hamta`). `endast`: the
    document of one paragraph justerad omedelbart (its header, that paragraph, and who
    justerade it)."""
    mote = protokoll.mote
    organ = mote.organ
    forbund = organ.forbund
    paragrafer = list(protokoll.paragrafer.all())
    nummer = [p.nummer for p in paragrafer if p.nummer is not None]
    sekreterare = sekreterare_vid(mote)
    if endast is not None:
        paragrafer = [p for p in paragrafer if p.pk == endast.pk]
        justeringar = [
            {"roll": j.get_roll_display(), "namn": j.person.namn, "justerad": tid(j.justerad)}
            for p in paragrafer
            for j in p.omedelbara_justeringar.all()
        ]
        justerat = paragrafer[0].omedelbart_justerad if paragrafer else None
    else:
        justeringar = [
            {"roll": j.get_roll_display(), "namn": j.person.namn, "justerad": tid(j.justerad)}
            for j in protokoll.justeringar.all()
        ]
        justerat = protokoll.justerat
    return {
        "format": FORMAT,
        "forbund": {"namn": forbund.namn, "webbplats": forbund.webbplats},
        "organ": {"namn": organ.namn, "typ": organ.typ},
        "typ": protokoll.typ,
        "dokumentnamn": protokoll.get_typ_display(),
        "titel": _titel(protokoll, organ),
        "mote": {"datum": _dag(mote.datum), "tid": _klockslag(mote), "plats": mote.plats},
        "narvaro": narvaro_grupper(protokoll, mote),
        "omfattar": _paragrafer_text(min(nummer), max(nummer)) if nummer else "",
        "paragrafer": [paragraf_data(p, organ_namn=organ.namn) for p in paragrafer],
        "justeringar": justeringar,
        "sekreterare": sekreterare.namn if sekreterare else "",
        "justerat": _dag(timezone.localdate(justerat)) if justerat else "",
        "nasta_mote": protokoll.nasta_mote,
        # The protocol's bilagor as they were: the archive keeps them beside the PDF with
        # these checksums (docs/architecture.md, "Bilagor i arkivet").
        "bilagor": [
            {
                "nummer": h.nummer,
                "titel": h.titel,
                "filnamn": h.filnamn,
                "filtyp": h.filtyp,
                "storlek": h.storlek,
                "sha256": h.sha256,
                "publik": h.publik,
            }
            for h in getattr(mote, "protokollsbilagor", [])
        ]
        if endast is None
        else [],
    }


def innehall_sha256(data: dict) -> str:
    """The SHA-256 of a document's data, as stored and printed in its footer."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lagrat_innehall(protokoll: Protokoll) -> dict | None:
    """The stored content of a justerat protocol (None before)."""
    if protokoll.status != Protokoll.Status.JUSTERAT:
        return None
    try:
        return protokoll.innehallet.data
    except Protokollinnehall.DoesNotExist:
        return None


def dokumentdata(protokoll: Protokoll) -> dict:
    """What the protocol shows: as stored once justerat, from today's rows before."""
    lagrat = lagrat_innehall(protokoll)
    return lagrat if lagrat is not None else ogonblick(protokoll)


def paragraf_i(data: dict, paragraf_id: int) -> dict | None:
    return next((p for p in data["paragrafer"] if p["id"] == paragraf_id), None)


def anslag_data(anslag: Anslag | None) -> dict | None:
    if anslag is None:
        return None
    return {
        "anslagsdatum": _dag(anslag.anslagsdatum),
        "ned_tidigast": _dag(anslag.ned_tidigast),
        "forvaringsplats": anslag.forvaringsplats,
    }


# --- Page context -------------------------------------------------------------------------


def innehall(protokoll: Protokoll) -> dict:
    """What the protocol pages show (protocol loaded by `hamta`): the document `d`, and the
    rows behind it for the page's controls."""
    mote = protokoll.mote
    d = dokumentdata(protokoll)
    anslag = getattr(protokoll, "anslag", None)
    per_id = {p.pk: p for p in protokoll.paragrafer.all()}
    return {
        "protokoll": protokoll,
        "mote": mote,
        "d": d,
        "anslag": anslag,
        "anslag_d": anslag_data(anslag),
        "sha256": protokoll.sha256,
        # (paragraph row, its document data), in the document's order.
        "kort": [(per_id[pd["id"]], pd) for pd in d["paragrafer"] if pd["id"] in per_id],
        "justeringar": list(protokoll.justeringar.all()),
        "justerat_datum": timezone.localdate(protokoll.justerat) if protokoll.justerat else None,
    }


# --- PDFs ---------------------------------------------------------------------------------


def _pdf(d: dict, *, anslag: dict | None, sha256: str, utkast: bool, variant: str | None):
    return render_pdf(
        "moten/pdf/protokoll.html",
        {"d": d, "anslag_d": anslag, "sha256": sha256, "utkast": utkast},
        pdf_variant=variant,
    )


def protokoll_pdf(protokoll: Protokoll, *, pdf_variant: str | None = None) -> bytes:
    """The protocol rendered now (a draft from today's rows; a justerat one from its stored
    data). What the public gets of a justerat protocol is `lagrad_pdf`."""
    anslag = getattr(protokoll, "anslag", None)
    justerat = protokoll.status == Protokoll.Status.JUSTERAT
    return _pdf(
        dokumentdata(protokoll),
        anslag=anslag_data(anslag) if justerat else None,
        sha256=protokoll.sha256 if justerat else "",
        utkast=not justerat and protokoll.typ == Protokoll.Typ.SAMMANTRADESPROTOKOLL,
        variant=pdf_variant,
    )


def lagra_pdf(protokoll: Protokoll) -> Protokolldokument:
    """Render the justerat protocol from its stored data and store it, with its anslag if it
    has one (a justerat protocol gets one document at the last justering and one when the
    anslag goes up). The trigger refuses any later change of a stored document."""
    anslag = getattr(protokoll, "anslag", None)
    variant = Protokolldokument.Variant.ANSLAGET if anslag else Protokolldokument.Variant.JUSTERAT
    data = _pdf(
        protokoll.innehallet.data,
        anslag=anslag_data(anslag),
        sha256=protokoll.sha256,
        utkast=False,
        variant=ARKIVFORMAT,
    )
    return Protokolldokument.objects.create(
        protokoll=protokoll, variant=variant, pdf=data, sha256=hashlib.sha256(data).hexdigest()
    )


def lagrat_dokument(protokoll: Protokoll) -> Protokolldokument:
    """The stored document of a justerat protocol: with its anslag once it has one. A
    protocol justerat without the portal rendering it (the generated benchmark data) gets it
    rendered from its stored data the first time it is asked for, and stored then."""
    anslag = getattr(protokoll, "anslag", None)
    variant = Protokolldokument.Variant.ANSLAGET if anslag else Protokolldokument.Variant.JUSTERAT
    befintligt = Protokolldokument.objects.filter(protokoll=protokoll, variant=variant).first()
    if befintligt is not None:
        return befintligt
    try:
        with transaction.atomic():
            return lagra_pdf(protokoll)
    except IntegrityError:  # stored by a request at the same moment
        return Protokolldokument.objects.get(protokoll=protokoll, variant=variant)


def protokoll_filnamn(protokoll: Protokoll) -> str:
    d = dokumentdata(protokoll)
    return f"{d['organ']['namn'].lower()}-{d['mote']['datum']}-protokoll.pdf"


def utdrag_data(protokoll: Protokoll, paragraf: Paragraf) -> tuple[dict, dict | None, str]:
    """(document, its anslag, its SHA-256) an utdrag of `paragraf` is built from: the stored
    data of a paragraph justerad omedelbart (always: its appeal time runs from its own
    anslag), or of a justerat protocol; today's rows else."""
    if paragraf.omedelbart_justerad and paragraf.omedelbar_innehall is not None:
        return (
            paragraf.omedelbar_innehall,
            anslag_data(getattr(paragraf, "anslag", None)),
            paragraf.omedelbar_sha256,
        )
    lagrat = lagrat_innehall(protokoll)
    if lagrat is not None:
        return lagrat, anslag_data(getattr(protokoll, "anslag", None)), protokoll.sha256
    return ogonblick(protokoll), None, ""


def utdrag_pdf(protokoll: Protokoll, paragraf: Paragraf) -> bytes:
    """One paragraph, certified ("Rätt utdraget intygar"), for whom the decision concerns."""
    d, anslag, sha256 = utdrag_data(protokoll, paragraf)
    return render_pdf(
        "moten/pdf/utdrag.html",
        {
            "d": d,
            "pd": paragraf_i(d, paragraf.pk),
            "anslag_d": anslag,
            "sha256": sha256,
            "omedelbar": paragraf.omedelbart_justerad is not None,
        },
    )


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
            "uppfoljning": list(selectors.uppdrag_for_mote(mote)),
        },
    )


# --- Bilagor --------------------------------------------------------------------------------


def _stored_bilagor(protokoll: Protokoll, d: dict) -> list[tuple[dict, Handling]]:
    """(the bilaga as the document lists it, its Handling row), matched by number and
    checksum: a file that is not the one the document recorded is not its bilaga."""
    per_nummer = {h.nummer: h for h in Handling.objects.filter(mote_id=protokoll.mote_id)}
    ut = []
    for b in d.get("bilagor", []):
        h = per_nummer.get(b["nummer"])
        if h is not None and h.sha256 == b["sha256"]:
            ut.append((b, h))
    return ut


def arkivbilagor(protokoll: Protokoll, d: dict) -> list[tuple[dict, bytes]]:
    """The protocol's bilagor with their bytes, for the archive."""
    ut = []
    for b, h in _stored_bilagor(protokoll, d):
        with h.fil.open("rb") as f:
            ut.append((b, f.read()))
    return ut


def publika_bilagor(protokoll: Protokoll, d: dict) -> list[tuple[dict, Handling]]:
    """The bilagor anyone may download with a justerat protocol: those marked public."""
    if protokoll.status != Protokoll.Status.JUSTERAT:
        return []
    return [(b, h) for b, h in _stored_bilagor(protokoll, d) if b["publik"]]


def arkivfiler(ar: int) -> list[tuple[str, bytes]]:
    """Every justerat protocol of `ar` for the archive, as (file name, bytes), ending with
    manifest.json: the stored documents themselves (PDF/A-2b, the bytes the public PDF and
    the API serve), not a new rendering, so the archive holds what was justerat. Each
    protocol's bilagor come beside it, byte for byte as uploaded, with the SHA-256 the
    protocol's stored content recorded at justering; a document or bilaga that differs
    from its checksum is refused (Fel). `manage.py arkivera` writes these to a folder, the
    archive job (moten/jobb.py) packs them in a zip."""
    filer: list[tuple[str, bytes]] = []
    manifest = []
    for pk in selectors.justerade_protokoll(ar).values_list("pk", flat=True):
        p = hamta(pk)  # once, with everything the manifest shows
        lagrat = lagrat_dokument(p)
        data = bytes(lagrat.pdf)
        if hashlib.sha256(data).hexdigest() != lagrat.sha256:
            raise Fel(f"Det lagrade protokollet {pk} stämmer inte med sin SHA-256.")
        name = protokoll_filnamn(p)
        filer.append((name, data))
        d = dokumentdata(p)
        anslag = getattr(p, "anslag", None)
        bilagor = []
        for b, data_b in arkivbilagor(p, d):
            if hashlib.sha256(data_b).hexdigest() != b["sha256"]:
                raise Fel(
                    f"Bilaga {b['nummer']} till protokollet {pk} stämmer inte med sin SHA-256."
                )
            fil = f"{Path(name).stem}-bilaga-{b['nummer']:02d}{Path(b['filnamn']).suffix.lower()}"
            filer.append((fil, data_b))
            bilagor.append(
                {
                    "nummer": b["nummer"],
                    "titel": b["titel"],
                    "fil": fil,
                    "ursprungligt_filnamn": b["filnamn"],
                    "storlek": len(data_b),
                    "offentlig": b["publik"],
                    "sha256": b["sha256"],
                }
            )
        manifest.append(
            {
                "fil": name,
                "organ": d["organ"]["namn"],
                "sammantradesdatum": d["mote"]["datum"],
                "paragrafer": d["omfattar"],
                "justeringsdatum": timezone.localdate(p.justerat).isoformat(),
                "anslagsdatum": anslag.anslagsdatum.isoformat() if anslag else None,
                "innehall_sha256": p.sha256,
                "sha256": lagrat.sha256,
                "bilagor": bilagor,
            }
        )
    text = json.dumps({"ar": ar, "protokoll": manifest}, ensure_ascii=False, indent=2) + "\n"
    filer.append(("manifest.json", text.encode("utf-8")))
    return filer


def arkivpaket(ar: int) -> bytes:
    """The year's archive (:func:`arkivfiler`) as one zip, stored without compression (the
    PDFs are compressed already) so each file's bytes are as stored."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as z:
        for namn, data in arkivfiler(ar):
            z.writestr(f"protokoll-{ar}/{namn}", data)
    return buf.getvalue()
