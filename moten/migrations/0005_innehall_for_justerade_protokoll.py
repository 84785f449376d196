"""Protocols justerade before issue 14 get their stored content (Protokollinnehall) and its
SHA-256, built from their rows as they are at migration time, in the format of
`moten.dokument.ogonblick` (format 1). A frozen copy of that function on the historical
models, so later changes to the app cannot break this migration. Their PDF is rendered from
the stored content the first time it is asked for (`dokument.lagrat_dokument`).
"""

import hashlib
import json

from django.db import migrations
from django.utils import timezone

KATEGORIER = [
    ("ordinarie", "Närvarande ordinarie ledamöter"),
    ("tjanstgorande_ersattare", "Tjänstgörande ersättare"),
    ("ersattare", "Närvarande ersättare"),
    ("ovrig", "Övriga närvarande"),
    ("narvarande", "Närvarande"),
    ("gast", "Gäster"),
    ("franvarande", "Frånvarande"),
]
ORGANROLLER = {"ordforande": "ordförande", "vice_ordforande": "vice ordförande"}
OMFATTNING = {"beslut": "deltog inte i beslutet", "diskussion": "deltog inte i diskussionen"}
JUSTERINGSROLL = {"ordforande": "Ordförande", "justerare": "Justerare"}
TYPNAMN = {"protokoll": "Sammanträdesprotokoll", "anteckningar": "Minnesanteckningar"}


def _tid(varde):
    return timezone.localtime(varde).strftime("%Y-%m-%d %H:%M") if varde else ""


def _paragrafer(fran, till):
    if fran is None:
        return ""
    if till in (None, fran):
        return f"§ {fran}"
    return f"§ {fran}–{till}"


def _aktiva(Uppdrag, dag):
    return Uppdrag.objects.filter(startdatum__lte=dag).exclude(slutdatum__lt=dag)


def _namn(person):
    return f"{person.fornamn} {person.efternamn}"


def _ogonblick(apps, protokoll):
    Uppdrag = apps.get_model("forbund", "Uppdrag")
    mote = protokoll.mote
    organ = mote.organ
    forbund = organ.forbund
    narvaro = list(protokoll.narvaro.order_by("ordning", "pk"))
    roller = {
        u.person_id: ORGANROLLER[u.roll]
        for u in _aktiva(Uppdrag, mote.datum).filter(
            organ_id=organ.pk,
            person_id__in=[n.person_id for n in narvaro if n.person_id],
            roll__in=list(ORGANROLLER),
        )
    }
    grupper = {}
    for n in narvaro:
        grupper.setdefault(n.kategori, []).append(
            {
                "namn": n.namn,
                "roll": roller.get(n.person_id, ""),
                "beskrivning": n.beskrivning,
                "ersatter": n.ersatter,
                "paragrafer": _paragrafer(n.fran_paragraf, n.till_paragraf),
            }
        )
    paragrafer = list(protokoll.paragrafer.order_by("ordning", "pk"))
    nummer = [p.nummer for p in paragrafer if p.nummer is not None]
    if organ.typ == "styrelse":
        titel = "Sammanträdesprotokoll från styrelsemöte"
    else:
        titel = f"Sammanträdesprotokoll från {organ.namn.lower()}"
    sekreterare = (
        _aktiva(Uppdrag, mote.datum).filter(roll="forbundschef").select_related("person").first()
    )
    tidtext = ""
    if mote.starttid:
        slut = f"–{mote.sluttid.strftime('%H:%M')}" if mote.sluttid else ""
        tidtext = f"kl. {mote.starttid.strftime('%H:%M')}{slut}"
    return {
        "format": 1,
        "forbund": {"namn": forbund.namn, "webbplats": forbund.webbplats},
        "organ": {"namn": organ.namn, "typ": organ.typ},
        "typ": protokoll.typ,
        "dokumentnamn": TYPNAMN[protokoll.typ],
        "titel": titel,
        "mote": {"datum": mote.datum.isoformat(), "tid": tidtext, "plats": mote.plats},
        "narvaro": [
            {"kategori": k, "rubrik": label, "rader": grupper[k]}
            for k, label in KATEGORIER
            if k in grupper
        ],
        "omfattar": _paragrafer(min(nummer), max(nummer)) if nummer else "",
        "paragrafer": [
            {
                "id": p.pk,
                "nummer": p.nummer,
                "rubrik": p.rubrik,
                "standard": p.standard,
                "bilagor": p.bilagor,
                "text": p.text,
                "jav": [f"{j.namn} {OMFATTNING[j.omfattning]}." for j in p.jav.order_by("pk")],
                "yrkanden": p.yrkanden,
                "omrostning": p.omrostning,
                "beslutsformel": f"{organ.namn} beslutade",
                "beslut": [a.text for a in p.beslut.order_by("ordning", "pk")],
                "reservationer": p.reservationer,
                "justeras_omedelbart": p.justeras_omedelbart,
                "omedelbar": None,
            }
            for p in paragrafer
        ],
        "justeringar": [
            {
                "roll": JUSTERINGSROLL[j.roll],
                "namn": _namn(j.person),
                "justerad": _tid(j.justerad),
            }
            for j in protokoll.justeringar.select_related("person").order_by("-roll", "pk")
        ],
        "sekreterare": _namn(sekreterare.person) if sekreterare else "",
        "justerat": timezone.localdate(protokoll.justerat).isoformat(),
        "nasta_mote": protokoll.nasta_mote,
    }


def lagra_innehall(apps, schema_editor):
    Protokoll = apps.get_model("moten", "Protokoll")
    Protokollinnehall = apps.get_model("moten", "Protokollinnehall")
    for protokoll in Protokoll.objects.filter(
        status="justerat", innehallet__isnull=True
    ).select_related("mote__organ__forbund"):
        data = _ogonblick(apps, protokoll)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
        Protokollinnehall.objects.create(protokoll=protokoll, data=data, sha256=sha256)
        Protokoll.objects.filter(pk=protokoll.pk).update(sha256=sha256)


class Migration(migrations.Migration):
    dependencies = [
        ("moten", "0004_justeringsrunda_och_lagrat_dokument"),
        ("forbund", "0003_behovsanalys_flyttad"),
    ]

    operations = [migrations.RunPython(lagra_innehall, migrations.RunPython.noop)]
