"""Every URL that changes something, POSTed by every persona, with its expected outcome.

A persona that may (OK) gets a 2xx or 3xx answer and the change is in the database; one that
may not gets its 403 or 404 (or, signed out, the login page) and nothing changed. Each entry
says where to POST (``url``, which may first put the data in the state the action needs: a
payment waiting for its second attest, a report handed in), what a filled-in form sends
(``data``) and what the action changes (``tillstand``, read from the database before and
after). Every persona's POST runs in a savepoint that is rolled back, so each starts from the
same data: the demo with the meetings and survey round of ``enkat``.

Which URLs take a POST is asked of the URLs themselves (a POST that is not answered 405): a
URL added without an entry here or in UTAN_ANDRING makes
test_every_url_that_takes_a_post_is_in_the_post_matrix fail, as the GET matrix does.
The expected outcomes are written with the GET matrix's helpers (outcome, viewers,
insats_a, insats_b), where OK now means "may, and did".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.urls import reverse
from procrastinate.contrib.django.models import ProcrastinateJob

from behovsanalys.models import Behovsimport
from ekonomi.models import Budgetpost, Budgetversion, Importutkast, Prognos, Utfallsimport
from enkater.models import Formular, Inkorg, Omgang, Svar
from forbund import epost
from forbund import services as forbund_services
from forbund.models import Bekraftelse, Forbund, Kalenderlank, Organ, Person, Uppdrag, Utskick
from insatser import selectors as insatser_selectors
from insatser import services as insatser_services
from insatser import sus
from insatser.models import (
    Ansokan,
    Arrangemang,
    Arsrapport,
    Beviljning,
    Delbetalning,
    Insats,
    Period,
    Uppfoljning,
    Utbetalning,
)
from moten import services as moten_services
from moten.models import (
    Anslag,
    Beslutsuppdrag,
    Dagordningspunkt,
    Handling,
    Justering,
    Justeringskommentar,
    Mote,
    Paragraf,
    Paragrafjustering,
    Protokoll,
)
from rapporter.models import Verksamhetsrapport

from .behovsanalys.conftest import csv_fil
from .conftest import (
    DEMO_PASSWORD,
    PERSONAS,
    PROVPLATS,
    client_for,
    enkat_i_databasen,
    provmote,
)
from .ekonomi.conftest import sie4
from .test_permission_matrix import (
    INLOGGADE,
    KANSLI,
    LASARE,
    LOGIN,
    MATRIX,
    NEJ,
    OK,
    RAPPORTORER,
    SAKNAS,
    STYRELSE,
    _importutkast,
    _uppdrag,
    everyone,
    insats_a,
    insats_b,
    outcome,
    viewers,
)


@dataclass(frozen=True)
class Post:
    tillstand: Callable[[str], object]  # persona -> what the POST changes, from the database
    expected: dict[str, object]
    data: Callable[[str], dict] = lambda persona: {}
    url: Callable[[], dict] | None = None  # the URL's kwargs; may prepare the data first


# --- The data the entries act on ----------------------------------------------------------


def _anvandare(username: str):
    return get_user_model().objects.get(username=username)


def _person(username: str) -> Person:
    return Person.objects.get(user__username=username)


def _misslyckat_jobb() -> dict:
    """A mail job that failed after its last attempt (as a worker leaves it)."""
    utskick = epost.utskick_koa(EmailMessage("Prov", "Text", to=["revisor@example.org"]))
    job = ProcrastinateJob.objects.get(args__utskick_id=str(utskick.pk))
    with connection.cursor() as c:
        c.execute("UPDATE procrastinate_jobs SET status = 'failed' WHERE id = %s", [job.pk])
    return {"pk": job.pk}


def _utkast() -> Mote:
    """The test meeting with a draft protocol (conftest.bygg_moten)."""
    return provmote("utkast")


def _numrerat() -> Protokoll:
    """The test meeting whose protocol waits for justering (conftest.bygg_moten)."""
    return provmote("numrerat").protokoll


def _justerad_161() -> Paragraf:
    return Paragraf.objects.get(protokoll__mote__datum=dt.date(2021, 11, 26), nummer=161)


def _sip() -> Insats:
    return Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")


def _psykolog() -> Insats:
    return Insats.objects.get(namn="Psykolog Arbetsmarknadstorget")


def _psykologens_beviljning() -> Beviljning:
    """Insats B's grant, with a payment plan of two halves."""
    return Beviljning.objects.get(insats=_psykolog(), ar=2022)


def _utan_betalplan() -> Beviljning:
    return Beviljning.objects.filter(betalplan__isnull=True).order_by("pk").first()


def _oppen_omgang() -> Omgang:
    return enkat_i_databasen()


def _rapport() -> Verksamhetsrapport:
    """The demo's draft årsredovisning 2021."""
    return Verksamhetsrapport.objects.get()


def _paragraf_efter_2021() -> Paragraf:
    """A numbered paragraph of the styrelse after 2021: where a 2021 report is approved."""
    return Paragraf.objects.filter(
        protokoll__mote__datum=dt.date(2022, 1, 21), nummer__isnull=False
    ).first()


def _utlost_delbetalning() -> Delbetalning:
    delbetalning = _psykologens_beviljning().betalplan.get(ordning=1)
    insatser_services.delbetalning_utlos(actor=None, delbetalning=delbetalning)
    return delbetalning


def _begard_utbetalning() -> Utbetalning:
    """Requested by the utvecklingsledare (kansli), who may then not attest it."""
    delbetalning = _utlost_delbetalning()
    return insatser_services.utbetalning_begar(
        actor=_anvandare("utvecklingsledare"),
        beviljning=delbetalning.beviljning,
        belopp=1_000,
        delbetalning=delbetalning,
    )


