"""Four eyes on who can act (issue 18): an uppdrag with justering or attest rights is in
force only once a second person confirms it (Uppdrag.bekraftad, NULL while it waits; the
uppdrag that exist, and any made without the services, are confirmed by the database
default), and Bekraftelse records each request and confirmation."""

import django.db.models.deletion
import django.db.models.functions.datetime
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forbund", "0004_kalenderlank"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicaluppdrag",
            name="bekraftad",
            field=models.DateTimeField(
                blank=True,
                db_default=django.db.models.functions.datetime.Now(),
                null=True,
                verbose_name="bekräftat",
            ),
        ),
        migrations.AddField(
            model_name="uppdrag",
            name="bekraftad",
            field=models.DateTimeField(
                blank=True,
                db_default=django.db.models.functions.datetime.Now(),
                null=True,
                verbose_name="bekräftat",
            ),
        ),
        migrations.CreateModel(
            name="Bekraftelse",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "typ",
                    models.CharField(
                        choices=[
                            ("konto", "Ny inloggning"),
                            ("epost", "Ny e-postadress"),
                            ("uppdrag", "Nytt uppdrag med justerings- eller attesträtt"),
                        ],
                        max_length=10,
                    ),
                ),
                ("epost", models.EmailField(blank=True, max_length=254, verbose_name="ny e-post")),
                ("begard", models.DateTimeField(auto_now_add=True)),
                ("bekraftad", models.DateTimeField(blank=True, null=True)),
                (
                    "begard_av",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "bekraftad_av",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bekraftelser",
                        to="forbund.person",
                    ),
                ),
                (
                    "uppdrag",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bekraftelser",
                        to="forbund.uppdrag",
                    ),
                ),
            ],
            options={
                "verbose_name": "bekräftelse",
                "verbose_name_plural": "bekräftelser",
                "ordering": ["-begard", "-pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("bekraftad_av", models.F("begard_av")), _negated=True),
                        name="bekraftelse_fyra_ogon",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("bekraftad__isnull", True), ("bekraftad_av__isnull", True)),
                            models.Q(("bekraftad__isnull", False), ("bekraftad_av__isnull", False)),
                            _connector="OR",
                        ),
                        name="bekraftelse_av_och_nar",
                    ),
                ],
            },
        ),
    ]
