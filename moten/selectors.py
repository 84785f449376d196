"""Reads of meetings and protocols, with a fixed number of queries per page."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import (
    F,
    FloatField,
    Func,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from forbund import permissions as fp
from forbund import sidindelning as sid
from forbund.models import Organ, Paminnelse, PaminnelseForslag, Person, Uppdrag

from . import omrostning as omr
from .kalender import justering_senast
from .models import (
    Anslag,
    AttSats,
    Beslutsuppdrag,
    Dagordningspunkt,
    Handling,
    Jav,
    Justering,
    Justeringskommentar,
    Mote,
    Narvaro,
    Paragraf,
    Paragrafjustering,
    Protokoll,
    Protokolldokument,
    Protokollinnehall,
)


def _organ_namn(json_falt: str):
    """The organ's name in a stored document (a JSON field, reached across relations)."""
    return KeyTextTransform("namn", KeyTransform("organ", json_falt))


def _organ_namn_i_dokumentet(protokoll_id: str):
    """The organ's name in the protocol's stored document, as a subquery. A subquery, not a
    join: the document is the whole protocol (large, TOASTed JSON), and PostgreSQL runs an
    expensive expression of the select list after the sort and LIMIT, so a page of 50 reads
    50 documents, not every document of the archive."""
    return Subquery(
        Protokollinnehall.objects.filter(protokoll_id=OuterRef(protokoll_id)).values(
            namn=_organ_namn("data")
        )[:1]
    )


def _organ_namn_i_utdraget(paragraf_id: str):
    """As above, in the stored document of a paragraph justerad omedelbart (null otherwise)."""
    return Subquery(
        Paragraf.objects.filter(pk=OuterRef(paragraf_id)).values(
            namn=_organ_namn("omedelbar_innehall")
        )[:1]
    )


def moten_for(user):
    """Meetings this user may see, newest first."""
    r = fp.roller(user)
    qs = Mote.objects.select_related("organ", "protokoll", "protokoll__anslag")
    if r.kansli:
        return qs
    visible = Q(organ_id__in=r.organ_ids)
    if r.i_styrelsen or r.revisor:
        visible |= Q(organ__typ=Organ.Typ.STYRELSE)
    return qs.filter(visible)


def protokoll_med_innehall(pk: int) -> Protokoll:
    """One protocol with everything a page or PDF shows of it."""
    return (
        Protokoll.objects.select_related("mote__organ__forbund", "anslag", "innehallet")
        .prefetch_related(
            Prefetch(
                "paragrafer",
                queryset=Paragraf.objects.select_related(
                    "anslag", "omrostningen__ja_yrkande", "omrostningen__nej_yrkande"
                )
                .order_by("ordning", "pk")
                .prefetch_related(
                    Prefetch("beslut", queryset=AttSats.objects.order_by("ordning", "pk")),
                    "jav",
                    "yrkandelista",
                    "reservationslista",
                    "omrostningen__roster",
                    "uppdrag",
                    "beviljningar__insats",
                    Prefetch(
                        "omedelbara_justeringar",
                        queryset=Paragrafjustering.objects.select_related("person").order_by(
                            "-roll", "pk"
                        ),
                    ),
                    Prefetch(
                        "kommentarer",
                        queryset=Justeringskommentar.objects.select_related("person").order_by(
                            "skapad", "pk"
                        ),
                    ),
                ),
            ),
            Prefetch("narvaro", queryset=Narvaro.objects.order_by("ordning", "pk")),
            Prefetch(
                "mote__handlingar",
                queryset=Handling.objects.filter(i_protokollet=True).order_by("nummer"),
                to_attr="protokollsbilagor",
            ),
            Prefetch(
                "justeringar",
                queryset=Justering.objects.select_related("person").order_by("-roll", "pk"),
            ),
        )
        .get(pk=pk)
    )


