"""Every migration of this app in one (issue 10: `danvan demo` on a fresh machine): each model is created with
its final fields, indexes and constraints, instead of the project's models being rendered again after each
later field or index. The replaced migrations stay, for the databases that applied them."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('units', '0001_initial'), ('units', '0002_unit_version')]

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='Unit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='valid from')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='valid to')),
                ('search_text', models.TextField(blank=True, default='', editable=False)),
                ('official_key', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                ('code', models.CharField(blank=True, max_length=20, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('type', models.CharField(choices=[('tinh', 'province (tỉnh)'), ('thanh_pho_tw', 'centrally-run city (thành phố)'), ('huyen', 'rural district (huyện)'), ('quan', 'urban district (quận)'), ('thi_xa', 'town (thị xã)'), ('thanh_pho', 'provincial city (thành phố)'), ('xa', 'commune (xã)'), ('phuong', 'ward (phường)'), ('thi_tran', 'township (thị trấn)'), ('dac_khu', 'special zone (đặc khu)'), ('ap', 'hamlet (ấp)'), ('thon', 'hamlet (thôn)'), ('xom', 'hamlet (xóm)'), ('khom', 'hamlet (khóm)'), ('ban', 'hamlet (bản)'), ('to_dan_pho', 'residential group (tổ dân phố)'), ('khu_pho', 'quarter (khu phố)')], max_length=20, verbose_name='type')),
                ('level', models.PositiveSmallIntegerField(choices=[(1, 'Province'), (2, 'District'), (3, 'Commune'), (4, 'Hamlet')], editable=False, verbose_name='level')),
                ('path', models.CharField(db_index=True, default='', editable=False, max_length=40)),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='units.unit', verbose_name='parent unit')),
            ],
            options={
                'verbose_name': 'unit',
                'verbose_name_plural': 'units',
                'ordering': ['level', 'name'],
                'indexes': [models.Index(fields=['level', 'valid_to'], name='units_unit_level_ed8a2b_idx'), models.Index(fields=['code'], name='units_unit_code_497400_idx')],
            },
        ),
        migrations.CreateModel(
            name='UnitSuccession',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('merge', 'merged into'), ('rename', 'renamed to'), ('split', 'split into')], default='merge', max_length=10, verbose_name='kind')),
                ('date', models.DateField(blank=True, null=True, verbose_name='date')),
                ('predecessor', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='successions_as_predecessor', to='units.unit')),
                ('successor', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='successions_as_successor', to='units.unit')),
            ],
            options={
                'verbose_name': 'unit succession',
                'verbose_name_plural': 'unit successions',
                'constraints': [models.UniqueConstraint(fields=('predecessor', 'successor'), name='unique_unit_succession')],
            },
        ),
        migrations.AddField(
            model_name='unit',
            name='successors',
            field=models.ManyToManyField(blank=True, related_name='predecessors', through='units.UnitSuccession', to='units.unit'),
        ),
        migrations.AddField(
            model_name='unit',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name='version'),
        ),
    ]
