"""Writes to surveys: forms from data, rounds, tokens and anonymous answers."""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import partial

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from forbund.fel import Fel, Fellista
from forbund.uploads import XLSX, csv_rader, kand_filtyp, med_tak, xlsx_varden

from . import analysis, selectors
from .formular_skalor import ALTERNATIV, KON
from .models import (
    Deltagarkod,
    Formular,
    Fraga,
    Inkorg,
    Omgang,
    Omgangsrapport,
    Rapportlager,
    Stegsumma,
    Svar,
    Svarssumma,
    Svarsvarde,
    Token,
)

SVAR_JA_NEJ = {"Ja": 1, "Nej": 2}


class TokenAnvand(Fel):
    """The single-use link has been used: the page says so (410), not that input is wrong."""


class FormularSparrat(Fel):
    """The form has answers, so its questions are locked: a change is a new version."""


@transaction.atomic
def formular_load(data: list[dict]) -> int:
    """Create the forms from data (formular_data.FORMULAR); a form already there is left
    as it is: wording never changes under existing answers, a change is a new version."""
    antal = 0
    for f in data:
        if Formular.objects.filter(kod=f["kod"]).exists():
            continue
        formular = Formular.objects.create(
            kod=f["kod"],
            namn=f["namn"],
            inledning=f.get("inledning", ""),
            webbinledning=f.get("webbinledning", ""),
            begrepp=f.get("begrepp", ""),
            malgrupp=f["malgrupp"],
        )
        fragor = {}
        for i, q in enumerate(f["fragor"]):
            fragor[q["nummer"]] = Fraga.objects.create(
                formular=formular,
                ordning=i,
                nummer=q["nummer"],
                text=q["text"],
                typ=q["typ"],
                hjalptext=q.get("hjalptext", ""),
            )
        for q in f["fragor"]:
            if q.get("visas_om"):
                fraga = fragor[q["nummer"]]
                fraga.visas_om = fragor[q["visas_om"]["fraga"]]
                fraga.visas_om_svar = SVAR_JA_NEJ.get(q["visas_om"]["svar"], 1)
                fraga.save(update_fields=["visas_om", "visas_om_svar"])
        antal += 1
    return antal


@transaction.atomic
def omgang_create(
    *,
    actor,
    formular: Formular,
    ar: int,
    oppnar: dt.date,
    stanger: dt.date,
    insats=None,
    tillfalle: str = "",
) -> Omgang:
    if stanger < oppnar:
        raise Fel("Omgången kan inte stänga innan den öppnar.")
    if formular.malgrupp == Formular.Malgrupp.INSATS and insats is None:
        raise Fel("Välj vilken insats omgången gäller.")
    if tillfalle and insats is None:
        raise Fel("En självskattning hör till en insats: välj insatsen.")
    return Omgang.objects.create(
        formular=formular,
        ar=ar,
        oppnar=oppnar,
        stanger=stanger,
        insats=insats,
        tillfalle=tillfalle or "",
    )


@transaction.atomic
def tokens_create(*, actor, omgang: Omgang, antal: int) -> list[Token]:
    _inga_lankar_for_sjalvskattning(omgang)
    if not 1 <= antal <= 1000:
        raise Fel("Skapa mellan 1 och 1 000 länkar åt gången.")
    return Token.objects.bulk_create(Token(omgang=omgang) for _ in range(antal))


def synliga_fragor(fragor: list[Fraga], varden: dict[int, int | str]) -> list[Fraga]:
    """The questions the respondent is routed to, given the answers so far."""
    return [
        f for f in fragor if f.visas_om_id is None or varden.get(f.visas_om_id) == f.visas_om_svar
    ]


PERSONNUMMERLIK = re.compile(r"\d{6}")


