"""An editor's common tasks walked in a real browser, on a desktop and on a phone: a news article
with a picture and a PDF, a disclosure item, a weekly menu, an urgent announcement refused
without its expiry; the approver approves one and rejects one with a comment. The desktop run
saves its screenshots where the Vietnamese guides show them (page_types/guides.py), so the
pictures in the help follow the real screens."""

from pathlib import Path

import pytest
from wagtail.models import TaskState

from page_types.guides import SHOTS
from page_types.models import (
    AnnouncementPage,
    DisclosureItemPage,
    MandatedSection,
    NewsArticlePage,
    WeeklyMenuPage,
)
from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school

from .conftest import SCREENSHOTS, photo, shoot_tall

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "matkhau-demo-123"
TIMEOUT = 30_000
GUIDE_SHOTS = Path(__file__).resolve().parents[2] / "page_types" / "static" / SHOTS
ARTICLE = "Học sinh lớp Lá trồng cây xanh ở sân trường"
ALT = "Các bé lớp Lá cùng cô giáo trồng cây phượng ở góc sân trường"
MENU = "Thực đơn tuần 2 tháng 12"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 44>>stream\nBT /F1 18 Tf 72 760 Td (Ke hoach trong cay) Tj ET\n"
    b"endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
}


@pytest.fixture
def kindergarten(portal):
    create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    school, _ = provision_school(
        SchoolData(
            code="79785678",
            name="Trường Mầm non Hoa Sen",
            level="MN",
            authority="PGD-CUCHI",
            slug="mn-hoa-sen",
            address="Ấp Chánh, xã Tân Thông Hội, huyện Củ Chi",
            phone="028 3892 1111",
            email="mnhoasen@cuchi.edu.vn",
        )
    )
    add_member("co.hoa", Membership.Role.EDITOR, school=school, password=PASSWORD, email="h@x.vn")
    add_member("co.mai", Membership.Role.APPROVER, school=school, password=PASSWORD, email="m@x.vn")
    return {"school": school, **portal}


