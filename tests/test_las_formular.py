"""What is approved stays approved, through the portal's own forms (issue 18): for each locked
record, every form that would change it is posted as the person who may use it, and the
answer is a Swedish 409 naming the lock, with nothing changed; the admin's change form is
refused (or the model is not in the admin at all). Raw SQL (as the portal's own role), the ORM
and the admin are tried in tests/test_las.py, tests/moten/test_sparrar.py and
tests/insatser/test_signaturlista.py; this file is the forms' side of the same locks."""

import datetime as dt

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse

from insatser.models import Arsrapport, Period, Signaturlista, Utbetalning
from moten import services as moten_services
from moten.models import Anslag, Handling, Mote, Paragraf, Protokoll
from rapporter.models import Verksamhetsrapport

from .conftest import client_for
from .test_las import _godkant


def _las(svar, *ord_):
    """A Swedish 409 that names the lock."""
    html = svar.content.decode()
    assert svar.status_code == 409, (svar.status_code, html[:500])
    assert "Ingenting ändrades" in html
    for o in ord_:
        assert o in html, html[:2000]


def _admin_vagrar(klient, modell, pk, data):
    """The admin's change form is refused: the model is not in the admin, or it shows the
    record read-only and a crafted POST is a 403 (nor can it be deleted there)."""
    if not admin.site.is_registered(modell):
        return
    meta = modell._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[pk])
    assert klient.get(url).status_code == 200
    assert klient.post(url, data).status_code == 403
    radera = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[pk])
    assert klient.post(radera, {"post": "yes"}).status_code == 403


# --- Insatser and rapporter: on the seeds' world, where _godkant approves and pays ----------


def _rader(period_pk):
    return sorted(
        Period.objects.get(pk=period_pk).rader.values_list("tabell", "kategori", "totalt")
    )


def test_an_approved_period_and_its_rows_refuse_every_form(seed_moten):
    ids = _godkant()
    pk = ids["period"]
    fore = (_rader(pk), Period.objects.get(pk=pk).status)
    personal, kansli = client_for("insatspersonal"), client_for("forbundschef")
    medd = "Perioden är godkänd och låst"
    # The figures, as saved and as sent in, by the insats's own staff and by the kansli.
    for klient in (personal, kansli):
        _las(klient.post(reverse("period_edit", args=[pk]), {"skicka": "1"}), medd)
    fil = SimpleUploadedFile("sus.csv", b"tabell;kategori;totalt;kvinnor;man;manader\n")
    _las(personal.post(reverse("period_import", args=[pk]), {"fil": fil}), medd)
    _las(kansli.post(reverse("period_komplettering", args=[pk]), {"kommentar": "x"}), medd)
    _las(kansli.post(reverse("period_godkann", args=[pk])), medd)
    _admin_vagrar(kansli, Period, pk, {"status": "utkast", "fran": "2022-01-01"})
    assert (_rader(pk), Period.objects.get(pk=pk).status) == fore


def test_an_approved_arsrapport_refuses_every_form(seed_moten):
    ids = _godkant()
    rapport = Arsrapport.objects.get(pk=ids["arsrapport"])
    args = [rapport.insats_id, rapport.ar]
    medd = "Årsrapporten är godkänd av styrelsen"
    text = {"verksamhet": "Ny", "resultat": "Ny", "framat": "Ny"}
    kansli = client_for("forbundschef")
    _las(kansli.post(reverse("arsrapport_edit", args=args), text), medd)
    _las(kansli.post(reverse("arsrapport_edit", args=args), {**text, "lamna_in": "1"}), medd)
    _las(
        kansli.post(reverse("arsrapport_godkann", args=args), {"paragraf": rapport.godkand_i_id}),
        medd,
    )
    _admin_vagrar(kansli, Arsrapport, rapport.pk, text)
    efter = Arsrapport.objects.get(pk=rapport.pk)
    assert (efter.status, efter.verksamhet, efter.resultat) == ("godkand", "Året", "Bra")


