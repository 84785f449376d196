"""What may be uploaded, recognised by content, and how an uploaded table is read without
letting the file decide how much memory the server uses.

- Type by content: the file name and the browser's content type are not trusted. A program
  renamed to "protokoll.pdf" starts with "MZ", not "%PDF-", and is refused; a stored file is
  named with the extension of the type its content has (`filnamn_for`), so a file of HTML
  that begins with "%PDF-" is kept and served as a .pdf, never as .html.
- Zip bombs: an .xlsx or .docx is a zip archive. Its central directory (a few kB, read without
  unpacking anything) says how many entries it has and how large each unpacks; those figures
  and each entry's compression ratio are checked before the archive is opened (`zip_kontroll`).
  Python's zipfile stops an entry at its declared size, so a directory that lies is caught by
  the CRC check, not by the memory running out.
- Row caps while streaming: `tabellrader` yields a CSV or Excel file's rows one at a time and
  refuses the file as soon as it has more rows than the importer takes, so a million-row file
  costs no more than its first rows.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import PurePath

import openpyxl
from django.core.exceptions import ValidationError

from .fel import Fel

MAX_STORLEK = 20 * 1024 * 1024  # 20 MB

# Limits of an Office file's zip archive, checked before it is opened. A real spreadsheet
# of 20 000 survey answers unpacks to about 5 MB, a protocol with pictures to a few tens of MB.
MAX_POSTER = 1_000
MAX_UPPACKAT = 100 * 1024 * 1024  # all entries together
MAX_POST = 50 * 1024 * 1024  # one entry
# openpyxl keeps an Excel file's shared strings in memory as Python strings (about five times
# their size), so they get a smaller limit of their own.
MAX_DELADE_STRANGAR = 10 * 1024 * 1024
DELADE_STRANGAR = "xl/sharedStrings.xml"
MAX_KVOT = 100  # unpacked size / packed size of one entry
KVOT_FRAN = 1024 * 1024  # the ratio is checked on entries that unpack to more than this

TILLATNA = "PDF, Word (.docx, .doc), Excel (.xlsx, .xls) och bilder (PNG, JPEG)"

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
FILANDELSE = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    DOCX: ".docx",
    XLSX: ".xlsx",
    DOC: ".doc",
    XLS: ".xls",
}


class OgiltigFil(Fel):
    """An upload that is not what it claims to be, or not one the portal takes."""


def _mb(antal: int) -> str:
    return f"{antal / (1024 * 1024):.0f} MB"


def kand_filtyp(data: bytes) -> str:
    """The MIME type of the content, or raise OgiltigFil with a Swedish message."""
    if not data:
        raise OgiltigFil("Filen är tom.")
    if len(data) > MAX_STORLEK:
        raise OgiltigFil(
            f"Filen är för stor ({len(data) // (1024 * 1024)} MB). Största tillåtna storlek är 20 MB."
        )
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole(data)
    if data.startswith(b"PK\x03\x04"):
        return _office_open_xml(data)
    raise OgiltigFil(
        f"Filen är varken PDF, Word, Excel eller en bild. Tillåtna filtyper: {TILLATNA}. "
        "Filen sparades inte."
    )


def _ole(data: bytes) -> str:
    """Old Office (OLE2): Word 97–2003 keeps its text in a stream named WordDocument, Excel
    97–2003 in one named Workbook (Book before Excel 97); the names are UTF-16 in the file's
    directory. Macros cannot be told apart cheaply here; these formats are still what many
    parter send."""
    if "WordDocument".encode("utf-16-le") in data:
        return DOC
    if "Workbook".encode("utf-16-le") in data or "Book\x00".encode("utf-16-le") in data:
        return XLS
    raise OgiltigFil(
        f"Filen är ett äldre Office-dokument som varken är Word eller Excel. Tillåtna filtyper: "
        f"{TILLATNA}."
    )


def zip_kontroll(zf: zipfile.ZipFile) -> None:
    """Refuse an archive whose central directory promises more than an Office file unpacks
    to: too many entries, too much in all or in one entry, or an entry packed harder than
    XML ever packs (a zip bomb)."""
    poster = zf.infolist()
    if len(poster) > MAX_POSTER:
        raise OgiltigFil(
            f"Filen innehåller {len(poster)} delar; ett Office-dokument har högst {MAX_POSTER}. "
            "Filen öppnades inte."
        )
    totalt = 0
    for post in poster:
        totalt += post.file_size
        grans = MAX_DELADE_STRANGAR if post.filename == DELADE_STRANGAR else MAX_POST
        if post.file_size > grans:
            raise OgiltigFil(
                f"En del av filen ({post.filename[:60]}) packas upp till {_mb(post.file_size)}; "
                f"högst {_mb(grans)} tas emot. Filen öppnades inte."
            )
        if post.file_size > KVOT_FRAN and post.file_size > MAX_KVOT * max(post.compress_size, 1):
            raise OgiltigFil(
                f"En del av filen ({post.filename[:60]}) är packad {post.file_size // max(post.compress_size, 1)} "
                f"gånger; ett riktigt Office-dokument packas högst {MAX_KVOT} gånger. "
                "Filen öppnades inte."
            )
    if totalt > MAX_UPPACKAT:
        raise OgiltigFil(
            f"Filen packas upp till {_mb(totalt)}; högst {_mb(MAX_UPPACKAT)} tas emot. "
            "Filen öppnades inte."
        )


def _office_open_xml(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zip_kontroll(zf)
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise OgiltigFil("Filen är skadad och kan inte läsas. Filen sparades inte.") from exc
    if "[Content_Types].xml" not in names:
        raise OgiltigFil(
            f"Filen är ett zip-arkiv, inte ett Office-dokument. Tillåtna filtyper: {TILLATNA}."
        )
    if any(n.startswith("word/vbaProject") or n.startswith("xl/vbaProject") for n in names):
        raise OgiltigFil("Dokument med makron tas inte emot. Spara som .docx/.xlsx utan makron.")
    if any(n.startswith("word/") for n in names):
        return DOCX
    if any(n.startswith("xl/") for n in names):
        return XLSX
    raise OgiltigFil(f"Office-filen är varken Word eller Excel. Tillåtna filtyper: {TILLATNA}.")


def filnamn_for(filnamn: str, filtyp: str) -> str:
    """The name a stored upload gets: the user's name without its extension (and without any
    folder or control characters), and the extension of the type its content has."""
    stam = PurePath(filnamn.replace("\\", "/")).name
    stam = re.sub(r"[\x00-\x1f\x7f]", "", stam)
    for andelse in FILANDELSE.values():
        if stam.lower().endswith(andelse):
            stam = stam[: -len(andelse)]
            break
    else:
        stam = stam.rsplit(".", 1)[0] if "." in stam.strip(".") else stam
    stam = stam.strip(" .") or "fil"
    andelse = FILANDELSE[filtyp]
    return stam[: 255 - len(andelse)] + andelse


def tolka_uppladdning(fil) -> tuple[bytes, str]:
    """Read an uploaded file for a form's clean method: (content, MIME type), or a
    ValidationError with the Swedish reason."""

    if fil.size > MAX_STORLEK:
        raise ValidationError("Filen är för stor. Största tillåtna storlek är 20 MB.")
    data = fil.read()
    try:
        return data, kand_filtyp(data)
    except OgiltigFil as exc:
        raise ValidationError(str(exc)) from exc


# -- Tables (CSV and Excel), read a row at a time ---------------------------------------------


def _text(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def csv_rader(data: bytes) -> Iterator[list[str]] | None:
    """A CSV file's rows, one at a time, with the delimiter (;, comma or tab) read off the
    header and the text as UTF-8 or, as Swedish Excel saves it, Windows-1252. None if it is
    not text. A row the csv module cannot read (a field over its 128 kB limit: a binary or
    huge file) ends the reading with OgiltigFil."""
    text = _text(data)
    if text is None or "\x00" in text:
        # NUL is never in a text file, and PostgreSQL cannot store it in a text column.
        return None
    slut = text.find("\n")
    first = text[: slut if slut >= 0 else len(text)]
    delimiter = max(";,\t", key=first.count) if first.strip() else ";"
    return _csv(text, delimiter)


def _linjer(text: str) -> Iterator[str]:
    """The text's lines with their line breaks, one at a time. (io.StringIO would hold a copy
    of four bytes a character: 80 MB for a 20 MB file.)"""
    start = 0
    while start < len(text):
        slut = text.find("\n", start)
        if slut < 0:
            yield text[start:]
            return
        yield text[start : slut + 1]
        start = slut + 1


def _csv(text: str, delimiter: str) -> Iterator[list[str]]:
    try:
        yield from csv.reader(_linjer(text), delimiter=delimiter)
    except csv.Error as exc:
        raise OgiltigFil("Filen kan inte läsas som CSV (en rad är trasig eller för lång).") from exc


def xlsx_varden(data: bytes) -> Iterator[tuple]:
    """The cell values of an .xlsx file's first sheet, a row at a time, after the archive's
    limits are checked (zip_kontroll). openpyxl's read-only mode parses the sheet as it goes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            zip_kontroll(zf)
    except zipfile.BadZipFile as exc:
        raise OgiltigFil("Excel-filen är skadad och kan inte läsas.") from exc
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is a user input error
        raise OgiltigFil("Excel-filen kan inte läsas.") from exc
    try:
        ark = wb.active or wb.worksheets[0]
        rader = ark.iter_rows(values_only=True)
        while True:
            try:
                rad = next(rader)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - a broken sheet is a user input error
                raise OgiltigFil("Excel-filen är skadad och kan inte läsas.") from exc
            yield rad
    finally:
        wb.close()


def med_tak(
    rader: Iterable, tak: int, *, rubrikrader: int = 1, meddelande: str | None = None
) -> Iterator:
    """The rows, refusing the file as soon as it has more than `tak` rows below its header
    (no row after that one is read)."""
    for antal, rad in enumerate(rader, start=1 - rubrikrader):
        if antal > tak:
            raise OgiltigFil(
                meddelande
                or f"Filen har fler än {_tusental(tak)} rader. Dela upp den i flera filer."
            )
        yield rad


def _tusental(tal: int) -> str:
    return f"{tal:,}".replace(",", "\u00a0")
