"""Checks before the irreversible steps: each refusal names what to fix with a link to fix it;
warnings are confirmed. Numbers follow the meetings' order; an inställt meeting steps aside."""

import datetime as dt

import pytest
from django.urls import reverse

from forbund.models import Organ, Person
from moten import dokument, kontroller, services

from ..conftest import client_for

ORDFORANDE = {"user__username": "ordforande"}
LEDAMOT = {"user__username": "ledamot"}


def _mote(
    datum, *, justerare_text="utse Fredrika Alnö att jämte ordföranden justera dagens protokoll."
):
    mote = services.mote_create(
        actor=None,
        organ=Organ.objects.get(typ=Organ.Typ.STYRELSE),
        datum=datum,
        plats="Rum 654",
    )
    services.paragraf_create(
        actor=None,
        protokoll=mote.protokoll,
        rubrik="Val av justerare",
        standard="justerare",
        beslut=[justerare_text],
    )
    return mote.protokoll


def _narvaro(protokoll, **kategori_per_efternamn):
    services.narvaro_save(
        actor=None,
        protokoll=protokoll,
        rader=[
            services.NarvaroRad(kategori=kategori, namn=p.namn, person=p)
            for efternamn, kategori in kategori_per_efternamn.items()
            for p in Person.objects.filter(efternamn=efternamn)
        ],
    )


def _kontroll(protokoll, *, justerare=None, idag=dt.date(2023, 6, 1)):
    return kontroller.for_numrering(
        dokument.hamta(protokoll.pk),
        ordforande=Person.objects.get(**ORDFORANDE),
        justerare=[justerare or Person.objects.get(**LEDAMOT)],
        idag=idag,
    )


def _texter(brister):
    return [b.text for b in brister]


@pytest.fixture
def april(seed_moten):
    """A meeting of 2023 (no earlier unnumbered one that year), ready but for what a test
    takes away."""
    protokoll = _mote(dt.date(2023, 4, 28))
    _narvaro(protokoll, Ödmark="ordinarie", Alnö="ordinarie", Skönvik="ordinarie")
    return protokoll


def test_a_ready_protocol_passes(april):
    kontroll = _kontroll(april)
    assert kontroll.fel == [] and kontroll.varningar == []


def test_no_narvaro(april):
    services.narvaro_save(actor=None, protokoll=april, rader=[])
    (brist,) = _kontroll(april).fel
    assert brist.text.startswith("Ingen närvaro är registrerad")
    assert brist.href == reverse("narvaro_edit", args=[april.pk])


def test_quorum_needs_more_than_half_present_and_serving(april):
    # Two of four ordinarie present and serving: not more than half.
    _narvaro(
        april, Ödmark="ordinarie", Alnö="ordinarie", Bergvik="franvarande", Ringblad="ersattare"
    )
    (brist,) = _kontroll(april).fel
    assert "Styrelsen var inte beslutsför: 2 av 4 ledamöter" in brist.text
    # An ersättare serving for the absent ordinarie counts.
    _narvaro(april, Ödmark="ordinarie", Alnö="ordinarie", Ringblad="tjanstgorande_ersattare")
    assert _kontroll(april).fel == []


def test_a_justerare_who_was_absent_or_not_serving(april):
    _narvaro(
        april, Ödmark="ordinarie", Skönvik="ordinarie", Bergvik="ordinarie", Alnö="franvarande"
    )
    (brist,) = _kontroll(april).fel
    assert brist.text == (
        "Fredrika Alnö ska justera som justerare men står som ”frånvarande”. Den som justerar "
        "ska ha varit närvarande och tjänstgörande vid sammanträdet."
    )
    assert brist.href == reverse("narvaro_edit", args=[april.pk])
    ringblad = Person.objects.get(efternamn="Ringblad")  # an ersättare, present, not serving
    _narvaro(
        april, Ödmark="ordinarie", Skönvik="ordinarie", Bergvik="ordinarie", Ringblad="ersattare"
    )
    fel = _texter(_kontroll(april, justerare=ringblad).fel)
    assert any(
        "Tove Ringblad ska justera som justerare men står som ”närvarande ersättare”" in t
        for t in fel
    )


def test_a_justerare_without_login_with_a_link_to_create_one(april):
    bergvik = Person.objects.get(efternamn="Bergvik")  # vice ordförande, no login
    _narvaro(april, Ödmark="ordinarie", Alnö="ordinarie", Bergvik="ordinarie")
    services.paragraf_update(
        actor=None,
        paragraf=april.paragrafer.get(),
        version=1,
        rubrik="Val av justerare",
        text="",
        bilagor="",
        beslut=["utse Johan Bergvik att jämte ordföranden justera dagens protokoll."],
        jav=[],
    )
    (brist,) = _kontroll(april, justerare=bergvik).fel
    assert "Johan Bergvik (justerare) har ingen inloggning" in brist.text
    assert brist.href == reverse("konto_create", args=[bergvik.pk])
    assert brist.lanktext == "Skapa en inloggning för Johan Bergvik"


