"""What a parent does on a phone: search from the header, subscribe by e-mail, read the
disclosure completeness and an expired announcement; axe-core finds no WCAG 2.1 AA violation
on the pages they read. Screenshots in var/screenshots/e2e/parents-*.png."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from page_types.models import DisclosureItemPage
from regulations.calendars import school_year_of
from tenants.provisioning import SchoolData, create_authority, provision_school
from tests.page_types.public_content import announcement, news, section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 844}
TIMEOUT = 30_000


def axe_violations(page):
    assert AXE.exists(), "npm ci --prefix tests/e2e (axe-core)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]


@pytest.fixture
def world(portal):
    create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    school, _ = provision_school(
        SchoolData(
            code="79785555",
            name="Trường Tiểu học Hòa Phú",
            level="TH",
            authority="PGD-CUCHI",
            slug="th-hoa-phu",
            address="Ấp 1, xã Hòa Phú, huyện Củ Chi",
            phone="028 3892 1111",
            email="thhoaphu@cuchi.edu.vn",
        )
    )
    today = timezone.localdate()
    article = news(
        school,
        title="Thực đơn bán trú tuần này có thêm món canh chua",
        intro="Nhà trường điều chỉnh thực đơn bán trú theo góp ý của phụ huynh.",
    )
    announcement(
        school,
        title="Nghỉ học tránh bão số 9",
        priority="urgent",
        date=today - datetime.timedelta(days=40),
        valid_until=today - datetime.timedelta(days=30),
    )
    announcement(
        school, title="Họp phụ huynh đầu năm", valid_until=today + datetime.timedelta(days=5)
    )
    slots = list(DisclosureItemPage.objects.descendant_of(section(school, "cong-khai")))
    slots[0].body = "<p>Thông tin chung về nhà trường.</p>"
    slots[0].save_revision().publish()
    base = f"http://{school.hostname}:{portal['port']}"
    return {"school": school, "base": base, "article": article, "year": school_year_of(today)}


@pytest.fixture
def phone(browser, track_pages):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, bypass_csp=True
    )
    page = track_pages(context.new_page())
    page.set_default_timeout(TIMEOUT)
    yield page
    context.close()


def test_parent_searches_subscribes_and_reads_on_a_phone(world, phone, screenshots):
    base = world["base"]
    problems = {}

    phone.goto(base + "/")
    problems["home"] = axe_violations(phone)
    assert "Nghỉ học tránh bão" not in phone.content()
    phone.screenshot(path=str(screenshots / "parents-home.png"), full_page=True)

    # Search from the header, typed without diacritics.
    phone.fill("#header-q", "thuc don ban tru")
    phone.press("#header-q", "Enter")
    phone.wait_for_url(re.compile(r"/tim-kiem/"))
    assert phone.locator(".search-results mark").count() >= 3
    problems["search"] = axe_violations(phone)
    phone.screenshot(path=str(screenshots / "parents-search.png"), full_page=True)
    phone.click(".search-results a")
    phone.wait_for_url(re.compile(r"/tin-tuc/"))
    problems["article"] = axe_violations(phone)

    # Subscribe, then confirm from the e-mail.
    phone.goto(base + "/dang-ky-nhan-tin/")
    problems["subscribe"] = axe_violations(phone)
    phone.fill("#id_email", "phuhuynh@example.vn")
    phone.check("#id_wants_announcements")
    phone.fill("#id_audience", "Lớp 3A")
    phone.check("#id_consent")
    phone.screenshot(path=str(screenshots / "parents-subscribe.png"), full_page=True)
    phone.click("form.subscribe-form button[type=submit]")
    phone.wait_for_url(re.compile(r"da-gui=1"))
    assert "Kiểm tra hộp thư" in phone.content()
    [message] = mail.outbox
    link = re.search(r"http://\S+/xac-nhan/\S+/", message.body).group(0)
    phone.goto(
        link.replace(
            f"//{world['school'].hostname}/",
            f"//{world['school'].hostname}:{base.rsplit(':', 1)[1]}/",
        )
    )
    phone.click("text=Xác nhận, tôi muốn nhận tin")
    phone.wait_for_url(re.compile(r"/quan-ly/"))
    assert "Đã xác nhận" in phone.content()
    problems["manage"] = axe_violations(phone)
    phone.screenshot(path=str(screenshots / "parents-subscribed.png"), full_page=True)

    # The disclosure completeness panel of the current year.
    phone.goto(base + f"/cong-khai/{world['year']}/")
    panel = phone.locator(".completeness")
    assert re.search(r"Đã công khai 1/\d+ mục", panel.inner_text())
    problems["disclosure"] = axe_violations(phone)
    panel.screenshot(path=str(screenshots / "parents-disclosure-panel.png"))
    phone.screenshot(path=str(screenshots / "parents-disclosure.png"), full_page=True)

    # The expired announcement, labelled in its section.
    phone.goto(base + "/thong-bao/")
    expired = phone.locator(".notice-expired")
    assert "Đã hết hiệu lực" in expired.inner_text()
    assert phone.locator(".notice-expired .badge-urgent").count() == 0
    problems["announcements"] = axe_violations(phone)
    phone.screenshot(path=str(screenshots / "parents-expired.png"), full_page=True)

    assert {name: found for name, found in problems.items() if found} == {}
