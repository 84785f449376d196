"""Meetings, their dagordning and handlingar, and the protocol.

The rules of DOMAIN.md ("Meetings and the protocol") are kept here as constraints and as
database locks declared on each model (`Meta.triggers`, django-pgtrigger through
`forbund.sparr.Sparr`): once a protocol is justerat (or minnesanteckningar are färdiga),
nothing in it changes, whatever path the change takes: a form, the admin or raw SQL. The
same holds for a paragraph justerad omedelbart, for an anslag once it is up, and for the
stored document of a justerat protocol. While justering is under way, the text is locked as
soon as one justerare has justerat it (until the justeringar are återkallade).
"""

# The lock triggers below are PL/pgSQL built from constants of this module, never from input:
# ruff: noqa: S608

from __future__ import annotations

import pgtrigger
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from forbund.models import Organ, Person
from forbund.sparr import RETUR, Sparr, fel
from forbund.uploads import FILANDELSE

from .kalender import justering_senast

# --- The locks (PL/pgSQL bodies of the Sparr triggers below) ------------------------------

JUSTERAT_FEL = "Protokollet är justerat och kan inte ändras (id %)."
FARDIGT_FEL = "Anteckningarna är färdiga och kan inte ändras (id %)."
SIGNERAT_FEL = (
    "Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras "
    "(id %). Återkalla justeringarna först."
)
OMEDELBAR_FEL = "Paragrafen är justerad omedelbart och kan inte ändras (id %)."


def _protokoll_sparrat(pid: str, *, signerat: bool = False) -> str:
    """Refuse if protocol `pid` (an SQL expression) is justerat or färdigt; with `signerat`,
    also while one of its justeringar is signed. Uses the variables of SPARR_DECLARE."""
    sql = f"""
        _pid := {pid};
        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;
        IF _status = 'justerat' THEN {fel(JUSTERAT_FEL, "_pid")} END IF;
        IF _status = 'fardigt' THEN {fel(FARDIGT_FEL, "_pid")} END IF;
    """
    if signerat:
        sql += f"""
        IF EXISTS (SELECT 1 FROM moten_justering
                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN
            {fel(SIGNERAT_FEL, "_pid")}
        END IF;
    """
    return sql


SPARR_DECLARE = [("_pid", "bigint"), ("_status", "text")]


def _paragraf_omedelbart_justerad(paragraf_id: str) -> str:
    return f"""
        IF EXISTS (SELECT 1 FROM moten_paragraf
                   WHERE id = {paragraf_id} AND omedelbart_justerad IS NOT NULL) THEN
            {fel(OMEDELBAR_FEL, paragraf_id)}
        END IF;
    """


def _gammal_och_ny(kontroll) -> str:
    """`kontroll(rad)` for the row before the change (OLD) and after it (NEW)."""
    return f"""
        IF TG_OP <> 'INSERT' THEN {kontroll("OLD")} END IF;
        IF TG_OP <> 'DELETE' THEN {kontroll("NEW")} END IF;
        {RETUR}
    """


def _rad_i_protokoll(name: str, *, signerat: bool = False) -> Sparr:
    """A row with a protokoll_id: locked with its protocol."""
    return Sparr(
        name=name,
        operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
        declare=SPARR_DECLARE,
        func=_gammal_och_ny(
            lambda rad: _protokoll_sparrat(f"{rad}.protokoll_id", signerat=signerat)
        ),
    )


def _rad_i_paragraf(name: str, *, signerat: bool, omedelbar: bool) -> Sparr:
    """A row with a paragraf_id: locked with its paragraph's protocol (and, with `omedelbar`,
    once the paragraph is justerad omedelbart)."""

    def kontroll(rad: str) -> str:
        sql = _protokoll_sparrat(
            f"(SELECT protokoll_id FROM moten_paragraf WHERE id = {rad}.paragraf_id)",
            signerat=signerat,
        )
        if omedelbar:
            sql += _paragraf_omedelbart_justerad(f"{rad}.paragraf_id")
        return sql

    return Sparr(
        name=name,
        operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
        declare=SPARR_DECLARE,
        func=_gammal_och_ny(kontroll),
    )


