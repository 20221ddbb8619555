from django.db import migrations


def load(apps, schema_editor):
    from danvan.reporting.catalogue import load_indicators

    load_indicators(apps.get_model("reporting", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
