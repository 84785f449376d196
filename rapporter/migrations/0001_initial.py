"""The verksamhetsrapport models, moved from ekonomi (its migration 0002 created the tables
and the triggers that lock an approved edition; 0003 forgot the models). The tables keep the
names ekonomi_verksamhetsrapport, ekonomi_rapportavsnitt and their history tables: this
migration only tells Django the models live here now, and moves their content types (and
with them the admin's permissions and log) to this app."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def _flytta_contenttypes(apps, fran: str, till: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in (
        "verksamhetsrapport",
        "rapportavsnitt",
        "historicalverksamhetsrapport",
        "historicalrapportavsnitt",
    ):
        if not ContentType.objects.filter(app_label=till, model=model).exists():
            ContentType.objects.filter(app_label=fran, model=model).update(app_label=till)


def framat(apps, schema_editor):
    _flytta_contenttypes(apps, "ekonomi", "rapporter")


def bakat(apps, schema_editor):
    _flytta_contenttypes(apps, "rapporter", "ekonomi")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ekonomi", "0003_verksamhetsrapport_flyttad"),
        ("moten", "0002_las_justerade_protokoll"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Verksamhetsrapport",
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
                            "typ",
                            models.CharField(
                                choices=[
                                    ("delarsrapport", "Delårsrapport"),
                                    ("arsredovisning", "Årsredovisning"),
                                ],
                                max_length=20,
                                verbose_name="slag",
                            ),
                        ),
                        ("fran", models.DateField(verbose_name="från")),
                        ("till", models.DateField(verbose_name="till")),
                        (
                            "utgava",
                            models.PositiveSmallIntegerField(default=1, verbose_name="utgåva"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("utkast", "Utkast"), ("godkand", "Godkänd av styrelsen")],
                                default="utkast",
                                max_length=20,
                            ),
                        ),
                        ("godkand", models.DateTimeField(blank=True, null=True)),
                        ("innehall", models.JSONField(blank=True, null=True)),
                        ("skapad", models.DateTimeField(auto_now_add=True)),
                        (
                            "foregaende",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="rapporter.verksamhetsrapport",
                                verbose_name="startad från",
                            ),
                        ),
                        (
                            "godkand_av",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "paragraf",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="moten.paragraf",
                                verbose_name="godkänd i",
                            ),
                        ),
                        (
                            "skapad_av",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "verksamhetsrapport",
                        "verbose_name_plural": "verksamhetsrapporter",
                        "db_table": "ekonomi_verksamhetsrapport",
                        "ordering": ["-till", "typ", "-utgava"],
                    },
                ),
                migrations.CreateModel(
                    name="Rapportavsnitt",
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
                            "nyckel",
                            models.CharField(
                                choices=[
                                    ("om_forbundet", "Om förbundet och dess ändamål"),
                                    ("styrelsen", "Styrelsens arbete"),
                                    ("insatser", "Insatser och deltagare"),
                                    ("arrangemang", "Utbildningar och arrangemang"),
                                    ("planerat", "Planerade aktiviteter"),
                                    ("ekonomi", "Ekonomiskt utfall och prognos"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("text", models.TextField(blank=True, verbose_name="text")),
                        ("version", models.PositiveIntegerField(default=1)),
                        ("andrad", models.DateTimeField(auto_now=True)),
                        (
                            "andrad_av",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "rapport",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="avsnitt",
                                to="rapporter.verksamhetsrapport",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "rapportavsnitt",
                        "verbose_name_plural": "rapportavsnitt",
                        "db_table": "ekonomi_rapportavsnitt",
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalVerksamhetsrapport",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "typ",
                            models.CharField(
                                choices=[
                                    ("delarsrapport", "Delårsrapport"),
                                    ("arsredovisning", "Årsredovisning"),
                                ],
                                max_length=20,
                                verbose_name="slag",
                            ),
                        ),
                        ("fran", models.DateField(verbose_name="från")),
                        ("till", models.DateField(verbose_name="till")),
                        (
                            "utgava",
                            models.PositiveSmallIntegerField(default=1, verbose_name="utgåva"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("utkast", "Utkast"), ("godkand", "Godkänd av styrelsen")],
                                default="utkast",
                                max_length=20,
                            ),
                        ),
                        ("godkand", models.DateTimeField(blank=True, null=True)),
                        ("innehall", models.JSONField(blank=True, null=True)),
                        ("skapad", models.DateTimeField(blank=True, editable=False)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.TextField(null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "godkand_av",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "paragraf",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="moten.paragraf",
                                verbose_name="godkänd i",
                            ),
                        ),
                        (
                            "skapad_av",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "foregaende",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="rapporter.verksamhetsrapport",
                                verbose_name="startad från",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical verksamhetsrapport",
                        "verbose_name_plural": "historical verksamhetsrapporter",
                        "db_table": "ekonomi_historicalverksamhetsrapport",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalRapportavsnitt",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "nyckel",
                            models.CharField(
                                choices=[
                                    ("om_forbundet", "Om förbundet och dess ändamål"),
                                    ("styrelsen", "Styrelsens arbete"),
                                    ("insatser", "Insatser och deltagare"),
                                    ("arrangemang", "Utbildningar och arrangemang"),
                                    ("planerat", "Planerade aktiviteter"),
                                    ("ekonomi", "Ekonomiskt utfall och prognos"),
                                ],
                                max_length=20,
                            ),
                        ),
                        ("text", models.TextField(blank=True, verbose_name="text")),
                        ("version", models.PositiveIntegerField(default=1)),
                        ("andrad", models.DateTimeField(blank=True, editable=False)),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.TextField(null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "andrad_av",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "rapport",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="rapporter.verksamhetsrapport",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical rapportavsnitt",
                        "verbose_name_plural": "historical rapportavsnitt",
                        "db_table": "ekonomi_historicalrapportavsnitt",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name="verksamhetsrapport",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("till__gte", models.F("fran"))),
                        name="verksamhetsrapport_till_efter_fran",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="verksamhetsrapport",
                    constraint=models.UniqueConstraint(
                        fields=("typ", "fran", "till", "utgava"),
                        name="verksamhetsrapport_utgava_unik",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="verksamhetsrapport",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("status", "utkast")),
                        fields=("typ", "fran", "till"),
                        name="verksamhetsrapport_ett_utkast",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="verksamhetsrapport",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("status", "utkast"),
                            models.Q(
                                ("godkand__isnull", False),
                                ("innehall__isnull", False),
                                ("paragraf__isnull", False),
                            ),
                            _connector="OR",
                        ),
                        name="verksamhetsrapport_godkand_har_paragraf",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="rapportavsnitt",
                    constraint=models.UniqueConstraint(
                        fields=("rapport", "nyckel"), name="rapportavsnitt_unikt"
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(framat, bakat),
    ]
