"""A verksamhetsrapport as .docx (python-docx), for those who must edit it further in Word.

Built from the same context as the page and the PDF (`verksamhetsrapport.kontext`), so the
figures are the same; headings use Word's own styles so its table of contents works.
"""

from __future__ import annotations

import io

from docx import Document

from forbund.formatting import tusental

from .verksamhetsrapport import stycken


def _text(doc, text: str, niva: int = 3) -> None:
    for block in stycken(text):
        if block.typ == "h":
            doc.add_heading(block.rader[0], level=niva)
        elif block.typ == "ul":
            for rad in block.rader:
                doc.add_paragraph(rad, style="List Bullet")
        else:
            doc.add_paragraph(" ".join(block.rader))


def _tabell(doc, rubrik: str, kolumner: list[str], rader: list[list], fet: set[int] = frozenset()):
    doc.add_paragraph().add_run(rubrik).bold = True
    table = doc.add_table(rows=1, cols=len(kolumner))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, kolumner, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for i, rad in enumerate(rader):
        cells = table.add_row().cells
        for cell, value in zip(cells, rad, strict=True):
            cell.text = "" if value is None else str(value)
            if i in fet:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def _b(value) -> str:
    return tusental(value) if value is not None else ""


def docx(k: dict) -> bytes:

    rapport, i = k["rapport"], k["i"]
    doc = Document()
    doc.core_properties.title = rapport.titel
    doc.core_properties.author = k["forbund_namn"]
    doc.sections[0].header.paragraphs[0].text = f"{k['forbund_namn']} – {rapport.titel}"
    doc.add_heading(rapport.titel, level=0)
    doc.add_paragraph(
        f"{k['forbund_namn']} redovisar verksamhet och ekonomi för {k['period']}. "
        + (
            f"Godkänd av styrelsen i § {rapport.paragraf.nummer}, "
            f"{rapport.paragraf.protokoll.mote.datum.isoformat()}."
            if rapport.sparrad
            else "Utkast, inte godkänt av styrelsen."
        )
    )
    for a in k["avsnitt"]:
        doc.add_heading(a["rubrik"], level=1)
        _text(doc, a["text"])
        nyckel = a["nyckel"]
        if nyckel == "om_forbundet":
            o = i["om_forbundet"]
            if o["medlemmar"]:
                doc.add_paragraph(o["medlemmar"])
            if o["andamal"]:
                doc.add_paragraph(f"Förbundets ändamål: ”{o['andamal']}”")
        elif nyckel == "styrelsen":
            for m in i["styrelsen"]["moten"]:
                doc.add_heading(f"Styrelsemöte {m['datum']}", level=2)
                if not m["justerat"]:
                    doc.add_paragraph("Protokollet är inte justerat än.")
                for p in m["paragrafer"]:
                    doc.add_paragraph(
                        f"§ {p['nummer']} {p['rubrik']}: "
                        + "; ".join(f"att {b}" for b in p["beslut"]),
                        style="List Bullet",
                    )
        elif nyckel == "insatser":
            s = i["insatser"]
            if s["perioder"]:
                doc.add_paragraph(
                    f"Under perioden har insatserna arbetat med totalt {s['aktiva']['totalt']} "
                    f"personer ({s['andel_kvinnor']} % kvinnor och {s['andel_man']} % män), "
                    f"varav {s['nya']} nya deltagare. {s['avslutade']} personer har avslutats."
                )
            for t in s["tabeller"]:
                kolumner = ["Kategori", "Antal deltagare", "Varav kvinnor", "Varav män"]
                if t["snitt"]:
                    kolumner.append("Antal mån i insatsen (snitt)")
                rader = [
                    [r["kategori"], r["totalt"], r["kvinnor"], r["man"]]
                    + ([r["snitt"]] if t["snitt"] else [])
                    for r in t["rader"]
                ]
                if t["summa"]:
                    rader.append(
                        ["Totalt", t["summa"]["totalt"], t["summa"]["kvinnor"], t["summa"]["man"]]
                    )
                _tabell(
                    doc, t["rubrik"], kolumner, rader, {len(rader) - 1} if t["summa"] else set()
                )
        elif nyckel == "arrangemang" and i["arrangemang"]["rader"]:
            rader = [
                [r["namn"], r["typ"], r["datum"], r["omrade"], r["kvinnor"], r["man"], r["alla"]]
                for r in i["arrangemang"]["rader"]
            ]
            s = i["arrangemang"]["summa"]
            rader.append(["Totalt", "", "", s["omrade"], s["kvinnor"], s["man"], s["alla"]])
            _tabell(
                doc,
                "Antal deltagare från förbundets geografiska område",
                ["Arrangemang", "Slag", "Datum", "Från området", "Kvinnor", "Män", "Totalt"],
                rader,
                {len(rader) - 1},
            )
        elif nyckel == "planerat":
            for r in i["planerat"]["rader"]:
                doc.add_paragraph(
                    f"{r['namn']} ({r['typ'].lower()}, {r['datum']})", style="List Bullet"
                )
        elif nyckel == "ekonomi" and i["ekonomi"]["grupper"]:
            e = i["ekonomi"]
            rader, fet = [], set()
            for g in e["grupper"]:
                if not g["intakter"]:
                    rader.append([g["namn"], "", "", ""])
                for r in g["rader"]:
                    rader.append([r["namn"], _b(r["budget"]), _b(r["utfall"]), _b(r["prognos"])])
                s = g["summa"] or (e["intakter"] | {"namn": "Summa intäkter"})
                fet.add(len(rader))
                rader.append([s["namn"], _b(s["budget"]), _b(s["utfall"]), _b(s["prognos"])])
            for namn, s in (("Summa kostnader", e["kostnader"]), ("Resultat", e["resultat"])):
                fet.add(len(rader))
                rader.append([namn, _b(s["budget"]), _b(s["utfall"]), _b(s["prognos"])])
            _tabell(
                doc,
                f"Budget, utfall och prognos {e['ar']} (kr)",
                ["Post", f"Budget {e['ar']}", f"Utfall {e['per'] or ''}".strip(), "Prognos"],
                rader,
                fet,
            )
            if e["mening"]:
                doc.add_paragraph(e["mening"])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
