"""Each school answers on its own host; an unknown host never shows anyone's content."""

import datetime

import pytest
from wagtail.models import Page

from page_types.models import NewsArticlePage
from tenants.models import SchoolDomain


def publish_news(school, title):
    index = Page.objects.get(
        path__startswith=school.root_page.path, depth=3, slug="tin-tuc"
    ).specific
    article = NewsArticlePage(
        title=title, date=datetime.date(2024, 9, 5), intro=f"Tóm tắt: {title}"
    )
    index.add_child(instance=article)
    article.save_revision().publish()
    return article


@pytest.fixture
def two_schools_with_news(school, other_school):
    publish_news(school, "Khai giảng năm học mới ở Tân Thông")
    publish_news(other_school, "Hội thao Phước Vĩnh An")
    return school, other_school


def test_same_path_different_school_different_content(client, two_schools_with_news):
    school, other = two_schools_with_news
    mine = client.get("/tin-tuc/", HTTP_HOST=school.hostname)
    theirs = client.get("/tin-tuc/", HTTP_HOST=other.hostname)
    assert mine.status_code == theirs.status_code == 200
    mine, theirs = mine.content.decode(), theirs.content.decode()
    assert "Khai giảng năm học mới ở Tân Thông" in mine
    assert "Hội thao Phước Vĩnh An" not in mine
    assert "Hội thao Phước Vĩnh An" in theirs
    assert "Khai giảng năm học mới ở Tân Thông" not in theirs


def test_home_page_of_each_host(client, school, other_school):
    response = client.get("/", HTTP_HOST=school.hostname)
    assert response.status_code == 200
    assert school.name in response.content.decode()
    assert other_school.name not in response.content.decode()


@pytest.mark.parametrize(
    "host", ["khong-co.portal.test", "portal.test.evil.example", "th-tan-thong.portal.test.evil"]
)
def test_unknown_host_is_404_and_shows_no_site(client, two_schools_with_news, host):
    school, other = two_schools_with_news
    for path in ("/", "/tin-tuc/"):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 404
        body = response.content.decode()
        for name in (school.name, other.name, "Khai giảng", "Hội thao", "Phòng Giáo dục"):
            assert name not in body


def test_host_is_matched_case_insensitively_and_with_port(client, school):
    response = client.get("/", HTTP_HOST="TH-Tan-Thong.Portal.Test:80")
    assert response.status_code == 200
    assert school.name in response.content.decode()


def test_school_article_not_reachable_through_another_school_host(client, two_schools_with_news):
    school, other = two_schools_with_news
    article = NewsArticlePage.objects.get(title="Khai giảng năm học mới ở Tân Thông")
    path = article.url_path[len(school.root_page.url_path) - 1 :]
    assert client.get(path, HTTP_HOST=school.hostname).status_code == 200
    assert client.get(path, HTTP_HOST=other.hostname).status_code == 404
    # Nor by prefixing the other school's slug (Wagtail's raw tree path).
    assert client.get(article.url_path, HTTP_HOST=other.hostname).status_code == 404


def test_extra_domain_serves_the_school(client, school):
    SchoolDomain.objects.create(school=school, hostname="thtanthong.edu.vn")
    response = client.get("/", HTTP_HOST="thtanthong.edu.vn")
    assert response.status_code == 200
    assert school.name in response.content.decode()


def test_admin_on_a_school_host_redirects_to_the_office_host(client, school):
    response = client.get("/admin/pages/?p=2", HTTP_HOST=school.hostname)
    assert response.status_code == 302
    assert response["Location"] == "http://portal.test/admin/pages/?p=2"
    # On the office host the admin answers (with its own login redirect).
    response = client.get("/admin/", HTTP_HOST="portal.test")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("host", ["portal.test", "th-tan-thong.portal.test", "10.0.0.5"])
def test_healthz_answers_json_on_any_host(client, school, host):
    response = client.get("/healthz", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
