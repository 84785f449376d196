"""The delårsrapport and årsredovisning: seed 004 rebuilt from stored rows number by number,
the demo's report approved in a paragraph and locked, its PDF, .docx and Word HTML."""

import datetime as dt
import io
import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.urls import reverse

from ekonomi import services
from ekonomi.models import (
    Budgetpost,
    Budgetrad,
    Budgetversion,
    Grupp,
    Konto,
    Prognos,
    Verksamhetsar,
)
from forbund.models import Forbund, Part
from insatser import services as insats_services
from insatser import sus
from insatser.models import Arrangemang, Insats, Tabell
from rapporter import services as rapporter_services
from rapporter.models import Rapportavsnitt, Verksamhetsrapport

from ..conftest import client_for
from ..ekonomi.conftest import sie4
from ..ekonomi.test_rapport import NVSAM_2017
from ..insatser.test_statistik import SEED_004, _split
from ..sidtal import rader, tal

D = dt.date
KOMMUNER = ("Sala", "Hallstahammar", "Surahammar", "Skinnskatteberg", "Norberg", "Fagersta")

# Seed 004, "Utbildning": participants from the förbund's own area.
SEED_004_UTBILDNING = [
    ("Lösningfokuserade ledtrådar", "konferens", D(2017, 2, 9), 96),
    ("Lösningfokuserat ledarskap", "utbildning", D(2017, 3, 14), 6),
    (
        "Grundutbildning lösningfokuserat arbetssätt (GULF 17, mars)",
        "utbildning",
        D(2017, 3, 21),
        18,
    ),
    (
        "Grundutbildning lösningfokuserat arbetssätt (GULF 18, augusti)",
        "utbildning",
        D(2017, 8, 22),
        33,
    ),
]


def _nbsp(text: str) -> str:
    return text.replace("\xa0", " ")


def _sus_2017(kansli):
    """The three teams' own periods jan–aug 2017, summing to seed 004's tables (as in
    tests/insatser/test_statistik.py)."""
    teams = [
        Insats.objects.create(namn=f"Samordningsteamet {n}", typ="individinriktad")
        for n in ("FNS", "Hallsta-Sura", "Sala")
    ]
    kommun_team = {"Sala": 2, "Hallstahammar": 1, "Surahammar": 1}
    perioder = [
        insats_services.period_create(
            actor=kansli, insats=t, fran=D(2017, 1, 1), till=D(2017, 8, 31)
        )
        for t in teams
    ]
    rader = {p.pk: [] for p in perioder}
    for namn, tot, k, m in SEED_004[Tabell.KOMMUN]:
        rader[perioder[kommun_team.get(namn, 0)].pk].append(sus.Rad(Tabell.KOMMUN, namn, tot, k, m))
    for tabell in (Tabell.FORSORJNING_IN, Tabell.TID, Tabell.FORSORJNING_UT):
        for namn, tot in SEED_004[tabell]:
            for p, n in zip(perioder, _split(tot, 3), strict=True):
                if n:
                    rader[p.pk].append(sus.Rad(tabell, namn, n))
    for namn, tot, snitt in SEED_004[Tabell.AVSLUT]:
        for p, n in zip(perioder, _split(tot, 3), strict=True):
            if n:
                rader[p.pk].append(sus.Rad(Tabell.AVSLUT, namn, n, manader=n * snitt))
    for p in perioder:
        own = rader[p.pk]
        kommun = [r for r in own if r.tabell == Tabell.KOMMUN]
        own += [
            sus.Rad(
                Tabell.DELTAGARE,
                "Aktiva",
                sum(r.totalt for r in kommun),
                sum(r.kvinnor for r in kommun),
                sum(r.man for r in kommun),
            ),
            sus.Rad(Tabell.DELTAGARE, "Nya", sum(r.totalt for r in own if r.tabell == Tabell.TID)),
            sus.Rad(
                Tabell.DELTAGARE,
                "Avslutade",
                sum(r.totalt for r in own if r.tabell == Tabell.AVSLUT),
            ),
        ]
        insats_services.period_save(actor=kansli, period=p, rader=own)
        insats_services.period_skicka_in(actor=kansli, period=p)
        insats_services.period_godkann(actor=kansli, period=p)


