"""Feeds, sitemap, robots, favicon and meta tags: each host lists only its own live, public pages."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from page_types.models import NewsArticlePage
from tests.page_types.public_content import announcement, make_image, news, section

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def get(client, school, path):
    response = client.get(path, HTTP_HOST=school.hostname)
    assert response.status_code == 200, path
    return response


@pytest.fixture
def content(school, other_school):
    mine = news(school, title="Hội thi vẽ tranh", image=False)
    theirs = news(other_school, title="Ngày hội đọc sách trường bạn", image=False)
    private = news(school, title="Bài nội bộ", image=False)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = NewsArticlePage(title="Bản nháp chưa đăng", slug="nhap", live=False)
    section(school, "tin-tuc").add_child(instance=draft)
    notice = announcement(school, title="Nghỉ học ngày bầu cử")
    return {"mine": mine, "theirs": theirs, "private": private, "notice": notice}


def test_news_and_announcement_feeds_list_only_this_school(client, school, content):
    feed = get(client, school, "/feed/tin-tuc.xml")
    assert feed["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(feed.content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == ["Hội thi vẽ tranh"]
    link = next(root.iter("item")).findtext("link")
    assert link.startswith(f"http://{school.hostname}/tin-tuc/")
    notices = ET.fromstring(get(client, school, "/feed/thong-bao.xml").content)
    assert [i.findtext("title") for i in notices.iter("item")] == ["Nghỉ học ngày bầu cử"]
    ET.fromstring(get(client, school, "/feed/van-ban.xml").content)
    assert client.get("/feed/khac.xml", HTTP_HOST=school.hostname).status_code == 404


def test_every_page_links_its_feeds_and_has_meta_tags(client, school, content):
    html = get(client, school, "/").content.decode()
    for kind in ("tin-tuc", "thong-bao", "van-ban"):
        assert f'<link rel="alternate" type="application/rss+xml" href="/feed/{kind}.xml"' in html
    assert '<meta name="description" content="' in html
    assert f'<link rel="canonical" href="http://{school.hostname}/">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<link rel="icon" href="/static/img/logo-default.svg">' in html
    article = get(client, school, "/" + content["mine"].url_path.split("/", 2)[2])
    assert 'content="Sáng nay, toàn trường' in article.content.decode()


def test_sitemap_lists_only_live_public_pages_of_this_host(client, school, content):
    body = get(client, school, "/sitemap.xml").content
    locations = [e.text for e in ET.fromstring(body).findall("s:url/s:loc", SITEMAP_NS)]
    assert f"http://{school.hostname}/" in locations
    assert any(loc.endswith(f"/tin-tuc/{content['mine'].slug}/") for loc in locations)
    assert not any(content["theirs"].slug in loc for loc in locations)
    assert not any(content["private"].slug in loc for loc in locations)
    assert not any(loc.endswith("/nhap/") for loc in locations)
    assert all(loc.startswith(f"http://{school.hostname}/") for loc in locations)


def test_robots_points_to_the_host_sitemap(client, school):
    body = get(client, school, "/robots.txt").content.decode()
    assert f"Sitemap: http://{school.hostname}/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_favicon_is_the_school_logo_or_the_default(client, school):
    response = client.get("/favicon.ico", HTTP_HOST=school.hostname)
    assert response.status_code == 302 and response["Location"].endswith("logo-default.svg")
    from wagtail.models import Page

    root = Page.objects.get(pk=school.root_page_id).specific
    root.logo = make_image(school, title="Logo", size=(256, 256))
    root.save_revision().publish()
    response = client.get("/favicon.ico", HTTP_HOST=school.hostname)
    assert response.status_code == 302 and ".png" in response["Location"]
    html = get(client, school, "/").content.decode()
    assert f'<link rel="icon" href="{response["Location"]}">' in html


def test_a_logo_whose_file_is_gone_leaves_the_site_up_with_the_default(client, school):
    """A restored database without its media, or a storage fault: the original file is missing.
    Every page of the site used to answer 500 (the logo's renditions are made for each page)."""
    from wagtail.models import Page

    root = Page.objects.get(pk=school.root_page_id).specific
    logo = make_image(school, title="Logo", size=(256, 256))
    root.logo = logo
    root.save_revision().publish()
    logo.renditions.all().delete()
    logo.file.storage.delete(logo.file.name)
    root.save_revision().publish()  # a new generation: the context is built again

    html = get(client, school, "/").content.decode()
    assert '<link rel="icon" href="/static/img/logo-default.svg">' in html
    favicon = client.get("/favicon.ico", HTTP_HOST=school.hostname)
    assert favicon.status_code == 302 and favicon["Location"].endswith("logo-default.svg")