def _rad_i_mote(name: str, *, kolumn: str = "mote_id", operation=None) -> Sparr:
    """A row of a meeting (the meeting itself: kolumn="id"): locked with its protocol."""
    return Sparr(
        name=name,
        operation=operation or pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
        declare=SPARR_DECLARE,
        func=_gammal_och_ny(
            lambda rad: _protokoll_sparrat(
                f"(SELECT id FROM moten_protokoll WHERE mote_id = {rad}.{kolumn})"
            )
        ),
    )


def _aldrig_andras(name: str, meddelande: str, *, id_kolumn: str = "id") -> Sparr:
    """Written once: no UPDATE, no DELETE (TRUNCATE, used only to empty a test database, is
    not a row change)."""
    return Sparr(
        name=name,
        operation=pgtrigger.Update | pgtrigger.Delete,
        func=fel(meddelande, f"OLD.{id_kolumn}"),
    )


class Mote(models.Model):
    organ = models.ForeignKey(
        Organ, verbose_name="organ", on_delete=models.PROTECT, related_name="moten"
    )
    datum = models.DateField("sammanträdesdatum")
    starttid = models.TimeField("starttid", null=True, blank=True)
    sluttid = models.TimeField("sluttid", null=True, blank=True)
    plats = models.CharField("plats", max_length=300)
    kallelse_skickad = models.DateTimeField("kallelse skickad", null=True, blank=True)
    # A meeting that did not take place: its protocol is never numbered, and it does not hold
    # up the numbering of the organ's later meetings that year.
    installt = models.BooleanField("inställt", default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "möte"
        verbose_name_plural = "möten"
        ordering = ["-datum"]
        indexes = [
            models.Index(fields=["organ", "datum"]),
            # The archive's and the beslutsregister's order (newest meeting first, the
            # meeting's id to break ties): a page is read by walking this index backwards
            # and stops after 50 rows, instead of sorting every justerat clause.
            models.Index(fields=["datum", "id"], name="mote_datum_id"),
        ]
        triggers = [
            _rad_i_mote("mote_sparr", kolumn="id", operation=pgtrigger.Update | pgtrigger.Delete)
        ]

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
    tid_minuter = models.PositiveSmallIntegerField(
        "beräknad tid (minuter)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(480)],
    )
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
        triggers = [_rad_i_mote("dagordningspunkt_sparr")]

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
    # A bilaga of the protocol (numbered with the meeting's handlingar): listed in the
    # protocol, kept with it in the archive, and, if public, downloadable with it.
    i_protokollet = models.BooleanField("bilaga till protokollet", default=False)
    publik = models.BooleanField("offentlig", default=False)
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
        # The handlingar of a justerat meeting are what the protocol refers to.
        triggers = [_rad_i_mote("handling_sparr")]

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
    skickat_till_justering = models.DateTimeField("skickat till justering", null=True, blank=True)
    # Raised each time the justeringar are återkallade (the reason is in the history).
    justeringsomgang = models.PositiveSmallIntegerField("justeringsomgång", default=1)
    justerat = models.DateTimeField("justerat", null=True, blank=True)
    # SHA-256 of the stored content (Protokollinnehall.data, dokument.innehall_sha256).
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "protokoll"
        verbose_name_plural = "protokoll"
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="justerat") | (Q(justerat__isnull=False) & ~Q(sha256="")),
                name="protokoll_justerat_har_tid_och_hash",
            )
        ]
        triggers = [
            # A protocol becomes justerat only with its content stored, under its SHA-256.
            Sparr(
                name="protokoll_justeras_med_innehall",
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(new__status="justerat")
                & ~pgtrigger.Q(old__status="justerat"),
                func=f"""
                    IF NOT EXISTS (SELECT 1 FROM moten_protokollinnehall
                                   WHERE protokoll_id = NEW.id AND sha256 = NEW.sha256) THEN
                        {fel("Protokollet justeras bara med sitt innehåll lagrat (id %).", "NEW.id")}
                    END IF;
                    RETURN NEW;
                """,
            ),
            Sparr(
                name="protokoll_sparr",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__status__in=["justerat", "fardigt"]),
                func=f"""
                    IF OLD.status = 'fardigt' THEN {fel(FARDIGT_FEL, "OLD.id")} END IF;
                    {fel(JUSTERAT_FEL, "OLD.id")}
                """,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.mote}"

    @property
    def sparrat(self) -> bool:
        return self.status in (self.Status.JUSTERAT, self.Status.FARDIGT)


