"""Every URL pattern × every persona, with its expected outcome.

The list of patterns is read from the URL resolver, so a URL added without an entry here
makes test_every_url_is_in_the_matrix fail.
"""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from ekonomi.models import Budgetpost
from forbund.models import Framstallning, Organ, Person, Uppdrag
from insatser.models import Ansokan, Beviljning, Insats, Period, Uppfoljning
from moten.models import Paragraf, Protokoll

from .conftest import PERSONAS, client_for, provmote

OK, LOGIN, NEJ, SAKNAS, METOD = 200, "login", 403, 404, 405
KANSLI = {"forbundschef"}
STYRELSE = {"ordforande", "ledamot", "ersattare"}
INLOGGADE = set(PERSONAS) - {"anonym"}


def outcome(allowed: set[str], *, denied=NEJ, public=False) -> dict[str, object]:
    result = {}
    for persona in PERSONAS:
        if persona in allowed:
            result[persona] = OK
        elif persona == "anonym" and not public:
            result[persona] = LOGIN
        else:
            result[persona] = denied
    return result


def everyone(status=OK):
    return dict.fromkeys(PERSONAS, status)


LASARE = KANSLI | STYRELSE | {"revisor"}  # who reads the styrelse's meetings


def viewers(*, denied=SAKNAS, allowed=LASARE):
    """A page of one meeting: outsiders get 404, not a hint that it exists."""
    return outcome(allowed, denied=denied)


def post_only():
    return {**everyone(METOD), "anonym": LOGIN}


def _utkast():
    return provmote("utkast")


def _numrerat():
    return provmote("numrerat")


def _arsredovisning_2021():
    """The demo's årsredovisning 2021 (approved by the board in February 2022)."""
    from rapporter.models import Verksamhetsrapport

    return Verksamhetsrapport.objects.get(typ="arsredovisning", till=dt.date(2021, 12, 31))


def _sip_period():
    """The SIP insats's first period (approved: January–April 2022)."""
    return Period.objects.filter(insats=_sip()).order_by("fran").first()


def _ansokan():
    """The test's application from the psykolog insats, with its bilaga (not yet on a
    dagordning)."""
    return Ansokan.objects.filter(insats=_psykolog(), bilagor__isnull=False).distinct().get()


def _ar():
    """The demo's year being followed up (the year of the last closed month)."""
    from devtools.demo_aren import utfallsar

    return utfallsar()


def _kalenderlank():
    """The ordförande's calendar address (made once)."""
    from forbund import services
    from forbund.models import Kalenderlank

    person = Person.objects.get(user__username="ordforande")
    lank = Kalenderlank.objects.filter(person=person).first()
    return lank or services.kalenderlank_create(actor=None, person=person)


def _justerat():
    return Protokoll.objects.get(mote__datum=dt.date(2021, 11, 26))


def _uppdrag():
    """The demo's open uppdrag from 2022-01-21 § 9 (beslutsuppföljning)."""
    from moten.models import Beslutsuppdrag

    return Beslutsuppdrag.objects.get(beskrivning__startswith="Sammanfatta planeringsdagen")


def _enkat_sip():
    from enkater.models import Omgang

    return Omgang.objects.filter(stanger__gte=dt.date.today()).get()


def _formular(kod):
    from enkater.models import Formular

    return Formular.objects.get(kod=kod, version=1)


def _importutkast():
    """An uploaded SIE file waiting for its confirmation (ekonomi: import preview)."""
    from ekonomi import services
    from ekonomi.models import Importutkast

    from .ekonomi.conftest import sie4

    utkast = Importutkast.objects.first()
    if utkast is None:
        data = sie4([(7010, dt.date(2021, 3, 1), 1_000, "Arvoden")], konton={7010: "Arvoden"})
        utkast, _g = services.importutkast_create(actor=None, data=data, filnamn="mars.se", ar=2021)
    return {"pk": utkast.pk}


def _utfall_2021():
    """Utfall imported for 2021, so the year's saldolista exists (no kwargs of its own)."""
    from ekonomi import services
    from ekonomi.models import Utfallsimport

    from .ekonomi.conftest import sie4

    if not Utfallsimport.objects.filter(ar=2021).exists():
        data = sie4([(7010, dt.date(2021, 3, 1), 1_000, "Arvoden")])
        services.utfall_import(actor=None, data=data, filnamn="mars.se", ar=2021)


def _delad_lank():
    from enkater import services

    return services.delad_lank_create(actor=None, omgang=_enkat_sip()).delad_kod


