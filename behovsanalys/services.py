"""Storing a behovsanalys file: all or nothing, recorded with who, when, file and SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Q

from forbund.fel import Fel
from forbund.models import Part

from . import tolka
from .models import Befolkning, Behovsimport, Behovsregion, Helarsekvivalent


@dataclass
class Importresultat:
    behovsimport: Behovsimport | None = None
    oforandrad: bool = False
    antal: int = 0
    ersatta: int = 0
    nya_regioner: list[str] | None = None


# One import at a time: two files for the same years must not interleave their deletes.
_SPARR_NYCKEL = 7_000_007


def _medlem(namn: str, parter: list[Part]) -> Part | None:
    """The member kommun a region is: "Sundsvall" is "Sundsvalls kommun"."""
    for part in parter:
        if part.namn.casefold() in {
            f"{namn} kommun".casefold(),
            f"{namn}s kommun".casefold(),
            f"{namn} stad".casefold(),
            namn.casefold(),
        }:
            return part
    return None


@transaction.atomic
def behovsanalys_import(*, actor, data: bytes, filnamn: str, kalla: str = "") -> Importresultat:
    """Import helårsekvivalenter and befolkning 20–64 år from CSV or Excel. One bad line and
    nothing changes. The rows of the file's years and regions replace the stored ones; the
    same file again changes nothing."""
    inlasning = tolka.tolka(data, filnamn)
    if inlasning.fel:
        raise Fel(inlasning.fel)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SPARR_NYCKEL])
    sha = hashlib.sha256(data).hexdigest()
    tidigare = Behovsimport.objects.filter(sha256=sha).first()
    if (
        tidigare
        and Helarsekvivalent.objects.filter(behovsimport=tidigare).count() == len(inlasning.rader)
        and Befolkning.objects.filter(behovsimport=tidigare).count() == len(inlasning.befolkning)
    ):
        return Importresultat(behovsimport=tidigare, oforandrad=True)

    regioner = {r.kod: r for r in Behovsregion.objects.filter(kod__in=inlasning.regioner)}
    kommuner = list(Part.objects.filter(typ=Part.Typ.KOMMUN))
    nya = []
    for kod, namn in inlasning.regioner.items():
        niva = tolka.regionniva(kod)
        region = regioner.get(kod)
        if region is None:
            region = Behovsregion.objects.create(
                kod=kod,
                namn=namn,
                niva=niva,
                part=_medlem(namn, kommuner) if niva == "kommun" else None,
            )
            regioner[kod] = region
            nya.append(namn)
        elif region.namn != namn or (niva == "kommun" and region.part_id is None):
            region.namn = namn
            if niva == "kommun" and region.part_id is None:
                region.part = _medlem(namn, kommuner)
            region.save(update_fields=["namn", "part"])

    per_ar: dict[int, set[int]] = {}
    for r in inlasning.rader:
        per_ar.setdefault(r.ar, set()).add(regioner[r.regionkod].pk)
    villkor = Q(pk__in=[])
    for ar_, region_ids in per_ar.items():
        villkor |= Q(ar=ar_, region_id__in=region_ids)
    ersatta, _ = Helarsekvivalent.objects.filter(villkor).delete()
    Befolkning.objects.filter(villkor).delete()

    ar = inlasning.ar
    ny = Behovsimport.objects.create(
        filnamn=filnamn[:255],
        sha256=sha,
        kalla=kalla[:200],
        antal_rader=len(inlasning.rader),
        ersatta_rader=ersatta,
        ar_fran=ar[0],
        ar_till=ar[-1],
        importerad_av=actor,
    )
    Helarsekvivalent.objects.bulk_create(
        Helarsekvivalent(
            region=regioner[r.regionkod],
            kon=r.kon,
            ar=r.ar,
            ersattning=r.ersattning,
            varde=r.varde,
            behovsimport=ny,
        )
        for r in inlasning.rader
    )
    Befolkning.objects.bulk_create(
        Befolkning(region=regioner[kod], kon=kon, ar=ar_, antal=antal, behovsimport=ny)
        for (kod, kon, ar_), antal in inlasning.befolkning.items()
    )
    return Importresultat(
        behovsimport=ny, antal=len(inlasning.rader), ersatta=ersatta, nya_regioner=nya
    )