class Protokollinnehall(models.Model):
    """What a justerat protocol shows, as it was at the last justering: names, titles, roles,
    the organ's and the förbund's names, every paragraph (dokument.ogonblick). The document,
    not a view of today's rows: the PDF (Protokolldokument) and the utdrag are rendered from
    it, and a later rename changes nothing in it. Its own table, so the lists that join a
    protocol do not carry it. Written once, while the protocol is being justerat."""

    protokoll = models.OneToOneField(
        Protokoll, on_delete=models.PROTECT, primary_key=True, related_name="innehallet"
    )
    data = models.JSONField()
    sha256 = models.CharField("SHA-256", max_length=64)

    class Meta:
        verbose_name = "protokollets innehåll"
        verbose_name_plural = "protokollens innehåll"
        triggers = [
            _aldrig_andras(
                "protokollinnehall_sparr",
                "Ett justerat protokolls innehåll kan inte ändras (id %).",
                id_kolumn="protokoll_id",
            ),
            Sparr(
                name="protokollinnehall_bara_vid_justering",
                operation=pgtrigger.Insert,
                func=f"""
                    IF NOT EXISTS (SELECT 1 FROM moten_protokoll
                                   WHERE id = NEW.protokoll_id AND status = 'numrerat') THEN
                        {fel("Innehållet lagras när protokollet justeras (id %).", "NEW.protokoll_id")}
                    END IF;
                    RETURN NEW;
                """,
            ),
        ]

    def __str__(self) -> str:
        return f"Innehållet i {self.protokoll}"


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
        triggers = [_rad_i_protokoll("narvaro_sparr", signerat=True)]
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
    # How the ordförande put the yrkanden (kommunallagen 5 kap. 57 §), in words.
    propositionsordning = models.TextField("propositionsordning", blank=True)
    # The meeting decided that this paragraph is justerad at once (omedelbar justering) …
    justeras_omedelbart = models.BooleanField("justeras omedelbart", default=False)
    # … and when ordförande and justerare had done so (Paragrafjustering): from then on the
    # paragraph is final on its own, with its own anslag, and the document of it as it was.
    omedelbart_justerad = models.DateTimeField("omedelbart justerad", null=True, blank=True)
    omedelbar_innehall = models.JSONField(null=True, blank=True, editable=False)
    omedelbar_sha256 = models.CharField(max_length=64, blank=True)
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
            models.CheckConstraint(
                condition=Q(omedelbart_justerad__isnull=True)
                | (
                    Q(justeras_omedelbart=True, nummer__isnull=False)
                    & Q(omedelbar_innehall__isnull=False)
                    & ~Q(omedelbar_sha256="")
                ),
                name="paragraf_omedelbart_justerad_har_nummer_och_innehall",
            ),
        ]
        triggers = [
            _rad_i_protokoll("paragraf_sparr", signerat=True),
            Sparr(
                name="paragraf_omedelbar_sparr",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__omedelbart_justerad__isnull=False),
                func=fel(OMEDELBAR_FEL, "OLD.id"),
            ),
        ]

    def __str__(self) -> str:
        return f"§ {self.nummer} {self.rubrik}" if self.nummer else self.rubrik


