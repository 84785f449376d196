from django import forms

from forbund.forms import DateInput

from .formular_skalor import ALTERNATIV
from .models import Formular, Fraga


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from insatser.models import Insats

        self.fields["insats"].queryset = Insats.objects.order_by("namn")


class TokenForm(forms.Form):
    antal = forms.IntegerField(label="Antal nya länkar", min_value=1, max_value=1000)
