"""Reading accounting files into utfall rows: SIE (types 1–4, SIE 4B), CSV and Excel.

Pure functions: bytes in, rows and a list of Swedish errors (with line numbers) out. Nothing
here touches the database; ekonomi.services checks the förbund and stores, all or nothing.
docs/sie.md says which SIE records are read, how, and what is checked.

Utfall is the result accounts (resultatkonton): #KTYP K or I, or without #KTYP the BAS
classes 3–8. Balance accounts take part in the voucher check and are not stored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from forbund.fel import Fellista, begransa
from forbund.formatting import tusental
from forbund.uploads import OgiltigFil, csv_rader, med_tak, xlsx_varden

MAX_BELOPP = Decimal(10) ** 12  # what Transaktion.belopp (14 digits, 2 decimals) holds
# A table (CSV or Excel) of more rows than this is refused while it is read: a förbund books
# a few thousand transactions a year, and 100 000 parsed rows keep one upload well within the
# server's memory budget (tests/test_uppladdning_minne.py).
MAX_TABELLRADER = 100_000
NOLL = Decimal(0)

# One SIE field: a quoted string (\" inside it is a quote), an object list {…} (which may
# hold quoted strings), or a bare word. A stray quote or brace is caught by the last group.
_FALT = re.compile(
    r'("(?:[^"\\]|\\.)*")'
    r'|(\{(?:"(?:[^"\\]|\\.)*"|[^}"])*\})'
    r'|([^\s"{}]+)'
    r'|(["{}])'
)
_BELOPP = re.compile(r"-?\d+(?:\.\d{1,2})?")
# The common transaction, `#TRANS konto {} belopp`, read without the general field parser:
# an import of 100 000 of them is timed by bench_sie_import. Anything else takes the long way.
_ENKEL_TRANS = re.compile(
    r"#TRANS[ \t]+([0-9]{1,9})[ \t]+\{[ \t]*\}[ \t]+(-?[0-9]{1,12}(?:\.[0-9]{1,2})?)"
)
_STYRTECKEN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_SIE_POST = re.compile(rb"\s*#[A-Za-z]")
KONTOTYPER = {"T": "tillgång", "S": "skuld", "K": "kostnad", "I": "intäkt"}


class Objekt(tuple):
    """The fields of an object list `{dim obj …}`, without braces and quotes."""


def kr_text(belopp: Decimal) -> str:
    """An amount in a message: −12 771,00 kr."""
    return f"{tusental(belopp, 2)}\xa0kr"


def manadsslut(ar: int, manad: int) -> dt.date:
    return dt.date(ar, manad, calendar.monthrange(ar, manad)[1])


def orgnr_siffror(text: str) -> str:
    """The ten digits of an organisationsnummer, with or without dash; a twelve-digit form
    (with the century or the 16 prefix) gives its last ten."""
    siffror = "".join(c for c in text if c.isascii() and c.isdigit())
    if len(siffror) == 12 and siffror[:2] in ("16", "19", "20"):
        return siffror[2:]
    return siffror


def orgnr_text(text: str) -> str:
    """NNNNNN-NNNN when the number has ten digits, else as written."""
    siffror = orgnr_siffror(text)
    return f"{siffror[:6]}-{siffror[6:]}" if len(siffror) == 10 else text


@dataclass(frozen=True)
class Rad:
    konto: int
    datum: dt.date
    belopp: Decimal  # accounting sign: debit positive, credit (revenue) negative
    text: str = ""
    verifikation: str = ""
    rad: int = 0  # line in the file


@dataclass
class Inlast:
    """A read file: the utfall rows, or the reasons it is refused (`fel`)."""

    rader: list[Rad] = field(default_factory=list)
    konton: dict[int, str] = field(default_factory=dict)  # names in the file
    fel: list[str] = field(default_factory=list)
    format: str = ""  # sie, csv, xlsx
    kalla: str = ""  # where the utfall comes from: #TRANS, #PSALDO, #RES, or the table
    per: dt.date | None = None  # utfall per, as the file says
    per_grund: str = ""
    kontroller: list[str] = field(default_factory=list)  # what was checked and held
    anmarkningar: list[str] = field(default_factory=list)  # odd but harmless, for the preview
    lasta: int = 0  # rows read (a transaction counted once)
    utanfor: int = 0  # rows on balance accounts: not utfall, not stored
    # SIE identification (empty for CSV and Excel)
    sietyp: int | None = None
    program: str = ""
    fnamn: str = ""
    orgnr: str | None = None
    rar: tuple[dt.date, dt.date] | None = None
    omfattn: dt.date | None = None
    verifikationer: int = 0


def tolka(data: bytes, filnamn: str, *, ar: int) -> Inlast:
    """A file for the year `ar`: SIE by its name or content, else Excel or CSV."""
    namn = filnamn.lower()
    if b"\x00" in data and not data.startswith(b"PK"):
        # Text files never hold NUL bytes, and PostgreSQL cannot store them in text.
        return Inlast(fel=["Filen innehåller binärdata och är varken SIE, CSV eller Excel."])
    utan_bom = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if namn.endswith((".se", ".si", ".sie")) or _SIE_POST.match(utan_bom):
        return tolka_sie(data, ar=ar)
    try:
        if namn.endswith(".xlsx") or data.startswith(b"PK\x03\x04"):
            rader, format = _xlsx_rader(data), "xlsx"
        else:
            rader, format = _csv_rader(data), "csv"
        return tolka_tabell(med_tak(rader, MAX_TABELLRADER), ar=ar, format=format)
    except OgiltigFil as exc:
        return Inlast(fel=exc.fel)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is a user input error
        return Inlast(fel=[f"Filen kan inte läsas: {exc}."])


# --- SIE: the records ---------------------------------------------------------------------


class Radfel(ValueError):
    """What is wrong with a line, said for a bookkeeper."""


@dataclass
class Verifikation:
    serie: str
    nummer: str
    datum: dt.date
    text: str
    rad: int  # the line of #VER
    summa: Decimal = NOLL
    trasig: bool = False  # a line inside could not be read: no balance check
    etikett: str = ""  # "A 12", as stored with each transaction

    def __post_init__(self):
        self.etikett = f"{self.serie} {self.nummer}".strip()

    @property
    def namn(self) -> str:
        return self.etikett or f"på rad {self.rad}"


@dataclass
class Siefil:
    """Everything read from an SIE file, before any check against a year or a förbund."""

    fel: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    sietyp: int | None = None
    program: str = ""
    fnamn: str = ""
    orgnr: str | None = None
    rar: tuple[dt.date, dt.date] | None = None
    omfattn: dt.date | None = None
    konton: dict[int, str] = field(default_factory=dict)
    ktyp: dict[int, str] = field(default_factory=dict)
    klass: dict[int, str] = field(default_factory=dict)  # first digit as written: 0351 is 0
    trans: list[Rad] = field(default_factory=list)  # every account, each transaction once
    verifikationer: list[Verifikation] = field(default_factory=list)
    psaldo: dict[tuple[int, int, int], Decimal] = field(default_factory=dict)  # konto, år, mån
    res: dict[int, Decimal] = field(default_factory=dict)
    ksumma: bool = False  # the file has a checksum and it holds
    _rader: dict[tuple, int] = field(default_factory=dict)  # where each balance was read

    def resultatkonto(self, konto: int) -> bool:
        """#KTYP K (kostnad) or I (intäkt); without #KTYP the BAS classes 3–8."""
        typ = self.ktyp.get(konto)
        if typ:
            return typ in ("K", "I")
        return self.klass.get(konto, str(konto)[0]) in "345678"

    @property
    def obalanserade(self) -> list[Verifikation]:
        return [v for v in self.verifikationer if not v.trasig and v.summa != 0]


