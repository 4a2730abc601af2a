"""An office at real scale: office-wide rights evaluated in bounded queries, exactly Wagtail's
rights; bulk provisioning; admin screens whose query count does not grow with the schools."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, GroupPagePermission, Page, Site, WorkflowPage
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import page_permission_policy

from tenants.isolation import permission_policies
from tenants.models import School
from tenants.provisioning import SchoolData, create_authority, create_schools, provision_school
from tests.tenants import derived_rights as office_rights

PASSWORD = "matkhau-demo-123"


def data(n, authority, level="TH"):
    return SchoolData(
        code=f"7979{n:04d}",
        name=f"Trường {level} Quy Mô {n}",
        level=level,
        authority=authority,
        slug=f"quy-mo-{n}",
        email=f"qm{n}@example.vn",
    )


@pytest.fixture
def offices(db):
    province, _ = create_authority("SO-QM", "Sở Quy Mô", kind="so")
    phong_a, _ = create_authority("PGD-QMA", "Phòng Quy Mô A", parent_code="SO-QM")
    phong_b, _ = create_authority("PGD-QMB", "Phòng Quy Mô B", parent_code="SO-QM")
    return province, phong_a, phong_b


def wagtail_pages(user, actions):
    """Wagtail's own evaluation (one OR per permission root), for comparison."""
    original = permission_policies.WAGTAIL["instances_user_has_any_permission_for"]
    return set(original(page_permission_policy, user, actions).values_list("pk", flat=True))


def our_pages(user, actions):
    policy = PagePermissionPolicy()
    return set(
        policy.instances_user_has_any_permission_for(user, actions).values_list("pk", flat=True)
    )


def explorable(user, evaluation):
    policy = PagePermissionPolicy()
    return set(evaluation(policy, user).values_list("pk", flat=True))


def test_rights_are_exactly_wagtails(offices, make_school, make_member, monkeypatch):
    province, phong_a, phong_b = offices
    a1 = make_school(authority_code="PGD-QMA")
    a2 = make_school(authority_code="PGD-QMA")
    b1 = make_school(authority_code="PGD-QMB")
    users = {
        "province admin": make_member("admin", authority=province),
        "phong admin": make_member("admin", authority=phong_a),
        "editor": make_member("editor", school=a1),
        "approver": make_member("approver", school=b1),
    }
    # An editor's own page under their school: "add" alone lets them change what they own.
    news = a1.root_page.get_children().first()
    mine = news.add_child(
        instance=Page(title="Bài của tôi", slug="bai-cua-toi", owner=users["editor"])
    )
    for name, user in users.items():
        for actions in ({"change"}, {"publish"}, {"add", "change"}, {"change", "publish"}):
            assert our_pages(user, actions) == wagtail_pages(user, actions), (name, actions)
        ours = explorable(user, permission_policies.explorable_instances)
        assert ours == explorable(user, permission_policies.WAGTAIL["explorable_instances"]), name
    # The office admins' rights are derived, not stored: Wagtail's own code (its row loaders and
    # its evaluation) over the rows provisioning used to store gives the same rights.
    derived = {name: office_rights.rights(user) for name, user in users.items()}
    office_rights.restore()
    for name, user in users.items():
        assert office_rights.wagtails_rights(user, monkeypatch) == derived[name], name
    assert mine.pk in our_pages(users["editor"], {"change"})
    assert our_pages(users["editor"], {"change"}).isdisjoint(
        set(
            Page.objects.get(pk=a2.root_page_id)
            .get_descendants(inclusive=True)
            .values_list("pk", flat=True)
        )
    )


def test_collections_are_exactly_wagtails(offices, make_school, make_member):
    from wagtail.images.permissions import permission_policy as images

    province, phong_a, _phong_b = offices
    a1 = make_school(authority_code="PGD-QMA")
    make_school(authority_code="PGD-QMB")
    original = permission_policies.WAGTAIL["_collections_with_perm"]
    for user in (
        make_member("admin", authority=province),
        make_member("admin", authority=phong_a),
        make_member("editor", school=a1),
    ):
        for actions in (["add"], ["change", "choose"]):
            ours = set(images.collections_user_has_any_permission_for(user, actions))
            assert ours == set(original(images, user, actions))


