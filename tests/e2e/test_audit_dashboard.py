"""The office's dashboard and a school's drill-down in a real browser, on a small district whose
schools behave differently (diligent, stale, "for show"); screenshots go to
var/screenshots/audit/."""

import datetime

import pytest

from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school
from tests.audit.history import add_announcement, add_news, add_schedule, moment, words

from .conftest import SCREENSHOTS, shoot_tall

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "matkhau-demo-123"
TIMEOUT = 30_000
SHOTS = SCREENSHOTS.parent / "audit"


def make(code, name, level, slug):
    school, _ = provision_school(
        SchoolData(code=code, name=name, level=level, authority="PGD-CUCHI", slug=slug)
    )
    return school


@pytest.fixture
def district(portal):
    create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    diligent = make("79783101", "Trường THCS Tân Thông Hội", "THCS", "thcs-tan-thong-hoi")
    stale = make("79783102", "Trường THCS Phước Hiệp", "THCS", "thcs-phuoc-hiep")
    show = make("79783103", "Trường THCS An Nhơn Tây", "THCS", "thcs-an-nhon-tay")
    # Diligent: a news item and next week's work schedule every school week since September.
    monday = datetime.date(2016, 9, 5)
    while monday <= datetime.date(2016, 11, 21):
        tuesday = monday + datetime.timedelta(days=1)
        add_news(diligent, moment(tuesday.year, tuesday.month, tuesday.day, 9))
        friday = monday + datetime.timedelta(days=4)
        add_schedule(
            diligent,
            moment(friday.year, friday.month, friday.day, 15),
            monday + datetime.timedelta(days=7),
        )
        monday += datetime.timedelta(days=7)
    add_announcement(diligent, moment(2016, 11, 23, 10))
    # Stale: two posts in September, nothing since.
    add_news(stale, moment(2016, 9, 7))
    add_news(stale, moment(2016, 9, 20))
    # For show: silent since September, then eight thin, copied or backdated posts in one
    # afternoon the week before the structure deadline of 25/11/2016.
    add_news(show, moment(2016, 9, 8))
    copied = words(70, seed=777)
    add_news(diligent, moment(2016, 10, 4, 8), title="Hội giảng cấp trường", text=copied)
    for minute in range(8):
        when = moment(2016, 11, 21, 14, minute * 5)
        if minute == 0:
            add_news(show, when, title="Hội giảng cấp trường", text=copied)
        elif minute < 4:
            add_news(show, when, text="Hình ảnh hoạt động")
        else:
            add_news(show, when, date=datetime.date(2016, 10, 10 + minute))
    office, _ = add_member(
        "phong.cuchi",
        Membership.Role.ADMIN,
        authority=diligent.authority,
        password=PASSWORD,
        email="phong@example.vn",
    )
    return {"diligent": diligent, "stale": stale, "show": show, "office": office}


def shoot(page, name):
    shoot_tall(page, SHOTS / name)


def test_dashboard_and_drill_down(browser, district, portal, track_pages):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = track_pages(browser.new_page(viewport={"width": 1440, "height": 1000}))
    page.set_default_timeout(TIMEOUT)
    base = portal["office"]
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "phong.cuchi")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/audit/?as_of=25/11/2016")
    table = page.locator("table.audit-table")
    rows = table.locator("tbody tr")
    assert rows.count() == 3
    # Sorted by score: the diligent school first; the for-show afternoon buys nothing
    # (rubric version 2), so the for-show school is down with the stale one, both Yếu.
    assert "Tân Thông Hội" in rows.nth(0).inner_text()
    assert "An Nhơn Tây" in rows.nth(2).inner_text()
    assert "Yếu" in rows.nth(1).inner_text() and "Yếu" in rows.nth(2).inner_text()
    assert "phiên bản 3" in page.locator("main").inner_text()
    assert page.locator("svg.audit-sparkline title").count() == 3
    shoot(page, "dashboard.png")

    page.locator("#id_band").select_option("Yếu")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    assert all("Yếu" in text for text in rows.all_inner_texts())

    page.goto(f"{base}/admin/audit/school/{district['show'].pk}/?as_of=2016-11-25")
    flags = page.locator("#h-flags").locator("xpath=..")
    text = flags.inner_text()
    for label in ("Đăng dồn", "Bài sơ sài", "Bài trùng lặp", "Lùi ngày đăng"):
        assert label in text, label
    assert page.locator("svg.audit-heatmap desc").count() == 1
    shoot(page, "drill-down-for-show.png")

    page.goto(f"{base}/admin/audit/school/{district['diligent'].pk}/?as_of=2016-11-25")
    score = page.locator("#h-score").locator("xpath=..").inner_text()
    assert "Hạng 1/3" in score and "Đều đặn" in score
    shoot(page, "drill-down-diligent.png")

    page.goto(f"{base}/admin/audit/school/{district['diligent'].pk}/print/?as_of=2016-11-25")
    assert "BÁO CÁO THEO DÕI CẬP NHẬT" in page.content()
    shoot(page, "print.png")
    page.close()
