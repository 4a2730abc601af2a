"""Blueprint rows get an owner. Every existing row keeps none: today's blueprint becomes the
instance default, which schools follow until their authority (or one above) has its own."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('page_types', '0005_disclosure_status_on_by_default'),
        ('tenants', '0002_remove_wagtail_welcome_site'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='blueprintsection',
            name='blueprint_section_unique_top_slug',
        ),
        migrations.AddField(
            model_name='blueprintsection',
            name='owner',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='tenants.authority', verbose_name='đơn vị sở hữu'),
        ),
        migrations.AddConstraint(
            model_name='blueprintsection',
            constraint=models.UniqueConstraint(condition=models.Q(('owner__isnull', True), ('parent__isnull', True)), fields=('slug',), name='blueprint_section_unique_top_slug'),
        ),
        migrations.AddConstraint(
            model_name='blueprintsection',
            constraint=models.UniqueConstraint(condition=models.Q(('owner__isnull', False), ('parent__isnull', True)), fields=('owner', 'slug'), name='blueprint_section_unique_owned_top_slug'),
        ),
    ]