@dataclass
class _Lage:
    """The reader's state between lines."""

    ver: Verifikation | None = None
    oppen: bool = False  # inside the { … } of a voucher
    rtrans: tuple | None = None  # an #RTRANS waiting for its #TRANS
    ksumma: int | None = None  # the running CRC-32 after the first #KSUMMA
    ksumma_rad: int = 0
    ksumma_slut: bool = False


def siefil(data: bytes) -> Siefil:
    """Read the records of an SIE file (code page 437). Nothing is checked against a year or
    a förbund here; `fel` holds what could not be read, line by line."""
    fil = Siefil()
    rader = data.decode("cp437").split("\n")
    if data.startswith(b"\xef\xbb\xbf"):
        fil.fel.append(
            (1, "filen börjar med en UTF-8-markering; SIE-filer skrivs i PC8 (teckentabell 437)")
        )
        rader[0] = rader[0][3:]
    lage = _Lage()
    sista = len(rader)
    for nr, rad in enumerate(rader, start=1):
        rad = rad.rstrip("\r").strip(" \t")
        if nr == sista:
            rad = rad.rstrip("\x1a").strip(" \t")  # a DOS end-of-file mark
        if not rad:
            continue
        enkel = _ENKEL_TRANS.fullmatch(rad)
        if (
            enkel
            and lage.oppen
            and lage.rtrans is None
            and not lage.ksumma_slut
            and _enkel_trans(fil, lage, nr, enkel)
        ):
            continue
        try:
            _las_rad(fil, lage, nr, rad)
        except Radfel as exc:
            fil.fel.append((nr, str(exc)))
            if lage.ver is not None:
                lage.ver.trasig = True
    _rtrans_ensam(fil, lage)
    if lage.ver is not None:
        fil.fel.append(
            (lage.ver.rad, f"verifikation {lage.ver.namn} avslutas aldrig med }} på en egen rad")
        )
        lage.ver.trasig = True
    if lage.ksumma is not None and not lage.ksumma_slut:
        fil.fel.append(
            (
                lage.ksumma_rad,
                "#KSUMMA: filen har #KSUMMA i början men ingen kontrollsumma i slutet, så den "
                "är avkortad",
            )
        )
    fil.fel.sort(key=lambda f: f[0])
    return fil


