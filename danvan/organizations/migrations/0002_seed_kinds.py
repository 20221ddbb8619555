from django.db import migrations


def seed_kinds(apps, schema_editor):
    from danvan.organizations.kinds import SEED_KINDS

    OrganizationKind = apps.get_model("organizations", "OrganizationKind")
    for code, name, category, valid_from, valid_to in SEED_KINDS:
        OrganizationKind.objects.get_or_create(
            code=code, defaults={"name": name, "category": category, "valid_from": valid_from, "valid_to": valid_to}
        )


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial")]
    operations = [migrations.RunPython(seed_kinds, migrations.RunPython.noop)]
