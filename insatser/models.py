"""Funded interventions: the register, applications, grants decided in the protocol, payment
plans and payments attested by two, follow-up meetings and participant statistics.

Statistics are counts, never people: what the national system SUS holds, always split by kön.
"""

from __future__ import annotations

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from forbund.models import Part, Person
from forbund.sparr import Sparr, SparrForalder, SparrRad, vagra
from forbund.uploads import FILANDELSE


class Insats(models.Model):
    class Typ(models.TextChoices):
        INDIVIDINRIKTAD = "individinriktad", "Individinriktad"
        STRUKTURINRIKTAD = "strukturinriktad", "Strukturinriktad"
        FORSTUDIE = "forstudie", "Förstudie"
        PROJEKT = "projekt", "Projekt"
        KOMPETENSUTVECKLING = "kompetensutveckling", "Kompetensutveckling"

    class Status(models.TextChoices):
        ANSOKAN = "ansokan", "Ansökan"
        BEVILJAD = "beviljad", "Beviljad"
        PAGAENDE = "pagaende", "Pågående"
        AVSLUTAD = "avslutad", "Avslutad"
        AVSLAGEN = "avslagen", "Avslagen"

    namn = models.CharField("namn", max_length=200, unique=True)
    typ = models.CharField("slag", max_length=30, choices=Typ.choices)
    huvudman = models.ForeignKey(
        Part,
        verbose_name="huvudman",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="insatser",
    )
    utforare = models.CharField("utförare", max_length=200, blank=True)
    malgrupp = models.TextField("målgrupp", blank=True)
    beskrivning = models.TextField("beskrivning", blank=True)
    kommuner = models.ManyToManyField(
        Part,
        verbose_name="kommuner",
        blank=True,
        related_name="+",
        limit_choices_to={"typ": "kommun"},
    )
    startdatum = models.DateField("från", null=True, blank=True)
    slutdatum = models.DateField("till", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.ANSOKAN
    )
    kontaktperson = models.ForeignKey(
        Person,
        verbose_name="kontaktperson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    styrgrupp = models.ManyToManyField(
        Person, verbose_name="styrgrupp", blank=True, related_name="styrgrupper"
    )
    # Insatspersonal: the accounts that report for this insats and see only it.
    personal = models.ManyToManyField(
        Person, verbose_name="insatspersonal", blank=True, related_name="insatser"
    )

    history = HistoricalRecords(m2m_fields=[personal])

    class Meta:
        verbose_name = "insats"
        verbose_name_plural = "insatser"
        ordering = ["namn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(slutdatum__isnull=True)
                | Q(startdatum__isnull=True)
                | Q(slutdatum__gte=F("startdatum")),
                name="insats_slut_efter_start",
            )
        ]

    def __str__(self) -> str:
        return self.namn


class Mal(models.Model):
    """A measurable goal: "60 anställningar under 2021"."""

    class Matt(models.TextChoices):
        DELTAGARE = "deltagare", "Deltagare (aktiva under året)"
        NYA = "nya", "Nya deltagare"
        ARBETE = "arbete", "Avslut till arbete"
        STUDIER = "studier", "Avslut till studier"
        ARBETE_STUDIER = "arbete_studier", "Avslut till arbete eller studier"

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="mal")
    ar = models.PositiveSmallIntegerField("år")
    matt = models.CharField("mått", max_length=20, choices=Matt.choices)
    malvarde = models.PositiveIntegerField("målvärde")
    beskrivning = models.CharField("beskrivning", max_length=300, blank=True)

    class Meta:
        verbose_name = "mål"
        verbose_name_plural = "mål"
        ordering = ["ar", "matt"]
        constraints = [models.UniqueConstraint(fields=["insats", "ar", "matt"], name="mal_unikt")]

    def __str__(self) -> str:
        return self.beskrivning or f"{self.malvarde} {self.get_matt_display().lower()} {self.ar}"


