"""Rubric `default` version 2 (audit.md, "Score"): for-show posts earn nothing, −1 per flagged
post up to −20, criteria with nothing due are "not applicable". Version 1 stays as it was
(existing rows keep rules 1), so reports made under it still say version 1.

The values are copied here, not read from the model's defaults or any live code: this
migration must seed the same rubric whatever the code becomes."""

import django.core.validators
from django.db import migrations, models

VERSION_2 = {
    "posts_target": 40,
    "points_structure": 15,
    "points_volume": 20,
    "points_regularity": 10,
    "points_recency": 10,
    "points_disclosure_completeness": 25,
    "points_disclosure_timeliness": 10,
    "points_recurring": 10,
    "penalty_per_flag": 1,
    "penalty_max": 20,
    "regularity_window_weeks": 12,
    "regularity_full_weeks": 10,
    "recency_full_days": 7,
    "recency_mid_days": 14,
    "recency_mid_points": 6,
    "recency_low_days": 30,
    "recency_low_points": 3,
    "thin_min_words": 30,
    "thin_max_images": 1,
    "duplicate_similarity": 0.9,
    "burst_posts": 8,
    "burst_hours": 24,
    "burst_quiet_days": 21,
    "backdated_days": 7,
    "band_excellent": 90,
    "band_good": 80,
    "band_fair": 70,
    "band_average": 50,
    "rules_version": 2,
}
NOTE = (
    "Phiên bản 2: bài chiếu lệ không được tính; trừ 1 điểm mỗi bài, tối đa 20; tiêu chí "
    "không áp dụng được chia trọng số cho các tiêu chí khác"
)


def seed_version_2(apps, schema_editor):
    Rubric = apps.get_model("audit", "Rubric")
    if Rubric.objects.filter(code="default", rules_version=2).exists():
        return
    last = Rubric.objects.filter(code="default").order_by("-version").first()
    Rubric.objects.create(
        code="default", version=(last.version + 1) if last else 2, note=NOTE, **VERSION_2
    )


def drop_version_2(apps, schema_editor):
    Rubric = apps.get_model("audit", "Rubric")
    Rubric.objects.filter(code="default", rules_version=2, note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_event_moved_from_school")]

    operations = [
        # Every existing version was made under the first release's rules.
        migrations.AddField(
            model_name="rubric",
            name="rules_version",
            field=models.PositiveSmallIntegerField(
                default=1, editable=False, verbose_name="quy tắc tính điểm"
            ),
        ),
        migrations.AlterField(
            model_name="rubric",
            name="rules_version",
            field=models.PositiveSmallIntegerField(
                default=2, editable=False, verbose_name="quy tắc tính điểm"
            ),
        ),
        migrations.AlterField(
            model_name="rubric",
            name="penalty_max",
            field=models.FloatField(
                default=20,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="điểm trừ tối đa",
            ),
        ),
        migrations.RunPython(seed_version_2, drop_version_2),
    ]
