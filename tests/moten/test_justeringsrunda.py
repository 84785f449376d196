"""The justering round: the whole protocol on the justering page, comments per paragraph shown
to the sekreterare, the text locked from the first justering until the justeringar are
återkallade with a reason, reminders; password justering under the login's lockout; omedelbar
justering of one paragraph with its own anslag; the anslag date rules."""

import datetime as dt
import io

import pypdf
import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from devtools.demo import DEMO_PASSWORD
from forbund.models import Person
from moten import kalender, services
from moten.models import Paragraf, Protokoll

from ..conftest import client_for


def _justera(username, protokoll):
    return client_for(username).post(
        reverse("protokoll_justera", args=[protokoll.pk]), {"losenord": DEMO_PASSWORD}
    )


def _med_omrostning(protokoll):
    return services.paragraf_create(
        actor=None,
        protokoll=protokoll,
        rubrik="Ansökan om medel för psykolog 2023",
        text="Ansökan avser 895 000 kr.",
        yrkanden="Karin Ödmark yrkar bifall till förslaget. Petter Skönvik yrkar avslag.",
        omrostning=(
            "Omröstning begärs och verkställs. Ja-röst för Karin Ödmarks yrkande, nej-röst för "
            "Petter Skönviks yrkande. Omröstningen utfaller med 2 ja-röster mot 1 nej-röst."
        ),
        reservationer="Petter Skönvik reserverar sig mot beslutet.",
        beslut=["bevilja 895 000 kr till psykologtjänst för 2023."],
    )


def test_the_justering_page_shows_the_whole_protocol_before_the_password(seed_moten):
    protokoll = seed_moten.numrerat.protokoll
    _med_omrostning(protokoll)
    page = client_for("ordforande").get(reverse("protokoll_justera", args=[protokoll.pk]))
    html = page.content.decode()
    losenord = html.index('name="losenord"')
    for del_ in (
        "Närvarande ordinarie ledamöter",
        "Fredrika Alnö",
        "Petter Skönvik yrkar avslag.",
        "Omröstningen utfaller med 2 ja-röster mot 1 nej-röst.",
        "Petter Skönvik reserverar sig mot beslutet.",
        "<strong>Att</strong> bevilja 895 000 kr",
        f"Sista dag för justering: <strong>{kalender.justering_senast(protokoll.mote.datum)}</strong>",
    ):
        assert 0 < html.index(del_) < losenord, del_
    assert reverse("protokoll_pdf", args=[protokoll.pk]) in html


def test_comments_per_paragraph_reach_the_sekreterare(seed_moten):
    protokoll = seed_moten.numrerat.protokoll
    paragraf = protokoll.paragrafer.get()
    url = reverse("paragraf_kommentar", args=[paragraf.pk])
    svar = client_for("ledamot").post(
        url, {"text": "Skriv ut ordförandens namn."}, HTTP_HX_REQUEST="true"
    )
    assert svar.status_code == 200
    assert "Skriv ut ordförandens namn." in svar.content.decode()
    tom = client_for("ledamot").post(url, {"text": "  "}, HTTP_HX_REQUEST="true")
    assert tom.status_code == 422 and 'aria-invalid="true"' in tom.content.decode()
    # Not a justerare of this protocol: refused.
    assert client_for("ersattare").post(url, {"text": "Jag med"}).status_code == 403
    editor = client_for("forbundschef").get(reverse("protokoll_detail", args=[protokoll.pk]))
    html = editor.content.decode()
    assert "Kommentarer från justerarna" in html
    assert "Fredrika Alnö</strong>" in html and "Skriv ut ordförandens namn." in html
    kommentar = paragraf.kommentarer.get()
    client_for("forbundschef").post(reverse("kommentar_atgardad", args=[kommentar.pk]))
    kommentar.refresh_from_db()
    assert kommentar.atgardad is not None


