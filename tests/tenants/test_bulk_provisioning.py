"""Schools provisioned together (an import's batch) are built exactly as one provisioned alone,
with a consistent tree, nothing written on failure and a query count that does not grow with
the number of schools or pages."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    WorkflowPage,
)
from wagtail.search.models import IndexEntry

from page_types.blueprint import apply_to_school
from page_types.models import ContactFormField, MandatedSection
from regulations.models import Checklist, ChecklistEntry
from tenants.models import School
from tenants.provisioning import SchoolData, create_schools, provision_school
from tenants.signals import school_provisioned, schools_provisioned

from .test_provisioning import _snapshot


def _row(authority, n, level="TH", serves_meals=False):
    return SchoolData(
        code=f"7979{n:04d}",
        name=f"Trường {level} Lô {n}",
        level=level,
        authority=authority.code,
        slug=f"lo-{n}",
        address=f"Số {n}, ấp Lô",
        phone="028 3790 0000",
        email=f"lo{n}@cuchi.edu.vn",
        principal="Nguyễn Văn Lô",
        extra={"serves_meals": serves_meals},
    )


def _relative(school, value):
    """A school's own names replaced, so that two schools' facts compare equal."""
    return (
        str(value)
        .replace(school.slug, "<slug>")
        .replace(school.name, "<name>")
        .replace(school.code, "<code>")
        .replace(school.email, "<email>")
        .replace(school.address, "<address>")
    )


def portrait(school):
    """Everything provisioning gives a school, in terms that do not name the school."""
    school = School.objects.select_related("root_page", "site", "collection").get(pk=school.pk)
    home = school.root_page
    pages = list(home.get_descendants(inclusive=True).specific().order_by("path"))
    ids = [page.pk for page in pages]

    def rel(value):
        return _relative(school, value)

    def below(path):
        assert path.startswith(home.path)
        return path[len(home.path) :]

    tree = [
        (
            below(p.path),
            p.depth,
            p.numchild,
            type(p).__name__,
            rel(p.slug),
            rel(p.title),
            rel(p.draft_title),
            rel(p.url_path),
            p.live,
            p.has_unpublished_changes,
            p.show_in_menus,
            p.locale_id,
            p.owner_id,
            p.first_published_at,
            p.live_revision_id,
            p.latest_revision_id,
            rel(getattr(p, "address", "")),
            rel(getattr(p, "to_address", "")),
            rel(getattr(p, "subject", "")),
            getattr(p, "item_code", None),
            rel(getattr(p, "table", "")),
        )
        for p in pages
    ]
    paths = {page.pk: below(page.path) for page in pages}
    groups = {
        school.editors_group_id: "editors",
        school.approvers_group_id: "approvers",
        school.authority.admins_group_id: "office admins",
    }
    return {
        "tree": tree,
        "sections": sorted(
            (key, paths[page_id])
            for key, page_id in MandatedSection.objects.filter(school=school).values_list(
                "key", "page_id"
            )
        ),
        "form fields": list(
            ContactFormField.objects.filter(page_id__in=ids)
            .order_by("sort_order")
            .values_list("sort_order", "label", "clean_name", "field_type", "required")
        ),
        "log": sorted(
            (paths[page_id], action, rel(label), content_changed, user_id)
            for page_id, action, label, content_changed, user_id in PageLogEntry.objects.filter(
                page_id__in=ids
            ).values_list("page_id", "action", "label", "content_changed", "user_id")
        ),
        "revisions": Revision.objects.filter(object_id__in=[str(pk) for pk in ids]).count(),
        "references": ReferenceIndex.objects.filter(object_id__in=[str(pk) for pk in ids]).count(),
        "search entries": IndexEntry.objects.filter(object_id__in=[str(pk) for pk in ids]).count(),
        "page permissions": sorted(
            (groups.get(group_id, group_id), paths[page_id], codename)
            for group_id, page_id, codename in GroupPagePermission.objects.filter(
                page_id__in=ids
            ).values_list("group_id", "page_id", "permission__codename")
        ),
        "collection": (
            school.collection.depth,
            rel(school.collection.name),
            school.collection.get_parent() == Collection.get_first_root_node(),
        ),
        "collection permissions": sorted(
            (groups.get(group_id, group_id), codename)
            for group_id, codename in GroupCollectionPermission.objects.filter(
                collection=school.collection
            ).values_list("group_id", "permission__codename")
        ),
        "groups": [rel(school.editors_group.name), rel(school.approvers_group.name)],
        "site": (
            rel(school.site.hostname),
            school.site.port,
            school.site.root_page_id == home.pk,
            rel(school.site.site_name),
            school.site.is_default_site,
        ),
        "workflow": list(WorkflowPage.objects.filter(page=home).values_list("workflow_id")),
        "checklists": list(
            Checklist.objects.filter(school=school).values_list(
                "school_year", "profile__code", "year_page__slug"
            )
        ),
        "checklist entries": sorted(
            (item_code, version, paths.get(slot, slot))
            for item_code, version, slot in ChecklistEntry.objects.filter(
                checklist__school=school
            ).values_list("item__code", "item_version__version", "slot_page_id")
        ),
    }


@pytest.mark.parametrize(("level", "serves_meals"), [("MN", True), ("TH", False), ("THCS", True)])
def test_a_school_of_a_batch_equals_one_provisioned_alone(authority, level, serves_meals):
    batch = create_schools([_row(authority, n, level, serves_meals) for n in range(1, 8)])
    alone, created = provision_school(_row(authority, 99, level, serves_meals))
    assert created
    expected = portrait(alone)
    assert len(expected["tree"]) > 20 and expected["search entries"] == len(expected["tree"])
    assert expected["revisions"] == 0  # provisioning publishes nothing
    assert all(clean_name for _o, _l, clean_name, *_rest in expected["form fields"])
    for school in (batch[0], batch[3], batch[-1]):
        assert portrait(school) == expected


def test_a_batch_of_thirty_leaves_a_consistent_tree(authority, make_school):
    make_school("TH")  # something under the root already
    levels = ["MN", "TH", "THCS"]
    schools = create_schools([_row(authority, n, levels[n % 3]) for n in range(1, 31)])
    make_school("MN")  # and one after: treebeard's own add_child follows on
    assert Page.find_problems() == ([], [], [], [], [])
    assert Collection.find_problems() == ([], [], [], [], [])
    before = list(Page.objects.order_by("pk").values_list("pk", "path", "depth", "numchild"))
    Page.fix_tree()
    assert list(Page.objects.order_by("pk").values_list("pk", "path", "depth", "numchild")) == (
        before
    )
    root = Page.get_first_root_node()
    homes = [school.root_page for school in schools]
    assert [home.get_parent().pk for home in homes] == [root.pk] * 30
    assert root.numchild == root.get_children().count()
    # The blueprint's roll-out finds nothing missing.
    assert all(apply_to_school(school) == [] for school in schools[:3])
    for home in homes:
        for page in home.get_descendants(inclusive=True):
            assert page.numchild == page.get_children().count()
            assert page.url_path == page.get_parent().url_path + page.slug + "/"


def test_a_failing_row_leaves_nothing_of_its_batch(authority):
    # The office's home page is a child of the root with the slug "pgd-cuchi".
    clash = _row(authority, 5)
    clash.slug = authority.site.root_page.slug
    before = _snapshot()
    with pytest.raises(ValidationError) as excinfo:
        create_schools([_row(authority, n) for n in range(1, 5)] + [clash])
    assert "pgd-cuchi" in str(excinfo.value)
    assert _snapshot() == before
    assert not Checklist.objects.exists()
    assert not PageLogEntry.objects.filter(label__startswith="Trường TH Lô").exists()


def test_a_failing_receiver_leaves_nothing_of_its_batch(authority):
    def fail(sender, school, **kwargs):
        if school.code.endswith("3"):
            raise RuntimeError("receiver failed")

    before = _snapshot()
    school_provisioned.connect(fail, dispatch_uid="test-bulk-fail")
    try:
        with pytest.raises(RuntimeError):
            create_schools([_row(authority, n) for n in range(1, 6)])
    finally:
        school_provisioned.disconnect(dispatch_uid="test-bulk-fail")
    assert _snapshot() == before


def test_receivers_get_the_batch_once_then_each_school(authority):
    seen = []
    schools_provisioned.connect(
        lambda sender, schools, **kw: seen.append([s.code for s in schools]),
        dispatch_uid="test-batch",
        weak=False,
    )
    school_provisioned.connect(
        lambda sender, school, **kw: seen.append(school.code), dispatch_uid="test-each", weak=False
    )
    try:
        create_schools([_row(authority, n) for n in range(1, 4)])
    finally:
        schools_provisioned.disconnect(dispatch_uid="test-batch")
        school_provisioned.disconnect(dispatch_uid="test-each")
    assert seen == [["79790001", "79790002", "79790003"], "79790001", "79790002", "79790003"]


def _statements(queries):
    """The queries, an insert split by the database's limit on parameters (SQLite: 999 a
    statement) counted once: consecutive inserts into one table are one bulk insert."""
    statements = []
    for query in queries:
        sql = query["sql"]
        head = sql[: sql.find("(")] if sql.startswith("INSERT") else None
        if head is not None and statements and statements[-1] == head:
            continue
        statements.append(head or sql)
    return statements


def _queries_for(authority, first, count):
    rows = [_row(authority, n, ["MN", "TH", "THCS"][n % 3]) for n in range(first, first + count)]
    with CaptureQueriesContext(connection) as queries:
        create_schools(rows)
    return len(_statements(queries.captured_queries))


def test_provisioning_costs_the_same_queries_for_5_and_20_schools(authority, make_school):
    for level in ("MN", "TH", "THCS"):  # the blueprint, catalogue, content types are warm
        make_school(level)
    at_5 = _queries_for(authority, 1, 5)
    at_20 = _queries_for(authority, 100, 20)
    # Constant per batch: nothing per school, nothing per page (~25 pages a school).
    assert at_20 == at_5, (at_5, at_20)
    assert at_5 < 200