def test_the_unedited_template_text_of_val_av_justerare(seed_moten):
    protokoll = _mote(
        dt.date(2023, 4, 28),
        justerare_text="utse … att jämte ordföranden justera dagens protokoll.",
    )
    _narvaro(protokoll, Ödmark="ordinarie", Alnö="ordinarie", Skönvik="ordinarie")
    (brist,) = _kontroll(protokoll).fel
    assert "har kvar mallens text" in brist.text
    assert brist.href == reverse("paragraf_edit", args=[protokoll.paragrafer.get().pk])


def test_a_justerare_the_paragraph_does_not_name_is_a_warning(april):
    skonvik = Person.objects.get(efternamn="Skönvik")
    kontroll = _kontroll(april, justerare=skonvik)
    assert kontroll.fel == []
    assert _texter(kontroll.varningar) == [
        "Paragrafen ”Val av justerare” nämner inte Petter Skönvik, som är vald att justera."
    ]


def test_not_before_the_meeting(april):
    (brist,) = _kontroll(april, idag=dt.date(2023, 4, 27)).fel
    assert brist.text.startswith("Sammanträdet är 2023-04-28: protokollet kan numreras först")
    assert brist.href == reverse("mote_edit", args=[april.mote_id])


def test_numbers_follow_the_meetings_order_and_an_installt_meeting_steps_aside(april):
    mars = _mote(dt.date(2023, 3, 24))
    (brist,) = _kontroll(april).fel
    assert brist.text.startswith("Sammanträdet 2023-03-24 är tidigare samma år och inte numrerat")
    assert brist.href == reverse("mote_detail", args=[mars.mote_id])
    client_for("forbundschef").post(reverse("mote_installt", args=[mars.mote_id]))
    assert _kontroll(april).fel == []
    # An inställt meeting is not numbered itself.
    _narvaro(mars, Ödmark="ordinarie", Alnö="ordinarie", Skönvik="ordinarie")
    fel = _texter(_kontroll(mars).fel)
    assert fel[0] == "Mötet är markerat som inställt och numreras inte."


def test_warnings_for_empty_paragraphs_and_bilagor_not_uploaded(april):
    services.paragraf_create(actor=None, protokoll=april, rubrik="Övriga frågor")
    services.paragraf_create(
        actor=None, protokoll=april, rubrik="Budget", text="Se bilagan.", bilagor="2 och 3"
    )
    services.handling_create(
        actor=None,
        mote=april.mote,
        titel="Budget",
        filnamn="budget.pdf",
        data=b"%PDF-1.4\n%budget\n",
    )  # bilaga 1
    kontroll = _kontroll(april)
    assert kontroll.fel == []
    assert _texter(kontroll.varningar) == [
        "Paragrafen ”Övriga frågor” har varken text eller beslut.",
        "Paragrafen ”Budget” hänvisar till bilaga 2, 3, som inte är uppladdad.",
    ]
    with pytest.raises(kontroller.KontrollFel):
        services.protokoll_numrera(
            actor=None,
            protokoll=april,
            ordforande=Person.objects.get(**ORDFORANDE),
            justerare=[Person.objects.get(**LEDAMOT)],
            base_url="http://testserver/",
        )
    nummer = services.protokoll_numrera(
        actor=None,
        protokoll=april,
        ordforande=Person.objects.get(**ORDFORANDE),
        justerare=[Person.objects.get(**LEDAMOT)],
        base_url="http://testserver/",
        bekrafta_varningar=True,
    )
    assert nummer == [1, 2, 3]


def test_justering_runs_the_checks_again(april):
    services.protokoll_numrera(
        actor=None,
        protokoll=april,
        ordforande=Person.objects.get(**ORDFORANDE),
        justerare=[Person.objects.get(**LEDAMOT)],
        base_url="http://testserver/",
    )
    # Before the meeting's date (a clock set wrong, or a date changed after numbering).
    with pytest.raises(kontroller.KontrollFel, match="kan justeras först när mötet har hållits"):
        services.protokoll_justera(
            actor=None,
            protokoll=april,
            person=Person.objects.get(**ORDFORANDE),
            tidpunkt=dt.datetime(2023, 4, 27, 12, tzinfo=dt.UTC),
        )
    assert not april.justeringar.filter(justerad__isnull=False).exists()


def test_the_numrera_page_lists_the_findings_before_the_button_is_pressed(seed_moten):
    kansli = client_for("forbundschef")
    page = kansli.get(reverse("protokoll_numrera", args=[seed_moten.utkast.protokoll.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Protokollet kan inte numreras än" in html
    assert "Ingen närvaro är registrerad" in html
    assert reverse("narvaro_edit", args=[seed_moten.utkast.protokoll.pk]) in html
