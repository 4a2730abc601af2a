"""The public side: a school's host serves only that school's published pages and documents;
drafts, previews and revisions are never reachable anonymously; unknown hosts get a 404."""

import pytest
from django.core.files.base import ContentFile
from django.template import engines
from django.test import Client, RequestFactory, override_settings

from .conftest import MARKER

pytestmark = pytest.mark.django_db


def anonymous(host):
    return Client(HTTP_HOST=host)


def relative_path(page):
    """The page's path inside its own site ("/tin-tuc/x/")."""
    return "/" + page.url_path.split("/", 2)[2]


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=600)
def test_other_schools_page_is_not_served_on_this_host(world):
    b_live = world.b.pages["live"]
    path = relative_path(b_live)
    b_host, a_host = world.b.school.hostname, world.a.school.hostname
    # Served (and, where the page cache is on, cached) on its own host first.
    assert anonymous(b_host).get(path).status_code == 200
    for candidate in (path, b_live.url_path, "/" + world.b.school.slug + path):
        response = anonymous(a_host).get(candidate)
        assert response.status_code == 404, candidate
        assert MARKER not in response.content.decode().lower()
    # The office host is another site too.
    assert anonymous("portal.test").get(path).status_code == 404


def test_drafts_and_pages_in_moderation_are_not_public(world):
    host = world.b.school.hostname
    for key in ("draft", "moderated"):
        response = anonymous(host).get(relative_path(world.b.pages[key]))
        assert response.status_code == 404, key
    for url in ("/", relative_path(world.b.pages["news_index"])):
        body = anonymous(host).get(url).content.decode()
        assert "Bản nháp" not in body and "Chờ duyệt" not in body
    office = anonymous("portal.test").get("/")
    assert office.status_code == 200
    office_body = office.content.decode()
    assert "Bản nháp" not in office_body and "Chờ duyệt" not in office_body


def test_previews_drafts_and_revisions_need_a_login(world):
    b = world.b
    page_id, revision_id = b.ids["page_draft"], b.ids["revision_draft"]
    for url in (
        f"/admin/pages/{page_id}/view_draft/",
        f"/admin/pages/{page_id}/edit/preview/",
        f"/admin/pages/{page_id}/revisions/{revision_id}/view/",
        f"/admin/pages/{page_id}/revisions/",
        f"/admin/pages/{b.ids['page_moderated']}/workflow/preview/1/",
        f"/admin/api/main/pages/{page_id}/",
    ):
        for host in ("portal.test", b.school.hostname):
            response = anonymous(host).get(url)
            assert response.status_code in (302, 401, 403, 404), (host, url)
            if response.status_code == 302:
                assert "/admin/login/" in response["Location"] or response["Location"].startswith(
                    "http://portal.test/admin/"
                ), response["Location"]
            assert MARKER not in response.content.decode().lower()


@pytest.mark.parametrize(
    "host",
    [
        "unknown.portal.test",
        "evil.example.com",
        "th-tan-thong-hoi.portal.test.evil.example.com",
        "portal.test.evil.example.com",
    ],
)
def test_unknown_host_gets_404_without_a_stack_trace(world, host):
    client = Client(HTTP_HOST=host, raise_request_exception=False)
    for path in ("/", "/tin-tuc/", "/admin/", f"/documents/{world.a.ids['document']}/x.pdf"):
        response = client.get(path)
        assert response.status_code == 404, (host, path)
        body = response.content.decode()
        assert "Traceback" not in body and MARKER not in body.lower()


def _document_url(world, tenant):
    from wagtail.documents import get_document_model

    return get_document_model().objects.get(pk=tenant.ids["document"]).url


def test_documents_are_served_only_on_their_schools_host(world):
    b_url = _document_url(world, world.b)
    assert anonymous(world.b.school.hostname).get(b_url).status_code == 200
    assert anonymous(world.a.school.hostname).get(b_url).status_code == 404
    assert anonymous(world.a2.school.hostname).get(b_url).status_code == 404
    a_url = _document_url(world, world.a)
    assert anonymous(world.a.school.hostname).get(a_url).status_code == 200
    assert anonymous(world.b.school.hostname).get(a_url).status_code == 404


def test_office_documents_are_served_on_school_hosts(world):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from tenants.isolation.scope import office_collection_ids

    office_collection = Collection.objects.get(pk=sorted(office_collection_ids())[0])
    document = get_document_model().objects.create(
        title="Công văn của Sở",
        file=ContentFile(b"%PDF-1.4\n", name="cong-van-so.pdf"),
        collection=office_collection,
    )
    assert anonymous(world.a.school.hostname).get(document.url).status_code == 200
    assert anonymous("portal.test").get(document.url).status_code == 200


def test_slugurl_never_links_to_another_site(world):
    template = engines["django"].from_string(
        '{% load wagtailcore_tags %}[{% slugurl "zqxb-tin-cong-khai" %}]'
    )
    anonymous("portal.test").get("/")  # the host middleware installs the site-bound tag
    factory = RequestFactory()
    on_a = factory.get("/", HTTP_HOST=world.a.school.hostname)
    on_b = factory.get("/", HTTP_HOST=world.b.school.hostname)
    assert template.render({"request": on_a}) == "[]"
    assert "zqxb-tin-cong-khai" in template.render({"request": on_b})
    draft = engines["django"].from_string(
        '{% load wagtailcore_tags %}[{% slugurl "zqxb-ban-nhap" %}]'
    )
    assert draft.render({"request": on_b}) == "[]"