def deltagarkod_kontrollera(kod: str) -> str:
    """A participant code for the self-rating: letters and digits the insats chooses, never a
    personnummer or a date of birth (six digits in a row are refused)."""
    kod = (kod or "").strip()
    if not kod:
        raise Fel("Skriv deltagarkoden (den som insatsen gav deltagaren vid inskrivningen).")
    if len(kod) > 20 or not re.fullmatch(r"[A-Za-z0-9ÅÄÖåäö-]+", kod):
        raise Fel("Deltagarkoden får bara innehålla bokstäver, siffror och bindestreck (högst 20).")
    if PERSONNUMMERLIK.search(kod) or len(re.sub(r"\D", "", kod)) >= 10:
        raise Fel(
            "Deltagarkoden liknar ett personnummer eller ett födelsedatum. Använd en kod som "
            "insatsen hittar på, till exempel SIP-017."
        )
    return kod.upper()


def _rader(fragor: list[Fraga], varden: dict[int, int | str]) -> list[tuple[int, int | None, str]]:
    """(fraga id, step, text) of what the respondent was routed to and answered."""
    synliga = {f.pk for f in synliga_fragor(fragor, varden)}
    rader = []
    for f in fragor:
        if f.pk not in synliga or f.pk not in varden or varden[f.pk] in ("", None):
            continue
        value = varden[f.pk]
        if f.typ == Fraga.Typ.FRITEXT:
            rader.append((f.pk, None, str(value)[:4000]))
        else:
            rader.append((f.pk, int(value), ""))
    return rader


def _spara_varden(svar: Svar, rader: Iterable) -> list[Svarsvarde]:
    return [
        Svarsvarde(svar=svar, fraga_id=fraga, varde=varde, text=text)
        for fraga, varde, text in rader
    ]


@transaction.atomic
def svar_create(
    *,
    omgang: Omgang,
    varden: dict[int, int | str],
    kanal: str,
    deltagarkod: str | None = None,
    fragor: list[Fraga] | None = None,
) -> Svar:
    """Store one anonymous answer on paper or imported (a web answer goes through
    `svar_lamna`). varden: fraga id -> step (int) or text. Routing applied: answers to
    questions the respondent was not routed to are dropped. A self-rating (omgang.tillfalle
    set) needs the participant code that pairs it."""
    if kanal == Svar.Kanal.WEBB:
        raise Fel("Ett webbsvar lämnas genom inkorgen (svar_lamna).")
    kod = None
    if omgang.tillfalle:
        kod = deltagarkod_kontrollera(deltagarkod or "")
        if Deltagarkod.objects.filter(omgang=omgang, kod=kod).exists():
            raise Fel(f"Deltagarkoden {kod} har redan ett svar i den här omgången.")
    if fragor is None:
        fragor = list(omgang.formular.fragor.all())
    svar = Svar.objects.create(omgang=omgang, datum=timezone.localdate(), kanal=kanal)
    if kod:
        Deltagarkod.objects.create(svar=svar, omgang=omgang, kod=kod)
    Svarsvarde.objects.bulk_create(_spara_varden(svar, _rader(fragor, varden)))
    stegsummor_lagg_till(svar_ids=[svar.pk])
    return svar


# -- Web answers: the inbox --------------------------------------------------------------------

# A batch moves when it holds this many answers; fewer only when the round has closed or the
# oldest has waited INKORG_DAGAR days (the `enkatinkorg` command, run by cron).
INKORG_MIN = 5
INKORG_DAGAR = 2