def _enkel_trans(fil: Siefil, lage: _Lage, nr: int, match: re.Match) -> bool:
    """`#TRANS konto {} belopp` inside an open voucher; False leaves it to _las_rad."""
    text, belopp_text = match.groups()
    konto = int(text)
    if konto == 0:
        return False
    if lage.ksumma is not None:
        lage.ksumma = zlib.crc32(f"#TRANS{text}{belopp_text}".encode("cp437"), lage.ksumma)
    fil.klass[konto] = text[0]
    ver = lage.ver
    belopp = Decimal(belopp_text)
    ver.summa += belopp
    fil.trans.append(Rad(konto, ver.datum, belopp, ver.text, ver.etikett, nr))
    return True


def _las_rad(fil: Siefil, lage: _Lage, nr: int, rad: str) -> None:
    if rad in ("{", "}"):
        _rtrans_ensam(fil, lage)
        _klammer(lage, rad)
        return
    if not rad.startswith("#"):
        raise Radfel(f"raden börjar inte med # och är ingen SIE-post ({rad[:40]})")
    styr = _STYRTECKEN.search(rad)
    if styr:
        raise Radfel(
            f"raden innehåller styrtecknet {ord(styr.group())}, som en SIE-fil inte får ha"
        )
    falt = _falt(rad)
    tagg = falt[0].upper()
    if lage.ksumma_slut:
        raise Radfel(f"{tagg} står efter den avslutande #KSUMMA, utanför kontrollsumman")
    if tagg == "#KSUMMA":
        _ksumma(fil, lage, nr, falt)
        return
    if lage.ksumma is not None:
        lage.ksumma = zlib.crc32(_ksumma_text(falt).encode("cp437", "replace"), lage.ksumma)
    if tagg != "#TRANS":
        _rtrans_ensam(fil, lage)
    try:
        if tagg in ("#TRANS", "#RTRANS", "#BTRANS"):
            _trans(fil, lage, nr, tagg, falt)
            return
        if lage.ver is not None and tagg in _POSTER:
            # The previous voucher never closed: it is reported, and this line read anew.
            fil.fel.append((lage.ver.rad, f"verifikation {lage.ver.namn} avslutas aldrig med }}"))
            lage.ver.trasig = True
            lage.ver, lage.oppen = None, False
        if tagg in _POSTER:
            _POSTER[tagg](fil, lage, nr, falt)
        # Unknown labels are allowed and skipped (SIE 4B 7.1), as are extra fields (7.3).
    except Radfel as exc:
        raise Radfel(f"{tagg}: {exc}") from exc


def _falt(text: str) -> list:
    """The fields of a line; an object list becomes an Objekt of its own fields."""
    falt: list = []
    for citerad, objekt, ord_, fel in _FALT.findall(text):
        if ord_:
            falt.append(ord_)
        elif citerad:
            falt.append(citerad[1:-1].replace('\\"', '"'))
        elif objekt:
            falt.append(Objekt(_falt(objekt[1:-1])))
        elif fel == '"':
            raise Radfel('ett citattecken (") öppnas men stängs aldrig')
        elif fel == "{":
            raise Radfel("en objektlista ({) stängs aldrig med }")
        else:
            raise Radfel("en } står utan { före")
    return falt


def _ksumma_text(falt: list) -> str:
    """What of a record goes into the checksum (SIE 4B 10.14): the label and the fields,
    without the spaces between them, the quotes around them and the braces of object lists."""
    return "".join("".join(f) if isinstance(f, Objekt) else f for f in falt)


def _visa(text) -> str:
    if isinstance(text, Objekt):
        return "{" + " ".join(text) + "}"
    return f'"{text[:40]}"' if not text or " " in text else text[:40]