def test_the_text_locks_at_the_first_justering_and_aterkalla_reopens_it(
    seed_moten, django_capture_on_commit_callbacks
):
    protokoll = seed_moten.numrerat.protokoll
    paragraf = protokoll.paragrafer.get()
    assert _justera("ordforande", protokoll).status_code == 302
    kansli = client_for("forbundschef")
    svar = kansli.post(
        reverse("paragraf_edit", args=[paragraf.pk]),
        {"version": paragraf.version, "rubrik": "Ändrad"},
        follow=True,
    )
    assert "minst en justerare har redan godkänt det" in svar.content.decode()
    assert Paragraf.objects.get(pk=paragraf.pk).rubrik == "Öppnande"
    editor = kansli.get(reverse("protokoll_detail", args=[protokoll.pk])).content.decode()
    assert "Texten är låst" in editor and "Återkalla justeringarna" in editor
    assert reverse("paragraf_edit", args=[paragraf.pk]) not in editor

    url = reverse("protokoll_aterkalla", args=[protokoll.pk])
    utan_skal = kansli.post(url, {"skal": ""})
    assert utan_skal.status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        svar = kansli.post(url, {"skal": "§ 16 saknar ordförandens namn."})
    assert svar.status_code == 302
    protokoll.refresh_from_db()
    assert protokoll.justeringsomgang == 2
    assert not protokoll.justeringar.filter(justerad__isnull=False).exists()
    senaste = protokoll.history.order_by("-history_date").first()
    assert senaste.history_change_reason == (
        "Justeringarna återkallades: § 16 saknar ordförandens namn."
    )
    assert senaste.history_user.username == "forbundschef"
    # Every justerare is asked again, the reason with it.
    assert sorted(m.to[0] for m in mail.outbox) == ["ledamot@example.org", "ordforande@example.org"]
    assert all("§ 16 saknar ordförandens namn." in m.body for m in mail.outbox)
    editor = kansli.get(reverse("protokoll_detail", args=[protokoll.pk])).content.decode()
    assert "Återkallade justeringar" in editor and "§ 16 saknar ordförandens namn." in editor

    kansli.post(
        reverse("paragraf_edit", args=[paragraf.pk]),
        {"version": paragraf.version, "rubrik": "Sammanträdet öppnas", "text": "Öppnat."},
    )
    assert Paragraf.objects.get(pk=paragraf.pk).rubrik == "Sammanträdet öppnas"
    _justera("ordforande", protokoll)
    _justera("ledamot", protokoll)
    protokoll.refresh_from_db()
    assert protokoll.status == "justerat"


def test_a_reminder_goes_to_those_who_have_not_justerat(
    seed_moten, django_capture_on_commit_callbacks
):
    protokoll = seed_moten.numrerat.protokoll
    _justera("ordforande", protokoll)
    with django_capture_on_commit_callbacks(execute=True):
        client_for("forbundschef").post(reverse("protokoll_skicka", args=[protokoll.pk]))
    (brev,) = mail.outbox
    assert brev.to == ["ledamot@example.org"]
    assert "väntar på din justering" in brev.body
    assert f"http://testserver/protokoll/{protokoll.pk}/justera/" in brev.body


def test_wrong_passwords_lock_the_account_like_the_login(seed_moten):
    protokoll = seed_moten.numrerat.protokoll
    ordforande = client_for("ordforande")
    url = reverse("protokoll_justera", args=[protokoll.pk])
    for _ in range(4):
        svar = ordforande.post(url, {"losenord": "fel-losenord"})
        assert svar.status_code == 422
        assert "Lösenordet stämmer inte" in svar.content.decode()
    femte = ordforande.post(url, {"losenord": "fel-losenord"})
    assert femte.status_code == 429
    assert "låst i 30 minuter" in femte.content.decode()
    # Recorded as failed logins of the username, on the justering page's address.
    attempt = AccessAttempt.objects.get(username="ordforande")
    assert attempt.failures_since_start == 5 and attempt.path_info == url
    # Locked: the right password justerar nothing, and the login is refused too.
    assert ordforande.post(url, {"losenord": DEMO_PASSWORD}).status_code == 429
    assert not protokoll.justeringar.filter(justerad__isnull=False).exists()
    login = client_for("anonym").post(
        reverse("login"), {"username": "ordforande", "password": DEMO_PASSWORD}
    )
    assert login.status_code == 429


def _omedelbart_justerad(seed_moten):
    paragraf = seed_moten.numrerat.protokoll.paragrafer.get()
    for username in ("ordforande", "ledamot"):
        svar = client_for(username).post(
            reverse("paragraf_justera", args=[paragraf.pk]), {"losenord": DEMO_PASSWORD}
        )
        assert svar.status_code == 302
    return Paragraf.objects.get(pk=paragraf.pk)


