from django.db import migrations


def seed(apps, schema_editor):
    from danvan.movement.catalogues import seed_catalogues

    seed_catalogues(apps.get_model("movement", "Field"), apps.get_model("movement", "Phase"), apps.get_model("movement", "Criterion"))


class Migration(migrations.Migration):
    dependencies = [("movement", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