def att_justera_for(user):
    """Protocols waiting for this user's justering (Justering rows, oldest meeting first;
    `protokoll.mote.justering_senast` is the deadline)."""
    return (
        Justering.objects.filter(
            person__user=user, justerad__isnull=True, protokoll__status=Protokoll.Status.NUMRERAT
        )
        .select_related("protokoll__mote__organ")
        .order_by("protokoll__mote__datum")
    )


# The beslutsregister's order: newest meeting first (the meeting's id between two on the same
# day: the index mote_datum_id gives both, see Mote), then § and clause in the protocol's
# order; the clause's id last makes it total (keyset pagination, forbund.sidindelning).
BESLUT_ORDNING = (
    sid.Nyckel("paragraf__protokoll__mote__datum", fallande=True, typ=sid.DATUM),
    sid.Nyckel("paragraf__protokoll__mote_id", fallande=True),
    sid.Nyckel("paragraf__nummer"),
    sid.Nyckel("ordning"),
    sid.Nyckel("id"),
)


def _real(varde: float):
    """A rank from a cursor compared as the real ts_rank returns (not as a double)."""
    return Func(Value(varde), template="%(expressions)s::real", output_field=FloatField())


# A search orders by relevance first (SearchRank), then as above.
SOK_ORDNING = (sid.Nyckel("rank", fallande=True, typ=sid.TAL, uttryck=_real), *BESLUT_ORDNING)

# Markers ts_headline puts around the matching words: characters of Unicode's private use
# area that no decision contains, so the text can be HTML-escaped first and the markers
# turned into <mark> after (a clause's own "<script>" stays text).
_MARK_START, _MARK_SLUT = "\ue000", "\ue001"


def beslutsregister(*, q: str = "", organ_id: int | None = None, ar: int | None = None):
    """Att-clauses of justerade protocols and of paragraphs justerade omedelbart, each with
    `organ_namn` as its stored document names it. With `q`, only the clauses whose stored
    `sokvektor` (GIN index attsats_sokvektor_gin) matches it in Swedish (beviljade ~
    bevilja), each with its `rank` and its text with the matching words between
    _MARK_START and _MARK_SLUT (`headline`; see `markerad`). Unordered: `beslutsregister_sida`
    pages it in BESLUT_ORDNING or SOK_ORDNING."""
    qs = (
        AttSats.objects.filter(
            Q(paragraf__protokoll__status=Protokoll.Status.JUSTERAT)
            | Q(paragraf__omedelbart_justerad__isnull=False)
        )
        .select_related("paragraf__protokoll__mote__organ")
        .defer("sokvektor", "paragraf__omedelbar_innehall")
        .annotate(
            organ_namn=Coalesce(
                _organ_namn_i_utdraget("paragraf_id"),
                _organ_namn_i_dokumentet("paragraf__protokoll_id"),
            )
        )
    )
    if organ_id:
        qs = qs.filter(paragraf__organ_id=organ_id)
    if ar:
        qs = qs.filter(paragraf__ar=ar)
    if q:
        query = SearchQuery(q, config="swedish", search_type="websearch")
        qs = qs.filter(sokvektor=query).annotate(
            rank=SearchRank(F("sokvektor"), query),
            # Computed by PostgreSQL after the sort and LIMIT: only for the page's rows.
            headline=SearchHeadline(
                "text",
                query,
                config="swedish",
                start_sel=_MARK_START,
                stop_sel=_MARK_SLUT,
                highlight_all=True,
            ),
        )
    return qs


def beslutsregister_ar() -> list[int]:
    """The years of the justerade protocols, newest first (the register's year filter):
    from the meetings, one row per protocol, not from every paragraph of them."""
    return [
        d.year
        for d in Mote.objects.filter(protokoll__status=Protokoll.Status.JUSTERAT).dates(
            "datum", "year", order="DESC"
        )
    ]


def beslutsregister_sida(
    *,
    q: str = "",
    organ_id: int | None = None,
    ar: int | None = None,
    markor: str | None = None,
    storlek: int = sid.STORLEK,
) -> sid.Sida:
    """One page of the beslutsregister (one query); `markor` as forbund.sidindelning."""
    return sid.sida(
        beslutsregister(q=q, organ_id=organ_id, ar=ar),
        ordning=SOK_ORDNING if q else BESLUT_ORDNING,
        markor=markor,
        storlek=storlek,
    )


