from django.db import migrations

from danvan.core.documents.seeds import MASS_OWN

# What 0003/0006 seeded for the mass organisations' format before it followed 29-HD/TWĐTN-VP.
SEEDED = {"issuer_mark": "*", "number_label": "Số", "margin_right_mm": 15,
          "on_behalf_label": "T/M", "deputy_label": "K/T", "by_order_label": "T/L"}


def follow_the_doan_guide(apps, schema_editor):
    """Each figure of the mass format an administrator has not changed takes the Đoàn guide's value."""
    DocumentFormat = apps.get_model("core", "DocumentFormat")
    for field, old in SEEDED.items():
        DocumentFormat.objects.filter(code="mass", **{field: old}).update(**{field: MASS_OWN[field]})


class Migration(migrations.Migration):

    dependencies = [("core", "0006_front_and_mass_formats")]

    operations = [migrations.RunPython(follow_the_doan_guide, migrations.RunPython.noop)]
