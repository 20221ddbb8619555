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
    return importlib.import_module(f"danvan.awards.migrations.{name}")


class Migration(migrations.Migration):

    replaces = [('awards', '0001_initial'), ('awards', '0002_initial'), ('awards', '0003_seed_forms'), ('awards', '0004_commendationdecision_version_and_more'), ('awards', '0005_proposal_proposed_by'), ('awards', '0006_decision_number_from_the_register')]

    initial = True

    dependencies = [
        ('movement', '0001_initial'),
        ('movement', '0005_search_within_unit_index'),
        ('organizations', '0002_seed_kinds'),
        ('organizations', '0005_kind_document_title'),
        ('people', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CommendationForm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'form of commendation',
                'verbose_name_plural': 'forms of commendation',
                'ordering': ['order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='CommendationProposal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('date', models.DateField(verbose_name='date')),
                ('reason', models.TextField(verbose_name='reason')),
                ('status', models.CharField(choices=[('submitted', 'Awaiting decision'), ('accepted', 'Accepted'), ('declined', 'Declined')], default='submitted', max_length=20, verbose_name='status')),
                ('addressed_to', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='received_proposals', to='organizations.organization', verbose_name='addressed to')),
            ],
            options={
                'verbose_name': 'commendation proposal',
                'verbose_name_plural': 'commendation proposals',
                'ordering': ['-date', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ProposedRecipient',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('collective', 'Collective'), ('individual', 'Individual')], max_length=20, verbose_name='recipient kind')),
                ('achievement', models.CharField(blank=True, max_length=500, verbose_name='achievement')),
                ('initiative', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='movement.initiative', verbose_name='initiative')),
                ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization', verbose_name='collective')),
                ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='people.person', verbose_name='individual')),
                ('proposal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recipients', to='awards.commendationproposal')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'proposed recipient',
                'verbose_name_plural': 'proposed recipients',
                'ordering': ['kind', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Recipient',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('collective', 'Collective'), ('individual', 'Individual')], max_length=20, verbose_name='recipient kind')),
                ('achievement', models.CharField(blank=True, max_length=500, verbose_name='achievement')),
            ],
            options={
                'verbose_name': 'recipient',
                'verbose_name_plural': 'recipients',
                'ordering': ['kind', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='CommendationDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('number', models.CharField(blank=True, help_text='The number printed on the paper copy (required for a decision recorded from paper).', max_length=60, verbose_name='number and symbol')),
                ('date', models.DateField(verbose_name='date')),
                ('signer', models.CharField(blank=True, max_length=150, verbose_name='signer')),
                ('signer_title', models.CharField(blank=True, max_length=200, verbose_name="signer's title")),
                ('reason', models.TextField(help_text='Which movement and phase the commendation is for.', verbose_name='reason')),
                ('issuing_body', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='commendation_decisions', to='organizations.organization', verbose_name='issuing body')),
                ('phase', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='movement.phase', verbose_name='phase')),
                ('form', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='awards.commendationform', verbose_name='form')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('recorded_from_paper', models.BooleanField(default=False, help_text='Tick for a decision already issued on paper: type its number. Leave it for a decision the system issues: the register numbers it.', verbose_name='recorded from the paper copy')),
            ],
            options={
                'verbose_name': 'commendation decision',
                'verbose_name_plural': 'commendation decisions',
                'ordering': ['-date', '-pk'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('number', ''), _negated=True), fields=('issuing_body', 'number'), name='unique_decision_number')],
            },
        ),
        migrations.AddField(
            model_name='commendationproposal',
            name='decision',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='proposals', to='awards.commendationdecision', verbose_name='decision'),
        ),
        migrations.AddField(
            model_name='commendationproposal',
            name='form',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='proposals', to='awards.commendationform', verbose_name='form'),
        ),
        migrations.AddField(
            model_name='commendationproposal',
            name='proposing_body',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sent_proposals', to='organizations.organization', verbose_name='proposing body'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='decision',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recipients', to='awards.commendationdecision'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='initiative',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='movement.initiative', verbose_name='initiative'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='organization',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization', verbose_name='collective'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='person',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='people.person', verbose_name='individual'),
        ),
        migrations.RunPython(
            code=_replaced('0003_seed_forms').seed,
            reverse_code=django.db.migrations.operations.special.RunPython.noop,
        ),
        migrations.AddField(
            model_name='commendationproposal',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
        migrations.AddField(
            model_name='recipient',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
        migrations.AddField(
            model_name='commendationproposal',
            name='proposed_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='proposed by'),
        ),
    ]
