"""From a new meeting to a justerat, anslaget protocol, through the views."""

import datetime as dt
import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from devtools.demo import DEMO_PASSWORD
from forbund import services as forbund_services
from forbund.models import Organ, Person, Roll
from moten import kalender, services
from moten.models import Paragraf, Protokoll

from ..conftest import client_for


def _new_meeting(kansli, datum):
    response = kansli.post(
        reverse("mote_create"),
        {
            "organ": Organ.objects.get(typ="styrelse").pk,
            "datum": datum,
            "starttid": "09:00",
            "sluttid": "12:00",
            "plats": "Rum 654, kommunhuset, Sundsvall. Plus teams",
        },
    )
    assert response.status_code == 302, response.content.decode()
    return Protokoll.objects.get(mote__datum=dt.date.fromisoformat(datum))


def _narvaro(protokoll, *efternamn):
    services.narvaro_save(
        actor=None,
        protokoll=protokoll,
        rader=[
            services.NarvaroRad(kategori="ordinarie", namn=p.namn, person=p)
            for p in Person.objects.filter(efternamn__in=efternamn)
        ],
    )


def test_the_next_meeting_continues_the_series_after_the_checks_and_a_new_year_starts_at_1(
    moten,
):
    from django.db.models import Max
    from django.utils import timezone

    kansli = client_for("forbundschef")
    idag = timezone.localdate()
    hittills = (
        Paragraf.objects.filter(organ__typ="styrelse", ar=idag.year).aggregate(m=Max("nummer"))["m"]
        or 0
    )
    protokoll = _new_meeting(kansli, idag.isoformat())
    kansli.post(reverse("protokoll_fran_dagordning", args=[protokoll.pk]))
    assert protokoll.paragrafer.count() == 6  # the standard items
    ordforande = Person.objects.get(user__username="ordforande")
    ledamot = Person.objects.get(user__username="ledamot")
    valda = {"ordforande": ordforande.pk, "justerare": [ledamot.pk]}
    url = reverse("protokoll_numrera", args=[protokoll.pk])

    # Refused, with what to fix and where: the fixture's draft of yesterday comes first, no
    # närvaro, the template text of "Val av justerare".
    refused = kansli.post(url, valda)
    assert refused.status_code == 422
    html = refused.content.decode()
    utkast_datum = moten.utkast.datum.isoformat()
    assert f"Sammanträdet {utkast_datum} är tidigare samma år och inte numrerat" in html
    assert reverse("mote_detail", args=[moten.utkast.pk]) in html
    assert "Ingen närvaro är registrerad" in html
    assert reverse("narvaro_edit", args=[protokoll.pk]) in html
    assert "har kvar mallens text" in html
    assert not protokoll.paragrafer.filter(nummer__isnull=False).exists()

    # The February meeting did not take place; närvaro and the chosen justerare are written in.
    kansli.post(reverse("mote_installt", args=[moten.utkast.pk]))
    _narvaro(protokoll, "Ödmark", "Alnö", "Skönvik")
    val = protokoll.paragrafer.get(standard="justerare")
    services.paragraf_update(
        actor=None,
        paragraf=val,
        version=val.version,
        rubrik=val.rubrik,
        text="",
        bilagor="",
        beslut=["utse Fredrika Alnö att jämte ordföranden justera dagens protokoll."],
        jav=[],
    )
    # Övriga frågor has neither text nor a decision: a warning, to confirm.
    warned = kansli.post(url, valda)
    assert warned.status_code == 422
    assert "Övriga frågor” har varken text eller beslut" in warned.content.decode()
    response = kansli.post(url, {**valda, "bekrafta": "on"})
    assert response.status_code == 302
    assert list(protokoll.paragrafer.values_list("nummer", flat=True)) == list(
        range(hittills + 1, hittills + 7)
    )

    januari_datum = dt.date(idag.year + 2, 1, 20)
    januari = _new_meeting(kansli, januari_datum.isoformat())
    services.paragraf_create(
        actor=None, protokoll=januari, rubrik="Sammanträdet öppnas", text="Öppnat."
    )
    _narvaro(januari, "Ödmark", "Alnö", "Skönvik")
    services.protokoll_numrera(
        actor=None,
        protokoll=januari,
        ordforande=ordforande,
        justerare=[ledamot],
        base_url="http://testserver/",
        idag=januari_datum,  # numbered on the day it met, two years from now
    )
    assert januari.paragrafer.get().nummer == 1


