"""The directives' admin URLs, classified for the tenant-isolation sweep (see
tests/tenants/admin_url_registry.py). Screens taking a directive or target id are OWNED:
tests/mandates/test_directives.py::test_scoping checks them with other schools' and a
sub-office's users."""

from tests.tenants.admin_url_registry import LISTING, OWNED, R

ADMIN_URLS = {
    "mandates:index": R(LISTING, query={}),
    "mandates:create": R(LISTING, query={}),
    "mandates:detail": R(OWNED, owner="mandates", params={"pk": "1"}),
    "mandates:export": R(OWNED, owner="mandates", params={"pk": "1", "fmt": "csv"}),
    "mandates:start": R(OWNED, owner="mandates", params={"pk": "1"}),
    "mandates:acknowledge": R(OWNED, owner="mandates", params={"pk": "1"}),
}
