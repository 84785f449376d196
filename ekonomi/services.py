"""Writes to ekonomi: utfall imports (all or nothing), account mapping, prognos, budget."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Max, Sum
from django.utils import timezone

from forbund import historik
from forbund.fel import Fel
from forbund.models import Part
from forbund.selectors import forbund_get
from insatser import selectors as insats_selectors

from . import sie
from .models import (
    Budgetpost,
    Budgetrad,
    Budgetversion,
    Importutkast,
    Konto,
    Prognos,
    Transaktion,
    Utfallsimport,
    Verksamhetsar,
)


@dataclass
class Kontorad:
    """One account of an import, as the preview shows it."""

    konto: int
    belopp: Decimal  # utfall to the date, the file's sign
    namn_kontoplan: str | None  # None: the account is not in the kontoplan
    namn_fil: str
    post: str | None  # the budget post it belongs to

    @property
    def annat_namn(self) -> bool:
        """The file names the account and the kontoplan does not, or differently."""
        return bool(self.namn_fil) and self.namn_fil != self.namn_kontoplan


@dataclass
class Forhandsgranskning:
    """What an import would store, checked, before anything is stored."""

    inlast: sie.Inlast
    ar: int
    per: dt.date
    per_grund: str
    filnamn: str
    sha256: str
    konton: list[Kontorad]
    redan_importerad: Utfallsimport | None = None
    ersatter: Utfallsimport | None = None
    andringar: list[tuple[int, Decimal, Decimal]] = field(default_factory=list)
    efter_per: int = 0  # rows dated after the date: stored, not counted in this utfall

    @property
    def orgnr(self) -> str:
        return sie.orgnr_text(self.inlast.orgnr) if self.inlast.orgnr else ""

    @property
    def namnskillnader(self) -> list[Kontorad]:
        return [k for k in self.konton if k.annat_namn]

    @property
    def omappade(self) -> list[Kontorad]:
        return [k for k in self.konton if k.post is None]


@dataclass
class Importresultat:
    oforandrad: bool = False
    ersatte: Utfallsimport | None = None
    utfallsimport: Utfallsimport | None = None
    antal: int = 0  # rows stored (result accounts)
    lasta: int = 0  # rows read from the file (a transaction once)
    andringar: list[tuple[int, Decimal, Decimal]] = field(
        default_factory=list
    )  # konto, före, efter
    omappade: list[int] = field(default_factory=list)
    namnbyten: list[tuple[int, str | None, str]] = field(default_factory=list)


def _orgnr_fel(inlast: sie.Inlast) -> str | None:
    """The file must be the förbund's own: #ORGNR equal to its organisationsnummer."""
    forbund = forbund_get()
    if forbund is None or not forbund.organisationsnummer:
        return "Förbundets organisationsnummer saknas i portalen; ange det innan du importerar."
    eget = sie.orgnr_text(forbund.organisationsnummer)
    if not inlast.orgnr:
        return (
            f"Filen saknar organisationsnummer (#ORGNR), så det går inte att se att den gäller "
            f"{forbund.namn} ({eget}). Exportera filen med organisationsnummer."
        )
    if sie.orgnr_siffror(inlast.orgnr) != sie.orgnr_siffror(forbund.organisationsnummer):
        vem = f" ({inlast.fnamn})" if inlast.fnamn else ""
        return (
            f"Filen gäller organisationsnummer {sie.orgnr_text(inlast.orgnr)}{vem}, men "
            f"{forbund.namn} har organisationsnummer {eget}. Fel företag: inget importerades."
        )
    return None


