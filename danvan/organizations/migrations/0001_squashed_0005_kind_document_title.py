"""Every migration of this app in one (issue 10: `danvan demo` on a fresh machine): each model is created with
its final fields, indexes and constraints, instead of the project's models being rendered again after each
later field or index. The replaced migrations stay, for the databases that applied them."""

import importlib
import django.db.migrations.operations.special
import django.db.models.deletion
from django.db import migrations, models


def _replaced(name):
    """One of the migrations this one replaces, which keep the data functions."""
    return importlib.import_module(f"danvan.organizations.migrations.{name}")


class Migration(migrations.Migration):

    replaces = [('organizations', '0001_initial'), ('organizations', '0002_seed_kinds'), ('organizations', '0003_organization_version_organizationlink_version'), ('organizations', '0004_search_within_unit_index'), ('organizations', '0005_kind_document_title')]

    initial = True

    dependencies = [
        ('units', '0001_initial'),
        ('units', '0002_unit_version'),
    ]

    operations = [
        migrations.CreateModel(
            name='OrganizationKind',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='valid from')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='valid to')),
                ('code', models.SlugField(max_length=60, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('category', models.CharField(choices=[('party_committee', 'Party committee'), ('party_body', 'Party committee body'), ('steering_committee', 'Steering committee'), ('government', 'Government'), ('front', 'Fatherland Front'), ('mass_organization', 'Mass organisation'), ('branch', 'Branch'), ('other', 'Other')], max_length=30, verbose_name='category')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('document_title', models.CharField(blank=True, help_text='What heads its documents where its guide sets its own title (“Hội Nông dân Việt Nam”); blank: the title of its format.', max_length=200, verbose_name='title of its documents')),
            ],
            options={
                'verbose_name': 'organisation kind',
                'verbose_name_plural': 'organisation kinds',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Organization',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='valid from')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='valid to')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('name', models.CharField(max_length=300, verbose_name='name')),
                ('successor', models.ForeignKey(blank=True, help_text='The organisation this one merged into.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='predecessors', to='organizations.organization', verbose_name='successor')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='organizations', to='units.unit', verbose_name='unit')),
                ('kind', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='organizations', to='organizations.organizationkind', verbose_name='kind')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'organisation',
                'verbose_name_plural': 'organisations',
                'ordering': ['name'],
                'indexes': [models.Index(fields=['unit', 'name'], name='organizatio_unit_id_662ab1_idx'), models.Index(fields=['unit', 'search_text'], name='organization_search_in_unit')],
            },
        ),
        migrations.CreateModel(
            name='OrganizationLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='valid from')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='valid to')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='parent_links', to='organizations.organization')),
                ('parent', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='child_links', to='organizations.organization', verbose_name='parent organisation')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'parent organisation period',
                'verbose_name_plural': 'parent organisation periods',
                'ordering': ['-valid_from'],
            },
        ),
        migrations.RunPython(
            code=_replaced('0002_seed_kinds').seed_kinds,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
        migrations.RunPython(
            code=_replaced('0005_kind_document_title').give_titles,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
    ]
