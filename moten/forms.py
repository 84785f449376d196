from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import authenticate

from forbund import formatting, uploads
from forbund.forms import DateInput
from forbund.models import Organ, Person

from . import selectors
from .models import Dagordningspunkt, Mote, Narvaro, Rost
from .services import OmrostningIn, ReservationIn, YrkandeIn


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
        fields = ["rubrik", "foredragande", "tid_minuter", "underlag", "forslag_till_beslut"]
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
    i_protokollet = forms.BooleanField(
        label="Bilaga till protokollet",
        required=False,
        help_text="Listas i protokollet och arkiveras med det.",
    )
    publik = forms.BooleanField(
        label="Offentlig",
        required=False,
        help_text="Kan laddas ned från det publicerade protokollet när det är justerat. "
        "Lämna omarkerad för handlingar med sekretess eller personuppgifter.",
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
    justeras_omedelbart = forms.BooleanField(
        label="Mötet beslutade att paragrafen justeras omedelbart",
        required=False,
        help_text="Ordföranden och justeraren justerar då paragrafen för sig, med sina "
        "lösenord, när protokollet är numrerat; den får ett eget anslag.",
    )

    # The documented subset of the text (forbund.formatting), shown beside the editor.
    formatering_hjalp = formatting.PROTOKOLLTEXT_HJALP

    def clean_text(self):
        text = self.cleaned_data["text"]
        if formatting.html_i_text(text):
            raise forms.ValidationError(
                "Texten innehåller HTML-kod, som inte tas emot. Använd formateringen som "
                "beskrivs bredvid fältet (till exempel **fet** eller en lista med - )."
            )
        return text

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


ANTAL_YRKANDEN = 3
ANTAL_RESERVATIONER = 2
_ROSTVAL = [("", "Välj"), *Rost.choices]


class OmrostningForm(forms.Form):
    """Yrkanden, propositionsordning, omröstning and reservationer of one paragraph. The
    names to choose from are those who vote in it (present and serving, not jäviga); the
    service (paragraf_omrostning_save) checks the votes and computes the result."""

    propositionsordning = forms.CharField(
        label="Propositionsordning",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Till exempel: Ordföranden ställer proposition på yrkandena och finner att "
        "styrelsen beslutat enligt Karin Ödmarks yrkande.",
    )
    beslut_enligt = forms.ChoiceField(
        label="Utan omröstning: beslutet följde yrkande",
        required=False,
        help_text="Behövs när det finns flera yrkanden men ingen omröstning.",
    )
    omrostning = forms.BooleanField(label="Omröstning begärs och verkställs", required=False)
    ja_yrkande = forms.ChoiceField(label="Ja-röst för yrkande", required=False)
    nej_yrkande = forms.ChoiceField(label="Nej-röst för yrkande", required=False)
    satt = forms.ChoiceField(
        label="Rösterna registreras",
        choices=[("namn", "per ledamot (med omröstningslista)"), ("antal", "som antal")],
        initial="namn",
        widget=forms.RadioSelect,
    )
    ja_antal = forms.IntegerField(label="Antal ja-röster", required=False, min_value=0)
    nej_antal = forms.IntegerField(label="Antal nej-röster", required=False, min_value=0)
    avstar_antal = forms.IntegerField(label="Antal som avstår", required=False, min_value=0)
    ordforandens_rost = forms.ChoiceField(
        label="Ordförandens röst (utslagsröst vid lika röstetal)",
        required=False,
        choices=[("", "Välj"), (Rost.JA, "ja"), (Rost.NEJ, "nej")],
    )

    def __init__(self, *args, rostande: list[Narvaro], **kwargs):
        super().__init__(*args, **kwargs)
        self.rostande = rostande
        namnval = [("", "Välj ledamot"), *((n.namn, n.namn) for n in rostande)]
        nummerval = [
            ("", "Välj"),
            *((str(i), f"Yrkande {i}") for i in range(1, ANTAL_YRKANDEN + 1)),
        ]
        for i in range(1, ANTAL_YRKANDEN + 1):
            self.fields[f"yrkande_{i}_namn"] = forms.ChoiceField(
                label=f"Yrkande {i}: yrkas av", choices=namnval, required=False
            )
            self.fields[f"yrkande_{i}_lydelse"] = forms.CharField(
                label=f"Yrkande {i}: yrkar",
                max_length=1000,
                required=False,
                help_text="Till exempel ”bifall till förslaget”, ”avslag” eller ett eget förslag.",
            )
        for n in rostande:
            self.fields[f"rost_{n.pk}"] = forms.ChoiceField(
                label=n.namn, choices=_ROSTVAL, required=False
            )
        for i in range(1, ANTAL_RESERVATIONER + 1):
            self.fields[f"reservation_{i}_namn"] = forms.ChoiceField(
                label=f"Reservation {i}: ledamot", choices=namnval, required=False
            )
            self.fields[f"reservation_{i}_motivering"] = forms.CharField(
                label=f"Reservation {i}: motivering",
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"reservation_{i}_bilaga"] = forms.CharField(
                label=f"Reservation {i}: skriftlig reservation, bilaga nr",
                required=False,
                max_length=20,
            )
        for namn in ("beslut_enligt", "ja_yrkande", "nej_yrkande"):
            self.fields[namn].choices = nummerval

    # Bound fields in groups, for the template.
    def yrkande_rader(self):
        return [
            (self[f"yrkande_{i}_namn"], self[f"yrkande_{i}_lydelse"])
            for i in range(1, ANTAL_YRKANDEN + 1)
        ]

    def rost_falt(self):
        return [self[f"rost_{n.pk}"] for n in self.rostande]

    def reservation_rader(self):
        return [
            (
                self[f"reservation_{i}_namn"],
                self[f"reservation_{i}_motivering"],
                self[f"reservation_{i}_bilaga"],
            )
            for i in range(1, ANTAL_RESERVATIONER + 1)
        ]

    def yrkanden(self) -> list[tuple[int, str, str]]:
        """(number on the form, name, wording) of each filled-in yrkande."""
        d = self.cleaned_data
        return [
            (i, d.get(f"yrkande_{i}_namn", ""), d.get(f"yrkande_{i}_lydelse", "").strip())
            for i in range(1, ANTAL_YRKANDEN + 1)
            if d.get(f"yrkande_{i}_namn") or d.get(f"yrkande_{i}_lydelse", "").strip()
        ]

    def clean(self):
        d = super().clean()
        for i in range(1, ANTAL_YRKANDEN + 1):
            namn, lydelse = (
                d.get(f"yrkande_{i}_namn"),
                (d.get(f"yrkande_{i}_lydelse") or "").strip(),
            )
            if namn and not lydelse:
                self.add_error(f"yrkande_{i}_lydelse", "Skriv vad ledamoten yrkar.")
            if lydelse and not namn:
                self.add_error(f"yrkande_{i}_namn", "Välj vem som yrkar.")
        ifyllda = {str(i) for i, _n, _l in self.yrkanden()}
        if d.get("omrostning"):
            for falt in ("ja_yrkande", "nej_yrkande"):
                if d.get(falt) not in ifyllda:
                    self.add_error(falt, "Välj ett av de ifyllda yrkandena.")
            if d.get("ja_yrkande") and d.get("ja_yrkande") == d.get("nej_yrkande"):
                self.add_error("nej_yrkande", "Ja-röst och nej-röst måste gälla olika yrkanden.")
            if d.get("satt") == "antal":
                for falt in ("ja_antal", "nej_antal"):
                    if d.get(falt) is None:
                        self.add_error(falt, "Ange antalet röster.")
            else:
                for n in self.rostande:
                    if not d.get(f"rost_{n.pk}"):
                        self.add_error(f"rost_{n.pk}", f"Ange hur {n.namn} röstade.")
        elif d.get("beslut_enligt") and d["beslut_enligt"] not in ifyllda:
            self.add_error("beslut_enligt", "Välj ett av de ifyllda yrkandena.")
        for i in range(1, ANTAL_RESERVATIONER + 1):
            if not d.get(f"reservation_{i}_namn") and (
                d.get(f"reservation_{i}_motivering") or d.get(f"reservation_{i}_bilaga")
            ):
                self.add_error(f"reservation_{i}_namn", "Välj vem som reserverar sig.")
        return d

    def for_service(self) -> dict:
        """The service's arguments (numbers on the form become 0-based positions among the
        filled-in yrkanden)."""
        d = self.cleaned_data
        yrkanden = self.yrkanden()
        plats = {str(nr): i for i, (nr, _n, _l) in enumerate(yrkanden)}
        omrostning = None
        if d.get("omrostning"):
            roster = antal = None
            if d.get("satt") == "antal":
                antal = (
                    d.get("ja_antal") or 0,
                    d.get("nej_antal") or 0,
                    d.get("avstar_antal") or 0,
                )
            else:
                roster = {n.namn: d.get(f"rost_{n.pk}", "") for n in self.rostande}
            omrostning = OmrostningIn(
                ja=plats.get(d.get("ja_yrkande"), -1),
                nej=plats.get(d.get("nej_yrkande"), -1),
                roster=roster,
                antal=antal,
                ordforandens_rost=d.get("ordforandens_rost", ""),
            )
        return {
            "yrkanden": [YrkandeIn(namn=n, lydelse=lyd) for _nr, n, lyd in yrkanden],
            "propositionsordning": d.get("propositionsordning", "").strip(),
            "beslut_enligt": plats.get(d.get("beslut_enligt")),
            "omrostning": omrostning,
            "reservationer": [
                ReservationIn(
                    namn=d[f"reservation_{i}_namn"],
                    motivering=d.get(f"reservation_{i}_motivering", "").strip(),
                    bilaga=d.get(f"reservation_{i}_bilaga", "").strip(),
                )
                for i in range(1, ANTAL_RESERVATIONER + 1)
                if d.get(f"reservation_{i}_namn")
            ],
        }


class UppdragForm(forms.Form):
    """An uppdrag from one of a paragraph's Att-clauses."""

    attsats = forms.ModelChoiceField(
        label="Att-sats som ger uppdraget",
        queryset=None,
        error_messages={"required": "Välj den att-sats som ger uppdraget."},
    )
    ansvarig = forms.CharField(label="Vem", max_length=200, initial="förbundschefen")
    beskrivning = forms.CharField(
        label="Vad",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Tomt: att-satsens text.",
    )
    senast = forms.DateField(label="Senast", required=False, widget=DateInput())
    till_nasta_sammantrade = forms.BooleanField(label="Till nästa sammanträde", required=False)

    def __init__(self, *args, paragraf, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attsats"].queryset = paragraf.beslut.order_by("ordning", "pk")
        self.fields["attsats"].label_from_instance = lambda a: f"Att {a.text[:150]}"
        self.helper = _helper("Skapa uppdraget")

    def clean(self):
        data = super().clean()
        if data.get("senast") and data.get("till_nasta_sammantrade"):
            self.add_error("senast", "Ange ett datum eller ”till nästa sammanträde”, inte båda.")
        elif not data.get("senast") and not data.get("till_nasta_sammantrade"):
            self.add_error(
                "senast",
                "Ange när uppdraget ska vara klart: ett datum eller till nästa sammanträde.",
            )
        return data


class AvslutaUppdragForm(forms.Form):
    paragraf = forms.ModelChoiceField(
        label="Paragrafen där uppdraget redovisades",
        queryset=None,
        error_messages={"required": "Välj paragrafen där uppdraget redovisades."},
    )

    def __init__(self, *args, paragrafer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraf"].queryset = paragrafer
        self.fields["paragraf"].label_from_instance = lambda p: (
            f"{p.protokoll.mote.datum.isoformat()} § {p.nummer or '(ej numrerad)'} {p.rubrik[:80]}"
        )
        self.helper = _helper("Markera som klart")
