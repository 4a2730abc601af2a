"""Office-wide rights held through the authority tree, not one stored row per school: exactly
the rights the stored rows gave (Wagtail's own evaluation of them is the reference), migrated
from the rows, reaching schools created later, following moves of schools and offices, and
named by "who may publish this page"."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.documents.permissions import permission_policy as documents
from wagtail.images.permissions import permission_policy as images
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)
from wagtail.permission_policies.collections import CollectionPermissionLookupMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import page_permission_policy

from tenants.authority_tree import move_authority
from tenants.isolation import permission_policies
from tenants.models import Authority
from tenants.provisioning import SchoolData, create_authority, provision_school
from tests.tenants.derived_rights import (
    forget,
    fresh,
    page_permission,
    restore,
    rights,
    wagtails_rights,
)


@pytest.fixture
def offices(db):
    province, _ = create_authority("SO-QR", "Sở Quyền", kind="so")
    phong_a, _ = create_authority("PGD-QRA", "Phòng Quyền A", parent_code="SO-QR")
    phong_b, _ = create_authority("PGD-QRB", "Phòng Quyền B", parent_code="SO-QR")
    return province, phong_a, phong_b


@pytest.fixture
def people(offices, make_school, make_member):
    province, phong_a, phong_b = offices
    a1 = make_school(authority_code="PGD-QRA")
    a2 = make_school(authority_code="PGD-QRA")
    b1 = make_school(authority_code="PGD-QRB")
    return SimpleNamespace(
        a1=a1,
        a2=a2,
        b1=b1,
        users={
            "province admin": make_member("admin", authority=province),
            "phong a admin": make_member("admin", authority=phong_a),
            "phong b admin": make_member("admin", authority=phong_b),
            "phong a auditor": make_member("auditor", authority=phong_a),
            "a1 editor": make_member("editor", school=a1),
            "b1 approver": make_member("approver", school=b1),
        },
    )


def school_pages(school):
    root = Page.objects.get(pk=school.root_page_id)
    return set(root.get_descendants(inclusive=True).values_list("pk", flat=True))


def office_rows(school):
    return (
        GroupPagePermission.objects.filter(
            page=school.root_page, group__in=Authority.objects.values("admins_group")
        ).count(),
        GroupCollectionPermission.objects.filter(
            collection=school.collection, group__in=Authority.objects.values("admins_group")
        ).count(),
    )


def test_provisioning_stores_no_office_row_per_school(people):
    for school in (people.a1, people.a2, people.b1):
        assert office_rows(school) == (0, 0)
    # The offices' own site and collection stay stored rows: one per authority.
    province = Authority.objects.get(code="SO-QR")
    assert GroupCollectionPermission.objects.filter(group=province.admins_group).count() == 6


def test_derived_rights_are_what_wagtail_gives_the_stored_rows(people, monkeypatch):
    derived = {name: rights(user) for name, user in people.users.items()}
    restore()  # the rows provisioning used to write
    assert office_rows(people.a1) == (2 * 5, 2 * 6)  # the Phòng's and the Sở's groups
    for name, user in people.users.items():
        assert wagtails_rights(user, monkeypatch) == derived[name], name
        # Stored and derived together: the same rights, nothing doubled.
        assert rights(user) == derived[name], name
    pages, explorable, media = derived["phong a admin"]
    assert school_pages(people.a1) | school_pages(people.a2) <= pages[frozenset({"publish"})]
    assert school_pages(people.b1).isdisjoint(explorable)
    assert people.a1.collection_id in media["images", ("choose",)]
    assert people.b1.collection_id not in media["documents", ("change",)]


def test_the_migration_deletes_the_derived_rows_and_keeps_the_rights(people, monkeypatch):
    province, phong_a = Authority.objects.get(code="SO-QR"), Authority.objects.get(code="PGD-QRA")
    restore()
    # Rows an installation added by hand: on a page below a school's root, a codename the
    # derivation does not give, a school outside the office, an unrelated group's.
    news = Page.objects.get(pk=people.a1.root_page_id).get_children().first()
    by_hand = [
        GroupPagePermission.objects.create(
            group=province.admins_group, page=news, permission=page_permission("publish_page")
        ),
        GroupPagePermission.objects.create(
            group=phong_a.admins_group,
            page=people.a1.root_page,
            permission=page_permission("bulk_delete_page"),
        ),
        GroupPagePermission.objects.create(
            group=phong_a.admins_group,
            page=people.b1.root_page,
            permission=page_permission("publish_page"),
        ),
    ]
    before = {name: rights(user) for name, user in people.users.items()}
    schools_rows = set(
        GroupPagePermission.objects.exclude(
            group__in=Authority.objects.values("admins_group")
        ).values_list("group", "page", "permission")
    )
    forget()
    assert office_rows(people.a1) == (1, 0)  # the bulk-delete row added by hand
    assert office_rows(people.a2) == (0, 0)
    assert office_rows(people.b1) == (1, 0)  # the Phòng A's row on a school of Phòng B
    assert set(
        GroupPagePermission.objects.filter(pk__in=[row.pk for row in by_hand]).values_list(
            "pk", flat=True
        )
    ) == {row.pk for row in by_hand}
    assert (
        set(
            GroupPagePermission.objects.exclude(
                group__in=Authority.objects.values("admins_group")
            ).values_list("group", "page", "permission")
        )
        == schools_rows
    )
    for name, user in people.users.items():
        assert rights(user) == before[name], name
    # Backwards: the rows again, the same rights still.
    restore()
    assert office_rows(people.a1) == (2 * 5 + 1, 2 * 6)
    for name, user in people.users.items():
        assert rights(user) == before[name], name
        assert wagtails_rights(user, monkeypatch) == before[name], name


def test_an_office_admin_reaches_a_school_created_after_the_migration(people):
    restore()
    forget()
    later, created = provision_school(
        SchoolData(
            code="79780999", name="Trường Mới Sau", level="TH", authority="PGD-QRB", slug="moi-sau"
        )
    )
    assert created and office_rows(later) == (0, 0)
    users = people.users
    for name in ("province admin", "phong b admin"):
        pages, explorable, media = rights(users[name])
        assert school_pages(later) <= pages[frozenset({"publish"})] & explorable, name
        assert later.collection_id in media["images", ("add",)], name
    for name in ("phong a admin", "phong a auditor", "a1 editor", "b1 approver"):
        pages, explorable, media = rights(users[name])
        assert school_pages(later).isdisjoint(explorable), name
        assert all(later.collection_id not in ids for ids in media.values()), name
    # A school's editor still reaches only their school.
    pages, explorable, _media = rights(users["a1 editor"])
    assert pages[frozenset({"add", "change"})] == school_pages(people.a1)

    client = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
    client.force_login(users["province admin"])
    assert client.get(f"/admin/pages/{later.root_page_id}/edit/").status_code == 200
    client.force_login(users["a1 editor"])
    assert client.get(f"/admin/pages/{later.root_page_id}/edit/").status_code in (302, 403, 404)
    assert client.get(f"/admin/pages/{people.a1.root_page_id}/edit/").status_code == 200


def test_moving_a_school_moves_its_offices_rights(people):
    users = people.users
    a1 = people.a1
    a1.authority = Authority.objects.get(code="PGD-QRB")
    a1.save()
    for name, reaches in (
        ("province admin", True),
        ("phong b admin", True),
        ("phong a admin", False),
    ):
        pages, explorable, media = rights(users[name])
        assert (school_pages(a1) <= pages[frozenset({"publish"})]) is reaches, name
        assert (a1.collection_id in media["images", ("change",)]) is reaches, name
    publishers = set(
        page_permission_policy.users_with_permission_for_instance(
            "publish", Page.objects.get(pk=a1.root_page_id)
        ).values_list("username", flat=True)
    )
    assert users["phong b admin"].username in publishers
    assert users["phong a admin"].username not in publishers


def test_moving_an_office_moves_its_rights(people, make_member):
    other, _ = create_authority("SO-QS", "Sở Quyền Khác", kind="so")
    other_admin = make_member("admin", authority=other)
    users = people.users
    assert move_authority(Authority.objects.get(code="PGD-QRA"), other)
    for user, reaches in (
        (other_admin, True),
        (users["phong a admin"], True),
        (users["province admin"], False),
    ):
        pages, explorable, media = rights(user)
        assert (school_pages(people.a1) <= explorable) is reaches
        assert (people.a2.collection_id in media["documents", ("choose",)]) is reaches
    # The Sở keeps the schools still below it.
    pages, _explorable, _media = rights(users["province admin"])
    assert school_pages(people.b1) <= pages[frozenset({"change"})]


def test_who_holds_a_right_names_the_office_admins(people, monkeypatch):
    users = people.users
    page = Page.objects.get(pk=people.a1.root_page_id).get_children().first()
    image_collection = Collection.objects.get(pk=people.a1.collection_id)

    def holders():
        names = {}
        for action in ("publish", "change", "lock"):
            names[action] = set(
                page_permission_policy.users_with_permission_for_instance(action, page).values_list(
                    "username", flat=True
                )
            )
            names[f"any {action}"] = set(
                page_permission_policy.users_with_permission(action).values_list(
                    "username", flat=True
                )
            )
        for action in ("add", "choose", "change"):
            names[f"images {action}"] = set(
                images._users_with_perm([action], collection=image_collection).values_list(
                    "username", flat=True
                )
            )
            names[f"documents any {action}"] = set(
                documents.users_with_any_permission([action]).values_list("username", flat=True)
            )
        return names

    ours = holders()
    assert {users["province admin"].username, users["phong a admin"].username} <= ours["publish"]
    assert users["phong b admin"].username not in ours["publish"]
    assert users["a1 editor"].username not in ours["publish"]
    assert users["a1 editor"].username in ours["change"]
    assert users["phong a auditor"].username not in ours["images choose"]
    assert users["phong b admin"].username not in ours["images add"]
    restore()
    wagtail = permission_policies.WAGTAIL
    monkeypatch.setattr(
        PagePermissionPolicy, "users_with_any_permission", wagtail["users_with_any_permission"]
    )
    monkeypatch.setattr(
        PagePermissionPolicy,
        "users_with_any_permission_for_instance",
        wagtail["users_with_any_permission_for_instance"],
    )
    monkeypatch.setattr(
        CollectionPermissionLookupMixin,
        "_users_with_perm_filter",
        wagtail["_users_with_perm_filter"],
    )
    assert holders() == ours


def test_a_users_rows_are_one_query_per_model_whatever_the_schools(people, make_school):
    for _n in range(3):
        make_school(authority_code="PGD-QRB")
    for name, user in people.users.items():
        user = fresh(user)
        with CaptureQueriesContext(connection) as queries:
            page_rows = page_permission_policy.get_all_permissions_for_user(user)
            collection_rows = images.get_all_permissions_for_user(user)
            len(page_rows), len(collection_rows)
        assert len(queries) == 2, (name, [q["sql"] for q in queries])
    province_rows = page_permission_policy.get_all_permissions_for_user(
        fresh(people.users["province admin"])
    )
    # The six schools' roots, and the Sở's own site if it has one.
    own_site = 1 if Authority.objects.get(code="SO-QR").site_id else 0
    assert len({row.page_id for row in province_rows}) == 6 + own_site
    assert len(province_rows) == 5 * (6 + own_site)


def test_the_group_screen_says_what_an_office_group_holds_through_the_tree(
    people, django_user_model
):
    from django.urls import reverse

    superuser = django_user_model.objects.create_superuser("sieu-quan-tri", password="x-123456")
    client = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
    client.force_login(superuser)
    phong_a = Authority.objects.get(code="PGD-QRA")
    page = client.get(reverse("wagtailusers_groups:edit", args=[phong_a.admins_group_id]))
    assert page.status_code == 200
    assert "Nhóm này là nhóm quản trị của “Phòng Quyền A”" in page.content.decode()
    assert "(hiện có 2 trường)" in page.content.decode()
    # A school's group, and a new group, have no such panel.
    for url in (
        reverse("wagtailusers_groups:edit", args=[people.a1.editors_group_id]),
        reverse("wagtailusers_groups:add"),
    ):
        page = client.get(url)
        assert page.status_code == 200
        assert "Nhóm này là nhóm quản trị" not in page.content.decode()
