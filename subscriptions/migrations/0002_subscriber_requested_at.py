"""When the last confirmation was asked for: unconfirmed addresses are erased some days after it
(subscriptions.tasks.purge_unconfirmed). Existing rows take their creation time."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def from_created_at(apps, schema_editor):
    apps.get_model("subscriptions", "Subscriber").objects.update(requested_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("tenants", "0002_remove_wagtail_welcome_site"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="requested_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(from_created_at, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="subscriber",
            index=models.Index(fields=["confirmed_at", "requested_at"], name="subscriber_pending"),
        ),
    ]
