"""The delårsrapport and årsredovisning, assembled from what the other apps hold.

`bygg_innehall` reads the figures (the förbund and its parter, the styrelse's meetings and
their decisions from the beslutsregister, the SUS tables of the approved periods, the
arrangemang, the budget follow-up) into plain JSON-able data. A draft shows them live; the
board's approval stores the same data in `Verksamhetsrapport.innehall`, so an approved
edition reads exactly as it was approved, whatever changes later. The page, the PDF, the
Word-friendly HTML and the .docx all render from that one dict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ekonomi import selectors as ekonomi_selectors
from forbund.formatting import avrunda, kr
from forbund.selectors import forbund_get, kommunnamn, parter_namn
from insatser import selectors as insats_selectors
from insatser.models import Tabell
from moten import selectors as moten_selectors
from moten.models import Protokoll

from .models import MANADER, Avsnitt, Verksamhetsrapport

INNEHALL_VERSION = 1

SUS_RUBRIKER = {
    "kommun": "Antal deltagare per kommun (folkbokföringskommun)",
    "forsorjning_in": "Deltagares försörjning vid inskrivning (nya deltagare)",
    "tid": "Tid i offentlig försörjning vid inskrivning (nya deltagare)",
    "avslut": "Avslutsanledningar",
    "forsorjning_ut": "Deltagares försörjning vid avslut",
}


def period_text(fran: dt.date, till: dt.date) -> str:
    """ "januari–augusti 2017", or "2017" for a whole year."""
    if (fran.month, fran.day, till.month, till.day) == (1, 1, 12, 31) and fran.year == till.year:
        return str(till.year)
    if fran.year == till.year and fran.day == 1:
        a, b = MANADER[fran.month - 1], MANADER[till.month - 1]
        return f"{a}–{b} {till.year}" if a != b else f"{a} {till.year}"
    return f"{fran.isoformat()}–{till.isoformat()}"


def rubrik(rapport: Verksamhetsrapport, nyckel: str) -> str:
    ar = rapport.ar
    delar = rapport.typ == Verksamhetsrapport.Typ.DELARSRAPPORT
    if nyckel == Avsnitt.PLANERAT:
        return (
            f"Planerade aktiviteter under resten av {ar}"
            if delar
            else (f"Planerade aktiviteter {ar + 1}")
        )
    if nyckel == Avsnitt.EKONOMI:
        return (
            f"Ekonomiskt utfall per {rapport.till.isoformat()} samt prognos för helår {ar}"
            if delar
            else f"Ekonomiskt utfall {ar}"
        )
    return Avsnitt(nyckel).label


def planerat_intervall(rapport: Verksamhetsrapport) -> tuple[dt.date, dt.date]:
    if rapport.typ == Verksamhetsrapport.Typ.DELARSRAPPORT:
        return rapport.till + dt.timedelta(days=1), dt.date(rapport.ar, 12, 31)
    return dt.date(rapport.ar + 1, 1, 1), dt.date(rapport.ar + 1, 12, 31)


@dataclass
class Block:
    """A piece of a text section for the .docx: "p" (paragraph), "ul" (list) or "h"."""

    typ: str
    rader: list[str]


def stycken(text: str) -> list[Block]:
    """The same reading of the kansli's plain text as the `stycken` template filter
    (forbund.formatting.stycken_html): blank lines part paragraphs, "- " makes a list item,
    "### " a sub-heading."""
    blocks: list[Block] = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        egna: list[Block] = []  # a blank line always starts a new block
        for line in (ln.strip() for ln in chunk.split("\n")):
            if not line:
                continue
            if line.startswith("### "):
                egna.append(Block("h", [line[4:]]))
            elif line.startswith("- "):
                if not egna or egna[-1].typ != "ul":
                    egna.append(Block("ul", []))
                egna[-1].rader.append(line[2:])
            elif egna and egna[-1].typ == "p":
                egna[-1].rader.append(line)
            else:
                egna.append(Block("p", [line]))
        blocks += egna
    return blocks


def _procent(del_: int, helhet: int) -> int | None:
    if not helhet:
        return None
    return int(avrunda(Decimal(del_) * 100 / helhet))


def _lista(namn: list[str]) -> str:
    return namn[0] if len(namn) == 1 else ", ".join(namn[:-1]) + " och " + namn[-1]


def _om_forbundet() -> dict:
    forbund = forbund_get()
    parter = parter_namn()
    return {
        "forbund": forbund.namn if forbund else "",
        "parter": parter,
        "medlemmar": f"Förbundets medlemmar är {_lista(parter)}." if parter else "",
        "andamal": forbund.andamal if forbund else "",
    }


def _styrelsen(fran: dt.date, till: dt.date) -> dict:
    """The styrelse's meetings in the period and the Att-clauses of their justerade
    protocols (the beslutsregister), grouped by meeting and paragraph. Two queries."""
    moten = moten_selectors.styrelsens_moten(fran, till)
    beslut = moten_selectors.beslut_vid(moten)
    per_mote: dict[int, dict[int, dict]] = {}
    for att in beslut:
        p = att.paragraf
        paragrafer = per_mote.setdefault(p.protokoll.mote_id, {})
        paragrafer.setdefault(p.pk, {"nummer": p.nummer, "rubrik": p.rubrik, "beslut": []})
        paragrafer[p.pk]["beslut"].append(att.text)
    result = []
    for m in moten:
        protokoll = getattr(m, "protokoll", None)  # a meeting without a protocol yet
        result.append(
            {
                "datum": m.datum.isoformat(),
                "organ": m.organ.namn,
                "justerat": bool(protokoll and protokoll.status == Protokoll.Status.JUSTERAT),
                "paragrafer": list(per_mote.get(m.pk, {}).values()),
            }
        )
    return {
        "moten": result,
        "antal_beslut": sum(len(p["beslut"]) for m in result for p in m["paragrafer"]),
    }


def _insatser(fran: dt.date, till: dt.date) -> dict:
    """The SUS tables summed over the approved periods with exactly the report's dates, the
    same rule as the SUS report page (insatser.selectors.sus_tabeller)."""
    perioder = insats_selectors.godkanda_perioder(fran, till)
    kommuner = kommunnamn()
    tabeller = []
    aktiva = {"totalt": 0, "kvinnor": 0, "man": 0}
    nya = avslutade = 0
    if perioder:
        sus = insats_selectors.sus_tabeller([p.pk for p in perioder], kommuner)
        a = sus.aktiva
        aktiva = {"totalt": a.totalt, "kvinnor": a.kvinnor, "man": a.man}
        nya = sus.rad(Tabell.DELTAGARE, "Nya").totalt
        avslutade = sus.rad(Tabell.DELTAGARE, "Avslutade").totalt
        for nyckel, titel in SUS_RUBRIKER.items():
            rader = sus.tabeller.get(nyckel, [])
            if not rader:
                continue
            summa = sus.summa(nyckel) if nyckel == Tabell.KOMMUN else None
            tabeller.append(
                {
                    "nyckel": nyckel,
                    "rubrik": titel,
                    "snitt": nyckel == Tabell.AVSLUT,
                    "rader": [
                        {
                            "kategori": r.kategori,
                            "totalt": r.totalt,
                            "kvinnor": r.kvinnor,
                            "man": r.man,
                            "snitt": r.snitt_manader,
                        }
                        for r in rader
                    ],
                    "summa": {"totalt": summa.totalt, "kvinnor": summa.kvinnor, "man": summa.man}
                    if summa
                    else None,
                }
            )
    return {
        "perioder": [
            {"insats": p.insats.namn, "fran": p.fran.isoformat(), "till": p.till.isoformat()}
            for p in perioder
        ],
        "aktiva": aktiva,
        "andel_kvinnor": _procent(aktiva["kvinnor"], aktiva["totalt"]),
        "andel_man": _procent(aktiva["man"], aktiva["totalt"]),
        "nya": nya,
        "avslutade": avslutade,
        "tabeller": tabeller,
    }


def _arrangemang(fran: dt.date, till: dt.date) -> dict:
    rader = [
        {
            "namn": a.namn,
            "typ": a.get_typ_display(),
            "datum": a.startdatum.isoformat()
            + (
                f"–{a.slutdatum.isoformat()}" if a.slutdatum and a.slutdatum != a.startdatum else ""
            ),
            "omrade": a.omrade_totalt,
            "kvinnor": a.omrade_kvinnor,
            "man": a.omrade_man,
            "ej_angivet": a.omrade_ej_angivet,
            "alla": a.alla,
        }
        for a in insats_selectors.arrangemang_med_summor(fran, till)
    ]
    summa = {
        f: sum(r[f] for r in rader) for f in ("omrade", "kvinnor", "man", "ej_angivet", "alla")
    }
    return {"rader": rader, "summa": summa}


def _planerat(fran: dt.date, till: dt.date) -> dict:
    return {
        "rader": [
            {"namn": a.namn, "typ": a.get_typ_display(), "datum": a.startdatum.isoformat()}
            for a in insats_selectors.arrangemang_med_summor(fran, till)
        ]
    }


def _rad(r) -> dict:
    return {"namn": r.namn, "budget": r.budget, "utfall": r.utfall, "prognos": r.prognos}


def _ekonomi(rapport: Verksamhetsrapport) -> dict:
    delar = rapport.typ == Verksamhetsrapport.Typ.DELARSRAPPORT
    r = ekonomi_selectors.rapport(rapport.ar, per=rapport.till if delar else None)
    resultat = r.resultat
    ek = r.eget_kapital_prognos
    mening = ""
    if ek is not None:
        riktning = "ökat" if (resultat.prognos or 0) >= 0 else "minskat"
        mening = (
            f"Enligt ovanstående prognos kommer förbundet vid utgången av {rapport.ar} att ha "
            f"{riktning} det egna kapitalet till {kr(ek)}."
        )
    return {
        "ar": rapport.ar,
        "per": r.per.isoformat() if r.per else None,
        "version": (
            f"{r.version.namn} (version {r.version.nummer}, "
            f"{r.version.get_status_display().lower()}"
            + (f" i § {r.version.paragraf.nummer}" if r.version.paragraf_id else "")
            + ")"
        )
        if r.version
        else None,
        "grupper": [
            {
                "namn": g.namn,
                "intakter": g.grupp == "intakter",
                "rader": [_rad(x) | {"intakt": bool(x.post and x.post.intakt)} for x in g.rader],
                "summa": _rad(g.summa) if g.summa else None,
            }
            for g in r.grupper
        ],
        "intakter": _rad(r.intakter),
        "kostnader": _rad(r.kostnader),
        "resultat": _rad(resultat),
        "ingaende_eget_kapital": r.ingaende_eget_kapital,
        "eget_kapital_prognos": ek,
        "tak": r.tak,
        "mening": mening,
    }


def bygg_innehall(rapport: Verksamhetsrapport) -> dict:
    """Every figure of the report, computed now from the stored rows."""
    plan_fran, plan_till = planerat_intervall(rapport)
    return {
        "version": INNEHALL_VERSION,
        "byggt": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "om_forbundet": _om_forbundet(),
        "styrelsen": _styrelsen(rapport.fran, rapport.till),
        "insatser": _insatser(rapport.fran, rapport.till),
        "arrangemang": _arrangemang(rapport.fran, rapport.till),
        "planerat": _planerat(plan_fran, plan_till),
        "ekonomi": _ekonomi(rapport),
    }


def innehall(rapport: Verksamhetsrapport) -> dict:
    """The approved edition's stored figures, or a draft's live ones."""
    return rapport.innehall if rapport.innehall is not None else bygg_innehall(rapport)


def avsnitt(rapport: Verksamhetsrapport) -> list[dict]:
    """The six sections in order, each with its heading, its text (as blocks) and its row."""
    rows = {a.nyckel: a for a in rapport.avsnitt.all()}
    result = []
    for nyckel in Avsnitt.values:
        row = rows.get(nyckel)
        text = row.text if row else ""
        result.append(
            {
                "nyckel": nyckel,
                "rubrik": rubrik(rapport, nyckel),
                "text": text,
                "rad": row,
            }
        )
    return result


def kontext(rapport: Verksamhetsrapport) -> dict:
    """What every rendering of the report needs."""
    data = innehall(rapport)
    return {
        "rapport": rapport,
        "i": data,
        "avsnitt": avsnitt(rapport),
        "period": period_text(rapport.fran, rapport.till),
        "forbund_namn": data["om_forbundet"]["forbund"],
    }
