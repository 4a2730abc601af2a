from django.db import migrations

OLD = "Phiên bản đầu (theo audit.md)"
NEW = "Phiên bản đầu: bộ tiêu chí mặc định của cổng thông tin"


def reword(apps, schema_editor):
    """The first version's note named a design document ("theo audit.md") that office staff
    never see; say what the version is instead."""
    Rubric = apps.get_model("audit", "Rubric")
    Rubric.objects.filter(note=OLD).update(note=NEW)


def unreword(apps, schema_editor):
    Rubric = apps.get_model("audit", "Rubric")
    Rubric.objects.filter(note=NEW).update(note=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0007_rubric_owner"),
    ]

    operations = [migrations.RunPython(reword, unreword)]
