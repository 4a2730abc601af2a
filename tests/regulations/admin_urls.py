"""The regulations app's admin URLs for the tenant-isolation sweep (merged into
tests/tenants/admin_url_registry.py). They scope themselves (office staff only, rows filtered
by the office's subtree); tests/regulations/test_admin.py checks that."""

from tests.tenants.admin_url_registry import OBJECT, OWNED, Route


def _owned(**kwargs):
    return Route(OWNED, owner="regulations", **kwargs)


_VIEWSETS = {
    "regulations_profiles": (
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "history",
        "history_results",
        "usage",
        "inspect",
    ),
    "regulations_items": (
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "history",
        "history_results",
        "usage",
        "inspect",
    ),
    "regulations_item_versions": ("index", "index_results", "inspect"),
    "regulations_calendars": (
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "history",
        "history_results",
        "usage",
    ),
    "regulations_declared_days": (
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "history",
        "history_results",
        "usage",
    ),
    "regulations_profile_overrides": (
        "index",
        "index_results",
        "add",
        "edit",
        "delete",
        "history",
        "history_results",
        "usage",
    ),
    "regulations_evidence": ("index", "index_results", "inspect"),
    "regulations_retention_overrides": ("index", "index_results", "inspect"),
}
_WITH_PK = {"edit", "delete", "history", "history_results", "usage", "inspect"}

ADMIN_URLS = {
    f"{viewset}:{view}": _owned(params={"pk": "1"}) if view in _WITH_PK else _owned()
    for viewset, views in _VIEWSETS.items()
    for view in views
}
# Opening days and years of the offices the user manages (tests/regulations/test_year_opening.py).
ADMIN_URLS["regulations_school_years"] = _owned()
ADMIN_URLS["regulations_retention_override"] = _owned(
    ids={"page_id": "page"}, params={"action": "unpublish"}
)
# The to-do list's recurring button (regulations/todo_drafts.py): POST only, the user's own
# schools only, so another school's id must answer 404 to GET and POST alike.
ADMIN_URLS["regulations_todo_draft"] = Route(
    OBJECT,
    ids={"school_id": "school"},
    params={"source": "menu", "start": "2024-11-25"},
    owner="regulations",
)
