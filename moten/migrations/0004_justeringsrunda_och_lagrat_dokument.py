"""Issue 14: the justering round (kommentarer, återkallelse, omgång), omedelbar justering of
one paragraph, the anslag of such a paragraph, the stored document of a justerat protocol
(its content as it was, and its PDF), inställda möten.

The hand-written lock triggers of 0002 are dropped first: the locks are declared on the
models now (django-pgtrigger, forbund.sparr) and installed by 0006, after 0005 has stored the
content of the protocols already justerade.
"""

import importlib

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("forbund", "0003_behovsanalys_flyttad"),
        ("moten", "0003_omedelbar_justering_rename"),
    ]

    operations = [
        migrations.RunSQL(
            importlib.import_module("moten.migrations.0002_las_justerade_protokoll").REVERSE,
            importlib.import_module("moten.migrations.0002_las_justerade_protokoll").SQL,
        ),
        migrations.CreateModel(
            name="HistoricalProtokoll",
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
                            ("protokoll", "Sammanträdesprotokoll"),
                            ("anteckningar", "Minnesanteckningar"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("utkast", "Utkast"),
                            ("numrerat", "Numrerat, justeras"),
                            ("justerat", "Justerat"),
                            ("fardigt", "Färdigt"),
                        ],
                        default="utkast",
                        max_length=20,
                    ),
                ),
                ("nasta_mote", models.TextField(blank=True, verbose_name="nästa möte")),
                (
                    "skickat_till_justering",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="skickat till justering"
                    ),
                ),
                (
                    "justeringsomgang",
                    models.PositiveSmallIntegerField(default=1, verbose_name="justeringsomgång"),
                ),
                ("justerat", models.DateTimeField(blank=True, null=True, verbose_name="justerat")),
                ("sha256", models.CharField(blank=True, max_length=64, verbose_name="SHA-256")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical protokoll",
                "verbose_name_plural": "historical protokoll",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Justeringskommentar",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("text", models.TextField(verbose_name="kommentar")),
                ("skapad", models.DateTimeField(auto_now_add=True)),
                ("atgardad", models.DateTimeField(blank=True, null=True, verbose_name="åtgärdad")),
            ],
            options={
                "verbose_name": "justeringskommentar",
                "verbose_name_plural": "justeringskommentarer",
                "ordering": ["skapad", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Paragrafjustering",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "roll",
                    models.CharField(
                        choices=[("ordforande", "Ordförande"), ("justerare", "Justerare")],
                        max_length=20,
                    ),
                ),
                ("justerad", models.DateTimeField()),
            ],
            options={
                "ordering": ["-roll", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Protokolldokument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "variant",
                    models.CharField(
                        choices=[("justerat", "Justerat"), ("anslaget", "Justerat och anslaget")],
                        max_length=20,
                    ),
                ),
                ("pdf", models.BinaryField()),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                ("skapat", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "protokolldokument",
                "verbose_name_plural": "protokolldokument",
            },
        ),
        migrations.CreateModel(
            name="Protokollinnehall",
            fields=[
                (
                    "protokoll",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        primary_key=True,
                        related_name="innehallet",
                        serialize=False,
                        to="moten.protokoll",
                    ),
                ),
                ("data", models.JSONField()),
                ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
            ],
            options={
                "verbose_name": "protokollets innehåll",
                "verbose_name_plural": "protokollens innehåll",
            },
        ),
        migrations.AddField(
            model_name="anslag",
            name="paragraf",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="anslag",
                to="moten.paragraf",
            ),
        ),
        migrations.AddField(
            model_name="historicalmote",
            name="installt",
            field=models.BooleanField(default=False, verbose_name="inställt"),
        ),
        migrations.AddField(
            model_name="mote",
            name="installt",
            field=models.BooleanField(default=False, verbose_name="inställt"),
        ),
        migrations.AddField(
            model_name="paragraf",
            name="omedelbar_innehall",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="paragraf",
            name="omedelbar_sha256",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="paragraf",
            name="omedelbart_justerad",
            field=models.DateTimeField(blank=True, null=True, verbose_name="omedelbart justerad"),
        ),
        migrations.AddField(
            model_name="protokoll",
            name="justeringsomgang",
            field=models.PositiveSmallIntegerField(default=1, verbose_name="justeringsomgång"),
        ),
        migrations.AddField(
            model_name="protokoll",
            name="skickat_till_justering",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="skickat till justering"
            ),
        ),
        migrations.AlterField(
            model_name="anslag",
            name="protokoll",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="anslag",
                to="moten.protokoll",
            ),
        ),
        migrations.AlterField(
            model_name="paragraf",
            name="justeras_omedelbart",
            field=models.BooleanField(default=False, verbose_name="justeras omedelbart"),
        ),
        migrations.AddField(
            model_name="historicalprotokoll",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalprotokoll",
            name="mote",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="moten.mote",
            ),
        ),
        migrations.AddField(
            model_name="justeringskommentar",
            name="atgardad_av",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="justeringskommentar",
            name="paragraf",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="kommentarer",
                to="moten.paragraf",
            ),
        ),
        migrations.AddField(
            model_name="justeringskommentar",
            name="person",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="forbund.person"
            ),
        ),
        migrations.AddField(
            model_name="paragrafjustering",
            name="paragraf",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="omedelbara_justeringar",
                to="moten.paragraf",
            ),
        ),
        migrations.AddField(
            model_name="paragrafjustering",
            name="person",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="forbund.person"
            ),
        ),
        migrations.AddField(
            model_name="protokolldokument",
            name="protokoll",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="dokument",
                to="moten.protokoll",
            ),
        ),
    ]