class AttSats(models.Model):
    """One Att-clause of a decision. The beslutsregister is made of these rows."""

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="beslut")
    ordning = models.PositiveSmallIntegerField()
    text = models.TextField("att")
    # The clause's words for the beslutsregister's search (Swedish stemming: "beviljade"
    # finds "bevilja"), stored and kept up to date by PostgreSQL itself on every insert and
    # update, however the row is written (forms, bulk_create, COPY, SQL). A generated column
    # rather than a trigger: it needs only the row's own text, PostgreSQL cannot forget it,
    # and there is no trigger code to keep in step with the lock triggers.
    sokvektor = models.GeneratedField(
        expression=SearchVector("text", config="swedish"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = "att-sats"
        verbose_name_plural = "att-satser"
        ordering = ["ordning", "pk"]
        indexes = [GinIndex(fields=["sokvektor"], name="attsats_sokvektor_gin")]
        triggers = [_rad_i_paragraf("attsats_sparr", signerat=True, omedelbar=True)]

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
        triggers = [_rad_i_paragraf("jav_sparr", signerat=True, omedelbar=True)]

    def __str__(self) -> str:
        return f"{self.namn} {self.get_omfattning_display()}."


class Rost(models.TextChoices):
    JA = "ja", "ja"
    NEJ = "nej", "nej"
    AVSTAR = "avstar", "avstår"


class Yrkande(models.Model):
    """Who proposed what in a paragraph ("bifall till förslaget", "avslag", a counter-proposal).
    `bifallet` is the yrkande the decision followed: computed from the omröstning when there
    was one, else as the ordförande's proposition found (moten.omrostning)."""

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="yrkandelista")
    ordning = models.PositiveSmallIntegerField()
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    namn = models.CharField("yrkas av", max_length=200)
    lydelse = models.CharField("yrkande", max_length=1000)
    bifallet = models.BooleanField(default=False)

    class Meta:
        verbose_name = "yrkande"
        verbose_name_plural = "yrkanden"
        ordering = ["ordning", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["paragraf", "ordning"], name="yrkande_ordning_unik")
        ]
        triggers = [_rad_i_paragraf("yrkande_sparr", signerat=True, omedelbar=True)]

    def __str__(self) -> str:
        return f"{self.namn}: {self.lydelse}"


class Omrostning(models.Model):
    """An omröstning in a paragraph: ja-röst for one yrkande, nej-röst for another. Votes by
    name (Omrostningsrost rows; the counts below are then computed from them when saved) or
    counts only. The ordförande's vote decides a tie (utslagsröst)."""

    paragraf = models.OneToOneField(Paragraf, on_delete=models.CASCADE, related_name="omrostningen")
    ja_yrkande = models.ForeignKey(Yrkande, on_delete=models.CASCADE, related_name="+")
    nej_yrkande = models.ForeignKey(Yrkande, on_delete=models.CASCADE, related_name="+")
    per_namn = models.BooleanField("röster per namn", default=True)
    ja = models.PositiveSmallIntegerField("ja-röster")
    nej = models.PositiveSmallIntegerField("nej-röster")
    avstar = models.PositiveSmallIntegerField("avstår", default=0)
    ordforandens_rost = models.CharField(
        "ordförandens röst", max_length=10, choices=Rost.choices, blank=True
    )
    utslagsrost = models.BooleanField("avgjord med utslagsröst", default=False)

    class Meta:
        verbose_name = "omröstning"
        verbose_name_plural = "omröstningar"
        constraints = [
            models.CheckConstraint(
                condition=~Q(ja_yrkande=models.F("nej_yrkande")),
                name="omrostning_ja_och_nej_olika_yrkanden",
            ),
            models.CheckConstraint(
                condition=Q(utslagsrost=False) | (Q(ja=models.F("nej")) & ~Q(ordforandens_rost="")),
                name="omrostning_utslagsrost_bara_vid_lika",
            ),
        ]
        triggers = [_rad_i_paragraf("omrostning_sparr", signerat=True, omedelbar=True)]

    def __str__(self) -> str:
        return f"Omröstning {self.ja}–{self.nej}"


