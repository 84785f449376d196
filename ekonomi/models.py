"""Budget, utfall from the accounting system, prognos and eget kapital.

One sign convention inside the portal: every amount a user reads is positive, income and
costs alike, and resultat = intäkter − kostnader (a deficit is negative). Transactions keep
the accounting sign of the file they came from (revenue accounts negative, as in SIE); the
report converts by the post's group.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class Konto(models.Model):
    """An account of the förbund's kontoplan (BAS-style number). The kontoplan is the
    förbund's: an import never adds or renames accounts, the kansli does (names shown in a
    file can be adopted on purpose, see services.kontonamn_anta)."""

    nummer = models.PositiveIntegerField("konto", unique=True)
    namn = models.CharField("namn", max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "konto"
        verbose_name_plural = "kontoplan"
        ordering = ["nummer"]

    def __str__(self) -> str:
        return f"{self.nummer} {self.namn}".strip()


class Grupp(models.TextChoices):
    INTAKTER = "intakter", "Intäkter"
    STYRELSEN = "styrelsen", "Styrelsen"
    ADMINISTRATION = "administration", "Administration"
    INSATSER = "insatser", "Insatser"
    OVRIGT = "ovrigt", "Övriga kostnader"


class Budgetpost(models.Model):
    grupp = models.CharField("grupp", max_length=20, choices=Grupp.choices)
    namn = models.CharField("namn", max_length=200)
    ordning = models.PositiveSmallIntegerField("ordning", default=0)
    intakt = models.BooleanField(
        "intäkt",
        default=False,
        help_text="En intäkt inom en kostnadsgrupp, t.ex. bruttolöneavdrag.",
    )
    insats = models.ForeignKey(
        "insatser.Insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budgetposter",
    )
    konton = models.ManyToManyField(Konto, verbose_name="konton", blank=True, related_name="poster")

    history = HistoricalRecords(m2m_fields=[konton])

    class Meta:
        verbose_name = "budgetpost"
        verbose_name_plural = "budgetposter"
        ordering = ["grupp", "ordning", "namn"]
        constraints = [
            models.UniqueConstraint(fields=["grupp", "namn"], name="budgetpost_unik"),
            # One insats, one budget line: its budget, utfall and grants are read together.
            models.UniqueConstraint(
                fields=["insats"],
                condition=Q(insats__isnull=False),
                name="budgetpost_en_per_insats",
            ),
            models.CheckConstraint(
                condition=Q(insats__isnull=True) | Q(grupp="insatser"),
                name="budgetpost_insats_i_insatsgruppen",
            ),
        ]

    def __str__(self) -> str:
        return self.visningsnamn

    @property
    def visningsnamn(self) -> str:
        """An insats's line is called what the insats is called (select_related("insats"))."""
        return self.insats.namn if self.insats_id else self.namn

    @property
    def raknas_som_intakt(self) -> bool:
        return self.grupp == Grupp.INTAKTER or self.intakt


class Verksamhetsar(models.Model):
    ar = models.PositiveSmallIntegerField("år", unique=True)
    ingaende_eget_kapital = models.BigIntegerField("ingående eget kapital (kr)")

    class Meta:
        verbose_name = "verksamhetsår"
        verbose_name_plural = "verksamhetsår"
        ordering = ["-ar"]

    def __str__(self) -> str:
        return str(self.ar)


class Budgetversion(models.Model):
    class Status(models.TextChoices):
        FORSLAG = "forslag", "Förslag"
        FASTSTALLD = "faststalld", "Fastställd"

    ar = models.ForeignKey(Verksamhetsar, on_delete=models.PROTECT, related_name="versioner")
    nummer = models.PositiveSmallIntegerField("version")
    namn = models.CharField("namn", max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.FORSLAG)
    paragraf = models.ForeignKey(
        "moten.Paragraf",
        verbose_name="fastställd i",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "budgetversion"
        verbose_name_plural = "budgetversioner"
        ordering = ["ar", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["ar", "nummer"], name="budgetversion_unik"),
        ]

    def __str__(self) -> str:
        return f"Budget {self.ar.ar} version {self.nummer} ({self.get_status_display().lower()})"


