"""Indicator surveys: forms as data, rounds, single-use tokens, anonymous answers.

Anonymity by construction: an answer (Svar) stores the round, the date and the channel,
nothing else. It has no link to the token that let it in, no IP address, no user agent and
no time of day, so a printed token list cannot be matched to answers afterwards.

Nor can the database: an answer given by web link is written to the inbox (Inkorg) in the
transaction that spends the link, and moved into Svar later, in a transaction of its own, in a
batch of several answers in random order (enkater.services.inkorg_toem). So no Svar shares a
transaction id (xmin), a physical place (ctid), an id order or a time with the link that let
it in. The threat model: docs/enkater-anonymitet.md.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.db.models import Q


class Formular(models.Model):
    class Malgrupp(models.TextChoices):
        STYRELSE = "styrelse", "Styrelsen"
        CHEFSGRUPP = "chefsgrupp", "Parternas chefsgrupp"
        INSATS = "insats", "En insats (personal eller deltagare)"

    kod = models.SlugField("kod", max_length=40)
    version = models.PositiveSmallIntegerField("version", default=1)
    namn = models.CharField("namn", max_length=200)
    inledning = models.TextField(
        "inledning", blank=True, help_text="Som på papper: visas när enkäten skrivs ut."
    )
    webbinledning = models.TextField(
        "inledning på webben",
        blank=True,
        help_text="En kort mening före fråga 1 på webben. Instruktioner för papper hör inte hit.",
    )
    begrepp = models.TextField(
        "begrepp",
        blank=True,
        help_text="Förklaringar av begrepp i frågorna; på webben bakom en knapp.",
    )
    malgrupp = models.CharField(max_length=20, choices=Malgrupp.choices)

    class Meta:
        verbose_name = "formulär"
        verbose_name_plural = "formulär"
        ordering = ["kod", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kod", "version"], name="formular_version_unik")
        ]

    def __str__(self) -> str:
        return f"{self.namn} (version {self.version})"


class Fraga(models.Model):
    class Typ(models.TextChoices):
        SKALA_INSTAMMER = "skala_instammer", "Skala: inte alls – helt och hållet"
        SKALA_FREKVENS = "skala_frekvens", "Skala: aldrig – alltid"
        KON = "kon", "Kön"
        JA_NEJ = "ja_nej", "Ja eller nej"
        ALDER = "alder", "Ålder (åldersgrupp)"
        FORSORJNING = "forsorjning", "Försörjning"
        FRITEXT = "fritext", "Fritext"

    formular = models.ForeignKey(Formular, on_delete=models.CASCADE, related_name="fragor")
    ordning = models.PositiveSmallIntegerField()
    nummer = models.CharField(max_length=10)
    text = models.TextField()
    typ = models.CharField(max_length=20, choices=Typ.choices)
    hjalptext = models.TextField(blank=True)
    visas_om = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Frågan visas bara om den här frågan besvarats med svaret nedan.",
    )
    visas_om_svar = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["formular", "ordning"]
        constraints = [
            models.UniqueConstraint(fields=["formular", "nummer"], name="fraga_nummer_unikt")
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.text}"

    @property
    def skalfraga(self) -> bool:
        return self.typ in (self.Typ.SKALA_INSTAMMER, self.Typ.SKALA_FREKVENS)


def _ny_kod() -> str:
    # 10 characters from an alphabet without look-alikes: short enough to type from paper.
    alfabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alfabet) for _ in range(10))


class Omgang(models.Model):
    """A round: one form, one year, open between two dates, for one group."""

    formular = models.ForeignKey(Formular, on_delete=models.PROTECT, related_name="omgangar")
    ar = models.PositiveSmallIntegerField("år")
    oppnar = models.DateField("öppnar")
    stanger = models.DateField("stänger")
    insats = models.ForeignKey(
        "insatser.Insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enkatomgangar",
    )
    delad_kod = models.CharField("delad länk", max_length=20, unique=True, null=True, blank=True)

    class Tillfalle(models.TextChoices):
        INGET = "", "Ingen självskattning"
        IN = "in", "Självskattning vid inskrivning"
        UT = "ut", "Självskattning vid utskrivning"

    tillfalle = models.CharField(
        "tillfälle",
        max_length=2,
        choices=Tillfalle.choices,
        blank=True,
        default="",
        help_text="Vid självskattning paras svaren vid in- och utskrivning med en deltagarkod.",
    )

    class Meta:
        verbose_name = "enkätomgång"
        verbose_name_plural = "enkätomgångar"
        ordering = ["-ar", "formular__kod"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stanger__gte=models.F("oppnar")), name="omgang_stanger_efter_oppnar"
            )
        ]

    def __str__(self) -> str:
        malgrupp = self.insats.namn if self.insats_id else self.formular.get_malgrupp_display()
        return f"{self.formular.namn} {self.ar}, {malgrupp}"


class Token(models.Model):
    omgang = models.ForeignKey(Omgang, on_delete=models.CASCADE, related_name="tokens")
    kod = models.CharField(max_length=20, unique=True, default=_ny_kod)
    anvand = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.kod


class Svar(models.Model):
    class Kanal(models.TextChoices):
        WEBB = "webb", "Webb"
        PAPPER = "papper", "Papper (inmatat)"
        IMPORT = "import", "Import"

    omgang = models.ForeignKey(Omgang, on_delete=models.PROTECT, related_name="svar")
    datum = models.DateField()  # the date only, never the time
    kanal = models.CharField(max_length=10, choices=Kanal.choices)

    class Meta:
        verbose_name = "svar"
        verbose_name_plural = "svar"

    def __str__(self) -> str:
        return f"Svar {self.pk}"


class Inkorg(models.Model):
    """A web answer waiting to be moved into Svar (enkater.services.inkorg_toem): written in
    the link's transaction, deleted by the move. `varden`: [[fraga id, step or null, text]]
    after routing. The date only, as Svar; never a time."""

    omgang = models.ForeignKey(Omgang, on_delete=models.CASCADE, related_name="inkorg")
    datum = models.DateField()
    varden = models.JSONField()

    class Meta:
        verbose_name = "svar i inkorgen"
        verbose_name_plural = "svar i inkorgen"

    def __str__(self) -> str:
        return f"Inkommet svar {self.pk}"


class Svarsvarde(models.Model):
    """One answered question: a step 1–6, 1/2 for ja/nej, 1–3 for kön, or free text."""

    svar = models.ForeignKey(Svar, on_delete=models.CASCADE, related_name="varden")
    fraga = models.ForeignKey(Fraga, on_delete=models.PROTECT, related_name="varden")
    varde = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["svar", "fraga"], name="svarsvarde_ett_per_fraga"),
            models.CheckConstraint(
                condition=Q(varde__isnull=True) | Q(varde__gte=1, varde__lte=6),
                name="svarsvarde_1_till_6",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fraga.nummer}: {self.varde or self.text}"


class Deltagarkod(models.Model):
    """The code an insats gives a participant for the self-rating, so that the rating at
    inskrivning can be paired with the one at utskrivning. Kept apart from Svar: the NNS
    answers never have one. Never a personnummer (the service refuses anything like it)."""

    svar = models.OneToOneField(Svar, on_delete=models.CASCADE, related_name="deltagarkod")
    omgang = models.ForeignKey(Omgang, on_delete=models.CASCADE, related_name="deltagarkoder")
    kod = models.CharField("deltagarkod", max_length=20)

    class Meta:
        verbose_name = "deltagarkod"
        verbose_name_plural = "deltagarkoder"
        constraints = [
            models.UniqueConstraint(fields=["omgang", "kod"], name="deltagarkod_en_per_omgang")
        ]

    def __str__(self) -> str:
        return self.kod


# -- Stored sums for the reports (issue 19) ------------------------------------------------------


class Stegsumma(models.Model):
    """How many answers of a round gave a scale question a step, per kön (0: uppgift saknas,
    1–3 as the kön question): the atoms of the NNS report, so a report reads a few thousand
    sums instead of every answered value. Added to where answers arrive, in the same
    transaction (enkater.services: the inbox's batch, paper answers and imports; the scale
    generator's COPY), and rebuilt from the rows when a round's answers are not the ones the
    sums were made from (Svarssumma). Holds no answer, only counts."""

    omgang = models.ForeignKey(Omgang, on_delete=models.CASCADE, related_name="stegsummor")
    fraga = models.ForeignKey(Fraga, on_delete=models.CASCADE, related_name="stegsummor")
    kon = models.PositiveSmallIntegerField()
    varde = models.PositiveSmallIntegerField()
    antal = models.PositiveIntegerField()

    class Meta:
        verbose_name = "stegsumma"
        verbose_name_plural = "stegsummor"
        constraints = [
            models.UniqueConstraint(
                fields=["omgang", "fraga", "kon", "varde"], name="stegsumma_en_per_atom"
            ),
            models.CheckConstraint(condition=Q(varde__gte=1, varde__lte=6), name="stegsumma_steg"),
        ]

    def __str__(self) -> str:
        return f"{self.omgang_id}/{self.fraga_id}/{self.kon}/{self.varde}: {self.antal}"


class Svarssumma(models.Model):
    """Which answers a round's Stegsummor were made from: their number and highest id. A
    report whose round has other answers than these rebuilds the round's sums from the rows
    first (an answer deleted, or written past the services), so the sums can lag but the
    report never does."""

    omgang = models.OneToOneField(
        Omgang, on_delete=models.CASCADE, primary_key=True, related_name="svarssumma"
    )
    antal_svar = models.PositiveIntegerField()
    sista_svar = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = "svarssumma"
        verbose_name_plural = "svarssummor"

    def __str__(self) -> str:
        return f"{self.omgang_id}: {self.antal_svar} svar"


class Rapportlager(models.Model):
    """A form's suppressed tables (every view of every round, enkater.analysis.nns_rapport),
    stored when answers arrive, with the rounds and answer counts they were computed from
    (`underlag`, a SHA-256). A page reads them back when its form's rounds still match;
    otherwise it computes them from the Stegsummor and stores them again."""

    kod = models.SlugField(max_length=40, unique=True)
    underlag = models.CharField(max_length=64)
    # JSON text (analysis.tabeller_till_json), not jsonb: megabytes of it are read whole
    # and never queried inside, and text skips jsonb's conversion on every read.
    tabeller = models.TextField()
    beraknad = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "lagrad enkätrapport"
        verbose_name_plural = "lagrade enkätrapporter"

    def __str__(self) -> str:
        return f"Lagrad rapport {self.kod}"


class Omgangsrapport(models.Model):
    """One round's part of its form's suppressed tables (the views the round's result page
    shows: the round, and the round by kön), stored beside Rapportlager with the same
    `underlag`, so the page reads a few rows, not the form's ten years of rounds."""

    omgang = models.OneToOneField(
        Omgang, on_delete=models.CASCADE, primary_key=True, related_name="rapport"
    )
    underlag = models.CharField(max_length=64)
    tabeller = models.TextField()

    class Meta:
        verbose_name = "lagrad omgångsrapport"
        verbose_name_plural = "lagrade omgångsrapporter"

    def __str__(self) -> str:
        return f"Lagrad rapport för omgång {self.omgang_id}"