def markerad(headline: str) -> str:
    """A search headline as safe HTML: the text escaped, the matching words in <mark>."""
    html = str(escape(headline or ""))
    return mark_safe(html.replace(_MARK_START, "<mark>").replace(_MARK_SLUT, "</mark>"))  # noqa: S308


def anslag_aktuella():
    """The notices on the anslagstavla today: of justerade protocols and of paragraphs
    justerade omedelbart, each with `organ_namn` as its stored document names it."""
    today = timezone.localdate()
    return (
        Anslag.objects.filter(anslagsdatum__lte=today, ned_tidigast__gte=today)
        .select_related("protokoll__mote", "paragraf__protokoll__mote")
        .annotate(
            organ_namn=Coalesce(
                _organ_namn("protokoll__innehallet__data"),
                _organ_namn("paragraf__omedelbar_innehall"),
            )
        )
        .order_by("-anslagsdatum", "-pk")
    )


def att_justera_omedelbart_for(user):
    """Paragraphs justerade omedelbart at a meeting that wait for this user's justering."""
    return (
        Paragraf.objects.filter(
            justeras_omedelbart=True,
            omedelbart_justerad__isnull=True,
            nummer__isnull=False,
            protokoll__status=Protokoll.Status.NUMRERAT,
            protokoll__justeringar__person__user=user,
        )
        .exclude(omedelbara_justeringar__person__user=user)
        .select_related("protokoll__mote__organ")
        .order_by("protokoll__mote__datum", "nummer")
    )


# The archive's order: newest meeting first, the meeting's id last (two organs may meet on
# the same day; one protocol per meeting), read along the index mote_datum_id; keyset
# pagination as forbund.sidindelning.
PROTOKOLL_ORDNING = (
    sid.Nyckel("mote__datum", fallande=True, typ=sid.DATUM),
    sid.Nyckel("mote_id", fallande=True),
)


def justerade_protokoll(ar: int | None = None, *, med_intervall: bool = False):
    """Justerade protocols, newest first. With `med_intervall`, each carries `forsta` and
    `sista`, its first and last § number, and `pdf_sha256`: subqueries, which PostgreSQL
    runs only for the rows of the page it returns (after the sort and LIMIT)."""
    qs = (
        Protokoll.objects.filter(status=Protokoll.Status.JUSTERAT)
        .select_related("mote__organ", "anslag")
        .annotate(organ_namn=_organ_namn_i_dokumentet("pk"))
        .order_by("-mote__datum", "-mote_id")
    )
    if med_intervall:
        paragrafer = Paragraf.objects.filter(protokoll=OuterRef("pk")).values("protokoll")
        qs = qs.annotate(
            forsta=Subquery(paragrafer.annotate(m=Min("nummer")).values("m")),
            sista=Subquery(paragrafer.annotate(m=Max("nummer")).values("m")),
            pdf_sha256=Subquery(
                Protokolldokument.objects.filter(protokoll=OuterRef("pk"))
                .order_by("variant")  # "anslaget" before "justerat"
                .values("sha256")[:1]
            ),
        )
    if ar:
        qs = qs.filter(mote__datum__year=ar)
    return qs


def arkivar() -> list[int]:
    """The years with justerade protocols, newest first (the archive's choice of year)."""
    return [
        d.year
        for d in Protokoll.objects.filter(status=Protokoll.Status.JUSTERAT).dates(
            "mote__datum", "year", order="DESC"
        )
    ]


def justerade_protokoll_sida(
    ar: int | None = None,
    *,
    markor: str | None = None,
    med_intervall: bool = False,
    storlek: int = sid.STORLEK,
) -> sid.Sida:
    """One page of the justerade protocols (the anslagstavla's archive, /api/protokoll)."""
    return sid.sida(
        justerade_protokoll(ar, med_intervall=med_intervall),
        ordning=PROTOKOLL_ORDNING,
        markor=markor,
        storlek=storlek,
    )