def _belopp(falt: list, i: int) -> Decimal:
    if i >= len(falt) or isinstance(falt[i], Objekt) or falt[i] == "":
        raise Radfel("beloppet saknas")
    text = falt[i]
    if not _BELOPP.fullmatch(text):
        if _BELOPP.fullmatch(text.replace(",", ".", 1)):
            raise Radfel(
                f"beloppet {text} har decimalkomma; SIE skriver belopp med punkt (t.ex. -1234.50)"
            )
        if re.fullmatch(r"-?\d+\.\d{3,}", text):
            raise Radfel(f"beloppet {text} har fler än två decimaler")
        raise Radfel(
            f"beloppet {_visa(text)} är inte ett tal; väntat siffror med punkt och högst två "
            "decimaler (t.ex. -1234.50)"
        )
    belopp = Decimal(text)
    if abs(belopp) >= MAX_BELOPP:
        raise Radfel(f"beloppet {text} är större än portalen kan lagra (under 10¹² kr)")
    return belopp


def _konto(falt: list, i: int, fil: Siefil | None = None) -> int:
    """An account number. Its BAS class is the first digit as written (a program's internal
    account 0351 is class 0, not 3), which `fil` remembers."""
    if i >= len(falt) or falt[i] == "":
        raise Radfel("kontonumret saknas")
    text = falt[i]
    if isinstance(text, Objekt) or not (text.isascii() and text.isdigit()):
        raise Radfel(f"kontonumret {_visa(text)} är inte ett tal")
    if len(text.lstrip("0")) > 9:
        raise Radfel(f"kontonumret {text} har fler än nio siffror")
    konto = int(text)
    if konto == 0:
        raise Radfel("kontonumret 0 finns inte")
    if fil is not None:
        fil.klass[konto] = text[0]
    return konto


def _datum(falt: list, i: int, vad: str = "datumet") -> dt.date:
    if i >= len(falt) or falt[i] == "":
        raise Radfel(f"{vad} saknas")
    text = falt[i]
    if isinstance(text, Objekt) or not (len(text) == 8 and text.isascii() and text.isdigit()):
        raise Radfel(f"{vad} {_visa(text)} är inte ett datum; väntat ÅÅÅÅMMDD")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as exc:
        raise Radfel(f"{vad} {text} finns inte i kalendern") from exc


def _period(falt: list, i: int) -> tuple[int, int]:
    if i >= len(falt) or falt[i] == "":
        raise Radfel("perioden saknas")
    text = falt[i]
    if (
        isinstance(text, Objekt)
        or not (len(text) == 6 and text.isascii() and text.isdigit())
        or not 1 <= int(text[4:]) <= 12
    ):
        raise Radfel(f"perioden {_visa(text)} är inte en månad; väntat ÅÅÅÅMM")
    return int(text[:4]), int(text[4:])


def _arsnr(falt: list, i: int) -> int:
    if i >= len(falt) or falt[i] == "":
        raise Radfel("årsnumret saknas")
    text = falt[i]
    if isinstance(text, Objekt) or not re.fullmatch(r"-?\d{1,3}", text):
        raise Radfel(f"årsnumret {_visa(text)} är inte 0, -1, -2 …")
    return int(text)


def _objekt(falt: list, i: int) -> Objekt:
    if i >= len(falt) or not isinstance(falt[i], Objekt):
        raise Radfel("objektlistan ({…}) saknas")
    return falt[i]


def _text(falt: list, i: int) -> str:
    if i >= len(falt) or isinstance(falt[i], Objekt):
        return ""
    return falt[i]


def _klammer(lage: _Lage, rad: str) -> None:
    if rad == "{":
        if lage.ver is None or lage.oppen:
            raise Radfel("{ står utan #VER före")
        lage.oppen = True
    else:
        if lage.ver is not None and not lage.oppen:
            # The voucher's { was missing: it ends here, broken, without a second message.
            lage.ver.trasig = True
            lage.ver = None
            raise Radfel("} står utan { före")
        if lage.ver is None:
            raise Radfel("} står utan { före")
        lage.ver, lage.oppen = None, False