def _sip():
    """Insats A: the demo's insatspersonal works here."""
    return Insats.objects.get(namn="SIP-samordnare Arbetsmarknadstorget")


def _psykolog():
    """Insats B: not the insatspersonal's."""
    return Insats.objects.get(namn="Psykolog Arbetsmarknadstorget")


def _framstallning():
    """A file the job queue made for the förbundschef (a status page with its link)."""
    f, _ = Framstallning.objects.get_or_create(
        pk="00000000-0000-4000-8000-000000000019",
        defaults={
            "typ": "arkiv",
            "titel": "Arkivpaket: prov",
            "bestallare": get_user_model().objects.get(username="forbundschef"),
            "klar": timezone.now(),
            "filnamn": "prov.zip",
            "filtyp": "application/zip",
            "innehall": b"PK\x05\x06" + bytes(18),
        },
    )
    return {"pk": f.pk}


def insats_a(allowed=LASARE | {"insatspersonal"}):
    """A page of the insatspersonal's own insats; outsiders without a role are refused."""
    return outcome(allowed)


def insats_b(allowed=LASARE):
    """A page of another insats: its insatspersonal get 404, as if it did not exist."""
    return {**outcome(allowed), "insatspersonal": SAKNAS}


RAPPORTORER = KANSLI | {"insatspersonal"}


