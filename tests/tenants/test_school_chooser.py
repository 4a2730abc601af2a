"""Admin screens made for thousands of schools: the school and authority choosers that filter
every listing (in the user's scope only), the Forms menu's cheap check, and screens whose query
count does not grow with the number of schools."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from tenants.admin_filters import authority_scope, narrow, school_scope
from tenants.models import School
from tenants.provisioning import create_schools
from tests.tenants.test_office_scale import data, offices  # noqa: F401 (fixture)


def client_for(user):
    client = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
    client.force_login(user)
    return client


@pytest.fixture
def many(offices, monkeypatch):  # noqa: F811
    """Six schools, three per commune office, with a sidebar cap of 2 (so the site, collection
    and owner filters are "too many" and the choosers take their place)."""
    from tenants.isolation import views

    monkeypatch.setattr(views, "MAX_FILTER_CHOICES", 2)
    create_schools([data(n, "PGD-QMA" if n % 2 else "PGD-QMB") for n in range(1, 7)])
    schools = list(School.objects.filter(code__startswith="7979").order_by("code"))
    return (
        offices,
        [s for s in schools if s.authority_id == offices[1].pk],
        [s for s in schools if s.authority_id == offices[2].pk],
    )


def chooser_rows(client, url):
    """The names listed by a chooser's results (the modal's JSON carries its HTML)."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.json()["html"] if "json" in response["Content-Type"] else response.text
    return set(re.findall(r"Trường TH Quy Mô \d+", html))


def test_the_school_chooser_lists_only_the_users_schools(many, make_member):
    (province, phong_a, _b), a_schools, b_schools = many
    phong = client_for(make_member("admin", authority=phong_a))
    assert chooser_rows(phong, "/admin/chon-truong/") == {s.name for s in a_schools}
    # Searchable by name, code and commune office.
    assert chooser_rows(phong, f"/admin/chon-truong/results/?q={a_schools[0].code}") == {
        a_schools[0].name
    }
    everyone = client_for(make_member("admin", authority=province))
    assert chooser_rows(everyone, "/admin/chon-truong/results/?q=Quy+Mô+B") == {
        s.name for s in b_schools
    }
    # A school editor finds their own school and nothing else, even by id.
    editor = client_for(make_member("editor", school=a_schools[0]))
    assert chooser_rows(editor, "/admin/chon-truong/") == {a_schools[0].name}
    assert editor.get(f"/admin/chon-truong/chosen/{a_schools[1].pk}/").status_code == 404
    assert phong.get(f"/admin/chon-truong/chosen/{b_schools[0].pk}/").status_code == 404
    chosen = phong.get(f"/admin/chon-truong/chosen/{a_schools[1].pk}/").json()
    assert chosen["result"]["id"] == str(a_schools[1].pk)
    # The authority chooser: the user's subtree only.
    authorities = phong.get("/admin/chon-don-vi/").json()["html"]
    assert "Phòng Quy Mô A" in authorities and "Phòng Quy Mô B" not in authorities
    assert "Sở Quy Mô" not in authorities
    assert phong.get(f"/admin/chon-don-vi/chosen/{province.pk}/").status_code == 404


def test_the_filter_form_offers_the_choosers_in_place_of_long_filters(many, make_member):
    (province, _a, _b), a_schools, _b_schools = many
    body = client_for(make_member("admin", authority=province)).get("/admin/pages/").text
    assert 'name="site"' not in body  # thousands of checkboxes, left out
    school_field = re.search(r'<input type="hidden" name="school"[^>]*>', body)
    assert school_field is not None
    assert 'data-chooser-url="/admin/chon-truong/"' in body
    assert 'data-chooser-url="/admin/chon-don-vi/"' in body
    assert ">\n            Trường\n" in body or "Trường</label>" in body or "Trường\n" in body
    assert "Đơn vị quản lý" in body and "Chọn trường" in body
    # A school editor's filters are small: unchanged, no chooser.
    editor_body = client_for(make_member("editor", school=a_schools[0])).get("/admin/pages/")
    assert 'name="school"' not in editor_body.text
    assert 'name="authority"' not in editor_body.text


def rows(response):
    objects = response.context["object_list"]
    return list(getattr(objects, "object_list", objects))


