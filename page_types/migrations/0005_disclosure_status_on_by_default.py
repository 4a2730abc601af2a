"""Parents see each school's disclosure completeness unless the office turns it off: the new
default, applied to the offices that never chose (every one so far had the old default)."""

from django.db import migrations, models


def turn_on(apps, schema_editor):
    apps.get_model("page_types", "OfficeHomePage").objects.update(show_disclosure_status=True)


class Migration(migrations.Migration):
    dependencies = [("page_types", "0004_seed_blueprint")]

    operations = [
        migrations.AlterField(
            model_name="officehomepage",
            name="show_disclosure_status",
            field=models.BooleanField(
                default=True, verbose_name="hiện tình trạng công khai của các trường"
            ),
        ),
        migrations.RunPython(turn_on, migrations.RunPython.noop),
    ]
