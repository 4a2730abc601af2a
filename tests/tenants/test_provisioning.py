"""Provisioning a school builds everything it needs, exactly, in one transaction."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.documents.permissions import permission_policy as documents
from wagtail.images.permissions import permission_policy as images
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    WorkflowPage,
)
from wagtail.permissions import page_permission_policy

from page_types.blueprint import build_school_site, sections_for
from page_types.models import MandatedSection
from tenants.approval import get_school_workflow
from tenants.models import Membership, School, SchoolApprovalTask
from tenants.provisioning import SchoolData, add_member, provision_school
from tenants.signals import school_provisioned


def tree_of(school):
    """{url path below the home: (model name, title)} for every page of the school."""
    home = school.root_page
    return {
        page.url_path[len(home.url_path) :].strip("/"): (
            page.specific_class._meta.label,
            page.title,
        )
        for page in home.get_descendants()
    }


def expected_tree(level, serves_meals=False):
    return {
        key: (section.page_type, section.title)
        for key, section in sections_for(level, serves_meals)
    }


@pytest.mark.parametrize(
    ("level", "serves_meals"),
    [("MN", False), ("TH", False), ("TH", True), ("THCS", False), ("THCS", True)],
)
def test_tree_matches_the_blueprint_exactly(make_school, level, serves_meals):
    school = make_school(level, serves_meals=serves_meals)
    tree, expected = tree_of(school), expected_tree(level, serves_meals)
    assert {key: tree.get(key) for key in expected} == expected
    # Beyond the blueprint, only the disclosure slots other apps add on school_provisioned.
    for key, (model, _title) in tree.items():
        if key not in expected:
            assert key.startswith("cong-khai/"), key
            assert model.startswith("page_types.Disclosure"), (key, model)
    assert school.root_page.specific_class.__name__ == "SchoolHomePage"
    assert school.root_page.depth == 2
    assert school.root_page.title == school.name
    # Every section is live and registered as a mandated section of this school.
    sections = MandatedSection.objects.filter(school=school).select_related("page")
    assert all(s.page.live for s in sections)
    keys = set(MandatedSection.objects.filter(school=school).values_list("key", flat=True))
    assert keys == set(expected_tree(level, serves_meals))


def test_levels_differ_where_the_blueprint_says(make_school):
    mn = tree_of(make_school("MN"))
    th = tree_of(make_school("TH"))
    assert "thuc-don" in mn and "thuc-don" not in th
    assert "ke-hoach/thoi-khoa-bieu" in th and "ke-hoach/thoi-khoa-bieu" not in mn
    assert "thuc-don" in tree_of(make_school("THCS", serves_meals=True))


def test_site_collection_groups_and_permissions(authority, school):
    site = school.site
    assert (site.hostname, site.port, site.root_page_id) == (
        "th-tan-thong.portal.test",
        80,
        school.root_page_id,
    )
    assert site.site_name == school.name
    assert not site.is_default_site
    assert school.root_url == "http://th-tan-thong.portal.test"

    assert school.collection.get_parent() == Collection.get_first_root_node()
    assert school.collection.name == f"{school.name} ({school.code})"

    editors, approvers = school.editors_group, school.approvers_group
    assert editors.name == f"{school.code} – Biên tập viên"
    assert approvers.name == f"{school.code} – Ban giám hiệu"
    for group in (editors, approvers):
        assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]

    def page_perms(group):
        return set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", "permission__codename"
            )
        )

    root = school.root_page_id
    assert page_perms(editors) == {(root, "add_page"), (root, "change_page")}
    approver_codes = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
    assert page_perms(approvers) == {(root, code) for code in approver_codes}
    # The supervising office's admins may act on the school too, through the authority tree
    # (nothing stored for the school); its auditors only read.
    assert (root, "publish_page") not in page_perms(authority.admins_group)
    assert not page_perms(authority.auditors_group)
    admin = add_member("quan-tri-phong", Membership.Role.ADMIN, authority=authority)[0]
    auditor = add_member("kiem-tra-phong", Membership.Role.AUDITOR, authority=authority)[0]
    pages = page_permission_policy.instances_user_has_permission_for
    assert pages(admin, "publish").filter(pk=root).exists()
    assert not pages(auditor, "change").filter(pk=root).exists()

    media = {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    for group in (editors, approvers):
        assert (
            set(
                GroupCollectionPermission.objects.filter(
                    group=group, collection=school.collection
                ).values_list("permission__codename", flat=True)
            )
            == media
        )
    for action in ("add", "change", "choose"):
        for policy in (images, documents):
            assert school.collection in policy.collections_user_has_permission_for(admin, action)
            assert not policy.collections_user_has_permission_for(auditor, action).exists()
    # Nobody of the school gets any right on the root collection (shared with everyone).
    assert not GroupCollectionPermission.objects.filter(
        group__in=[editors, approvers], collection=Collection.get_first_root_node()
    ).exists()


def test_workflow_assigned_at_the_school_root(school):
    workflow = get_school_workflow()
    assert WorkflowPage.objects.get(page=school.root_page).workflow == workflow
    article_parent = school.root_page.get_children().get(slug="tin-tuc")
    assert article_parent.get_workflow() == workflow
    [task] = workflow.tasks.all()
    assert isinstance(task.specific, SchoolApprovalTask)
    # One workflow and one task for every school, not one per school.
    assert get_school_workflow() == workflow


def test_two_schools_share_the_workflow_but_nothing_else(school, other_school):
    assert school.root_page.get_workflow() == other_school.root_page.get_workflow()
    assert school.collection != other_school.collection
    assert school.editors_group != other_school.editors_group
    assert not other_school.root_page.is_descendant_of(school.root_page)
    assert school.site != other_school.site


def _snapshot():
    return (
        School.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        Collection.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        MandatedSection.objects.count(),
    )


def exploding_builder(school):
    """Builds the whole tree, then fails, as a full disk or a bug would."""
    build_school_site(school)
    raise RuntimeError("builder failed")


def _data(authority, code="79787001", slug="th-loi"):
    return SchoolData(
        code=code, name="Trường Tiểu học Lỗi", level="TH", authority=authority.code, slug=slug
    )


def test_failure_in_the_builder_leaves_nothing(authority, settings):
    settings.PORTAL_SITE_BUILDER = "tests.tenants.test_provisioning.exploding_builder"
    before = _snapshot()
    with pytest.raises(RuntimeError, match="builder failed"):
        provision_school(_data(authority))
    assert _snapshot() == before
    assert not Page.objects.filter(slug="th-loi").exists()
    assert not Group.objects.filter(name__startswith="79787001").exists()
    assert not Collection.objects.filter(name__contains="79787001").exists()


def test_failure_in_a_receiver_after_the_site_exists_leaves_nothing(authority):
    def fail(sender, school, **kwargs):
        assert Site.objects.filter(hostname=school.hostname).exists()
        raise RuntimeError("receiver failed")

    school_provisioned.connect(fail, dispatch_uid="test-fail")
    try:
        before = _snapshot()
        with pytest.raises(RuntimeError, match="receiver failed"):
            provision_school(_data(authority))
        assert _snapshot() == before
    finally:
        school_provisioned.disconnect(dispatch_uid="test-fail")
    # And the same school can then be provisioned normally.
    school, created = provision_school(_data(authority))
    assert created and school.site.hostname == "th-loi.portal.test"


def test_provisioning_again_updates_contact_details_only(authority, school):
    pages = Page.objects.count()
    data = SchoolData(
        code=school.code,
        name="Trường Tiểu học Tân Thông Hội",
        level="TH",
        authority=authority.code,
        slug=school.slug,
        phone="028 1111 2222",
    )
    again, created = provision_school(data)
    assert not created and again.pk == school.pk
    assert again.name == "Trường Tiểu học Tân Thông Hội"
    assert again.phone == "028 1111 2222"
    assert Site.objects.get(pk=school.site_id).site_name == "Trường Tiểu học Tân Thông Hội"
    assert Page.objects.count() == pages


def test_identity_of_an_existing_school_cannot_change(authority, school):
    data = SchoolData(
        code=school.code, name=school.name, level="THCS", authority=authority.code, slug=school.slug
    )
    with pytest.raises(ValidationError) as excinfo:
        provision_school(data)
    assert "level" in excinfo.value.message_dict
    data = SchoolData(
        code="79787999", name="Khác", level="TH", authority=authority.code, slug=school.slug
    )
    with pytest.raises(ValidationError) as excinfo:
        provision_school(data)
    assert "đã thuộc trường" in excinfo.value.message_dict["slug"][0]


def test_add_member_creates_user_and_role_idempotently(school):
    user, created = add_member("co.lan", "editor", school=school, email="lan@example.vn")
    assert created
    assert not user.has_usable_password()
    assert list(user.groups.all()) == [school.editors_group]
    assert Membership.objects.get(user=user).role == "editor"

    again, created = add_member("co.lan", "editor", school=school, password="mat-khau-moi-2024")
    assert not created and again.pk == user.pk
    assert again.check_password("mat-khau-moi-2024")
    assert Membership.objects.filter(user=user).count() == 1
    assert user.groups.count() == 1

    add_member("co.lan", "approver", school=school)
    assert set(user.groups.all()) == {school.editors_group, school.approvers_group}
    assert get_user_model().objects.filter(username="co.lan").count() == 1


def test_add_member_refuses_wrong_role_for_scope(school, authority):
    with pytest.raises(ValidationError) as excinfo:
        add_member("x", "auditor", school=school)
    assert "role" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        add_member("x", "editor", authority=authority)
    with pytest.raises(ValidationError):
        add_member("x", "editor")
    with pytest.raises(ValidationError):
        add_member("x", "editor", school=school, authority=authority)
    assert not get_user_model().objects.filter(username="x").exists()

    user, _ = add_member("kiemtra", "auditor", authority=authority)
    assert list(user.groups.all()) == [authority.auditors_group]


def test_office_site_of_the_top_authority(authority):
    site = Site.objects.get(hostname="portal.test")
    assert site.is_default_site
    assert authority.site == site
    assert site.root_page.specific_class.__name__ == "OfficeHomePage"
    assert WorkflowPage.objects.filter(page=site.root_page).exists()


def test_contact_page_gets_the_schools_details_and_form_fields(school):
    contact = MandatedSection.objects.get(school=school, key="lien-he").page.specific
    assert (contact.address, contact.phone, contact.email) == (
        school.address,
        school.phone,
        school.email,
    )
    assert contact.to_address == school.email
    assert list(contact.form_fields.order_by("sort_order").values_list("label", flat=True)) == [
        "Họ và tên",
        "Điện thoại hoặc email",
        "Chủ đề",
        "Nội dung",
    ]