def test_the_school_filter_narrows_each_listing(many, make_member):
    (province, phong_a, _b), a_schools, b_schools = many
    client = client_for(make_member("admin", authority=province))
    target = a_schools[1]
    root = Page.objects.get(pk=target.root_page_id)
    for url in (
        "/admin/pages/",
        "/admin/pages/search/?q=",
        "/admin/forms/",
        "/admin/reports/aging-pages/",
    ):
        sep = "&" if "?" in url else "?"
        everything = rows(client.get(url))
        narrowed = rows(client.get(f"{url}{sep}school={target.pk}"))
        if not everything:
            continue  # the aging report lists published pages only (none when provisioned)
        assert narrowed, url
        # Unfiltered, other schools' pages are listed; filtered, only the school's.
        assert any(not page.path.startswith(root.path) for page in everything), url
        assert all(page.path.startswith(root.path) for page in narrowed), url
        # By authority: that office's schools (and its own site), never the other office's.
        by_office = rows(client.get(f"{url}{sep}authority={phong_a.pk}"))
        b_paths = [Page.objects.get(pk=s.root_page_id).path for s in b_schools]
        assert by_office and not any(
            page.path.startswith(path) for page in by_office for path in b_paths
        ), url
    # The forms listing by school: that school's contact form only.
    forms = rows(client.get(f"/admin/forms/?school={target.pk}"))
    assert len(forms) == 1 and forms[0].path.startswith(root.path)
    # The active filter names the school.
    assert target.name in client.get(f"/admin/pages/?school={target.pk}").text


def test_media_narrow_to_the_schools_collections(many):
    from django.core.files.base import ContentFile
    from wagtail.images.tests.utils import get_test_image_file

    (_province, phong_a, _b), a_schools, b_schools = many
    image_model, document_model = get_image_model(), get_document_model()
    for school in (a_schools[0], b_schools[0]):
        image_model.objects.create(
            title=f"Ảnh {school.code}", file=get_test_image_file(), collection=school.collection
        )
        document_model.objects.create(
            title=f"Tệp {school.code}",
            file=ContentFile(b"%PDF-1.4", name="a.pdf"),
            collection=school.collection,
        )
    for model in (image_model, document_model):
        mine = narrow(model.objects.all(), school_scope(a_schools[0]))
        assert [row.collection_id for row in mine] == [a_schools[0].collection_id]
        office = narrow(model.objects.all(), authority_scope(phong_a))
        assert {row.collection_id for row in office} == {a_schools[0].collection_id}


def test_media_listings_filter_by_school_over_http(many, make_member):
    from django.core.files.base import ContentFile

    (province, _a, _b), a_schools, b_schools = many
    document_model = get_document_model()
    for school in (a_schools[0], b_schools[0]):
        document_model.objects.create(
            title=f"Tệp {school.code}",
            file=ContentFile(b"%PDF-1.4", name="a.pdf"),
            collection=school.collection,
        )
    client = client_for(make_member("admin", authority=province))
    body = client.get(f"/admin/documents/?school={a_schools[0].pk}").text
    assert f"Tệp {a_schools[0].code}" in body and f"Tệp {b_schools[0].code}" not in body


def test_a_school_out_of_scope_neither_filters_nor_shows(many, make_member):
    (_province, phong_a, _b), a_schools, b_schools = many
    client = client_for(make_member("admin", authority=phong_a))
    stranger = b_schools[0]
    response = client.get(f"/admin/pages/?school={stranger.pk}")
    assert response.status_code == 200
    assert stranger.name not in response.text  # not even as the chosen school's name
    stranger_root = Page.objects.get(pk=stranger.root_page_id).path
    assert not any(page.path.startswith(stranger_root) for page in rows(response))
    # Garbage ids are refused like any invalid filter value, never a traceback.
    for query in ("school=abc", "authority=-1", "school=1e9"):
        assert client.get(f"/admin/pages/?{query}").status_code == 200, query
    assert client.get("/admin/chon-truong/chosen/abc/").status_code == 404
    # Another office's authority is refused the same way.
    response = client.get(f"/admin/images/?authority={_b.pk}")
    assert response.status_code == 200 and "Phòng Quy Mô B" not in response.text


def test_the_forms_menu_item_is_shown_to_whoever_has_form_pages(many, make_member):
    from wagtail.contrib.forms.utils import get_forms_for_user

    (province, _a, _b), a_schools, _b_schools = many
    users = [
        make_member("admin", authority=province),
        make_member("editor", school=a_schools[0]),
        make_member("auditor", authority=province),
    ]
    for user in users:
        expected = get_forms_for_user(user).exists()
        body = client_for(user).get("/admin/").text
        assert ('"/admin/forms/"' in body) is expected, user.username
    assert get_forms_for_user(users[0]).exists()
    assert not get_forms_for_user(users[2]).exists()


