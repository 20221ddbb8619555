"""The petitions' fields and kinds (danvan/engagement/catalogues.py)."""

from django.db import migrations

from danvan.engagement.catalogues import seed_catalogues


def seed(apps, schema_editor):
    seed_catalogues(apps.get_model("engagement", "PetitionField"), apps.get_model("engagement", "PetitionKind"))


class Migration(migrations.Migration):
    dependencies = [("engagement", "0002_petitions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