def _ksumma(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    if len(falt) == 1:
        if lage.ksumma is not None:
            raise Radfel("#KSUMMA: kontrollsummeringen har redan börjat")
        lage.ksumma, lage.ksumma_rad = 0, nr
        return
    if lage.ksumma is None:
        raise Radfel("#KSUMMA: en kontrollsumma utan inledande #KSUMMA")
    lage.ksumma_slut = True
    text = falt[1]
    if isinstance(text, Objekt) or not re.fullmatch(r"-?\d{1,10}", text):
        raise Radfel(f"#KSUMMA: kontrollsumman {_visa(text)} är inte ett tal")
    if int(text) % 2**32 != lage.ksumma:  # some programs write it signed
        raise Radfel(
            f"#KSUMMA: kontrollsumman stämmer inte (filen anger {text}, innehållet ger "
            f"{lage.ksumma}); filen har ändrats eller skadats efter exporten"
        )
    fil.ksumma = True


def _trans(fil: Siefil, lage: _Lage, nr: int, tagg: str, falt: list) -> None:
    ver = lage.ver
    if ver is None:
        raise Radfel("står utanför en verifikation; väntat inom #VER … { … }")
    if not lage.oppen:
        raise Radfel(f"verifikation {ver.namn} saknar {{ på raden efter #VER")
    konto = _konto(falt, 1, fil)
    # SIE 4B requires the object list; an older file may leave it out.
    har_objekt = len(falt) > 2 and isinstance(falt[2], Objekt)
    objekt = tuple(falt[2]) if har_objekt else ()
    i = 3 if har_objekt else 2
    belopp = _belopp(falt, i)
    datum = _datum(falt, i + 1, "transaktionsdatumet") if _text(falt, i + 1) else ver.datum
    text = _text(falt, i + 2) or ver.text
    if tagg == "#BTRANS":
        return  # a removed transaction: no longer part of the voucher
    rad = Rad(konto, datum, belopp, text, ver.etikett, nr)
    if tagg == "#RTRANS":
        # SIE 4B: an added transaction is followed at once by a like #TRANS (for readers that
        # do not know #RTRANS). It is counted once: as that #TRANS, or by itself if none.
        _rtrans_ensam(fil, lage)
        lage.rtrans = (rad, objekt, ver)
        return
    if lage.rtrans is not None:
        tillagd, tillagd_objekt, _ver = lage.rtrans
        if (tillagd.konto, tillagd.belopp, tillagd_objekt) == (konto, belopp, objekt):
            lage.rtrans = None  # its twin: this #TRANS is the added transaction
        else:
            _rtrans_ensam(fil, lage)
    _lagg_till(fil, ver, rad)


def _rtrans_ensam(fil: Siefil, lage: _Lage) -> None:
    """An #RTRANS without its twin #TRANS: the added transaction counts by itself."""
    if lage.rtrans is not None:
        rad, _objekt, ver = lage.rtrans
        lage.rtrans = None
        _lagg_till(fil, ver, rad)


def _lagg_till(fil: Siefil, ver: Verifikation, rad: Rad) -> None:
    ver.summa += rad.belopp
    fil.trans.append(rad)


def _ver(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    datum = _datum(falt, 3, "verifikationsdatumet")
    ver = Verifikation(_text(falt, 1), _text(falt, 2), datum, _text(falt, 4), nr)
    fil.verifikationer.append(ver)
    lage.ver, lage.oppen = ver, False


def _format(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    varde = _text(falt, 1)
    if varde.upper() != "PC8":
        raise Radfel(
            f"teckenuppsättningen {_visa(varde)} stöds inte; SIE-filer skrivs i PC8 "
            "(teckentabell 437)"
        )


def _sietyp(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    varde = _text(falt, 1)
    if varde not in ("1", "2", "3", "4"):
        raise Radfel(f"filtypen {_visa(varde)} är inte 1, 2, 3 eller 4")
    fil.sietyp = int(varde)


def _program(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    fil.program = " ".join(_text(falt, i) for i in (1, 2) if _text(falt, i))


def _fnamn(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    fil.fnamn = _text(falt, 1)


def _orgnr(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    fil.orgnr = _text(falt, 1) or None  # an empty #ORGNR says as little as none


def _rar(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    arsnr = _arsnr(falt, 1)
    if not _text(falt, 2) and not _text(falt, 3):
        return  # an import file (4I) may leave the year out
    start, slut = _datum(falt, 2, "startdatumet"), _datum(falt, 3, "slutdatumet")
    if slut < start:
        raise Radfel(f"räkenskapsåret slutar {slut.isoformat()}, före det börjar")
    if arsnr == 0:
        fil.rar = (start, slut)


def _omfattn(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    fil.omfattn = _datum(falt, 1)


def _konto_post(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    fil.konton[_konto(falt, 1, fil)] = _text(falt, 2)


def _ktyp(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    konto, typ = _konto(falt, 1, fil), _text(falt, 2).upper()
    if typ not in KONTOTYPER:
        raise Radfel(f"kontotypen {_visa(typ)} är inte T, S, K eller I")
    fil.ktyp[konto] = typ


def _res(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    arsnr, konto, belopp = _arsnr(falt, 1), _konto(falt, 2, fil), _belopp(falt, 3)
    if arsnr == 0:
        _en_gang(fil, ("#RES", konto), nr, f"konto {konto}")
        fil.res[konto] = belopp


def _psaldo(fil: Siefil, lage: _Lage, nr: int, falt: list) -> None:
    arsnr, (ar, manad) = _arsnr(falt, 1), _period(falt, 2)
    konto, objekt, belopp = _konto(falt, 3, fil), _objekt(falt, 4), _belopp(falt, 5)
    # The account as a whole has an empty object list; object balances are parts of it.
    if arsnr == 0 and not objekt:
        _en_gang(fil, ("#PSALDO", konto, ar, manad), nr, f"konto {konto} {ar}-{manad:02}")
        fil.psaldo[(konto, ar, manad)] = belopp


def _en_gang(fil: Siefil, nyckel: tuple, nr: int, vad: str) -> None:
    if nyckel in fil._rader:
        raise Radfel(f"{vad} har redan ett saldo på rad {fil._rader[nyckel]}")
    fil._rader[nyckel] = nr


_POSTER = {
    "#FORMAT": _format,
    "#SIETYP": _sietyp,
    "#PROGRAM": _program,
    "#FNAMN": _fnamn,
    "#ORGNR": _orgnr,
    "#RAR": _rar,
    "#OMFATTN": _omfattn,
    "#KONTO": _konto_post,
    "#KTYP": _ktyp,
    "#RES": _res,
    "#PSALDO": _psaldo,
    "#VER": _ver,
}


# --- SIE: the checks ----------------------------------------------------------------------


def avstam(fil: Siefil) -> tuple[list[str], list[str]]:
    """Reconcile a file with itself: every voucher balances, and where the file has both
    transactions and balances they agree per result account (#TRANS against #RES and each
    month's #PSALDO; without transactions #PSALDO against #RES). Returns the errors and,
    for what held, a line each for the preview."""
    fel: list[str] = []
    kontroller: list[str] = []
    for v in fil.obalanserade:
        fel.append(
            f"Rad {v.rad}: verifikation {v.namn} summerar till {kr_text(v.summa)}, inte 0,00 kr "
            "(debet och kredit ska vara lika)."
        )
    hela = [v for v in fil.verifikationer if not v.trasig]
    if hela and not fil.obalanserade:
        kontroller.append(f"Alla {len(hela)} verifikationer balanserar.")
    res = {k: b for k, b in fil.res.items() if fil.resultatkonto(k)}
    psaldo = {n: b for n, b in fil.psaldo.items() if fil.resultatkonto(n[0])}
    if fil.trans:
        per_konto: dict[int, Decimal] = defaultdict(Decimal)
        per_manad: dict[tuple[int, int, int], Decimal] = defaultdict(Decimal)
        for r in fil.trans:
            if fil.resultatkonto(r.konto):
                per_konto[r.konto] += r.belopp
                per_manad[(r.konto, r.datum.year, r.datum.month)] += r.belopp
        if res:
            fel += _jamfor(per_konto, res, "#TRANS", "#RES", kontroller, "konton")
        if psaldo:
            sista = _sista_period(fil, psaldo)
            manader = {n: b for n, b in per_manad.items() if n[1:] <= sista}
            fel += _jamfor(manader, psaldo, "#TRANS", "#PSALDO", kontroller, "konton och månader")
        if not res and not psaldo:
            kontroller.append("Filen har inga saldon (#RES, #PSALDO) att stämma av mot.")
    elif psaldo and res:
        summa: dict[int, Decimal] = defaultdict(Decimal)
        for (konto, _ar, _manad), belopp in psaldo.items():
            summa[konto] += belopp
        fel += _jamfor(summa, res, "#PSALDO", "#RES", kontroller, "konton")
    if fil.ksumma:
        kontroller.append("Kontrollsumman (#KSUMMA) stämmer.")
    return fel, kontroller


def _sista_period(fil: Siefil, psaldo: dict) -> tuple[int, int]:
    """The periods the file's #PSALDO cover: to #OMFATTN or the last one given, the later."""
    sista = max(n[1:] for n in psaldo)
    if fil.omfattn:
        return max(sista, (fil.omfattn.year, fil.omfattn.month))
    return sista


def _jamfor(summor: dict, saldon: dict, vad: str, mot: str, kontroller, enhet) -> list[str]:
    fel = []
    for nyckel in sorted(set(summor) | set(saldon)):
        a, b = summor.get(nyckel, NOLL), saldon.get(nyckel, NOLL)
        if a != b:
            if isinstance(nyckel, tuple):
                vem = f"Konto {nyckel[0]} {nyckel[1]}-{nyckel[2]:02}"
            else:
                vem = f"Konto {nyckel}"
            fel.append(
                f"{vem}: {vad} summerar till {kr_text(a)}, men {mot} anger {kr_text(b)} "
                f"(skillnad {kr_text(a - b)})."
            )
    if not fel:
        kontroller.append(f"{vad} stämmer mot {mot} för alla {len(summor | saldon)} {enhet}.")
    return fel


def tolka_sie(data: bytes, *, ar: int) -> Inlast:
    """An SIE file as utfall for the calendar year `ar`, or the reasons it cannot be."""
    fil = siefil(data)
    inlast = Inlast(
        format="sie",
        konton=fil.konton,
        sietyp=fil.sietyp,
        program=fil.program,
        fnamn=fil.fnamn,
        orgnr=fil.orgnr,
        rar=fil.rar,
        omfattn=fil.omfattn,
        verifikationer=len(fil.verifikationer),
    )
    if arsfel(fil.rar, ar):
        inlast.fel = [arsfel(fil.rar, ar)]
        return inlast
    if fil.fel:
        inlast.fel = begransa([f"Rad {nr}: {text}." for nr, text in fil.fel])
        return inlast
    fel = _utanfor_aret(fil, ar)
    if fel:
        inlast.fel = begransa(fel)
        return inlast
    fel, inlast.kontroller = avstam(fil)
    if fel:
        inlast.fel = begransa(fel)
        return inlast
    _utfall(fil, inlast, ar)
    return inlast


def arsfel(rar: tuple[dt.date, dt.date] | None, ar: int) -> str | None:
    """One message when the file's fiscal year (#RAR 0) is not the calendar year `ar`."""
    if rar is None or rar == (dt.date(ar, 1, 1), dt.date(ar, 12, 31)):
        return None
    start, slut = rar
    if (start.month, start.day, slut.month, slut.day) == (1, 1, 12, 31) and start.year == slut.year:
        return (
            f"Filen gäller räkenskapsåret {start.year}, inte {ar} som du valde. Välj år "
            f"{start.year} eller en fil för {ar}."
        )
    return (
        f"Filen gäller räkenskapsåret {start.isoformat()}–{slut.isoformat()}, men förbundet "
        f"redovisar per kalenderår: välj en fil för {ar}-01-01–{ar}-12-31."
    )


def _utanfor_aret(fil: Siefil, ar: int) -> list[str]:
    """Dates outside the year: one message when the whole file is for another year (a file
    without #RAR), else one per line."""
    datum = [r.datum for r in fil.trans] + [dt.date(y, m, 1) for _k, y, m in fil.psaldo]
    if datum and all(d.year != ar for d in datum):
        forsta, sista = min(datum), max(datum)
        return [
            f"Filen har inga uppgifter för {ar}: dess datum ligger {forsta.isoformat()}–"
            f"{sista.isoformat()}. Välj rätt år eller en fil för {ar}."
        ]
    fel = [
        f"Rad {r.rad}: #TRANS: transaktionsdatumet {r.datum.isoformat()} ligger utanför {ar}."
        for r in fil.trans
        if r.datum.year != ar
    ]
    fel += [
        f"#PSALDO: perioden {y}-{m:02} för konto {k} ligger utanför {ar}."
        for k, y, m in fil.psaldo
        if y != ar
    ]
    return fel


def _utfall(fil: Siefil, inlast: Inlast, ar: int) -> None:
    """The rows to store, where they come from, and the date they are complete to."""
    psaldo = {n: b for n, b in fil.psaldo.items() if fil.resultatkonto(n[0])}
    if fil.trans:
        inlast.kalla = "#TRANS"
        inlast.lasta = len(fil.trans)
        inlast.rader = [r for r in fil.trans if fil.resultatkonto(r.konto)]
        sista = max(r.datum for r in fil.trans)
        per, grund = manadsslut(sista.year, sista.month), "sista dagen i filens sista månad"
    elif psaldo:
        inlast.kalla = "#PSALDO"
        inlast.lasta = len(fil.psaldo)
        inlast.rader = [
            Rad(konto, manadsslut(y, m), belopp, f"Periodsaldo {y}-{m:02}", "")
            for (konto, y, m), belopp in sorted(psaldo.items())
            if belopp
        ]
        y, m = max((y, m) for _k, y, m in fil.psaldo)
        per, grund = manadsslut(y, m), "sista dagen i filens sista period"
    elif fil.res:
        inlast.kalla = "#RES"
        inlast.lasta = len(fil.res)
        per, grund = (fil.rar[1] if fil.rar else dt.date(ar, 12, 31)), "räkenskapsårets slut"
        inlast.rader = [
            Rad(konto, per, belopp, "Årets resultat", "")
            for konto, belopp in sorted(fil.res.items())
            if belopp and fil.resultatkonto(konto)
        ]
    else:
        inlast.fel = [
            "Filen har varken transaktioner (#TRANS), periodsaldon (#PSALDO) eller "
            "årsresultat (#RES): det finns inget utfall att läsa."
        ]
        return
    inlast.utanfor = inlast.lasta - len(inlast.rader) if inlast.kalla == "#TRANS" else 0
    if fil.omfattn and fil.omfattn.year == ar:
        per, grund = fil.omfattn, "#OMFATTN"
    elif fil.omfattn:
        inlast.anmarkningar.append(
            f"#OMFATTN anger {fil.omfattn.isoformat()}, utanför {ar}; utfallsdatumet tas i "
            "stället från filens innehåll."
        )
    inlast.per, inlast.per_grund = per, grund


# --- CSV and Excel -------------------------------------------------------------------------


def _csv_rader(data: bytes) -> Iterator[list[str]]:
    rows = csv_rader(data)
    if rows is None:
        raise ValueError("filen är varken CSV, Excel (.xlsx) eller SIE")
    return rows


def _xlsx_rader(data: bytes) -> Iterator[list[str]]:
    """The first sheet's rows as text (the archive is checked before it is opened)."""
    for row in xlsx_varden(data):
        yield [
            "" if c is None else (c.date().isoformat() if isinstance(c, dt.datetime) else str(c))
            for c in row
        ]


def _tabellbelopp(text: str) -> Decimal:
    text = text.replace(" ", "").replace("\xa0", "").replace("−", "-")
    if not text:
        raise Radfel("beloppet saknas")
    if not re.fullmatch(r"-?\d+(?:[.,]\d{1,2})?", text):
        raise Radfel(
            f"beloppet {text[:40]} är inte ett tal; väntat t.ex. -1234,50 (högst två decimaler)"
        )
    belopp = Decimal(text.replace(",", "."))
    if abs(belopp) >= MAX_BELOPP:
        raise Radfel(f"beloppet {text} är större än portalen kan lagra (under 10¹² kr)")
    return belopp


def _tabelldatum(datum: str, period: str) -> dt.date:
    if datum:
        try:
            return dt.date.fromisoformat(datum[:10])
        except ValueError as exc:
            raise Radfel(f"datumet {datum[:40]} är inte ett datum; väntat ÅÅÅÅ-MM-DD") from exc
    if not period:
        raise Radfel("datum (eller period) saknas")
    match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", period)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise Radfel(f"perioden {period[:40]} är inte en månad; väntat ÅÅÅÅ-MM")
    return manadsslut(int(match.group(1)), int(match.group(2)))


def _tabellkonto(text: str) -> tuple[int, str]:
    """The account number and its BAS class (the first digit as written)."""
    if not text:
        raise Radfel("kontonumret saknas")
    if text.endswith(".0"):  # Excel's numbers
        text = text[:-2]
    if not (text.isascii() and text.isdigit()):
        raise Radfel(f"kontonumret {text[:40]} är inte ett tal")
    if len(text.lstrip("0")) > 9 or int(text) == 0:
        raise Radfel(f"kontonumret {text} är inget kontonummer (1–9 siffror)")
    return int(text), text[0]


def tolka_tabell(rows: Iterable[list[str]], *, ar: int, format: str) -> Inlast:
    """Columns konto, datum (ÅÅÅÅ-MM-DD) or period (ÅÅÅÅ-MM), belopp, text (optional).
    Amounts with the accounting sign; rows on balance accounts (class 1–2, 9) are not utfall.
    The rows are read once, in order."""
    result = Inlast(format=format, kalla="Excel" if format == "xlsx" else "CSV")
    rows = iter(rows)
    forsta = next(rows, None)
    if forsta is None:
        result.fel.append("Filen är tom.")
        return result
    header = [h.strip().lower() for h in forsta]
    if "konto" not in header or "belopp" not in header or not ({"datum", "period"} & set(header)):
        result.fel.append(
            "Rad 1: kolumnerna ska heta konto, datum (eller period), belopp och text; "
            f"filen har {', '.join(h for h in header if h) or 'inga rubriker'}."
        )
        return result
    col = {h: i for i, h in enumerate(header)}
    fel = Fellista()
    for nr, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row):
            continue
        row = row + [""] * (len(header) - len(row))

        def cell(namn: str, row=row) -> str:
            return row[col[namn]].strip() if namn in col else ""

        try:
            konto, klass = _tabellkonto(cell("konto"))
            datum = _tabelldatum(cell("datum"), cell("period"))
            belopp = _tabellbelopp(cell("belopp"))
        except (Radfel, InvalidOperation) as exc:
            fel.append(f"Rad {nr}: {exc}.")
            continue
        if datum.year != ar:
            fel.append(f"Rad {nr}: datumet {datum.isoformat()} ligger utanför {ar}.")
            continue
        result.lasta += 1
        if klass in "345678":
            result.rader.append(Rad(konto, datum, belopp, cell("text"), "", nr))
        else:
            result.utanfor += 1
    if fel:
        result.fel = fel.texter()
        result.rader = []
        return result
    if result.rader:
        sista = max(r.datum for r in result.rader)
        result.per = manadsslut(sista.year, sista.month)
        result.per_grund = "sista dagen i filens sista månad"
    return result
