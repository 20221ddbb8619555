from django.db import migrations


def seed(apps, schema_editor):
    from danvan.awards.catalogues import seed_forms

    seed_forms(apps.get_model("awards", "CommendationForm"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