def _attesterad_utbetalning() -> dict:
    utbetalning = _begard_utbetalning()
    for attestant in ("ordforande", "forbundschef"):
        insatser_services.utbetalning_attestera(
            actor=_anvandare(attestant), utbetalning=utbetalning
        )
    return {"pk": utbetalning.pk}


def _ny_period() -> Period:
    return insatser_services.period_create(
        actor=None, insats=_sip(), fran=dt.date(2022, 5, 1), till=dt.date(2022, 8, 31)
    )


def _inskickad_period() -> dict:
    period = _ny_period()
    # Aktiva = those carried over from the approved period before (SUS) + the two new ones.
    ingang = insatser_selectors.ingang(period)
    aktiva = (ingang.totalt + 2, ingang.kvinnor + 1, ingang.man + 1)
    rader = [
        sus.Rad("deltagare", "Aktiva", *aktiva),
        sus.Rad("deltagare", "Nya", 2, 1, 1),
        sus.Rad("kommun", "Sundsvalls kommun", *aktiva),
        sus.Rad("tid", "1–3 år", 2),
    ]
    insatser_services.period_save(actor=None, period=period, rader=rader)
    insatser_services.period_skicka_in(actor=_anvandare("insatspersonal"), period=period)
    return {"pk": period.pk}


def _sus_csv_med_ingang() -> bytes:
    """A statistics file for the May–August period: Aktiva are those SUS carries over from
    the approved period before it, nobody new."""
    ingang = insatser_selectors.ingang(Period(insats=_sip(), fran=dt.date(2022, 5, 1)))
    rad = f"{ingang.totalt};{ingang.kvinnor};{ingang.man};0"
    return (
        "tabell;kategori;totalt;kvinnor;man;manader\n"
        f"deltagare;Aktiva;{rad}\n"
        f"kommun;Sundsvalls kommun;{rad}\n"
    ).encode()


def _inlamnad_arsrapport() -> dict:
    rapport = insatser_services.arsrapport_save(
        actor=None, insats=_sip(), ar=2022, verksamhet="V", resultat="R", framat="F"
    )
    insatser_services.arsrapport_lamna_in(actor=None, rapport=rapport)
    return {"pk": _sip().pk, "ar": 2022}


def _justerat_utan_anslag() -> dict:
    """The numbered meeting, justerat by both its justerare, with no anslag yet."""
    protokoll = _numrerat()
    for username in ("ordforande", "ledamot"):
        moten_services.protokoll_justera(actor=None, protokoll=protokoll, person=_person(username))
    return {"pk": protokoll.pk}


def _utkast_att_numrera() -> dict:
    """The draft with its närvaro (a quorum, ordförande and justerare present and serving):
    what numbering checks first. Its paragraph has no text, a warning the form confirms."""
    protokoll = _utkast().protokoll
    moten_services.narvaro_save(
        actor=None,
        protokoll=protokoll,
        rader=[
            moten_services.NarvaroRad(kategori="ordinarie", namn=p.namn, person=p)
            for p in Person.objects.filter(efternamn__in=["Ödmark", "Alnö", "Skönvik"])
        ],
    )
    return {"pk": protokoll.pk}


def _numrerade_paragrafen() -> Paragraf:
    """The numbered protocol's one paragraph, to be justerad omedelbart."""
    return _numrerat().paragrafer.get()


def _justerat_av_ordforanden() -> dict:
    """The numbered meeting with the ordförande's justering made: the text is locked."""
    protokoll = _numrerat()
    moten_services.protokoll_justera(actor=None, protokoll=protokoll, person=_person("ordforande"))
    return {"pk": protokoll.pk}


def _kommentar() -> dict:
    """The justerare's comment on the numbered protocol's paragraph."""
    kommentar = moten_services.justeringskommentar_create(
        actor=None,
        paragraf=_numrerade_paragrafen(),
        person=_person("ledamot"),
        text="Skriv ut förkortningen.",
    )
    return {"pk": kommentar.pk}


def _omedelbart_justerad() -> dict:
    """The numbered protocol's paragraph, justerad omedelbart by both, with no anslag yet."""
    paragraf = _numrerade_paragrafen()
    for username in ("ordforande", "ledamot"):
        moten_services.paragraf_justera_omedelbart(
            actor=None, paragraf=paragraf, person=_person(username)
        )
    return {"pk": paragraf.pk}


def _minnesanteckningar() -> dict:
    mote = moten_services.mote_create(
        actor=None,
        organ=Organ.objects.get(namn="Utvecklingsrådet"),
        datum=dt.date(2022, 6, 9),
        plats="Teams",
    )
    return {"pk": mote.protokoll.pk}


def _andra_paragrafen() -> dict:
    """A second paragraph in the draft, so there is something to move past."""
    paragraf = moten_services.paragraf_create(
        actor=None, protokoll=_utkast().protokoll, rubrik="Övriga frågor"
    )
    return {"pk": paragraf.pk}


def _godkand_rapport() -> dict:
    from rapporter import services as rapporter_services

    rapport = _rapport()
    rapporter_services.verksamhetsrapport_godkann(
        actor=None, rapport=rapport, paragraf=_paragraf_efter_2021()
    )
    return {"pk": rapport.pk}


def _person_att_radera() -> None:
    """A person nothing refers to, so the admin may delete it."""
    from forbund import services as forbund_services

    forbund_services.person_create(actor=None, fornamn="Ska", efternamn="Raderas", titel="")


def _vantande_konto() -> dict:
    """A login the utvecklingsledare made, waiting for a second person."""
    person = Person.objects.get(efternamn="Bergvik")
    forbund_services.konto_create(
        person=person,
        actor=_anvandare("utvecklingsledare"),
        username="johan.bergvik",
        base_url="http://testserver/",
    )
    return {"pk": Bekraftelse.objects.get(person=person).pk}


