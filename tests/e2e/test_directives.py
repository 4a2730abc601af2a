"""A directive in a real browser: the office admin sends one to every THCS school; an approver
opens it from the admin home and publishes the post; the office's status table then shows that
school done and the others pending."""

import pytest

from mandates.models import Directive, Target
from page_types.models import NewsArticlePage
from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school

from .conftest import shoot_tall

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "matkhau-demo-123"
TIMEOUT = 30_000
TITLE = "Giới thiệu trang thông tin điện tử đến cha mẹ học sinh"
POST_TITLE = "Nhà trường ra mắt trang thông tin điện tử"

SCHOOLS = (
    ("79783101", "Trường THCS Tân Thông Hội", "THCS", "thcs-tan-thong-hoi"),
    ("79783102", "Trường THCS Phước Hiệp", "THCS", "thcs-phuoc-hiep"),
    ("79783103", "Trường THCS Trung Lập", "THCS", "thcs-trung-lap"),
    ("79782101", "Trường Tiểu học Bình Mỹ", "TH", "th-binh-my"),
)


@pytest.fixture
def office_world(portal):
    authority, _ = create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    schools = {}
    for code, name, level, slug in SCHOOLS:
        schools[slug], _ = provision_school(
            SchoolData(
                code=code,
                name=name,
                level=level,
                authority="PGD-CUCHI",
                slug=slug,
                email=f"{slug}@cuchi.edu.vn",
            )
        )
    add_member(
        "phong.quantri",
        Membership.Role.ADMIN,
        authority=authority,
        password=PASSWORD,
        email="phong@example.vn",
    )
    add_member(
        "tth.hieutruong",
        Membership.Role.APPROVER,
        school=schools["thcs-tan-thong-hoi"],
        password=PASSWORD,
        email="tth@example.vn",
    )
    return {"schools": schools, "authority": authority, **portal}


def login(context, office, username, track):
    page = track(context.new_page())
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{office}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{office}/admin/")
    return page


def test_office_sends_school_publishes_office_sees(browser, office_world, screenshots, track_pages):
    office = office_world["office"]

    # 1. The office admin writes the directive to every THCS school.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = login(context, office, "phong.quantri", track_pages)
    page.goto(f"{office}/admin/directives/new/")
    page.fill("#id_title", TITLE)
    page.fill("#id_body", "Các trường THCS đăng bài giới thiệu trang thông tin điện tử.")
    page.fill("#id_letter_number", "1636/GDĐT-VP")
    page.fill("#id_deadline", "2099-12-25")
    page.select_option("#id_action", "publish_post")
    page.fill("#id_section_key", "tin-tuc")
    page.fill("#id_post_title", POST_TITLE)
    page.fill(
        "#id_post_body",
        "Kính gửi quý cha mẹ học sinh, nhà trường ra mắt trang thông tin điện tử để cập nhật "
        "tin tức, thông báo và các nội dung công khai theo quy định.",
    )
    page.select_option("#id_target_kind", "level")
    page.select_option("#id_target_level", "THCS")
    shoot_tall(page, screenshots / "directive-1-form.png")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/new/" not in url)
    directive = Directive.objects.get(title=TITLE)
    assert directive.targets.count() == 3
    assert page.locator("table.directive-status tbody tr").count() == 3
    context.close()

    # 2. The approver finds it on the admin home and starts it: a draft in "Tin tức".
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = login(context, office, "tth.hieutruong", track_pages)
    panel = page.locator("#mandates-open-section")
    panel.get_by_text(TITLE).wait_for()
    shoot_tall(page, screenshots / "directive-2-school-home.png")
    panel.get_by_role("button", name="Bắt đầu thực hiện").click()
    page.wait_for_url(lambda url: "/admin/pages/" in url and "/edit/" in url)
    assert page.locator("#id_title").input_value() == POST_TITLE
    page.locator(
        "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    target = Target.objects.get(directive=directive, school__slug="thcs-tan-thong-hoi")
    article = NewsArticlePage.objects.get(pk=target.page_id)
    assert article.live and article.shared_from_office
    context.close()

    # 3. The office's status table: that school done (with its post), the others pending.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = login(context, office, "phong.quantri", track_pages)
    page.goto(f"{office}/admin/directives/{directive.pk}/")
    done = page.locator("tr[data-school='79783101']")
    assert done.get_attribute("data-status") == "done"
    assert POST_TITLE in done.inner_text()
    for code in ("79783102", "79783103"):
        assert page.locator(f"tr[data-school='{code}']").get_attribute("data-status") == "unseen"
    assert page.locator("tr[data-school='79782101']").count() == 0
    assert page.locator("[data-count='done']").inner_text() == "1"
    shoot_tall(page, screenshots / "directive-3-status-table.png")
    context.close()
