from django.db import migrations, models


def forget_lines(apps, schema_editor):
    """Stored lines are derived data; the old ones carried their report entry inside `row`
    and are simply recomputed on the next visit."""
    apps.get_model("audit", "StoredRow").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0010_seed_rubric_version_3"),
    ]

    operations = [
        migrations.AddField(
            model_name="storedrow",
            name="entry",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(forget_lines, migrations.RunPython.noop, elidable=True),
    ]