@transaction.atomic
def svar_lamna(
    *,
    omgang: Omgang,
    varden: dict[int, int | str],
    token: Token | None = None,
    fragor: list[Fraga] | None = None,
) -> None:
    """A respondent's web answer, by single-use link (`token`) or the shared link: the link
    is spent and the answer written to the inbox in one transaction; after it commits, the
    inbox is emptied into Svar in a transaction of its own once it holds a batch
    (`inkorg_toem`), so nothing in the database ties the link to the answer."""
    idag = timezone.localdate()
    if not (omgang.oppnar <= idag <= omgang.stanger):
        raise Fel("Enkäten är stängd.")
    if omgang.tillfalle:
        raise Fel("En självskattning registreras av insatsen, inte via länk.")
    # Single use, race-free: only one request can flip the token's flag.
    if (
        token is not None
        and Token.objects.filter(pk=token.pk, anvand=False).update(anvand=True) != 1
    ):
        raise TokenAnvand("Länken är redan använd.")
    if fragor is None:
        fragor = list(omgang.formular.fragor.all())
    Inkorg.objects.create(
        omgang=omgang, datum=idag, varden=[list(r) for r in _rader(fragor, varden)]
    )
    transaction.on_commit(partial(inkorg_toem, omgang=omgang, rapport=False))


@transaction.atomic
def inkorg_toem(
    *, omgang: Omgang | None = None, min_antal: int = INKORG_MIN, rapport: bool = True
) -> int:
    """Move the inbox's answers into Svar, per round, in a random order, in this transaction
    (never the one that spent a link): a round's batch moves when it holds `min_antal`
    answers, or all that wait once the round has closed or the oldest has waited
    INKORG_DAGAR days. Rows another mover holds are skipped. Returns how many moved.

    The reports' sums (Stegsumma) always follow the batch; with `rapport` the forms'
    suppressed tables are stored afresh too (seconds for a form of ten years' rounds: the
    `enkatinkorg` command does it; the move right after a respondent's answer does not, and
    the next report page computes them if nothing else has)."""
    idag = timezone.localdate()
    poster = Inkorg.objects.select_for_update(skip_locked=True).select_related("omgang")
    if omgang is not None:
        poster = poster.filter(omgang=omgang)
    per_omgang: dict[int, list[Inkorg]] = defaultdict(list)
    for post in poster:
        per_omgang[post.omgang_id].append(post)
    slump = secrets.SystemRandom()
    flyttas: list[Inkorg] = []
    for batch in per_omgang.values():
        om = batch[0].omgang
        if (
            len(batch) >= min_antal
            or om.stanger < idag
            or min(p.datum for p in batch) <= idag - dt.timedelta(days=INKORG_DAGAR)
        ):
            flyttas.extend(batch)
    if not flyttas:
        return 0
    slump.shuffle(flyttas)
    svar = Svar.objects.bulk_create(
        Svar(omgang_id=p.omgang_id, datum=p.datum, kanal=Svar.Kanal.WEBB) for p in flyttas
    )
    Svarsvarde.objects.bulk_create(
        v for s, p in zip(svar, flyttas, strict=True) for v in _spara_varden(s, p.varden)
    )
    Inkorg.objects.filter(pk__in=[p.pk for p in flyttas]).delete()
    # The reports' sums and suppressed tables follow the batch, in its transaction.
    stegsummor_lagg_till(svar_ids=[s.pk for s in svar])
    if rapport:
        for kod in sorted({p.omgang.formular.kod for p in flyttas}):
            rapport_uppdatera(kod=kod)
    return len(flyttas)


# -- One shared link per round ----------------------------------------------------------------


def _ny_delad_kod() -> str:
    alfabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alfabet) for _ in range(12))


def _inga_lankar_for_sjalvskattning(omgang: Omgang) -> None:
    if omgang.tillfalle:
        raise Fel(
            "En självskattning fylls i på papper och registreras av insatsen med deltagarkoden; "
            "den har inga webblänkar."
        )


@transaction.atomic
def delad_lank_create(*, actor, omgang: Omgang) -> Omgang:
    """One link for everyone in the round (e.g. on a poster in the insats's room). It works
    only while the round is open; the browser that answered is refused a second time by a
    signed cookie, nothing is stored about it."""
    _inga_lankar_for_sjalvskattning(omgang)
    if not omgang.delad_kod:
        omgang.delad_kod = _ny_delad_kod()
        omgang.save(update_fields=["delad_kod"])
    return omgang


