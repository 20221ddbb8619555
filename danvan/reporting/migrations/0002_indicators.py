from django.db import migrations

from danvan.reporting.catalogue import load_in_migration


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [migrations.RunPython(load_in_migration, migrations.RunPython.noop)]