def utfall_forhandsgranska(
    *, data: bytes, filnamn: str, ar: int, per: dt.date | None = None
) -> Forhandsgranskning:
    """Read and check a file for the year `ar` without storing anything: the rows, the
    accounts with the file's and the kontoplan's names, the date the utfall is per, and
    what an import would replace. Raises Fel with every reason it would be refused."""
    inlast = sie.tolka(data, filnamn, ar=ar)
    if inlast.format == "sie":
        identitet = [_orgnr_fel(inlast), sie.arsfel(inlast.rar, ar)]
        if any(identitet):
            raise Fel([f for f in identitet if f])
    if inlast.fel:
        raise Fel(inlast.fel)
    if not inlast.rader:
        utanfor = (
            f" Filens {inlast.utanfor} rader gäller balanskonton, som inte är utfall."
            if inlast.utanfor
            else ""
        )
        raise Fel(f"Filen har inget utfall på resultatkonton (klass 3–8) för {ar}.{utanfor}")
    per_grund = inlast.per_grund
    if per is None:
        per = inlast.per
    else:
        per_grund = "angivet vid importen"
    if per.year != ar:
        raise Fel(f"Datumet {per.isoformat()} ligger utanför {ar}.")
    sha = hashlib.sha256(data).hexdigest()
    summor: dict[int, Decimal] = defaultdict(Decimal)
    alla: dict[int, Decimal] = defaultdict(Decimal)
    for r in inlast.rader:
        alla[r.konto] += r.belopp
        if r.datum <= per:
            summor[r.konto] += r.belopp
    kontoplan = dict(Konto.objects.filter(nummer__in=alla).values_list("nummer", "namn"))
    poster = dict(
        Budgetpost.konton.through.objects.filter(konto__nummer__in=alla).values_list(
            "konto__nummer", "budgetpost__namn"
        )
    )
    granskning = Forhandsgranskning(
        inlast=inlast,
        ar=ar,
        per=per,
        per_grund=per_grund,
        filnamn=filnamn,
        sha256=sha,
        konton=[
            Kontorad(
                k,
                summor.get(k, Decimal(0)),
                kontoplan.get(k),
                inlast.konton.get(k, ""),
                poster.get(k),
            )
            for k in sorted(alla)
        ],
        redan_importerad=Utfallsimport.objects.filter(ar=ar, sha256=sha).first(),
        efter_per=sum(1 for r in inlast.rader if r.datum > per),
    )
    if granskning.redan_importerad is None:
        granskning.ersatter = Utfallsimport.objects.filter(ar=ar, per=per).first()
    if granskning.ersatter is not None:
        fore = dict(
            granskning.ersatter.transaktioner.values_list("konto").annotate(s=Sum("belopp"))
        )
        for konto in sorted(set(fore) | set(alla)):
            a, b = fore.get(konto, Decimal(0)), alla.get(konto, Decimal(0))
            if a != b:
                granskning.andringar.append((konto, a, b))
    return granskning


@transaction.atomic
def utfall_import(
    *,
    actor,
    data: bytes,
    filnamn: str,
    ar: int,
    per: dt.date | None = None,
    anta_namn: Collection[int] = (),
) -> Importresultat:
    """Import a year's utfall from SIE (types 1–4), CSV or Excel, checked as
    utfall_forhandsgranska checks it. All or nothing: one bad line and nothing changes. The
    same file again changes nothing; a corrected file for the same period (year and date)
    replaces the earlier one and says what changed per account. The kontoplan is left as it
    is, except for the accounts in `anta_namn`, which take the name the file gives them."""
    granskning = utfall_forhandsgranska(data=data, filnamn=filnamn, ar=ar, per=per)
    inlast = granskning.inlast
    namnbyten = kontonamn_anta(actor=actor, namn=_namn_ur_filen(inlast, anta_namn), fran=filnamn)
    if granskning.redan_importerad is not None:
        return Importresultat(oforandrad=True, namnbyten=namnbyten)
    tidigare = (
        Utfallsimport.objects.select_for_update().filter(pk=granskning.ersatter.pk).first()
        if granskning.ersatter
        else None
    )
    if tidigare:
        tidigare.delete()
    anvanda = {r.konto for r in inlast.rader}
    ny = Utfallsimport.objects.create(
        ar=ar,
        per=granskning.per,
        filnamn=filnamn[:255],
        format=inlast.format,
        kalla=inlast.kalla,
        kontonamn={str(k): n for k, n in sorted(inlast.konton.items()) if k in anvanda and n},
        sha256=granskning.sha256,
        importerad_av=actor,
    )
    _transaktioner_lagra(ny, inlast.rader)
    return Importresultat(
        ersatte=tidigare,
        utfallsimport=ny,
        antal=len(inlast.rader),
        lasta=inlast.lasta,
        andringar=granskning.andringar,
        omappade=omappade_konton(ar),
        namnbyten=namnbyten,
    )


