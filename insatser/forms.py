from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.safestring import mark_safe

from forbund import uploads
from forbund.forms import DateInput
from forbund.models import Part, Person

from . import sus
from .models import Arrangemang, Beviljning, Delbetalning, Insats, Tabell
from .services import DeltagarRad

SUS_FORKLARAD = mark_safe(  # noqa: S308 - a constant
    '<abbr title="Sektorsövergripande system för uppföljning av samverkan och finansiell '
    'samordning inom rehabiliteringsområdet">SUS</abbr>'
)


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.add_input(Submit("spara", label))
    return helper


class InsatsForm(forms.ModelForm):
    class Meta:
        model = Insats
        fields = [
            "namn",
            "typ",
            "status",
            "huvudman",
            "utforare",
            "malgrupp",
            "beskrivning",
            "kommuner",
            "startdatum",
            "slutdatum",
            "kontaktperson",
            "styrgrupp",
            "personal",
        ]
        widgets = {
            "startdatum": DateInput(),
            "slutdatum": DateInput(),
            "malgrupp": forms.Textarea(attrs={"rows": 2}),
            "beskrivning": forms.Textarea(attrs={"rows": 3}),
            "kommuner": forms.CheckboxSelectMultiple,
            "styrgrupp": forms.SelectMultiple(attrs={"size": 6}),
            "personal": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {"personal": "De som rapporterar för insatsen. De ser bara den här insatsen."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommuner"].queryset = Part.objects.filter(typ=Part.Typ.KOMMUN)
        self.helper = _helper("Spara insatsen")

    def clean(self):
        data = super().clean()
        if (
            data.get("startdatum")
            and data.get("slutdatum")
            and data["slutdatum"] < data["startdatum"]
        ):
            self.add_error("slutdatum", "Slutdatum kan inte ligga före startdatum.")
        return data


class BeviljningForm(forms.Form):
    insats = forms.ModelChoiceField(label="Insats", queryset=Insats.objects.all())
    attsats = forms.ModelChoiceField(label="Att-sats", queryset=None, required=False)
    utfall = forms.ChoiceField(label="Utfall", choices=Beviljning.Utfall.choices)
    ar = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    belopp = forms.IntegerField(label="Belopp (kr)", min_value=0, required=False)
    villkor = forms.CharField(
        label="Villkor", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, paragraf, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attsats"].queryset = paragraf.beslut.all()
        self.fields["attsats"].label_from_instance = lambda a: f"Att {a.text[:120]}"
        self.helper = _helper("Registrera beslutet")

    def clean(self):
        data = super().clean()
        if data.get("utfall") == Beviljning.Utfall.BEVILJAD and not data.get("belopp"):
            self.add_error("belopp", "Ange det beviljade beloppet.")
        return data


class DelbetalningForm(forms.Form):
    utlosare = forms.ChoiceField(label="Utlöses", choices=Delbetalning.Utlosare.choices)
    belopp = forms.IntegerField(label="Belopp (kr)", min_value=1)
    datum = forms.DateField(label="Datum (om på ett datum)", required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("utlosare") == Delbetalning.Utlosare.DATUM and not data.get("datum"):
            self.add_error("datum", "Ange datumet.")
        return data


class UtbetalningForm(forms.Form):
    belopp = forms.IntegerField(
        label="Belopp att betala ut (kr)",
        min_value=1,
        error_messages={"min_value": "Ange ett belopp större än noll."},
    )
    delbetalning = forms.ModelChoiceField(
        label="Delbetalning", queryset=None, required=False, empty_label="Ingen"
    )

    def __init__(self, *args, beviljning, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delbetalning"].queryset = beviljning.betalplan.all()
        self.fields["delbetalning"].label_from_instance = lambda d: (
            f"{d.ordning}: {d.get_utlosare_display()} ({d.belopp} kr)"
        )


class UppfoljningForm(forms.Form):
    datum = forms.DateField(label="Datum", widget=DateInput())
    # Who attended the meeting: "deltagare" everywhere else are the insats's clients.
    deltagare = forms.CharField(
        label="Närvarande vid mötet",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="En per rad: namn och roll.",
    )
    mal = forms.CharField(label="Mål", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    sus = forms.CharField(
        label=SUS_FORKLARAD,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Deltagarstatistiken: hur registreringen går och vad siffrorna visar.",
    )
    nulage = forms.CharField(
        label="Nuläge", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    ovrigt = forms.CharField(
        label="Övrigt", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    beslut = forms.CharField(
        label="Beslut och överenskommelser",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    nasta = forms.DateField(label="Nästa uppföljning", required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Spara uppföljningen")

    def clean(self):
        data = super().clean()
        if data.get("nasta") and data.get("datum") and data["nasta"] <= data["datum"]:
            self.add_error("nasta", "Nästa uppföljning måste ligga efter den här.")
        return data


class PeriodForm(forms.Form):
    fran = forms.DateField(label="Från", widget=DateInput())
    till = forms.DateField(label="Till", widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Skapa perioden")

    def clean(self):
        data = super().clean()
        if data.get("fran") and data.get("till") and data["till"] < data["fran"]:
            self.add_error("till", "Periodens slut kan inte ligga före dess början.")
        return data


class StatistikForm(forms.Form):
    """The whole period on one page: one row of number fields per category, each table with
    its rules written beside it (sus.regler) and the fields a broken rule concerns marked."""

    def __init__(
        self,
        *args,
        kommuner: list[str],
        befintliga: list[sus.Rad],
        ingang: sus.Ingang | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.ingang = ingang
        self._namn: dict[tuple[str, str, str], str] = {}
        finns = {(r.tabell, r.kategori): r for r in befintliga}
        # SUS carries the participants active at the end of the period before over: a new
        # period starts from them.
        if not befintliga and ingang is not None:
            finns[(Tabell.DELTAGARE, "Aktiva")] = sus.Rad(
                Tabell.DELTAGARE, "Aktiva", ingang.totalt, ingang.kvinnor, ingang.man
            )
        self._tabeller = []
        for tabell in Tabell:
            rader = []
            for i, kategori in enumerate(sus.kategorier(tabell, kommuner)):
                falt = ["totalt", "kvinnor", "man"] + (
                    ["manader"] if tabell == Tabell.AVSLUT else []
                )
                names = []
                for f in falt:
                    name = f"{tabell.value}-{i}-{f}"
                    befintlig = finns.get((tabell.value, kategori))
                    self.fields[name] = forms.IntegerField(
                        label=f"{kategori}, {_FALT[f]}",
                        min_value=0,
                        required=False,
                        initial=getattr(befintlig, f) if befintlig else None,
                        error_messages={
                            "min_value": "Antal kan inte vara negativt.",
                            "invalid": "Ange antal i hela tal.",
                        },
                        widget=forms.NumberInput(
                            attrs={"class": "form-control form-control-sm", "inputmode": "numeric"}
                        ),
                    )
                    self._namn[(tabell.value, kategori, f)] = name
                    names.append(name)
                rader.append((kategori, names))
            self._tabeller.append((tabell, rader))
        self.regelfel: list[sus.Regelfel] = []

    def clean(self):
        data = super().clean()
        # Each row on its own (kvinnor and män within totalt), every row at once.
        for _tabell, rader in self._tabeller:
            for _kategori, names in rader:
                totalt, kvinnor, man = (data.get(n) or 0 for n in names[:3])
                if kvinnor + man > totalt and not any(self.has_error(n) for n in names[:3]):
                    self.add_error(
                        names[0],
                        f"Kvinnor ({kvinnor}) och män ({man}) är fler än totalt ({totalt}).",
                    )
        return data

    def _varde(self, name: str) -> int:
        """A field's number as it stands on the page: typed, or else stored or prefilled."""
        value = self[name].value()
        try:
            return max(0, int(value)) if value not in (None, "") else 0
        except (TypeError, ValueError):
            return 0

    def rader(self) -> list[sus.Rad]:
        """The figures as sus rows (valid form: the cleaned values)."""
        result = []
        for tabell, rader in self._tabeller:
            for kategori, names in rader:
                values = {n.rsplit("-", 1)[1]: self.cleaned_data.get(n) or 0 for n in names}
                result.append(sus.Rad(tabell.value, kategori, **values))
        return result

    def _rader_nu(self) -> list[sus.Rad]:
        return [
            sus.Rad(
                tabell.value,
                kategori,
                **{n.rsplit("-", 1)[1]: self._varde(n) for n in names},
            )
            for tabell, rader in self._tabeller
            for kategori, names in rader
        ]

    def _falt_for(self, tabell: str, falt: tuple[str, ...], kategorier: tuple[str, ...]):
        return [
            self._namn[(tabell, k, f)]
            for (t, k, f) in self._namn
            if t == tabell and f in falt and (not kategorier or k in kategorier)
        ]

    def lankar(self, fel: list[sus.Regelfel]) -> list[dict]:
        """Broken rules as entries of a summary: the text and a link to the first field."""
        result = []
        for f in fel:
            falt = self._falt_for(f.tabell, f.falt, f.kategorier)
            result.append({"text": f.text, "href": f"#id_{falt[0]}" if falt else ""})
        return result

    def markera(self, fel: list[sus.Regelfel]) -> list[dict]:
        """Mark the fields each broken rule concerns (aria-invalid, described by the rule's
        message beside its table); the error summary's entries."""
        self.regelfel = fel
        return self.lankar(fel)

    @property
    def tabeller(self):
        """Per table: its rows of bound fields, its rules as the page states them (with the
        fields the live check in static/js/statistik.js reads) and its broken rules. Sets
        each field's aria-describedby: the table's rules, its own error, the broken rules."""
        nu = self._rader_nu()
        regler = []
        for nr, regel in enumerate(sus.regler(self.ingang), start=1):
            falt = self._falt_for(
                regel.tabell, (regel.falt,), (regel.kategori,) if regel.kategori else ()
            )
            mal = regel.malvarde(nu)
            regler.append(
                {
                    "id": f"regel-{nr}",
                    "regel": regel,
                    "text": _regeltext(regel),
                    "malvarde": mal,
                    "status": _regelstatus(regel, nu, mal),
                    "falt": " ".join(f"id_{n}" for n in falt),
                    "mal": " ".join(
                        f"{'+' if tecken > 0 else '-'}id_{self._namn[(t, k, regel.falt)]}"
                        for tecken, t, k in regel.mal
                    ),
                    "namn": falt,
                }
            )
        brutna = []
        for nr, f in enumerate(self.regelfel, start=1):
            brutna.append(
                {
                    "id": f"regelfel-{nr}",
                    "fel": f,
                    "namn": self._falt_for(f.tabell, f.falt, f.kategorier),
                }
            )
        beskrivs: dict[str, list[str]] = {}
        for r in regler:
            for n in r["namn"]:
                beskrivs.setdefault(n, []).append(r["id"])
        for b in brutna:
            for n in b["namn"]:
                beskrivs.setdefault(n, []).append(b["id"])
        for name, field in self.fields.items():
            ids = beskrivs.get(name, [])
            if self.has_error(name):
                ids = [f"id_{name}_error", *ids]
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            if any(name in b["namn"] for b in brutna):
                field.widget.attrs["aria-invalid"] = "true"
        result = []
        for tabell, rader in self._tabeller:
            result.append(
                {
                    "tabell": tabell,
                    "avslut": tabell == Tabell.AVSLUT,
                    "rader": [(k, [self[n] for n in names]) for k, names in rader],
                    "regler": [r for r in regler if r["regel"].tabell == tabell],
                    "fel": [b for b in brutna if b["fel"].tabell == tabell],
                }
            )
        return result


_FALT = {
    "totalt": "totalt",
    "kvinnor": "kvinnor",
    "man": "män",
    "manader": "månader i insatsen (summa)",
}


def _regeltext(regel: sus.Regel) -> tuple[str, str]:
    """The rule as the form states it, around its number: (”Totalt ska bli ”, ”, som nya
    deltagare.”)."""
    kolumn = sus.KOLUMNER[regel.falt]
    if regel.typ == "hogst" and regel.kategori:
        return f"{regel.kategori} högst ", f", {regel.som}."
    if regel.typ == "hogst":
        return "Högst ", f" på varje rad, {regel.som}."
    if regel.kategori:
        return f"{regel.kategori} ska bli ", f": {regel.som}."
    return f"{kolumn.capitalize()} ska bli ", f", {regel.som}."


def _regelstatus(regel: sus.Regel, rader: list[sus.Rad], mal: int) -> str:
    """How far the figures are from the rule now; statistik.js says the same as you type."""
    if regel.typ == "hogst":
        if regel.kategori:
            over = [r for r in rader if r.tabell == regel.tabell and r.kategori == regel.kategori]
        else:
            over = [r for r in rader if r.tabell == regel.tabell]
        antal = sum(1 for r in over if getattr(r, regel.falt) > mal)
        if not antal:
            return "Stämmer."
        return "1 rad är för hög." if antal == 1 else f"{antal} rader är för höga."
    if regel.kategori:
        summa = sum(
            getattr(r, regel.falt)
            for r in rader
            if r.tabell == regel.tabell and r.kategori == regel.kategori
        )
    else:
        summa = regel.summa(rader)
    if summa == mal:
        return "Stämmer."
    return f"Kvar att fördela: {mal - summa}." if summa < mal else f"{summa - mal} för många."


class ImportForm(forms.Form):
    fil = forms.FileField(label="Fil (CSV eller Excel)")

    def clean_fil(self):
        # Refused before it is read: the portal's limit for every upload (forbund.uploads).
        fil = self.cleaned_data["fil"]
        if fil.size > uploads.MAX_STORLEK:
            raise forms.ValidationError("Filen är för stor. Största tillåtna storlek är 20 MB.")
        return fil


class KompletteringForm(forms.Form):
    kommentar = forms.CharField(
        label="Vad behöver kompletteras?", widget=forms.Textarea(attrs={"rows": 3})
    )


def personer_queryset():
    return Person.objects.order_by("efternamn", "fornamn")


class AnsokanForm(forms.Form):
    """The application: text, and the amount applied for per year (up to three years)."""

    ARSRADER = 3
    inkommen = forms.DateField(label="Inkommen", widget=DateInput())
    text = forms.CharField(label="Ansökan", widget=forms.Textarea(attrs={"rows": 5}))
    bilaga = forms.FileField(
        label="Bilaga",
        required=False,
        help_text="PDF, Word, Excel eller bild, högst 20 MB. Välj filen igen om formuläret visar fel.",
    )

    def clean_bilaga(self):
        fil = self.cleaned_data.get("bilaga")
        if not fil:
            return None
        data, filtyp = uploads.tolka_uppladdning(fil)
        return (fil.name, data, filtyp)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.arsrader = []
        for i in range(self.ARSRADER):
            names = []
            for falt, label in (
                ("ar", "År"),
                ("personal", "Personal"),
                ("lokal", "Lokal"),
                ("data_it", "Data/IT"),
                ("ovrigt", "Övrigt"),
            ):
                name = f"{falt}_{i}"
                field = (
                    forms.IntegerField(
                        label=f"{label}, rad {i + 1}",
                        min_value=2000,
                        max_value=2100,
                        required=False,
                    )
                    if falt == "ar"
                    else forms.IntegerField(
                        label=f"{label} (kr), rad {i + 1}",
                        min_value=0,
                        required=False,
                        error_messages={"min_value": "Beloppet kan inte vara negativt."},
                    )
                )
                field.widget.attrs["class"] = "form-control"
                self.fields[name] = field
                names.append(name)
            self.arsrader.append([self[n] for n in names])

    def clean(self):
        data = super().clean()
        for i in range(self.ARSRADER):
            belopp = [data.get(f"{f}_{i}") for f in ("personal", "lokal", "data_it", "ovrigt")]
            if any(belopp) and not data.get(f"ar_{i}"):
                self.add_error(f"ar_{i}", "Ange vilket år beloppen gäller.")
        return data

    def belopp(self) -> list[dict]:
        rows = []
        for i in range(self.ARSRADER):
            if self.cleaned_data.get(f"ar_{i}"):
                rows.append(
                    {
                        "ar": self.cleaned_data[f"ar_{i}"],
                        **{
                            f: self.cleaned_data.get(f"{f}_{i}") or 0
                            for f in ("personal", "lokal", "data_it", "ovrigt")
                        },
                    }
                )
        return rows


class ArsrapportForm(forms.Form):
    verksamhet = forms.CharField(
        label="Verksamheten under året", required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    resultat = forms.CharField(
        label="Resultat och måluppfyllelse",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    framat = forms.CharField(
        label="Lärdomar och planer framåt", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Spara årsrapporten")


# --- Arrangemang ---------------------------------------------------------------------------


class ArrangemangForm(forms.ModelForm):
    class Meta:
        model = Arrangemang
        fields = [
            "namn",
            "typ",
            "regi",
            "startdatum",
            "slutdatum",
            "arrangor",
            "insats",
            "beviljning",
            "beskrivning",
        ]
        widgets = {
            "startdatum": DateInput(),
            "slutdatum": DateInput(),
            "beskrivning": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "slutdatum": "Lämna tomt för ett endagsarrangemang.",
            "beviljning": "Om arrangemanget finansieras av en beviljning.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beviljning"].queryset = Beviljning.objects.filter(
            utfall=Beviljning.Utfall.BEVILJAD
        ).select_related("insats")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        data = super().clean()
        start, slut = data.get("startdatum"), data.get("slutdatum")
        if start and slut and slut < start:
            self.add_error("slutdatum", "Slutdatum kan inte ligga före startdatum.")
        insats, beviljning = data.get("insats"), data.get("beviljning")
        if insats and beviljning and beviljning.insats_id != insats.pk:
            self.add_error(
                "beviljning", "Beviljningen hör till en annan insats än den som är vald."
            )
        return data


ANTAL_FEL = {
    "min_value": "Antal kan inte vara negativt.",
    "max_value": "Antalet är orimligt stort; kontrollera siffran.",
    "invalid": "Ange antal i hela tal.",
}


class DeltagareForm(forms.Form):
    organisation = forms.CharField(label="Organisation", max_length=200, required=False)
    inom_omradet = forms.BooleanField(label="Från förbundets område", required=False, initial=True)
    kvinnor = forms.IntegerField(
        label="Kvinnor",
        min_value=0,
        max_value=100_000,
        required=False,
        error_messages=ANTAL_FEL,
    )
    man = forms.IntegerField(
        label="Män",
        min_value=0,
        max_value=100_000,
        required=False,
        error_messages=ANTAL_FEL,
    )
    ej_angivet = forms.IntegerField(
        label="Annat eller ej angivet kön",
        min_value=0,
        max_value=100_000,
        required=False,
        error_messages=ANTAL_FEL,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].widget.attrs.update(
            {"list": "organisationer", "class": "form-control form-control-sm"}
        )
        for name in ("kvinnor", "man", "ej_angivet"):
            self.fields[name].widget.attrs.update(
                {"class": "form-control form-control-sm antal", "inputmode": "numeric"}
            )
        self.fields["inom_omradet"].widget.attrs["class"] = "form-check-input"

    def tom(self) -> bool:
        d = self.cleaned_data
        return not (d.get("organisation") or "").strip() and not any(
            d.get(f) for f in ("kvinnor", "man", "ej_angivet")
        )


class BaseDeltagareFormSet(forms.BaseFormSet):
    def rader(self):

        return [
            DeltagarRad(
                organisation=f.cleaned_data.get("organisation") or "",
                inom_omradet=bool(f.cleaned_data.get("inom_omradet")),
                kvinnor=f.cleaned_data.get("kvinnor") or 0,
                man=f.cleaned_data.get("man") or 0,
                ej_angivet=f.cleaned_data.get("ej_angivet") or 0,
            )
            for f in self.forms
            if not f.tom()
        ]


DeltagareFormSet = forms.formset_factory(
    DeltagareForm, formset=BaseDeltagareFormSet, extra=3, max_num=200, validate_max=True
)
