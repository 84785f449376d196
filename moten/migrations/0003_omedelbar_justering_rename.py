"""The paragraph's flag "the meeting decided to justera it at once" gets its own name, so
`omedelbart_justerad` can be the time it was (issue 14)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("moten", "0002_las_justerade_protokoll")]

    operations = [
        migrations.RenameField(
            model_name="paragraf", old_name="omedelbart_justerad", new_name="justeras_omedelbart"
        ),
    ]