def _transaktioner_lagra(utfallsimport: Utfallsimport, rader: list[sie.Rad]) -> None:
    """The rows through PostgreSQL's COPY (psycopg's copy()), in the import's transaction:
    a year of a förbund's bookkeeping is a few thousand rows, a large export a hundred
    thousand, and building a model instance per row made that the slowest part of the
    import (bench_sie_import)."""
    tabell = connection.ops.quote_name(Transaktion._meta.db_table)
    kolumner = ", ".join(
        connection.ops.quote_name(Transaktion._meta.get_field(f).column)
        for f in ("utfallsimport", "konto", "datum", "belopp", "text", "verifikation")
    )
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(
            f"COPY {tabell} ({kolumner}) FROM STDIN"  # noqa: S608 - names from the model
        ) as copy,
    ):
        for r in rader:
            copy.write_row(
                (utfallsimport.pk, r.konto, r.datum, r.belopp, r.text[:300], r.verifikation[:40])
            )


def _namn_ur_filen(inlast: sie.Inlast, konton: Collection[int]) -> dict[int, str]:
    saknas = sorted(k for k in konton if not inlast.konton.get(k))
    if saknas:
        raise Fel(
            "Filen ger inget namn för konto " + ", ".join(map(str, saknas)) + ", så det finns "
            "inget namn att ta över."
        )
    return {k: inlast.konton[k] for k in konton}


@transaction.atomic
def kontonamn_anta(
    *, actor, namn: dict[int, str], fran: str = ""
) -> list[tuple[int, str | None, str]]:
    """The kansli adopts names (from a file) into the kontoplan: an account not in it is
    added, one with another name renamed, each change in the history with its actor.
    Returns (konto, name before or None, name after) for what changed."""
    befintliga = {k.nummer: k for k in Konto.objects.select_for_update().filter(nummer__in=namn)}
    byten = []
    for nummer, nytt in sorted(namn.items()):
        nytt = nytt.strip()[:200]
        konto = befintliga.get(nummer)
        if konto is not None and konto.namn == nytt:
            continue
        byten.append((nummer, konto.namn if konto else None, nytt))
        konto = konto or Konto(nummer=nummer)
        konto.namn = nytt
        historik.save(konto, actor=actor, reason=f"Namn från {fran}"[:100] if fran else "")
    return byten


@transaction.atomic
def importutkast_create(
    *, actor, data: bytes, filnamn: str, ar: int, per: dt.date | None = None
) -> tuple[Importutkast, Forhandsgranskning]:
    """Keep an uploaded file for the preview and its confirmation, if it passes the checks
    (Fel otherwise: nothing is kept). Drafts older than a day are removed."""
    granskning = utfall_forhandsgranska(data=data, filnamn=filnamn, ar=ar, per=per)
    Importutkast.objects.filter(skapad__lt=timezone.now() - dt.timedelta(days=1)).delete()
    utkast = Importutkast.objects.create(
        ar=ar,
        per=per,
        filnamn=filnamn[:255],
        data=data,
        sha256=granskning.sha256,
        skapad_av=actor,
    )
    return utkast, granskning


@transaction.atomic
def importutkast_delete(*, actor, utkast: Importutkast) -> None:
    """The kansli cancels an import after its preview: the kept file goes."""
    utkast.delete()


def importutkast_granska(utkast: Importutkast) -> Forhandsgranskning:
    return utfall_forhandsgranska(
        data=bytes(utkast.data), filnamn=utkast.filnamn, ar=utkast.ar, per=utkast.per
    )


@transaction.atomic
def importutkast_bekrafta(*, actor, utkast: Importutkast, anta_namn: Collection[int] = ()):
    """Import the previewed file; the draft goes with it. Refused (Fel) if the file no longer
    passes, e.g. when another import for the period came in between."""
    resultat = utfall_import(
        actor=actor,
        data=bytes(utkast.data),
        filnamn=utkast.filnamn,
        ar=utkast.ar,
        per=utkast.per,
        anta_namn=anta_namn,
    )
    utkast.delete()
    return resultat


