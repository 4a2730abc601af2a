"""Disclosure and recurring-item figures, deadlines and overdue items: the regulations app
computes them (one batch call for many schools); the audit only reshapes them."""

from regulations import services


def disclosure_summaries(schools, as_of):
    """{school id: {"profile", "required", "published", "on_time", "late", "missing"}}."""
    if not schools:
        return {}
    return services.disclosure_summaries(schools, as_of)


def recurring_summaries(schools, as_of):
    """{school id: {"required", "on_time"}}."""
    if not schools:
        return {}
    return services.recurring_summaries(schools, as_of)


def _due(item):
    return {
        "code": item.code,
        "title": str(item.title),
        "kind": item.kind,
        "deadline": item.deadline,
        "school_year": item.school_year,
    }


def upcoming_deadlines(schools, as_of, days=14):
    """{school id: [{"code", "title", "kind", "deadline", "school_year"}]}, soonest first."""
    if not schools:
        return {}
    found = services.upcoming_deadlines_many(schools, as_of, days)
    return {pk: [_due(item) for item in items] for pk, items in found.items()}


def overdue_items(schools, as_of):
    """{school id: [{"code", "title", "kind", "deadline", "school_year"}]}, oldest first."""
    if not schools:
        return {}
    found = services.overdue_items_many(schools, as_of)
    return {pk: [_due(item) for item in items] for pk, items in found.items()}