@transaction.atomic
def delad_lank_stang(*, actor, omgang: Omgang) -> Omgang:
    omgang.delad_kod = None
    omgang.save(update_fields=["delad_kod"])
    return omgang


# -- Batch import of paper answers ----------------------------------------------------------

MAX_RADER = 20_000


def tolka_svarsfil(data: bytes) -> Iterator[list[str]]:
    """The rows of an uploaded CSV or Excel (.xlsx) file, as text, one at a time (an Excel
    file's archive is checked before it is opened: forbund.uploads)."""
    if data.startswith(b"PK\x03\x04"):
        if kand_filtyp(data) != XLSX:
            raise Fel(["Filen är inte en Excel-fil (.xlsx) eller CSV."])
        return (["" if c is None else _cell_text(c) for c in rad] for rad in xlsx_varden(data))
    if not data.strip():
        raise Fel(["Filen är tom."])
    rows = csv_rader(data)
    if rows is None:
        raise Fel(["Filen är varken CSV eller Excel (.xlsx) och kan inte läsas."])
    return rows


def _cell_text(c) -> str:
    if isinstance(c, float) and c.is_integer():
        return str(int(c))
    return str(c)


def _kolumnnamn(text: str) -> str:
    t = text.strip().lower().rstrip(".")
    return {
        "kön": "kon",
        "fråga kön": "kon",
        "ålder": "alder",
        "försörjning": "forsorj",
        "forsorjning": "forsorj",
    }.get(t, t.removeprefix("fråga ").strip())


@transaction.atomic
def svar_import(*, actor, omgang: Omgang, rader: Iterable[list[str]]) -> int:
    """Import paper answers, one row per response, one column per question by its number
    (kon for kön), codes 1–6 (1–3 for kön, 1 Ja / 2 Nej), blank for no answer. A
    self-rating round also needs a column `deltagarkod`. Routing as on the web: answers to
    questions the respondent was not routed to are not kept. All or nothing: any error and
    nothing is saved; the errors give the file's line numbers."""
    # The header and at most MAX_RADER answers are read; the row after them refuses the file.
    rader = med_tak(
        (r for r in rader if any(str(c).strip() for c in r)),
        MAX_RADER,
        meddelande=f"Filen har fler än {MAX_RADER:,} svar. Dela upp den.".replace(",", "\u00a0"),
    )
    forsta = next(rader, None)
    if forsta is None:
        raise Fel(["Filen är tom."])
    fragor = list(omgang.formular.fragor.order_by("ordning"))
    per_nummer = {f.nummer.lower(): f for f in fragor}
    huvud = [_kolumnnamn(h) for h in forsta]
    fel = Fellista()
    kolumner: dict[int, Fraga | str] = {}
    for i, h in enumerate(huvud):
        if not h:
            continue
        if h == "deltagarkod" and omgang.tillfalle:
            kolumner[i] = "deltagarkod"
        elif h in per_nummer:
            kolumner[i] = per_nummer[h]
        else:
            fel.append(
                f'Rad 1: kolumnen "{forsta[i].strip()}" är ingen fråga i formuläret '
                f"({', '.join(f.nummer for f in fragor)})."
            )
    if omgang.tillfalle and "deltagarkod" not in kolumner.values():
        fel.append("Rad 1: kolumnen deltagarkod saknas (den parar in- och utskrivning).")
    if not [k for k in kolumner.values() if isinstance(k, Fraga)]:
        fel.append("Rad 1: första raden ska ha frågornas nummer som kolumnrubriker.")
    if fel:
        raise Fel(fel)
    tolkade = []
    koder_i_filen: dict[str, int] = {}
    for radnr, rad in enumerate(rader, start=2):
        varden: dict[int, int | str] = {}
        kod = None
        for i, mal in kolumner.items():
            text = str(rad[i]).strip() if i < len(rad) else ""
            if mal == "deltagarkod":
                try:
                    kod = deltagarkod_kontrollera(text)
                except Fel as exc:
                    fel.append(f"Rad {radnr}: {exc}")
                    continue
                if kod in koder_i_filen:
                    fel.append(
                        f"Rad {radnr}: deltagarkoden {kod} finns redan på rad {koder_i_filen[kod]}."
                    )
                koder_i_filen.setdefault(kod, radnr)
                continue
            if not text:
                continue
            if mal.typ == Fraga.Typ.FRITEXT:
                varden[mal.pk] = text.replace("\x00", "")[:4000]  # PostgreSQL text has no NUL
                continue
            antal = len(ALTERNATIV[mal.typ])
            if not re.fullmatch(r"\d+", text) or not 1 <= int(text) <= antal:
                fel.append(
                    f'Rad {radnr}, fråga {mal.nummer}: "{text[:20]}" är inget svarsalternativ '
                    f"(1–{antal}, tom ruta för inget svar)."
                )
                continue
            varden[mal.pk] = int(text)
        tolkade.append((radnr, varden, kod))
    if omgang.tillfalle:
        finns = set(
            Deltagarkod.objects.filter(omgang=omgang, kod__in=koder_i_filen).values_list(
                "kod", flat=True
            )
        )
        for kod in sorted(finns):
            fel.append(
                f"Rad {koder_i_filen[kod]}: deltagarkoden {kod} har redan ett svar i omgången."
            )
    if fel:
        raise Fel(fel)
    for _radnr, varden, kod in tolkade:
        svar_create(
            omgang=omgang, varden=varden, kanal=Svar.Kanal.IMPORT, deltagarkod=kod, fragor=fragor
        )
    rapport_uppdatera(kod=omgang.formular.kod)
    return len(tolkade)


