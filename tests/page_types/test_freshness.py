"""What parents can see about how well a school keeps its site: the last update, expired
announcements, the admissions notices, the disclosure completeness panel."""

import datetime

import pytest
from django.utils import timezone

from page_types.models import AnnouncementPage
from tenants.clock import at, simulated_now
from tests.page_types.public_content import announcement, news, section

pytestmark = pytest.mark.django_db


def html(client, school, path):
    response = client.get(path, HTTP_HOST=school.hostname)
    assert response.status_code == 200, path
    return response.content.decode()


def test_last_updated_comes_from_the_publication_log(client, school):
    with simulated_now(at(datetime.date(2024, 3, 5), 9)):
        article = news(school, title="Tin tháng ba", image=False)
    # An editable date on the article must not count: only when it was published.
    article.date = datetime.date(2030, 1, 1)
    article.save()
    with simulated_now(at(datetime.date(2024, 4, 1), 23, 30)):
        announcement(school, title="Thông báo tháng tư")
    home = html(client, school, "/")
    assert "Cập nhật lần cuối" in home
    assert "01/04/2024" in home.split("Cập nhật lần cuối", 1)[1][:200]
    news_section = html(client, school, "/tin-tuc/")
    assert "05/03/2024" in news_section.split("Cập nhật lần cuối", 1)[1][:200]


def test_an_expired_urgent_announcement_is_labelled_and_leaves_the_home(client, school):
    today = timezone.localdate()
    old = announcement(
        school,
        title="Nghỉ học do bão",
        priority="urgent",
        date=today - datetime.timedelta(days=30),
        valid_until=today - datetime.timedelta(days=20),
    )
    announcement(school, title="Họp phụ huynh cuối năm", valid_until=today)
    home = html(client, school, "/")
    assert "Họp phụ huynh cuối năm" in home
    assert "Nghỉ học do bão" not in home
    assert "Thông báo khẩn" not in home
    listing = html(client, school, "/thong-bao/")
    assert "Nghỉ học do bão" in listing
    item = listing.split("Nghỉ học do bão")[0].rsplit("<li", 1)[1]
    assert "Đã hết hiệu lực" in item and "Khẩn" not in item
    page = html(client, school, "/thong-bao/" + old.slug + "/")
    assert "Đã hết hiệu lực" in page and "badge-urgent" not in page


def test_admissions_page_shows_the_latest_admissions_announcements(client, school):
    announcement(school, title="Thông báo tuyển sinh lớp 1 năm học mới")
    announcement(school, title="Lịch nghỉ Tết")
    news(school, title="Kế hoạch tuyển sinh", category="tuyen-sinh", image=False)
    body = html(client, school, "/tuyen-sinh/")
    assert "Thông báo tuyển sinh lớp 1" in body
    assert "Lịch nghỉ Tết" not in body
    assert "Kế hoạch tuyển sinh" in body


def test_announcement_model_knows_when_it_is_current(school):
    today = timezone.localdate()
    announcement(school, title="Cũ", valid_until=today - datetime.timedelta(days=1))
    announcement(school, title="Mới")
    titles = [a.title for a in AnnouncementPage.current_for_root(section(school, "thong-bao"))]
    assert titles == ["Mới"]


def test_current_disclosure_year_shows_its_completeness_unless_the_office_turns_it_off(
    client, school
):
    from page_types.models import DisclosureItemPage, OfficeHomePage
    from regulations.calendars import school_year_of

    year = school_year_of(timezone.localdate())
    slots = list(
        DisclosureItemPage.objects.descendant_of(section(school, "cong-khai")).order_by("item_code")
    )
    assert len(slots) >= 2
    first = slots[0]
    first.body = "<p>Đã công khai.</p>"
    first.save_revision().publish()
    body = html(client, school, f"/cong-khai/{year}/")
    assert f"Đã công khai 1/{len(slots)} mục" in body
    panel = body.split('class="completeness"', 1)[1].split("</section>", 1)[0]
    assert slots[1].title in panel and first.title not in panel
    OfficeHomePage.objects.update(show_disclosure_status=False)
    assert "Đã công khai 1/" not in html(client, school, f"/cong-khai/{year}/")