def _fil(namn: str, innehall: bytes, typ: str = "application/octet-stream"):
    return SimpleUploadedFile(namn, innehall, content_type=typ)


def _svar(fragor: list[int]) -> dict:
    """A respondent's answers: the first step on every scale question."""
    return {f"f{pk}": "1" for pk in fragor}


def _skalfragor(omgang: Omgang) -> list[int]:
    return list(omgang.formular.fragor.exclude(typ="fritext").values_list("pk", flat=True))


def _delad_lank() -> dict:
    from enkater import services as enkater_services

    return {"kod": enkater_services.delad_lank_create(actor=None, omgang=_oppen_omgang()).delad_kod}


def _mote_falt(mote: Mote, **andrat) -> dict:
    return {
        "organ": mote.organ_id,
        "datum": mote.datum.isoformat(),
        "starttid": "09:00",
        "sluttid": "12:00",
        "plats": mote.plats,
        **andrat,
    }


def _insats_falt(insats: Insats, **andrat) -> dict:
    falt = {
        "namn": insats.namn,
        "typ": insats.typ,
        "status": insats.status,
        "huvudman": insats.huvudman_id or "",
        "utforare": insats.utforare,
        "malgrupp": insats.malgrupp,
        "beskrivning": insats.beskrivning,
        "kommuner": list(insats.kommuner.values_list("pk", flat=True)),
        "startdatum": insats.startdatum.isoformat() if insats.startdatum else "",
        "slutdatum": insats.slutdatum.isoformat() if insats.slutdatum else "",
        "kontaktperson": insats.kontaktperson_id or "",
        "styrgrupp": list(insats.styrgrupp.values_list("pk", flat=True)),
        "personal": list(insats.personal.values_list("pk", flat=True)),
    }
    return {**falt, **andrat}


def _arrangemang_falt(**andrat) -> dict:
    return {
        "namn": "Nätverksdag lösningsfokuserat ledarskap",
        "typ": "natverksdag",
        "regi": "egen",
        "startdatum": "2022-10-20",
        "slutdatum": "",
        "arrangor": "Samordningsförbundet Sundsvall",
        "insats": "",
        "beviljning": "",
        "beskrivning": "",
        "deltagare-TOTAL_FORMS": "1",
        "deltagare-INITIAL_FORMS": "0",
        "deltagare-MIN_NUM_FORMS": "0",
        "deltagare-MAX_NUM_FORMS": "1000",
        "deltagare-0-organisation": "Sundsvalls kommun",
        "deltagare-0-inom_omradet": "on",
        "deltagare-0-kvinnor": "7",
        "deltagare-0-man": "3",
        **andrat,
    }


def _forbund_falt(**andrat) -> dict:
    f = Forbund.objects.get()
    return {
        "namn": f.namn,
        "organisationsnummer": f.organisationsnummer,
        "sate": f.sate,
        "andamal": f.andamal,
        "adress": f.adress,
        "webbplats": f.webbplats,
        "epost": f.epost,
        **andrat,
    }


def _person_falt(person: Person, **andrat) -> dict:
    return {
        "fornamn": person.fornamn,
        "efternamn": person.efternamn,
        "titel": person.titel,
        "organisation": person.organisation,
        "epost": person.epost,
        "telefon": person.telefon,
        **andrat,
    }


def _losenord(persona: str) -> str:
    return "outsider-losen-123" if persona == "outsider" else DEMO_PASSWORD


def _eget_losenord(persona: str):
    if persona == "anonym":
        return None
    return _anvandare(persona).password


def _kvar(modell, **villkor) -> Callable[[str], object]:
    """How many rows match: the state of a create or a delete."""
    return lambda _persona: modell.objects.filter(**villkor).count()


def _kvar_i_numrerat(modell, vag: str, **villkor) -> Callable[[str], object]:
    """How many rows of the numbered test meeting's protocol (reached by `vag`) match."""
    return lambda _persona: modell.objects.filter(**{vag: _numrerat()}, **villkor).count()


# --- The matrix ---------------------------------------------------------------------------

