from django.db import migrations

from danvan.reporting.catalogue import load_in_migration


class Migration(migrations.Migration):
    """members.new and members.total computed from the memberships, now that the members app counts them."""

    dependencies = [("reporting", "0002_indicators")]

    operations = [migrations.RunPython(load_in_migration, migrations.RunPython.noop)]
