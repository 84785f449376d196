"""Reading a delivered file of helårsekvivalenter into rows, with Swedish line errors.

The layout is long ("tidy"): one row per år, region, kön and ersättning, with the
population 20–64 år of that region, kön and år repeated on its rows (docs/behovsanalys.md):

    ar;regionkod;region;kon;ersattning;helarsekvivalenter;befolkning_20_64
    2023;2281;Sundsvall;kvinnor;sjukpenning;812,4;27 431

Pure functions: bytes in, rows or errors out. forbund.behovsanalys.services stores nothing
unless the whole file is clean.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from forbund.fel import Fellista
from forbund.formatting import tusental
from forbund.uploads import XLS, XLSX, OgiltigFil, csv_rader, kand_filtyp, med_tak, xlsx_varden

from .models import Ersattning, Kon

KOLUMNER = [
    "ar",
    "regionkod",
    "region",
    "kon",
    "ersattning",
    "helarsekvivalenter",
    "befolkning_20_64",
]

# Other names the same columns have in files from SCB, Statisticon or a spreadsheet.
KOLUMNALIAS = {
    "artal": "ar",
    "kommunkod": "regionkod",
    "kod": "regionkod",
    "lanskod": "regionkod",
    "kommun": "region",
    "regionnamn": "region",
    "kommunnamn": "region",
    "ersattningstyp": "ersattning",
    "ersattningsslag": "ersattning",
    "helarsekvivalent": "helarsekvivalenter",
    "befolkning": "befolkning_20_64",
    "befolkning_20_64_ar": "befolkning_20_64",
    "folkmangd_20_64": "befolkning_20_64",
    "invanare_20_64": "befolkning_20_64",
}

KON_ALIAS = {
    "kvinnor": Kon.KVINNOR,
    "kvinna": Kon.KVINNOR,
    "k": Kon.KVINNOR,
    "2": Kon.KVINNOR,  # SCB's code
    "man": Kon.MAN,  # "män" and "man" both normalise to this
    "m": Kon.MAN,
    "1": Kon.MAN,
}

ERSATTNING_ALIAS = {
    **{e.value: e.value for e in Ersattning},
    "sjukpenning": Ersattning.SJUKPENNING,
    "sjuk_och_rehabiliteringspenning": Ersattning.SJUKPENNING,
    "sjukpenning_och_rehabiliteringspenning": Ersattning.SJUKPENNING,
    "sjuk_och_aktivitetsersattning": Ersattning.SJUK_OCH_AKTIVITETSERSATTNING,
    "sa": Ersattning.SJUK_OCH_AKTIVITETSERSATTNING,
    "arbetsloshetsersattning": Ersattning.ARBETSLOSHETSERSATTNING,
    "arbetsloshet": Ersattning.ARBETSLOSHETSERSATTNING,
    "a_kassa": Ersattning.ARBETSLOSHETSERSATTNING,
    "arbetsmarknadsatgarder": Ersattning.ARBETSMARKNADSATGARDER,
    "aktivitetsstod": Ersattning.ARBETSMARKNADSATGARDER,
    "arbetsmarknadspolitiska_program": Ersattning.ARBETSMARKNADSATGARDER,
    "ekonomiskt_bistand": Ersattning.EKONOMISKT_BISTAND,
    "forsorjningsstod": Ersattning.EKONOMISKT_BISTAND,
    "etableringsersattning": Ersattning.ETABLERINGSERSATTNING,
}

TILLATNA_FILER = "CSV (semikolon eller komma, UTF-8 eller Windows-1252) eller Excel (.xlsx)"


@dataclass(frozen=True)
class Rad:
    nr: int  # the line in the file, for messages
    ar: int
    regionkod: str
    kon: str
    ersattning: str
    varde: Decimal


@dataclass
class Inlasning:
    rader: list[Rad] = field(default_factory=list)
    regioner: dict[str, str] = field(default_factory=dict)  # kod -> namn
    befolkning: dict[tuple[str, str, int], int] = field(default_factory=dict)
    fel: list[str] = field(default_factory=Fellista)

    @property
    def ar(self) -> list[int]:
        return sorted({r.ar for r in self.rader})


def normalisera(text: str) -> str:
    """'Befolkning 20–64 år' -> 'befolkning_20_64_ar'; 'Kön' -> 'kon'; 'Män' -> 'man'."""
    text = unicodedata.normalize("NFKD", str(text).strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def regionniva(kod: str) -> str:
    if kod == "00":
        return "riket"
    return "lan" if len(kod) == 2 else "kommun"


def _regionkod(text: str) -> str | None:
    """'2281' -> '2281', '180' -> '0180' (Excel drops leading zeros), '22' -> '22',
    '0'/'00'/'Riket' -> '00'. None if it is not a region code."""
    text = text.strip()
    if normalisera(text) == "riket":
        return "00"
    if re.fullmatch(r"\d+\.0", text):  # a code Excel stored as a decimal number
        text = text[:-2]
    if not text.isdigit() or len(text) > 4:
        return None
    if len(text) <= 2:
        return text.zfill(2)
    return text.zfill(4)


def _tal(text: str) -> Decimal:
    """'1 234,5' / '1234.5' / '812' -> Decimal; anything else raises InvalidOperation."""
    text = text.strip().replace("\xa0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace("−", "-")  # a real minus sign, as Swedish print has it
    if "," in text and "." in text:
        raise InvalidOperation
    value = Decimal(text.replace(",", "."))
    if not value.is_finite():
        raise InvalidOperation
    return value


def tolka(data: bytes, filnamn: str = "") -> Inlasning:
    """Read CSV or Excel (.xlsx), recognised by content, into rows or line errors."""
    if not data or not data.strip():
        return Inlasning(fel=["Filen är tom."])
    try:
        typ = kand_filtyp(data)
    except OgiltigFil as exc:
        if data.startswith(b"PK\x03\x04"):  # a zip that is no readable workbook
            return Inlasning(fel=[str(exc)])
        typ = "text"
    if typ == XLS:
        return Inlasning(
            fel=["Excel 97–2003 (.xls) kan inte läsas. Spara filen som .xlsx eller som CSV."]
        )
    if typ == XLSX:
        return _med_tak(_xlsx_rader(data))
    if typ != "text":
        return Inlasning(
            fel=[f"Filen är varken CSV eller Excel (.xlsx). Tillåtna filer: {TILLATNA_FILER}."]
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return Inlasning(
            fel=[
                "Filen är sparad som UTF-16 (”Unicode-text”), som inte kan läsas. "
                "Spara den som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”."
            ]
        )
    rows = csv_rader(data)
    if rows is None:
        return Inlasning(fel=[f"Filen kan inte läsas som text. Tillåtna filer: {TILLATNA_FILER}."])
    return _med_tak(rows)


# Every kommun of the country, its län and the riket, both kön, six ersättningar, ten years:
# about 400 000 rows. A file of more is no file of this kind; it is refused while it is read.
MAX_RADER = 500_000


def _med_tak(rows: Iterable[list[str]]) -> Inlasning:
    try:
        return tolka_rader(med_tak(rows, MAX_RADER))
    except OgiltigFil as exc:
        return Inlasning(fel=exc.fel)


def _xlsx_rader(data: bytes) -> Iterator[list[str]]:
    for row in xlsx_varden(data):
        cells = []
        for c in row:
            if c is None:
                cells.append("")
            elif isinstance(c, float) and c.is_integer():
                cells.append(str(int(c)))
            elif isinstance(c, dt.datetime):
                cells.append(str(c.year))
            else:
                cells.append(str(c))
        yield cells


def _kolumner(header: list[str]) -> tuple[dict[str, int], list[str]]:
    col: dict[str, int] = {}
    for i, namn in enumerate(header):
        n = normalisera(namn)
        n = KOLUMNALIAS.get(n, n)
        if n in KOLUMNER or n == "alder":
            col.setdefault(n, i)
    # A file without regionkod may carry the code in the region name ("2281 Sundsvall").
    saknas = [k for k in KOLUMNER if k not in col and k != "regionkod"]
    return col, saknas


def tolka_rader(rows: Iterable[list[str]]) -> Inlasning:
    """The long layout (KOLUMNER; extra columns are ignored), line numbers from 1 = header.
    The rows are read once, in order (a file is streamed, not held)."""
    result = Inlasning()
    rows = iter(rows)
    header = next(rows, None)
    tom_rubrik = header is None or not any(c.strip() for c in header)
    if tom_rubrik and (header is None or not any(c.strip() for r in rows for c in r)):
        result.fel.append("Filen är tom.")
        return result
    col, saknas = _kolumner(header)
    if saknas:
        result.fel.append(
            "Rad 1: kolumnerna ska vara " + ", ".join(KOLUMNER[:-1]) + f" och {KOLUMNER[-1]} "
            f"(saknas: {', '.join(saknas)}). Se exempelfilen."
        )
        return result
    sedda: dict[tuple[str, str, int, str], int] = {}
    namn_rad: dict[str, int] = {}
    bef_rad: dict[tuple[str, str, int], int] = {}
    grupper: dict[tuple[str, str, int], int] = {}  # first line of each region, kön, år
    ar_nu = dt.date.today().year
    for nr, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row):
            continue
        row = row + [""] * (len(header) - len(row))

        def cell(namn: str, row=row) -> str:
            return row[col[namn]].strip() if namn in col else ""

        fel_fore = result.fel.antal
        text_ar = cell("ar")
        ar = int(text_ar) if re.fullmatch(r"\d{4}", text_ar) else None
        if ar is None or not 1990 <= ar <= ar_nu + 1:
            result.fel.append(
                f"Rad {nr}: året ”{text_ar}” är inte ett årtal mellan 1990 och {ar_nu + 1}."
            )
        region = cell("region")
        if "regionkod" in col:
            kod = _regionkod(cell("regionkod"))
            kodtext = cell("regionkod")
        else:
            m = re.match(r"^\s*(\d{1,4})\s+(.+)$", region)
            kod, kodtext = (
                (_regionkod(m.group(1)), m.group(1)) if m else (_regionkod(region), region)
            )
            if m:
                region = m.group(2).strip()
        if kod is None:
            result.fel.append(
                f"Rad {nr}: regionkoden ”{kodtext}” ska vara 00 (riket), två siffror (län) "
                "eller fyra siffror (kommun)."
            )
        if not region:
            result.fel.append(f"Rad {nr}: regionens namn saknas.")
        elif kod is not None:
            tidigare = result.regioner.get(kod)
            if tidigare is None:
                result.regioner[kod] = region[:100]
                namn_rad[kod] = nr
            elif tidigare != region[:100]:
                result.fel.append(
                    f"Rad {nr}: regionkod {kod} heter ”{tidigare}” på rad {namn_rad[kod]} men "
                    f"”{region}” här."
                )
        kon = KON_ALIAS.get(normalisera(cell("kon")))
        if kon is None:
            result.fel.append(f"Rad {nr}: könet ”{cell('kon')}” är okänt; skriv kvinnor eller män.")
        ersattning = ERSATTNING_ALIAS.get(normalisera(cell("ersattning")))
        if ersattning is None:
            result.fel.append(
                f"Rad {nr}: ersättningen ”{cell('ersattning')}” är okänd; tillåtna är "
                + ", ".join(e.label.lower() for e in Ersattning)
                + "."
            )
        if "alder" in col and normalisera(cell("alder")) not in ("20_64", "20_64_ar", ""):
            result.fel.append(f"Rad {nr}: åldersgruppen ”{cell('alder')}” ska vara 20–64 år.")
        varde = None
        text_varde = cell("helarsekvivalenter")
        if not text_varde:
            result.fel.append(f"Rad {nr}: helårsekvivalenter saknas.")
        else:
            try:
                varde = _tal(text_varde)
            except (InvalidOperation, ValueError):
                result.fel.append(f"Rad {nr}: helårsekvivalenter ”{text_varde}” är inte ett tal.")
            else:
                if varde < 0:
                    result.fel.append(
                        f"Rad {nr}: helårsekvivalenter kan inte vara negativa ({tusental(varde, 1)})."
                    )
                    varde = None
                elif varde >= Decimal("1e10"):
                    result.fel.append(f"Rad {nr}: helårsekvivalenter ”{text_varde}” är för stort.")
                    varde = None
                else:
                    varde = varde.quantize(Decimal("0.01"))  # what the database keeps
        befolkning = None
        text_bef = cell("befolkning_20_64")
        if text_bef:
            try:
                tal = _tal(text_bef)
                if tal != tal.to_integral_value():
                    raise InvalidOperation
                befolkning = int(tal)
            except (InvalidOperation, ValueError):
                result.fel.append(f"Rad {nr}: befolkning_20_64 ”{text_bef}” är inte ett heltal.")
            else:
                if befolkning < 0:
                    result.fel.append(
                        f"Rad {nr}: befolkningen 20–64 år kan inte vara negativ ({tusental(befolkning)})."
                    )
                    befolkning = None
                elif befolkning > 2_000_000_000:
                    result.fel.append(f"Rad {nr}: befolkning_20_64 ”{text_bef}” är för stort.")
                    befolkning = None
        if result.fel.antal > fel_fore:
            continue
        grupp = (kod, kon, ar)
        grupper.setdefault(grupp, nr)
        nyckel = (kod, kon, ar, ersattning)
        if nyckel in sedda:
            result.fel.append(
                f"Rad {nr}: samma år, region, kön och ersättning som rad {sedda[nyckel]}."
            )
            continue
        sedda[nyckel] = nr
        if befolkning is not None:
            tidigare_bef = result.befolkning.get(grupp)
            if tidigare_bef is None:
                result.befolkning[grupp] = befolkning
                bef_rad[grupp] = nr
            elif tidigare_bef != befolkning:
                result.fel.append(
                    f"Rad {nr}: befolkningen 20–64 år för {result.regioner[kod]}, "
                    f"{Kon(kon).label.lower()} {ar} är {tusental(tidigare_bef)} på rad "
                    f"{bef_rad[grupp]} men {tusental(befolkning)} här."
                )
                continue
        result.rader.append(Rad(nr, ar, kod, kon, ersattning, varde))
    for grupp, nr in grupper.items():
        if grupp not in result.befolkning:
            kod, kon, ar = grupp
            result.fel.append(
                f"Rad {nr}: befolkningen 20–64 år saknas för {result.regioner.get(kod, kod)}, "
                f"{Kon(kon).label.lower()} {ar}."
            )
    if not result.fel and not result.rader:
        result.fel.append("Filen innehåller inga rader med värden, bara rubrikraden.")
    result.fel.sort(key=_radnummer)
    return result


def _radnummer(fel: str) -> int:
    m = re.match(r"Rad (\d+):", fel)
    return int(m.group(1)) if m else 0