# name -> Post. Every persona's POST, in a savepoint of its own.
POST_MATRIX: dict[str, Post] = {
    # The förbund and its people: the kansli only.
    "forbund_edit": Post(
        data=lambda _: _forbund_falt(andamal="Ett nytt ändamål."),
        tillstand=lambda _: Forbund.objects.get().andamal,
        expected=outcome(KANSLI),
    ),
    "person_create": Post(
        data=lambda _: {"fornamn": "Ylva", "efternamn": "Tuna", "titel": "Handläggare"},
        tillstand=_kvar(Person, fornamn="Ylva"),
        expected=outcome(KANSLI),
    ),
    "person_edit": Post(
        url=lambda: {"pk": _person("ledamot").pk},
        data=lambda _: _person_falt(_person("ledamot"), titel="Ny titel"),
        tillstand=lambda _: _person("ledamot").titel,
        expected=outcome(KANSLI),
    ),
    "konto_create": Post(
        url=lambda: {"pk": Person.objects.get(efternamn="Bergvik").pk},
        data=lambda _: {"username": "johan.bergvik"},
        tillstand=lambda _: Person.objects.get(efternamn="Bergvik").user_id,
        expected=outcome(KANSLI),
    ),
    # A job that failed for good, put back in the queue (issue 19): the kansli only.
    "jobb_forsok_igen": Post(
        url=_misslyckat_jobb,
        tillstand=lambda _: ProcrastinateJob.objects.filter(status="failed").count(),
        expected=outcome(KANSLI),
    ),
    "bekraftelse_bekrafta": Post(
        url=_vantande_konto,
        tillstand=lambda _: Bekraftelse.objects.get().bekraftad is not None,
        expected=outcome(KANSLI | {"ordforande"}),
    ),
    "uppdrag_create": Post(
        url=lambda: {"pk": _person("ledamot").pk},
        data=lambda _: {"roll": "revisor", "startdatum": "2026-01-01"},
        tillstand=_kvar(Uppdrag, person__user__username="ledamot"),
        expected=outcome(KANSLI),
    ),
    "uppdrag_edit": Post(
        url=lambda: {"pk": Uppdrag.objects.filter(person__user__username="ledamot").first().pk},
        data=lambda _: (
            lambda u: {
                "roll": u.roll,
                "organ": u.organ_id or "",
                "part": u.part_id or "",
                "startdatum": u.startdatum.isoformat(),
                "slutdatum": "2030-12-31",
            }
        )(Uppdrag.objects.filter(person__user__username="ledamot").first()),
        tillstand=lambda _: (
            Uppdrag.objects.filter(person__user__username="ledamot").first().slutdatum
        ),
        expected=outcome(KANSLI),
    ),
    "behovsanalys_import": Post(
        data=lambda _: {"fil": _fil("behov.csv", csv_fil(), "text/csv")},
        tillstand=_kvar(Behovsimport),
        expected=outcome(KANSLI),
    ),
    # Signing in and out, and one's own password: anyone, for their own account.
    "login": Post(
        data=lambda _: {"username": "revisor", "password": DEMO_PASSWORD},
        tillstand=lambda _: _anvandare("revisor").last_login,
        expected=everyone(),
    ),
    "logout": Post(
        tillstand=lambda _: Session.objects.count(),
        expected=outcome(INLOGGADE),
    ),
    "password_change": Post(
        data=lambda persona: {
            "old_password": _losenord(persona),
            "new_password1": "Ett-nytt-lösen-2026",
            "new_password2": "Ett-nytt-lösen-2026",
        },
        tillstand=_eget_losenord,
        expected=outcome(INLOGGADE),
    ),
    # The reset mail is the change (the account changes only when its link is used): it is
    # queued in the request's transaction (forbund.epost), sent when that commits.
    "password_reset": Post(
        data=lambda _: {"email": "revisor@example.org"},
        tillstand=lambda _: Utskick.objects.filter(till=["revisor@example.org"]).count(),
        expected=everyone(),
    ),
    # One's own calendar address: members of an organ and the kansli.
    "kalenderlank": Post(
        data=lambda _: {"atgard": "skapa"},
        tillstand=lambda persona: (
            Kalenderlank.objects.filter(person__user__username=persona)
            .values_list("token", flat=True)
            .first()
        ),
        expected=outcome(KANSLI | STYRELSE),
    ),
    # Meetings: the kansli; anyone else is told the meeting does not exist (404).
    "mote_create": Post(
        data=lambda _: _mote_falt(_utkast(), datum="2022-09-30"),
        tillstand=_kvar(Mote),
        expected=outcome(KANSLI),
    ),
    "mote_edit": Post(
        url=lambda: {"pk": _utkast().pk},
        data=lambda _: _mote_falt(_utkast(), plats="Rum 1, kommunhuset"),
        tillstand=lambda _: _utkast().plats,
        expected=viewers(allowed=KANSLI),
    ),
    "punkt_create": Post(
        url=lambda: {"pk": _utkast().pk},
        data=lambda _: {"rubrik": "Budgetuppföljning"},
        tillstand=_kvar(Dagordningspunkt, mote__plats=PROVPLATS, mote__protokoll__status="utkast"),
        expected=viewers(allowed=KANSLI),
    ),
    "punkt_edit": Post(
        url=lambda: {"pk": _utkast().dagordning.order_by("ordning").first().pk},
        data=lambda _: {"rubrik": "Mötet öppnas"},
        tillstand=lambda _: _utkast().dagordning.order_by("ordning").first().rubrik,
        expected=viewers(allowed=KANSLI),
    ),
    "punkt_delete": Post(
        url=lambda: {"pk": _utkast().dagordning.order_by("ordning").last().pk},
        tillstand=_kvar(Dagordningspunkt, mote__plats=PROVPLATS, mote__protokoll__status="utkast"),
        expected=viewers(allowed=KANSLI),
    ),
    "punkt_move": Post(
        url=lambda: {"pk": _utkast().dagordning.order_by("ordning").last().pk},
        data=lambda _: {"riktning": "upp"},
        tillstand=lambda _: list(_utkast().dagordning.order_by("ordning").values_list("pk")),
        expected=viewers(allowed=KANSLI),
    ),
    "handling_upload": Post(
        url=lambda: {"pk": _utkast().pk},
        data=lambda _: {
            "titel": "Verksamhetsplan",
            "fil": _fil("plan.pdf", b"%PDF-1.4\n%plan\n", "application/pdf"),
        },
        tillstand=_kvar(Handling, mote__plats=PROVPLATS, mote__protokoll__status="utkast"),
        expected=viewers(allowed=KANSLI),
    ),
    "kallelse_send": Post(
        url=lambda: {"pk": _utkast().pk},
        tillstand=lambda _: _utkast().kallelse_skickad,
        expected=viewers(allowed=KANSLI),
    ),
    # The protocol editor.
    "narvaro_edit": Post(
        url=lambda: {"pk": _utkast().protokoll.pk},
        data=lambda _: {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-kategori": "ordinarie",
            "form-0-namn": "Karin Ödmark",
        },
        tillstand=lambda _: list(_utkast().protokoll.narvaro.values_list("namn", "kategori")),
        expected=viewers(allowed=KANSLI),
    ),
    "protokoll_fran_dagordning": Post(
        url=lambda: {"pk": _utkast().protokoll.pk},
        tillstand=_kvar(Paragraf, protokoll__mote__plats=PROVPLATS, protokoll__status="utkast"),
        expected=viewers(allowed=KANSLI),
    ),
    "paragraf_create": Post(
        url=lambda: {"pk": _utkast().protokoll.pk},
        data=lambda _: {"rubrik": "Information från förbundschefen"},
        tillstand=_kvar(Paragraf, protokoll__mote__plats=PROVPLATS, protokoll__status="utkast"),
        expected=viewers(allowed=KANSLI),
    ),
    "paragraf_edit": Post(
        url=lambda: {"pk": _utkast().protokoll.paragrafer.get().pk},
        data=lambda _: {"version": _utkast().protokoll.paragrafer.get().version, "rubrik": "Ny"},
        tillstand=lambda _: _utkast().protokoll.paragrafer.get().rubrik,
        expected=viewers(allowed=KANSLI),
    ),
    "paragraf_omrostning": Post(
        url=lambda: {"pk": _utkast().protokoll.paragrafer.get().pk},
        data=lambda _: {"propositionsordning": "Ordföranden ställer proposition.", "satt": "namn"},
        tillstand=lambda _: _utkast().protokoll.paragrafer.get().propositionsordning,
        expected=viewers(allowed=KANSLI),
    ),
    "beslutsuppdrag_create": Post(
        url=lambda: {"pk": _justerad_161().pk},
        data=lambda _: {
            "attsats": _justerad_161().beslut.first().pk,
            "ansvarig": "förbundschefen",
            "till_nasta_sammantrade": "on",
        },
        tillstand=_kvar(Beslutsuppdrag),
        expected=viewers(allowed=KANSLI),
    ),
    "beslutsuppdrag_avsluta": Post(
        url=lambda: {"pk": _uppdrag().pk},
        data=lambda _: {"paragraf": _utkast().protokoll.paragrafer.get().pk},
        tillstand=lambda _: _uppdrag().avslutat_i_id,
        expected=outcome(KANSLI),
    ),
    "paragraf_delete": Post(
        url=lambda: {"pk": _utkast().protokoll.paragrafer.get().pk},
        tillstand=_kvar(Paragraf, protokoll__mote__plats=PROVPLATS, protokoll__status="utkast"),
        expected=viewers(allowed=KANSLI),
    ),
    "paragraf_move": Post(
        url=_andra_paragrafen,
        data=lambda _: {"riktning": "upp"},
        tillstand=lambda _: list(
            _utkast().protokoll.paragrafer.order_by("ordning", "pk").values_list("pk")
        ),
        expected=viewers(allowed=KANSLI),
    ),
    "protokoll_nasta_mote": Post(
        url=lambda: {"pk": _utkast().protokoll.pk},
        data=lambda _: {"nasta_mote": "2022-03-25 kl. 9, Rum 654."},
        tillstand=lambda _: _utkast().protokoll.nasta_mote,
        expected=viewers(allowed=KANSLI),
    ),
    "mote_installt": Post(
        url=lambda: {"pk": _utkast().pk},
        tillstand=lambda _: _utkast().installt,
        expected=viewers(allowed=KANSLI),
    ),
    "protokoll_numrera": Post(
        url=_utkast_att_numrera,
        data=lambda _: {
            "ordforande": _person("ordforande").pk,
            "justerare": [_person("ledamot").pk],
            "bekrafta": "on",
        },
        tillstand=lambda _: _utkast().protokoll.status,
        expected=viewers(allowed=KANSLI),
    ),
    # Only the two named for this protocol justera it, each with their own password.
    "protokoll_justera": Post(
        url=lambda: {"pk": _numrerat().pk},
        data=lambda persona: {"losenord": _losenord(persona)},
        tillstand=_kvar(Justering, protokoll__mote__plats=PROVPLATS, justerad=None),
        expected={
            **viewers(allowed={"ordforande", "ledamot"}),
            **dict.fromkeys(LASARE - {"ordforande", "ledamot"}, NEJ),
        },
    ),
    # The justering round: a reminder to those who have not justerat, a justerare's comment
    # per paragraph and the kansli marking it handled, återkalla after a justering.
    "protokoll_skicka": Post(
        url=lambda: {"pk": _numrerat().pk},
        tillstand=lambda _: _numrerat().skickat_till_justering,
        expected=viewers(allowed=KANSLI),
    ),
    "paragraf_kommentar": Post(
        url=lambda: {"pk": _numrerade_paragrafen().pk},
        data=lambda _: {"text": "Stavfel i rubriken."},
        tillstand=_kvar_i_numrerat(Justeringskommentar, "paragraf__protokoll"),
        expected={
            **viewers(allowed={"ordforande", "ledamot"}),
            **dict.fromkeys(LASARE - {"ordforande", "ledamot"}, NEJ),
        },
    ),
    "kommentar_atgardad": Post(
        url=_kommentar,
        tillstand=_kvar(Justeringskommentar, atgardad__isnull=False),
        expected=viewers(allowed=KANSLI),
    ),
    "protokoll_aterkalla": Post(
        url=_justerat_av_ordforanden,
        data=lambda _: {"skal": "Beslutet i § 16 var felskrivet."},
        tillstand=_kvar_i_numrerat(Justering, "protokoll", justerad=None),
        expected=viewers(allowed=KANSLI),
    ),
    # Omedelbar justering: the protocol's two justerare, each with their own password; then
    # the kansli puts up the paragraph's own anslag.
    "paragraf_justera": Post(
        url=lambda: {"pk": _numrerade_paragrafen().pk},
        data=lambda persona: {"losenord": _losenord(persona)},
        tillstand=_kvar_i_numrerat(Paragrafjustering, "paragraf__protokoll"),
        expected={
            **viewers(allowed={"ordforande", "ledamot"}),
            **dict.fromkeys(LASARE - {"ordforande", "ledamot"}, NEJ),
        },
    ),
    "paragraf_anslag": Post(
        url=_omedelbart_justerad,
        data=lambda _: {
            "anslagsdatum": dt.date.today().isoformat(),
            "forvaringsplats": "Kommunhuset",
        },
        tillstand=_kvar_i_numrerat(Anslag, "paragraf__protokoll"),
        expected=viewers(allowed=KANSLI),
    ),
    "anslag_create": Post(
        url=_justerat_utan_anslag,
        data=lambda _: {
            "anslagsdatum": dt.date.today().isoformat(),
            "forvaringsplats": "Kommunhuset",
        },
        tillstand=_kvar(Anslag, protokoll__mote__plats=PROVPLATS),
        expected=viewers(allowed=KANSLI),
    ),
    "protokoll_fardigt": Post(
        url=_minnesanteckningar,
        tillstand=lambda _: Protokoll.objects.get(mote__datum=dt.date(2022, 6, 9)).status,
        expected=viewers(allowed=KANSLI),
    ),
    # Insatser: the kansli registers; the insats's own staff report for it; staff of
    # another insats are told it does not exist.
    "insats_create": Post(
        data=lambda _: _insats_falt(_sip(), namn="Ny insats", personal=[]),
        tillstand=_kvar(Insats),
        expected=outcome(KANSLI),
    ),
    "insats_edit": Post(
        url=lambda: {"pk": _psykolog().pk},
        data=lambda _: _insats_falt(_psykolog(), malgrupp="Unga vuxna."),
        tillstand=lambda _: _psykolog().malgrupp,
        expected=insats_b(allowed=KANSLI),
    ),
    "uppfoljning_create": Post(
        url=lambda: {"pk": _sip().pk},
        data=lambda _: {"datum": "2022-06-01", "deltagare": "Styrgruppen"},
        tillstand=_kvar(Uppfoljning, insats__namn="SIP-samordnare Arbetsmarknadstorget"),
        expected=insats_a(allowed=RAPPORTORER),
    ),
    "period_create": Post(
        url=lambda: {"pk": _sip().pk},
        data=lambda _: {"fran": "2022-05-01", "till": "2022-08-31"},
        tillstand=_kvar(Period, insats__namn="SIP-samordnare Arbetsmarknadstorget"),
        expected=insats_a(allowed=RAPPORTORER),
    ),
    # Everyone who reads the insats sees its period; only those who report may change it.
    "period_edit": Post(
        url=lambda: {"pk": _ny_period().pk},
        data=lambda _: {"deltagare-0-totalt": "3", "deltagare-0-kvinnor": "2"},
        tillstand=lambda _: list(
            Period.objects.get(insats=_sip(), fran=dt.date(2022, 5, 1)).rader.values_list(
                "tabell", "kategori", "totalt"
            )
        ),
        expected=insats_a(allowed=RAPPORTORER),
    ),
    "period_import": Post(
        url=lambda: {"pk": _ny_period().pk},
        data=lambda _: {"fil": _fil("sus.csv", _sus_csv_med_ingang(), "text/csv")},
        tillstand=lambda _: (
            Period.objects.get(insats=_sip(), fran=dt.date(2022, 5, 1))
            .rader.filter(totalt__gt=0)
            .count()
        ),
        expected=insats_a(allowed=RAPPORTORER),
    ),
    "period_godkann": Post(
        url=_inskickad_period,
        tillstand=lambda _: Period.objects.get(insats=_sip(), fran=dt.date(2022, 5, 1)).status,
        expected=insats_a(allowed=KANSLI),
    ),
    "period_komplettering": Post(
        url=_inskickad_period,
        data=lambda _: {"kommentar": "Kontrollera nya deltagare."},
        tillstand=lambda _: Period.objects.get(insats=_sip(), fran=dt.date(2022, 5, 1)).status,
        expected=insats_a(allowed=KANSLI),
    ),
    "ansokan_create": Post(
        url=lambda: {"pk": _sip().pk},
        data=lambda _: {
            "inkommen": "2022-10-01",
            "text": "Fortsatt finansiering.",
            "ar_0": "2023",
            "personal_0": "500000",
        },
        tillstand=_kvar(Ansokan, insats__namn="SIP-samordnare Arbetsmarknadstorget"),
        expected=insats_a(allowed=RAPPORTORER),
    ),
    "ansokan_dagordning": Post(
        url=lambda: {"pk": Ansokan.objects.get(insats=_psykolog()).pk},
        data=lambda _: {"mote": _utkast().pk},
        tillstand=lambda _: Ansokan.objects.get(insats=_psykolog()).dagordningspunkt_id,
        expected=insats_b(allowed=KANSLI),
    ),
    "arsrapport_edit": Post(
        url=lambda: {"pk": _sip().pk, "ar": 2022},
        data=lambda _: {"verksamhet": "Verksamheten", "resultat": "Resultat", "framat": "Framåt"},
        tillstand=_kvar(Arsrapport, insats__namn="SIP-samordnare Arbetsmarknadstorget"),
        expected=insats_a(allowed=RAPPORTORER),
    ),
    "arsrapport_godkann": Post(
        url=_inlamnad_arsrapport,
        data=lambda _: {"paragraf": _paragraf_efter_2021().pk},
        tillstand=lambda _: Arsrapport.objects.get(insats=_sip(), ar=2022).status,
        expected=insats_a(allowed=KANSLI),
    ),
    # Grants and payments: the kansli; attest also the ordförande.
    "beviljning_create": Post(
        url=lambda: {"pk": Paragraf.objects.filter(nummer=161).get().pk},
        data=lambda _: {"insats": _sip().pk, "utfall": "beviljad", "ar": "2024", "belopp": "1000"},
        tillstand=_kvar(Beviljning),
        expected=outcome(KANSLI),
    ),
    "betalplan_halften": Post(
        url=lambda: {"pk": _utan_betalplan().pk},
        tillstand=_kvar(Delbetalning),
        expected=insats_b(allowed=KANSLI),
    ),
    "delbetalning_create": Post(
        url=lambda: {"pk": _utan_betalplan().pk},
        data=lambda _: {"del-utlosare": "avtal", "del-belopp": "1000", "del-datum": ""},
        tillstand=_kvar(Delbetalning),
        expected=insats_b(allowed=KANSLI),
    ),
    "delbetalning_utlos": Post(
        url=lambda: {"pk": _psykologens_beviljning().betalplan.get(ordning=1).pk},
        tillstand=lambda _: _psykologens_beviljning().betalplan.get(ordning=1).utlost,
        expected=insats_b(allowed=KANSLI),
    ),
    "utbetalning_create": Post(
        url=lambda: {"pk": _utlost_delbetalning().beviljning_id},
        data=lambda _: {
            "belopp": "1000",
            "delbetalning": _psykologens_beviljning().betalplan.get(ordning=1).pk,
        },
        tillstand=_kvar(Utbetalning),
        expected=insats_b(allowed=KANSLI),
    ),
    "utbetalning_attestera": Post(
        url=lambda: {"pk": _begard_utbetalning().pk},
        tillstand=lambda _: Utbetalning.objects.get().status,
        expected=insats_b(allowed=KANSLI | {"ordforande"}),
    ),
    "utbetalning_utbetald": Post(
        url=_attesterad_utbetalning,
        tillstand=lambda _: Utbetalning.objects.get().utbetald,
        expected=insats_b(allowed=KANSLI),
    ),
    # Arrangemang and reports: the kansli writes.
    "arrangemang_create": Post(
        data=lambda _: _arrangemang_falt(),
        tillstand=_kvar(Arrangemang),
        expected=outcome(KANSLI),
    ),
    "arrangemang_edit": Post(
        url=lambda: {"pk": _sip().arrangemang.get().pk},
        data=lambda _: _arrangemang_falt(namn="Introduktion till SIP, omgång 2"),
        tillstand=lambda _: list(Arrangemang.objects.order_by("pk").values_list("namn")),
        expected=outcome(KANSLI),
    ),
    "verksamhetsrapport_create": Post(
        data=lambda _: {"typ": "delarsrapport", "fran": "2022-01-01", "till": "2022-04-30"},
        tillstand=_kvar(Verksamhetsrapport),
        expected=outcome(KANSLI),
    ),
    "rapportavsnitt_edit": Post(
        url=lambda: {"pk": _rapport().pk, "nyckel": "styrelsen"},
        data=lambda _: {
            "text": "Styrelsen har haft sex sammanträden.",
            "version": _rapport().avsnitt.get(nyckel="styrelsen").version,
        },
        tillstand=lambda _: _rapport().avsnitt.get(nyckel="styrelsen").text,
        expected=outcome(KANSLI),
    ),
    "verksamhetsrapport_godkann": Post(
        url=lambda: {"pk": _rapport().pk},
        data=lambda _: {"paragraf": _paragraf_efter_2021().pk},
        tillstand=lambda _: _rapport().status,
        expected=outcome(KANSLI),
    ),
    "verksamhetsrapport_ny_utgava": Post(
        url=_godkand_rapport,
        tillstand=_kvar(Verksamhetsrapport),
        expected=outcome(KANSLI),
    ),
    # Ekonomi: the board reads, the kansli imports and edits.
    "ekonomi_import": Post(
        # An upload is checked and kept as a draft for the preview; nothing is imported yet.
        data=lambda _: {
            "ar": "2021",
            "per": "",
            "fil": _fil("utfall.se", sie4([(4010, dt.date(2021, 3, 1), 1000, "Lön")])),
        },
        tillstand=_kvar(Importutkast),
        expected=outcome(KANSLI),
    ),
    "ekonomi_import_granska": Post(
        # Confirming the previewed draft imports it.
        url=_importutkast,
        tillstand=_kvar(Utfallsimport),
        expected=outcome(KANSLI),
    ),
    "ekonomi_konto_mappa": Post(
        data=lambda _: {"konto": "4999", "post": Budgetpost.objects.get(namn="Konsulter").pk},
        tillstand=lambda _: list(
            Budgetpost.objects.filter(konton__nummer=4999).values_list("namn", flat=True)
        ),
        expected=outcome(KANSLI),
    ),
    "ekonomi_prognos": Post(
        url=lambda: {"ar": 2021},
        data=lambda _: {f"post_{Budgetpost.objects.get(namn='Konsulter').pk}": "123456"},
        tillstand=_kvar(Prognos, belopp=123456),
        expected=outcome(KANSLI),
    ),
    "ekonomi_budget": Post(
        url=lambda: {"ar": 2021},
        data=lambda _: {"version": Budgetversion.objects.get().pk, "atgard": "ny_version"},
        tillstand=_kvar(Budgetversion),
        expected=outcome(KANSLI),
    ),
    # Enkäter: rounds and forms by the kansli, paper answers also by the insats's staff,
    # the form itself by anyone with a link.
    "omgang_create": Post(
        data=lambda _: {
            "formular": _formular_styrelse().pk,
            "ar": "2022",
            "oppnar": "2022-09-01",
            "stanger": "2022-09-30",
        },
        tillstand=_kvar(Omgang),
        expected=outcome(KANSLI),
    ),
    "omgang_detail": Post(
        url=lambda: {"pk": _oppen_omgang().pk},
        data=lambda _: {"antal": "5"},
        tillstand=lambda _: _oppen_omgang().tokens.count(),
        expected=outcome(KANSLI),
    ),
    "omgang_registrera": Post(
        url=lambda: {"pk": _oppen_omgang().pk},
        data=lambda _: _svar(_skalfragor(_oppen_omgang())),
        tillstand=lambda _: Svar.objects.filter(omgang=_oppen_omgang()).count(),
        expected=outcome(KANSLI | {"insatspersonal"}, denied=SAKNAS),
    ),
    "omgang_import": Post(
        url=lambda: {"pk": _oppen_omgang().pk},
        data=lambda _: {"fil": _fil("svar.csv", b"kon;1;2\n1;5;4\n", "text/csv")},
        tillstand=lambda _: Svar.objects.filter(omgang=_oppen_omgang()).count(),
        expected=outcome(KANSLI),
    ),
    "besvara": Post(
        url=lambda: {"kod": _oppen_omgang().tokens.filter(anvand=False).first().kod},
        data=lambda _: _svar(_skalfragor(_oppen_omgang())),
        tillstand=lambda _: Inkorg.objects.filter(omgang=_oppen_omgang()).count(),
        expected=everyone(),
    ),
    "besvara_delad": Post(
        url=_delad_lank,
        data=lambda _: _svar(_skalfragor(_oppen_omgang())),
        tillstand=lambda _: Inkorg.objects.filter(omgang=_oppen_omgang()).count(),
        expected=everyone(),
    ),
    "formular_list": Post(
        data=lambda _: {"namn": "Uppföljning chefer", "malgrupp": "styrelse"},
        tillstand=_kvar(Formular),
        expected=outcome(KANSLI),
    ),
    "formular_detail": Post(
        url=lambda: {"pk": _formular_styrelse().pk},
        data=lambda _: {"atgard": "ny_version"},
        tillstand=_kvar(Formular),
        expected=outcome(KANSLI),
    ),
    # The admin: the kansli, and accounts only a superuser (none of the personas).
    "admin:forbund_person_changelist": Post(
        url=_person_att_radera,
        data=lambda _: {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [Person.objects.get(efternamn="Raderas").pk],
        },
        tillstand=_kvar(Person, efternamn="Raderas"),
        expected=outcome(KANSLI),
    ),
    "admin:auth_user_changelist": Post(
        data=lambda _: {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [_anvandare("revisor").pk],
        },
        tillstand=lambda _: get_user_model().objects.filter(username="revisor").count(),
        expected=outcome(set()),
    ),
}


