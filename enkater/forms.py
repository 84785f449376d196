from django import forms

from forbund.forms import DateInput
from forbund.uploads import tolka_uppladdning
from insatser import selectors as insats_selectors

from .formular_skalor import ALTERNATIV
from .models import Formular, Fraga, Omgang
from .services import Fel, deltagarkod_kontrollera


class SvarForm(forms.Form):
    """The questionnaire itself: every question optional, as the forms say."""

    def __init__(self, *args, fragor: list[Fraga], **kwargs):
        super().__init__(*args, **kwargs)
        self.fragor = fragor
        for f in fragor:
            name = f"f{f.pk}"
            label = f"{f.nummer}. {f.text}" if f.nummer[:1].isdigit() else f.text
            if f.typ == Fraga.Typ.FRITEXT:
                self.fields[name] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            else:
                self.fields[name] = forms.TypedChoiceField(
                    label=label,
                    required=False,
                    coerce=int,
                    empty_value=None,
                    choices=[(i + 1, text) for i, text in enumerate(ALTERNATIV[f.typ])],
                    widget=forms.RadioSelect,
                    help_text=f.hjalptext,
                )

        for f in fragor:
            self.fields[f"f{f.pk}"].fraga = f

    def varden(self) -> dict[int, int | str]:
        return {
            f.pk: self.cleaned_data.get(f"f{f.pk}")
            for f in self.fragor
            if self.cleaned_data.get(f"f{f.pk}") not in (None, "")
        }


class OmgangForm(forms.Form):
    formular = forms.ModelChoiceField(
        label="Formulär", queryset=Formular.objects.order_by("kod", "-version")
    )
    ar = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    oppnar = forms.DateField(label="Öppnar", widget=DateInput())
    stanger = forms.DateField(label="Stänger", widget=DateInput())
    insats = forms.ModelChoiceField(
        label="Insats (för personal- och deltagarenkäter)", queryset=None, required=False
    )
    tillfalle = forms.ChoiceField(
        label="Självskattning",
        choices=Omgang.Tillfalle.choices,
        required=False,
        help_text="För självskattning vid in- och utskrivning: svaren paras med en deltagarkod.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.fields["insats"].queryset = insats_selectors.insatser_i_namnordning()


class TokenForm(forms.Form):
    antal = forms.IntegerField(label="Antal nya länkar", min_value=1, max_value=1000)


class DeltagarkodForm(forms.Form):
    deltagarkod = forms.CharField(
        label="Deltagarkod",
        max_length=20,
        help_text="Koden insatsen gav deltagaren, aldrig personnummer. Parar in- och utskrivning.",
    )

    def clean_deltagarkod(self):

        try:
            return deltagarkod_kontrollera(self.cleaned_data["deltagarkod"])
        except Fel as exc:
            raise forms.ValidationError(str(exc)) from exc


class ImportForm(forms.Form):
    fil = forms.FileField(label="Fil (Excel .xlsx eller CSV)")

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        if fil.name.lower().endswith((".csv", ".txt")):
            if fil.size > 20 * 1024 * 1024:
                raise forms.ValidationError("Filen är för stor. Största tillåtna storlek är 20 MB.")
            return fil.read()
        data, _typ = tolka_uppladdning(fil)
        return data


class FormularForm(forms.Form):
    namn = forms.CharField(label="Namn", max_length=200)
    malgrupp = forms.ChoiceField(label="Målgrupp", choices=Formular.Malgrupp.choices)
    inledning = forms.CharField(
        label="Inledning på papper",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Visas bara när enkäten skrivs ut, med instruktioner som ”kryssa i rutan”.",
    )
    webbinledning = forms.CharField(
        label="Inledning på webben",
        required=False,
        max_length=300,
        help_text="En kort mening före fråga 1, till exempel vad enkäten vill veta.",
    )


class FragaForm(forms.Form):
    text = forms.CharField(label="Frågetext", widget=forms.Textarea(attrs={"rows": 2}))
    typ = forms.ChoiceField(label="Typ", choices=Fraga.Typ.choices)
    nummer = forms.CharField(
        label="Nummer", max_length=10, required=False, help_text="Tomt: nästa lediga nummer."
    )
    hjalptext = forms.CharField(label="Hjälptext", required=False)
    visas_om = forms.ModelChoiceField(
        label="Visas bara om fråga", queryset=Fraga.objects.none(), required=False
    )
    visas_om_svar = forms.IntegerField(
        label="… besvarats med alternativ nummer",
        required=False,
        min_value=1,
        max_value=6,
        help_text="Till exempel 1 för Ja, 2 för Nej.",
    )

    def __init__(self, *args, fragor: list[Fraga], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visas_om"].queryset = Fraga.objects.filter(
            pk__in=[f.pk for f in fragor if f.typ != Fraga.Typ.FRITEXT]
        )
        self.fields["visas_om"].label_from_instance = lambda f: f"{f.nummer}. {f.text[:60]}"