def test_write_justera_and_post_the_anslag(moten, django_capture_on_commit_callbacks):
    kansli = client_for("forbundschef")
    services.mote_installa(actor=None, mote=moten.utkast)
    protokoll = _new_meeting(kansli, "2022-05-20")
    services.narvaro_save(
        actor=None,
        protokoll=protokoll,
        rader=[
            services.NarvaroRad(kategori="ordinarie", namn="Karin Ödmark"),
            services.NarvaroRad(kategori="ordinarie", namn="Johan Bergvik"),
            services.NarvaroRad(kategori="ordinarie", namn="Fredrika Alnö"),
        ],
    )
    bergvik = protokoll.narvaro.get(namn="Johan Bergvik")
    response = kansli.post(
        reverse("paragraf_create", args=[protokoll.pk]),
        {
            "rubrik": "Ansökan om medel för arbetskonsulent",
            "text": "Ansökan avser 2023.",
            "beslut": "Att bevilja 300 000 kr.\n\natt betala ut hälften när avtal tecknats.",
            "jav_beslut": [bergvik.pk],
        },
    )
    assert response.status_code == 302
    paragraf = protokoll.paragrafer.get()
    assert [a.text for a in paragraf.beslut.all()] == [
        "bevilja 300 000 kr.",
        "betala ut hälften när avtal tecknats.",
    ]
    assert [str(j) for j in paragraf.jav.all()] == ["Johan Bergvik deltog inte i beslutet."]

    with django_capture_on_commit_callbacks(execute=True):
        numrerad = kansli.post(
            reverse("protokoll_numrera", args=[protokoll.pk]),
            {
                "ordforande": Person.objects.get(user__username="ordforande").pk,
                "justerare": [Person.objects.get(user__username="ledamot").pk],
            },
        )
    assert numrerad.status_code == 302
    # "Skicka till justering": each justerare gets the link and the deadline.
    assert sorted(m.to[0] for m in mail.outbox) == ["ledamot@example.org", "ordforande@example.org"]
    brev = mail.outbox[0].body
    assert f"/protokoll/{protokoll.pk}/justera/" in brev
    assert "senast 2022-06-03" in brev  # 2022-05-20 + 14 days
    # The ordförande justerar; a wrong password changes nothing.
    ordforande = client_for("ordforande")
    wrong = ordforande.post(reverse("protokoll_justera", args=[protokoll.pk]), {"losenord": "fel"})
    assert wrong.status_code == 422
    assert "Lösenordet stämmer inte" in wrong.content.decode()
    ok = ordforande.post(
        reverse("protokoll_justera", args=[protokoll.pk]), {"losenord": DEMO_PASSWORD}
    )
    assert ok.status_code == 302
    protokoll.refresh_from_db()
    assert protokoll.status == "numrerat"
    # The ersättare is not a justerare of this protocol.
    assert (
        client_for("ersattare").get(reverse("protokoll_justera", args=[protokoll.pk])).status_code
        == 403
    )
    client_for("ledamot").post(
        reverse("protokoll_justera", args=[protokoll.pk]), {"losenord": DEMO_PASSWORD}
    )
    protokoll.refresh_from_db()
    assert protokoll.status == "justerat"
    assert protokoll.sha256 == services.protokoll_sha256(protokoll)
    page = kansli.get(reverse("protokoll_detail", args=[protokoll.pk])).content.decode()
    assert "(sent: efter fristen)" in page  # justerat years after 2022-06-03

    # The anslag: proposed for the day of the justering (today), which the form says is the
    # last day's deadline for; up on the board at once.
    form = kansli.get(reverse("anslag_create", args=[protokoll.pk])).content.decode()
    today = timezone.localdate()
    proposed = re.search(r'name="anslagsdatum" value="([\d-]+)"', form).group(1)
    assert proposed == today.isoformat()
    senast = kalender.anslag_senast(today).isoformat()
    assert f"senast <strong>{senast}</strong>" in form
    later = kalender.anslag_senast(today) + dt.timedelta(days=1)
    too_late = kansli.post(
        reverse("anslag_create", args=[protokoll.pk]),
        {"anslagsdatum": later.isoformat(), "forvaringsplats": "Kommunhuset rum 612"},
    )
    assert too_late.status_code == 422
    assert f"senast {senast}, andra dagen efter justeringen" in too_late.content.decode()
    posted = kansli.post(
        reverse("anslag_create", args=[protokoll.pk]),
        {"anslagsdatum": proposed, "forvaringsplats": "Kommunhuset rum 612, Sundsvall"},
        follow=True,
    )
    assert "syns på anslagstavlan nu" in posted.content.decode()
    protokoll.refresh_from_db()
    assert protokoll.anslag.anslagsdatum.isoformat() == proposed
    tavla = client_for("anonym").get(reverse("anslagstavla")).content.decode()
    assert proposed in tavla
    assert protokoll.anslag.ned_tidigast.isoformat() in tavla


