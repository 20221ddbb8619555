import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [
        migrations.CreateModel(
            name="TokenActivity",
            fields=[
                (
                    "token",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="activity",
                        serialize=False,
                        to="authtoken.token",
                        verbose_name="API token",
                    ),
                ),
                ("last_used", models.DateTimeField(verbose_name="last used")),
            ],
            options={
                "verbose_name": "API token activity",
                "verbose_name_plural": "API token activity",
            },
        ),
    ]