# name -> (kwargs factory, expected outcome per persona)
MATRIX = {
    "oversikt": (None, outcome(INLOGGADE)),
    "forbund_detail": (None, outcome(KANSLI | STYRELSE | {"revisor"})),
    "forbund_edit": (None, outcome(KANSLI)),
    "organ_detail": (
        lambda: {"pk": Organ.objects.get(namn="Styrelsen").pk},
        outcome(KANSLI | STYRELSE | {"revisor"}),
    ),
    "person_list": (None, outcome(KANSLI)),
    "person_create": (None, outcome(KANSLI)),
    "person_detail": (lambda: {"pk": Person.objects.first().pk}, outcome(KANSLI)),
    "person_edit": (lambda: {"pk": Person.objects.first().pk}, outcome(KANSLI)),
    "konto_create": (
        lambda: {"pk": Person.objects.filter(user__isnull=True).first().pk},
        outcome(KANSLI),
    ),
    "uppdrag_create": (lambda: {"pk": Person.objects.first().pk}, outcome(KANSLI)),
    "uppdrag_edit": (lambda: {"pk": Uppdrag.objects.first().pk}, outcome(KANSLI)),
    "bekraftelser": (None, outcome(KANSLI | {"ordforande"})),
    "bekraftelse_bekrafta": (lambda: {"pk": 1}, post_only()),
    "personlogg": (None, outcome(KANSLI | {"ordforande", "revisor"})),
    # The job queue's failed jobs and unsent mail (issue 19): the kansli only.
    "jobb_fel": (None, outcome(KANSLI)),
    "jobb_forsok_igen": (lambda: {"pk": 1}, post_only()),
    # A file the job queue made (issue 19): only the one who asked for it, others 404.
    "framstallning_detail": (_framstallning, outcome({"forbundschef"}, denied=SAKNAS)),
    "framstallning_hamta": (_framstallning, outcome({"forbundschef"}, denied=SAKNAS)),
    "arkivpaket_bestall": (None, post_only()),
    "verksamhetsrapport_bestall": (lambda: {"pk": _arsredovisning_2021().pk}, post_only()),
    "tillganglighet": (None, everyone()),
    "favicon": (None, everyone()),
    "mitt_konto": (None, outcome(INLOGGADE)),
    "login": (None, everyone()),
    # Logging out is a POST (a GET could be forged by any page): GET is refused.
    "logout": (None, {**everyone(METOD), "anonym": LOGIN}),
    "password_change": (None, outcome(INLOGGADE)),
    "password_change_done": (None, outcome(INLOGGADE)),
    "password_reset": (None, everyone()),
    "password_reset_done": (None, everyone()),
    "password_reset_confirm": (lambda: {"uidb64": "MQ", "token": "ogiltig"}, everyone()),
    "password_reset_complete": (None, everyone()),
    # Meetings and protocols.
    "mote_list": (None, outcome(LASARE)),
    "mote_create": (None, outcome(KANSLI)),
    "mote_detail": (lambda: {"pk": _utkast().pk}, viewers()),
    "mote_edit": (lambda: {"pk": _utkast().pk}, viewers(allowed=KANSLI)),
    "mote_installt": (lambda: {"pk": _utkast().pk}, post_only()),
    "punkt_create": (lambda: {"pk": _utkast().pk}, viewers(allowed=KANSLI)),
    "punkt_edit": (lambda: {"pk": _utkast().dagordning.first().pk}, viewers(allowed=KANSLI)),
    "punkt_delete": (lambda: {"pk": _utkast().dagordning.first().pk}, post_only()),
    "punkt_move": (lambda: {"pk": _utkast().dagordning.first().pk}, post_only()),
    "handling_upload": (lambda: {"pk": _utkast().pk}, viewers(allowed=KANSLI)),
    "handling_download": (lambda: {"pk": _utkast().handlingar.get().pk}, viewers()),
    "kallelse_pdf": (lambda: {"pk": _utkast().pk}, viewers()),
    "kallelse_ics": (lambda: {"pk": _utkast().pk}, viewers()),
    "kallelse_send": (lambda: {"pk": _utkast().pk}, post_only()),
    "protokoll_detail": (lambda: {"pk": _justerat().pk}, viewers()),
    "narvaro_edit": (lambda: {"pk": _utkast().protokoll.pk}, viewers(allowed=KANSLI)),
    "protokoll_fran_dagordning": (lambda: {"pk": _utkast().protokoll.pk}, post_only()),
    "paragraf_create": (lambda: {"pk": _utkast().protokoll.pk}, viewers(allowed=KANSLI)),
    "protokoll_numrera": (lambda: {"pk": _utkast().protokoll.pk}, viewers(allowed=KANSLI)),
    "protokoll_dokument": (lambda: {"pk": _numrerat().protokoll.pk}, viewers()),
    "protokoll_skicka": (lambda: {"pk": _numrerat().protokoll.pk}, post_only()),
    # Nobody has justerat yet: the kansli is sent back to the protocol with a message.
    "protokoll_aterkalla": (lambda: {"pk": _numrerat().protokoll.pk}, viewers(allowed=KANSLI)),
    "paragraf_kommentar": (lambda: {"pk": _numrerat().protokoll.paragrafer.get().pk}, post_only()),
    "kommentar_atgardad": (lambda: {"pk": 1}, post_only()),
    # The numbered protocol's paragraph is to be justerad omedelbart by its two justerare.
    "paragraf_justera": (
        lambda: {"pk": _numrerat().protokoll.paragrafer.get().pk},
        {**viewers(denied=SAKNAS), **dict.fromkeys(LASARE - {"ordforande", "ledamot"}, NEJ)},
    ),
    # Not justerad omedelbart yet: the kansli is sent back to the protocol with a message.
    "paragraf_anslag": (
        lambda: {"pk": _numrerat().protokoll.paragrafer.get().pk},
        viewers(allowed=KANSLI),
    ),
    # Only the two named for this protocol may justera it; the other readers are refused.
    "protokoll_justera": (
        lambda: {"pk": _numrerat().protokoll.pk},
        {**viewers(denied=SAKNAS), **dict.fromkeys(LASARE - {"ordforande", "ledamot"}, NEJ)},
    ),
    # Already anslaget: the kansli is sent back to the protocol with a message.
    "anslag_create": (lambda: {"pk": _justerat().pk}, viewers(allowed=KANSLI)),
    "protokoll_fardigt": (lambda: {"pk": _utkast().protokoll.pk}, post_only()),
    "protokoll_nasta_mote": (lambda: {"pk": _utkast().protokoll.pk}, post_only()),
    # A justerat protocol is a public document: anyone may read it.
    "protokoll_pdf": (lambda: {"pk": _justerat().pk}, everyone()),
    "protokollsutdrag_pdf": (
        lambda: {"pk": _justerat().paragrafer.get(nummer=161).pk},
        everyone(),
    ),
    "paragraf_detail": (lambda: {"pk": Paragraf.objects.filter(nummer=161).get().pk}, viewers()),
    "paragraf_edit": (
        lambda: {"pk": _utkast().protokoll.paragrafer.get().pk},
        viewers(allowed=KANSLI),
    ),
    "paragraf_omrostning": (
        lambda: {"pk": _utkast().protokoll.paragrafer.get().pk},
        viewers(allowed=KANSLI),
    ),
    "paragraf_delete": (lambda: {"pk": _utkast().protokoll.paragrafer.get().pk}, post_only()),
    "paragraf_move": (lambda: {"pk": _utkast().protokoll.paragrafer.get().pk}, post_only()),
    "beslutsregister": (None, outcome(LASARE)),
    "beslutsuppdrag_list": (None, outcome(LASARE)),
    "beslutsuppdrag_create": (
        lambda: {"pk": _justerat().paragrafer.get(nummer=161).pk},
        viewers(allowed=KANSLI),
    ),
    "beslutsuppdrag_avsluta": (lambda: {"pk": _uppdrag().pk}, outcome(KANSLI)),
    "anslagstavla": (None, everyone()),
    # A justerat protocol and its public bilagor are public documents.
    "publikt_protokoll": (lambda: {"pk": _justerat().pk}, everyone()),
    "publik_bilaga": (lambda: {"pk": _justerat().pk, "nummer": 1}, everyone()),
    # The public API: justerade protocols only, no login.
    "api:anslagstavla": (None, everyone()),
    "api:protokoll": (None, everyone()),
    "api:beslut": (None, everyone()),
    "api:openapi-json": (None, everyone()),
    "api:api-root": (None, everyone(SAKNAS)),
    # Insatser.
    "insats_list": (None, insats_a()),
    "insats_list_xlsx": (None, insats_a()),
    "insats_create": (None, outcome(KANSLI)),
    "sus_rapport": (None, outcome(LASARE)),
    "insats_detail": (lambda: {"pk": _psykolog().pk}, insats_b()),
    "insats_edit": (lambda: {"pk": _psykolog().pk}, insats_b(allowed=KANSLI)),
    "uppfoljning_create": (lambda: {"pk": _sip().pk}, insats_a(allowed=RAPPORTORER)),
    "uppfoljning_detail": (
        lambda: {
            "pk": Uppfoljning.objects.filter(insats=_psykolog()).first().pk
            if Uppfoljning.objects.filter(insats=_psykolog()).exists()
            else Uppfoljning.objects.exclude(insats=_sip()).first().pk
        },
        insats_b(),
    ),
    "period_create": (lambda: {"pk": _sip().pk}, insats_a(allowed=RAPPORTORER)),
    "period_edit": (lambda: {"pk": _sip_period().pk}, insats_a()),
    "period_import": (
        lambda: {"pk": _sip_period().pk},
        insats_a(allowed=RAPPORTORER),
    ),
    "period_godkann": (lambda: {"pk": _sip_period().pk}, post_only()),
    "period_komplettering": (
        lambda: {"pk": _sip_period().pk},
        post_only(),
    ),
    "beviljning_create": (
        lambda: {"pk": _justerat().paragrafer.get(nummer=161).pk},
        outcome(KANSLI),
    ),
    "beviljning_detail": (
        lambda: {"pk": Beviljning.objects.filter(insats=_psykolog()).first().pk},
        insats_b(),
    ),
    "betalplan_halften": (lambda: {"pk": Beviljning.objects.first().pk}, post_only()),
    "delbetalning_create": (lambda: {"pk": Beviljning.objects.first().pk}, post_only()),
    "delbetalning_utlos": (
        lambda: {"pk": Beviljning.objects.first().betalplan.first().pk},
        post_only(),
    ),
    "utbetalning_create": (lambda: {"pk": Beviljning.objects.first().pk}, post_only()),
    "utbetalning_attestera": (lambda: {"pk": 1}, post_only()),
    "utbetalning_utbetald": (lambda: {"pk": 1}, post_only()),
    "insats_list_pdf": (None, insats_a()),
    "insats_xlsx": (lambda: {"pk": _psykolog().pk}, insats_b()),
    "ansokan_create": (lambda: {"pk": _sip().pk}, insats_a(allowed=RAPPORTORER)),
    "ansokan_detail": (lambda: {"pk": _ansokan().pk}, insats_b()),
    "ansokan_dagordning": (lambda: {"pk": _ansokan().pk}, post_only()),
    "ansokan_bilaga": (lambda: {"pk": _ansokan().bilagor.get().pk}, insats_b()),
    "arsrapport_edit": (lambda: {"pk": _sip().pk, "ar": 2022}, insats_a()),
    "arsrapport_godkann": (lambda: {"pk": _sip().pk, "ar": 2022}, post_only()),
    "arsrapport_pdf": (lambda: {"pk": _psykolog().pk, "ar": 2022}, insats_b()),
    # Ekonomi: the board reads, only the kansli imports and edits.
    "ekonomi_dashboard": (None, outcome(LASARE)),
    "ekonomi_uppfoljning": (lambda: {"ar": _ar()}, outcome(LASARE)),
    "ekonomi_delarsrapport": (lambda: {"ar": _ar()}, outcome(LASARE)),
    "ekonomi_post": (
        lambda: {"ar": 2021, "pk": Budgetpost.objects.get(namn="Konsulter").pk},
        outcome(LASARE),
    ),
    "ekonomi_import": (None, outcome(KANSLI)),
    "ekonomi_import_granska": (_importutkast, outcome(KANSLI)),
    "ekonomi_konton": (None, outcome(KANSLI)),
    "ekonomi_saldolista": (_utfall_2021, outcome(LASARE)),
    "ekonomi_konto_mappa": (None, post_only()),
    "ekonomi_prognos": (lambda: {"ar": _ar()}, outcome(KANSLI)),
    "ekonomi_budget": (lambda: {"ar": _ar()}, outcome(LASARE)),
    # Enkäter: rounds by the kansli, results by the kansli and the board, the form by link.
    "omgang_list": (None, outcome(KANSLI | STYRELSE)),
    "omgang_create": (None, outcome(KANSLI)),
    "omgang_detail": (lambda: {"pk": _enkat_sip().pk}, outcome(KANSLI)),
    "omgang_lankar": (lambda: {"pk": _enkat_sip().pk}, outcome(KANSLI)),
    "omgang_resultat": (lambda: {"pk": _enkat_sip().pk}, outcome(KANSLI | STYRELSE)),
    # Staff transcribe paper answers for their own insats only (another's is a 404).
    "omgang_registrera": (
        lambda: {"pk": _enkat_sip().pk},
        outcome(KANSLI | {"insatspersonal"}, denied=SAKNAS),
    ),
    # The respondent's form: anyone with a valid, unused link to an open round.
    "besvara": (lambda: {"kod": _enkat_sip().tokens.filter(anvand=False).first().kod}, everyone()),
    # -- enkäter, fortsättning (#6): add entries below this line --
    "formular_list": (None, outcome(KANSLI)),
    "formular_detail": (lambda: {"pk": _formular("styrelse").pk}, outcome(KANSLI)),
    "enkat_jamforelse": (lambda: {"kod": "deltagare_avslut"}, outcome(KANSLI | STYRELSE)),
    "enkat_sjalvskattning": (
        lambda: {"kod": "sjalvskattning-deltagare"},
        outcome(KANSLI | STYRELSE),
    ),
    "omgang_import": (lambda: {"pk": _enkat_sip().pk}, outcome(KANSLI)),
    "omgang_export": (lambda: {"pk": _enkat_sip().pk}, outcome(KANSLI)),
    # The shared link of an open round: anyone who has it (and has not answered).
    "besvara_delad": (lambda: {"kod": _delad_lank()}, everyone()),
    # -- arrangemang och verksamhetsrapport (#7): add entries below this line --
    # Reports: the kansli writes, the board and the revisor read; insatspersonal do not.
    "rapporter": (None, outcome(LASARE)),
    "arrangemang_list": (None, outcome(LASARE)),
    "arrangemang_create": (None, outcome(KANSLI)),
    "arrangemang_detail": (lambda: {"pk": _sip().arrangemang.get().pk}, outcome(LASARE)),
    "arrangemang_edit": (lambda: {"pk": _sip().arrangemang.get().pk}, outcome(KANSLI)),
    "verksamhetsrapport_create": (None, outcome(KANSLI)),
    # The demo's årsredovisning 2021 (rapporter.models.Verksamhetsrapport).
    "verksamhetsrapport_detail": (
        lambda: {"pk": _arsredovisning_2021().pk},
        outcome(LASARE),
    ),
    "rapportavsnitt_edit": (
        lambda: {
            "pk": _arsredovisning_2021().pk,
            "nyckel": "styrelsen",
        },
        outcome(KANSLI),
    ),
    "verksamhetsrapport_godkann": (
        lambda: {"pk": _arsredovisning_2021().pk},
        post_only(),
    ),
    "verksamhetsrapport_ny_utgava": (
        lambda: {"pk": _arsredovisning_2021().pk},
        post_only(),
    ),
    "verksamhetsrapport_pdf": (
        lambda: {"pk": _arsredovisning_2021().pk},
        outcome(LASARE),
    ),
    "verksamhetsrapport_docx": (
        lambda: {"pk": _arsredovisning_2021().pk},
        outcome(LASARE),
    ),
    "verksamhetsrapport_html": (
        lambda: {"pk": _arsredovisning_2021().pk},
        outcome(LASARE),
    ),
    # -- styrelsens läge (#13): add entries below this line --
    # A calendar address: created, renewed or revoked by its owner (POST); the feed is
    # public by its secret token (a calendar program has no login).
    "kalenderlank": (None, post_only()),
    "kalender_feed": (lambda: {"token": _kalenderlank().token}, everyone()),
    # -- behovsanalys (#7): add entries below this line --
    # The board, the kansli and the revisorer read it; only the kansli imports.
    "behovsanalys": (None, outcome(LASARE)),
    "behovsanalys_pdf": (None, outcome(LASARE)),
    "behovsanalys_import": (None, outcome(KANSLI)),
    "behovsanalys_exempel": (None, outcome(KANSLI)),
    # -- drift och skala (#8): add entries below this line --
    # The admin: kansli only; others are sent to the login or refused.
    "admin:index": (None, outcome(KANSLI)),
    "admin:forbund_person_changelist": (None, outcome(KANSLI)),
    # Accounts and passwords are superusers' only: a kansli who could reset a password or
    # re-point a login could justera or attest as someone else.
    "admin:auth_user_changelist": (None, outcome(set())),
}