def test_an_approved_verksamhetsrapport_refuses_every_form(seed_moten):
    ids = _godkant()
    rapport = Verksamhetsrapport.objects.get(pk=ids["verksamhetsrapport"])
    avsnitt = rapport.avsnitt.first()
    fore = (avsnitt.text, avsnitt.version)
    kansli = client_for("forbundschef")
    medd = "är godkänd av styrelsen"
    _las(
        kansli.post(
            reverse("rapportavsnitt_edit", args=[rapport.pk, avsnitt.nyckel]),
            {"text": "Ändrat efteråt", "version": avsnitt.version},
        ),
        medd,
    )
    _las(
        kansli.post(
            reverse("verksamhetsrapport_godkann", args=[rapport.pk]),
            {"paragraf": rapport.paragraf_id},
        ),
        medd,
    )
    _admin_vagrar(kansli, Verksamhetsrapport, rapport.pk, {"status": "utkast"})
    avsnitt.refresh_from_db()
    assert (avsnitt.text, avsnitt.version) == fore
    assert Verksamhetsrapport.objects.get(pk=rapport.pk).status == "godkand"


def test_attested_and_paid_payments_refuse_every_form(seed_moten):
    ids = _godkant()
    medd = "Utbetalningen är attesterad av två och kan inte ändras"
    fore = {
        pk: Utbetalning.objects.filter(pk=pk).values().get()
        for pk in (ids["attesterad"], ids["betald"])
    }
    # A third attest by anyone on the signaturlista, by the kansli and the ordförande.
    for persona in ("forbundschef", "ordforande", "utvecklingsledare"):
        for pk in fore:
            _las(client_for(persona).post(reverse("utbetalning_attestera", args=[pk])), medd)
    # Paid twice.
    _las(
        client_for("forbundschef").post(reverse("utbetalning_utbetald", args=[ids["betald"]])),
        medd,
    )
    _admin_vagrar(client_for("forbundschef"), Utbetalning, ids["betald"], {"belopp": 1})
    for pk, rad in fore.items():
        assert Utbetalning.objects.filter(pk=pk).values().get() == rad


def test_the_adopted_signaturlista_has_no_form_and_the_admin_refuses(seed_moten):
    lista = Signaturlista.objects.get()
    kansli = client_for("forbundschef")
    _admin_vagrar(kansli, Signaturlista, lista.pk, {"giltig_fran": "2020-01-01"})
    assert Signaturlista.objects.get().giltig_fran == dt.date(2021, 11, 26)
    # No page of the portal edits a signaturlista: a change is a new list from a new
    # paragraph (insatser.services.signaturlista_anta).
    namn = [n for n in get_resolver().reverse_dict if isinstance(n, str)]
    assert not [n for n in namn if "signaturlista" in n]


# --- Moten: a justerat protocol (its anslag and handlingar) and färdiga minnesanteckningar --


def _ogonblick(protokoll: Protokoll):
    """Everything a form could change about a protocol, its meeting and what hangs on it."""
    mote = Mote.objects.get(pk=protokoll.mote_id)
    return (
        moten_services.protokoll_sha256(protokoll),
        Protokoll.objects.filter(pk=protokoll.pk).values().get(),
        (mote.datum, mote.plats, mote.starttid, mote.installt),
        list(mote.dagordning.values_list("pk", "ordning", "rubrik")),
        list(Handling.objects.filter(mote=mote).values_list("pk", "nummer", "titel", "sha256")),
        list(Anslag.objects.filter(protokoll=protokoll).values()),
        list(Paragraf.objects.filter(protokoll=protokoll).values_list("pk", "ordning", "text")),
    )


