"""What may be uploaded (handlingar, bilagor): PDF, Word, Excel and images, recognised by content.

The file name and the browser's content type are not trusted: a program renamed to
"protokoll.pdf" starts with "MZ", not "%PDF-", and is refused.
"""

from __future__ import annotations

import csv
import io
import zipfile

from django.core.exceptions import ValidationError

from .fel import Fel

MAX_STORLEK = 20 * 1024 * 1024  # 20 MB

TILLATNA = "PDF, Word (.docx, .doc), Excel (.xlsx, .xls) och bilder (PNG, JPEG)"


class OgiltigFil(Fel):
    """An upload that is not what it claims to be, or not one the portal takes."""


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
        # Old Office (OLE2): Word 97–2003 or Excel 97–2003. Macros cannot be told apart
        # cheaply here; these formats are still what many parter send.
        return "application/vnd.ms-office"
    if data.startswith(b"PK\x03\x04"):
        return _office_open_xml(data)
    raise OgiltigFil(
        f"Filen är varken PDF, Word, Excel eller en bild. Tillåtna filtyper: {TILLATNA}. "
        "Filen sparades inte."
    )


def _office_open_xml(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
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
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if any(n.startswith("xl/") for n in names):
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    raise OgiltigFil(f"Office-filen är varken Word eller Excel. Tillåtna filtyper: {TILLATNA}.")


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


def csv_rader(data: bytes) -> list[list[str]] | None:
    """A CSV file's rows, with the delimiter (;, comma or tab) read off the header and the
    text as UTF-8 or, as Swedish Excel saves it, Windows-1252. None if it is not text, or
    not CSV the csv module can read (a field over its 128 kB limit: a binary or huge file)."""

    text = None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None or "\x00" in text:
        # NUL is never in a text file, and PostgreSQL cannot store it in a text column.
        return None
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(";,\t", key=first.count) if first else ";"
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        return None
