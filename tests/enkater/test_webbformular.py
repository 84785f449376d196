"""The survey written for the web (#17): at most two short sentences before question 1, the
paper's instructions only in print, and the two participant forms named apart everywhere."""

import importlib
import re

from django.apps import apps
from django.urls import reverse

from enkater.formular_data import FORMULAR
from enkater.models import Formular, Omgang

from ..conftest import client_for

PAPPER = ("Kryssa i den ruta", "kuvert", "lämna in din enkät", "Returnera enkäten")


def test_web_form_puts_question_1_after_two_sentences_and_paper_only_in_print(enkat):
    kod = enkat.tokens.filter(anvand=False).first().kod
    html = client_for("anonym").get(reverse("besvara", args=[kod])).content.decode()
    fore_fraga_1 = html[html.index("<h1>") : html.index('data-nummer="1"')]
    utskrift = re.search(r'<div class="d-none d-print-block">(.*?)</div>', fore_fraga_1, re.S)
    webb = fore_fraga_1.replace(utskrift.group(0), "")
    text = re.sub(r"<[^>]+>", " ", webb[: webb.index("<fieldset")])
    meningar = [m for m in re.split(r"(?<=[.!?])\s", " ".join(text.split())) if m.strip()]
    assert len([m for m in meningar if m.rstrip().endswith((".", "!", "?"))]) <= 2, meningar
    for ord_ in PAPPER:
        assert ord_.lower() not in webb.lower(), ord_
    # On paper (print) the inledning is there word for word.
    assert "Lämna tillbaka enkäten i det bifogade kuvertet." in utskrift.group(1)


def test_web_sentences_are_the_forms_own_and_the_questions_unchanged():
    for f in FORMULAR:
        assert f["webbinledning"] in " ".join(f["inledning"].split()), f["kod"]
        assert not any(o.lower() in f["webbinledning"].lower() for o in PAPPER)
        if f["begrepp"]:
            assert f["inledning"].endswith(f["begrepp"])
    namn = [f["namn"] for f in FORMULAR]
    assert len(set(namn)) == len(namn)


def test_participant_forms_are_named_apart_in_lists_rounds_and_comparisons(enkat):
    kansli = client_for("forbundschef")
    html = kansli.get(reverse("omgang_create")).content.decode()
    val = re.findall(r"<option[^>]*>([^<]*Enkät deltagare[^<]*)</option>", html)
    assert sorted(val) == [
        "Enkät deltagare – avslut (version 1)",
        "Enkät deltagare – pågående (version 1)",
    ]
    html = kansli.get(reverse("omgang_list")).content.decode()
    assert "Enkät deltagare – avslut" in html and "Enkät deltagare – pågående" in html
    assert str(enkat).startswith("Enkät deltagare – avslut ")
    jamfor = kansli.get(reverse("enkat_jamforelse", args=["deltagare_pagaende"]))
    assert "Jämförelse: Enkät deltagare – pågående" in jamfor.content.decode()
    assert not Omgang.objects.filter(formular__namn="Enkät deltagare").exists()


def test_migration_names_existing_forms_apart_and_adds_the_web_sentence(enkat):
    migration = importlib.import_module("enkater.migrations.0003_formular_webb_och_namn")
    Formular.objects.filter(kod__startswith="deltagare_").update(
        namn="Enkät deltagare", webbinledning=""
    )
    Formular.objects.filter(kod="personal").update(begrepp="")
    egen = Formular.objects.create(kod="eget", namn="Enkät deltagare", malgrupp="insats")
    migration.framat(apps, None)
    namn = dict(Formular.objects.filter(version=1).values_list("kod", "namn"))
    assert namn["deltagare_pagaende"] == "Enkät deltagare – pågående"
    assert namn["deltagare_avslut"] == "Enkät deltagare – avslut"
    assert namn["eget"] == "Enkät deltagare"  # the kansli's own forms are left alone
    avslut = Formular.objects.get(kod="deltagare_avslut")
    assert avslut.webbinledning.startswith("Vi vill med enkäten få veta")
    assert Formular.objects.get(kod="personal").begrepp.startswith("Med andra myndigheter")
    egen.refresh_from_db()
    assert egen.webbinledning == ""
