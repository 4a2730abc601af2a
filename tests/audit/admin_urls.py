"""The audit's admin URLs, classified for the tenant-isolation sweep (see
tests/tenants/admin_url_registry.py). School ids are substituted with school B's: every school
screen must refuse (403) a user of another school. Screens taking inspection or request ids are
OWNED: tests/audit/test_inspections.py checks them with another school's and office's users."""

from tests.tenants.admin_url_registry import LISTING, OBJECT, OWNED, R

ADMIN_URLS = {
    "audit:dashboard": R(LISTING, query={}),
    "audit:school": R(OBJECT, ids={"school_id": "school"}),
    "audit:print": R(OBJECT, ids={"school_id": "school"}),
    "audit:export": R(LISTING, params={"fmt": "csv"}, query={}),
    "audit:tree": R(LISTING, query={}),
    "audit_inspections:index": R(LISTING, query={}),
    "audit_inspections:create": R(LISTING, query_ids={"school": "school"}),
    "audit_inspections:detail": R(OWNED, owner="audit", params={"pk": "1"}),
    "audit_inspections:school": R(OWNED, owner="audit", params={"pk": "1"}),
    "audit_inspections:my_requests": R(LISTING, query={}),
    "audit_inspections:answer": R(OWNED, owner="audit", params={"pk": "1"}),
    # Printable minutes: the office's own inspections only (tests/audit/test_inspection_loop.py).
    "audit_inspections:minutes": R(OWNED, owner="audit", params={"pk": "1"}),
    # The rubric is shared by every office (no tenant data): readable, edits make new versions.
    "audit_rubric:index": R(LISTING, query={}),
    "audit_rubric:index_results": R(LISTING, query={}),
    "audit_rubric:add": R(OWNED, owner="audit"),
    "audit_rubric:edit": R(OWNED, owner="audit", params={"pk": "1"}),
    "audit_rubric:delete": R(OWNED, owner="audit", params={"pk": "1"}),
    "audit_rubric:history": R(OWNED, owner="audit", params={"pk": "1"}),
    "audit_rubric:history_results": R(OWNED, owner="audit", params={"pk": "1"}),
    "audit_rubric:usage": R(OWNED, owner="audit", params={"pk": "1"}),
    "audit_rubric:inspect": R(OWNED, owner="audit", params={"pk": "1"}),
    # An authority's own rubric (pk: the authority): tests/audit/test_rubric_owners.py.
    "audit_rubric:own": R(OWNED, owner="audit", params={"pk": "1"}),
}