def _moteformular(protokoll: Protokoll) -> list[tuple[str, list, dict]]:
    """(url name, args, data) of every form that would change the protocol or its meeting."""
    mote = protokoll.mote
    punkt = mote.dagordning.first()
    paragraf = protokoll.paragrafer.order_by("ordning").first()
    pdf = SimpleUploadedFile("ny.pdf", b"%PDF-1.4\n% ny\n", content_type="application/pdf")
    punkter = (
        [
            ("punkt_edit", [punkt.pk], {"rubrik": "Ändrad punkt"}),
            ("punkt_delete", [punkt.pk], {}),
            ("punkt_move", [punkt.pk], {"riktning": "ned"}),
        ]
        if punkt
        else []
    )
    return [
        ("mote_edit", [mote.pk], {"organ": mote.organ_id, "datum": mote.datum, "plats": "Ny"}),
        ("mote_installt", [mote.pk], {}),
        ("punkt_create", [mote.pk], {"rubrik": "Ny punkt"}),
        *punkter,
        ("handling_upload", [mote.pk], {"titel": "Ny handling", "fil": pdf}),
        ("narvaro_edit", [protokoll.pk], {}),
        ("paragraf_create", [protokoll.pk], {"rubrik": "Tillägg"}),
        ("paragraf_edit", [paragraf.pk], {"version": paragraf.version, "rubrik": "Förfalskad"}),
        ("paragraf_delete", [paragraf.pk], {}),
        ("paragraf_move", [paragraf.pk], {"riktning": "ned"}),
        ("paragraf_omrostning", [paragraf.pk], {}),
        ("protokoll_nasta_mote", [protokoll.pk], {"nasta_mote": "Aldrig"}),
        ("protokoll_fran_dagordning", [protokoll.pk], {}),
    ]


def test_a_justerat_protocol_its_anslag_and_handlingar_refuse_every_form(moten):
    protokoll = moten.justerat
    assert hasattr(protokoll, "anslag")
    fore = _ogonblick(protokoll)
    kansli = client_for("forbundschef")
    formular = [
        *_moteformular(protokoll),
        ("protokoll_numrera", [protokoll.pk], {}),
        (
            "anslag_create",
            [protokoll.pk],
            {"anslagsdatum": "2030-01-01", "forvaringsplats": "Någon annanstans"},
        ),
        ("paragraf_anslag", [moten.justerad_paragraf.pk], {"anslagsdatum": "2030-01-01"}),
    ]
    for namn, args, data in formular:
        svar = kansli.post(reverse(namn, args=args), data)
        assert svar.status_code == 409, (namn, svar.status_code)
        _las(svar, "Protokollet är justerat" if "anslag" not in namn else "anslag")
    klient = client_for("forbundschef")
    _admin_vagrar(klient, Protokoll, protokoll.pk, {"nasta_mote": "x"})
    _admin_vagrar(klient, Paragraf, moten.justerad_paragraf.pk, {"rubrik": "Via admin"})
    _admin_vagrar(klient, Mote, protokoll.mote_id, {"plats": "Via admin"})
    _admin_vagrar(klient, Anslag, protokoll.anslag.pk, {"anslagsdatum": "2030-01-01"})
    _admin_vagrar(klient, Handling, protokoll.mote.handlingar.first().pk, {"titel": "x"})
    assert _ogonblick(Protokoll.objects.get(pk=protokoll.pk)) == fore


def test_fardiga_minnesanteckningar_refuse_every_form(moten):
    protokoll = Protokoll.objects.get(mote__organ__namn="Utvecklingsrådet", status="fardigt")
    fore = _ogonblick(protokoll)
    kansli = client_for("forbundschef")
    for namn, args, data in [
        *_moteformular(protokoll),
        ("protokoll_fardigt", [protokoll.pk], {}),
    ]:
        svar = kansli.post(reverse(namn, args=args), data)
        assert svar.status_code == 409, (namn, svar.status_code)
        _las(svar, moten_services.FARDIGT_MEDDELANDE)
    _admin_vagrar(kansli, Protokoll, protokoll.pk, {"nasta_mote": "x"})
    _admin_vagrar(kansli, Mote, protokoll.mote_id, {"plats": "Via admin"})
    assert _ogonblick(Protokoll.objects.get(pk=protokoll.pk)) == fore


@pytest.mark.parametrize("persona", ["ledamot", "insatspersonal"])
def test_those_without_the_form_still_get_403_or_404_first(seed_moten, persona):
    """The lock answer is for those who may use the form; others are refused as before, so
    a 409 tells no outsider what exists."""
    ids = _godkant()
    svar = client_for(persona).post(reverse("period_godkann", args=[ids["period"]]))
    assert svar.status_code in (403, 404)
    svar = client_for(persona).post(reverse("utbetalning_utbetald", args=[ids["betald"]]))
    assert svar.status_code in (403, 404)
