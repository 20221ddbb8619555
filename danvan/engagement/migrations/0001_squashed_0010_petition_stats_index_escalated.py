"""Every migration of this app in one (issue 10: `danvan demo` on a fresh machine): each model is created with
its final fields, indexes and constraints, instead of the project's models being rendered again after each
later field or index. The replaced migrations stay, for the databases that applied them."""

import importlib
import django.core.validators
import django.db.migrations.operations.special
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _replaced(name):
    """One of the migrations this one replaces, which keep the data functions."""
    return importlib.import_module(f"danvan.engagement.migrations.{name}")


class Migration(migrations.Migration):

    replaces = [('engagement', '0001_initial'), ('engagement', '0002_petitions'), ('engagement', '0003_seed_catalogues'), ('engagement', '0004_public_tracking_and_status_labels'), ('engagement', '0005_petition_stats_index'), ('engagement', '0006_hot_cases'), ('engagement', '0007_petition_stats_index_repeats'), ('engagement', '0008_petition_deadline_pending_year'), ('engagement', '0009_petition_addressed_level'), ('engagement', '0010_petition_stats_index_escalated')]

    initial = True

    dependencies = [
        ('organizations', '0005_kind_document_title'),
        ('people', '0003_search_within_unit_index'),
        ('units', '0002_unit_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Dialogue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('kind', models.CharField(choices=[('periodic', 'Periodic dialogue'), ('ad_hoc', 'Ad hoc dialogue'), ('thematic', 'Thematic dialogue'), ('party_reception', 'Citizen reception by the head of the Party committee'), ('government_reception', 'Citizen reception by the head of the government')], max_length=30, verbose_name='kind')),
                ('chair_title', models.CharField(blank=True, editable=False, max_length=300, verbose_name="chair's title that day")),
                ('date', models.DateField(verbose_name='date')),
                ('place', models.CharField(blank=True, max_length=300, verbose_name='place')),
                ('participants', models.PositiveIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(100000)], verbose_name='participants (lượt)')),
                ('opinions_raised', models.PositiveIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(10000)], verbose_name='opinions raised')),
                ('opinions_answered', models.PositiveIntegerField(default=0, validators=[django.core.validators.MaxValueValidator(10000)], verbose_name='opinions answered on the spot')),
                ('summary', models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='summary')),
                ('chair', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='chaired_dialogues', to='people.person', verbose_name='chair')),
                ('organizations', models.ManyToManyField(related_name='dialogues', to='organizations.organization', verbose_name='held by')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='dialogues', to='units.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'dialogue',
                'verbose_name_plural': 'dialogues',
                'ordering': ['-date', '-id'],
                'indexes': [models.Index(fields=['unit', 'date'], name='engagement__unit_id_a3c6ee_idx'), models.Index(fields=['date', 'id'], name='dialogue_list_order')],
            },
        ),
        migrations.CreateModel(
            name='PetitionField',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='name')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'petition field',
                'verbose_name_plural': 'petition fields',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='PetitionKind',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                ('time_limit_days', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(365)], verbose_name='time limit (working days)')),
                ('legal_basis', models.CharField(help_text='The article of law or local rule that sets the time limit.', max_length=300, verbose_name='legal basis')),
                ('own_law', models.BooleanField(default=False, help_text='Complaints and denunciations follow Luật Khiếu nại 2011 and Luật Tố cáo 2018.', verbose_name='handled under its own law')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'petition kind',
                'verbose_name_plural': 'petition kinds',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='Petition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('channel', models.CharField(choices=[('dialogue', 'At a dialogue'), ('reception', 'At a citizen reception'), ('letter', 'Letter'), ('phone', 'Phone'), ('online', 'Online'), ('front', 'Forwarded by the Front or a mass organisation'), ('supervision', 'Raised by a supervision mission')], max_length=20, verbose_name='channel')),
                ('content', models.TextField(validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='content')),
                ('petitioner_name', models.CharField(blank=True, help_text='Leave empty for an anonymous petition.', max_length=150, verbose_name="petitioner's name")),
                ('petitioner_contact', models.CharField(blank=True, max_length=200, verbose_name="petitioner's contact")),
                ('received_on', models.DateField(verbose_name='received on')),
                ('deadline', models.DateField(editable=False, null=True, verbose_name='deadline')),
                ('status', models.CharField(choices=[('received', 'Received'), ('transferred', 'Transferred, awaiting acceptance'), ('returned', 'Returned, to be re-assigned'), ('accepted', 'Accepted, being handled'), ('answered', 'Answered'), ('closed', 'Closed')], default='received', max_length=20, verbose_name='status')),
                ('answer', models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='public answer')),
                ('answered_on', models.DateField(blank=True, null=True, verbose_name='answered on')),
                ('satisfaction', models.CharField(blank=True, choices=[('satisfied', 'Satisfied'), ('partly', 'Partly satisfied'), ('not_satisfied', 'Not satisfied')], max_length=20, verbose_name="petitioner's satisfaction")),
                ('assigned_to', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='petitions', to='organizations.organization', verbose_name='assigned to')),
                ('dialogue', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='petitions', to='engagement.dialogue', verbose_name='raised at')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='petitions', to='units.unit', verbose_name='unit concerned')),
                ('field', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='petitions', to='engagement.petitionfield', verbose_name='field')),
                ('kind', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='petitions', to='engagement.petitionkind', verbose_name='kind')),
                ('is_escalated', models.BooleanField(default=False, verbose_name='sent above the competent level (vượt cấp)')),
                ('repeat_of', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='repeats', to='engagement.petition', verbose_name='repeat of')),
            ],
            options={
                'verbose_name': 'petition',
                'verbose_name_plural': 'petitions',
                'ordering': ['-received_on', '-id'],
                'permissions': [('view_petitioner', "Can see the petitioner's name and contact")],
                'indexes': [models.Index(fields=['received_on', 'id'], name='petition_list_order'), models.Index(fields=['unit', 'status', 'deadline'], name='engagement__unit_id_8ae25c_idx'), models.Index(fields=['status', 'deadline'], name='engagement__status_d9338c_idx'), models.Index(fields=['received_on', 'unit', 'field', 'kind', 'channel', 'status', 'deadline', 'answered_on', 'repeat_of', 'is_escalated'], name='petition_stats_cover')],
            },
        ),
        migrations.CreateModel(
            name='PetitionTransfer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('sent_on', models.DateField(verbose_name='sent on')),
                ('outcome', models.CharField(choices=[('pending', 'Awaiting acceptance'), ('accepted', 'Accepted'), ('returned', 'Returned')], default='pending', max_length=20, verbose_name='outcome')),
                ('reason', models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='reason')),
                ('decided_on', models.DateField(blank=True, null=True, verbose_name='decided on')),
                ('from_body', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization', verbose_name='from')),
                ('petition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transfers', to='engagement.petition')),
                ('to_body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization', verbose_name='to')),
            ],
            options={
                'verbose_name': 'transfer',
                'verbose_name_plural': 'transfers',
                'ordering': ['sent_on', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='PetitionerRead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='at')),
                ('surface', models.CharField(default='page', max_length=20, verbose_name='where')),
                ('petition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='petitioner_reads', to='engagement.petition')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='read by')),
            ],
            options={
                'verbose_name': "read of the petitioner's data",
                'verbose_name_plural': "reads of the petitioner's data",
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['petition', 'at'], name='engagement__petitio_b3c5a8_idx')],
            },
        ),
        migrations.RunPython(
            code=_replaced('0003_seed_catalogues').seed,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
        migrations.CreateModel(
            name='PetitionTracking',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code_hash', models.CharField(editable=False, max_length=64, unique=True)),
                ('petition', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='tracking', to='engagement.petition')),
            ],
            options={
                'verbose_name': 'tracking code',
                'verbose_name_plural': 'tracking codes',
            },
        ),
        migrations.CreateModel(
            name='PetitionStatusLabel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('status', models.CharField(choices=[('received', 'Received'), ('transferred', 'Transferred, awaiting acceptance'), ('returned', 'Returned, to be re-assigned'), ('accepted', 'Accepted, being handled'), ('answered', 'Answered'), ('closed', 'Closed')], max_length=20, verbose_name='status')),
                ('label', models.CharField(max_length=100, verbose_name='label')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='petition_status_labels', to='units.unit', verbose_name='province')),
            ],
            options={
                'verbose_name': 'status label',
                'verbose_name_plural': 'status labels',
                'ordering': ['unit', 'status'],
                'constraints': [models.UniqueConstraint(fields=('unit', 'status'), name='one_status_label_per_province')],
            },
        ),
        migrations.CreateModel(
            name='HotCase',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('name', models.CharField(max_length=300, verbose_name='name')),
                ('description', models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='description')),
                ('leader_title', models.CharField(blank=True, editable=False, max_length=300, verbose_name="leader's title")),
                ('opened_on', models.DateField(verbose_name='opened on')),
                ('settled_on', models.DateField(blank=True, null=True, verbose_name='settled on')),
                ('settlement', models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='how it was settled')),
                ('leader', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='hot_cases_led', to='people.person', verbose_name='leader in charge')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='hot_cases', to='units.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'hot case',
                'verbose_name_plural': 'hot cases',
                'ordering': ['-opened_on', '-id'],
                'indexes': [models.Index(fields=['unit', 'settled_on'], name='engagement__unit_id_2e9730_idx'), models.Index(fields=['opened_on', 'id'], name='hotcase_list_order')],
            },
        ),
        migrations.AddField(
            model_name='petition',
            name='case',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='petitions', to='engagement.hotcase', verbose_name='hot case'),
        ),
        migrations.CreateModel(
            name='HotCaseEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('date', models.DateField(verbose_name='date')),
                ('text', models.TextField(validators=[django.core.validators.MaxLengthValidator(20000)], verbose_name='what was done')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='engagement.hotcase', verbose_name='hot case')),
                ('recorded_by', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
            ],
            options={
                'verbose_name': 'hot case event',
                'verbose_name_plural': 'hot case events',
                'ordering': ['date', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='petition',
            name='deadline_pending_year',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, null=True, verbose_name='deadline waits for the calendar of'),
        ),
        migrations.AddField(
            model_name='petition',
            name='addressed_level',
            field=models.PositiveSmallIntegerField(blank=True, choices=[(1, 'Province'), (2, 'District'), (3, 'Commune')], help_text='The level of government the petitioner sent it to. Above the level responsible for the unit concerned, the petition is escalated (vượt cấp).', null=True, verbose_name='level addressed'),
        ),
        migrations.AlterField(
            model_name='petition',
            name='is_escalated',
            field=models.BooleanField(default=False, editable=False, verbose_name='sent above the competent level (vượt cấp)'),
        ),
    ]
