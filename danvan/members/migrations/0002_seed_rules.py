from django.db import migrations

from danvan.members.rules import seed_rules


def seed(apps, schema_editor):
    seed_rules(apps.get_model("members", "MembershipRule"), apps.get_model("organizations", "OrganizationKind"))


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial"), ("organizations", "0005_kind_document_title")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
