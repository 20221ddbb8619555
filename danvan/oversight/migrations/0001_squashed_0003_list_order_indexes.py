"""Every migration of this app in one (issue 10: `danvan demo` on a fresh machine): each model is created with
its final fields, indexes and constraints, instead of the project's models being rendered again after each
later field or index. The replaced migrations stay, for the databases that applied them."""

import danvan.core.uploads
import datetime
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('oversight', '0001_initial'), ('oversight', '0002_finding_version_followup_version_meeting_version_and_more'), ('oversight', '0003_list_order_indexes')]

    initial = True

    dependencies = [
        ('directives', '0001_initial'),
        ('organizations', '0002_seed_kinds'),
        ('people', '0001_initial'),
        ('units', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Meeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('kind', models.CharField(choices=[('briefing', 'Briefing'), ('interim_review', 'Interim review'), ('final_review', 'Final review'), ('thematic', 'Thematic conference')], max_length=20, verbose_name='kind')),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('held_on', models.DateField(verbose_name='date')),
                ('place', models.CharField(blank=True, max_length=300, verbose_name='place')),
                ('chair_title', models.CharField(blank=True, max_length=300, verbose_name="chair's title at the time")),
                ('summary', models.TextField(blank=True, verbose_name='summary')),
                ('conclusions', models.TextField(blank=True, verbose_name='conclusions')),
                ('chair', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='chaired_meetings', to='people.person', verbose_name='chair')),
                ('directives', models.ManyToManyField(blank=True, related_name='meetings', to='directives.directive', verbose_name='directives concerned')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='organizations.organization', verbose_name='convened by')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='units.unit', verbose_name='unit')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'meeting',
                'verbose_name_plural': 'meetings',
                'ordering': ['-held_on', '-id'],
                'indexes': [models.Index(fields=['unit', 'held_on'], name='oversight_m_unit_id_77f078_idx'), models.Index(fields=['held_on', 'id'], name='meeting_list_order')],
            },
        ),
        migrations.CreateModel(
            name='MeetingAttendee',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=300, verbose_name='title at the time')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendees', to='oversight.meeting')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meeting_attendances', to='people.person', verbose_name='person')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'attendee',
                'verbose_name_plural': 'attendees',
                'ordering': ['pk'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'person'), name='unique_meeting_attendee')],
            },
        ),
        migrations.CreateModel(
            name='MeetingDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                ('is_public', models.BooleanField(default=False, help_text='Shown on the public pages.', verbose_name='public')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                ('file', models.FileField(upload_to='meetings/%Y/%m/', validators=[danvan.core.uploads.FileCheck()], verbose_name='file')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='oversight.meeting')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'meeting document',
                'verbose_name_plural': 'meeting documents',
            },
        ),
        migrations.CreateModel(
            name='Mission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('kind', models.CharField(choices=[('inspection', 'Inspection'), ('survey', 'Survey'), ('supervision', 'Supervision'), ('working', 'Working visit')], max_length=20, verbose_name='kind')),
                ('subject', models.TextField(verbose_name='subject')),
                ('planned_start', models.DateField(verbose_name='planned start')),
                ('planned_end', models.DateField(blank=True, null=True, verbose_name='planned end')),
                ('started_on', models.DateField(blank=True, null=True, verbose_name='actual start')),
                ('ended_on', models.DateField(blank=True, null=True, verbose_name='actual end')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('concluded', 'Concluded'), ('closed', 'Closed')], default='planned', max_length=20, verbose_name='status')),
                ('summary', models.TextField(blank=True, verbose_name='summary')),
                ('directives', models.ManyToManyField(blank=True, related_name='missions', to='directives.directive', verbose_name='directives concerned')),
                ('leading_organization', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='led_missions', to='organizations.organization', verbose_name='leading organisation')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='missions', to='units.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'mission',
                'verbose_name_plural': 'missions',
                'ordering': ['-planned_start', '-id'],
                'indexes': [models.Index(fields=['unit', 'planned_start'], name='oversight_m_unit_id_3f7061_idx'), models.Index(fields=['status', 'planned_start'], name='oversight_m_status_605090_idx'), models.Index(fields=['planned_start', 'id'], name='mission_list_order')],
            },
        ),
        migrations.CreateModel(
            name='FollowUp',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('kind', models.CharField(choices=[('recommendation', 'Recommendation'), ('task', 'Task')], max_length=20, verbose_name='kind')),
                ('text', models.TextField(verbose_name='text')),
                ('deadline', models.DateField(blank=True, null=True, verbose_name='deadline')),
                ('status', models.CharField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='open', max_length=20, verbose_name='status')),
                ('completed_on', models.DateField(blank=True, null=True, verbose_name='completed on')),
                ('owner_organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='follow_ups', to='organizations.organization', verbose_name='owner organisation')),
                ('owner_unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='follow_ups', to='units.unit', verbose_name='owner unit')),
                ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='follow_ups', to='oversight.meeting', verbose_name='meeting')),
                ('mission', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='follow_ups', to='oversight.mission', verbose_name='mission')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'follow-up',
                'verbose_name_plural': 'follow-ups',
                'ordering': ['deadline', 'pk'],
                'indexes': [models.Index(fields=['status', 'deadline'], name='oversight_f_status_afb544_idx'), models.Index(fields=['owner_unit', 'status', 'deadline'], name='oversight_f_owner_u_9caca7_idx'), models.Index(fields=['deadline', 'id'], name='followup_list_order')],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('meeting__isnull', True), ('mission__isnull', False)), models.Q(('meeting__isnull', False), ('mission__isnull', True)), _connector='OR'), name='follow_up_has_one_source')],
            },
        ),
        migrations.CreateModel(
            name='MissionDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=200, verbose_name='title')),
                ('is_public', models.BooleanField(default=False, help_text='Shown on the public pages.', verbose_name='public')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True)),
                ('file', models.FileField(upload_to='missions/%Y/%m/', validators=[danvan.core.uploads.FileCheck()], verbose_name='file')),
                ('mission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='oversight.mission')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'mission document',
                'verbose_name_plural': 'mission documents',
            },
        ),
        migrations.CreateModel(
            name='MissionMember',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=300, verbose_name='title at the time')),
                ('is_leader', models.BooleanField(default=False, verbose_name='mission leader')),
                ('mission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='oversight.mission')),
                ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='mission_memberships', to='people.person', verbose_name='person')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'mission member',
                'verbose_name_plural': 'mission members',
                'ordering': ['-is_leader', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('mission', 'person'), name='unique_mission_member')],
            },
        ),
        migrations.CreateModel(
            name='MissionTarget',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('received_by_title', models.CharField(blank=True, max_length=300, verbose_name='title at the time')),
                ('mission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='oversight.mission')),
                ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organizations.organization', verbose_name='target organisation')),
                ('received_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='people.person', verbose_name='received by')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='units.unit', verbose_name='target unit')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'mission target',
                'verbose_name_plural': 'mission targets',
                'ordering': ['pk'],
                'constraints': [models.UniqueConstraint(fields=('mission', 'unit', 'organization'), name='unique_mission_target')],
            },
        ),
        migrations.CreateModel(
            name='Finding',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('part', models.CharField(choices=[('strength', 'Results and strengths'), ('shortcoming', 'Shortcomings'), ('cause', 'Causes')], max_length=20, verbose_name='part')),
                ('text', models.TextField(verbose_name='text')),
                ('mission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='findings', to='oversight.mission')),
                ('target', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='findings', to='oversight.missiontarget', verbose_name='target')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'finding',
                'verbose_name_plural': 'findings',
                'ordering': ['mission', 'part', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ProgressNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('noted_on', models.DateField(default=datetime.date.today, verbose_name='date')),
                ('text', models.TextField(verbose_name='progress')),
                ('file', models.FileField(blank=True, upload_to='follow-ups/%Y/%m/', validators=[danvan.core.uploads.FileCheck()], verbose_name='evidence file')),
                ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('follow_up', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='progress_notes', to='oversight.followup')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'progress note',
                'verbose_name_plural': 'progress notes',
                'ordering': ['noted_on', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='SupervisionPlan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='supervision_plans', to='organizations.organization', verbose_name='organisation')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='supervision_plans', to='units.unit', verbose_name='unit')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
            ],
            options={
                'verbose_name': 'supervision plan',
                'verbose_name_plural': 'supervision plans',
                'ordering': ['-year', 'title'],
            },
        ),
        migrations.AddField(
            model_name='mission',
            name='plan',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='missions', to='oversight.supervisionplan', verbose_name='supervision plan'),
        ),
        migrations.AddField(
            model_name='mission',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
    ]
