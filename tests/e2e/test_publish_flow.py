"""The whole publishing path in a real browser: an editor writes a news article with a photo
and submits it; the principal approves it; a parent reads it on a phone."""

import pytest

from page_types.models import MandatedSection, NewsArticlePage
from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school

from .conftest import photo

pytestmark = [
    pytest.mark.browser,
    # The live server runs in another thread: real commits. serialized_rollback restores the
    # rows migrations create (root page, root collection) for the tests that run after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "matkhau-demo-123"
TITLE = "Học sinh lớp 5A trồng cây xanh ở sân trường"
ALT = "Học sinh lớp 5A cùng cô giáo trồng cây phượng ở góc sân trường"
TIMEOUT = 30_000


@pytest.fixture
def school_world(portal):
    create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    school, _ = provision_school(
        SchoolData(
            code="79781234",
            name="Trường Tiểu học Tân Thông",
            level="TH",
            authority="PGD-CUCHI",
            slug="th-tan-thong",
            address="Ấp Bàu Tre, xã Tân Thông Hội, huyện Củ Chi",
            phone="028 3892 0000",
            email="thtanthong@cuchi.edu.vn",
        )
    )
    editor, _ = add_member(
        "co.lan", Membership.Role.EDITOR, school=school, password=PASSWORD, email="lan@example.vn"
    )
    approver, _ = add_member(
        "thay.binh",
        Membership.Role.APPROVER,
        school=school,
        password=PASSWORD,
        email="binh@example.vn",
    )
    return {"school": school, "editor": editor, "approver": approver, **portal}


def login(context, office, username, track):
    page = track(context.new_page())
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{office}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{office}/admin/")
    return page


def open_footer_menu(page):
    page.locator(
        "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()


def test_editor_submits_approver_publishes_parent_reads(
    browser, school_world, screenshots, tmp_path, track_pages
):
    school = school_world["school"]
    office = school_world["office"]
    news_index = MandatedSection.objects.get(school=school, key="tin-tuc").page

    # 1. The editor writes the article and uploads its photo through the image chooser.
    editor_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = login(editor_context, office, "co.lan", track_pages)
    page.goto(f"{office}/admin/pages/add/page_types/newsarticlepage/{news_index.pk}/")
    page.fill("#id_title", TITLE)
    # A real post (a one-liner would be held by the thin-post warning, page_types/publish_checks).
    page.fill(
        "#id_intro",
        "Sáng thứ Hai, lớp 5A trồng mười cây phượng ở góc sân trường. Các em chia nhóm đào hố, "
        "bón phân và tưới nước, rồi treo biển tên lớp lên từng cây để cùng chăm sóc suốt năm học.",
    )
    page.locator("#id_lead_image-chooser button[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.locator("[role=tab][href='#tab-upload'], a[href='#tab-upload']").first.click()
    modal.locator("#id_image-chooser-upload-file").set_input_files(
        str(photo(tmp_path / "trong-cay.jpg"))
    )
    modal.locator("#id_image-chooser-upload-title").fill("Trồng cây ở sân trường")
    # The alt text is required, with a label that says what it is for.
    description = modal.locator("#id_image-chooser-upload-description")
    assert description.get_attribute("required") is not None
    label = modal.locator("label[for='id_image-chooser-upload-description']")
    assert "Mô tả ảnh (văn bản thay thế cho người khiếm thị)" in label.inner_text()
    modal.locator("#id_image-chooser-upload-description").fill(ALT)
    modal.locator("#tab-upload form button[type=submit]").click()
    modal.wait_for(state="detached")
    page.locator("#id_lead_image-chooser:not(.blank)").wait_for()

    open_footer_menu(page)
    page.locator("button[name='action-submit']").click()
    # Saved and submitted: Wagtail leaves the "add" form for the page or its section.
    page.wait_for_url(lambda url: "/add/" not in url)
    article = NewsArticlePage.objects.get(title=TITLE)
    assert not article.live
    assert article.get_latest_revision_as_object().lead_image.description == ALT
    assert article.current_workflow_state is not None
    editor_context.close()

    # 2. The principal finds it on the dashboard and approves it.
    approver_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = login(approver_context, office, "thay.binh", track_pages)
    panel = page.locator("#awaiting-review-section")
    panel.get_by_text(TITLE).wait_for()
    row = panel.locator("tr", has_text=TITLE)
    row.locator(".w-dropdown__toggle, [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    page.wait_for_load_state("networkidle")
    article.refresh_from_db()
    for _ in range(50):
        if article.live:
            break
        page.wait_for_timeout(200)
        article.refresh_from_db()
    assert article.live
    approver_context.close()

    # 3. A parent opens the school site on a phone and reads the article.
    phone = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )
    page = track_pages(phone.new_page())
    page.set_default_timeout(TIMEOUT)
    home_url = f"http://{school.hostname}:{school_world['port']}/"
    response = page.goto(home_url)
    assert response.status == 200
    link = page.get_by_role("link", name=TITLE).first
    link.wait_for()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshots / "parent-home.png"), full_page=True)
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    link.click()
    page.wait_for_url(lambda url: url.startswith(home_url) and "/tin-tuc/" in url)
    page.get_by_role("heading", name=TITLE).wait_for()
    image = page.locator(f"img[alt='{ALT}']").first
    image.wait_for()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", image.element_handle())
    page.screenshot(path=str(screenshots / "parent-article.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()
