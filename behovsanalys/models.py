"""Behovsanalys: utanförskap per kommun (helårsekvivalenter 20–64 år).

The figures come as files from SCB or similar sources (behovsanalys.tolka); each import is
one Behovsimport row, and the rows it brought point back at it. The tables were created by
forbund's migration 0002 and keep their names (`forbund_…`): the models moved here in
migration behovsanalys 0001 without copying a row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from forbund.models import Part


class Kon(models.TextChoices):
    KVINNOR = "kvinnor", "Kvinnor"
    MAN = "man", "Män"


class Ersattning(models.TextChoices):
    SJUKPENNING = "sjukpenning", "Sjukpenning"
    SJUK_OCH_AKTIVITETSERSATTNING = (
        "sjuk_och_aktivitetsersattning",
        "Sjuk- och aktivitetsersättning",
    )
    ARBETSLOSHETSERSATTNING = "arbetsloshetsersattning", "Arbetslöshetsersättning"
    ARBETSMARKNADSATGARDER = "arbetsmarknadsatgarder", "Arbetsmarknadsåtgärder"
    EKONOMISKT_BISTAND = "ekonomiskt_bistand", "Ekonomiskt bistånd"
    ETABLERINGSERSATTNING = "etableringsersattning", "Etableringsersättning"


class Behovsregion(models.Model):
    """A kommun, a län or the whole country, as the statistics name them. Regions need not
    be members; a member kommun is linked to its Part."""

    class Niva(models.TextChoices):
        KOMMUN = "kommun", "Kommun"
        LAN = "lan", "Län"
        RIKET = "riket", "Riket"

    kod = models.CharField("regionkod", max_length=4, unique=True)
    namn = models.CharField("namn", max_length=100)
    niva = models.CharField("nivå", max_length=6, choices=Niva.choices)
    part = models.ForeignKey(
        Part,
        verbose_name="medlem (part)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="behovsregioner",
    )

    class Meta:
        db_table = "forbund_behovsregion"
        verbose_name = "region (behovsanalys)"
        verbose_name_plural = "regioner (behovsanalys)"
        ordering = ["kod"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(niva="kommun") & Q(kod__regex=r"^[0-9]{4}$"))
                | (Q(niva="lan") & Q(kod__regex=r"^[0-9]{2}$") & ~Q(kod="00"))
                | (Q(niva="riket") & Q(kod="00")),
                name="behovsregion_kod_efter_niva",
            ),
            models.CheckConstraint(
                condition=Q(part__isnull=True) | Q(niva="kommun"),
                name="behovsregion_part_bara_kommun",
            ),
        ]

    def __str__(self) -> str:
        return self.namn


class Behovsimport(models.Model):
    """One imported file: who, when, which file (SHA-256), how many rows, which years."""

    filnamn = models.CharField("filnamn", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    kalla = models.CharField("källa", max_length=200, blank=True)
    antal_rader = models.PositiveIntegerField("antal rader")
    ersatta_rader = models.PositiveIntegerField("ersatta rader", default=0)
    ar_fran = models.PositiveSmallIntegerField("från år")
    ar_till = models.PositiveSmallIntegerField("till år")
    importerad = models.DateTimeField("importerad", default=timezone.now)
    importerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="importerad av",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "forbund_behovsimport"
        verbose_name = "import (behovsanalys)"
        verbose_name_plural = "importer (behovsanalys)"
        ordering = ["-importerad", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ar_till__gte=models.F("ar_fran")), name="behovsimport_ar_ordning"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filnamn} ({self.importerad:%Y-%m-%d})"


_AR = Q(ar__gte=1990) & Q(ar__lte=2100)


class Helarsekvivalent(models.Model):
    """Helårsekvivalenter 20–64 år: one region, kön, year and kind of benefit."""

    region = models.ForeignKey(
        Behovsregion, on_delete=models.PROTECT, related_name="helarsekvivalenter"
    )
    kon = models.CharField("kön", max_length=7, choices=Kon.choices)
    ar = models.PositiveSmallIntegerField("år")
    ersattning = models.CharField("ersättning", max_length=30, choices=Ersattning.choices)
    varde = models.DecimalField("helårsekvivalenter", max_digits=12, decimal_places=2)
    behovsimport = models.ForeignKey(
        Behovsimport, on_delete=models.PROTECT, related_name="helarsekvivalenter"
    )

    class Meta:
        db_table = "forbund_helarsekvivalent"
        verbose_name = "helårsekvivalent"
        verbose_name_plural = "helårsekvivalenter"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "kon", "ar", "ersattning"], name="helarsekvivalent_unik"
            ),
            models.CheckConstraint(condition=Q(varde__gte=0), name="helarsekvivalent_ej_negativ"),
            models.CheckConstraint(condition=_AR, name="helarsekvivalent_rimligt_ar"),
            models.CheckConstraint(condition=Q(kon__in=Kon.values), name="helarsekvivalent_kon"),
            models.CheckConstraint(
                condition=Q(ersattning__in=Ersattning.values), name="helarsekvivalent_ersattning"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_ersattning_display()}, {self.get_kon_display().lower()} {self.ar}"


class Befolkning(models.Model):
    """Befolkningen 20–64 år: one region, kön and year (the denominator of every rate)."""

    region = models.ForeignKey(Behovsregion, on_delete=models.PROTECT, related_name="befolkning")
    kon = models.CharField("kön", max_length=7, choices=Kon.choices)
    ar = models.PositiveSmallIntegerField("år")
    antal = models.PositiveIntegerField("invånare 20–64 år")
    behovsimport = models.ForeignKey(
        Behovsimport, on_delete=models.PROTECT, related_name="befolkning"
    )

    class Meta:
        db_table = "forbund_befolkning"
        verbose_name = "befolkning 20–64 år"
        verbose_name_plural = "befolkning 20–64 år"
        constraints = [
            models.UniqueConstraint(fields=["region", "kon", "ar"], name="befolkning_unik"),
            models.CheckConstraint(condition=Q(antal__gte=0), name="befolkning_ej_negativ"),
            models.CheckConstraint(condition=_AR, name="befolkning_rimligt_ar"),
            models.CheckConstraint(condition=Q(kon__in=Kon.values), name="befolkning_kon"),
        ]

    def __str__(self) -> str:
        return f"Befolkning 20–64 år, {self.get_kon_display().lower()} {self.ar}"
