"""The default document formats, types and terms (``danvan.core.documents.seeds``)."""

from django.db import migrations

from danvan.core.documents.seeds import seed_document_defaults


def seed(apps, schema_editor):
    seed_document_defaults(lambda name: apps.get_model("core", name))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_documents")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