class Walk:
    """One viewport's walk; `shot(name)` saves a screenshot (the desktop's feed the guides)."""

    def __init__(self, browser, world, size, track):
        self.browser, self.world, self.size, self.track = browser, world, size, track
        self.office = world["office"]
        self.folder = GUIDE_SHOTS if size == "desktop" else SCREENSHOTS / "guides-phone"
        self.folder.mkdir(parents=True, exist_ok=True)

    def login(self, username):
        context = self.browser.new_context(locale="vi-VN", **SIZES[self.size])
        page = self.track(context.new_page())
        page.set_default_timeout(TIMEOUT)
        page.goto(f"{self.office}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_url(f"{self.office}/admin/")
        return page

    def shot(self, page, name, show=None, tall=False):
        if show is not None:
            show.scroll_into_view_if_needed()
        # Scrolling a field into view may shift the admin sideways: put it back.
        page.evaluate(
            "() => document.querySelectorAll('*').forEach((e) => { if (e.scrollLeft) e.scrollLeft = 0; })"
        )
        page.wait_for_timeout(300)  # let menus and pickers finish drawing
        if tall:
            shoot_tall(page, self.folder / f"{name}.png")
        else:
            page.screenshot(path=str(self.folder / f"{name}.png"))

    def section(self, key):
        return MandatedSection.objects.get(school=self.world["school"], key=key).page

    def add_url(self, model, key):
        return f"{self.office}/admin/pages/add/page_types/{model}/{self.section(key).pk}/"


def open_footer_menu(page):
    page.locator(
        "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()


def submit(page):
    open_footer_menu(page)
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(lambda url: "/add/" not in url and "/edit/" not in url)


def upload_in_chooser(page, chooser, kind, file, title, description=None):
    chooser.locator("button[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.locator("[role=tab][href='#tab-upload'], a[href='#tab-upload']").first.click()
    modal.locator(f"#id_{kind}-chooser-upload-file").set_input_files(str(file))
    modal.locator(f"#id_{kind}-chooser-upload-title").fill(title)
    if description is not None:
        modal.locator(f"#id_{kind}-chooser-upload-description").fill(description)
    modal.locator("#tab-upload form button[type=submit]").click()
    modal.wait_for(state="detached")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_editor_tasks_and_approval(browser, kindergarten, size, tmp_path, track_pages):
    walk = Walk(browser, kindergarten, size, track_pages)
    pdf = tmp_path / "ke-hoach-trong-cay.pdf"
    pdf.write_bytes(PDF)

    # 1. News with a picture and a PDF.
    page = walk.login("co.hoa")
    page.goto(f"{walk.office}/admin/pages/{walk.section('tin-tuc').pk}/")
    walk.shot(page, "tin-tuc-1-them-bai")
    page.goto(walk.add_url("newsarticlepage", "tin-tuc"))
    page.locator(".portal-guide-link a").wait_for()
    page.fill("#id_title", ARTICLE)
    page.fill("#id_intro", "Sáng thứ Hai, các bé lớp Lá trồng mười cây phượng ở góc sân trường.")
    upload_in_chooser(
        page,
        page.locator("#id_lead_image-chooser"),
        "image",
        photo(tmp_path / "trong-cay.jpg"),
        "Trồng cây ở sân trường",
        ALT,
    )
    page.locator("#id_lead_image-chooser:not(.blank)").wait_for()
    attachments = page.locator("[data-contentpath='attachments']")
    attachments.locator("button.c-sf-add-button").first.click()
    chooser = attachments.locator("[id$='-document-chooser']").first
    chooser.wait_for()
    upload_in_chooser(page, chooser, "document", pdf, "Kế hoạch trồng cây")
    attachments.locator("[id$='-document-chooser']:not(.blank)").first.wait_for()
    walk.shot(page, "tin-tuc-2-soan-bai", tall=True)
    open_footer_menu(page)
    walk.shot(page, "tin-tuc-3-gui-duyet")
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(lambda url: "/add/" not in url)
    article = NewsArticlePage.objects.get(title=ARTICLE)
    draft = article.get_latest_revision_as_object()
    assert draft.lead_image.description == ALT
    assert [b.value["document"].title for b in draft.attachments] == ["Kế hoạch trồng cây"]
    assert article.current_workflow_state is not None

    # 1b. A one-line post: held with the reason until the author ticks the override.
    page.goto(walk.add_url("newsarticlepage", "tin-tuc"))
    page.locator(".portal-guide-link a").wait_for()
    page.fill("#id_title", "Các bé tập thể dục buổi sáng")
    page.fill("#id_intro", "Các bé tập thể dục buổi sáng.")
    open_footer_menu(page)
    page.locator("button[name='action-submit']").click()
    warning = page.locator(".portal-publish-checks [data-warning='thin']")
    warning.wait_for()
    assert "Bài sơ sài" in warning.inner_text()
    page.locator(".portal-publish-checks input[name=publish_warnings_override]").check()
    walk.shot(page, "tin-tuc-4-canh-bao", show=page.locator(".portal-publish-checks"))
    open_footer_menu(page)
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(lambda url: "/add/" not in url)
    assert NewsArticlePage.objects.filter(title="Các bé tập thể dục buổi sáng").exists()

    # 2. A disclosure item of this school year: its file.
    item = DisclosureItemPage.objects.descendant_of(kindergarten["school"].root_page).first()
    page.goto(f"{walk.office}/admin/pages/{item.pk}/edit/")
    upload_in_chooser(page, page.locator("#id_file-chooser"), "document", pdf, "Báo cáo công khai")
    page.locator("#id_file-chooser:not(.blank)").wait_for()
    walk.shot(page, "cong-khai-1-muc")
    submit(page)
    item.refresh_from_db()
    assert item.current_workflow_state is not None

    # 3. Next week's menu.
    page.goto(walk.add_url("weeklymenupage", "thuc-don"))
    page.fill("#id_title", MENU)
    days = page.locator("[data-contentpath='days']")
    days.locator("button.c-sf-add-button").first.click()
    days.locator("select").first.select_option("mon")
    days.locator("textarea").nth(1).fill("Cơm, canh bí đỏ nấu tôm, thịt kho trứng")
    walk.shot(page, "thuc-don-1-soan")
    submit(page)
    menu = WeeklyMenuPage.objects.get(title=MENU)
    assert menu.current_workflow_state is not None

    # 4. An urgent announcement without its expiry is refused, naming the field.
    page.goto(walk.add_url("announcementpage", "thong-bao"))
    page.fill("#id_title", "Các bé nghỉ học ngày mai do bão")
    page.select_option("#id_priority", "urgent")
    page.locator("footer button[type=submit]").first.click()
    page.get_by_text("Thông báo khẩn cần ngày hết hiệu lực").first.wait_for()
    walk.shot(page, "thong-bao-1-khan")
    assert not AnnouncementPage.objects.exists()
    page.context.close()

    # 5. The approver approves the article and sends the menu back with a comment.
    page = walk.login("co.mai")
    panel = page.locator("#awaiting-review-section")
    panel.get_by_text(ARTICLE).wait_for()
    walk.shot(page, "duyet-1-cho-duyet", show=panel)
    if size == "phone":
        # The ☰ button stays over the top-left corner: on the dashboard (no sticky header) the
        # panels scroll under an opaque strip, never right under the button.
        page.evaluate("() => { document.querySelector('main').scrollTop = 300; }")
        page.wait_for_timeout(200)
        under = page.evaluate(
            "() => document.elementsFromPoint(45, 40).slice(0, 2).map((e) => e.className.baseVal ?? e.className)"
        )
        assert "sidebar-nav-toggle" in under[0] and "w-dashboard" in under[1], under
        page.screenshot(path=str(walk.folder / "dashboard-scrolled.png"))
    page.goto(f"{walk.office}/admin/pages/{article.pk}/edit/")
    open_footer_menu(page)
    approve = page.locator("footer button[data-workflow-action-name='approve']").first
    assert approve.inner_text().strip() == "Duyệt và xuất bản"
    walk.shot(page, "duyet-2-nut-duyet")
    approve.click()
    page.wait_for_load_state("networkidle")
    for _ in range(50):
        article.refresh_from_db()
        if article.live:
            break
        page.wait_for_timeout(200)
    assert article.live

    page.goto(f"{walk.office}/admin/pages/{menu.pk}/edit/")
    open_footer_menu(page)
    page.locator("footer button[data-workflow-action-name='reject']").first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    modal.locator("textarea").first.fill("Thiếu bữa xế thứ Hai; cô bổ sung giúp.")
    modal.locator("button[type=submit]").first.click()
    modal.wait_for(state="detached")
    for _ in range(50):
        state = TaskState.objects.filter(workflow_state__object_id=str(menu.pk)).first()
        if state and state.status == TaskState.STATUS_REJECTED:
            break
        page.wait_for_timeout(200)
    assert state.status == TaskState.STATUS_REJECTED
    assert "bữa xế" in state.get_comment()
    menu.refresh_from_db()
    assert not menu.live
    page.context.close()