def omappade_konton(ar: int) -> list[int]:
    """Result accounts (class 3–8) with transactions this year that map to no post."""
    anvanda = set(
        Transaktion.objects.filter(utfallsimport__ar=ar, konto__gte=3000, konto__lt=9000)
        .values_list("konto", flat=True)
        .distinct()
    )
    mappade = set(Budgetpost.konton.through.objects.values_list("konto__nummer", flat=True))
    return sorted(anvanda - mappade)


@transaction.atomic
def konto_mappa(*, actor, konto: int, post: Budgetpost) -> None:
    obj = Konto.objects.filter(nummer=konto).first()
    if obj is None:
        # Mapping an account the kontoplan lacks adds it, on purpose and without a name.
        obj = Konto(nummer=konto)
        historik.save(obj, actor=actor)
    if obj.poster.exclude(pk=post.pk).exists():
        raise Fel(f"Konto {konto} hör redan till en annan budgetpost.")
    post.konton.add(obj)


@transaction.atomic
def prognos_save(*, actor, ar: int, belopp: dict[Budgetpost, int]) -> int:
    """Record a new prognos for the posts whose figure changed. Earlier ones are kept."""
    senaste = _senaste_prognoser(ar)
    nya = [
        Prognos(ar=ar, post=post, belopp=value, lamnad_av=actor)
        for post, value in belopp.items()
        if value is not None and senaste.get(post.pk) != value
    ]
    Prognos.objects.bulk_create(nya)
    return len(nya)


def _senaste_prognoser(ar: int) -> dict[int, int]:
    latest = {}
    for p in (
        Prognos.objects.filter(ar=ar).order_by("post_id", "-lamnad", "-pk").distinct("post_id")
    ):
        latest[p.post_id] = p.belopp
    return latest


@transaction.atomic
def verksamhetsar_save(*, actor, ar: int, ingaende_eget_kapital: int) -> Verksamhetsar:
    """A budget year, or its opening eget kapital corrected (the prognos made when next
    year's budget was drawn up, replaced by the closing figure of the year before)."""
    va = Verksamhetsar.objects.select_for_update().filter(ar=ar).first() or Verksamhetsar(ar=ar)
    va.ingaende_eget_kapital = ingaende_eget_kapital
    va.save()
    return va


@transaction.atomic
def budgetversion_create(*, actor, verksamhetsar: Verksamhetsar, namn: str) -> Budgetversion:
    """A new, empty förslag for the year (the kansli fills it from the medelstilldelning, the
    grants and its own lines)."""
    nummer = (verksamhetsar.versioner.aggregate(m=Max("nummer"))["m"] or 0) + 1
    version = Budgetversion(ar=verksamhetsar, nummer=nummer, namn=namn)
    historik.save(version, actor=actor)
    return version


@transaction.atomic
def budgetpost_create(
    *,
    actor,
    grupp: str,
    namn: str,
    konton: Collection[int] = (),
    ordning: int = 0,
    intakt: bool = False,
) -> Budgetpost:
    """A line of the budget tree with its accounts (added to the kontoplan, without a name,
    where they are missing). An insats's line is made from its grants instead
    (insatsposter_from_beviljningar)."""
    if Budgetpost.objects.filter(grupp=grupp, namn=namn).exists():
        raise Fel(f"Det finns redan en budgetpost {namn} i gruppen.")
    post = Budgetpost(grupp=grupp, namn=namn, ordning=ordning, intakt=intakt)
    historik.save(post, actor=actor)
    for nummer in konton:
        konto_mappa(actor=actor, konto=nummer, post=post)
    return post


@transaction.atomic
def budgetversion_faststall(*, actor, version: Budgetversion, paragraf) -> None:
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("Budgetversionen är redan fastställd.")
    version.status, version.paragraf = Budgetversion.Status.FASTSTALLD, paragraf
    historik.save(version, actor=actor)


