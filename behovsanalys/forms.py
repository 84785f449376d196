from django import forms

from forbund.uploads import MAX_STORLEK

from .analys import TOTALT
from .models import Ersattning


class FilterForm(forms.Form):
    """The page's filter; its state lives in the URL (GET)."""

    kommun = forms.ChoiceField(label="Kommun")
    ersattning = forms.ChoiceField(
        label="Ersättning",
        choices=[(TOTALT, "Alla ersättningar sammanlagt"), *Ersattning.choices],
        required=False,
    )
    fran = forms.TypedChoiceField(label="Från år", coerce=int)
    till = forms.TypedChoiceField(label="Till år", coerce=int)

    def __init__(self, data, *, kommuner, ar):
        super().__init__(data)
        self.fields["kommun"].choices = [
            (k.kod, f"{k.namn}{'' if k.part_id else ' (inte medlem)'}") for k in kommuner
        ]
        self.fields["fran"].choices = self.fields["till"].choices = [(a, str(a)) for a in ar]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"
        self.fields["fran"].error_messages["invalid_choice"] = "Det finns inga uppgifter för året."
        self.fields["till"].error_messages["invalid_choice"] = "Det finns inga uppgifter för året."
        self.fields["kommun"].error_messages["invalid_choice"] = (
            "Det finns inga uppgifter för kommunen."
        )
        self.fields["ersattning"].error_messages["invalid_choice"] = "Okänd ersättning."

    def clean(self):
        data = super().clean()
        if data.get("fran") and data.get("till") and data["fran"] > data["till"]:
            self.add_error("fran", "Från-året kan inte vara senare än till-året.")
        data["ersattning"] = data.get("ersattning") or TOTALT
        return data


class ImportForm(forms.Form):
    fil = forms.FileField(label="Fil (CSV eller Excel)")
    kalla = forms.CharField(
        label="Källa",
        max_length=200,
        required=False,
        help_text="Till exempel ”SCB, beställning 2024-03” eller ”Statisticon”. Visas under diagrammen.",
    )

    def clean_fil(self):

        fil = self.cleaned_data["fil"]
        if fil.size > MAX_STORLEK:
            raise forms.ValidationError("Filen är för stor. Största tillåtna storlek är 20 MB.")
        return fil
