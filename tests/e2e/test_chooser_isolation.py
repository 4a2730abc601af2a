"""In a real browser, school A's editor opens the page, image and document choosers and the admin
page search and types a distinctive title of school B: nothing of school B appears (while the
same kind of title of school A does)."""

import io
import os
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school

from .conftest import CHROMIUM, SCREENSHOTS

PASSWORD = "matkhau-demo-123"
B_WORD = "Quyzxbeta"  # in every title of school B
A_WORD = "Quyzalpha"  # in every title of school A
KINDS = ("Tin", "Ảnh", "Kế hoạch")  # the titles are "<kind> <word> ..."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason="Chromium không có: apt-get install chromium"
    ),
    # serialized_rollback: migrations' rows (root page, locale) are restored after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 16), (20, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def _fill(school, word, editor):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from page_types.models import MandatedSection, NewsArticlePage

    news_index = MandatedSection.objects.get(school=school, key="tin-tuc").page.specific
    page = news_index.add_child(
        instance=NewsArticlePage(title=f"Tin {word} {school.name}", slug=f"tin-{word.lower()}")
    )
    page.save_revision(user=editor).publish()
    image = get_image_model()(
        title=f"Ảnh {word}",
        file=ImageFile(io.BytesIO(_png()), name=f"{word.lower()}.png"),
        collection=school.collection,
    )
    image.save()
    get_document_model().objects.create(
        title=f"Kế hoạch {word}",
        file=ContentFile(b"%PDF-1.4\n", name=f"{word.lower()}.pdf"),
        collection=school.collection,
    )
    return page


@pytest.fixture
def two_schools(portal):
    # `portal` (tests/e2e/conftest.py): live server's port in site URLs, uploads in tmp.
    create_authority("PGD-E2E", "Phòng Giáo dục và Đào tạo E2E")
    school_a = provision_school(
        SchoolData(
            code="79E2EA",
            name="Trường Tiểu học Hòa Bình",
            level="TH",
            authority="PGD-E2E",
            slug="th-hoa-binh",
        )
    )[0]
    school_b = provision_school(
        SchoolData(
            code="79E2EB",
            name="Trường Tiểu học Bến Súc",
            level="TH",
            authority="PGD-E2E",
            slug="th-ben-suc",
        )
    )[0]
    a_editor = add_member(
        "e2e_bientap", Membership.Role.EDITOR, school=school_a, password=PASSWORD
    )[0]
    b_editor = add_member("e2e_khac", Membership.Role.EDITOR, school=school_b, password=PASSWORD)[0]
    a_page = _fill(school_a, A_WORD, a_editor)
    _fill(school_b, B_WORD, b_editor)
    return {"a_page": a_page, "a_editor": a_editor}


@pytest.fixture
def browser_page(browser, track_pages):
    """A page of the shared Chromium (tests/e2e/conftest.py), screenshotted if the test fails."""
    page = track_pages(browser.new_page(viewport={"width": 1280, "height": 900}))
    page.set_default_timeout(20_000)
    yield page
    page.close()


def _admin(portal):
    return f"{portal['office']}/admin"


def _login(page, admin_url):
    page.goto(f"{admin_url}/login/")
    page.fill("input[name=username]", "e2e_bientap")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def _search_in_modal(page, word):
    search = page.locator(".modal-dialog:visible input[name=q]").first
    search.fill("")
    with page.expect_response(lambda r: "q=" in r.url):
        search.type(word, delay=20)
    page.wait_for_timeout(400)
    return _without_echo(page.locator(".modal-dialog:visible").inner_text(), word)


def _without_echo(text, word):
    """The screen repeats the search term ("no matches for …"): only results count, so the
    titles are looked for ("Tin/Ảnh/Kế hoạch <word>"), never the bare term."""
    return "\n".join(
        line for line in text.splitlines() if any(f"{kind} {word}" in line for kind in KINDS)
    )


def _open_modal(page, js_class, url):
    # The page chooser needs the page types it may pick; the others take no options.
    page.evaluate(
        "([cls, url]) => new window[cls](url).open({modelNames: ['wagtailcore.page']}, () => {})",
        [js_class, url],
    )
    page.locator(".modal-dialog:visible input[name=q]").first.wait_for()


def _close_modal(page):
    page.keyboard.press("Escape")
    page.locator(".modal-dialog:visible").first.wait_for(state="detached")
    # Closed modals stay in the page; drop them so the next chooser is the only one.
    page.evaluate("document.querySelectorAll('.modal').forEach((m) => m.remove())")


def test_choosers_and_search_show_nothing_of_another_school(portal, two_schools, browser_page):
    page = browser_page
    # The editor's "who else is editing" pings and release beacons run concurrently with the
    # chooser requests; the in-memory test database cannot take two writers at once.
    page.route("**/admin/editing-sessions/**", lambda route: route.abort())
    admin = _admin(portal)
    _login(page, admin)
    page.goto(f"{admin}/pages/{two_schools['a_page'].pk}/edit/")
    page.locator("form[data-edit-form]").first.wait_for()

    for js_class, url in (
        ("PageChooserModal", "/admin/choose-page/"),
        ("ImageChooserModal", "/admin/images/chooser/"),
        ("DocumentChooserModal", "/admin/documents/chooser/"),
    ):
        _open_modal(page, js_class, url)
        shown = _search_in_modal(page, B_WORD)
        assert B_WORD not in shown, f"{js_class} shows school B: {shown[:500]}"
        assert "Bến Súc" not in shown
        own = _search_in_modal(page, A_WORD)
        assert A_WORD in own, f"{js_class} does not find school A's item: {own[:500]}"
        page.screenshot(path=str(SCREENSHOTS / f"isolation-{js_class}.png"))
        _close_modal(page)

    # The admin search box in the sidebar: type, press Enter, read the results page.
    for word, expect_found in ((B_WORD, False), (A_WORD, True)):
        page.goto(f"{admin}/")
        box = page.locator("[data-wagtail-sidebar] input[name=q], aside input[name=q]").first
        box.click()
        box.type(word, delay=20)
        with page.expect_navigation():
            box.press("Enter")
        page.wait_for_load_state("networkidle")
        shown = _without_echo(page.locator("main").inner_text(), word)
        assert (word in shown) is expect_found, shown[:500]
        assert "Bến Súc" not in shown
    page.screenshot(path=str(SCREENSHOTS / "isolation-admin-search.png"))
