from django import forms

from forbund.forms import DateInput
from forbund.uploads import MAX_STORLEK

from .models import Budgetpost


def _inom_storleksgrans(fil):
    # Refused before it is read: the portal's limit for every upload (forbund.uploads).
    if fil.size > MAX_STORLEK:
        raise forms.ValidationError("Filen är för stor. Största tillåtna storlek är 20 MB.")
    return fil


class ImportForm(forms.Form):
    ar = forms.IntegerField(label="År", min_value=2000, max_value=2100)
    per = forms.DateField(
        label="Utfall per",
        required=False,
        widget=DateInput(),
        help_text="Lämna tomt: filens #OMFATTN, annars sista dagen i filens sista månad. "
        "Datumet visas innan du bekräftar importen.",
    )
    fil = forms.FileField(label="Fil (SIE, CSV eller Excel)")

    def clean_fil(self):
        return _inom_storleksgrans(self.cleaned_data["fil"])

    def clean(self):
        data = super().clean()
        if data.get("per") and data.get("ar") and data["per"].year != data["ar"]:
            self.add_error("per", "Datumet ligger utanför året.")
        return data


class BekraftaForm(forms.Form):
    """The preview's confirmation: the accounts whose name in the file the kansli adopts."""

    anta_namn = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, konton=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anta_namn"].choices = [(k, k) for k in konton]


class MappaForm(forms.Form):
    konto = forms.IntegerField(widget=forms.HiddenInput)
    post = forms.ModelChoiceField(
        label="Budgetpost", queryset=Budgetpost.objects.order_by("grupp", "ordning")
    )


class PrognosForm(forms.Form):
    def __init__(self, *args, poster, **kwargs):
        super().__init__(*args, **kwargs)
        self.poster = poster
        for post, initial in poster:
            self.fields[f"post_{post.pk}"] = forms.IntegerField(
                label=post.namn,
                min_value=0,
                required=False,
                initial=initial,
                error_messages={"min_value": "Prognosen kan inte vara negativ."},
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
            )

    def belopp(self) -> dict:
        return {post: self.cleaned_data.get(f"post_{post.pk}") for post, _i in self.poster}