# Views that answer with a file to download rather than a page (no accessibility check).
FILER = {
    "framstallning_hamta",
    "handling_download",
    "ansokan_bilaga",
    "insats_list_xlsx",
    "insats_xlsx",
    "verksamhetsrapport_pdf",
    "verksamhetsrapport_docx",
    "verksamhetsrapport_html",
}
FILER |= {"behovsanalys_pdf", "behovsanalys_exempel"}  # behovsanalys (#7)
FILER |= {"omgang_export"}  # enkäter (#6)
FILER |= {"ekonomi_saldolista"}  # the saldolista CSV (#16)
FILER |= {"favicon"}  # formulär och omflöde (#17)
FILER |= {"kalender_feed"}  # the iCalendar feed (#13)
FILER |= {"kallelse_ics", "publik_bilaga"}  # sammanträdet i protokollet (#15)
# (Reports with ?format=pdf|xlsx|csv are pages first; only their default HTML is walked.)

# The admin's other patterns (one set per model) are guarded by PortalAdminSite.has_permission
# and the KansliAdmin mixin: the entries above check that guard on its index, a model page
# and the user list.
EXEMPT_NAMESPACES = {"admin"}


def _all_url_names(patterns=None, namespace=None):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            yield from _all_url_names(p.url_patterns, ns)
        elif isinstance(p, URLPattern):
            if namespace in EXEMPT_NAMESPACES:
                continue
            if p.name is None:
                yield f"<namnlös: {p.pattern}>"
            else:
                yield f"{namespace}:{p.name}" if namespace else p.name