def paragraf_range(protokoll: Protokoll) -> tuple[int | None, int | None]:
    nums = [p.nummer for p in protokoll.paragrafer.all() if p.nummer is not None]
    return (min(nums), max(nums)) if nums else (None, None)


def protokoll_under_arbete():
    """Protocols of formal meetings not yet justerade or not yet anslagna, oldest first."""
    return (
        Protokoll.objects.filter(typ=Protokoll.Typ.SAMMANTRADESPROTOKOLL)
        .filter(Q(status__in=["utkast", "numrerat"]) | Q(status="justerat", anslag__isnull=True))
        .select_related("mote__organ")
        .order_by("mote__datum")
    )


def styrelsens_moten(fran, till) -> list[Mote]:
    """The styrelse's meetings between the dates, oldest first, each with its protocol."""
    return list(
        Mote.objects.filter(organ__typ=Organ.Typ.STYRELSE, datum__gte=fran, datum__lte=till)
        .select_related("organ", "protokoll")
        .order_by("datum", "pk")
    )


def beslut_vid(moten: list[Mote]):
    """The Att-clauses of these meetings' justerade protocols, standard paragraphs left out
    (the beslutsregister of the meetings), in § order, each with its paragraph."""
    return (
        AttSats.objects.filter(
            paragraf__protokoll__mote__in=moten,
            paragraf__protokoll__status=Protokoll.Status.JUSTERAT,
            paragraf__standard="",
        )
        .select_related("paragraf__protokoll")
        .order_by("paragraf__nummer", "paragraf__ordning", "ordning", "pk")
    )


def beslutsparagrafer(*, fran=None):
    """The numbered paragraphs of the styrelse's protocols, newest first: where the board
    decided something another app records (a budget fastställd, a report approved). `fran`
    leaves out meetings before that date."""
    qs = (
        Paragraf.objects.filter(organ__typ=Organ.Typ.STYRELSE, nummer__isnull=False)
        .select_related("organ", "protokoll__mote")
        .order_by("-protokoll__mote__datum", "-nummer")
    )
    if fran is not None:
        qs = qs.filter(protokoll__mote__datum__gte=fran)
    return qs


def paragraf_get(pk: int) -> Paragraf | None:
    """One paragraph with its protocol, meeting and organ (a grant is registered on it)."""
    return Paragraf.objects.select_related("protokoll__mote__organ").filter(pk=pk).first()


_AR = re.compile(r"\b(20\d\d)\b")


def ar_i_beslut(paragraf: Paragraf) -> tuple[int | None, AttSats | None]:
    """The year a grant decision names and the Att-clause naming it: the first clause that
    names a year (a grant's "bevilja … för 2022" before "betala ut … för 2022"); (None, None)
    when none does."""
    satser = list(paragraf.beslut.order_by("ordning", "pk"))
    satser.sort(key=lambda a: not a.text.lower().startswith("bevilja"))
    for a in satser:
        traff = _AR.search(a.text)
        if traff:
            return int(traff.group(1)), a
    return None, None


def styrelsemoten_utkast():
    """The styrelse's meetings whose protocol is still a draft: where an item can be added."""
    return Mote.objects.filter(
        organ__typ=Organ.Typ.STYRELSE, protokoll__status=Protokoll.Status.UTKAST
    ).order_by("datum")


def styrelsemote_get(pk: int) -> Mote | None:
    return Mote.objects.filter(pk=pk, organ__typ=Organ.Typ.STYRELSE).first()


def rostberattigade(paragraf: Paragraf) -> list[Narvaro]:
    """Who votes in the paragraph: present and serving at it, not jävig in its decision."""
    javiga = set(
        Jav.objects.filter(paragraf=paragraf, omfattning=Jav.Omfattning.BESLUT).values_list(
            "namn", flat=True
        )
    )
    narvaro = list(
        Narvaro.objects.filter(protokoll_id=paragraf.protokoll_id).order_by("ordning", "pk")
    )
    return omr.rostberattigade(narvaro, nummer=paragraf.nummer, javiga=javiga)


