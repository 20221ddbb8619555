from django.db import migrations


def seed_kinds(apps, schema_editor):
    from danvan.organizations.kinds import seed_kinds as seed

    seed(apps.get_model("organizations", "OrganizationKind"))


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]
    operations = [migrations.RunPython(seed_kinds, migrations.RunPython.noop)]
