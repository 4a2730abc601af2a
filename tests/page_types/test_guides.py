"""Help in Vietnamese inside the admin: the Help menu lists the portal's guides (not Wagtail's
English guide and release notes), each guide is a page of real steps, and every section's edit
screen has a "?" to the guide of its kind of page."""

import json
import re

import pytest
from django.urls import reverse

from page_types.guides import GUIDES, SHOTS
from page_types.models import (
    AnnouncementPage,
    DisclosureItemPage,
    MandatedSection,
    NewsArticlePage,
    WeeklyMenuPage,
)
from tenants.models import Membership

OFFICE = "portal.test"
WAGTAIL_ENGLISH = ("guide.wagtail.org", "docs.wagtail.org", "What&#x27;s new", "Editor Guide")


def test_help_menu_lists_the_vietnamese_guides(client, editor):
    client.force_login(editor)
    html = client.get("/admin/", HTTP_HOST=OFFICE).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    sidebar = json.dumps(json.loads(props.group(1)), ensure_ascii=False)
    for guide in GUIDES:
        assert guide.url in sidebar
        assert str(guide.title) in sidebar
    for english in WAGTAIL_ENGLISH:
        assert english not in html, english
        assert english not in sidebar, english


@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.slug)
def test_each_guide_is_a_page_of_steps(client, editor, guide):
    client.force_login(editor)
    response = client.get(guide.url, HTTP_HOST=OFFICE)
    html = response.content.decode()
    assert response.status_code == 200
    assert str(guide.title) in html
    assert html.count("<li>") >= 3 + len(GUIDES) - 1  # its steps and the other guides
    # The screenshots the browser tests took (tests/e2e/test_editor_guides.py).
    assert guide.shots
    for name, caption in guide.shots:
        assert f"{SHOTS}/{name}.png" in html
        assert str(caption) in html


def test_unknown_guide_is_not_found_and_guides_are_read_only(client, editor):
    client.force_login(editor)
    response = client.get("/admin/guides/khong-co/", HTTP_HOST=OFFICE)
    assert response.status_code == 404
    assert client.post(GUIDES[0].url, {}, HTTP_HOST=OFFICE).status_code == 405


def _child(school, key, model, **fields):
    parent = MandatedSection.objects.get(school=school, key=key).page
    page = model(**fields)
    parent.add_child(instance=page)
    return page


@pytest.mark.parametrize(
    ("key", "model", "fields", "slug"),
    [
        ("tin-tuc", NewsArticlePage, {"title": "Ngày hội đọc sách"}, "dang-tin-tuc"),
        ("thong-bao", AnnouncementPage, {"title": "Nghỉ học do bão"}, "thong-bao-khan"),
        ("thuc-don", WeeklyMenuPage, {"title": "Thực đơn tuần 2"}, "thuc-don"),
    ],
)
def test_edit_screen_links_its_guide(client, make_school, make_member, key, model, fields, slug):
    # A kindergarten: its structure has the weekly menu.
    school = make_school("MN", name="Trường Mầm non Hoa Sen", slug="mn-hoa-sen")
    user = make_member(Membership.Role.EDITOR, school=school)
    page = _child(school, key, model, **fields)
    client.force_login(user)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), HTTP_HOST=OFFICE
    ).content.decode()
    assert 'class="portal-guide-link"' in html
    assert reverse("portal_guides:guide", args=[slug]) in html


def test_disclosure_item_links_the_disclosure_guide(client, editor, school):
    item = DisclosureItemPage.objects.descendant_of(school.root_page).exclude(item_code="").first()
    client.force_login(editor)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=(item.pk,)), HTTP_HOST=OFFICE
    ).content.decode()
    assert reverse("portal_guides:guide", args=["cong-khai"]) in html
