"""Omröstning as kommunallagen 5 kap. and the protocols write it: who may vote in a paragraph,
whether the votes entered are possible, the result (simple majority; on a tie the
ordförande's utslagsröst), and the standard wording.

Pure functions over plain values: the service (moten.services.paragraf_omrostning_save)
validates with them, the document (moten.dokument) writes the wording with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Narvaro, Rost

# Present and serving: they vote and count (the quorum rule's "tjänstgörande").
TJANSTGORANDE = (Narvaro.Kategori.ORDINARIE, Narvaro.Kategori.TJANSTGORANDE)


def rostberattigade(
    narvaro: list[Narvaro], *, nummer: int | None, javiga: set[str]
) -> list[Narvaro]:
    """Who votes in a paragraph: the members present and serving at it (within the närvaro's
    § range, once the paragraph has a number), less those jäviga in its decision."""
    ut = []
    for n in narvaro:
        if n.kategori not in TJANSTGORANDE or n.namn in javiga:
            continue
        if nummer is not None and n.fran_paragraf is not None:
            till = n.till_paragraf if n.till_paragraf is not None else n.fran_paragraf
            if not n.fran_paragraf <= nummer <= till:
                continue
        ut.append(n)
    return ut


@dataclass(frozen=True)
class Utfall:
    ja: int
    nej: int
    avstar: int
    vinner: str  # Rost.JA or Rost.NEJ
    utslagsrost: bool


def rakna(*, ja: int, nej: int, avstar: int, ordforandens_rost: str) -> tuple[Utfall | None, str]:
    """The result, or None and why not (a tie the ordförande did not decide)."""
    if ja != nej:
        return Utfall(ja, nej, avstar, Rost.JA if ja > nej else Rost.NEJ, False), ""
    if ordforandens_rost not in (Rost.JA, Rost.NEJ):
        return None, (
            f"Omröstningen slutar lika ({ja}–{nej}): då avgör ordförandens utslagsröst, och "
            "ordföranden måste ha röstat ja eller nej."
        )
    return Utfall(ja, nej, avstar, ordforandens_rost, True), ""


def kontrollera_antal(*, ja: int, nej: int, avstar: int, rostande: int) -> list[str]:
    """Counts entered without names must add up to those who may vote."""
    summa = ja + nej + avstar
    if summa > rostande:
        return [
            f"Omröstningen {ja}–{nej}{f' ({avstar} avstår)' if avstar else ''} har {summa} röster, "
            f"men bara {rostande} ledamöter är närvarande och tjänstgörande utan jäv i "
            "paragrafen. Rätta rösterna eller närvaron."
        ]
    if summa < rostande:
        return [
            f"Omröstningen har {summa} röster, men {rostande} ledamöter är närvarande och "
            "tjänstgörande utan jäv i paragrafen: var och en röstar ja, nej eller avstår."
        ]
    return []


def genitiv(namn: str) -> str:
    """Karin Ödmark → Karin Ödmarks; Lars → Lars (Swedish adds no s after s, x, z)."""
    namn = namn.strip()
    return namn if namn[-1:].lower() in ("s", "x", "z") else f"{namn}s"


def _roster(antal: int, ord_: str) -> str:
    return f"{antal} {ord_}-röst" if antal == 1 else f"{antal} {ord_}-röster"


def text(*, ja_namn: str, nej_namn: str, utfall: Utfall, organ_namn: str) -> str:
    """The standard wording: "Omröstning begärs och verkställs. Ja-röst för A:s yrkande,
    nej-röst för B:s yrkande. Omröstningen utfaller med 3 ja-röster mot 2 nej-röster.
    Styrelsen har således beslutat enligt A:s yrkande." """
    delar = [
        "Omröstning begärs och verkställs.",
        f"Ja-röst för {genitiv(ja_namn)} yrkande, nej-röst för {genitiv(nej_namn)} yrkande.",
        f"Omröstningen utfaller med {_roster(utfall.ja, 'ja')} mot {_roster(utfall.nej, 'nej')}"
        + (f"; {utfall.avstar} avstår." if utfall.avstar else "."),
    ]
    if utfall.utslagsrost:
        delar.append(
            "Rösterna är lika och ordföranden har utslagsröst, som avges för "
            f"{genitiv(ja_namn if utfall.vinner == Rost.JA else nej_namn)} yrkande."
        )
    vinnare = ja_namn if utfall.vinner == Rost.JA else nej_namn
    delar.append(f"{organ_namn} har således beslutat enligt {genitiv(vinnare)} yrkande.")
    return " ".join(delar)
