"""The office's own site: the schools it supervises by level with their addresses, a printable QR
code of each school's address, and the latest news of every school."""

import pytest
from wagtail.models import Page

from page_types.models import SchoolDirectoryPage
from tenants.provisioning import create_authority
from tests.page_types.public_content import news

pytestmark = pytest.mark.django_db

OFFICE = "portal.test"


@pytest.fixture
def schools(make_school):
    return [
        make_school(
            "MN",
            name="Trường Mầm non Hoa Sen",
            address="Ấp 2, xã Tân Thông Hội",
            commune="Xã Tân Thông Hội",
        ),
        make_school(
            "TH",
            name="Trường Tiểu học Tân Thông",
            address="Ấp 3, xã Tân Thông Hội",
            commune="Xã Tân Thông Hội",
        ),
        make_school(
            "TH",
            name="Trường Tiểu học Phước Hiệp",
            address="Ấp 1, xã Phước Hiệp",
            commune="Xã Phước Hiệp",
        ),
        make_school(
            "THCS",
            name="Trường THCS Phước Vĩnh An",
            address="Ấp 5, xã Phước Vĩnh An",
            commune="Xã Phước Vĩnh An",
        ),
    ]


def html_of(client, path, host=OFFICE):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    return response.content.decode()


def directory_path():
    return "/" + SchoolDirectoryPage.objects.get().url_path.split("/", 2)[2]


def test_office_home_lists_schools_by_level_with_addresses_and_links(client, schools):
    html = html_of(client, "/")
    levels = [
        html.index(f'id="level-{level}">{label}')
        for level, label in (("MN", "Mầm non"), ("TH", "Tiểu học"), ("THCS", "Trung học cơ sở"))
    ]
    assert levels == sorted(levels)
    assert '<span class="count">(2)</span>' in html.split('id="level-TH"', 1)[1][:200]
    for school in schools:
        assert school.name in html
        assert school.address in html
        assert f'href="http://{school.hostname}/"' in html
    # The primary schools sit under their level heading.
    primary = html.split('id="level-TH"', 1)[1].split("</section>", 1)[0]
    assert "Trường Tiểu học Tân Thông" in primary and "Trường Mầm non Hoa Sen" not in primary


def test_office_home_shows_latest_news_of_schools_with_links_to_their_sites(client, schools):
    news(schools[0], title="Bé vui Trung thu", image=False)
    article = news(schools[3], title="Học sinh giỏi cấp huyện", image=False)
    html = html_of(client, "/")
    block = html.split('id="school-news"', 1)[1].split("</section>", 1)[0]
    assert "Bé vui Trung thu" in block and "Học sinh giỏi cấp huyện" in block
    assert "Trường THCS Phước Vĩnh An" in block
    slug = article.url_path.split("/", 2)[2]
    assert f'href="http://{schools[3].hostname}/{slug}"' in block


def test_directory_groups_by_level_then_commune_and_filters(client, schools):
    path = directory_path()
    html = html_of(client, path)
    primary = html.split('id="level-TH"', 1)[1].split("</section>", 1)[0]
    assert primary.index("Xã Phước Hiệp") < primary.index("Trường Tiểu học Phước Hiệp")
    assert primary.index("Xã Tân Thông Hội") < primary.index("Trường Tiểu học Tân Thông")
    assert html.count('<h3 class="commune">') == 4

    only_th = html_of(client, f"{path}?cap=TH")
    assert "Trường Tiểu học Phước Hiệp" in only_th and "Trường Mầm non Hoa Sen" not in only_th
    by_name = html_of(client, f"{path}?q=phước vĩnh")
    assert "Trường THCS Phước Vĩnh An" in by_name and "Trường Tiểu học Tân Thông" not in by_name
    none = html_of(client, f"{path}?q=không có trường này")
    assert "Không tìm thấy trường phù hợp." in none


def test_qr_route_returns_an_svg_of_the_school_address(client, schools):
    school = schools[1]
    html = html_of(client, directory_path())
    qr_path = f"{directory_path()}qr/{school.code}.svg"
    assert f'src="{qr_path}"' in html
    response = client.get(qr_path, HTTP_HOST=OFFICE)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    body = response.content.decode()
    assert body.lstrip().startswith("<svg") and "</svg>" in body
    assert school.name in body  # the SVG's title
    assert client.get(f"{directory_path()}qr/00000000.svg", HTTP_HOST=OFFICE).status_code == 404


def test_qr_route_does_not_serve_schools_of_another_office(client, schools, make_school):
    create_authority("PGD-KHAC", "Phòng Giáo dục và Đào tạo huyện Khác")
    stranger = make_school("TH", authority_code="PGD-KHAC", name="Trường Tiểu học Ngoài")
    assert stranger.name not in html_of(client, "/")
    response = client.get(f"{directory_path()}qr/{stranger.code}.svg", HTTP_HOST=OFFICE)
    assert response.status_code == 404


