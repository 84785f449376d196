"""Participant statistics: the SUS rules, the period workflow, import all or nothing, and
seed 004's tables rebuilt from stored periods."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forbund.models import Part
from insatser import services, sus
from insatser.models import Insats, Period, Statistikrad, Tabell

from ..conftest import client_for

D = dt.date


@pytest.fixture
def sip(seed_moten):
    return Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")


def _post_period(client, period, values, submit=False):
    data = dict(values)
    if submit:
        data["skicka"] = "1"
    return client.post(reverse("period_edit", args=[period.pk]), data)


def _field(tabell, kategori, falt):
    kommuner = list(
        Part.objects.filter(typ="kommun").order_by("ordning", "namn").values_list("namn", flat=True)
    )
    return f"{tabell}-{sus.kategorier(tabell, kommuner).index(kategori)}-{falt}"


def test_rules_in_swedish():
    rader = [
        sus.Rad(Tabell.DELTAGARE, "Aktiva", 10, 6, 4),
        sus.Rad(Tabell.DELTAGARE, "Nya", 4, 2, 2),
        sus.Rad(Tabell.DELTAGARE, "Avslutade", 2, 1, 1),
        sus.Rad(Tabell.KOMMUN, "Sundsvalls kommun", 9, 6, 3),
        sus.Rad(Tabell.TID, "1–3 år", 4, 2, 2),
        sus.Rad(Tabell.AVSLUT, "Studier", 2, 1, 1, 10),
        sus.Rad(Tabell.FORSORJNING_UT, "Studiemedel", 3, 2, 1),
    ]
    fel = sus.validera(rader)
    assert "Deltagare per kommun (totalt) summerar till 9, men aktiva deltagare är 10." in fel
    assert "Deltagare per kommun (män) summerar till 3, men aktiva deltagare är 4." in fel
    assert any(
        "Försörjning vid avslut, Studiemedel: fler (3) än avslutade deltagare (2)" in f for f in fel
    )
    assert len(fel) == 3
    assert sus.validera([sus.Rad(Tabell.DELTAGARE, "Aktiva", 3, 2, 2)])[0].startswith(
        "Deltagare, Aktiva: kvinnor (2) och män (2) är fler än totalt (3)."
    )


def test_staff_enter_submit_and_kansli_approves(sip):
    staff = client_for("insatspersonal")
    response = staff.post(
        reverse("period_create", args=[sip.pk]), {"fran": "2022-05-01", "till": "2022-08-31"}
    )
    period = Period.objects.get(insats=sip, fran=D(2022, 5, 1))
    assert response["Location"] == reverse("period_edit", args=[period.pk])
    # SUS carries over those active at the end of the period before (18 aktiva − 3 avslutade
    # in 2022-01-01–2022-04-30): the new period starts from them, and says so.
    page = staff.get(response["Location"]).content.decode()
    assert f'name="{_field("deltagare", "Aktiva", "totalt")}" value="15"' in page
    assert "15 deltagare (9 kvinnor, 6 män) var aktiva när perioden började" in page
    values = {
        _field("deltagare", "Aktiva", "totalt"): 20,
        _field("deltagare", "Aktiva", "kvinnor"): 12,
        _field("deltagare", "Aktiva", "man"): 8,
        _field("deltagare", "Nya", "totalt"): 5,
        _field("deltagare", "Nya", "kvinnor"): 3,
        _field("deltagare", "Nya", "man"): 2,
        _field("kommun", "Sundsvalls kommun", "totalt"): 19,
        _field("kommun", "Sundsvalls kommun", "kvinnor"): 12,
        _field("kommun", "Sundsvalls kommun", "man"): 7,
        _field("tid", "1–3 år", "totalt"): 5,
    }
    # Sending in figures that do not add up: saved as a draft, not sent, and every rule named,
    # each with a link to its field, the fields it concerns marked and described by it.
    response = _post_period(staff, period, values, submit=True)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Utkastet är sparat men inte inskickat" in html
    kommun = _field("kommun", "Sundsvalls kommun", "totalt")
    assert (
        f'<a href="#id_{kommun}">Deltagare per kommun (totalt) summerar till 19, men aktiva '
        "deltagare är 20.</a>" in html
    )
    assert f'<a href="#id_{_field("kommun", "Sundsvalls kommun", "man")}">' in html
    felid = re.search(
        r'<p class="invalid-feedback d-block mb-2" id="(regelfel-\d+)">Deltagare per kommun \(totalt\)',
        html,
    ).group(1)
    falt = re.search(rf'<input[^>]*name="{kommun}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in falt and felid in falt
    assert 'value="19"' in falt  # what was typed is kept
    # The rule is written beside its table with the number it must reach.
    assert "Totalt ska bli <strong data-malvarde>20</strong>, som aktiva deltagare." in html
    period.refresh_from_db()
    assert period.status == "utkast"
    # A negative number is refused field by field.
    bad = _post_period(staff, period, {**values, _field("deltagare", "Nya", "totalt"): -1})
    assert bad.status_code == 422 and "Antal kan inte vara negativt." in bad.content.decode()

    values[_field("kommun", "Sundsvalls kommun", "totalt")] = 20
    values[_field("kommun", "Sundsvalls kommun", "man")] = 8
    assert _post_period(staff, period, values, submit=True).status_code == 302
    period.refresh_from_db()
    assert period.status == "inskickad" and period.inskickad_av.username == "insatspersonal"
    # Staff cannot approve their own figures; the kansli sends it back, then approves.
    assert staff.post(reverse("period_godkann", args=[period.pk])).status_code == 403
    kansli = client_for("forbundschef")
    kansli.post(
        reverse("period_komplettering", args=[period.pk]),
        {"kommentar": "Kontrollera nya deltagare."},
    )
    period.refresh_from_db()
    assert period.status == "komplettering"
    page = staff.get(reverse("period_edit", args=[period.pk])).content.decode()
    assert "Kontrollera nya deltagare." in page
    _post_period(staff, period, values, submit=True)
    kansli.post(reverse("period_godkann", args=[period.pk]))
    period.refresh_from_db()
    assert period.status == "godkand" and period.godkand_av.username == "forbundschef"
    # Locked: a crafted POST changes nothing.
    _post_period(staff, period, {**values, _field("deltagare", "Aktiva", "totalt"): 99})
    assert period.rader.get(tabell="deltagare", kategori="Aktiva").totalt == 20
    # The board's overview shows the new figures.
    overview = client_for("ledamot").get(reverse("insats_list"), {"ar": 2022}).content.decode()
    assert "2022-05-01–2022-08-31" in overview


def test_import_is_all_or_nothing_with_line_numbers(sip):
    kansli = get_user_model().objects.get(username="forbundschef")
    period = services.period_create(
        actor=kansli, insats=sip, fran=D(2022, 9, 1), till=D(2022, 12, 31)
    )
    good = (
        "tabell;kategori;totalt;kvinnor;man;manader\n"
        "deltagare;Aktiva;5;3;2;0\n"
        "deltagare;Nya;1;1;0;0\n"
        "kommun;Sundsvalls kommun;5;3;2;0\n"
        "tid;4–6 år;1;1;0;0\n"
    )
    bad = (
        good
        + "kommun;Timrå;1;1;0;0\nforsorjning_in;Försörjningsstöd;-2;0;0;0\ndeltagare;Aktiva;x;1;1;0\n"
    )
    with pytest.raises(services.Fel) as exc:
        services.statistik_import(
            actor=kansli,
            period=period,
            data=bad.encode(),
            kommuner=["Sundsvalls kommun"],
        )
    assert exc.value.fel == [
        "Rad 6: okänd kategori ”Timrå” i deltagare per folkbokföringskommun.",
        "Rad 7: antal kan inte vara negativt.",
        "Rad 8: deltagare finns redan på en tidigare rad."
        if False
        else "Rad 8: Aktiva finns redan på en tidigare rad.",
    ]
    assert not period.rader.exists()
    staff = client_for("insatspersonal")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = staff.post(
        reverse("period_import", args=[period.pk]),
        {"fil": SimpleUploadedFile("sus.csv", bad.encode("cp1252", "replace"))},
    )
    assert response.status_code == 422 and "Inget importerades" in response.content.decode()
    response = staff.post(
        reverse("period_import", args=[period.pk]),
        {"fil": SimpleUploadedFile("sus.csv", good.encode())},
    )
    assert response.status_code == 302
    assert period.rader.count() == 4


# Seed 004, "Samordningsteam" jan–aug 2017: three teams, 96 participants.
SEED_004 = {
    Tabell.KOMMUN: [
        ("Sala", 35, 20, 15),
        ("Hallstahammar", 24, 13, 11),
        ("Surahammar", 10, 7, 3),
        ("Skinnskatteberg", 5, 4, 1),
        ("Norberg", 7, 5, 2),
        ("Fagersta", 15, 10, 5),
    ],
    Tabell.FORSORJNING_IN: [
        ("Försörjningsstöd", 19),
        ("Aktivitetsersättning", 2),
        ("Sjukpenning/Rehabpenning", 5),
        ("Aktivitetsstöd", 3),
        ("Arbetslöshetsersättning (a-kassa)", 1),
    ],
    Tabell.TID: [("1–3 år", 12), ("4–6 år", 5), ("7–9 år", 6), ("Mer än 9 år", 5)],
    Tabell.AVSLUT: [
        ("Osubventionerat arbete", 1, 3),
        ("Subventionerat arbete", 1, 16),
        ("Aktivt arbetsökande utan behov av samordnat stöd", 6, 15),
        ("Studier", 3, 11),
        (
            "Fortsatt rehabilitering (i ordinarie myndighets verksamhet eller i annan samverkansinsats)",
            7,
            16,
        ),
        (
            "Sjukdom/försämrat hälsotillstånd (inte möjligt att i dagsläget fortsätta i insatsen pga hälsoläget)",
            7,
            14,
        ),
    ],
    Tabell.FORSORJNING_UT: [
        ("Ingen offentlig försörjning", 2),
        ("Arbetslöshetsersättning (a-kassa)", 1),
        ("Aktivitetsstöd (Af)", 2),
        ("Studiemedel", 2),
        ("Sjukpenning/Rehabpenning", 7),
        ("Försörjningsstöd", 9),
        ("Aktivitetsersättning", 3),
    ],
}


def _split(total: int, parts: int) -> list[int]:
    """Spread a total over the teams the way real figures spread: unevenly, summing exactly."""
    base = [total // parts] * parts
    for i in range(total - sum(base)):
        base[i] += 1
    return base


def test_seed_004_sus_tables_rebuilt_from_stored_periods(db, demo):
    from forbund.models import Forbund

    forbund = Forbund.objects.get()
    for namn in ("Sala", "Hallstahammar", "Surahammar", "Skinnskatteberg", "Norberg", "Fagersta"):
        Part.objects.create(forbund=forbund, namn=namn, typ="kommun")
    kansli = get_user_model().objects.get(username="forbundschef")
    teams = [
        Insats.objects.create(namn=f"Samordningsteamet {n}", typ="individinriktad")
        for n in ("FNS", "Hallsta-Sura", "Sala")
    ]
    # Each team's own figures (per kommun where its people live); the report sums them.
    kommun_team = {
        "Sala": 2,
        "Hallstahammar": 1,
        "Surahammar": 1,
        "Skinnskatteberg": 0,
        "Norberg": 0,
        "Fagersta": 0,
    }
    perioder = [
        services.period_create(actor=kansli, insats=t, fran=D(2017, 1, 1), till=D(2017, 8, 31))
        for t in teams
    ]
    rader = {p.pk: [] for p in perioder}
    for namn, tot, k, m in SEED_004[Tabell.KOMMUN]:
        rader[perioder[kommun_team[namn]].pk].append(sus.Rad(Tabell.KOMMUN, namn, tot, k, m))
    for tabell in (Tabell.FORSORJNING_IN, Tabell.TID, Tabell.FORSORJNING_UT):
        for namn, tot in SEED_004[tabell]:
            for p, n in zip(perioder, _split(tot, 3), strict=True):
                if n:
                    rader[p.pk].append(sus.Rad(tabell, namn, n))
    for namn, tot, snitt in SEED_004[Tabell.AVSLUT]:
        for p, n in zip(perioder, _split(tot, 3), strict=True):
            if n:
                rader[p.pk].append(
                    sus.Rad(tabell=Tabell.AVSLUT, kategori=namn, totalt=n, manader=n * snitt)
                )
    for p in perioder:
        own = rader[p.pk]
        kommun = [r for r in own if r.tabell == Tabell.KOMMUN]
        aktiva = sus.Rad(
            Tabell.DELTAGARE,
            "Aktiva",
            sum(r.totalt for r in kommun),
            sum(r.kvinnor for r in kommun),
            sum(r.man for r in kommun),
        )
        nya = sum(r.totalt for r in own if r.tabell == Tabell.TID)
        avslutade = sum(r.totalt for r in own if r.tabell == Tabell.AVSLUT)
        own += [
            aktiva,
            sus.Rad(Tabell.DELTAGARE, "Nya", nya),
            sus.Rad(Tabell.DELTAGARE, "Avslutade", avslutade),
        ]
        services.period_save(actor=kansli, period=p, rader=own)
        services.period_skicka_in(actor=kansli, period=p)
        services.period_godkann(actor=kansli, period=p)
    assert Statistikrad.objects.count() > 40

    page = client_for("ledamot").get(
        reverse("sus_rapport"), {"fran": "2017-01-01", "till": "2017-08-31"}
    )
    html = page.content.decode()
    import re

    sections = {
        Tabell.DELTAGARE: "Deltagare</caption>",
        Tabell.KOMMUN: "Antal deltagare per kommun",
        Tabell.FORSORJNING_IN: "försörjning vid inskrivning",
        Tabell.TID: "Tid i offentlig försörjning",
        Tabell.AVSLUT: "Avslutsanledningar",
        Tabell.FORSORJNING_UT: "försörjning vid avslut",
    }

    def table(tabell):
        start = html.index(sections[tabell])
        return html[start : html.index("</table>", start)]

    def cells(label, tabell=Tabell.KOMMUN):
        pattern = r'<th scope="row"[^>]*>' + re.escape(label) + r"</th>(.*?)</tr>"
        row = re.search(pattern, table(tabell), re.S).group(1)
        return [
            int(x) if x.isdigit() else x
            for x in re.findall(r'<td class="text-end">([^<]*)</td>', row)
        ]

    for namn, tot, k, m in SEED_004[Tabell.KOMMUN]:
        assert cells(namn)[:3] == [tot, k, m], namn
    totalt = re.search(r'<th scope="row">Totalt</th>(.*?)</tr>', table(Tabell.KOMMUN), re.S)
    assert re.findall(r">(\d+)<", totalt.group(1)) == ["96", "59", "37"]
    for tabell in (Tabell.FORSORJNING_IN, Tabell.TID, Tabell.FORSORJNING_UT):
        for namn, tot in SEED_004[tabell]:
            assert cells(namn, tabell)[0] == tot, (tabell, namn)
    for namn, tot, snitt in SEED_004[Tabell.AVSLUT]:
        assert cells(namn, Tabell.AVSLUT)[0] == tot, namn
        assert cells(namn, Tabell.AVSLUT)[3] == snitt, namn
    assert cells("Aktiva", Tabell.DELTAGARE)[:3] == [96, 59, 37]
    assert cells("Nya", Tabell.DELTAGARE)[0] == 28
    # The seed's text says 26 ended, but its own table of reasons adds up to 25: the
    # portal shows what the stored rows add up to.
    assert cells("Avslutade", Tabell.DELTAGARE)[0] == 25


def test_sus_tables_export_to_excel(sip):
    import io

    import openpyxl

    response = client_for("ledamot").get(
        reverse("sus_rapport"), {"fran": "2022-01-01", "till": "2022-04-30", "format": "xlsx"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    deltagare = wb["Deltagare"]
    assert [c.value for c in deltagare[2]] == ["Aktiva", 18, 11, 7]
    assert wb["Avslutsanledningar"]["E2"].value == 4  # mean months, computed from the rows


def test_insats_tables_export_to_excel(sip):
    import io

    import openpyxl

    response = client_for("insatspersonal").get(reverse("insats_xlsx", args=[sip.pk]))
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(wb["Deltagare per period"].values)
    assert rows[1][3:6] == (18, 11, 7)
    assert sorted(r[1] for r in list(wb["Mål"].values)[1:]) == [
        "10 avslut till arbete eller studier",
        "40 deltagare med SIP under 2022",
    ]
    # One policy (issue 18): staff see their own insats's grants, as on its page.
    assert "Beviljade medel" in wb.sheetnames


def test_tid_counts_only_those_who_had_offentlig_forsorjning():
    """A new participant with "ingen offentlig försörjning" has no time in it: the bands add
    up to the new participants less those."""
    rader = [
        sus.Rad(Tabell.DELTAGARE, "Aktiva", 10, 6, 4),
        sus.Rad(Tabell.DELTAGARE, "Nya", 10, 6, 4),
        sus.Rad(Tabell.KOMMUN, "Sundsvalls kommun", 10, 6, 4),
        sus.Rad(Tabell.FORSORJNING_IN, "Försörjningsstöd", 7, 4, 3),
        sus.Rad(Tabell.FORSORJNING_IN, sus.INGEN, 3, 2, 1),
        sus.Rad(Tabell.TID, "1–3 år", 7, 4, 3),
    ]
    assert sus.validera(rader) == []
    rader[-1] = sus.Rad(Tabell.TID, "1–3 år", 10, 6, 4)
    fel = sus.regelfel(rader)
    assert [f.text for f in fel] == [
        "Tid i offentlig försörjning summerar till 10, men nya deltagare är 10 och 3 av dem "
        "hade ingen offentlig försörjning: summan ska bli 7."
    ]
    assert (fel[0].tabell, fel[0].falt, fel[0].kategorier) == (Tabell.TID, ("totalt",), ())


def test_carried_over_participants_and_the_new_make_the_active():
    ingang = sus.Ingang(totalt=15, kvinnor=9, man=6, fran="2022-01-01–2022-04-30")
    rader = [
        sus.Rad(Tabell.DELTAGARE, "Aktiva", 20, 12, 8),
        sus.Rad(Tabell.DELTAGARE, "Nya", 2, 1, 1),
        sus.Rad(Tabell.KOMMUN, "Sundsvalls kommun", 20, 12, 8),
        sus.Rad(Tabell.TID, "1–3 år", 2, 1, 1),
    ]
    assert sus.validera(rader) == []  # without the period before, no such rule
    assert sus.validera(rader, ingang) == [
        "Aktiva deltagare är 20, men 15 var aktiva när perioden började (från perioden "
        "2022-01-01–2022-04-30) och 2 är nya: 17."
    ]
