"""The organisation: the förbund, its parter and organ, people and their uppdrag.

Rules that must always hold are database constraints; writes go through forbund.services.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now
from django.utils import timezone
from simple_history.models import HistoricalRecords

orgnr_validator = RegexValidator(
    r"^\d{6}-\d{4}$", "Organisationsnumret skrivs som tio siffror: NNNNNN-NNNN."
)


class Forbund(models.Model):
    """The samordningsförbund. One per installation."""

    singleton = models.BooleanField(default=True, editable=False, unique=True)
    namn = models.CharField("namn", max_length=200)
    organisationsnummer = models.CharField(
        "organisationsnummer", max_length=11, validators=[orgnr_validator]
    )
    sate = models.CharField("säte", max_length=100)
    andamal = models.TextField("ändamål")
    adress = models.CharField(
        "där protokollen förvaras",
        max_length=200,
        blank=True,
        help_text="Till exempel ”Kommunhuset rum 612, Sundsvall”. Står i anslaget.",
    )
    webbplats = models.URLField("webbplats", blank=True)
    epost = models.EmailField("e-post", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "förbund"
        verbose_name_plural = "förbund"
        constraints = [
            models.CheckConstraint(condition=Q(singleton=True), name="forbund_en_per_installation")
        ]

    def __str__(self) -> str:
        return self.namn


class Part(models.Model):
    """A member of the förbund (FINSAM 2003:1210): the state's two agencies, a region, kommuner."""

    class Typ(models.TextChoices):
        FORSAKRINGSKASSAN = "forsakringskassan", "Försäkringskassan"
        ARBETSFORMEDLINGEN = "arbetsformedlingen", "Arbetsförmedlingen"
        REGION = "region", "Region"
        KOMMUN = "kommun", "Kommun"

    forbund = models.ForeignKey(Forbund, on_delete=models.PROTECT, related_name="parter")
    namn = models.CharField("namn", max_length=200)
    typ = models.CharField("slag", max_length=20, choices=Typ.choices)
    organisationsnummer = models.CharField(
        "organisationsnummer", max_length=11, blank=True, validators=[orgnr_validator]
    )
    folkmangd = models.PositiveIntegerField("folkmängd", null=True, blank=True)
    kommunandel = models.DecimalField(
        "andel av kommunernas fjärdedel",
        max_digits=7,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
        help_text="Bara för kommuner: andel (0–1) av kommunernas gemensamma fjärdedel.",
    )
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "part"
        verbose_name_plural = "parter"
        ordering = ["ordning", "namn"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "namn"], name="part_namn_unik"),
            models.CheckConstraint(
                condition=Q(kommunandel__isnull=True)
                | (Q(typ="kommun") & Q(kommunandel__gte=0) & Q(kommunandel__lte=1)),
                name="part_kommunandel_bara_kommun_0_1",
            ),
        ]

    def __str__(self) -> str:
        return self.namn


class Organ(models.Model):
    """A body of the förbund: the styrelse and its advisory groups."""

    class Typ(models.TextChoices):
        STYRELSE = "styrelse", "Styrelse"
        UTVECKLINGSRAD = "utvecklingsrad", "Utvecklingsråd"
        SAMVERKANSRAD = "samverkansrad", "Samverkansråd"
        BEREDNINGSGRUPP = "beredningsgrupp", "Beredningsgrupp"
        STRATEGIGRUPP = "strategigrupp", "Strategigrupp"
        STYRGRUPP = "styrgrupp", "Styrgrupp"

    forbund = models.ForeignKey(Forbund, on_delete=models.PROTECT, related_name="organ")
    namn = models.CharField("namn", max_length=200)
    typ = models.CharField("slag", max_length=20, choices=Typ.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "organ"
        verbose_name_plural = "organ"
        ordering = ["typ", "namn"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "namn"], name="organ_namn_unik"),
        ]

    def __str__(self) -> str:
        return self.namn

    @property
    def protokollform(self) -> str:
        """The styrelse keeps a formal protocol; the other bodies keep notes."""
        if self.typ == self.Typ.STYRELSE:
            return "Sammanträdesprotokoll"
        return "Minnesanteckningar"


