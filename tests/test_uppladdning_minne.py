"""No upload can take the server down (issue 18): a 200 MB-unpacking zip bomb dressed as an
.xlsx, and CSV files of a million rows, posted to every importer and to the handlingar upload
of a running server (runserver, in a process of its own). Each gets a Swedish 4xx, and the
server's peak memory (the kernel's high-water mark, VmHWM) stays under 150 MB above its size
when idle, warmed up (VmRSS after every page has been opened once).

The process's own figures from /proc are read, so other work on a shared machine does not
move them. The figures are printed (pytest -s) and recorded in docs/performance.md.
"""

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
import requests
from django.urls import reverse

from insatser import services as insats_services
from insatser.models import Insats

from .server import RUNSERVER, csrf, inloggad, server

MB = 1024 * 1024
GRANS = 150 * MB

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="Minnet läses ur /proc (Linux)."
)


def _minne(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (the peak since the process started), in bytes."""
    varden = {}
    for rad in Path(f"/proc/{pid}/status").read_text().splitlines():
        namn, _kolon, rest = rad.partition(":")
        if namn in ("VmRSS", "VmHWM"):
            varden[namn] = int(rest.split()[0]) * 1024
    return varden


def zipbomb(uppackat: int = 200 * MB) -> bytes:
    """A real .xlsx layout whose sheet unpacks to `uppackat` bytes of repeated XML (about
    200 kB packed): what the security test posted."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as ark:
            bit = b"<row><c><v>1</v></c></row>" * 40_000
            for _ in range(uppackat // len(bit)):
                ark.write(bit)
    return buffer.getvalue()


def miljon_rader(huvud: str, rad: str) -> bytes:
    return (huvud + "\n" + (rad + "\n") * 1_000_000).encode()


def _post(session: requests.Session, url: str, falt: dict, fil: tuple[str, bytes]):
    token = csrf(session, url)
    return session.post(
        url,
        data={"csrfmiddlewaretoken": token, **falt},
        files={"fil": fil},
        headers={"Referer": url},
        timeout=600,
    )


def test_a_zip_bomb_and_million_row_files_leave_the_server_standing(
    seed_enkat, transactional_db, tmp_path, capsys
):
    sip = Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")
    period = insats_services.period_create(
        actor=None, insats=sip, fran=dt.date(2022, 5, 1), till=dt.date(2022, 8, 31)
    )
    bomb = zipbomb()
    assert len(bomb) < MB  # packed about 400 times
    svar_csv = miljon_rader("1;2;3;4;5;6;7", "1;2;3;4;5;6;7")
    sus_csv = miljon_rader("tabell;kategori;totalt;kvinnor;man;manader", "x;y;1;1;0;0")
    behov_csv = miljon_rader(
        "ar;regionkod;region;kon;ersattning;helarsekvivalenter;befolkning_20_64", "x;1;a;b;c;d;e"
    )
    utfall_csv = miljon_rader("konto;period;belopp", "4010;2021-3;1,5")
    assert max(len(f) for f in (svar_csv, sus_csv, behov_csv, utfall_csv)) < 20 * MB

    import_sus = reverse("period_import", kwargs={"pk": period.pk})
    import_svar = reverse("omgang_import", kwargs={"pk": seed_enkat.pk})
    import_behov = reverse("behovsanalys_import")
    import_utfall = reverse("ekonomi_import")
    handling = reverse("handling_upload", kwargs={"pk": _utkast_mote()})
    # (who, page, extra fields, file, what the refusal says)
    fall = [
        ("insatspersonal", import_sus, {}, ("bomb.xlsx", bomb), "Filen öppnades inte"),
        ("forbundschef", import_svar, {}, ("bomb.xlsx", bomb), "Filen öppnades inte"),
        ("forbundschef", import_behov, {}, ("bomb.xlsx", bomb), "Filen öppnades inte"),
        ("forbundschef", import_utfall, {"ar": "2021"}, ("bomb.xlsx", bomb), "Filen öppnades inte"),
        ("forbundschef", handling, {"titel": "Bomb"}, ("bomb.xlsx", bomb), "Filen öppnades inte"),
        ("insatspersonal", import_sus, {}, ("sus.csv", sus_csv), "fler än 1\u00a0000 rader"),
        ("forbundschef", import_svar, {}, ("svar.csv", svar_csv), "fler än 20\u00a0000 svar"),
        ("forbundschef", import_behov, {}, ("behov.csv", behov_csv), "fler än 500\u00a0000 rader"),
        (
            "forbundschef",
            import_utfall,
            {"ar": "2021"},
            ("utfall.csv", utfall_csv),
            "fler än 100\u00a0000 rader",
        ),
    ]
    sessioner = {namn: inloggad(namn) for namn in ("forbundschef", "insatspersonal")}
    with server(RUNSERVER, tmp_path / "server.log") as s:
        # Warm up: every page once, so the libraries an import needs are loaded.
        for vem, sida, *_rest in fall:
            assert sessioner[vem].get(s.bas + sida, timeout=120).status_code == 200
        vila = _minne(s.process.pid)["VmRSS"]
        rapport = [f"Servern i vila: {vila / MB:.0f} MB"]
        for vem, sida, falt, fil, text in fall:
            svar = _post(sessioner[vem], s.bas + sida, falt, fil)
            minne = _minne(s.process.pid)
            rapport.append(
                f"{fil[0]:<11} till {sida:<32} {svar.status_code}  "
                f"topp {minne['VmHWM'] / MB:.0f} MB (+{(minne['VmHWM'] - vila) / MB:.0f} MB)"
            )
            assert 400 <= svar.status_code < 500, f"{sida} {fil[0]}: {svar.status_code}"
            assert text in svar.text, f"{sida} {fil[0]}: {_felen(svar.text)}"
            # The page lists at most the first hundred reasons.
            assert svar.text.count("<li>") < 150
        topp = _minne(s.process.pid)["VmHWM"]
    with capsys.disabled():
        print("\n" + "\n".join(rapport))
    assert topp - vila < GRANS, "\n".join(rapport)


def _utkast_mote() -> int:
    from .conftest import provmote

    return provmote("utkast").pk


def _felen(html: str) -> str:
    return " | ".join(re.findall(r"<li>(.*?)</li>", html)[:5]) or html[:300]