def _arrangemang_2017(kansli):
    """Each event's participants split over organisations and kön; the län-wide conference
    also had people from the other förbund, who do not count in the seed's column."""
    for namn, typ, datum, omrade in SEED_004_UTBILDNING:
        kvinnor = omrade * 2 // 3
        deltagare = [
            insats_services.DeltagarRad("Sala kommun", True, kvinnor // 2, (omrade - kvinnor) // 2),
            insats_services.DeltagarRad(
                "Region Västmanland",
                True,
                kvinnor - kvinnor // 2,
                omrade - kvinnor - (omrade - kvinnor) // 2,
            ),
        ]
        if typ == "konferens":
            deltagare.append(
                insats_services.DeltagarRad("Samordningsförbundet Västerås", False, 40, 12, 3)
            )
        insats_services.arrangemang_save(
            actor=kansli,
            arrangemang=Arrangemang(
                namn=namn, typ=typ, regi="egen", startdatum=datum, arrangor="NVSam"
            ),
            deltagare=[d for d in deltagare if d.kvinnor + d.man + d.ej_angivet],
        )


def _ekonomi_2017(kansli):
    """Seed 004's economy table as budget rows, prognoser and an imported SIE4 file (as in
    tests/ekonomi/test_rapport.py)."""
    ar = Verksamhetsar.objects.create(ar=2017, ingaende_eget_kapital=3_718_000)
    version = Budgetversion.objects.create(ar=ar, nummer=1, namn="Budget 2017", status="faststalld")
    transaktioner = []
    for i, (grupp, namn, intakt, budget, utfall, prognos) in enumerate(NVSAM_2017):
        konto = (3000 if grupp == Grupp.INTAKTER or intakt else 5000) + i * 10
        post = Budgetpost.objects.create(grupp=grupp, namn=namn, ordning=100 + i, intakt=intakt)
        post.konton.add(Konto.objects.create(nummer=konto, namn=namn))
        Budgetrad.objects.create(version=version, post=post, belopp=budget)
        Prognos.objects.create(ar=2017, post=post, belopp=prognos)
        if utfall:
            sign = -1 if (grupp == Grupp.INTAKTER or intakt) else 1
            transaktioner.append((konto, D(2017, 6, 30), Decimal(sign * utfall), namn))
    services.utfall_import(
        actor=kansli,
        data=sie4(transaktioner, ar=2017),
        filnamn="nvsam.se",
        ar=2017,
        per=D(2017, 8, 31),
    )


def _tabell(html: str, ident: str) -> str:
    start = html.index(f'id="{ident}"')
    return html[start : html.index("</table>", start)]


def _celler(tabell_html: str, etikett: str) -> list[str]:
    row = re.search(
        r"<t[hd][^>]*>" + re.escape(etikett) + r"(?: \(intäkt\))?</t[hd]>(.*?)</tr>",
        tabell_html,
        re.S,
    )
    assert row, etikett
    return [_nbsp(c) for c in re.findall(r'<td class="text-end">([^<]*)</td>', row.group(1))]


def test_seed_004_tables_rebuilt_from_stored_rows(demo):
    """Participants (SUS), utbildningar and the economy of seed 004, number by number."""
    forbund = Forbund.objects.get()
    for namn in KOMMUNER:
        Part.objects.create(forbund=forbund, namn=namn, typ="kommun")
    kansli = get_user_model().objects.get(username="forbundschef")
    _sus_2017(kansli)
    _arrangemang_2017(kansli)
    _ekonomi_2017(kansli)
    rapport = rapporter_services.verksamhetsrapport_create(
        actor=kansli, typ="delarsrapport", fran=D(2017, 1, 1), till=D(2017, 8, 31)
    )
    assert rapport.titel == "Delårsrapport januari–augusti 2017"
    html = client_for("ledamot").get(reverse("verksamhetsrapport_detail", args=[rapport.pk]))
    html = html.content.decode()

    # Samordningsteam: 96 participants (61 % women, 39 % men), 28 new.
    assert "totalt 96 personer (61\xa0% kvinnor och 39\xa0% män), varav 28 nya deltagare" in html
    kommun = _tabell(html, "sus-kommun")
    for namn, tot, k, m in SEED_004[Tabell.KOMMUN]:
        assert _celler(kommun, namn) == [str(tot), str(k), str(m)], namn
    assert _celler(kommun, "Totalt") == ["96", "59", "37"]
    for tabell in (Tabell.FORSORJNING_IN, Tabell.TID, Tabell.FORSORJNING_UT):
        t = _tabell(html, f"sus-{tabell}")
        for namn, tot in SEED_004[tabell]:
            assert _celler(t, namn)[0] == str(tot), (tabell, namn)
    avslut = _tabell(html, "sus-avslut")
    for namn, tot, snitt in SEED_004[Tabell.AVSLUT]:
        assert _celler(avslut, namn)[0] == str(tot) and _celler(avslut, namn)[3] == str(snitt)

    # Utbildning: participants from the förbund's area; the neighbours are counted apart.
    utb = _tabell(html, "arrangemangstabell")
    for namn, _typ, _datum, omrade in SEED_004_UTBILDNING:
        assert _celler(utb, namn)[0] == str(omrade), namn
    assert _celler(utb, "Lösningfokuserade ledtrådar")[3] == str(96 + 55)
    assert _celler(utb, "Totalt")[0] == str(96 + 6 + 18 + 33)

    # Ekonomiskt utfall per 2017-08-31 samt prognos: the lines add up (9 096 000, not the
    # printed 9 096 100), utfall and prognos as printed.
    eko = _tabell(html, "ekonomitabell")
    assert _celler(eko, "Medel från huvudmännen") == ["7 800 000", "6 337 500", "7 800 000"]
    assert _celler(eko, "Samordningsteamet FNS") == ["1 897 000", "769 933", "1 687 000"]
    assert _celler(eko, "Summa kostnader") == ["9 096 000", "3 519 716", "8 717 781"]
    assert _celler(eko, "Summa intäkter") == ["8 136 000", "6 361 500", "8 136 000"]
    assert _celler(eko, "Resultat (intäkter − kostnader)") == ["−960 000", "2 841 784", "−581 781"]
    assert (
        "vid utgången av 2017 att ha minskat det egna kapitalet till 3\xa0136\xa0219\xa0kr" in html
    )
    assert "Ekonomiskt utfall per 2017-08-31 samt prognos för helår 2017" in html


@pytest.fixture
def demo_rapport(moten):
    """A draft of the årsredovisning 2021: a new edition of the one the demo's board
    approved in February 2022 (its texts copied), so the figures are live again."""
    godkand = Verksamhetsrapport.objects.get(typ="arsredovisning", fran=D(2021, 1, 1), utgava=1)
    assert godkand.status == "godkand"
    return rapporter_services.verksamhetsrapport_ny_utgava(actor=None, fran=godkand)


def _godkann(rapport, moten):
    from moten import services as moten_services

    kansli = get_user_model().objects.get(username="forbundschef")
    paragraf = moten_services.paragraf_create(
        actor=kansli,
        protokoll=moten.numrerat.protokoll,
        rubrik="Årsredovisning 2021",
        beslut=["godkänna årsredovisningen för 2021"],
    )
    response = client_for("forbundschef").post(
        reverse("verksamhetsrapport_godkann", args=[rapport.pk]), {"paragraf": paragraf.pk}
    )
    assert response.status_code == 302
    rapport.refresh_from_db()
    return paragraf


def test_demo_report_matches_the_other_pages_is_approved_and_locked(demo_rapport, moten):
    rapport = demo_rapport
    ledamot = client_for("ledamot")
    html = _nbsp(
        ledamot.get(reverse("verksamhetsrapport_detail", args=[rapport.pk])).content.decode()
    )
    # Ekonomi: the same figures as the ekonomi app's delårs table for 2021.
    ekonomi = _nbsp(ledamot.get(reverse("ekonomi_delarsrapport", args=[2021])).content.decode())
    for figur in ("7 378 000", "7 666 000", "−288 000", "1 219 000"):
        assert figur in ekonomi and figur in html, figur
    # The year's books ended as the prognos said.
    assert _celler(_tabell(html, "ekonomitabell"), "Summa kostnader") == [
        "7 378 000",
        "7 666 000",
        "7 666 000",
    ]
    # Insatser: the SUS report of the same dates.
    sus_page = _nbsp(
        ledamot.get(
            reverse("sus_rapport"), {"fran": "2021-01-01", "till": "2021-12-31"}
        ).content.decode()
    )
    assert re.search(r"Aktiva</th>\s*<td class=\"text-end\">42<", sus_page)
    assert "totalt 42 personer (62 % kvinnor och 38 % män), varav 17 nya deltagare" in html
    # Styrelsen: the meeting of 2021-11-26 and its decisions from the beslutsregister.
    register = ledamot.get(reverse("beslutsregister"), {"ar": 2021}).content.decode()
    assert "Styrelsemöte 2021-11-26" in html
    paragraf_161 = moten.justerad_paragraf
    att = paragraf_161.beslut.first().text
    assert att in unescape(register) and f"att {att}" in unescape(html)
    assert f"§ 161 {paragraf_161.rubrik}" in html
    # Arrangemang 2021: Psykeveckan had 69 from the area (48 women, 18 men), 78 in all.
    assert _celler(
        _tabell(html, "arrangemangstabell"), "Psykeveckan 2021: psykisk hälsa i arbetslivet"
    )[:4] == [
        "69",
        "48",
        "18",
        "78",
    ]

    # The kansli edits a section of the draft.
    kansli = client_for("forbundschef")
    avsnitt = rapport.avsnitt.get(nyckel="planerat")
    url = reverse("rapportavsnitt_edit", args=[rapport.pk, "planerat"])
    response = kansli.post(url, {"text": "- Nätverksdag i oktober", "version": avsnitt.version})
    assert response.status_code == 302
    # A second save from the same starting version is refused, with both texts shown.
    response = kansli.post(url, {"text": "Min egen text", "version": avsnitt.version})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Någon annan har sparat avsnittet" in page and "Min egen text" in page
    assert "<li>Nätverksdag i oktober</li>" in page
    assert kansli.post(url, {"text": "x"}).status_code == 422  # no version: nothing saved
    assert client_for("ordforande").post(url, {"text": "x", "version": 2}).status_code == 403

    # Approval in a paragraph locks the edition and stores its figures.
    paragraf = _godkann(rapport, moten)
    assert rapport.status == "godkand" and rapport.paragraf == paragraf
    assert rapport.innehall["ekonomi"]["kostnader"]["prognos"] == 7_666_000
    response = kansli.post(url, {"text": "Ändrat efteråt", "version": 2}, follow=True)
    assert "är godkänd av styrelsen i § " in response.content.decode()
    assert rapport.avsnitt.get(nyckel="planerat").text == "- Nätverksdag i oktober"
    with pytest.raises(rapporter_services.Fel, match="kan inte ändras"):
        rapporter_services.rapportavsnitt_save(actor=None, avsnitt=avsnitt, text="x", version=2)
    # The database refuses too, whatever the path.
    with pytest.raises(DatabaseError, match="godkänd av styrelsen"), transaction.atomic():
        Rapportavsnitt.objects.filter(rapport=rapport).update(text="rå SQL")
    with pytest.raises(DatabaseError, match="godkänd av styrelsen"), transaction.atomic():
        Verksamhetsrapport.objects.filter(pk=rapport.pk).delete()

    # Later data does not change the approved edition; a new edition shows it live.
    kansli_user = get_user_model().objects.get(username="forbundschef")
    post = Budgetpost.objects.get(namn="Konsulter")
    services.prognos_save(actor=kansli_user, ar=2021, belopp={post: 854_000})
    godkand = _nbsp(
        ledamot.get(reverse("verksamhetsrapport_detail", args=[rapport.pk])).content.decode()
    )
    assert _celler(_tabell(godkand, "ekonomitabell"), "Summa kostnader")[2] == "7 666 000"
    response = kansli.post(reverse("verksamhetsrapport_ny_utgava", args=[rapport.pk]))
    ny = Verksamhetsrapport.objects.get(typ="arsredovisning", fran=D(2021, 1, 1), utgava=3)
    assert response["Location"] == reverse("verksamhetsrapport_detail", args=[ny.pk])
    assert ny.foregaende == rapport and ny.avsnitt.get(nyckel="planerat").text.startswith("- Nät")
    live = _nbsp(ledamot.get(reverse("verksamhetsrapport_detail", args=[ny.pk])).content.decode())
    assert _celler(_tabell(live, "ekonomitabell"), "Summa kostnader")[2] == "7 766 000"
    # Only one draft at a time.
    kansli.post(reverse("verksamhetsrapport_ny_utgava", args=[rapport.pk]))
    assert Verksamhetsrapport.objects.filter(typ="arsredovisning", fran=D(2021, 1, 1)).count() == 3


def test_pdf_docx_and_word_html(demo_rapport, moten):
    import docx
    import pypdf

    rapport = demo_rapport
    _godkann(rapport, moten)
    response = client_for("revisor").get(reverse("verksamhetsrapport_pdf", args=[rapport.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    sidor = [_nbsp(p.extract_text()) for p in reader.pages]
    text = "\n".join(sidor)
    n = len(sidor)
    assert n >= 3
    for i, sida in enumerate(sidor, start=1):
        assert f"Sida {i} av {n}" in sida
        assert "SAMORDNINGSFÖRBUNDET SUNDSVALL" in sida
    rubriker = [
        "Om förbundet och dess ändamål",
        "Styrelsens arbete",
        "Insatser och deltagare",
        "Utbildningar och arrangemang",
        "Planerade aktiviteter 2022",
        "Ekonomiskt utfall 2021",
    ]
    innehall = sidor[0]
    for r in rubriker:
        # In the table of contents with the page it starts on, and as a heading on that page.
        m = re.search(re.escape(r) + r"[ .]*(\d+)", innehall)
        assert m, r
        assert r in sidor[int(m.group(1)) - 1], r
    for figur in ("7 378 000", "7 666 000", "1 219 000", "Sundsvalls kommun", "§ 161", "42"):
        assert figur in text, figur
    assert "Godkänd av styrelsen i §" in text

    response = client_for("ledamot").get(reverse("verksamhetsrapport_docx", args=[rapport.pk]))
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for r in rubriker:
        assert r in headings, r
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "7 666 000".replace(" ", "\xa0") in cells

    response = client_for("ledamot").get(reverse("verksamhetsrapport_html", args=[rapport.pk]))
    html = response.content.decode()
    assert response["Content-Disposition"].startswith("attachment")
    assert "<script" not in html and "<style" not in html
    assert 'id="ekonomitabell" border="1"' in html  # Word draws the grid
    for r in rubriker:
        assert f"<h2>{r}</h2>" in html


def test_create_is_kansli_only_and_refuses_a_duplicate(moten):
    kansli = client_for("forbundschef")
    url = reverse("verksamhetsrapport_create")
    response = kansli.post(
        url, {"typ": "delarsrapport", "fran": "2022-01-01", "till": "2022-04-30"}
    )
    ny = Verksamhetsrapport.objects.get(typ="delarsrapport", till=D(2022, 4, 30))
    assert response["Location"] == reverse("verksamhetsrapport_detail", args=[ny.pk])
    assert ny.titel == "Delårsrapport januari–april 2022" and ny.avsnitt.count() == 6
    # The demo's own delårsrapport for the SIP tertial: the same figures as the other pages.
    page = client_for("ledamot").get(reverse("verksamhetsrapport_detail", args=[ny.pk]))
    html = page.content.decode()
    sus_page = client_for("ledamot").get(
        reverse("sus_rapport"), {"fran": "2022-01-01", "till": "2022-04-30"}
    )
    assert re.search(r"Aktiva</th>\s*<td class=\"text-end\">18<", sus_page.content.decode())
    assert "totalt 18 personer (61\xa0% kvinnor och 39\xa0% män), varav 18 nya deltagare" in html
    # The demo's meetings of January–April 2022, all justerade.
    for datum in ("2022-01-21", "2022-02-18", "2022-03-25"):
        assert f"Styrelsemöte {datum}" in html
    assert "Protokollet är inte justerat än" not in html
    arr = _tabell(html, "arrangemangstabell")
    assert _celler(arr, "Introduktion till SIP för nya handläggare")[:3] == ["18", "14", "4"]
    # The budget 2022 (fastställd in § 168) against the books per 2022-04-30.
    per = (
        client_for("ledamot")
        .get(reverse("ekonomi_delarsrapport", args=[2022]), {"per": "2022-04-30"})
        .content.decode()
    )
    rapportrad = rader(html, inom="ekonomitabell")["Summa kostnader"]
    assert rapportrad == rader(per)["Summa kostnader"][:3]
    assert tal(rapportrad[0]) > 7_000_000 and tal(rapportrad[1]) > 0
    # A period the portal has nothing for says so.
    tom = kansli.post(url, {"typ": "delarsrapport", "fran": "2020-01-01", "till": "2020-04-30"})
    tom_html = client_for("ledamot").get(tom["Location"]).content.decode()
    assert "Portalen har ingen budget och inget utfall för 2020." in tom_html
    assert "Styrelsen har inte haft något möte under perioden." in tom_html
    again = kansli.post(url, {"typ": "delarsrapport", "fran": "2022-01-01", "till": "2022-04-30"})
    assert again.status_code == 422 and "Det finns redan en rapport" in again.content.decode()
    bad = kansli.post(url, {"typ": "delarsrapport", "fran": "2022-05-01", "till": "2022-04-30"})
    assert bad.status_code == 422 and 'value="2022-05-01"' in bad.content.decode()
    assert client_for("ordforande").post(url, {}).status_code == 403
    # Approval before the period has ended is refused with a reason.
    from moten.models import Paragraf

    p = Paragraf.objects.filter(protokoll__mote__datum=D(2022, 1, 21), nummer=5).get()
    response = kansli.post(
        reverse("verksamhetsrapport_godkann", args=[ny.pk]), {"paragraf": p.pk}, follow=True
    )
    assert "ligger före periodens slut" in response.content.decode()
    ny.refresh_from_db()
    assert ny.status == "utkast"


def test_report_page_query_count_does_not_grow(demo_rapport, moten, django_assert_max_num_queries):
    from forbund.models import Organ
    from moten import services as moten_services

    client = client_for("ledamot")
    url = reverse("verksamhetsrapport_detail", args=[demo_rapport.pk])
    with django_assert_max_num_queries(30) as before:
        assert client.get(url).status_code == 200
    kansli = get_user_model().objects.get(username="forbundschef")
    styrelsen = Organ.objects.get(typ="styrelse")
    for i in range(3):
        moten_services.mote_create(
            actor=kansli, organ=styrelsen, datum=D(2021, 3 + i, 10), plats="Kommunhuset"
        )
    for i in range(10):
        insats_services.arrangemang_save(
            actor=kansli,
            arrangemang=Arrangemang(
                namn=f"Workshop {i}",
                typ="workshop",
                regi="egen",
                startdatum=D(2021, 4, 1 + i),
                arrangor="F",
            ),
            deltagare=[insats_services.DeltagarRad("Sundsvalls kommun", True, 3, 2, 0)],
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        html = client.get(url).content.decode()
    assert "Workshop 9" in html and "Styrelsemöte 2021-05-10" in html