class Person(models.Model):
    fornamn = models.CharField("förnamn", max_length=100)
    efternamn = models.CharField("efternamn", max_length=100)
    titel = models.CharField("titel", max_length=150, blank=True)
    organisation = models.CharField(
        "organisation", max_length=200, blank=True, help_text="Arbetsgivare, om annan än parten."
    )
    epost = models.EmailField("e-post", blank=True)
    telefon = models.CharField("telefon", max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="inloggning",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        ordering = ["efternamn", "fornamn"]

    def __str__(self) -> str:
        return self.namn

    @property
    def namn(self) -> str:
        return f"{self.fornamn} {self.efternamn}"


class Roll(models.TextChoices):
    ORDFORANDE = "ordforande", "Ordförande"
    VICE_ORDFORANDE = "vice_ordforande", "Vice ordförande"
    LEDAMOT = "ledamot", "Ordinarie ledamot"
    ERSATTARE = "ersattare", "Ersättare"
    FORBUNDSCHEF = "forbundschef", "Förbundschef"
    UTVECKLINGSLEDARE = "utvecklingsledare", "Utvecklingsledare"
    PROCESSTODJARE = "processtodjare", "Processtödjare"
    REVISOR = "revisor", "Revisor"
    INSATSPERSONAL = "insatspersonal", "Insatspersonal"


# Roles that sit in an organ, and of those, the ones appointed by a part.
ORGAN_ROLLER = [Roll.ORDFORANDE, Roll.VICE_ORDFORANDE, Roll.LEDAMOT, Roll.ERSATTARE]
ORDINARIE_ROLLER = [Roll.ORDFORANDE, Roll.VICE_ORDFORANDE, Roll.LEDAMOT]


class UppdragQuerySet(models.QuerySet):
    def aktiva(self, dag: dt.date | None = None) -> UppdragQuerySet:
        """In force on `dag`: within its dates and confirmed by a second person (an uppdrag
        that gives justering or attest rights waits for it; forbund.services)."""
        dag = dag or timezone.localdate()
        return self.filter(
            Q(slutdatum__isnull=True) | Q(slutdatum__gte=dag),
            startdatum__lte=dag,
            bekraftad__isnull=False,
        )


class Uppdrag(models.Model):
    """A person's role, with dates: a seat in an organ, a post in the kansli, an audit mandate.

    The insats a member of insatspersonal works for is linked by the insatser app.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="uppdrag")
    roll = models.CharField("roll", max_length=20, choices=Roll.choices)
    organ = models.ForeignKey(
        Organ,
        verbose_name="organ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uppdrag",
    )
    part = models.ForeignKey(
        Part,
        verbose_name="utsedd av",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uppdrag",
    )
    startdatum = models.DateField("från")
    slutdatum = models.DateField("till", null=True, blank=True)
    # Four eyes (issue 18): an uppdrag that gives justering or attest rights is in force only
    # once a second person has confirmed it (Bekraftelse); others are confirmed when made.
    # Confirmed when made unless a service leaves it waiting (NULL); the database default
    # covers bulk loads and raw inserts too.
    bekraftad = models.DateTimeField("bekräftat", null=True, blank=True, db_default=Now())

    objects = UppdragQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        ordering = ["roll", "startdatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(slutdatum__isnull=True) | Q(slutdatum__gte=models.F("startdatum")),
                name="uppdrag_slut_efter_start",
            ),
            models.CheckConstraint(
                condition=~Q(roll__in=ORGAN_ROLLER) | Q(organ__isnull=False),
                name="uppdrag_organroll_har_organ",
            ),
        ]

    def __str__(self) -> str:
        where = f", {self.organ}" if self.organ_id else ""
        return f"{self.get_roll_display()}{where}"

    @property
    def period(self) -> str:
        slut = self.slutdatum.isoformat() if self.slutdatum else ""
        return f"{self.startdatum.isoformat()}–{slut}"


class Bekraftelse(models.Model):
    """A change to who can act that takes effect only when a second person confirms it
    (issue 18): a new login, a changed e-mail address of someone with a login, a new uppdrag
    with justering or attest rights. The requester, and the person it concerns, cannot
    confirm; another kansli user or the ordförande can. Kept after confirmation: with the
    history of people and uppdrag it is the log the ordförande and the revisor read."""

    class Typ(models.TextChoices):
        KONTO = "konto", "Ny inloggning"
        EPOST = "epost", "Ny e-postadress"
        UPPDRAG = "uppdrag", "Nytt uppdrag med justerings- eller attesträtt"

    typ = models.CharField(max_length=10, choices=Typ.choices)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="bekraftelser")
    uppdrag = models.ForeignKey(
        Uppdrag, on_delete=models.CASCADE, null=True, blank=True, related_name="bekraftelser"
    )
    epost = models.EmailField("ny e-post", blank=True)
    begard_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    begard = models.DateTimeField(auto_now_add=True)
    bekraftad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bekraftad = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bekräftelse"
        verbose_name_plural = "bekräftelser"
        ordering = ["-begard", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(bekraftad_av=F("begard_av")), name="bekraftelse_fyra_ogon"
            ),
            models.CheckConstraint(
                condition=Q(bekraftad__isnull=True, bekraftad_av__isnull=True)
                | Q(bekraftad__isnull=False, bekraftad_av__isnull=False),
                name="bekraftelse_av_och_nar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()}: {self.person}"


class Kalenderlank(models.Model):
    """A person's private calendar address: an iCalendar feed of the meetings of their organ,
    opened by a calendar program without a login. The secret token is the only key, so the
    person can revoke it (the row goes, the address answers 404) or renew it (a new token;
    the old address stops working)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="kalenderlank")
    token = models.CharField(max_length=64, unique=True)
    skapad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kalenderlänk"
        verbose_name_plural = "kalenderlänkar"

    def __str__(self) -> str:
        return f"Kalenderlänk för {self.person}"