def test_bad_meeting_input_keeps_what_was_typed(moten):
    kansli = client_for("forbundschef")
    response = kansli.post(
        reverse("mote_create"),
        {
            "organ": "",
            "datum": "2022-13-40",
            "starttid": "13:00",
            "sluttid": "12:00",
            "plats": "Rum 1",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Sluttiden måste vara efter starttiden." in html
    assert 'value="Rum 1"' in html
    assert 'value="2022-13-40"' in html


def test_kallelse_goes_to_members_and_ersattare_with_pdf(moten, django_capture_on_commit_callbacks):
    kansli = client_for("forbundschef")
    with django_capture_on_commit_callbacks(execute=True):
        kansli.post(reverse("kallelse_send", args=[moten.utkast.pk]))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert len(message.to) == 8  # four ordinarie, four ersättare
    assert "ordforande@example.org" in message.to
    name, content, mimetype = message.attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")


def test_dagordning_can_be_edited_until_numbering(moten):
    kansli = client_for("forbundschef")
    mote = moten.utkast
    kansli.post(reverse("punkt_create", args=[mote.pk]), {"rubrik": "Budgetuppföljning"})
    rubriker = list(mote.dagordning.values_list("rubrik", flat=True))
    # New items go before övriga frågor and avslutning.
    assert rubriker[-3:] == ["Budgetuppföljning", "Övriga frågor", "Sammanträdet avslutas"]
    punkt = mote.dagordning.get(rubrik="Budgetuppföljning")
    kansli.post(reverse("punkt_move", args=[punkt.pk]), {"riktning": "upp"})
    assert list(mote.dagordning.values_list("rubrik", flat=True))[-4] == "Budgetuppföljning"
    # After numbering the dagordning is fixed.
    numrerat_punkt = moten.numrerat.dagordning.first()
    response = kansli.post(reverse("punkt_delete", args=[numrerat_punkt.pk]), follow=True)
    assert "Dagordningen kan inte ändras" in response.content.decode()
    assert Paragraf.objects.filter(protokoll=moten.numrerat.protokoll).exists()


def test_minnesanteckningar_for_the_utvecklingsrad(moten):
    kansli = client_for("forbundschef")
    organ = Organ.objects.get(namn="Utvecklingsrådet")
    demo = Protokoll.objects.get(mote__organ=organ)
    assert demo.status == "fardigt" and demo.typ == "anteckningar"
    assert demo.narvaro.filter(kategori="gast").count() >= 5
    assert demo.paragrafer.filter(nummer__isnull=True).count() == demo.paragrafer.count()

    response = kansli.post(
        reverse("mote_create"),
        {"organ": organ.pk, "datum": "2022-06-09", "starttid": "09:00", "plats": "Teams"},
    )
    assert response.status_code == 302
    protokoll = Protokoll.objects.get(mote__organ=organ, mote__datum=dt.date(2022, 6, 9))
    assert protokoll.typ == "anteckningar"
    assert not protokoll.mote.dagordning.exists()  # no formal standard items
    kansli.post(
        reverse("paragraf_create", args=[protokoll.pk]),
        {"rubrik": "SIP-projektet", "text": "Lägesrapport."},
    )

    # Minnesanteckningar are not numbered. Two members of the råd make the numbering form
    # valid, so what refuses it is the rule, not the form (which would answer 422).
    ordforande = Person.objects.get(user__username="ordforande")
    ledamot = Person.objects.get(user__username="ledamot")
    for person in (ordforande, ledamot):
        forbund_services.uppdrag_create(
            actor=None,
            person=person,
            roll=Roll.LEDAMOT,
            organ=organ,
            startdatum=dt.date(2022, 1, 1),
        )
    numrera = reverse("protokoll_numrera", args=[protokoll.pk])
    detalj = reverse("protokoll_detail", args=[protokoll.pk])

    def numrera_nekas(meddelande: str, status: str) -> None:
        response = kansli.post(
            numrera, {"ordforande": ordforande.pk, "justerare": [ledamot.pk]}, follow=True
        )
        protokoll.refresh_from_db()
        assert protokoll.status == status
        assert list(protokoll.paragrafer.values_list("nummer", flat=True)) == [None]
        assert not protokoll.justeringar.exists()
        if status == "fardigt":  # locked for good: 409, with the way back
            assert response.status_code == 409 and not response.redirect_chain
            assert f'href="{detalj}"' in response.content.decode()
        else:  # the wrong step: back to the protocol with the reason
            assert response.redirect_chain == [(detalj, 302)]
        assert meddelande in response.content.decode()

    numrera_nekas("Minnesanteckningar numreras inte.", "utkast")
    kansli.post(
        reverse("protokoll_nasta_mote", args=[protokoll.pk]),
        {"nasta_mote": "15 september 9-12, Teams."},
    )
    kansli.post(reverse("protokoll_fardigt", args=[protokoll.pk]))
    protokoll.refresh_from_db()
    assert protokoll.status == "fardigt"
    assert protokoll.nasta_mote == "15 september 9-12, Teams."
    numrera_nekas(services.FARDIGT_MEDDELANDE, "fardigt")
