"""Load scenario for Förbundsportalen (`make load`; the data comes from
`manage.py forbered_belastning`, path in LOAD_DATA).

Four kinds of users, as in issue #8:
- board members reading the start page, the budget dashboard, the insatser and decisions;
- insats staff entering participant statistics into a draft period;
- the förbundschef editing a paragraph of a draft protocol (each simulated förbundschef
  has a paragraph of their own, so no save is refused as a conflict);
- respondents answering the survey through single-use links prepared beforehand.

Every response is checked (status, and for saves that the save went through); any failure
makes locust exit non-zero.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

DATA = json.loads(open(os.environ.get("LOAD_DATA", "var/load/data.json")).read())  # noqa: SIM115
LOSENORD = os.environ.get("LOAD_PASSWORD", "demo-sundsvall-2022")
TOKENS = iter(DATA["tokens"])
PARAGRAFER = itertools.cycle(DATA["paragrafer"])
VERSION = re.compile(r'name="version" value="(\d+)"')


class Inloggad(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    username = ""

    def on_start(self):
        self.client.get("/konto/logga-in/", name="/konto/logga-in/")
        svar = self.client.post(
            "/konto/logga-in/",
            {
                "username": self.username,
                "password": LOSENORD,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            name="/konto/logga-in/ (POST)",
            allow_redirects=False,
        )
        if svar.status_code != 302:
            svar.failure(f"inloggningen misslyckades: {svar.status_code}")

    def _post(self, url: str, data: dict, *, name: str):
        data = {**data, "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}
        return self.client.post(url, data, name=name, catch_response=True, allow_redirects=False)


class Styrelseledamot(Inloggad):
    weight = 4

    def on_start(self):
        self.username = random.choice(["ordforande", "ledamot", "ersattare"])  # noqa: S311
        super().on_start()

    @task(3)
    def startsida(self):
        self.client.get("/", name="/ (styrelsen)")

    @task(3)
    def ekonomi(self):
        self.client.get("/ekonomi/", name="/ekonomi/")

    @task(2)
    def insatser(self):
        self.client.get("/insatser/", name="/insatser/")

    @task(1)
    def en_insats(self):
        self.client.get(f"/insatser/{DATA['insats']}/", name="/insatser/[id]/")

    @task(1)
    def beslut(self):
        self.client.get("/beslut/?q=bevilja", name="/beslut/?q=")


class Insatspersonal(Inloggad):
    weight = 2
    username = "insatspersonal"

    @task(1)
    def startsida(self):
        self.client.get("/", name="/ (insatspersonal)")

    @task(2)
    def statistik(self):
        url = f"/insatser/perioder/{DATA['period']}/"
        self.client.get(url, name="/insatser/perioder/[id]/")
        figurer = {
            "deltagare-0": (10, 6, 4),  # Aktiva
            "deltagare-1": (4, 2, 2),  # Nya
            "deltagare-2": (1, 1, 0),  # Avslutade
            "kommun-0": (10, 6, 4),
            "tid-0": (4, 2, 2),
            "forsorjning_in-0": (4, 2, 2),
        }
        data = {
            f"{prefix}-{falt}": v
            for prefix, tal in figurer.items()
            for falt, v in zip(("totalt", "kvinnor", "man"), tal, strict=True)
        }
        data.update({"avslut-3-totalt": 1, "avslut-3-kvinnor": 1, "avslut-3-man": 0})
        data["avslut-3-manader"] = 5
        with self._post(url, data, name="/insatser/perioder/[id]/ (spara)") as svar:
            if svar.status_code != 302:
                svar.failure(f"statistiken sparades inte: {svar.status_code}")


class Forbundschef(Inloggad):
    weight = 1
    username = "forbundschef"

    def on_start(self):
        super().on_start()
        self.paragraf = next(PARAGRAFER)

    @task(1)
    def protokoll(self):
        self.client.get(f"/protokoll/{DATA['protokoll']}/", name="/protokoll/[id]/")

    @task(2)
    def redigera_paragraf(self):
        url = f"/paragraf/{self.paragraf}/andra/"
        svar = self.client.get(url, name="/paragraf/[id]/andra/")
        hittad = VERSION.search(svar.text)
        if not hittad:
            return
        data = {
            "version": hittad.group(1),
            "rubrik": f"Ärende {self.paragraf}",
            "text": f"Förbundschefen redogör för ärendet (version {hittad.group(1)}).",
            "beslut": "bevilja medel enligt förslaget.\n\nuppdra åt förbundschefen att följa upp.",
        }
        with self._post(url, data, name="/paragraf/[id]/andra/ (spara)") as spar:
            if spar.status_code != 302:
                spar.failure(f"paragrafen sparades inte: {spar.status_code}")


class Respondent(HttpUser):
    weight = 3
    wait_time = between(2, 5)

    @task
    def svara(self):
        kod = next(TOKENS, None)
        if kod is None:
            self.client.get("/anslagstavla/", name="/anslagstavla/")
            return
        url = f"/e/{kod}/"
        self.client.get(url, name="/e/[kod]/")
        data = {"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}
        for fraga in DATA["fragor"]:
            if fraga["typ"] == "fritext":
                data[f"f{fraga['pk']}"] = "Bra stöd."
            elif fraga["typ"].startswith("skala"):
                data[f"f{fraga['pk']}"] = str(random.randint(1, 6))  # noqa: S311
            else:  # kön, ja/nej and other choices: the first alternative
                data[f"f{fraga['pk']}"] = "1"
        with self.client.post(url, data, name="/e/[kod]/ (svara)", catch_response=True) as svar:
            if svar.status_code != 200 or "Tack" not in svar.text:
                svar.failure(f"svaret sparades inte: {svar.status_code}")
