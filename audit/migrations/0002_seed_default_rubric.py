from django.db import migrations


def seed(apps, schema_editor):
    Rubric = apps.get_model("audit", "Rubric")
    if not Rubric.objects.filter(code="default").exists():
        # Field defaults are the rubric of audit.md (version 1).
        Rubric.objects.create(code="default", version=1, note="Phiên bản đầu (theo audit.md)")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