def test_every_url_is_in_the_matrix():
    missing = sorted(set(_all_url_names()) - set(MATRIX))
    assert missing == [], f"URL utan rad i behörighetsmatrisen: {missing}"


def _titel(html: str) -> str | None:
    traff = re.search(r"<title>(.*?)</title>", html, re.S)
    return traff.group(1).strip() if traff else None


def _classify(response) -> object:
    login_path = reverse("login")
    chain = [url for url, _status in response.redirect_chain]
    if response.request["PATH_INFO"] == login_path and chain:
        return LOGIN
    if any(url.startswith(login_path) for url in chain):
        return LOGIN
    return response.status_code


def test_permission_matrix(enkat, request):
    """One walk over the whole matrix on one set of data (building the demo per URL took
    minutes). Every mismatch is listed, not just the first. ``--matris=NAMN`` limits it."""
    only = request.config.getoption("--matris", default=None)
    mismatches = {}
    felaktiga_titlar = {}  # every page the walk sees has a plain-text <title> of its own
    for name in sorted(MATRIX):
        if only and only not in name:
            continue
        kwargs_factory, expected = MATRIX[name]
        url = reverse(name, kwargs=kwargs_factory() if kwargs_factory else None)
        actual = {}
        for persona in PERSONAS:
            response = client_for(persona).get(url, follow=True)
            actual[persona] = _classify(response)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                titel = _titel(response.content.decode())
                if not titel or "<" in titel or "{" in titel:
                    felaktiga_titlar[f"{name} {url}"] = titel
        if actual != expected:
            mismatches[f"{name} {url}"] = {
                p: f"väntat {expected[p]}, fick {actual[p]}"
                for p in PERSONAS
                if actual[p] != expected[p]
            }
    assert mismatches == {}
    assert felaktiga_titlar == {}
