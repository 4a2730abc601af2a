"""Seed the three regulation profiles and their items (domain/regulations.md)."""

from django.db import migrations


def seed(apps, schema_editor):
    from regulations.catalogue_data import seed as seed_catalogue

    seed_catalogue(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("regulations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
