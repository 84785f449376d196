"""Who may attest comes from the signaturlista the styrelse adopts in a paragraph (issue 18):
in force from the meeting's date until a later list replaces it."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forbund", "0003_behovsanalys_flyttad"),
        ("insatser", "0006_las_godkant"),
        ("moten", "0002_las_justerade_protokoll"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalSignaturlista",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("giltig_fran", models.DateField(verbose_name="gäller från")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
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
                    ),
                ),
            ],
            options={
                "verbose_name": "historical signaturlista",
                "verbose_name_plural": "historical signaturlistor",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Signaturlista",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("giltig_fran", models.DateField(verbose_name="gäller från")),
                (
                    "attestanter",
                    models.ManyToManyField(related_name="signaturlistor", to="forbund.person"),
                ),
                (
                    "paragraf",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="signaturlista",
                        to="moten.paragraf",
                    ),
                ),
            ],
            options={
                "verbose_name": "signaturlista",
                "verbose_name_plural": "signaturlistor",
                "ordering": ["-giltig_fran", "-pk"],
            },
        ),
    ]