def svar_import_fil(*, actor, omgang: Omgang, data: bytes) -> int:
    return svar_import(actor=actor, omgang=omgang, rader=tolka_svarsfil(data))


# -- Forms built by the kansli ----------------------------------------------------------------


def formular_har_svar(formular: Formular) -> bool:
    return Svar.objects.filter(omgang__formular=formular).exists()


def _kontrollera_osparrat(formular: Formular) -> None:
    if formular_har_svar(formular):
        raise FormularSparrat(
            "Formuläret har svar och dess frågor kan inte längre ändras, så att svaren alltid "
            "hör till de frågor som ställdes. Skapa en ny version i stället."
        )


@transaction.atomic
def formular_create(
    *, actor, namn: str, malgrupp: str, inledning: str = "", webbinledning: str = ""
) -> Formular:

    bas = slugify(namn)[:30] or "formular"
    kod, i = bas, 2
    while Formular.objects.filter(kod=kod).exists():
        kod, i = f"{bas}-{i}", i + 1
    return Formular.objects.create(
        kod=kod, namn=namn, malgrupp=malgrupp, inledning=inledning, webbinledning=webbinledning
    )


@transaction.atomic
def fraga_create(
    *,
    actor,
    formular: Formular,
    text: str,
    typ: str,
    nummer: str = "",
    hjalptext: str = "",
    visas_om: Fraga | None = None,
    visas_om_svar: int | None = None,
) -> Fraga:
    _kontrollera_osparrat(formular)
    fragor = list(formular.fragor.all())
    if not nummer:
        numrerade = [f for f in fragor if f.nummer.isdigit()]
        nummer = str(max([int(f.nummer) for f in numrerade], default=0) + 1)
    if any(f.nummer == nummer for f in fragor):
        raise Fel(f"Det finns redan en fråga {nummer} i formuläret.")
    if visas_om is not None:
        if visas_om.formular_id != formular.pk:
            raise Fel("Frågan kan bara visas beroende på en fråga i samma formulär.")
        if visas_om.typ == Fraga.Typ.FRITEXT:
            raise Fel("En fritextfråga kan inte styra vilka frågor som visas.")
        antal = len(ALTERNATIV[visas_om.typ])
        if visas_om_svar is None or not 1 <= visas_om_svar <= antal:
            raise Fel(f"Välj vilket svar (1–{antal}) på fråga {visas_om.nummer} som visar frågan.")
    else:
        visas_om_svar = None
    ordning = formular.fragor.aggregate(m=Max("ordning"))["m"]
    return Fraga.objects.create(
        formular=formular,
        ordning=0 if ordning is None else ordning + 1,
        nummer=nummer,
        text=text,
        typ=typ,
        hjalptext=hjalptext,
        visas_om=visas_om,
        visas_om_svar=visas_om_svar,
    )