SEARCH = "/admin/pages/search/?q=tin"
SCREENS = (
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=tin",
    "/admin/pages/{root}/",
    "/admin/pages/?school={school}",
    "/admin/forms/",
    "/admin/images/",
    "/admin/images/?school={school}",
    "/admin/documents/",
    "/admin/documents/?authority={authority}",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    # Issue 16's audit screens: the dashboard read from its stored lines (the second visit),
    # and one school's drill-down.
    "/admin/audit/",
    "/admin/audit/school/{school}/",
)


def query_counts(user, school):
    client = client_for(user)
    counts = {}
    for screen in SCREENS:
        url = screen.format(
            root=school.root_page_id, school=school.pk, authority=school.authority_id
        )
        client.get(url)  # caches warmed as on any visit after the first
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        # A school editor's explorer root redirects to their school's home; the audit is the
        # offices' (an editor is refused).
        assert response.status_code in (200, 302, 403), url
        counts[screen] = (response.status_code, len(queries))
    return counts


def test_screens_query_count_does_not_grow_with_the_schools(offices, make_member, monkeypatch):  # noqa: F811
    from tenants.isolation import views

    # Both sizes on the same side of the sidebar's cap (above it: long filters left out and the
    # choosers offered), so the counts compare the screens' own queries.
    monkeypatch.setattr(views, "MAX_FILTER_CHOICES", 2)
    province, phong_a, phong_b = offices
    create_schools([data(n, "PGD-QMA" if n % 2 else "PGD-QMB") for n in range(1, 6)])
    school = School.objects.order_by("pk").first()
    users = {
        "province admin": make_member("admin", authority=province),
        "phong admin": make_member("admin", authority=phong_a),
        "editor": make_member("editor", school=school),
    }
    at_5 = {name: query_counts(user, school) for name, user in users.items()}
    create_schools([data(n, "PGD-QMA" if n % 2 else "PGD-QMB") for n in range(6, 51)])
    at_50 = {name: query_counts(user, school) for name, user in users.items()}
    # A school editor's screens do not change at all.
    assert at_50["editor"] == at_5["editor"]
    # Nor do an office admin's: the same number of queries at 50 schools as at 5. The page
    # search lists other results at 50 schools (a page of 50 school pages, where at 5 the
    # office's own page is among them and costs one query of its own): it may not grow.
    for name in ("province admin", "phong admin"):
        search_5, search_50 = at_5[name].pop(SEARCH), at_50[name].pop(SEARCH)
        assert at_50[name] == at_5[name], (name, at_5[name], at_50[name])
        assert search_50[0] == search_5[0] == 200
        assert search_50[1] <= search_5[1], (name, search_5, search_50)


def test_a_filter_with_more_choices_than_the_cap_gives_way_to_the_choosers(
    offices,  # noqa: F811
    make_member,
    monkeypatch,
):
    from tenants.isolation import views

    create_schools([data(n, "PGD-QMA") for n in range(1, 4)])
    client = client_for(make_member("admin", authority=offices[0]))
    body = client.get("/admin/pages/").text
    assert 'name="site"' in body and 'name="school"' not in body  # small: kept as it is
    monkeypatch.setattr(views, "MAX_FILTER_CHOICES", 2)
    response = client.get("/admin/pages/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="site"' not in body
    assert 'name="school"' in body and 'name="authority"' in body


def test_the_home_summarises_many_schools_without_counting_every_page(many, make_member):
    (province, _a, _b), a_schools, _b_schools = many
    body = client_for(make_member("admin", authority=province)).get("/admin/").text
    assert "6 trường" in body and "3 đơn vị quản lý" in body
    # A school's editor keeps Wagtail's counts of their pages, images and documents.
    from django.test import RequestFactory
    from wagtail import hooks

    request = RequestFactory().get("/admin/")
    request.user = make_member("editor", school=a_schools[0])
    items = []
    for fn in hooks.get_hooks("construct_homepage_summary_items"):
        fn(request, items)
    names = {type(item).__name__ for item in items}
    assert {"PagesSummaryItem", "ImagesSummaryItem", "DocumentsSummaryItem"} <= names
    assert "SchoolsSummaryItem" not in names


def test_listing_rows_are_marked_in_bulk(many, make_member):
    """The scoped listings mark their page rows as mandated sections in one query (the rows'
    buttons would otherwise ask once per row)."""
    (province, _a, _b), a_schools, _b_schools = many
    url = f"/admin/pages/{a_schools[0].root_page_id}/"
    for user in (
        make_member("editor", school=a_schools[0]),
        make_member("admin", authority=province),
    ):
        client = client_for(user)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        marks = [q for q in queries.captured_queries if "page_types_mandatedsection" in q["sql"]]
        assert len(marks) <= 2, (user.username, len(marks))