class Beviljning(models.Model):
    """Money granted (or refused) to an insats by an Att-clause of a protocol paragraph."""

    class Utfall(models.TextChoices):
        BEVILJAD = "beviljad", "Beviljad"
        AVSLAG = "avslag", "Avslag"
        BORDLAGD = "bordlagd", "Bordlagd"

    insats = models.ForeignKey(Insats, on_delete=models.PROTECT, related_name="beviljningar")
    ar = models.PositiveSmallIntegerField("år")
    belopp = models.PositiveIntegerField("belopp (kr)")
    villkor = models.TextField("villkor", blank=True)
    utfall = models.CharField(
        "utfall", max_length=20, choices=Utfall.choices, default=Utfall.BEVILJAD
    )
    paragraf = models.ForeignKey(
        "moten.Paragraf",
        verbose_name="beslutad i",
        on_delete=models.PROTECT,
        related_name="beviljningar",
    )
    attsats = models.ForeignKey(
        "moten.AttSats",
        verbose_name="att-sats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beviljningar",
    )
    registrerad = models.DateTimeField(auto_now_add=True)
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "beviljning"
        verbose_name_plural = "beviljningar"
        ordering = ["ar", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(utfall="beviljad", belopp__gt=0)
                | (~Q(utfall="beviljad") & Q(belopp=0)),
                name="beviljning_belopp_efter_utfall",
            ),
            models.UniqueConstraint(
                fields=["insats", "ar", "attsats"], name="beviljning_en_per_ar_och_att"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.insats} {self.ar}: {self.belopp} kr"


class Delbetalning(models.Model):
    """One instalment of a grant's payment plan, with what releases it."""

    class Utlosare(models.TextChoices):
        AVTAL = "avtal", "När avtal tecknats"
        REDOVISNING = "redovisning", "När redovisningen godkänts av styrelsen"
        REKVISITION = "rekvisition", "Mot rekvisition"
        DATUM = "datum", "På ett datum"

    beviljning = models.ForeignKey(Beviljning, on_delete=models.CASCADE, related_name="betalplan")
    ordning = models.PositiveSmallIntegerField()
    utlosare = models.CharField("utlöses", max_length=20, choices=Utlosare.choices)
    belopp = models.PositiveIntegerField("belopp (kr)")
    datum = models.DateField("datum", null=True, blank=True)
    utlost = models.DateField("utlöst", null=True, blank=True)

    class Meta:
        verbose_name = "delbetalning"
        verbose_name_plural = "betalplan"
        ordering = ["ordning", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(belopp__gt=0), name="delbetalning_belopp_positivt"),
            models.CheckConstraint(
                condition=~Q(utlosare="datum") | Q(datum__isnull=False),
                name="delbetalning_datum_kravs",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_utlosare_display()}: {self.belopp} kr"


SIGNATURLISTA_LAST = (
    "Signaturlistan är antagen av styrelsen och kan inte ändras. En ny lista antas i en ny "
    "paragraf och ersätter den från sitt beslut."
)


SIGNATURLISTA_BARA_JUSTERAT = (
    "IF NOT EXISTS (SELECT 1 FROM moten_paragraf p JOIN moten_protokoll r "  # noqa: S608 - fixed
    "ON r.id = p.protokoll_id WHERE p.id = NEW.paragraf_id AND r.status = 'justerat') THEN "
    + vagra("Signaturlistan antas i en paragraf i ett justerat protokoll.")
    + " END IF; RETURN NEW;"
)


class Signaturlista(models.Model):
    """Who may attest: the signaturlista of the attest- och utanordningsinstruktion, adopted
    by the styrelse in a paragraph (seed 003 § 160). In force from the meeting's date until
    a later list replaces it; a payment is attested only by two different people on the list
    in force that day, neither the requester (insatser.services.utbetalning_attestera).

    Once `antagen` (set by signaturlista_anta after its names), the list and its names are
    locked in the database: a change is a new list in a new paragraph. A list is recorded
    only from a paragraph of a justerat protocol. Its history (names included) is on the
    log the ordförande and the revisor read."""

    paragraf = models.OneToOneField(
        "moten.Paragraf", on_delete=models.PROTECT, related_name="signaturlista"
    )
    giltig_fran = models.DateField("gäller från")
    attestanter = models.ManyToManyField(Person, related_name="signaturlistor")
    antagen = models.DateTimeField("antagen", null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[attestanter])

    class Meta:
        verbose_name = "signaturlista"
        verbose_name_plural = "signaturlistor"
        ordering = ["-giltig_fran", "-pk"]
        triggers = [
            SparrRad(
                name="signaturlista_antagen_las",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__antagen__isnull=False),
                meddelande=SIGNATURLISTA_LAST,
            ),
            Sparr(
                name="signaturlista_bara_justerat",
                operation=pgtrigger.Insert,
                func=SIGNATURLISTA_BARA_JUSTERAT,
            ),
        ]

    def __str__(self) -> str:
        return f"Signaturlista från {self.giltig_fran.isoformat()}"


