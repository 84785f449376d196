from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from forbund.forms import DateInput

from .models import Verksamhetsrapport


class VerksamhetsrapportForm(forms.Form):
    typ = forms.ChoiceField(label="Slag av rapport", choices=[])
    fran = forms.DateField(label="Från", widget=DateInput())
    till = forms.DateField(
        label="Till",
        widget=DateInput(),
        help_text="För en årsredovisning räcker året: hela året tas med.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].choices = Verksamhetsrapport.Typ.choices
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("skapa", "Skapa rapporten"))

    def clean(self):
        data = super().clean()
        if data.get("fran") and data.get("till") and data["till"] < data["fran"]:
            self.add_error("till", "Periodens slut kan inte ligga före dess början.")
        return data


class AvsnittForm(forms.Form):
    text = forms.CharField(
        label="Text",
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text='Tom rad mellan stycken. En rad som börjar med "- " blir en punkt i en lista, '
        '"### " en underrubrik. Tabellerna under texten hämtas från portalen.',
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
