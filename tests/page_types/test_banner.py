"""Urgent announcements show as a banner on every page of their school until their last day."""

import datetime

import pytest
from django.utils import timezone

from tests.page_types.public_content import announcement, news

pytestmark = pytest.mark.django_db


def banner_of(client, school, path):
    response = client.get(path, HTTP_HOST=school.hostname)
    assert response.status_code == 200, path
    html = response.content.decode()
    if 'class="urgent"' not in html:
        return ""
    return html.split('<section class="urgent"', 1)[1].split("</section>", 1)[0]


def page_path(page):
    return "/" + page.url_path.split("/", 2)[2]


def travel_to(monkeypatch, day):
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: day)


def test_banner_on_every_page_of_the_school_until_valid_until(
    client, school, other_school, monkeypatch
):
    today = timezone.localdate()
    article = news(school, title="Hội khỏe Phù Đổng", image=False)
    urgent = announcement(
        school,
        title="Học sinh nghỉ học do bão",
        priority="urgent",
        valid_until=today + datetime.timedelta(days=2),
    )
    announcement(school, title="Thu học phí tháng 10", priority="important")
    paths = ["/", "/gioi-thieu/", "/gioi-thieu/lich-su/", page_path(article), "/lien-he/"]
    for path in paths:
        banner = banner_of(client, school, path)
        assert "Học sinh nghỉ học do bão" in banner, path
        assert f'href="{page_path(urgent)}"' in banner
        assert urgent.valid_until.strftime("%d/%m/%Y") in banner
        assert "Thu học phí tháng 10" not in banner  # only urgent ones make the banner

    # Never on another school's pages.
    for path in ("/", "/tin-tuc/", "/thong-bao/"):
        assert "Học sinh nghỉ học do bão" not in banner_of(client, other_school, path)

    # Still there on its last day, gone the day after.
    travel_to(monkeypatch, urgent.valid_until)
    assert "Học sinh nghỉ học do bão" in banner_of(client, school, page_path(article))
    travel_to(monkeypatch, urgent.valid_until + datetime.timedelta(days=1))
    for path in paths:
        assert banner_of(client, school, path) == "", path


def test_unpublishing_the_announcement_removes_the_banner(client, school):
    urgent = announcement(
        school,
        title="Đổi giờ đón trẻ",
        priority="urgent",
        valid_until=timezone.localdate() + datetime.timedelta(days=1),
    )
    assert "Đổi giờ đón trẻ" in banner_of(client, school, "/tin-tuc/")
    urgent.unpublish()
    assert banner_of(client, school, "/tin-tuc/") == ""
