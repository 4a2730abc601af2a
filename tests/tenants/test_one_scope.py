"""One Scope per request: every permission check reads the user's memberships once (issue 14).

The checks' answers themselves are covered by their own tests (isolation sweep, members, audit
access, regulations admin, blueprints, approval); these tests pin that they share one read."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit import access
from page_types.blueprint.permissions import access_for
from regulations.admin_scoping import office_paths as regulation_office_paths
from tenants.isolation.scope import CACHE_ATTR, scope_for_user
from tenants.members.permissions import manager_scope
from tenants.models import Membership


def _membership_reads(queries):
    return [q["sql"] for q in queries if 'FROM "tenants_membership"' in q["sql"]]


def test_every_check_reads_the_memberships_once(authority, school, make_member):
    admin = make_member(Membership.Role.ADMIN, authority=authority)
    user = get_user_model().objects.get(pk=admin.pk)  # a fresh object, as in a request
    with CaptureQueriesContext(connection) as captured:
        scope = scope_for_user(user)
        paths = access.office_paths(user)
        regulation_paths = regulation_office_paths(user, (Membership.Role.ADMIN,))
        managed = manager_scope(user)
        blueprint = access_for(user)
    assert len(_membership_reads(captured.captured_queries)) == 1
    # Each check still answers from the office membership.
    assert paths == [authority.path]
    assert regulation_paths == [(authority.path, authority.parent_id)]
    assert school.pk in managed.school_roles and authority.pk in managed.authority_roles
    assert authority.pk in blueprint.administered
    # One cache on the user, and asking again costs nothing.
    assert getattr(user, CACHE_ATTR) is scope
    assert not [name for name in vars(user) if name.startswith(("_audit", "_regulations"))]
    with CaptureQueriesContext(connection) as again:
        access.office_paths(user)
        regulation_office_paths(user, (Membership.Role.AUDITOR,))
        manager_scope(user)
        access_for(user)
    assert len(again.captured_queries) == 0


def test_a_school_editor_holds_no_office_facts(school, editor):
    user = get_user_model().objects.get(pk=editor.pk)
    assert access.office_paths(user) == []
    assert regulation_office_paths(user, Membership.AUTHORITY_ROLES) == []
    assert not manager_scope(user).can_manage
    assert not access_for(user).office
    assert scope_for_user(user).school_ids == {school.pk}