class Budgetrad(models.Model):
    version = models.ForeignKey(Budgetversion, on_delete=models.CASCADE, related_name="rader")
    post = models.ForeignKey(Budgetpost, on_delete=models.PROTECT, related_name="budgetrader")
    belopp = models.BigIntegerField("budget (kr)")
    plan1 = models.BigIntegerField("plan år 2 (kr)", null=True, blank=True)
    plan2 = models.BigIntegerField("plan år 3 (kr)", null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "post"], name="budgetrad_unik"),
            models.CheckConstraint(condition=Q(belopp__gte=0), name="budgetrad_belopp_ej_negativt"),
        ]

    def __str__(self) -> str:
        return f"{self.post}: {self.belopp}"


class Utfallsimport(models.Model):
    """One imported file of accounting data for a year, up to a date: the utfall rows of its
    result accounts, and the names its accounts had in the file (shown, never adopted
    silently)."""

    ar = models.PositiveSmallIntegerField("år")
    per = models.DateField("utfall per")
    filnamn = models.CharField(max_length=255)
    format = models.CharField(max_length=10)
    kalla = models.CharField("utfallet läst från", max_length=20, blank=True)
    kontonamn = models.JSONField("kontonamn i filen", default=dict, blank=True)
    sha256 = models.CharField(max_length=64)
    importerad = models.DateTimeField(auto_now_add=True)
    importerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "utfallsimport"
        verbose_name_plural = "utfallsimporter"
        ordering = ["-importerad"]
        constraints = [
            # A corrected file for the same period replaces the earlier one.
            models.UniqueConstraint(fields=["ar", "per"], name="utfallsimport_en_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.filnamn} ({self.ar}, per {self.per.isoformat()})"


class Importutkast(models.Model):
    """An uploaded file waiting for the kansli to confirm the import after its preview. The
    bytes are kept so the confirmed import reads exactly the file that was previewed."""

    ar = models.PositiveSmallIntegerField("år")
    per = models.DateField("utfall per (angivet)", null=True, blank=True)
    filnamn = models.CharField(max_length=255)
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "importutkast"
        verbose_name_plural = "importutkast"
        ordering = ["-skapad"]

    def __str__(self) -> str:
        return f"{self.filnamn} ({self.ar})"


class Transaktion(models.Model):
    """An accounting row, with the file's own sign (revenue negative)."""

    utfallsimport = models.ForeignKey(
        Utfallsimport, on_delete=models.CASCADE, related_name="transaktioner"
    )
    konto = models.PositiveIntegerField()
    datum = models.DateField()
    belopp = models.DecimalField(max_digits=14, decimal_places=2)
    text = models.CharField(max_length=300, blank=True)
    verifikation = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["datum", "pk"]
        indexes = [models.Index(fields=["konto", "datum"])]

    def __str__(self) -> str:
        return f"{self.datum.isoformat()} {self.konto} {self.belopp}"


class Prognos(models.Model):
    """A prognos for a post's whole year, entered at delår or year-end; the latest counts."""

    ar = models.PositiveSmallIntegerField("år")
    post = models.ForeignKey(Budgetpost, on_delete=models.PROTECT, related_name="prognoser")
    belopp = models.BigIntegerField("prognos (kr)")
    lamnad = models.DateTimeField(auto_now_add=True)
    lamnad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-lamnad", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(belopp__gte=0), name="prognos_ej_negativ")
        ]

    def __str__(self) -> str:
        return f"{self.post} {self.ar}: {self.belopp}"


class Kapitaltak(models.Model):
    """The recommended ceiling for eget kapital, as a share of the year's funding, by the size
    of the funding. Configuration: the bands are rows, not code."""

    medel_fran = models.BigIntegerField("medel från (kr)")
    medel_till = models.BigIntegerField("medel till (kr)", null=True, blank=True)
    max_andel = models.DecimalField("högsta andel", max_digits=5, decimal_places=4)

    class Meta:
        verbose_name = "tak för eget kapital"
        verbose_name_plural = "tak för eget kapital"
        ordering = ["medel_fran"]

    def __str__(self) -> str:
        return f"{self.medel_fran}–{self.medel_till or ''}: {self.max_andel}"