class SignaturlistaAttestant(Signaturlista.attestanter.through):
    """The names of a signaturlista (the many-to-many table), locked with their list."""

    class Meta:
        proxy = True
        triggers = [
            SparrForalder(
                name="signaturlista_namn_las",
                falt="signaturlista_id",
                tabell="insatser_signaturlista",
                villkor="antagen IS NOT NULL",
                meddelande=SIGNATURLISTA_LAST,
            )
        ]


UTBETALNING_LAST = (
    "Utbetalningen är attesterad av två och kan inte ändras; en felaktig utbetalning rättas "
    "med en ny."
)
UTBETALNING_ATTEST1 = (
    "Utbetalningen har en första attest: belopp, beviljning, begäran och den attesten kan inte "
    "ändras. Begär en ny utbetalning i stället."
)


class Utbetalning(models.Model):
    """A payment: requested, attested by two different people (neither the requester), paid.

    Attest två i förening: the database refuses the same person twice (constraints below).
    Locked by the database (triggers below): once attested by one, what was attested does not
    change; once attested by two, the only change left is "utbetald" (once), and nothing after.
    """

    class Status(models.TextChoices):
        BEGARD = "begard", "Begärd"
        ATTEST1 = "attest1", "Attesterad av en"
        ATTESTERAD = "attesterad", "Attesterad av två"
        UTBETALD = "utbetald", "Utbetald"

    beviljning = models.ForeignKey(
        Beviljning, on_delete=models.PROTECT, related_name="utbetalningar"
    )
    delbetalning = models.ForeignKey(
        Delbetalning, on_delete=models.PROTECT, null=True, blank=True, related_name="utbetalningar"
    )
    belopp = models.PositiveIntegerField("belopp (kr)")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BEGARD)
    begard_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    begard = models.DateTimeField()
    attest1_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    attest1 = models.DateTimeField(null=True, blank=True)
    attest2_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    attest2 = models.DateTimeField(null=True, blank=True)
    utbetald = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "utbetalning"
        verbose_name_plural = "utbetalningar"
        ordering = ["begard", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(belopp__gt=0), name="utbetalning_belopp_positivt"),
            models.CheckConstraint(
                condition=Q(attest1_av__isnull=True) | ~Q(attest1_av=F("begard_av")),
                name="utbetalning_attest1_inte_begarare",
            ),
            models.CheckConstraint(
                condition=Q(attest2_av__isnull=True) | ~Q(attest2_av=F("begard_av")),
                name="utbetalning_attest2_inte_begarare",
            ),
            models.CheckConstraint(
                condition=Q(attest2_av__isnull=True)
                | (Q(attest1_av__isnull=False) & ~Q(attest2_av=F("attest1_av"))),
                name="utbetalning_tva_olika_attestanter",
            ),
            models.CheckConstraint(
                condition=~Q(status="utbetald")
                | Q(attest2_av__isnull=False, utbetald__isnull=False),
                name="utbetalning_utbetald_efter_attest",
            ),
        ]
        triggers = [
            SparrRad(
                name="utbetalning_attest1_las",
                operation=pgtrigger.Update,
                condition=pgtrigger.Condition(
                    "OLD.attest1_av_id IS NOT NULL AND (OLD.belopp, OLD.beviljning_id, "
                    "OLD.delbetalning_id, OLD.begard_av_id, OLD.begard, OLD.attest1_av_id, "
                    "OLD.attest1) IS DISTINCT FROM (NEW.belopp, NEW.beviljning_id, "
                    "NEW.delbetalning_id, NEW.begard_av_id, NEW.begard, NEW.attest1_av_id, "
                    "NEW.attest1)"
                ),
                meddelande=UTBETALNING_ATTEST1,
            ),
            Sparr(
                name="utbetalning_attesterad_las",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__status__in=["attesterad", "utbetald"]),
                # Attested by two: only "utbetald" may follow, nothing else changes with it.
                func=(
                    "IF TG_OP = 'DELETE' OR OLD.status = 'utbetald' THEN "
                    f"{vagra(UTBETALNING_LAST)} END IF; "
                    "IF NEW.status <> 'utbetald' OR (to_jsonb(OLD) - 'status' - 'utbetald') "
                    "IS DISTINCT FROM (to_jsonb(NEW) - 'status' - 'utbetald') THEN "
                    f"{vagra(UTBETALNING_LAST)} END IF; RETURN NEW;"
                ),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.belopp} kr till {self.beviljning.insats} ({self.get_status_display().lower()})"
        )


