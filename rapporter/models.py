"""The förbund's verksamhetsrapporter: the delårsrapport and the årsredovisning, text sections
written by the kansli around figures drawn from the other apps.

The tables were created by ekonomi's migration 0002 (with the triggers that lock an approved
edition) and keep their names (`ekonomi_…`): the models moved here in rapporter 0001 without
copying a row.
"""

from __future__ import annotations

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from forbund.sparr import SparrForalder, SparrRad

RAPPORT_LAST = "Verksamhetsrapporten är godkänd av styrelsen och kan inte ändras."


class Verksamhetsrapport(models.Model):
    """A delårsrapport or årsredovisning: text sections written by the kansli around figures
    drawn from the other apps. A draft computes its figures live; the board's approval (a
    paragraph) stores them in `innehall` and locks the edition (the triggers below refuse any
    later change, whatever the path). A new edition starts from an approved one; earlier ones
    stay."""

    class Typ(models.TextChoices):
        DELARSRAPPORT = "delarsrapport", "Delårsrapport"
        ARSREDOVISNING = "arsredovisning", "Årsredovisning"

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        GODKAND = "godkand", "Godkänd av styrelsen"

    typ = models.CharField("slag", max_length=20, choices=Typ.choices)
    fran = models.DateField("från")
    till = models.DateField("till")
    utgava = models.PositiveSmallIntegerField("utgåva", default=1)
    foregaende = models.ForeignKey(
        "self",
        verbose_name="startad från",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UTKAST)
    paragraf = models.ForeignKey(
        "moten.Paragraf",
        verbose_name="godkänd i",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    godkand = models.DateTimeField(null=True, blank=True)
    godkand_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The figures as they were when the board approved them (None for a draft).
    innehall = models.JSONField(null=True, blank=True)
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(table_name="ekonomi_historicalverksamhetsrapport")

    class Meta:
        db_table = "ekonomi_verksamhetsrapport"
        verbose_name = "verksamhetsrapport"
        verbose_name_plural = "verksamhetsrapporter"
        ordering = ["-till", "typ", "-utgava"]
        constraints = [
            models.CheckConstraint(
                condition=Q(till__gte=models.F("fran")), name="verksamhetsrapport_till_efter_fran"
            ),
            models.UniqueConstraint(
                fields=["typ", "fran", "till", "utgava"], name="verksamhetsrapport_utgava_unik"
            ),
            # One draft at a time per report: a second would make edits go astray.
            models.UniqueConstraint(
                fields=["typ", "fran", "till"],
                condition=Q(status="utkast"),
                name="verksamhetsrapport_ett_utkast",
            ),
            models.CheckConstraint(
                condition=Q(status="utkast")
                | Q(
                    paragraf__isnull=False,
                    godkand__isnull=False,
                    innehall__isnull=False,
                ),
                name="verksamhetsrapport_godkand_har_paragraf",
            ),
        ]
        triggers = [
            SparrRad(
                name="verksamhetsrapport_godkand_las",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__status="godkand"),
                meddelande=RAPPORT_LAST,
            )
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def ar(self) -> int:
        return self.till.year

    @property
    def titel(self) -> str:
        if self.typ == self.Typ.ARSREDOVISNING:
            return f"Årsredovisning {self.ar}"
        fran, till = MANADER[self.fran.month - 1], MANADER[self.till.month - 1]
        period = fran if fran == till else f"{fran}–{till}"
        return f"Delårsrapport {period} {self.ar}"

    @property
    def sparrad(self) -> bool:
        return self.status == self.Status.GODKAND


MANADER = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


class Avsnitt(models.TextChoices):
    OM_FORBUNDET = "om_forbundet", "Om förbundet och dess ändamål"
    STYRELSEN = "styrelsen", "Styrelsens arbete"
    INSATSER = "insatser", "Insatser och deltagare"
    ARRANGEMANG = "arrangemang", "Utbildningar och arrangemang"
    PLANERAT = "planerat", "Planerade aktiviteter"
    EKONOMI = "ekonomi", "Ekonomiskt utfall och prognos"


class Rapportavsnitt(models.Model):
    """The kansli's text of one section; `version` refuses a save that started from an older
    text (two people editing the same section lose nothing)."""

    rapport = models.ForeignKey(
        Verksamhetsrapport, on_delete=models.CASCADE, related_name="avsnitt"
    )
    nyckel = models.CharField(max_length=20, choices=Avsnitt.choices)
    text = models.TextField("text", blank=True)
    version = models.PositiveIntegerField(default=1)
    andrad = models.DateTimeField(auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(table_name="ekonomi_historicalrapportavsnitt")

    class Meta:
        db_table = "ekonomi_rapportavsnitt"
        verbose_name = "rapportavsnitt"
        verbose_name_plural = "rapportavsnitt"
        constraints = [
            models.UniqueConstraint(fields=["rapport", "nyckel"], name="rapportavsnitt_unikt")
        ]
        triggers = [
            SparrForalder(
                name="rapportavsnitt_godkand_las",
                falt="rapport_id",
                tabell="ekonomi_verksamhetsrapport",
                villkor="status = 'godkand'",
                meddelande=RAPPORT_LAST,
            )
        ]

    def __str__(self) -> str:
        return f"{self.rapport}: {self.get_nyckel_display()}"
