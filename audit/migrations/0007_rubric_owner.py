"""Rubric versions get an owner. Every existing version keeps none: today's rubric is the
instance default, which scores every school until its authority (or one above) has its own."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0006_rubric_version_2'),
        ('tenants', '0002_remove_wagtail_welcome_site'),
    ]

    operations = [
        migrations.AddField(
            model_name='rubric',
            name='owner',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.authority', verbose_name='đơn vị sở hữu'),
        ),
    ]
