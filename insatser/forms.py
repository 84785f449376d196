from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from forbund import uploads
from forbund.forms import DateInput
from forbund.models import Part, Person

from . import sus
from .models import Beviljning, Delbetalning, Insats, Tabell


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
    deltagare = forms.CharField(
        label="Deltagare",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="En per rad: namn och roll.",
    )
    mal = forms.CharField(label="Mål", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    sus = forms.CharField(label="SUS", required=False, widget=forms.Textarea(attrs={"rows": 3}))
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
    """The whole period on one page: one row of number fields per category."""

    def __init__(self, *args, kommuner: list[str], befintliga: list[sus.Rad], **kwargs):
        super().__init__(*args, **kwargs)
        self.tabeller = []
        finns = {(r.tabell, r.kategori): r for r in befintliga}
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
                        error_messages={"min_value": "Antal kan inte vara negativt."},
                        widget=forms.NumberInput(
                            attrs={"class": "form-control form-control-sm", "inputmode": "numeric"}
                        ),
                    )
                    names.append(name)
                rader.append((kategori, [self[n] for n in names]))
            self.tabeller.append((tabell, rader, tabell == Tabell.AVSLUT))

    def rader(self) -> list[sus.Rad]:
        result = []
        for tabell, rader, _avslut in self.tabeller:
            for kategori, bound in rader:
                values = {
                    b.name.rsplit("-", 1)[1]: self.cleaned_data.get(b.name) or 0 for b in bound
                }
                result.append(sus.Rad(tabell.value, kategori, **values))
        return result


_FALT = {
    "totalt": "totalt",
    "kvinnor": "kvinnor",
    "man": "män",
    "manader": "månader i insatsen (summa)",
}


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
        data, filtyp = uploads.las_uppladdning(fil)
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
        from .models import Arrangemang

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
        from .services import DeltagarRad

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