class Uppfoljning(models.Model):
    """A follow-up meeting with an insats (seed 003: "Uppföljning insats …")."""

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="uppfoljningar")
    datum = models.DateField("datum")
    # Who attended the follow-up meeting, not the insats's deltagare (its clients).
    deltagare = models.TextField("närvarande vid mötet", help_text="En per rad: namn och roll.")
    beslut = models.TextField("beslut och överenskommelser", blank=True)
    nasta = models.DateField("nästa uppföljning", null=True, blank=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "uppföljning"
        verbose_name_plural = "uppföljningar"
        ordering = ["-datum"]

    def __str__(self) -> str:
        return f"Uppföljning {self.insats} {self.datum.isoformat()}"


class Uppfoljningsavsnitt(models.Model):
    uppfoljning = models.ForeignKey(Uppfoljning, on_delete=models.CASCADE, related_name="avsnitt")
    ordning = models.PositiveSmallIntegerField()
    rubrik = models.CharField(max_length=200)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["ordning", "pk"]

    def __str__(self) -> str:
        return self.rubrik


PERIOD_LAST = "Perioden är godkänd och låst: dess siffror kan inte ändras."


class Period(models.Model):
    """A reporting period of participant statistics: utkast → inskickad → godkänd, or back for
    komplettering. A godkänd period and its rows are locked by the database (triggers)."""

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        INSKICKAD = "inskickad", "Inskickad"
        KOMPLETTERING = "komplettering", "Åter för komplettering"
        GODKAND = "godkand", "Godkänd"

    insats = models.ForeignKey(Insats, on_delete=models.PROTECT, related_name="perioder")
    fran = models.DateField("från")
    till = models.DateField("till")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UTKAST)
    kommentar = models.TextField("kommentar till komplettering", blank=True)
    inskickad = models.DateTimeField(null=True, blank=True)
    inskickad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    godkand = models.DateTimeField(null=True, blank=True)
    godkand_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "period"
        verbose_name_plural = "perioder"
        ordering = ["-fran"]
        constraints = [
            models.CheckConstraint(condition=Q(till__gte=F("fran")), name="period_till_efter_fran"),
            models.UniqueConstraint(fields=["insats", "fran", "till"], name="period_unik"),
            models.CheckConstraint(
                condition=~Q(status="godkand") | Q(godkand__isnull=False),
                name="period_godkand_har_tid",
            ),
        ]
        triggers = [
            SparrRad(
                name="period_godkand_las",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__status="godkand"),
                meddelande=PERIOD_LAST,
            )
        ]

    def __str__(self) -> str:
        return f"{self.insats} {self.fran.isoformat()}–{self.till.isoformat()}"


