"""The behovsanalys models moved to their own app (behovsanalys 0001). Only Django's idea of
the models changes: the tables stay as they are, with their rows and names, so nothing is
copied and a database made before the move migrates in an instant."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("forbund", "0002_behovsanalys"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="behovsimport",
                    name="importerad_av",
                ),
                migrations.RemoveField(
                    model_name="helarsekvivalent",
                    name="behovsimport",
                ),
                migrations.RemoveField(
                    model_name="behovsregion",
                    name="part",
                ),
                migrations.RemoveField(
                    model_name="helarsekvivalent",
                    name="region",
                ),
                migrations.DeleteModel(
                    name="Befolkning",
                ),
                migrations.DeleteModel(
                    name="Behovsimport",
                ),
                migrations.DeleteModel(
                    name="Behovsregion",
                ),
                migrations.DeleteModel(
                    name="Helarsekvivalent",
                ),
            ],
            database_operations=[],
        ),
    ]
