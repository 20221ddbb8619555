"""Every migration of this app in one (issue 10: `danvan demo` on a fresh machine): each model is created with
its final fields, indexes and constraints, instead of the project's models being rendered again after each
later field or index. The replaced migrations stay, for the databases that applied them."""

import danvan.core.uploads
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('directives', '0001_initial'), ('directives', '0002_directive_version_implementation_version_and_more'), ('directives', '0003_list_order_index'), ('directives', '0004_obligation_months')]

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('organizations', '0002_seed_kinds'),
        ('units', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Directive',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('doc_type', models.CharField(choices=[('nq', 'Resolution'), ('ct', 'Directive'), ('qd', 'Decision'), ('qdi', 'Regulation'), ('kl', 'Conclusion'), ('ctr', 'Action programme'), ('kh', 'Plan'), ('cv', 'Official letter'), ('tb', 'Notice'), ('hd', 'Guidance'), ('bc', 'Report'), ('da', 'Scheme'), ('pl', 'Ordinance'), ('nd', 'Decree'), ('luat', 'Law')], max_length=10, verbose_name='type')),
                ('number', models.PositiveIntegerField(blank=True, null=True, verbose_name='number')),
                ('symbol', models.CharField(blank=True, help_text='For example 25-NQ/TW; leave empty for a document cited only by number.', max_length=60, verbose_name='symbol')),
                ('issuer_code', models.CharField(blank=True, max_length=60, verbose_name='issuer in the symbol')),
                ('symbol_key', models.CharField(db_index=True, default='', editable=False, max_length=120)),
                ('issued_on', models.DateField(blank=True, null=True, verbose_name='issue date')),
                ('issuer_name', models.CharField(blank=True, help_text='As written, e.g. “Bộ Chính trị”.', max_length=200, verbose_name='issued by')),
                ('subject', models.TextField(blank=True, verbose_name='subject')),
                ('file', models.FileField(blank=True, upload_to='directives/%Y/', validators=[danvan.core.uploads.FileCheck()], verbose_name='file')),
                ('status', models.CharField(choices=[('in_force', 'In force'), ('replaced', 'Replaced'), ('expired', 'Expired')], default='in_force', max_length=20, verbose_name='status')),
                ('issuing_organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='issued_directives', to='organizations.organization', verbose_name='issuing organisation')),
                ('unit', models.ForeignKey(help_text='The unit whose register keeps this document; units below it see it.', on_delete=django.db.models.deletion.PROTECT, related_name='directives', to='units.unit', verbose_name='register unit')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'directive',
                'verbose_name_plural': 'directives',
                'ordering': ['-issued_on', '-id'],
                'indexes': [models.Index(fields=['unit', 'issued_on'], name='directives__unit_id_dbcf3d_idx'), models.Index(fields=['issued_on', 'id'], name='directive_list_order')],
            },
        ),
        migrations.CreateModel(
            name='Implementation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('implemented_on', models.DateField(blank=True, null=True, verbose_name='date')),
                ('description', models.TextField(blank=True, verbose_name='how it was implemented')),
                ('directive', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='implementations', to='directives.directive', verbose_name='directive implemented')),
                ('document', models.ForeignKey(blank=True, help_text="The unit's own directive that concretises it, if any.", null=True, on_delete=django.db.models.deletion.CASCADE, related_name='implements_links', to='directives.directive', verbose_name='own document')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='implementations', to='units.unit', verbose_name='implementing unit')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'implementation',
                'verbose_name_plural': 'implementations',
                'ordering': ['directive', 'unit__path'],
                'indexes': [models.Index(fields=['directive', 'unit'], name='directives__directi_fa6925_idx')],
                'constraints': [models.UniqueConstraint(fields=('directive', 'document'), name='unique_implementing_document')],
            },
        ),
        migrations.CreateModel(
            name='Obligation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=300, verbose_name='obligation')),
                ('kind', models.CharField(choices=[('dialogue', 'Dialogue with the people'), ('review', 'Interim or final review'), ('supervision_plan', 'Supervision plan'), ('report', 'Report'), ('reception', 'Periodic citizen reception by the head of the Party committee'), ('other', 'Other')], default='other', max_length=20, verbose_name='kind')),
                ('level', models.PositiveSmallIntegerField(choices=[(1, 'Province'), (2, 'District'), (3, 'Commune'), (4, 'Hamlet')], verbose_name='units of level')),
                ('period_years', models.PositiveSmallIntegerField(default=1, help_text='1 for every year; 5 for a review after five years.', verbose_name='every (years)')),
                ('times', models.PositiveSmallIntegerField(default=1, verbose_name='at least (times per period)')),
                ('first_year', models.PositiveSmallIntegerField(verbose_name='from year')),
                ('last_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='to year')),
                ('directive', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='obligations', to='directives.directive', verbose_name='directive')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('period_unit', models.CharField(choices=[('year', 'Years'), ('month', 'Months')], default='year', help_text='Months for a duty of every month (reception days, KL 215-KL/TW).', max_length=5, verbose_name='counted per')),
            ],
            options={
                'verbose_name': 'obligation',
                'verbose_name_plural': 'obligations',
                'ordering': ['directive', 'title'],
            },
        ),
        migrations.CreateModel(
            name='ObligationFulfilment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('fulfilled_on', models.DateField(blank=True, null=True, verbose_name='date')),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True)),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='contenttypes.contenttype')),
                ('obligation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='fulfilments', to='directives.obligation', verbose_name='obligation')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='obligation_fulfilments', to='units.unit', verbose_name='unit')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('month', models.PositiveSmallIntegerField(blank=True, help_text='For a monthly obligation: the month it counts for.', null=True, verbose_name='month')),
            ],
            options={
                'verbose_name': 'obligation fulfilment',
                'verbose_name_plural': 'obligation fulfilments',
                'ordering': ['obligation', 'year', 'unit__path'],
                'indexes': [models.Index(fields=['obligation', 'year', 'unit'], name='directives__obligat_7b37e9_idx')],
            },
        ),
        migrations.AlterModelOptions(
            name='obligationfulfilment',
            options={'ordering': ['obligation', 'year', 'month', 'unit__path'], 'verbose_name': 'obligation fulfilment', 'verbose_name_plural': 'obligation fulfilments'},
        ),
    ]
