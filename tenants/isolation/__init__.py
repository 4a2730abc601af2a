"""Tenant isolation for the Wagtail admin and the public sites.

- `scope`: what a user may see (`scope_for_user(user)`).
- `registry`: how records of any model are tied to a tenant (`tenant_scope` declarations).
- `guards`: URL-level checks run by `tenants.middleware.AdminIsolationMiddleware`.
- `views`: scoped replacements for Wagtail listings that do not filter by tenant.
- `public`: the public side (documents by host, `{% slugurl %}`).
Hooks live in `tenants/wagtail_hooks.py`."""
