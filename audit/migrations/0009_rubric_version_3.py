"""Rubric version 3's new criterion, "Thực hiện chỉ đạo": its column (0 points for every existing
version). The version itself is seeded by the next migration: on PostgreSQL a data change and a
change of the same table's columns cannot share one transaction (pending trigger events), which
failed when migrating back."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0008_rubric_note_in_product_words")]

    operations = [
        # Every existing version has no such criterion.
        migrations.AddField(
            model_name="rubric",
            name="points_directives",
            field=models.FloatField(
                default=0,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="điểm thực hiện chỉ đạo",
            ),
        ),
        migrations.AlterField(
            model_name="rubric",
            name="points_directives",
            field=models.FloatField(
                default=10,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="điểm thực hiện chỉ đạo",
            ),
        ),
    ]
