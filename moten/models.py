"""Meetings, their dagordning and handlingar, and the protocol.

The rules of DOMAIN.md ("Meetings and the protocol") are kept here as constraints and, for
the justerat protocol, as database triggers (migration 0002): once justerat, nothing in a
protocol changes, whatever path the change takes.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from forbund.models import Organ, Person
from forbund.uploads import FILANDELSE

from .kalender import justering_senast


class Mote(models.Model):
    organ = models.ForeignKey(
        Organ, verbose_name="organ", on_delete=models.PROTECT, related_name="moten"
    )
    datum = models.DateField("sammanträdesdatum")
    starttid = models.TimeField("starttid", null=True, blank=True)
    sluttid = models.TimeField("sluttid", null=True, blank=True)
    plats = models.CharField("plats", max_length=300)
    kallelse_skickad = models.DateTimeField("kallelse skickad", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "möte"
        verbose_name_plural = "möten"
        ordering = ["-datum"]
        indexes = [models.Index(fields=["organ", "datum"])]

    def __str__(self) -> str:
        return f"{self.organ.namn} {self.datum.isoformat()}"

    @property
    def justering_senast(self):

        return justering_senast(self.datum)


class Standardpunkt(models.TextChoices):
    OPPNANDE = "oppnande", "Sammanträdet öppnas"
    DAGORDNING = "dagordning", "Fastställande av dagordning"
    JUSTERARE = "justerare", "Val av justerare"
    FOREGAENDE = "foregaende", "Föregående protokoll"
    OVRIGA = "ovriga", "Övriga frågor"
    AVSLUTNING = "avslutning", "Sammanträdet avslutas"


# The standard items that open and close every protocol, with their usual decision.
STANDARD_INLEDNING = [
    (Standardpunkt.OPPNANDE, "Ordföranden förklarar sammanträdet öppnat.", []),
    (Standardpunkt.DAGORDNING, "", ["fastställa upprättat förslag till dagordning."]),
    (Standardpunkt.JUSTERARE, "", ["utse … att jämte ordföranden justera dagens protokoll."]),
    (
        Standardpunkt.FOREGAENDE,
        "",
        ["lägga protokollet från föregående sammanträde till handlingarna."],
    ),
]
STANDARD_AVSLUTNING = [
    (Standardpunkt.OVRIGA, "", []),
    (Standardpunkt.AVSLUTNING, "Ordföranden förklarar sammanträdet avslutat.", []),
]


class Dagordningspunkt(models.Model):
    mote = models.ForeignKey(Mote, on_delete=models.CASCADE, related_name="dagordning")
    ordning = models.PositiveSmallIntegerField("ordning")
    rubrik = models.CharField("rubrik", max_length=400)
    foredragande = models.CharField("föredragande", max_length=200, blank=True)
    underlag = models.TextField("underlag", blank=True)
    forslag_till_beslut = models.TextField(
        "förslag till beslut", blank=True, help_text="En att-sats per stycke (tom rad emellan)."
    )
    standard = models.CharField(max_length=20, choices=Standardpunkt.choices, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "dagordningspunkt"
        verbose_name_plural = "dagordningspunkter"
        ordering = ["ordning", "pk"]

    def __str__(self) -> str:
        return self.rubrik


def handling_upload_to(instance: Handling, filename: str) -> str:
    # The stored name is ours, with the extension of the type the content has: the user's
    # file name is kept only as text (forbund.uploads.filnamn_for).
    return f"handlingar/{instance.mote_id}/{instance.sha256}{FILANDELSE.get(instance.filtyp, '')}"


class Handling(models.Model):
    """An uploaded document (bilaga) of a meeting, stored outside the web root."""

    mote = models.ForeignKey(Mote, on_delete=models.CASCADE, related_name="handlingar")
    dagordningspunkt = models.ForeignKey(
        Dagordningspunkt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handlingar",
    )
    nummer = models.PositiveSmallIntegerField("bilaga nr")
    titel = models.CharField("titel", max_length=300)
    filnamn = models.CharField("filnamn", max_length=255)
    filtyp = models.CharField("filtyp", max_length=100)
    storlek = models.PositiveIntegerField("storlek (byte)")
    sha256 = models.CharField(max_length=64)
    fil = models.FileField(upload_to=handling_upload_to, max_length=300)
    uppladdad = models.DateTimeField(auto_now_add=True)
    uppladdad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "handling"
        verbose_name_plural = "handlingar"
        ordering = ["nummer"]
        constraints = [
            models.UniqueConstraint(fields=["mote", "nummer"], name="handling_bilaganummer_unikt")
        ]

    def __str__(self) -> str:
        return f"Bilaga {self.nummer}: {self.titel}"


class Protokoll(models.Model):
    class Typ(models.TextChoices):
        SAMMANTRADESPROTOKOLL = "protokoll", "Sammanträdesprotokoll"
        MINNESANTECKNINGAR = "anteckningar", "Minnesanteckningar"

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        NUMRERAT = "numrerat", "Numrerat, justeras"
        JUSTERAT = "justerat", "Justerat"
        FARDIGT = "fardigt", "Färdigt"  # minnesanteckningar need no justering

    mote = models.OneToOneField(Mote, on_delete=models.PROTECT, related_name="protokoll")
    typ = models.CharField(max_length=20, choices=Typ.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UTKAST)
    nasta_mote = models.TextField("nästa möte", blank=True)
    justerat = models.DateTimeField("justerat", null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)

    class Meta:
        verbose_name = "protokoll"
        verbose_name_plural = "protokoll"
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="justerat") | (Q(justerat__isnull=False) & ~Q(sha256="")),
                name="protokoll_justerat_har_tid_och_hash",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.mote}"

    @property
    def sparrat(self) -> bool:
        return self.status in (self.Status.JUSTERAT, self.Status.FARDIGT)


class Narvaro(models.Model):
    class Kategori(models.TextChoices):
        ORDINARIE = "ordinarie", "Närvarande ordinarie ledamöter"
        TJANSTGORANDE = "tjanstgorande_ersattare", "Tjänstgörande ersättare"
        ERSATTARE = "ersattare", "Närvarande ersättare"
        OVRIG = "ovrig", "Övriga närvarande"
        NARVARANDE = "narvarande", "Närvarande"  # minnesanteckningar: no ordinarie/ersättare
        GAST = "gast", "Gäster"
        FRANVARANDE = "franvarande", "Frånvarande"

    protokoll = models.ForeignKey(Protokoll, on_delete=models.CASCADE, related_name="narvaro")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    namn = models.CharField("namn", max_length=200)
    beskrivning = models.CharField("organisation eller roll", max_length=300, blank=True)
    kategori = models.CharField("kategori", max_length=30, choices=Kategori.choices)
    ersatter = models.CharField("tjänstgör för", max_length=200, blank=True)
    fran_paragraf = models.PositiveIntegerField("från §", null=True, blank=True)
    till_paragraf = models.PositiveIntegerField("till §", null=True, blank=True)
    ordning = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"
        ordering = ["ordning", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(till_paragraf__isnull=True)
                | Q(fran_paragraf__isnull=True)
                | Q(till_paragraf__gte=models.F("fran_paragraf")),
                name="narvaro_paragrafer_i_ordning",
            )
        ]

    def __str__(self) -> str:
        return self.namn

    @property
    def paragrafer(self) -> str:
        if self.fran_paragraf is None:
            return ""
        if self.till_paragraf in (None, self.fran_paragraf):
            return f"§ {self.fran_paragraf}"
        return f"§ {self.fran_paragraf}–{self.till_paragraf}"


class Paragrafnummer(models.Model):
    """The last § number given per organ and calendar year; locked with SELECT … FOR UPDATE
    while numbers are given, so two protocols never get the same number."""

    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="+")
    ar = models.PositiveSmallIntegerField()
    senaste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organ", "ar"], name="paragrafnummer_unik")]

    def __str__(self) -> str:
        return f"{self.organ} {self.ar}: § {self.senaste}"


class Paragraf(models.Model):
    protokoll = models.ForeignKey(Protokoll, on_delete=models.CASCADE, related_name="paragrafer")
    # Denormalised from the meeting so the database can keep numbers unique per organ and year.
    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="+")
    ar = models.PositiveSmallIntegerField()
    nummer = models.PositiveIntegerField("§", null=True, blank=True)
    ordning = models.PositiveSmallIntegerField("ordning")
    standard = models.CharField(max_length=20, choices=Standardpunkt.choices, blank=True)
    rubrik = models.CharField("rubrik", max_length=400)
    text = models.TextField("text", blank=True)
    bilagor = models.CharField(
        "bilagor", max_length=100, blank=True, help_text="Till exempel ”6 och 7”."
    )
    yrkanden = models.TextField("yrkanden", blank=True)
    omrostning = models.TextField("omröstning", blank=True)
    reservationer = models.TextField("reservationer", blank=True)
    omedelbart_justerad = models.BooleanField("omedelbart justerad", default=False)
    dagordningspunkt = models.ForeignKey(
        Dagordningspunkt, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Optimistic lock: a save names the version it started from; a stale one is refused.
    version = models.PositiveIntegerField(default=1)
    andrad = models.DateTimeField(auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["ordning", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organ", "ar", "nummer"], name="paragraf_nummer_unikt_per_organ_och_ar"
            ),
        ]

    def __str__(self) -> str:
        return f"§ {self.nummer} {self.rubrik}" if self.nummer else self.rubrik


class AttSats(models.Model):
    """One Att-clause of a decision. The beslutsregister is made of these rows."""

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="beslut")
    ordning = models.PositiveSmallIntegerField()
    text = models.TextField("att")

    class Meta:
        verbose_name = "att-sats"
        verbose_name_plural = "att-satser"
        ordering = ["ordning", "pk"]
        indexes = [
            GinIndex(SearchVector("text", config="swedish"), name="attsats_text_fts_sv"),
        ]

    def __str__(self) -> str:
        return f"Att {self.text}"


class Jav(models.Model):
    class Omfattning(models.TextChoices):
        BESLUT = "beslut", "deltog inte i beslutet"
        DISKUSSION = "diskussion", "deltog inte i diskussionen"

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="jav")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    namn = models.CharField(max_length=200)
    omfattning = models.CharField(max_length=20, choices=Omfattning.choices)

    class Meta:
        verbose_name = "jäv"
        verbose_name_plural = "jäv"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["paragraf", "namn", "omfattning"], name="jav_unikt")
        ]

    def __str__(self) -> str:
        return f"{self.namn} {self.get_omfattning_display()}."


class Justering(models.Model):
    class Roll(models.TextChoices):
        ORDFORANDE = "ordforande", "Ordförande"
        JUSTERARE = "justerare", "Justerare"

    protokoll = models.ForeignKey(Protokoll, on_delete=models.CASCADE, related_name="justeringar")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    roll = models.CharField(max_length=20, choices=Roll.choices)
    justerad = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Ordförande before justerare, as in the signature block.
        ordering = ["-roll", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["protokoll", "person"], name="justering_en_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.get_roll_display()} {self.person}"


class Anslag(models.Model):
    """The notice on the web anslagstavla that the protocol is justerat (kommunallagen 8 kap. 12 §)."""

    protokoll = models.OneToOneField(Protokoll, on_delete=models.PROTECT, related_name="anslag")
    anslagsdatum = models.DateField("anslagsdatum")
    ned_tidigast = models.DateField("anslaget tas ned tidigast")
    forvaringsplats = models.CharField("protokollet förvaras", max_length=300)
    skapat = models.DateTimeField(auto_now_add=True)
    skapat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "anslag"
        verbose_name_plural = "anslag"
        constraints = [
            models.CheckConstraint(
                condition=Q(ned_tidigast__gte=models.F("anslagsdatum")), name="anslag_ned_efter_upp"
            )
        ]

    def __str__(self) -> str:
        return f"Anslag {self.anslagsdatum.isoformat()}–{self.ned_tidigast.isoformat()}"
