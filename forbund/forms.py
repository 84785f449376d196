from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import get_user_model

from .models import ORGAN_ROLLER, Forbund, Organ, Person, Roll, Uppdrag


def _helper(submit_label: str) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.add_input(Submit("spara", submit_label))
    helper.render_required_fields = True
    return helper


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ForbundForm(forms.ModelForm):
    class Meta:
        model = Forbund
        fields = ["namn", "organisationsnummer", "sate", "andamal", "adress", "webbplats", "epost"]
        widgets = {"andamal": forms.Textarea(attrs={"rows": 4})}

    webbplats = forms.URLField(label="Webbplats", required=False, assume_scheme="https")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Spara")


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["fornamn", "efternamn", "titel", "organisation", "epost", "telefon"]
        widgets = {
            "fornamn": forms.TextInput(attrs={"autocomplete": "off"}),
            "efternamn": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Spara")


class UppdragForm(forms.ModelForm):
    class Meta:
        model = Uppdrag
        fields = ["roll", "organ", "part", "startdatum", "slutdatum"]
        widgets = {"startdatum": DateInput(), "slutdatum": DateInput()}
        help_texts = {
            "organ": "Krävs för ordförande, vice ordförande, ledamot och ersättare.",
            "slutdatum": "Lämna tomt om uppdraget gäller tills vidare.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Spara uppdraget")
        self.fields["organ"].queryset = Organ.objects.order_by("namn")
        self.fields["part"].required = False

    def clean(self):
        data = super().clean()
        roll, organ = data.get("roll"), data.get("organ")
        if roll in ORGAN_ROLLER and organ is None:
            self.add_error("organ", f"Välj i vilket organ personen är {Roll(roll).label.lower()}.")
        start, slut = data.get("startdatum"), data.get("slutdatum")
        if start and slut and slut < start:
            self.add_error("slutdatum", "Slutdatum kan inte ligga före startdatum.")
        return data


class KontoForm(forms.Form):
    username = forms.CharField(
        label="Användarnamn",
        max_length=150,
        help_text="Personen får ett e-brev med en länk för att välja sitt lösenord.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Skapa inloggning")

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("Användarnamnet är upptaget. Välj ett annat.")
        return username