class Omrostningsrost(models.Model):
    """One member's vote, where the förbund records votes by name."""

    omrostning = models.ForeignKey(Omrostning, on_delete=models.CASCADE, related_name="roster")
    # Denormalised so the paragraph's lock reaches the row.
    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    namn = models.CharField(max_length=200)
    rost = models.CharField(max_length=10, choices=Rost.choices)
    ordning = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "röst"
        verbose_name_plural = "röster"
        ordering = ["ordning", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["omrostning", "namn"], name="rost_en_per_ledamot")
        ]
        triggers = [_rad_i_paragraf("omrostningsrost_sparr", signerat=True, omedelbar=True)]

    def __str__(self) -> str:
        return f"{self.namn}: {self.get_rost_display()}"


class Reservation(models.Model):
    """A member's reservation against the decision of a paragraph: one who voted against it
    or did not support it (moten.omrostning checks), orally or in writing (a bilaga)."""

    paragraf = models.ForeignKey(
        Paragraf, on_delete=models.CASCADE, related_name="reservationslista"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    namn = models.CharField(max_length=200)
    motivering = models.TextField("motivering", blank=True)
    bilaga = models.CharField("skriftlig reservation, bilaga", max_length=20, blank=True)

    class Meta:
        verbose_name = "reservation"
        verbose_name_plural = "reservationer"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["paragraf", "namn"], name="reservation_en_per_ledamot")
        ]
        triggers = [_rad_i_paragraf("reservation_sparr", signerat=True, omedelbar=True)]

    def __str__(self) -> str:
        return f"{self.namn} reserverar sig"


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
        triggers = [_rad_i_protokoll("justering_sparr")]

    def __str__(self) -> str:
        return f"{self.get_roll_display()} {self.person}"


class Paragrafjustering(models.Model):
    """One person's omedelbar justering of one paragraph, at the meeting: the protocol's
    ordförande and justerare, each with their password, as for the whole protocol."""

    paragraf = models.ForeignKey(
        Paragraf, on_delete=models.CASCADE, related_name="omedelbara_justeringar"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    roll = models.CharField(max_length=20, choices=Justering.Roll.choices)
    justerad = models.DateTimeField()

    class Meta:
        ordering = ["-roll", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraf", "person"], name="paragrafjustering_en_per_person"
            )
        ]
        triggers = [_rad_i_paragraf("paragrafjustering_sparr", signerat=False, omedelbar=True)]

    def __str__(self) -> str:
        return f"{self.get_roll_display()} {self.person} {self.paragraf}"


class Justeringskommentar(models.Model):
    """A justerare's note on one paragraph during justering, for the sekreterare."""

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="kommentarer")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("kommentar")
    skapad = models.DateTimeField(auto_now_add=True)
    atgardad = models.DateTimeField("åtgärdad", null=True, blank=True)
    atgardad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "justeringskommentar"
        verbose_name_plural = "justeringskommentarer"
        ordering = ["skapad", "pk"]
        triggers = [_rad_i_paragraf("justeringskommentar_sparr", signerat=False, omedelbar=False)]

    def __str__(self) -> str:
        return f"{self.person}: {self.text[:40]}"


class Anslag(models.Model):
    """The notice on the web anslagstavla that the protocol is justerat (kommunallagen 8 kap.
    12 §), or that one paragraph was justerad omedelbart (its own anslag, its own appeal
    time). Once up, it never changes."""

    protokoll = models.OneToOneField(
        Protokoll, on_delete=models.PROTECT, related_name="anslag", null=True, blank=True
    )
    paragraf = models.OneToOneField(
        Paragraf, on_delete=models.PROTECT, related_name="anslag", null=True, blank=True
    )
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
            ),
            models.CheckConstraint(
                condition=Q(protokoll__isnull=True) ^ Q(paragraf__isnull=True),
                name="anslag_protokoll_eller_paragraf",
            ),
        ]
        triggers = [
            _aldrig_andras("anslag_sparr", "Anslaget är uppsatt och kan inte ändras (id %)."),
            Sparr(
                name="anslag_bara_justerat",
                operation=pgtrigger.Insert,
                func=f"""
                    IF NEW.protokoll_id IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM moten_protokoll
                        WHERE id = NEW.protokoll_id AND status = 'justerat') THEN
                        {fel("Bara ett justerat protokoll kan anslås (id %).", "NEW.protokoll_id")}
                    END IF;
                    IF NEW.paragraf_id IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM moten_paragraf
                        WHERE id = NEW.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN
                        {fel("Bara en omedelbart justerad paragraf kan anslås (id %).", "NEW.paragraf_id")}
                    END IF;
                    RETURN NEW;
                """,
            ),
        ]

    def __str__(self) -> str:
        return f"Anslag {self.anslagsdatum.isoformat()}–{self.ned_tidigast.isoformat()}"