class Utskick(models.Model):
    """One e-mail the portal sends (issue 19). The queueing mail backend (forbund.epost)
    stores it and defers the job that sends it in the same transaction: a rolled-back change
    sends nothing, a committed one is sent by the worker with retries. `skickat` is set in
    the transaction that sends it, under a row lock, so a job that runs again after a
    retry or a killed worker finds it sent and sends nothing."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    skapad = models.DateTimeField(auto_now_add=True)
    avsandare = models.CharField("från", max_length=300)
    till = ArrayField(models.CharField(max_length=254), verbose_name="till")
    kopia = ArrayField(models.CharField(max_length=254), default=list, blank=True)
    dold_kopia = ArrayField(models.CharField(max_length=254), default=list, blank=True)
    svar_till = ArrayField(models.CharField(max_length=254), default=list, blank=True)
    amne = models.TextField("ämne")
    text = models.TextField("text")
    rubriker = models.JSONField(default=dict, blank=True)
    # Other versions of the body (an HTML part): [[innehåll, mimetyp], …].
    alternativ = models.JSONField(default=list, blank=True)
    skickat = models.DateTimeField("skickat", null=True, blank=True)
    forsok = models.PositiveIntegerField("försök", default=0)
    senaste_fel = models.TextField("senaste fel", blank=True)

    class Meta:
        verbose_name = "utskick"
        verbose_name_plural = "utskick"
        ordering = ["-skapad"]
        indexes = [
            models.Index(
                fields=["skapad"], name="utskick_ej_skickat", condition=Q(skickat__isnull=True)
            )
        ]

    def __str__(self) -> str:
        return f"{self.amne} ({', '.join(self.till)})"


class UtskickBilaga(models.Model):
    utskick = models.ForeignKey(Utskick, on_delete=models.CASCADE, related_name="bilagor")
    ordning = models.PositiveSmallIntegerField()
    filnamn = models.CharField(max_length=300, blank=True)
    innehall = models.BinaryField()
    filtyp = models.CharField(max_length=200)

    class Meta:
        ordering = ["ordning"]
        constraints = [
            models.UniqueConstraint(fields=["utskick", "ordning"], name="utskickbilaga_ordning")
        ]

    def __str__(self) -> str:
        return self.filnamn


class Paminnelse(models.Model):
    """A reminder the daily job (forbund/projekt/jobb.py) gave one user, by e-mail and on their
    start page. The database lets each go once: one row per user and `nyckel`, which names
    the matter and the date it is about (a justering deadline, an anslag not posted, …)."""

    class Typ(models.TextChoices):
        JUSTERING = "justering", "Justering"
        ANSLAG = "anslag", "Anslag"
        UPPFOLJNING = "uppfoljning", "Uppföljning"
        STATISTIK = "statistik", "Deltagarstatistik"
        ENKAT = "enkat", "Enkät"
        BESLUTSUPPDRAG = "beslutsuppdrag", "Uppdrag från beslut"

    mottagare = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="paminnelser"
    )
    typ = models.CharField(max_length=20, choices=Typ.choices)
    nyckel = models.CharField(max_length=200)
    text = models.CharField(max_length=500)
    lank = models.CharField("länk", max_length=500)
    datum = models.DateField("gäller")
    skapad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "påminnelse"
        verbose_name_plural = "påminnelser"
        ordering = ["-skapad", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mottagare", "nyckel"], name="paminnelse_en_gang")
        ]

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class PaminnelseForslag:
    """A reminder an app's selectors propose for one user; forbund.services.paminnelser_skapa
    stores the new ones (the database refuses a second of the same nyckel) and mails them."""

    mottagare_id: int
    typ: str
    nyckel: str
    text: str
    lank: str
    datum: dt.date
