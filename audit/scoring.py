"""Points per criterion, score and rank of one school's metrics under a rubric version."""

from collections import defaultdict

from django.utils.translation import gettext_lazy

CRITERIA = (
    ("structure", "points_structure"),
    ("volume", "points_volume"),
    ("regularity", "points_regularity"),
    ("recency", "points_recency"),
    ("disclosure_completeness", "points_disclosure_completeness"),
    ("disclosure_timeliness", "points_disclosure_timeliness"),
    ("recurring", "points_recurring"),
    ("directives", "points_directives"),
)
CRITERION_LABELS = {
    "structure": gettext_lazy("Cấu trúc"),
    "volume": gettext_lazy("Số lượng bài"),
    "regularity": gettext_lazy("Đều đặn"),
    "recency": gettext_lazy("Cập nhật gần đây"),
    "disclosure_completeness": gettext_lazy("Công khai đầy đủ"),
    "disclosure_timeliness": gettext_lazy("Công khai đúng hạn"),
    "recurring": gettext_lazy("Kế hoạch, thực đơn định kỳ"),
    "directives": gettext_lazy("Thực hiện chỉ đạo"),
}


def share(done, required):
    return 1.0 if required <= 0 else min(1.0, done / required)


def directives_share(m):
    """Thực hiện chỉ đạo: directives due so far done by their deadline (mandates/summaries.py)."""
    return share(m["directives"]["on_time"], m["directives"]["due"])


def recency_points(rubric, days):
    if days is None:
        return 0.0
    if days <= rubric.recency_full_days:
        return float(rubric.points_recency)
    if days <= rubric.recency_mid_days:
        return float(rubric.recency_mid_points)
    if days <= rubric.recency_low_days:
        return float(rubric.recency_low_points)
    return 0.0


def criterion_points(rubric, m):
    """Points per criterion (unrounded) from one school's metrics `m`, and a penalty. Under
    rules 2 a criterion with nothing due is None ("không áp dụng")."""
    if rubric.rules_version >= 2:
        return _points_v2(rubric, m)
    disclosure = m["disclosure"]
    recurring = m["recurring"]
    points = {
        "structure": rubric.points_structure * m["structure_share"],
        "volume": rubric.points_volume * share(m["posts"]["school_year"], m["target_exact"]),
        "regularity": rubric.points_regularity
        * min(1.0, m["active_weeks_12"] / rubric.regularity_full_weeks),
        "recency": recency_points(rubric, m["days_since_update"]),
        "disclosure_completeness": rubric.points_disclosure_completeness
        * share(disclosure["published"], disclosure["required"]),
        "disclosure_timeliness": rubric.points_disclosure_timeliness
        * share(disclosure["on_time"], disclosure["required"]),
        "recurring": rubric.points_recurring * share(recurring["on_time"], recurring["required"]),
        "directives": rubric.points_directives * directives_share(m),
    }
    points["penalty"] = -min(float(rubric.penalty_max), rubric.penalty_per_flag * len(m["flags"]))
    return points


def applicable(m):
    """{criterion: is something due at the as-of date?} (rules 2)."""
    return {
        "structure": m["structure"]["required"] > 0,
        "volume": m["target_exact"] > 0,
        "regularity": m["window_weeks"] > 0,
        "recency": True,
        "disclosure_completeness": m["disclosure"]["required"] > 0,
        "disclosure_timeliness": m["disclosure"]["required"] > 0,
        "recurring": m["recurring"]["required"] > 0,
        "directives": m["directives"]["due"] > 0,
    }


def weights(rubric, m):
    """{criterion: its points at full marks}: the rubric's weights under rules 1; under rules 2
    None for a criterion with nothing due, whose weight is spread over the others in proportion
    to theirs (the total stays the rubric's)."""
    base = {name: float(getattr(rubric, field)) for name, field in CRITERIA}
    if rubric.rules_version < 2:
        return base
    due = applicable(m)
    total = sum(base.values())
    due_total = sum(w for name, w in base.items() if due[name])
    factor = total / due_total if due_total else 0.0
    return {name: (w * factor if due[name] else None) for name, w in base.items()}


def _points_v2(rubric, m):
    credited = m["credited"]
    disclosure = m["disclosure"]
    recurring = m["recurring"]
    shares = {
        "structure": share(m["structure"]["satisfied"], m["structure"]["required"]),
        "volume": share(credited["school_year"], m["target_exact"]),
        "regularity": min(1.0, credited["active_weeks_12"] / rubric.regularity_full_weeks),
        "recency": recency_points(rubric, credited["days_since_update"])
        / (rubric.points_recency or 1),
        "disclosure_completeness": share(disclosure["published"], disclosure["required"]),
        "disclosure_timeliness": share(disclosure["on_time"], disclosure["required"]),
        "recurring": share(recurring["on_time"], recurring["required"]),
        "directives": directives_share(m),
    }
    points = {
        name: (None if weight is None else weight * shares[name])
        for name, weight in weights(rubric, m).items()
    }
    points["penalty"] = -min(
        float(rubric.penalty_max), rubric.penalty_per_flag * m["flagged_posts"]
    )
    return points


def score_of(points):
    total = sum(value for value in points.values() if value is not None)
    return round(min(100.0, max(0.0, total)) + 0.0, 1)


def rank_rows(rows):
    """rank_in_level: 1 + schools of the same authority and level with a higher score."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["authority"], row["level"])].append(row["score"])
    for row in rows:
        row["rank_in_level"] = 1 + sum(
            1 for s in groups[(row["authority"], row["level"])] if s > row["score"]
        )
