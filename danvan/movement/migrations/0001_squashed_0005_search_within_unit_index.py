"""Every migration of this app in one (issue 10: `danvan demo` on a fresh machine): each model is created with
its final fields, indexes and constraints, instead of the project's models being rendered again after each
later field or index. The replaced migrations stay, for the databases that applied them."""

import importlib
import django.db.migrations.operations.special
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _replaced(name):
    """One of the migrations this one replaces, which keep the data functions."""
    return importlib.import_module(f"danvan.movement.migrations.{name}")


class Migration(migrations.Migration):

    replaces = [('movement', '0001_initial'), ('movement', '0002_seed_catalogues'), ('movement', '0003_statistics_indexes'), ('movement', '0004_appraisal_version_initiative_version_and_more'), ('movement', '0005_search_within_unit_index')]

    initial = True

    dependencies = [
        ('organizations', '0002_seed_kinds'),
        ('organizations', '0003_organization_version_organizationlink_version'),
        ('people', '0001_initial'),
        ('people', '0003_search_within_unit_index'),
        ('units', '0001_initial'),
        ('units', '0002_unit_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Criterion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('holder', models.CharField(choices=[('collective', 'Collective'), ('individual', 'Individual')], max_length=20, verbose_name='holder')),
                ('name', models.CharField(max_length=300, verbose_name='name')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('max_score', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='maximum score')),
            ],
            options={
                'verbose_name': 'criterion',
                'verbose_name_plural': 'criteria',
                'ordering': ['holder', 'order'],
            },
        ),
        migrations.CreateModel(
            name='Field',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'field',
                'verbose_name_plural': 'fields',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Initiative',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('name', models.CharField(max_length=300, verbose_name='name')),
                ('kind', models.CharField(choices=[('model', 'Model'), ('exemplar', 'Exemplar')], default='model', max_length=20, verbose_name='kind')),
                ('holder', models.CharField(choices=[('collective', 'Collective'), ('individual', 'Individual')], default='collective', max_length=20, verbose_name='holder')),
                ('registration_year', models.PositiveSmallIntegerField(verbose_name='registration year')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('goals', models.TextField(blank=True, verbose_name='goals')),
                ('start_date', models.DateField(blank=True, null=True, verbose_name='start date')),
                ('expected_results', models.TextField(blank=True, verbose_name='expected results')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Awaiting approval'), ('registered', 'Registered'), ('returned', 'Returned'), ('under_appraisal', 'Under appraisal'), ('recognised', 'Recognised'), ('not_recognised', 'Not recognised'), ('suspended', 'Suspended'), ('ended', 'Ended')], default='draft', max_length=20, verbose_name='status')),
                ('duplicate_key', models.CharField(db_index=True, default='', editable=False, max_length=400)),
                ('recognised_on', models.DateField(blank=True, editable=False, null=True, verbose_name='recognised on')),
                ('highest_level', models.PositiveSmallIntegerField(blank=True, choices=[(0, 'Central'), (1, 'Province'), (2, 'District'), (3, 'Grassroots')], editable=False, null=True, verbose_name='highest recognition')),
                ('is_outstanding', models.BooleanField(default=False, editable=False, verbose_name='outstanding')),
                ('last_result_on', models.DateField(blank=True, editable=False, null=True, verbose_name='last result update')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('fields', models.ManyToManyField(related_name='initiatives', to='movement.field', verbose_name='fields')),
                ('owner_organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='initiatives', to='organizations.organization', verbose_name='owner organisation')),
                ('owner_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='initiatives', to='people.person', verbose_name='owner person')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='initiatives', to='units.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'initiative',
                'verbose_name_plural': 'initiatives',
                'ordering': ['-registration_year', 'name', 'pk'],
                'indexes': [models.Index(fields=['unit', 'registration_year'], name='movement_in_unit_id_619cfc_idx'), models.Index(fields=['registration_year', 'status', 'unit', 'kind', 'holder'], name='initiative_registration_stats'), models.Index(fields=['status', 'unit', 'last_result_on', 'recognised_on'], name='initiative_formalism'), models.Index(fields=['unit', 'search_text'], name='initiative_search_in_unit')],
            },
        ),
        migrations.CreateModel(
            name='Appraisal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('level', models.PositiveSmallIntegerField(choices=[(0, 'Central'), (1, 'Province'), (2, 'District'), (3, 'Grassroots')], verbose_name='level')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('date', models.DateField(blank=True, null=True, verbose_name='date')),
                ('appraisers', models.CharField(blank=True, max_length=500, verbose_name='appraisers')),
                ('outcome', models.CharField(choices=[('not_met', 'Not met'), ('met', 'Met at this level'), ('met_proposed', 'Met, proposed to the level above')], max_length=20, verbose_name='outcome')),
                ('score', models.DecimalField(blank=True, decimal_places=2, max_digits=6, null=True, verbose_name='score')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('appraised_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('initiative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='appraisals', to='movement.initiative')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'appraisal',
                'verbose_name_plural': 'appraisals',
                'ordering': ['-year', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='InitiativeAttachment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to='attachments/%Y/%m/', verbose_name='file')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                ('is_public', models.BooleanField(default=False, help_text='Shown on the public pages.', verbose_name='public')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                ('kind', models.CharField(choices=[('photo', 'Photo'), ('document', 'Document')], default='photo', max_length=20, verbose_name='kind')),
                ('initiative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='movement.initiative')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'attachment',
                'verbose_name_plural': 'attachments',
                'ordering': ['-uploaded_at'],
            },
        ),
        migrations.CreateModel(
            name='Phase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('start_year', models.PositiveSmallIntegerField(verbose_name='first year')),
                ('end_year', models.PositiveSmallIntegerField(verbose_name='last year')),
            ],
            options={
                'verbose_name': 'phase',
                'verbose_name_plural': 'phases',
                'ordering': ['start_year'],
                'constraints': [models.UniqueConstraint(fields=('start_year', 'end_year'), name='unique_phase_years')],
            },
        ),
        migrations.AddField(
            model_name='initiative',
            name='phase',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='initiatives', to='movement.phase', verbose_name='phase'),
        ),
        migrations.CreateModel(
            name='Recognition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('level', models.PositiveSmallIntegerField(choices=[(0, 'Central'), (1, 'Province'), (2, 'District'), (3, 'Grassroots')], verbose_name='level')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('decided_on', models.DateField(verbose_name='decision date')),
                ('document', models.CharField(blank=True, max_length=200, verbose_name='deciding document')),
                ('outstanding', models.BooleanField(default=False, verbose_name='outstanding')),
                ('appraisal', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='movement.appraisal', verbose_name='appraisal')),
                ('granted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('initiative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recognitions', to='movement.initiative')),
                ('recognising_body', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='recognitions', to='organizations.organization', verbose_name='recognising body')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'recognition',
                'verbose_name_plural': 'recognitions',
                'ordering': ['-year', 'level'],
                'indexes': [models.Index(fields=['year', 'initiative', 'level', 'outstanding'], name='recognition_stats'), models.Index(fields=['outstanding', 'level', 'year'], name='recognition_typical')],
                'constraints': [models.UniqueConstraint(fields=('initiative', 'level'), name='unique_recognition_level')],
            },
        ),
        migrations.CreateModel(
            name='Replication',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('adopted_on', models.DateField(verbose_name='adopted on')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('adopter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='replicated_from', to='movement.initiative', verbose_name='initiative in the new place')),
                ('origin', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='replications', to='movement.initiative', verbose_name='origin')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='replications', to='units.unit', verbose_name='place')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'replication',
                'verbose_name_plural': 'replications',
                'ordering': ['-adopted_on'],
                'constraints': [models.UniqueConstraint(fields=('origin', 'unit'), name='unique_replication_place')],
            },
        ),
        migrations.CreateModel(
            name='ResultUpdate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(verbose_name='date')),
                ('text', models.TextField(verbose_name='results')),
                ('beneficiaries', models.PositiveIntegerField(blank=True, null=True, verbose_name='beneficiaries')),
                ('households_out_of_poverty', models.PositiveIntegerField(blank=True, null=True, verbose_name='households out of poverty')),
                ('money_mobilised', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='money mobilised (VND)')),
                ('workdays_mobilised', models.PositiveIntegerField(blank=True, null=True, verbose_name='workdays mobilised')),
                ('road_km', models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True, verbose_name='road built or repaired (km)')),
                ('initiative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='result_updates', to='movement.initiative')),
                ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'result update',
                'verbose_name_plural': 'result updates',
                'ordering': ['-date', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='CriterionCheck',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('met', models.BooleanField(default=False, verbose_name='met')),
                ('evidence', models.TextField(blank=True, verbose_name='evidence')),
                ('score', models.DecimalField(blank=True, decimal_places=2, max_digits=6, null=True, verbose_name='score')),
                ('appraisal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='checks', to='movement.appraisal')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='movement.criterion', verbose_name='criterion')),
            ],
            options={
                'verbose_name': 'criterion check',
                'verbose_name_plural': 'criterion checks',
                'constraints': [models.UniqueConstraint(fields=('appraisal', 'criterion'), name='unique_criterion_check')],
            },
        ),
        migrations.RunPython(
            code=_replaced('0002_seed_catalogues').seed,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
        migrations.AddField(
            model_name='initiative',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
    ]