@transaction.atomic
def fraga_delete(*, actor, fraga: Fraga) -> None:
    _kontrollera_osparrat(fraga.formular)
    if Fraga.objects.filter(visas_om=fraga).exists():
        raise Fel(f"Andra frågor visas beroende på fråga {fraga.nummer}. Ta bort dem först.")
    fraga.delete()


@transaction.atomic
def formular_ny_version(*, actor, formular: Formular) -> Formular:
    """A copy with the next version number: same code, same questions and routing, no
    answers. Results are compared per version."""
    senaste = Formular.objects.filter(kod=formular.kod).aggregate(m=Max("version"))["m"]
    ny = Formular.objects.create(
        kod=formular.kod,
        version=senaste + 1,
        namn=formular.namn,
        inledning=formular.inledning,
        webbinledning=formular.webbinledning,
        begrepp=formular.begrepp,
        malgrupp=formular.malgrupp,
    )
    kopior = {}
    gamla = list(formular.fragor.order_by("ordning"))
    for f in gamla:
        kopior[f.pk] = Fraga.objects.create(
            formular=ny,
            ordning=f.ordning,
            nummer=f.nummer,
            text=f.text,
            typ=f.typ,
            hjalptext=f.hjalptext,
            visas_om_svar=f.visas_om_svar,
        )
    for f in gamla:
        if f.visas_om_id:
            kopia = kopior[f.pk]
            kopia.visas_om = kopior[f.visas_om_id]
            kopia.save(update_fields=["visas_om"])
    return ny


# -- The reports' stored sums and tables (issue 19) ----------------------------------------------

# Per answer, its kön (the kön question's step, 0 for none or out of range) and every answered
# scale question: the atoms of the NNS report, counted.
_STEGSUMMOR_SQL = """
    SELECT s.omgang_id, v.fraga_id, COALESCE(k.kon, 0), v.varde, count(*)
    FROM enkater_svarsvarde v
    JOIN enkater_svar s ON s.id = v.svar_id
    JOIN enkater_fraga f ON f.id = v.fraga_id AND f.typ = ANY(%(skalor)s)
    LEFT JOIN LATERAL (
        SELECT CASE WHEN kv.varde BETWEEN 1 AND %(kon_max)s THEN kv.varde ELSE 0 END AS kon
        FROM enkater_svarsvarde kv JOIN enkater_fraga kf ON kf.id = kv.fraga_id
        WHERE kv.svar_id = s.id AND kf.typ = %(kon_typ)s AND kv.varde IS NOT NULL
        LIMIT 1
    ) k ON true
    WHERE v.varde IS NOT NULL AND {villkor}
    GROUP BY 1, 2, 3, 4
"""


def _stegsummor_params(**extra) -> dict:
    return {
        "skalor": [str(t) for t in selectors.SKALOR],
        "kon_max": len(KON),
        "kon_typ": str(Fraga.Typ.KON),
        **extra,
    }