class Tabell(models.TextChoices):
    DELTAGARE = "deltagare", "Deltagare"
    KOMMUN = "kommun", "Deltagare per folkbokföringskommun"
    FORSORJNING_IN = "forsorjning_in", "Försörjning vid inskrivning"
    TID = "tid", "Tid i offentlig försörjning vid inskrivning"
    AVSLUT = "avslut", "Avslutsanledningar"
    FORSORJNING_UT = "forsorjning_ut", "Försörjning vid avslut"


class Statistikrad(models.Model):
    """One cell row of a SUS table: a category with its total, women and men.

    `manader` is the sum of months in the insats of those who ended (avslutsanledningar
    only), so the mean can be computed across periods and insatser.
    """

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="rader")
    tabell = models.CharField(max_length=20, choices=Tabell.choices)
    kategori = models.CharField(max_length=200)
    totalt = models.PositiveIntegerField(default=0)
    kvinnor = models.PositiveIntegerField(default=0)
    man = models.PositiveIntegerField(default=0)
    manader = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["tabell", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "tabell", "kategori"], name="statistikrad_unik"
            ),
            models.CheckConstraint(
                condition=Q(totalt__gte=F("kvinnor") + F("man")),
                name="statistikrad_kon_inom_totalt",
            ),
        ]
        triggers = [
            SparrForalder(
                name="statistikrad_godkand_las",
                falt="period_id",
                tabell="insatser_period",
                villkor="status = 'godkand'",
                meddelande=PERIOD_LAST,
            )
        ]

    def __str__(self) -> str:
        return f"{self.kategori}: {self.totalt}"


class Ansokan(models.Model):
    """An application for funding, registered by the kansli or by the insats."""

    class Status(models.TextChoices):
        REGISTRERAD = "registrerad", "Registrerad"
        DAGORDNING = "dagordning", "På dagordningen"
        BESLUTAD = "beslutad", "Beslutad"

    insats = models.ForeignKey(Insats, on_delete=models.PROTECT, related_name="ansokningar")
    inkommen = models.DateField("inkommen")
    text = models.TextField("ansökan")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REGISTRERAD)
    dagordningspunkt = models.OneToOneField(
        "moten.Dagordningspunkt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ansokan",
    )
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ansökan"
        verbose_name_plural = "ansökningar"
        ordering = ["-inkommen", "-pk"]

    def __str__(self) -> str:
        return f"Ansökan {self.insats} {self.inkommen.isoformat()}"


def bilaga_upload_to(instance: AnsokanBilaga, filename: str) -> str:
    return (
        f"ansokningar/{instance.ansokan_id}/{instance.sha256}{FILANDELSE.get(instance.filtyp, '')}"
    )


class AnsokanBilaga(models.Model):
    """An attachment to an application, stored outside the web root like handlingar."""

    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="bilagor")
    filnamn = models.CharField(max_length=255)
    filtyp = models.CharField(max_length=100)
    storlek = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    fil = models.FileField(upload_to=bilaga_upload_to, max_length=300)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filnamn


class AnsokanBelopp(models.Model):
    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="belopp")
    ar = models.PositiveSmallIntegerField("år")
    personal = models.PositiveIntegerField("personal", default=0)
    lokal = models.PositiveIntegerField("lokal", default=0)
    data_it = models.PositiveIntegerField("data/IT", default=0)
    ovrigt = models.PositiveIntegerField("övrigt", default=0)

    class Meta:
        ordering = ["ar"]
        constraints = [
            models.UniqueConstraint(fields=["ansokan", "ar"], name="ansokan_ett_belopp_per_ar")
        ]

    def __str__(self) -> str:
        return f"{self.ar}: {self.summa} kr"

    @property
    def summa(self) -> int:
        return self.personal + self.lokal + self.data_it + self.ovrigt


