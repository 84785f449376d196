"""Every form in the portal shows its errors the same way (WCAG 3.3.1, 3.3.3, 4.1.2): a summary
at the top with every error at once and a link to each field, each field in error marked
aria-invalid and tied to its message with aria-describedby.

The test walks every page of the permission matrix as the kansli, the ordförande, the
insatspersonal and a visitor, sends each POST form on it with its fields emptied (a number
field gets a letter), and checks whatever comes back with an error against the pattern. Each
submission is rolled back."""

from html.parser import HTMLParser

from django.db import transaction
from django.urls import reverse

from .conftest import client_for
from .sidor import sidor


class _Sida(HTMLParser):
    """The POST forms of a page (action, fields to send) and every element's attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.element = []
        self._form = None
        self._fieldsets = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "fieldset":
            self._fieldsets.append(a.get("aria-describedby") or "")
        # A group of radios or checkboxes is described on its fieldset.
        a["_beskriven"] = " ".join([a.get("aria-describedby") or "", *self._fieldsets]).strip()
        self.element.append((tag, a))
        if tag == "form":
            self._form = None
            if (a.get("method") or "").lower() == "post":
                self._form = {"action": a.get("action"), "data": {}, "knapp": None}
                self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "button"):
            typ = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
            if typ == "hidden" and a.get("name"):
                self._form["data"][a["name"]] = a.get("value", "")
            elif typ == "number" and a.get("name"):
                self._form["data"][a["name"]] = "x"  # not a number: every such field errs
            elif typ == "submit" and a.get("name") and self._form["knapp"] is None:
                self._form["knapp"] = (a["name"], a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "fieldset" and self._fieldsets:
            self._fieldsets.pop()


def _las(html: str) -> _Sida:
    sida = _Sida()
    sida.feed(html)
    return sida


def _brister(html: str) -> list[str]:
    """What a page that answers a form with errors lacks of the pattern."""
    sida = _las(html)
    ids = {a["id"] for _t, a in sida.element if a.get("id")}
    invalid = [a for _t, a in sida.element if a.get("aria-invalid") == "true"]
    sammanfattning = [a for _t, a in sida.element if a.get("id") == "formfel"]
    brister = []
    if not sammanfattning:
        return ["ingen felsammanfattning (id=formfel)"]
    if sammanfattning[0].get("tabindex") != "-1":
        brister.append("felsammanfattningen kan inte få fokus (tabindex=-1)")
    start = html.index('id="formfel"')
    slut = html.index("</div>", start)
    lankar = {
        a["href"][1:]
        for t, a in _las(html[start:slut]).element
        if t == "a" and (a.get("href") or "").startswith("#")
    }
    for mal in lankar - ids:
        brister.append(f"länken #{mal} i sammanfattningen leder ingenstans")
    namn_med_lank = {a.get("name") for _t, a in sida.element if a.get("id") in lankar}
    for a in invalid:
        beskriv = a["_beskriven"].split()
        if not beskriv:
            brister.append(f"{a.get('name')}: aria-invalid utan aria-describedby")
        for ref in beskriv:
            if ref not in ids:
                brister.append(f"{a.get('name')}: aria-describedby pekar på saknat id {ref}")
        if a.get("name") not in namn_med_lank:
            brister.append(f"{a.get('name')}: markerat fel men ingen länk i sammanfattningen")
    return brister


def test_every_form_shows_all_its_errors_in_one_summary(enkat):
    brister, provat = {}, set()
    for persona in ("forbundschef", "ordforande", "insatspersonal", "anonym"):
        for name, url in sidor(persona):
            client = client_for(persona)
            response = client.get(url)
            if "text/html" not in response.get("Content-Type", ""):
                continue
            for form in _las(response.content.decode()).forms:
                if form["action"] == reverse("logout"):
                    continue
                data = dict(form["data"])
                if form["knapp"]:
                    data.setdefault(*form["knapp"])
                with transaction.atomic():
                    svar = client.post(form["action"] or url, data)
                    transaction.set_rollback(True)
                html = svar.content.decode() if "text/html" in svar.get("Content-Type", "") else ""
                if svar.status_code not in (200, 400, 422) or not html:
                    continue
                felsvar = svar.status_code in (400, 422) or 'aria-invalid="true"' in html
                if not felsvar:
                    continue
                provat.add(name)
                if fel := _brister(html):
                    brister[f"{persona} {name} {form['action'] or url}"] = fel
    assert len(provat) > 30, sorted(provat)
    assert brister == {}, "\n".join(f"{k}: {v}" for k, v in brister.items())
