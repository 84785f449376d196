from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import authenticate

from forbund import uploads
from forbund.forms import DateInput
from forbund.models import Organ, Person

from . import selectors
from .models import Dagordningspunkt, Mote, Narvaro


def _helper(label: str) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.add_input(Submit("spara", label))
    return helper


class BeslutsparagrafForm(forms.Form):
    """Which paragraph of the styrelse's protocol decided this (a budget fastställd, a report
    approved): the one way the other apps take "the paragraph that decided it" from a POST.
    The choices are selectors.beslutsparagrafer, the list the pages offer."""

    paragraf = forms.ModelChoiceField(
        queryset=selectors.beslutsparagrafer(),
        error_messages={
            "required": "Välj paragrafen där styrelsen beslutade.",
            "invalid_choice": "Välj en numrerad paragraf i styrelsens protokoll.",
        },
    )


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class MoteForm(forms.ModelForm):
    class Meta:
        model = Mote
        fields = ["organ", "datum", "starttid", "sluttid", "plats"]
        widgets = {"datum": DateInput(), "starttid": TimeInput(), "sluttid": TimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organ"].queryset = Organ.objects.order_by("typ", "namn")
        self.helper = _helper("Spara mötet")

    def clean(self):
        data = super().clean()
        start, slut = data.get("starttid"), data.get("sluttid")
        if start and slut and slut <= start:
            self.add_error("sluttid", "Sluttiden måste vara efter starttiden.")
        return data


class DagordningspunktForm(forms.ModelForm):
    class Meta:
        model = Dagordningspunkt
        fields = ["rubrik", "foredragande", "underlag", "forslag_till_beslut"]
        widgets = {
            "underlag": forms.Textarea(attrs={"rows": 4}),
            "forslag_till_beslut": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Spara punkten")


class HandlingForm(forms.Form):
    titel = forms.CharField(label="Titel", max_length=300)
    fil = forms.FileField(
        label="Fil",
        help_text=f"{uploads.TILLATNA}. Högst 20 MB.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.doc,.xlsx,.xls,.png,.jpg,.jpeg"}
        ),
    )
    dagordningspunkt = forms.ModelChoiceField(
        label="Hör till punkt", queryset=Dagordningspunkt.objects.none(), required=False
    )

    def __init__(self, *args, mote: Mote, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dagordningspunkt"].queryset = mote.dagordning.all()
        self.helper = _helper("Ladda upp")

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        self.data_bytes, self.filtyp = uploads.tolka_uppladdning(fil)
        return fil


class ParagrafForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    rubrik = forms.CharField(label="Rubrik", max_length=400)
    text = forms.CharField(label="Text", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    bilagor = forms.CharField(
        label="Bilagor", required=False, max_length=100, help_text="Till exempel ”6 och 7”."
    )
    beslut = forms.CharField(
        label="Beslut: en att-sats per stycke",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Skriv varje att-sats som ett eget stycke, med en tom rad emellan. ”Att” skrivs ut automatiskt.",
    )
    jav_beslut = forms.MultipleChoiceField(
        label="Deltog inte i beslutet (jäv)", required=False, widget=forms.CheckboxSelectMultiple
    )
    jav_diskussion = forms.MultipleChoiceField(
        label="Deltog inte i diskussionen (jäv)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    yrkanden = forms.CharField(
        label="Yrkanden", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    omrostning = forms.CharField(
        label="Omröstning och resultat", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reservationer = forms.CharField(
        label="Reservationer", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    justeras_omedelbart = forms.BooleanField(
        label="Mötet beslutade att paragrafen justeras omedelbart",
        required=False,
        help_text="Ordföranden och justeraren justerar då paragrafen för sig, med sina "
        "lösenord, när protokollet är numrerat; den får ett eget anslag.",
    )

    def __init__(self, *args, narvarande: list[Narvaro], **kwargs):
        super().__init__(*args, **kwargs)
        self.narvarande = {str(n.pk): n for n in narvarande}
        choices = [(str(n.pk), n.namn) for n in narvarande]
        self.fields["jav_beslut"].choices = choices
        self.fields["jav_diskussion"].choices = choices

    def jav(self) -> list[tuple]:
        rows = []
        for field, omfattning in (("jav_beslut", "beslut"), ("jav_diskussion", "diskussion")):
            for pk in self.cleaned_data.get(field, []):
                n = self.narvarande[pk]
                rows.append((n.namn, omfattning, n.person))
        return rows


_SMAL = {"class": "form-control form-control-sm"}


class NarvaroForm(forms.Form):
    # An empty first choice, so the blank extra rows of the formset count as unchanged.
    kategori = forms.ChoiceField(
        label="Kategori",
        choices=[("", "Välj kategori"), *Narvaro.Kategori.choices],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    namn = forms.CharField(label="Namn", max_length=200, widget=forms.TextInput(attrs=_SMAL))
    beskrivning = forms.CharField(
        label="Organisation eller roll",
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=_SMAL),
    )
    ersatter = forms.CharField(
        label="Tjänstgör för", max_length=200, required=False, widget=forms.TextInput(attrs=_SMAL)
    )
    fran_paragraf = forms.IntegerField(
        label="Från §", required=False, min_value=1, widget=forms.NumberInput(attrs=_SMAL)
    )
    till_paragraf = forms.IntegerField(
        label="Till §", required=False, min_value=1, widget=forms.NumberInput(attrs=_SMAL)
    )
    person_id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        fran, till = data.get("fran_paragraf"), data.get("till_paragraf")
        if fran and till and till < fran:
            self.add_error("till_paragraf", "Till § kan inte vara före från §.")
        if data.get("kategori") == Narvaro.Kategori.TJANSTGORANDE and not data.get("ersatter"):
            self.add_error("ersatter", "Ange vem den tjänstgörande ersättaren ersätter.")
        return data


NarvaroFormSet = forms.formset_factory(NarvaroForm, extra=3, can_delete=True)


class NumreraForm(forms.Form):
    ordforande = forms.ModelChoiceField(label="Ordförande", queryset=None)
    justerare = forms.ModelMultipleChoiceField(
        label="Justerare (valda under val av justerare)",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    bekrafta = forms.BooleanField(
        label="Jag har läst varningarna och vill numrera ändå",
        required=False,
    )

    def __init__(self, *args, ledamoter, **kwargs):
        super().__init__(*args, **kwargs)

        qs = (
            Person.objects.filter(pk__in=[p.pk for p in ledamoter])
            .select_related("user")
            .order_by("efternamn", "fornamn")
        )
        self.fields["ordforande"].queryset = qs
        self.fields["justerare"].queryset = qs
        self.helper = _helper("Numrera och skicka till justering")

    def clean(self):
        data = super().clean()
        if data.get("ordforande") and data.get("ordforande") in data.get("justerare", []):
            self.add_error("justerare", "Ordföranden justerar redan; välj en annan justerare.")
        return data


class LosenordForm(forms.Form):
    """A justering confirmed with the user's own password. The password is checked through
    Django's authenticate, so django-axes counts a wrong one as a failed login: five lock the
    account for 30 minutes, for the login as for this."""

    losenord = forms.CharField(
        label="Ditt lösenord",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Du bekräftar justeringen med ditt lösenord.",
    )
    knapp = "Justera protokollet"

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.helper = _helper(self.knapp)

    def clean_losenord(self):
        user = self.request.user
        checked = authenticate(
            self.request, username=user.get_username(), password=self.cleaned_data["losenord"]
        )
        if getattr(self.request, "axes_locked_out", False):
            raise forms.ValidationError(
                "Fel lösenord fem gånger: kontot är låst i 30 minuter. Ingenting är justerat."
            )
        if checked is None or checked.pk != user.pk:
            raise forms.ValidationError("Lösenordet stämmer inte. Ingenting är justerat.")
        return ""


class JusteraForm(LosenordForm):
    knapp = "Justera protokollet"


class JusteraParagrafForm(LosenordForm):
    knapp = "Justera paragrafen"


class KommentarForm(forms.Form):
    text = forms.CharField(
        label="Kommentar till sekreteraren",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AterkallaForm(forms.Form):
    skal = forms.CharField(
        label="Varför återkallas justeringarna?",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Skälet sparas i protokollets historik och skickas till justerarna.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Återkalla justeringarna")


class AnslagForm(forms.Form):
    anslagsdatum = forms.DateField(label="Anslagsdatum", widget=DateInput())
    forvaringsplats = forms.CharField(label="Protokollet förvaras", max_length=300)

    def __init__(self, *args, forsta, sista, **kwargs):
        super().__init__(*args, **kwargs)
        self.forsta, self.sista = forsta, sista
        self.fields[
            "anslagsdatum"
        ].help_text = f"Från {forsta.isoformat()} till och med {sista.isoformat()}."
        self.helper = _helper("Sätt upp anslaget")

    def clean_anslagsdatum(self):
        d = self.cleaned_data["anslagsdatum"]
        if d < self.forsta:
            raise forms.ValidationError(
                f"Anslaget kan sättas upp tidigast {self.forsta.isoformat()}: inte före "
                "justeringen och inte före i dag."
            )
        if d > self.sista:
            raise forms.ValidationError(
                f"Anslaget ska sättas upp senast {self.sista.isoformat()}, andra dagen efter "
                "justeringen (kommunallagen)."
            )
        return d