class Arsrapport(models.Model):
    """An insats's annual report; the board's approval releases the instalment waiting for it."""

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        INLAMNAD = "inlamnad", "Inlämnad"
        GODKAND = "godkand", "Godkänd av styrelsen"

    insats = models.ForeignKey(Insats, on_delete=models.PROTECT, related_name="arsrapporter")
    ar = models.PositiveSmallIntegerField("år")
    verksamhet = models.TextField("verksamheten under året", blank=True)
    resultat = models.TextField("resultat och måluppfyllelse", blank=True)
    framat = models.TextField("lärdomar och planer framåt", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UTKAST)
    godkand_i = models.ForeignKey(
        "moten.Paragraf",
        verbose_name="godkänd i",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "årsrapport"
        verbose_name_plural = "årsrapporter"
        ordering = ["-ar"]
        constraints = [
            models.UniqueConstraint(fields=["insats", "ar"], name="arsrapport_en_per_ar"),
            models.CheckConstraint(
                condition=~Q(status="godkand") | Q(godkand_i__isnull=False),
                name="arsrapport_godkand_har_paragraf",
            ),
        ]
        triggers = [
            SparrRad(
                name="arsrapport_godkand_las",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__status="godkand"),
                meddelande="Årsrapporten är godkänd av styrelsen och kan inte ändras.",
            )
        ]

    def __str__(self) -> str:
        return f"Årsrapport {self.insats} {self.ar}"


class Arrangemang(models.Model):
    """An event the förbund runs, runs with others or funds (seed 004: "Lösningsfokuserade
    ledtrådar", "GULF 17, mars"). Participants are counts per organisation and kön, never
    people; every total is a sum over `deltagare`."""

    class Typ(models.TextChoices):
        UTBILDNING = "utbildning", "Utbildning"
        KONFERENS = "konferens", "Konferens"
        WORKSHOP = "workshop", "Workshop"
        NATVERKSDAG = "natverksdag", "Nätverksdag"
        SEMINARIUM = "seminarium", "Seminarium"
        OVRIGT = "ovrigt", "Övrigt"

    class Regi(models.TextChoices):
        EGEN = "egen", "Förbundet arrangerar"
        TILLSAMMANS = "tillsammans", "Förbundet arrangerar med andra"
        FINANSIERAT = "finansierat", "Förbundet finansierar"

    namn = models.CharField("namn", max_length=300)
    typ = models.CharField("slag", max_length=20, choices=Typ.choices)
    regi = models.CharField("förbundets roll", max_length=20, choices=Regi.choices)
    startdatum = models.DateField("från")
    slutdatum = models.DateField("till", null=True, blank=True)
    arrangor = models.CharField(
        "arrangör", max_length=300, help_text="Vem som håller i arrangemanget."
    )
    insats = models.ForeignKey(
        Insats,
        verbose_name="insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arrangemang",
    )
    beviljning = models.ForeignKey(
        Beviljning,
        verbose_name="beviljning",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arrangemang",
    )
    beskrivning = models.TextField("beskrivning", blank=True)
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "arrangemang"
        verbose_name_plural = "arrangemang"
        ordering = ["startdatum", "namn", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(slutdatum__isnull=True) | Q(slutdatum__gte=F("startdatum")),
                name="arrangemang_slut_efter_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.namn} ({self.startdatum.isoformat()})"


class ArrangemangDeltagare(models.Model):
    """Participants of an event from one organisation, by kön. `inom_omradet`: from the
    förbund's own geographical area (seed 004 counts only those)."""

    arrangemang = models.ForeignKey(Arrangemang, on_delete=models.CASCADE, related_name="deltagare")
    organisation = models.CharField("organisation", max_length=200)
    inom_omradet = models.BooleanField("från förbundets område", default=True)
    kvinnor = models.PositiveIntegerField("kvinnor", default=0)
    man = models.PositiveIntegerField("män", default=0)
    ej_angivet = models.PositiveIntegerField("annat eller ej angivet kön", default=0)

    class Meta:
        verbose_name = "deltagare per organisation"
        verbose_name_plural = "deltagare per organisation"
        ordering = ["-inom_omradet", "organisation", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["arrangemang", "organisation"], name="arrangemang_organisation_unik"
            ),
            models.CheckConstraint(
                condition=Q(kvinnor__gt=0) | Q(man__gt=0) | Q(ej_angivet__gt=0),
                name="arrangemang_deltagare_minst_en",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.totalt}"

    @property
    def totalt(self) -> int:
        return self.kvinnor + self.man + self.ej_angivet
