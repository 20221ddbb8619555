"""Every migration of this app in one (issue 10: `danvan demo` on a fresh machine): each model is created with
its final fields, indexes and constraints, instead of the project's models being rendered again after each
later field or index. The replaced migrations stay, for the databases that applied them."""

import importlib
import danvan.core.uploads
import django.core.validators
import django.db.migrations.operations.special
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _replaced(name):
    """One of the migrations this one replaces, which keep the data functions."""
    return importlib.import_module(f"danvan.core.migrations.{name}")


class Migration(migrations.Migration):

    replaces = [('core', '0001_initial'), ('core', '0002_documents'), ('core', '0003_seed_documents'), ('core', '0004_aggregates'), ('core', '0005_working_calendar'), ('core', '0006_front_and_mass_formats'), ('core', '0007_mass_format_as_the_doan_guide'), ('core', '0008_certificate_lines')]

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('organizations', '0003_organization_version_organizationlink_version'),
        ('units', '0002_unit_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TransitionRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('source', models.CharField(max_length=40, verbose_name='from')),
                ('target', models.CharField(max_length=40, verbose_name='to')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='at')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'status change',
                'verbose_name_plural': 'status changes',
                'indexes': [models.Index(fields=['content_type', 'object_id'], name='core_transi_content_20ad04_idx')],
            },
        ),
        migrations.CreateModel(
            name='DocumentFormat',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=20, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('legal_basis', models.CharField(blank=True, max_length=300, verbose_name='legal basis')),
                ('national_title', models.CharField(blank=True, help_text="Blank: the issuing organisation kind's own title.", max_length=200, verbose_name='national title')),
                ('motto', models.CharField(blank=True, max_length=200, verbose_name='motto')),
                ('title_rule', models.CharField(blank=True, max_length=60, verbose_name='rule under the national title')),
                ('issuer_mark', models.CharField(blank=True, max_length=60, verbose_name='mark under the issuing body')),
                ('number_label', models.CharField(help_text='“Số” or “Số:”.', max_length=20, verbose_name='label before the number')),
                ('symbol_pattern', models.CharField(help_text='With {number}, {type} and {issuer}: “{number}-{type}/{issuer}” or “{number}/{type}-{issuer}”.', max_length=60, verbose_name='symbol pattern')),
                ('on_behalf_label', models.CharField(help_text='“T/M” or “TM.”.', max_length=10, verbose_name='“on behalf of” label')),
                ('deputy_label', models.CharField(help_text='“K/T” or “KT.”.', max_length=10, verbose_name='“for the head” label')),
                ('by_order_label', models.CharField(help_text='“T/L” or “TL.”.', max_length=10, verbose_name='“by order of” label')),
                ('number_width', models.PositiveSmallIntegerField(default=2, validators=[django.core.validators.MaxValueValidator(6)], verbose_name='digits of the number')),
                ('numbering', models.CharField(choices=[('term', 'Per term of the Party committee'), ('year', 'Per calendar year')], max_length=10, verbose_name='numbering')),
                ('font_name', models.CharField(default='Times New Roman', max_length=60, verbose_name='font')),
                ('page_width_mm', models.PositiveSmallIntegerField(default=210, validators=[django.core.validators.MinValueValidator(100), django.core.validators.MaxValueValidator(500)], verbose_name='page width (mm)')),
                ('page_height_mm', models.PositiveSmallIntegerField(default=297, validators=[django.core.validators.MinValueValidator(100), django.core.validators.MaxValueValidator(500)], verbose_name='page height (mm)')),
                ('margin_top_mm', models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(60)], verbose_name='top margin (mm)')),
                ('margin_bottom_mm', models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(60)], verbose_name='bottom margin (mm)')),
                ('margin_left_mm', models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(60)], verbose_name='left margin (mm)')),
                ('margin_right_mm', models.PositiveSmallIntegerField(validators=[django.core.validators.MaxValueValidator(60)], verbose_name='right margin (mm)')),
            ],
            options={
                'verbose_name': 'document format',
                'verbose_name_plural': 'document formats',
                'ordering': ['code'],
            },
        ),
        migrations.CreateModel(
            name='Term',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=60, verbose_name='name')),
                ('starts_on', models.DateField(unique=True, verbose_name='starts on')),
            ],
            options={
                'verbose_name': 'term',
                'verbose_name_plural': 'terms',
                'ordering': ['-starts_on'],
            },
        ),
        migrations.CreateModel(
            name='DocumentType',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('abbreviation', models.CharField(help_text='In the symbol: BC, QĐ, TB …', max_length=10, verbose_name='abbreviation')),
                ('layout', models.CharField(choices=[('text', 'Text document'), ('certificate', 'Commendation certificate')], default='text', max_length=20, verbose_name='layout')),
                ('landscape', models.BooleanField(default=False, verbose_name='landscape')),
                ('formats', models.ManyToManyField(blank=True, related_name='types', to='core.documentformat', verbose_name='formats that may issue it')),
            ],
            options={
                'verbose_name': 'document type',
                'verbose_name_plural': 'document types',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='DocumentTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to='documents/templates/', validators=[danvan.core.uploads.FileCheck(kinds=('office',))], verbose_name='template (.docx)')),
                ('format', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='templates', to='core.documentformat', verbose_name='format')),
                ('type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='templates', to='core.documenttype', verbose_name='type')),
            ],
            options={
                'verbose_name': 'document template',
                'verbose_name_plural': 'document templates',
                'constraints': [models.UniqueConstraint(fields=('type', 'format'), name='unique_document_template')],
            },
        ),
        migrations.CreateModel(
            name='DocumentCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('period', models.CharField(max_length=20)),
                ('last', models.PositiveIntegerField(default=0)),
                ('issuer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.organization')),
                ('type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.documenttype')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('issuer', 'period', 'type'), name='unique_document_counter')],
            },
        ),
        migrations.CreateModel(
            name='Document',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('period', models.CharField(max_length=20, verbose_name='numbering period')),
                ('number', models.PositiveIntegerField(verbose_name='number')),
                ('symbol', models.CharField(max_length=80, verbose_name='number and symbol')),
                ('place', models.CharField(max_length=100, verbose_name='place of issue')),
                ('issued_on', models.DateField(verbose_name='date')),
                ('summary', models.CharField(blank=True, max_length=500, verbose_name='summary of contents')),
                ('signer_name', models.CharField(max_length=150, verbose_name='signer')),
                ('authority', models.CharField(blank=True, choices=[('', 'None (the head signs in their own name)'), ('TM', 'T/M'), ('KT', 'K/T'), ('TL', 'T/L')], max_length=4, verbose_name='authority')),
                ('signer_title', models.CharField(max_length=200, verbose_name="signer's title")),
                ('recipients', models.JSONField(blank=True, default=list, verbose_name='recipients of the document')),
                ('header', models.JSONField(default=dict, editable=False, verbose_name='header as issued')),
                ('file', models.FileField(upload_to='documents/%Y/', verbose_name='document (.docx)')),
                ('sha256', models.CharField(editable=False, max_length=64)),
                ('pdf', models.FileField(blank=True, upload_to='documents/%Y/', verbose_name='document (.pdf)')),
                ('source_id', models.PositiveBigIntegerField(blank=True, null=True)),
                ('source_key', models.CharField(blank=True, help_text="Which of the source's documents (one per recipient …).", max_length=40)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('corrects', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='corrections', to='core.document', verbose_name='corrects')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('issuer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='organizations.organization', verbose_name='issuing body')),
                ('source_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='units.unit', verbose_name='unit')),
                ('format', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='core.documentformat', verbose_name='format')),
                ('type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='core.documenttype', verbose_name='type')),
            ],
            options={
                'verbose_name': 'document',
                'verbose_name_plural': 'documents',
                'ordering': ['-issued_on', '-pk'],
                'indexes': [models.Index(fields=['source_type', 'source_id', 'source_key'], name='core_docume_source__9735cd_idx'), models.Index(fields=['unit', 'issued_on'], name='core_docume_unit_id_3d55d9_idx')],
                'constraints': [models.UniqueConstraint(fields=('issuer', 'period', 'type', 'number'), name='unique_document_number')],
            },
        ),
        migrations.CreateModel(
            name='FormatElement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('element', models.CharField(choices=[('national_title', 'National title'), ('motto', 'Motto'), ('title_rule', 'Rule under the national title'), ('superior', 'Superior body'), ('issuer', 'Issuing body'), ('issuer_mark', 'Mark under the issuing body'), ('symbol', 'Number and symbol'), ('place_date', 'Place and date'), ('type_name', 'Type name'), ('summary', 'Summary'), ('heading', 'Heading in the body'), ('body', 'Body'), ('recipient', 'Person or collective commended'), ('awarder', 'Who awards (certificate)'), ('award_verb', '“Awards” line (certificate)'), ('certificate_title', "Certificate's title"), ('authority', "Authority and signer's title"), ('signer', "Signer's name"), ('recipients_heading', '“Recipients:” heading'), ('recipients', 'Recipients list')], max_length=30, verbose_name='element')),
                ('size', models.DecimalField(decimal_places=1, max_digits=4, validators=[django.core.validators.MinValueValidator(6), django.core.validators.MaxValueValidator(40)], verbose_name='size (pt)')),
                ('bold', models.BooleanField(default=False, verbose_name='bold')),
                ('italic', models.BooleanField(default=False, verbose_name='italic')),
                ('upper', models.BooleanField(default=False, verbose_name='capitals')),
                ('underline', models.BooleanField(default=False, verbose_name='underlined')),
                ('format', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='elements', to='core.documentformat')),
            ],
            options={
                'verbose_name': 'format element',
                'verbose_name_plural': 'format elements',
                'ordering': ['format', 'element'],
                'constraints': [models.UniqueConstraint(fields=('format', 'element'), name='unique_format_element')],
            },
        ),
        migrations.RunPython(
            code=_replaced('0003_seed_documents').seed,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
        migrations.CreateModel(
            name='Aggregate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('counted', models.CharField(max_length=60)),
                ('path', models.CharField(blank=True, max_length=40)),
                ('dimension', models.CharField(max_length=40)),
                ('year', models.PositiveSmallIntegerField(default=0)),
                ('value', models.CharField(blank=True, default='', max_length=200)),
                ('state', models.CharField(blank=True, default='', max_length=40)),
                ('count', models.BigIntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('counted', 'path', 'dimension', 'year', 'value', 'state'), name='unique_aggregate_key')],
            },
        ),
        migrations.CreateModel(
            name='CalendarDay',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(unique=True, verbose_name='date')),
                ('kind', models.CharField(choices=[('day_off', 'Day off'), ('working_day', 'Working day (made up)')], max_length=20, verbose_name='kind')),
                ('name', models.CharField(max_length=200, verbose_name='reason')),
                ('basis', models.CharField(blank=True, max_length=300, verbose_name='announced by')),
                ('changed_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'verbose_name': 'announced day',
                'verbose_name_plural': 'announced days',
                'ordering': ['-date'],
            },
        ),
        migrations.CreateModel(
            name='CalendarYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(unique=True, verbose_name='year')),
                ('announcement', models.CharField(help_text="The text that announced the year's days off, e.g. “Thông báo số 6150/TB-BLĐTBXH”.", max_length=300, verbose_name='announcement')),
                ('changed_at', models.DateTimeField(auto_now=True)),
            ],
            options={
                'verbose_name': 'calendar year',
                'verbose_name_plural': 'calendar years',
                'ordering': ['-year'],
            },
        ),
        migrations.RunPython(
            code=_replaced('0006_front_and_mass_formats').restate_the_front,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
        migrations.RunPython(
            code=_replaced('0007_mass_format_as_the_doan_guide').follow_the_doan_guide,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
        migrations.RunPython(
            code=_replaced('0008_certificate_lines').add_the_certificate_lines,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
    ]
