"""Points per criterion, score and rank of one school's metrics under a rubric version."""

from collections import defaultdict

CRITERIA = (
    ("structure", "points_structure"),
    ("volume", "points_volume"),
    ("regularity", "points_regularity"),
    ("recency", "points_recency"),
    ("disclosure_completeness", "points_disclosure_completeness"),
    ("disclosure_timeliness", "points_disclosure_timeliness"),
    ("recurring", "points_recurring"),
)


def share(done, required):
    return 1.0 if required <= 0 else min(1.0, done / required)


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
    """Points per criterion (unrounded) from one school's metrics `m`."""
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
    }
    points["penalty"] = -min(float(rubric.penalty_max), rubric.penalty_per_flag * len(m["flags"]))
    return points


def score_of(points):
    return round(min(100.0, max(0.0, sum(points.values()))) + 0.0, 1)


def rank_rows(rows):
    """rank_in_level: 1 + schools of the same authority and level with a higher score."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row["authority"], row["level"])].append(row["score"])
    for row in rows:
        row["rank_in_level"] = 1 + sum(
            1 for s in groups[(row["authority"], row["level"])] if s > row["score"]
        )