@transaction.atomic
def budgetversion_ny_version(*, actor, fran: Budgetversion, namn: str) -> Budgetversion:
    """A revised budget is a new version, copied from the one it revises; the fastställd one
    stays as it was."""
    nummer = (fran.ar.versioner.aggregate(m=Max("nummer"))["m"] or 0) + 1
    ny = Budgetversion.objects.create(ar=fran.ar, nummer=nummer, namn=namn)
    Budgetrad.objects.bulk_create(
        Budgetrad(version=ny, post_id=r.post_id, belopp=r.belopp, plan1=r.plan1, plan2=r.plan2)
        for r in fran.rader.all()
    )
    return ny


@transaction.atomic
def budgetrad_save(*, actor, version: Budgetversion, post: Budgetpost, belopp: int) -> None:
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    if belopp < 0:
        raise Fel("Budgetbeloppet kan inte vara negativt.")
    Budgetrad.objects.update_or_create(version=version, post=post, defaults={"belopp": belopp})


@transaction.atomic
def budgetrader_save(*, actor, version: Budgetversion, rader: dict[Budgetpost, tuple]) -> None:
    """rader: post -> (budget, plan år 2, plan år 3). A fastställd version is locked."""
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    for post, (belopp, plan1, plan2) in rader.items():
        if belopp is None:
            continue
        if min(v for v in (belopp, plan1 or 0, plan2 or 0)) < 0:
            raise Fel(f"{post.visningsnamn}: beloppet kan inte vara negativt.")
        Budgetrad.objects.update_or_create(
            version=version, post=post, defaults={"belopp": belopp, "plan1": plan1, "plan2": plan2}
        )


def medelstilldelning_fordelning(statens_belopp: int) -> list[tuple[object, int]]:
    """FINSAM: the state half (Försäkringskassan with Arbetsförmedlingen), the region a
    quarter (half of the state's amount), the kommuner together a quarter, split by their
    agreed shares or else by population. Rounded to the krona; the last kommun takes the
    rounding so the kommun quarter adds up exactly."""
    region = statens_belopp // 2
    kommuner = list(Part.objects.filter(typ=Part.Typ.KOMMUN).order_by("ordning", "namn"))
    kvart = statens_belopp - region  # the other half of the state's amount, for all kommuner
    andelar = [k.kommunandel for k in kommuner]
    if any(a is None for a in andelar):
        folk = sum(k.folkmangd or 0 for k in kommuner) or 1
        andelar = [Decimal(k.folkmangd or 0) / folk for k in kommuner]
    result = [("stat", statens_belopp)]
    for part in Part.objects.filter(typ=Part.Typ.REGION):
        result.append((part, region))
    fordelat = 0
    for i, (k, andel) in enumerate(zip(kommuner, andelar, strict=True)):
        belopp = kvart - fordelat if i == len(kommuner) - 1 else int(Decimal(kvart) * andel)
        fordelat += belopp
        result.append((k, belopp))
    return result


@transaction.atomic
def medelstilldelning_bokfor(
    *, actor, version: Budgetversion, statens_belopp: int
) -> list[tuple[str, int]]:
    """Post the medelstilldelning as intäktsposter of the version."""
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    rader = []
    for part, belopp in medelstilldelning_fordelning(statens_belopp):
        namn = "Försäkringskassan/Arbetsförmedlingen" if part == "stat" else part.namn
        post, _ = Budgetpost.objects.get_or_create(grupp="intakter", namn=namn)
        Budgetrad.objects.update_or_create(version=version, post=post, defaults={"belopp": belopp})
        rader.append((namn, belopp))
    return rader


@transaction.atomic
def insatsposter_from_beviljningar(*, actor, version: Budgetversion) -> int:
    """One budget post per insats with money granted for the year, its amount the sum of the
    grants (computed, not typed)."""
    if version.status == Budgetversion.Status.FASTSTALLD:
        raise Fel("En fastställd budget ändras inte. Gör en ny version.")
    antal = 0
    for insats_id, pengar in insats_selectors.pengar_per_insats(version.ar.ar).items():
        if not pengar.beviljat:
            continue
        post = Budgetpost.objects.filter(insats_id=insats_id).first()
        if post is None:
            post = Budgetpost.objects.create(
                grupp="insatser", namn=pengar.namn, insats_id=insats_id, ordning=500
            )
        Budgetrad.objects.update_or_create(
            version=version, post=post, defaults={"belopp": pengar.beviljat}
        )
        antal += 1
    return antal