def test_office_admin_reaches_a_school_created_later_and_an_editor_only_their_school(
    offices, make_school, make_member
):
    province, phong_a, _phong_b = offices
    first = make_school(authority_code="PGD-QMA")
    admin = make_member("admin", authority=province)
    editor = make_member("editor", school=first)
    later, created = provision_school(data(1, "PGD-QMB"))
    assert created
    later_pages = set(
        Page.objects.get(pk=later.root_page_id)
        .get_descendants(inclusive=True)
        .values_list("pk", flat=True)
    )
    assert later_pages <= our_pages(admin, {"publish"})
    assert later_pages <= explorable(admin, permission_policies.explorable_instances)
    assert later_pages.isdisjoint(our_pages(editor, {"add", "change"}))
    assert later_pages.isdisjoint(explorable(editor, permission_policies.explorable_instances))

    admin_client = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
    editor_client = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
    admin_client.force_login(admin)
    editor_client.force_login(editor)
    assert admin_client.get(f"/admin/pages/{later.root_page_id}/edit/").status_code == 200
    assert editor_client.get(f"/admin/pages/{later.root_page_id}/edit/").status_code in (
        302,
        403,
        404,
    )
    assert editor_client.get(f"/admin/pages/{first.root_page_id}/edit/").status_code == 200


def test_create_schools_in_bulk_provisions_like_one_by_one(offices, make_member):
    schools = create_schools(
        [data(n, "PGD-QMA", level) for n, level in ((1, "MN"), (2, "TH"), (3, "THCS"))]
    )
    single, _ = provision_school(data(4, "PGD-QMA"))
    admins = [make_member("admin", authority=office) for office in offices[:2]]
    for school in [*schools, single]:
        school.refresh_from_db()
        assert school.site == Site.objects.get(hostname=school.hostname)
        assert school.site.root_page_id == school.root_page_id
        assert school.collection.get_parent().depth == 1
        for group in (school.editors_group, school.approvers_group):
            assert GroupPagePermission.objects.filter(group=group, page=school.root_page).exists()
            assert group.collection_permissions.filter(collection=school.collection).count() == 6
            assert group.permissions.filter(codename="access_admin").exists()
        # The offices' admins hold theirs through the authority tree, nothing stored.
        for admin in admins:
            pages, _explorable, media = office_rights.rights(admin)
            assert school.root_page_id in pages[frozenset({"publish"})]
            assert school.collection_id in media["images", ("add",)]
            assert not GroupPagePermission.objects.filter(
                group__user=admin, page=school.root_page
            ).exists()
        assert WorkflowPage.objects.filter(page=school.root_page).exists()
    # Every page is in the search index (indexed in bulk after the trees are built).
    from wagtail.search.models import IndexEntry

    pages = Page.objects.filter(path__startswith=schools[0].root_page.path)
    indexed = set(IndexEntry.objects.values_list("object_id", flat=True))
    assert pages.count() > 10
    assert {str(pk) for pk in pages.values_list("pk", flat=True)} <= indexed
    # Paths stay a valid tree after bulk inserts and single inserts alike.
    assert Collection.find_problems() == ([], [], [], [], [])
    assert Page.find_problems() == ([], [], [], [], [])
    assert Group.objects.filter(name__startswith="7979").count() == 8


def test_import_batches_commit_one_by_one_and_a_reimport_completes(offices, tmp_path, monkeypatch):
    import tenants.importing as importing

    monkeypatch.setattr(importing, "BATCH_SIZE", 2)
    path = tmp_path / "truong.csv"
    lines = ["code,name,level,authority,slug,address,phone,email,principal"]
    lines += [f"7979{n:04d},Trường Lô {n},TH,PGD-QMA,lo-{n},,,," for n in range(1, 6)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    real = importing.create_schools
    calls = []

    def failing(rows):
        calls.append(len(rows))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(rows)

    monkeypatch.setattr(importing, "create_schools", failing)
    with pytest.raises(RuntimeError):
        importing.import_file(path)
    assert School.objects.filter(code__startswith="7979").count() == 2
    monkeypatch.setattr(importing, "create_schools", real)
    seen = []
    result = importing.import_file(path, progress=lambda done, total: seen.append((done, total)))
    assert len(result.created) == 3 and len(result.unchanged) == 2
    assert seen[-1] == (5, 5)
    assert School.objects.filter(code__startswith="7979").count() == 5


def test_import_command_shows_progress_when_asked(offices, tmp_path):
    import io

    from django.core.management import call_command

    path = tmp_path / "truong.csv"
    path.write_text(
        "code,name,level,authority,slug,address,phone,email,principal\n"
        "79790001,Trường Tiến Độ,TH,PGD-QMA,tien-do,,,,\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    call_command("import_schools", str(path), "--progress", stdout=io.StringIO(), stderr=err)
    assert "1/1 trường (100%)" in err.getvalue()
    quiet = io.StringIO()
    call_command("import_schools", str(path), stdout=io.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""


# The screens' query counts and the sidebar's filters: tests/tenants/test_school_chooser.py.