def _formular_styrelse() -> Formular:
    return Formular.objects.get(kod="styrelse", version=1)


# URLs that take a POST without a change a persona could be allowed or refused, and why.
UTAN_ANDRING = {
    "password_reset_confirm": "Återställningslänkens token avgör, inte vem som är inloggad; "
    "hela flödet är tests/test_auth.py::test_password_reset_by_email.",
    "admin:index": "Administrationens startsida: en POST visar sidan.",
    "api:openapi-json": "Det öppna API:ts schema: varje metod får samma dokument, inget sparas.",
    "api:api-root": "Ingen sida: 404 för varje metod.",
}


def _post_outcome(client, response) -> object:
    """As the GET matrix classifies, without following the answer's redirect (that is a GET
    of the next page): sent to the login with a `next` is LOGIN; the admin's redirect to its
    own login is its refusal, and is followed to see it."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("login")) and "next=" in location:
            return LOGIN
        if location.startswith(reverse("admin:login")):
            return _post_outcome(client, client.get(location))
    if 200 <= response.status_code < 400:
        return OK
    return response.status_code


def _kwargs(entry: Post):
    return entry.url() if entry.url else None


def test_post_matrix(seed_enkat, request):
    """Every state-changing URL × every persona, on the seeds' world (2022's periods,
    payments and reports are made here, not taken from the demo's years): the entry's data
    prepared in a savepoint,
    each persona's POST in a savepoint inside it, both rolled back, so every persona starts
    from the same data. Every mismatch is listed. ``--matris=NAMN`` limits it, as for the
    GET matrix."""
    only = request.config.getoption("--matris", default=None)
    mismatches = {}
    for name in sorted(POST_MATRIX):
        if only and only not in name:
            continue
        entry = POST_MATRIX[name]
        fel = {}
        with transaction.atomic():
            url = reverse(name, kwargs=_kwargs(entry))
            for persona in PERSONAS:
                with transaction.atomic():
                    client = client_for(persona)
                    fore = entry.tillstand(persona)
                    response = client.post(url, entry.data(persona))
                    efter = entry.tillstand(persona)
                    actual = _post_outcome(client, response)
                    transaction.set_rollback(True)
                expected = entry.expected[persona]
                if expected == OK and (actual != OK or efter == fore):
                    fel[persona] = (
                        f"väntat {OK} och en ändring, fick {actual}, {fore!r} → {efter!r}"
                    )
                elif expected != OK and (actual != expected or efter != fore):
                    fel[persona] = (
                        f"väntat {expected} utan ändring, fick {actual}, {fore!r} → {efter!r}"
                    )
            transaction.set_rollback(True)
        if fel:
            mismatches[name] = fel
    assert mismatches == {}, "\n".join(
        f"{name} {persona}: {text}"
        for name, fel in mismatches.items()
        for persona, text in fel.items()
    )


def test_every_url_that_takes_a_post_is_in_the_post_matrix(enkat):
    """A URL takes a POST unless the kansli's POST is answered 405; the GET matrix lists
    every URL, so this finds every one that does."""
    tar_post = {}
    for name, (kwargs_factory, _expected) in MATRIX.items():
        with transaction.atomic():
            url = reverse(name, kwargs=kwargs_factory() if kwargs_factory else None)
            status = client_for("forbundschef").post(url, {}).status_code
            if status != 405:
                tar_post[name] = status
            transaction.set_rollback(True)
    saknas = sorted(
        f"{n} ({s})" for n, s in tar_post.items() if n not in POST_MATRIX | UTAN_ANDRING
    )
    assert saknas == [], f"URL som tar emot POST men saknar rad i POST-matrisen: {saknas}"
    inaktuella = sorted((set(POST_MATRIX) | set(UTAN_ANDRING)) - set(tar_post))
    assert inaktuella == [], f"Rader för URL som inte tar emot POST: {inaktuella}"