def test_omedelbar_justering_locks_the_paragraph_with_its_own_anslag(seed_moten):
    protokoll = seed_moten.numrerat.protokoll
    paragraf = protokoll.paragrafer.get()
    sida = client_for("ordforande").get(reverse("paragraf_justera", args=[paragraf.pk]))
    assert (
        sida.status_code == 200
        and "Ordföranden förklarar sammanträdet öppnat." in sida.content.decode()
    )
    # Not a justerare: refused.
    assert (
        client_for("ersattare").get(reverse("paragraf_justera", args=[paragraf.pk])).status_code
        == 403
    )
    paragraf = _omedelbart_justerad(seed_moten)
    assert paragraf.omedelbart_justerad is not None
    assert paragraf.omedelbar_innehall["paragrafer"][0]["omedelbar"]["av"] == [
        "Karin Ödmark (ordförande)",
        "Fredrika Alnö (justerare)",
    ]
    # Locked at once: the editor offers no edit, the view and the service refuse.
    kansli = client_for("forbundschef")
    editor = kansli.get(reverse("protokoll_detail", args=[protokoll.pk])).content.decode()
    assert reverse("paragraf_edit", args=[paragraf.pk]) not in editor
    assert "Paragrafen justerades omedelbart" in editor
    refused = kansli.post(
        reverse("paragraf_edit", args=[paragraf.pk]),
        {"version": paragraf.version, "rubrik": "Ändrad"},
        follow=True,
    )
    assert "Paragrafen justerades omedelbart och kan inte ändras" in refused.content.decode()
    with pytest.raises(services.ProtokollSparrat):
        services.paragraf_update(
            actor=None,
            paragraf=paragraf,
            version=paragraf.version,
            rubrik="Ändrad",
            text="",
            bilagor="",
            beslut=[],
            jav=[],
        )

    # Its own anslag, on the board at once, with its own ned-tidigast and its utdrag; the
    # protocol is still a draft.
    idag = timezone.localdate()
    kansli.post(
        reverse("paragraf_anslag", args=[paragraf.pk]),
        {"anslagsdatum": idag.isoformat(), "forvaringsplats": "Kommunhuset rum 612"},
    )
    anslag = Paragraf.objects.get(pk=paragraf.pk).anslag
    assert anslag.ned_tidigast == kalender.ned_tidigast(idag)
    anonym = client_for("anonym")
    (post,) = anonym.get("/api/anslagstavla").json()[:1]
    assert (
        post["paragraf"] == paragraf.nummer
        and post["ned_tidigast"] == anslag.ned_tidigast.isoformat()
    )
    assert post["protokoll_pdf"] is None
    utdrag = anonym.get(post["utdrag_pdf"].replace("http://testserver", ""))
    assert utdrag.status_code == 200
    text = " ".join(pypdf.PdfReader(io.BytesIO(utdrag.content)).pages[0].extract_text().split())
    assert f"§ {paragraf.nummer} Öppnande" in text and "Rätt utdraget intygar" in text
    assert f"anslogs {idag.isoformat()}" in text
    assert anonym.get(reverse("protokoll_pdf", args=[protokoll.pk])).status_code == 404
    tavla = anonym.get(reverse("anslagstavla")).content.decode()
    assert f"§ {paragraf.nummer} Öppnande" in tavla and "Paragrafen är justerad omedelbart" in tavla

    # The whole protocol, justerat later, says so.
    for username in ("ordforande", "ledamot"):
        _justera(username, protokoll)
    protokoll = Protokoll.objects.get(pk=protokoll.pk)
    pdf = anonym.get(reverse("protokoll_pdf", args=[protokoll.pk])).content
    text = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert "Paragrafen justerades omedelbart" in text
    assert "av Karin Ödmark (ordförande) och Fredrika Alnö (justerare)" in text


def test_anslag_dates_today_later_and_never_after_the_deadline(seed_moten):
    protokoll = seed_moten.numrerat.protokoll
    for username in ("ordforande", "ledamot"):
        _justera(username, protokoll)
    kansli = client_for("forbundschef")
    url = reverse("anslag_create", args=[protokoll.pk])
    idag = timezone.localdate()
    igar = kansli.post(
        url, {"anslagsdatum": (idag - dt.timedelta(days=1)).isoformat(), "forvaringsplats": "x"}
    )
    assert igar.status_code == 422
    assert "tidigast" in igar.content.decode()
    senare = kalender.anslag_senast(idag)
    svar = kansli.post(
        url, {"anslagsdatum": senare.isoformat(), "forvaringsplats": "x"}, follow=True
    )
    assert f"syns på anslagstavlan från {senare.isoformat()}" in svar.content.decode()
    assert (
        "Styrelsen: sammanträde 2022-03-25"
        not in client_for("anonym").get(reverse("anslagstavla")).content.decode()
    )


def test_an_anslag_after_the_deadline_only_today(seed_moten):
    """Justerat on the evening of the meeting three days ago, anslag forgotten past its two
    days: it goes up today, not on a day of one's choosing."""
    justerad = Person.objects.get(user__username="ordforande")
    protokoll = seed_moten.numrerat.protokoll
    for person in (justerad, Person.objects.get(user__username="ledamot")):
        services.protokoll_justera(
            actor=None,
            protokoll=protokoll,
            person=person,
            tidpunkt=timezone.make_aware(dt.datetime.combine(protokoll.mote.datum, dt.time(18))),
        )
    idag = timezone.localdate()
    with pytest.raises(services.Fel, match="senast"):
        services.anslag_create(
            actor=None,
            protokoll=protokoll,
            anslagsdatum=idag + dt.timedelta(days=1),
            forvaringsplats="x",
        )
    anslag = services.anslag_create(
        actor=None, protokoll=protokoll, anslagsdatum=idag, forvaringsplats="x"
    )
    assert anslag.anslagsdatum == idag


def test_narvaro_cannot_be_saved_once_someone_has_justerat(seed_moten):
    protokoll = seed_moten.numrerat.protokoll
    _justera("ordforande", protokoll)
    svar = client_for("forbundschef").post(
        reverse("narvaro_edit", args=[protokoll.pk]),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-kategori": "ordinarie",
            "form-0-namn": "Någon annan",
        },
        follow=True,
    )
    assert svar.status_code == 200
    assert "minst en justerare har redan godkänt det" in svar.content.decode()
    assert sorted(protokoll.narvaro.values_list("namn", flat=True)) == [
        "Fredrika Alnö",
        "Karin Ödmark",
        "Petter Skönvik",
    ]
