"""The behovsanalys models, moved from forbund (its migration 0002 created the tables, 0003
forgot them). Their tables keep the names forbund_behovsregion, forbund_behovsimport,
forbund_helarsekvivalent and forbund_befolkning: this migration only tells Django the models
live here now, and moves their content types (and with them the admin's permissions and log)
to this app."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _flytta_contenttypes(apps, fran: str, till: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("behovsregion", "behovsimport", "helarsekvivalent", "befolkning"):
        if not ContentType.objects.filter(app_label=till, model=model).exists():
            ContentType.objects.filter(app_label=fran, model=model).update(app_label=till)


def framat(apps, schema_editor):
    _flytta_contenttypes(apps, "forbund", "behovsanalys")


def bakat(apps, schema_editor):
    _flytta_contenttypes(apps, "behovsanalys", "forbund")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("forbund", "0003_behovsanalys_flyttad"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Behovsimport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("filnamn", models.CharField(max_length=255, verbose_name="filnamn")),
                        ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                        (
                            "kalla",
                            models.CharField(blank=True, max_length=200, verbose_name="källa"),
                        ),
                        ("antal_rader", models.PositiveIntegerField(verbose_name="antal rader")),
                        (
                            "ersatta_rader",
                            models.PositiveIntegerField(default=0, verbose_name="ersatta rader"),
                        ),
                        ("ar_fran", models.PositiveSmallIntegerField(verbose_name="från år")),
                        ("ar_till", models.PositiveSmallIntegerField(verbose_name="till år")),
                        (
                            "importerad",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="importerad"
                            ),
                        ),
                        (
                            "importerad_av",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="importerad av",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "import (behovsanalys)",
                        "verbose_name_plural": "importer (behovsanalys)",
                        "db_table": "forbund_behovsimport",
                        "ordering": ["-importerad", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="Behovsregion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kod",
                            models.CharField(max_length=4, unique=True, verbose_name="regionkod"),
                        ),
                        ("namn", models.CharField(max_length=100, verbose_name="namn")),
                        (
                            "niva",
                            models.CharField(
                                choices=[("kommun", "Kommun"), ("lan", "Län"), ("riket", "Riket")],
                                max_length=6,
                                verbose_name="nivå",
                            ),
                        ),
                        (
                            "part",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="behovsregioner",
                                to="forbund.part",
                                verbose_name="medlem (part)",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "region (behovsanalys)",
                        "verbose_name_plural": "regioner (behovsanalys)",
                        "db_table": "forbund_behovsregion",
                        "ordering": ["kod"],
                    },
                ),
                migrations.CreateModel(
                    name="Befolkning",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kon",
                            models.CharField(
                                choices=[("kvinnor", "Kvinnor"), ("man", "Män")],
                                max_length=7,
                                verbose_name="kön",
                            ),
                        ),
                        ("ar", models.PositiveSmallIntegerField(verbose_name="år")),
                        ("antal", models.PositiveIntegerField(verbose_name="invånare 20–64 år")),
                        (
                            "behovsimport",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="befolkning",
                                to="behovsanalys.behovsimport",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="befolkning",
                                to="behovsanalys.behovsregion",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "befolkning 20–64 år",
                        "verbose_name_plural": "befolkning 20–64 år",
                        "db_table": "forbund_befolkning",
                    },
                ),
                migrations.CreateModel(
                    name="Helarsekvivalent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kon",
                            models.CharField(
                                choices=[("kvinnor", "Kvinnor"), ("man", "Män")],
                                max_length=7,
                                verbose_name="kön",
                            ),
                        ),
                        ("ar", models.PositiveSmallIntegerField(verbose_name="år")),
                        (
                            "ersattning",
                            models.CharField(
                                choices=[
                                    ("sjukpenning", "Sjukpenning"),
                                    (
                                        "sjuk_och_aktivitetsersattning",
                                        "Sjuk- och aktivitetsersättning",
                                    ),
                                    ("arbetsloshetsersattning", "Arbetslöshetsersättning"),
                                    ("arbetsmarknadsatgarder", "Arbetsmarknadsåtgärder"),
                                    ("ekonomiskt_bistand", "Ekonomiskt bistånd"),
                                    ("etableringsersattning", "Etableringsersättning"),
                                ],
                                max_length=30,
                                verbose_name="ersättning",
                            ),
                        ),
                        (
                            "varde",
                            models.DecimalField(
                                decimal_places=2, max_digits=12, verbose_name="helårsekvivalenter"
                            ),
                        ),
                        (
                            "behovsimport",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="helarsekvivalenter",
                                to="behovsanalys.behovsimport",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="helarsekvivalenter",
                                to="behovsanalys.behovsregion",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "helårsekvivalent",
                        "verbose_name_plural": "helårsekvivalenter",
                        "db_table": "forbund_helarsekvivalent",
                    },
                ),
                migrations.AddConstraint(
                    model_name="behovsimport",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("ar_till__gte", models.F("ar_fran"))),
                        name="behovsimport_ar_ordning",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="behovsregion",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("niva", "kommun"), ("kod__regex", "^[0-9]{4}$")),
                            models.Q(
                                ("niva", "lan"),
                                ("kod__regex", "^[0-9]{2}$"),
                                models.Q(("kod", "00"), _negated=True),
                            ),
                            models.Q(("niva", "riket"), ("kod", "00")),
                            _connector="OR",
                        ),
                        name="behovsregion_kod_efter_niva",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="behovsregion",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("part__isnull", True), ("niva", "kommun"), _connector="OR"
                        ),
                        name="behovsregion_part_bara_kommun",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="befolkning",
                    constraint=models.UniqueConstraint(
                        fields=("region", "kon", "ar"), name="befolkning_unik"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="befolkning",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("antal__gte", 0)), name="befolkning_ej_negativ"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="befolkning",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("ar__gte", 1990), ("ar__lte", 2100)),
                        name="befolkning_rimligt_ar",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="befolkning",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("kon__in", ["kvinnor", "man"])), name="befolkning_kon"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="helarsekvivalent",
                    constraint=models.UniqueConstraint(
                        fields=("region", "kon", "ar", "ersattning"), name="helarsekvivalent_unik"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="helarsekvivalent",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("varde__gte", 0)), name="helarsekvivalent_ej_negativ"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="helarsekvivalent",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("ar__gte", 1990), ("ar__lte", 2100)),
                        name="helarsekvivalent_rimligt_ar",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="helarsekvivalent",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("kon__in", ["kvinnor", "man"])),
                        name="helarsekvivalent_kon",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="helarsekvivalent",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            (
                                "ersattning__in",
                                [
                                    "sjukpenning",
                                    "sjuk_och_aktivitetsersattning",
                                    "arbetsloshetsersattning",
                                    "arbetsmarknadsatgarder",
                                    "ekonomiskt_bistand",
                                    "etableringsersattning",
                                ],
                            )
                        ),
                        name="helarsekvivalent_ersattning",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(framat, bakat),
    ]