def _med_forfallodag(qs):
    """Each uppdrag with the day it is due (`forfaller`): its date, or for "till nästa
    sammanträde" the date of the organ's first meeting after the one that gave it."""
    nasta = (
        Mote.objects.filter(
            organ_id=OuterRef("organ_id"),
            datum__gt=OuterRef("paragraf__protokoll__mote__datum"),
            installt=False,
        )
        .order_by("datum")
        .values("datum")[:1]
    )
    return qs.select_related(
        "paragraf__protokoll__mote__organ", "avslutat_i__protokoll__mote"
    ).annotate(forfaller=Coalesce("senast", Subquery(nasta)))


def oppna_uppdrag(*, organ_id: int | None = None):
    """Uppdrag from decisions not yet reported done, the oldest due first."""
    qs = Beslutsuppdrag.objects.filter(avslutat_i__isnull=True)
    if organ_id is not None:
        qs = qs.filter(organ_id=organ_id)
    return _med_forfallodag(qs).order_by(F("forfaller").asc(nulls_last=True), "pk")


def uppdrag_for_mote(mote: Mote):
    """What a meeting follows up under "Uppföljning av tidigare beslut": the organ's uppdrag
    from earlier meetings still open, and those a paragraph of this meeting closed."""
    qs = Beslutsuppdrag.objects.filter(organ_id=mote.organ_id).filter(
        Q(avslutat_i__isnull=True, paragraf__protokoll__mote__datum__lt=mote.datum)
        | Q(avslutat_i__protokoll__mote=mote)
    )
    return _med_forfallodag(qs).order_by("paragraf__protokoll__mote__datum", "pk")


def uppdrag_lista():
    """Every uppdrag: the open ones first (oldest due first), then the closed, newest first."""
    return _med_forfallodag(Beslutsuppdrag.objects.all()).order_by(
        F("avslutat").desc(nulls_first=True), F("forfaller").asc(nulls_last=True), "pk"
    )


def avslutsparagrafer(uppdrag: Beslutsuppdrag):
    """The paragraphs that can close an uppdrag: of the same organ's later meetings."""
    return (
        Paragraf.objects.filter(
            organ_id=uppdrag.organ_id,
            protokoll__mote__datum__gt=uppdrag.paragraf.protokoll.mote.datum,
        )
        .select_related("protokoll__mote")
        .order_by("protokoll__mote__datum", "ordning", "pk")
    )


def styrelsen_ids() -> list[int]:
    return list(Organ.objects.filter(typ=Organ.Typ.STYRELSE).values_list("pk", flat=True))


def nasta_mote(organ_ids, idag=None) -> Mote | None:
    """The next meeting (today or later) of these organs, with its dagordning and the
    handlingar of each item (three queries)."""
    idag = idag or timezone.localdate()
    return (
        Mote.objects.filter(organ_id__in=list(organ_ids), datum__gte=idag)
        .select_related("organ", "protokoll")
        .prefetch_related(
            Prefetch(
                "dagordning",
                queryset=Dagordningspunkt.objects.order_by("ordning", "pk").prefetch_related(
                    Prefetch("handlingar", queryset=Handling.objects.order_by("nummer"))
                ),
            )
        )
        .order_by("datum", "starttid", "pk")
        .first()
    )


def senaste_justerade(organ_ids) -> Protokoll | None:
    """The latest justerat protocol of these organs, with its meeting and anslag."""
    return (
        Protokoll.objects.filter(
            mote__organ_id__in=list(organ_ids), status=Protokoll.Status.JUSTERAT
        )
        .select_related("mote__organ", "anslag")
        .order_by("-mote__datum", "-pk")
        .first()
    )


# The calendar feed reaches back to the start of the year KALENDER_AR_BAKAT years ago (and
# forward to every planned meeting): a calendar program reads the whole feed every few
# minutes, so it must not grow with every year of the förbund's archive (issue 19).
KALENDER_AR_BAKAT = 2