def stegsummor_lagg_till(*, svar_ids: list[int]) -> None:
    """Count these new answers into their rounds' Stegsummor and Svarssumma, in the caller's
    transaction (where the answers were written). Counted from the stored rows, in SQL."""
    if not svar_ids:
        return
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO enkater_stegsumma (omgang_id, fraga_id, kon, varde, antal) "
            + _STEGSUMMOR_SQL.format(villkor="v.svar_id = ANY(%(svar)s)")
            + " ON CONFLICT (omgang_id, fraga_id, kon, varde) DO UPDATE SET antal = "
            "enkater_stegsumma.antal + EXCLUDED.antal",
            _stegsummor_params(svar=list(svar_ids)),
        )
        cur.execute(
            "INSERT INTO enkater_svarssumma (omgang_id, antal_svar, sista_svar) "
            "SELECT omgang_id, count(*), max(id) FROM enkater_svar WHERE id = ANY(%s) "
            "GROUP BY omgang_id ON CONFLICT (omgang_id) DO UPDATE SET "
            "antal_svar = enkater_svarssumma.antal_svar + EXCLUDED.antal_svar, "
            "sista_svar = GREATEST(enkater_svarssumma.sista_svar, EXCLUDED.sista_svar)",
            [list(svar_ids)],
        )


@transaction.atomic
def stegsummor_bygg(*, omgang_ids: list[int]) -> None:
    """The rounds' Stegsummor and Svarssumma made afresh from every answer they have."""
    if not omgang_ids:
        return
    ids = list(omgang_ids)
    Stegsumma.objects.filter(omgang_id__in=ids).delete()
    Svarssumma.objects.filter(omgang_id__in=ids).delete()
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO enkater_stegsumma (omgang_id, fraga_id, kon, varde, antal) "
            + _STEGSUMMOR_SQL.format(villkor="s.omgang_id = ANY(%(omgangar)s)"),
            _stegsummor_params(omgangar=ids),
        )
        cur.execute(
            "INSERT INTO enkater_svarssumma (omgang_id, antal_svar, sista_svar) "
            "SELECT o.id, count(s.id), max(s.id) FROM enkater_omgang o "
            "LEFT JOIN enkater_svar s ON s.omgang_id = o.id WHERE o.id = ANY(%s) GROUP BY o.id",
            [ids],
        )


@transaction.atomic
def rapport_uppdatera(*, kod: str) -> tuple[dict, list[Omgang]]:
    """A form's suppressed tables (every view of every round) computed from its rounds'
    Stegsummor, rebuilding first the sums of any round whose answers changed past the
    services, and stored (Rapportlager) with what they were computed from. Called where
    answers arrive (the inbox's batch, an import, the scale generator) and by a report that
    finds its stored tables older than its rounds. Returns the tables and the rounds."""
    # The key first: answers committed while this runs make it older than the tables (the
    # next page computes again), never newer (stale tables taken for current).
    nyckel = selectors.underlag(kod)
    omgangar = selectors.omgangar_for(kod)
    stegsummor_bygg(omgang_ids=selectors.inaktuella_summor(omgangar))
    tabeller = analysis.nns_rapport_summor(selectors.summor_df(omgangar))
    Rapportlager.objects.update_or_create(
        kod=kod, defaults={"underlag": nyckel, "tabeller": _json(tabeller)}
    )
    # Each round's part (the views its own page shows), so that page reads only its rows.
    delar = analysis.omgangarnas_json(tabeller, OMGANGSVYER, [o.pk for o in omgangar])
    Omgangsrapport.objects.filter(omgang__in=[o.pk for o in omgangar]).delete()
    Omgangsrapport.objects.bulk_create(
        Omgangsrapport(
            omgang_id=o.pk,
            underlag=nyckel,
            tabeller=json.dumps(delar[o.pk], separators=(",", ":")),
        )
        for o in omgangar
    )
    return tabeller, omgangar


# The views of a round's own page (rapport.omgang_rapport).
OMGANGSVYER = [("omgang",), ("omgang", "kon")]


def _json(tabeller: dict) -> str:
    return json.dumps(analysis.tabeller_till_json(tabeller), separators=(",", ":"))
