"""The platform's admin screens, for the isolation sweep (tests/tenants/admin_url_registry.py)."""

from tests.tenants.admin_url_registry import SUPERUSER, R

ADMIN_URLS = {
    # Every tenant's tasks are in one queue.
    "portal_task_queue": R(SUPERUSER),
}
