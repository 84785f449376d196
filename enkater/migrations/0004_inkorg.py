"""The inbox of web answers (issue 18, anonymity by construction): a web answer is written
here in the transaction that spends its link and moved into Svar later, in batches, in random
order (enkater.services.inkorg_toem; docs/enkater-anonymitet.md)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("enkater", "0003_formular_webb_och_namn"),
    ]

    operations = [
        migrations.CreateModel(
            name="Inkorg",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("datum", models.DateField()),
                ("varden", models.JSONField()),
                (
                    "omgang",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="inkorg",
                        to="enkater.omgang",
                    ),
                ),
            ],
            options={
                "verbose_name": "svar i inkorgen",
                "verbose_name_plural": "svar i inkorgen",
            },
        ),
    ]