def moten_for_kalender(person: Person, idag=None) -> list[Mote]:
    """The meetings of the organs the person sits in today (the kansli: the styrelse's
    too, as its secretary) from 1 January KALENDER_AR_BAKAT years back, oldest first: the
    person's calendar feed. Two queries."""
    idag = idag or timezone.localdate()
    uppdrag = list(
        Uppdrag.objects.aktiva(idag).filter(person=person).values_list("organ_id", "roll")
    )
    organ = {o for o, _r in uppdrag if o}
    if any(r in fp.KANSLI_ROLLER for _o, r in uppdrag):
        organ |= set(styrelsen_ids())
    return list(
        Mote.objects.filter(
            organ_id__in=organ, datum__gte=dt.date(idag.year - KALENDER_AR_BAKAT, 1, 1)
        )
        .select_related("organ")
        .order_by("datum", "pk")
    )


# --- Reminders (issue 19): what the daily job (forbund/projekt/jobb.py) reminds of ---------

JUSTERING_PAMINN_DAGAR = 2


def paminnelser(idag: dt.date, *, kansli: list[int]) -> list[PaminnelseForslag]:
    """A justerare whose deadline is at most two days away; the kansli for a justerat
    protocol without an anslag the day after its justering, and for an uppdrag from a
    decision that has reached its date. Three queries."""
    forslag: list[PaminnelseForslag] = []
    for j in Justering.objects.filter(
        justerad__isnull=True,
        protokoll__status=Protokoll.Status.NUMRERAT,
        person__user__isnull=False,
        protokoll__mote__datum__gte=idag - dt.timedelta(days=40),
    ).select_related("protokoll__mote__organ", "person"):
        mote = j.protokoll.mote
        senast = justering_senast(mote.datum)
        if 0 <= (senast - idag).days <= JUSTERING_PAMINN_DAGAR:
            forslag.append(
                PaminnelseForslag(
                    mottagare_id=j.person.user_id,
                    typ=Paminnelse.Typ.JUSTERING,
                    nyckel=f"justering:{j.protokoll_id}:{j.protokoll.justeringsomgang}",
                    text=f"Protokollet från {mote.organ.namn} {mote.datum.isoformat()} ska vara "
                    f"justerat senast {senast.isoformat()}.",
                    lank=reverse("protokoll_justera", args=[j.protokoll_id]),
                    datum=senast,
                )
            )
    utan_anslag = Protokoll.objects.filter(
        status=Protokoll.Status.JUSTERAT,
        anslag__isnull=True,
        justerat__date__lt=idag,
        justerat__date__gte=idag - dt.timedelta(days=30),
    ).select_related("mote__organ")
    for p in utan_anslag:
        forslag += [
            PaminnelseForslag(
                mottagare_id=user_id,
                typ=Paminnelse.Typ.ANSLAG,
                nyckel=f"anslag:{p.pk}",
                text=f"Protokollet från {p.mote.organ.namn} {p.mote.datum.isoformat()} är "
                f"justerat sedan {timezone.localdate(p.justerat).isoformat()} men inte anslaget.",
                lank=reverse("protokoll_detail", args=[p.pk]),
                datum=timezone.localdate(p.justerat),
            )
            for user_id in kansli
        ]
    for u in oppna_uppdrag().filter(forfaller__lte=idag, forfaller__gte=idag - dt.timedelta(30)):
        forslag += [
            PaminnelseForslag(
                mottagare_id=user_id,
                typ=Paminnelse.Typ.BESLUTSUPPDRAG,
                nyckel=f"beslutsuppdrag:{u.pk}:{u.forfaller.isoformat()}",
                text=f"Uppdraget från § {u.paragraf.nummer or ''} "
                f"({u.paragraf.protokoll.mote.datum.isoformat()}) till {u.ansvarig} skulle vara "
                f"klart {u.forfaller.isoformat()}: {u.beskrivning[:120]}",
                lank=reverse("beslutsuppdrag_list"),
                datum=u.forfaller,
            )
            for user_id in kansli
        ]
    return forslag
