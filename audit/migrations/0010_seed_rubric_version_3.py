"""Rubric `default` version 3: a criterion "Thực hiện chỉ đạo" (share of the office's
directives due so far that the school did by their deadline; not applicable when none was
due). Earlier versions get 0 points for it, so their reports stay what they were.

Default weight 10 of 100: a directive is the office's own order, worth as much as the
timeliness of the legal disclosures, yet a school that ignores every directive still keeps
90 % of what its site earns. The seven criteria of version 2 keep their proportions (each ×0.9,
the recency steps too), so a school with no directive due scores exactly as under version 2.

The values are copied here, not read from the model's defaults or any live code: this
migration must seed the same rubric whatever the code becomes."""

from django.db import migrations

VERSION_3 = {
    "posts_target": 40,
    "points_structure": 13.5,
    "points_volume": 18,
    "points_regularity": 9,
    "points_recency": 9,
    "points_disclosure_completeness": 22.5,
    "points_disclosure_timeliness": 9,
    "points_recurring": 9,
    "points_directives": 10,
    "penalty_per_flag": 1,
    "penalty_max": 20,
    "regularity_window_weeks": 12,
    "regularity_full_weeks": 10,
    "recency_full_days": 7,
    "recency_mid_days": 14,
    "recency_mid_points": 5.4,
    "recency_low_days": 30,
    "recency_low_points": 2.7,
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
    "Phiên bản 3: thêm tiêu chí Thực hiện chỉ đạo (10 điểm: chỉ đạo là mệnh lệnh của Phòng/Sở, "
    "nặng ngang công khai đúng hạn); 7 tiêu chí cũ giữ tỉ lệ (×0,9), trường không có chỉ đạo "
    "đến hạn được điểm như phiên bản 2"
)


def seed_version_3(apps, schema_editor):
    Rubric = apps.get_model("audit", "Rubric")
    if Rubric.objects.filter(code="default", owner=None, points_directives__gt=0).exists():
        return
    last = Rubric.objects.filter(code="default", owner=None).order_by("-version").first()
    Rubric.objects.create(
        code="default", version=(last.version + 1) if last else 3, note=NOTE, **VERSION_3
    )


def drop_version_3(apps, schema_editor):
    Rubric = apps.get_model("audit", "Rubric")
    Rubric.objects.filter(code="default", owner=None, note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0009_rubric_version_3")]

    operations = [migrations.RunPython(seed_version_3, drop_version_3)]
