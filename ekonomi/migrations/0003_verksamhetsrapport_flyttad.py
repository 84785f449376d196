"""The verksamhetsrapport models moved to the rapporter app (rapporter 0001). Only Django's
idea of the models changes: the tables, their rows and the lock triggers of 0002 stay as they
are, so nothing is copied."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ekonomi", "0002_verksamhetsrapport"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="historicalverksamhetsrapport",
                    name="foregaende",
                ),
                migrations.RemoveField(
                    model_name="historicalverksamhetsrapport",
                    name="godkand_av",
                ),
                migrations.RemoveField(
                    model_name="historicalverksamhetsrapport",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalverksamhetsrapport",
                    name="paragraf",
                ),
                migrations.RemoveField(
                    model_name="historicalverksamhetsrapport",
                    name="skapad_av",
                ),
                migrations.RemoveField(
                    model_name="rapportavsnitt",
                    name="andrad_av",
                ),
                migrations.RemoveField(
                    model_name="rapportavsnitt",
                    name="rapport",
                ),
                migrations.RemoveField(
                    model_name="verksamhetsrapport",
                    name="foregaende",
                ),
                migrations.RemoveField(
                    model_name="verksamhetsrapport",
                    name="godkand_av",
                ),
                migrations.RemoveField(
                    model_name="verksamhetsrapport",
                    name="paragraf",
                ),
                migrations.RemoveField(
                    model_name="verksamhetsrapport",
                    name="skapad_av",
                ),
                migrations.DeleteModel(
                    name="HistoricalRapportavsnitt",
                ),
                migrations.DeleteModel(
                    name="HistoricalVerksamhetsrapport",
                ),
                migrations.DeleteModel(
                    name="Rapportavsnitt",
                ),
                migrations.DeleteModel(
                    name="Verksamhetsrapport",
                ),
            ],
            database_operations=[],
        ),
    ]
