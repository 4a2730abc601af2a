"""The page_types app's admin URLs for the tenant-isolation sweep (merged into
tests/tenants/admin_url_registry.py): the blueprint screens (/admin/blueprint/). They hold no
school's data and scope themselves (superusers and office staff only, roll-outs limited to the
office's schools); tests/page_types/test_blueprint_admin.py checks that."""

from tests.tenants.admin_url_registry import OWNED, Route

_VIEWS = (
    "index",
    "index_results",
    "add",
    "edit",
    "delete",
    "history",
    "history_results",
    "usage",
    "apply",
    "changes",
    "own",
)
_WITH_PK = {"edit", "delete", "history", "history_results", "usage", "own"}

ADMIN_URLS = {
    f"page_types_blueprint:{view}": Route(
        OWNED, owner="page_types", params={"pk": "1"} if view in _WITH_PK else {}
    )
    for view in _VIEWS
}

# The Vietnamese guides (page_types/guides.py): the same text for everyone, no school's data,
# read-only (a POST answers 405); tests/page_types/test_guides.py.
ADMIN_URLS["portal_guides:index"] = Route(OWNED, owner="page_types")
ADMIN_URLS["portal_guides:guide"] = Route(
    OWNED, owner="page_types", params={"slug": "dang-tin-tuc"}
)