def test_office_site_has_its_own_identity_and_no_school_banner(client, schools):
    html = html_of(client, "/")
    assert "<title>Phòng Giáo dục và Đào tạo huyện Củ Chi</title>" in html
    assert 'aria-label="Danh mục chính"' in html
    assert Page.objects.get(depth=2, url_path="/pgd-cuchi/").title in html


# "Tin mới từ các trường": each school's newest article, so one busy school cannot fill the list.


def school_news_block(client):
    html = html_of(client, "/")
    return html.split('id="school-news"', 1)[1].split("</section>", 1)[0]


def titles_in(block, titles):
    """The titles found in the block, in the order they appear."""
    return sorted((t for t in titles if t in block), key=block.index)


def test_school_news_shows_one_latest_article_per_school_newest_first(client, schools):
    busy, quiet, other = schools[0], schools[1], schools[2]
    news(other, title="Tin cũ của trường khác", image=False)
    news(quiet, title="Tin của trường ít đăng", image=False)
    for i in range(6):
        news(busy, title=f"Tin bận số {i}", image=False)
    block = school_news_block(client)
    titles = ["Tin cũ của trường khác", "Tin của trường ít đăng"] + [
        f"Tin bận số {i}" for i in range(6)
    ]
    assert titles_in(block, titles) == [
        "Tin bận số 5",
        "Tin của trường ít đăng",
        "Tin cũ của trường khác",
    ]
    assert block.count("<li>") == 3


def test_school_news_keeps_to_live_public_articles_of_active_schools_in_the_subtree(
    client, schools, make_school
):
    from wagtail.models import PageViewRestriction

    create_authority("PGD-XA", "Phòng Văn hóa – Xã hội xã Tân Thông Hội", parent_code="PGD-CUCHI")
    below = make_school("TH", authority_code="PGD-XA", name="Trường Tiểu học Cấp Dưới")
    create_authority("PGD-KHAC", "Phòng Giáo dục và Đào tạo huyện Khác")
    stranger = make_school("TH", authority_code="PGD-KHAC", name="Trường Tiểu học Ngoài")
    news(below, title="Tin trường cấp dưới", image=False)
    news(stranger, title="Tin trường ngoài", image=False)

    news(schools[0], title="Tin công khai", image=False)
    private = news(schools[0], title="Tin chỉ cho người đăng nhập", image=False)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    news(schools[1], title="Tin đã gỡ", image=False).unpublish()
    closed = schools[2]
    news(closed, title="Tin trường đã đóng", image=False)
    closed.is_active = False
    closed.save()

    block = school_news_block(client)
    assert "Tin trường cấp dưới" in block
    assert "Tin công khai" in block
    for hidden in (
        "Tin trường ngoài",
        "Tin chỉ cho người đăng nhập",
        "Tin đã gỡ",
        "Tin trường đã đóng",
    ):
        assert hidden not in block


def test_school_news_is_capped_at_the_limit(client, schools, monkeypatch):
    from page_types.models import home

    monkeypatch.setattr(home, "SCHOOL_NEWS_LIMIT", 3)
    for i, school in enumerate(schools):
        news(school, title=f"Tin trường thứ {i}", image=False)
    block = school_news_block(client)
    assert titles_in(block, [f"Tin trường thứ {i}" for i in range(4)]) == [
        "Tin trường thứ 3",
        "Tin trường thứ 2",
        "Tin trường thứ 1",
    ]


def test_office_home_queries_do_not_grow_with_schools_or_articles(client, schools, make_school):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        html_of(client, "/")  # first visits create image renditions (writes)
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            html_of(client, "/")
        return len(ctx.captured_queries)

    for school in schools[:2]:
        news(school, title="Tin có ảnh")
    before = count()
    for school in schools[2:] + [make_school("THCS"), make_school("MN")]:
        news(school, title="Tin cũ hơn", image=False)
        news(school, title="Tin có ảnh")
    cache.clear()
    assert count() == before
    assert school_news_block(client).count("<img") == 6


def test_office_home_names_a_few_schools_per_level_and_links_to_the_directory(
    client, schools, monkeypatch
):
    """A province has thousands of schools: the home stays small, the directory lists them."""
    from page_types.models import home

    monkeypatch.setattr(home, "HOME_SCHOOLS_PER_LEVEL", 1)
    html = html_of(client, "/")
    primary = html.split('id="level-TH"', 1)[1].split("</section>", 1)[0]
    assert '<span class="count">(2)</span>' in primary
    assert primary.count('class="school-entry"') == 1
    assert "?cap=TH" in primary and "Xem tất cả 2 trường" in primary
    shown = [s for s in schools if s.name in html]
    assert len(shown) < len(schools)
    directory = html_of(client, "/truong-hoc/?cap=TH")
    assert all(s.name in directory for s in schools if s.level == "TH")