class Protokolldokument(models.Model):
    """The justerat protocol as the PDF/A file the portal serves and archives: rendered from
    Protokoll.innehall at the last justering (JUSTERAT) and again, with its Bevis/anslag, when
    the anslag goes up (ANSLAGET). Written once, never changed."""

    class Variant(models.TextChoices):
        JUSTERAT = "justerat", "Justerat"
        ANSLAGET = "anslaget", "Justerat och anslaget"

    protokoll = models.ForeignKey(Protokoll, on_delete=models.PROTECT, related_name="dokument")
    variant = models.CharField(max_length=20, choices=Variant.choices)
    pdf = models.BinaryField()
    sha256 = models.CharField("SHA-256", max_length=64)
    skapat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "protokolldokument"
        verbose_name_plural = "protokolldokument"
        constraints = [
            models.UniqueConstraint(
                fields=["protokoll", "variant"], name="protokolldokument_en_per_variant"
            )
        ]
        triggers = [
            _aldrig_andras(
                "protokolldokument_sparr", "Ett lagrat protokoll kan inte ändras (id %)."
            ),
            Sparr(
                name="protokolldokument_bara_justerat",
                operation=pgtrigger.Insert,
                func=f"""
                    IF NOT EXISTS (SELECT 1 FROM moten_protokoll
                                   WHERE id = NEW.protokoll_id AND status = 'justerat') THEN
                        {fel("Bara ett justerat protokoll lagras som dokument (id %).", "NEW.protokoll_id")}
                    END IF;
                    IF NEW.variant = 'anslaget' AND NOT EXISTS (
                        SELECT 1 FROM moten_anslag WHERE protokoll_id = NEW.protokoll_id) THEN
                        {fel("Protokollet är inte anslaget (id %).", "NEW.protokoll_id")}
                    END IF;
                    RETURN NEW;
                """,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.protokoll} ({self.get_variant_display()})"


class Beslutsuppdrag(models.Model):
    """An uppdrag a decision gave ("att uppdra åt förbundschefen att återkomma med … till
    nästa sammanträde"): followed up on the organ's later dagordningar until a later
    paragraph closes it. Not part of the protocol: it is the follow-up of one, so it is
    neither locked with it nor stored in its document."""

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="uppdrag")
    # The Att-clause as it read when the uppdrag was made (a draft's clauses are rewritten
    # on every save).
    att_text = models.TextField("att-sats")
    organ = models.ForeignKey(Organ, on_delete=models.PROTECT, related_name="+")
    ansvarig = models.CharField("vem", max_length=200)
    beskrivning = models.TextField("vad")
    senast = models.DateField("senast", null=True, blank=True)
    till_nasta_sammantrade = models.BooleanField("till nästa sammanträde", default=False)
    skapad = models.DateTimeField(auto_now_add=True)
    avslutat_i = models.ForeignKey(
        Paragraf,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="avslutade_uppdrag",
        verbose_name="avslutat i paragraf",
    )
    avslutat = models.DateTimeField("avslutat", null=True, blank=True)
    avslutat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "uppdrag från beslut"
        verbose_name_plural = "uppdrag från beslut"
        ordering = ["skapad", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(senast__isnull=True) | Q(till_nasta_sammantrade=False),
                name="beslutsuppdrag_datum_eller_nasta_mote",
            ),
            models.CheckConstraint(
                condition=Q(avslutat_i__isnull=True, avslutat__isnull=True)
                | Q(avslutat_i__isnull=False, avslutat__isnull=False),
                name="beslutsuppdrag_avslutat_med_paragraf",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ansvarig}: {self.beskrivning[:60]}"
