"""The blueprint's built-in sections, from the structure shipped in code."""

from django.db import migrations


def seed(apps, schema_editor):
    from page_types.blueprint.seed import seed_rows

    BlueprintSection = apps.get_model("page_types", "BlueprintSection")
    if not BlueprintSection.objects.exists():
        seed_rows(BlueprintSection)


def unseed(apps, schema_editor):
    BlueprintSection = apps.get_model("page_types", "BlueprintSection")
    BlueprintSection.objects.filter(parent__isnull=False).delete()
    BlueprintSection.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("page_types", "0003_blueprintsection")]

    operations = [migrations.RunPython(seed, unseed)]
