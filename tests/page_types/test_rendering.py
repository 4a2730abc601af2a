"""What parents see: every page type renders on its school's host with its key fields, the shared
layout (identity, navigation, breadcrumbs, footer) is there and accessible, and pages render in a
bounded number of queries."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from page_types.context_processors import brand_palette, contrast_ratio
from page_types.models import ContactFormField, MandatedSection, SchoolHomePage
from tests.page_types.public_content import full_school_content, make_image, news, section

pytestmark = pytest.mark.django_db


def get(client, school, path, **extra):
    return client.get(path, HTTP_HOST=school.hostname, **extra)


def text_of(response):
    return response.content.decode()


@pytest.mark.parametrize(
    ("level", "meals"), [("MN", False), ("TH", True), ("THCS", False)], ids=["MN", "TH", "THCS"]
)
def test_every_blueprint_section_answers_200(make_school, client, level, meals):
    school = make_school(level, serves_meals=meals)
    sections = MandatedSection.objects.filter(school=school).select_related("page")
    assert sections.count() >= 12
    for mandated in sections:
        url = "/" + mandated.page.url_path.split("/", 2)[2]
        response = get(client, school, url)
        assert response.status_code == 200, (mandated.key, url)
        assert mandated.page.title in text_of(response)
    assert get(client, school, "/").status_code == 200


@pytest.fixture
def content(school):
    return full_school_content(school)


def page_url(page):
    return "/" + page.url_path.split("/", 2)[2]


def test_news_article_shows_its_fields_and_blocks(client, school, content):
    article = content["news"]
    html = text_of(get(client, school, page_url(article)))
    assert "<h1>Học sinh trồng cây xanh</h1>" in html
    assert article.date.strftime("%d/%m/%Y") in html
    assert "Hoạt động" in html  # category label
    assert "Các em học sinh khối 5 trồng cây trong sân trường." in html
    # Blocks: heading, figure with its alt text and caption, quote, table, people, attachment.
    assert '<h2 class="block-heading">Một buổi sáng ý nghĩa</h2>' in html
    assert 'alt="Học sinh tưới cây"' in html
    assert "Các em tưới cây sau khi trồng" in html
    assert "Vì lợi ích mười năm trồng cây." in html and "Hồ Chí Minh" in html
    assert "<caption>Số cây theo lớp</caption>" in html
    assert '<th scope="col">Lớp</th>' in html and '<th scope="col">Số cây</th>' in html
    assert "Trần Thị Bình" in html and 'href="tel:0909123456"' in html
    assert "Kế hoạch trồng cây" in html
    # Attachments show type and size; gallery has its caption.
    assert "Danh sách lớp tham gia" in html
    assert "PDF · 250 KB" in html
    assert "Hàng cây mới" in html
    # Responsive WebP images with their size set, lazy below the fold.
    assert 'type="image/webp"' in html
    assert re.search(
        r'<img[^>]+alt="Cây mới trồng"[^>]+loading="lazy"|<img[^>]+loading="lazy"[^>]+alt="Cây mới trồng"',
        html,
    )
    assert re.search(r'<img[^>]+width="\d+"', html)
    # Open Graph for sharing on Zalo/Facebook.
    assert 'property="og:type" content="article"' in html
    assert 'property="og:image" content="http://th-tan-thong.portal.test/' in html


def test_announcement_shows_audience_priority_and_validity(client, school, content):
    item = content["announcement"]
    html = text_of(get(client, school, page_url(item)))
    assert "Lịch họp phụ huynh học kỳ I" in html
    assert "Khối 5" in html
    assert "Quan trọng" in html
    assert item.valid_until.strftime("%d/%m/%Y") in html
    assert "Giấy mời họp" in html and "PDF · 250 KB" in html
    index = text_of(get(client, school, "/thong-bao/"))
    assert "Lịch họp phụ huynh học kỳ I" in index and "Quan trọng" in index


def test_document_index_is_a_table_and_document_page_lists_attributes(client, school, content):
    html = text_of(get(client, school, "/van-ban/"))
    for heading in ("Số hiệu", "Trích yếu", "Ngày ban hành", "Cơ quan ban hành", "Tệp"):
        assert f'<th scope="col">{heading}</th>' in html
    assert "15/QĐ-TH" in html
    assert "05/09/2024" in html
    assert "Về việc thành lập Ban đại diện cha mẹ học sinh" in html
    assert "PDF · 250 KB" in html
    page_html = text_of(get(client, school, page_url(content["document"])))
    for value in ("15/QĐ-TH", "Quyết định", "Trường Tiểu học", "05/09/2024", "Nguyễn Văn An"):
        assert value in page_html


def test_forms_plans_schedule_gallery_admissions_and_standard_pages(client, school, content):
    forms = text_of(get(client, school, "/bieu-mau/"))
    assert "Đơn xin nghỉ học" in forms and "DOCX · 40 KB" in forms
    assert "DOCX · 40 KB" in text_of(get(client, school, page_url(content["form"])))

    plans = text_of(get(client, school, "/ke-hoach/"))
    assert "Kế hoạch giáo dục tháng 10" in plans and "01/10/2024" in plans
    assert 'href="/ke-hoach/thoi-khoa-bieu/"' in plans  # subsection
    plan = text_of(get(client, school, page_url(content["plan"])))
    assert "31/10/2024" in plan and "Trường học thân thiện" in plan
    timetable = text_of(get(client, school, "/ke-hoach/thoi-khoa-bieu/"))
    assert "Thời khóa biểu học kỳ I" in timetable

    schedule = text_of(get(client, school, page_url(content["schedule"])))
    assert "Chào cờ đầu tuần" in schedule and "Sân trường" in schedule and "Thứ Hai" in schedule

    gallery = text_of(get(client, school, "/thu-vien-anh/"))
    assert "Ngày hội đọc sách" in gallery
    assert "Góc đọc sách" in text_of(get(client, school, page_url(content["album"])))

    admissions = text_of(get(client, school, "/tuyen-sinh/"))
    assert "Thông báo tuyển sinh lớp 1" in admissions

    history = text_of(get(client, school, "/gioi-thieu/lich-su/"))
    assert "Trường được thành lập năm 1975." in history
    intro = text_of(get(client, school, "/gioi-thieu/"))
    assert 'href="/gioi-thieu/lich-su/"' in intro  # the section lists its pages


def test_weekly_menu_is_a_days_by_meals_table_in_weekday_order(make_school, client):
    school = make_school("MN")
    content = full_school_content(school)
    html = text_of(get(client, school, page_url(content["menu"])))
    for meal in ("Bữa sáng", "Bữa trưa", "Bữa xế"):
        assert f'<th scope="col">{meal}</th>' in html
    assert 'data-label="Bữa trưa"' in html  # phones: each cell labelled, rows stack as cards
    # Entered Tuesday first; shown Monday first, with the dates of the week.
    assert html.index("Thứ Hai") < html.index("Thứ Ba")
    assert html.index("Cháo thịt bằm") < html.index("Bún bò")
    assert content["menu"].week_start.strftime("%d/%m") in html
    index = text_of(get(client, school, "/thuc-don/"))
    assert "Thực đơn tuần này" in index


def test_news_index_filters_by_category_and_paginates(client, school):
    for i in range(12):
        news(school, title=f"Tin hoạt động {i:02d}", image=False)
    news(school, title="Chuyên đề dạy học Toán", image=False, category="chuyen-mon")
    first = text_of(get(client, school, "/tin-tuc/"))
    assert "Trang sau" in first and "Trang trước" not in first
    assert 'aria-current="page"><span class="visually-hidden">Trang </span>1<' in first
    second = text_of(get(client, school, "/tin-tuc/?page=2"))
    assert "Trang trước" in second
    filtered = text_of(get(client, school, "/tin-tuc/?chuyen-muc=chuyen-mon"))
    assert "Chuyên đề dạy học Toán" in filtered
    assert "Tin hoạt động" not in filtered.split("<main", 1)[1]
    assert 'href="/tin-tuc/?chuyen-muc=chuyen-mon" aria-current="page"' in filtered


def test_layout_identity_navigation_breadcrumbs_and_footer(client, school, content):
    html = text_of(get(client, school, page_url(content["news"])))
    assert '<html lang="vi">' in html
    assert 'name="viewport"' in html
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert "<title>Học sinh trồng cây xanh – Trường Tiểu học Tân Thông</title>" in html
    # Navigation: the school's sections in tree order, current section marked.
    nav = html.split('aria-label="Danh mục chính"', 1)[1].split("</nav>", 1)[0]
    assert nav.index("Giới thiệu") < nav.index("Tin tức – Sự kiện") < nav.index("Liên hệ")
    assert '<a href="/tin-tuc/" aria-current="true">' in nav
    # Breadcrumbs from the home page down.
    crumbs = html.split('aria-label="Đường dẫn"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/">Trang chủ</a>' in crumbs
    assert '<a href="/tin-tuc/">Tin tức – Sự kiện</a>' in crumbs
    assert '<span aria-current="page">Học sinh trồng cây xanh</span>' in crumbs
    # Footer: the school's contact details and the office site.
    footer = html.split('<footer class="site-footer">', 1)[1]
    assert "Ấp 1, xã Tân Thông Hội, huyện Củ Chi" in footer
    assert 'href="tel:02838920000"' in footer
    assert school.email in footer
    assert 'href="http://portal.test/"' in footer
    assert "Phòng Giáo dục và Đào tạo huyện Củ Chi" in footer
    # The print stylesheet is there.
    assert 'media="print"' in html


def test_home_page_shows_identity_news_announcements_and_contact(client, school, content):
    home = SchoolHomePage.objects.get(pk=school.root_page_id)
    home.motto = "Dạy tốt – Học tốt"
    home.welcome = "<p>Chào mừng quý phụ huynh.</p>"
    home.quick_links = [
        ("link", {"label": "Cổng tuyển sinh đầu cấp", "url": "https://ts.example.vn/"})
    ]
    home.save_revision().publish()
    html = text_of(get(client, school, "/"))
    assert "Dạy tốt – Học tốt" in html and "Chào mừng quý phụ huynh." in html
    assert "Học sinh trồng cây xanh" in html  # latest news
    assert "Lịch họp phụ huynh học kỳ I" in html  # latest announcements
    assert "Cổng tuyển sinh đầu cấp" in html  # quick links
    assert 'href="/thuc-don/"' in html or 'href="/lich-cong-tac/"' in html  # section shortcuts
    assert "Nguyễn Văn An" in html  # principal in the contact box
    assert "logo-default.svg" in html  # no logo uploaded yet


def test_uploaded_logo_and_light_brand_colour_keep_contrast(client, school):
    home = SchoolHomePage.objects.get(pk=school.root_page_id)
    home.logo = make_image(school, title="Logo", size=(300, 300))
    home.brand_color = "#ffd54f"  # too light for white text
    home.save_revision().publish()
    html = text_of(get(client, school, "/"))
    assert "logo-default.svg" not in html
    brand = re.search(r"--brand:(#[0-9a-f]{6})", html).group(1)
    assert brand != "#ffd54f"
    assert contrast_ratio(brand, "#ffffff") >= 4.5


def test_brand_palette_keeps_dark_colours_and_darkens_light_ones():
    assert brand_palette("#1d4e89")["brand"] == "#1d4e89"
    for colour in ("#ffffff", "#ffeb3b", "#87ceeb", "#ff9800"):
        assert contrast_ratio(brand_palette(colour)["brand"], "#ffffff") >= 4.5


def test_contact_form_labels_errors_honeypot_and_throttle(client, school):
    contact = section(school, "lien-he")
    # The form's own fields, set here so the test does not depend on the provisioning defaults.
    ContactFormField.objects.filter(page=contact).delete()
    ContactFormField.objects.create(
        page=contact, sort_order=0, label="Họ và tên", field_type="singleline", required=True
    )
    ContactFormField.objects.create(
        page=contact,
        sort_order=1,
        label="Nội dung",
        field_type="multiline",
        required=True,
        help_text="Câu hỏi hoặc góp ý của quý phụ huynh",
    )
    html = text_of(get(client, school, "/lien-he/"))
    assert "Ấp 1, xã Tân Thông Hội" in html
    assert '<div class="hp" aria-hidden="true">' in html
    assert '<label for="id_ho_va_ten">Họ và tên' in html
    assert 'id="id_noi_dung_helptext"' in html
    assert re.search(r'aria-describedby="id_noi_dung_helptext"', html)

    # Missing required fields: errors listed at the top and tied to each field.
    response = client.post("/lien-he/", {}, HTTP_HOST=school.hostname)
    assert response.status_code == 200
    html = text_of(response)
    assert "Chưa gửi được góp ý" in html
    assert 'href="#id_ho_va_ten"' in html
    assert 'id="id_ho_va_ten_error"' in html
    assert re.search(r'aria-describedby="[^"]*id_ho_va_ten_error', html)
    assert 'aria-invalid="true"' in html

    data = {"ho_va_ten": "Nguyễn Văn Cha", "noi_dung": "Xin hỏi lịch họp phụ huynh."}
    # A filled honeypot is thanked and dropped.
    # (Post/Redirect/Get: the thanks is on the page the post redirects to.)
    response = client.post(
        "/lien-he/", {**data, "website": "spam"}, HTTP_HOST=school.hostname, follow=True
    )
    assert "Đã gửi góp ý" in text_of(response)
    assert contact.get_submission_class().objects.filter(page=contact).count() == 0
    # Five real messages an hour from one address, then 429.
    for _ in range(5):
        response = client.post("/lien-he/", data, HTTP_HOST=school.hostname, follow=True)
        assert "Đã gửi góp ý" in text_of(response)
    assert contact.get_submission_class().objects.filter(page=contact).count() == 5
    response = client.post("/lien-he/", data, HTTP_HOST=school.hostname)
    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều góp ý trong một giờ." in text_of(response)


def test_friendly_404_keeps_the_school_layout(client, school):
    response = get(client, school, "/khong-co-trang-nay/")
    assert response.status_code == 404
    html = text_of(response)
    assert "Không tìm thấy trang" in html
    assert "Trường Tiểu học Tân Thông" in html  # the school's header, not a bare error


def test_unknown_host_is_neutral(client, school, other_school):
    response = client.get("/", HTTP_HOST="khong-ton-tai.portal.test")
    assert response.status_code == 404
    html = text_of(response)
    assert "Không tìm thấy trang" in html
    for name in (school.name, other_school.name, "Phòng Giáo dục"):
        assert name not in html
    assert "href=" not in html


def test_500_page_renders_without_context_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert '<html lang="vi">' in html and "Hệ thống đang gặp sự cố" in html


# Query counts: a page-cache miss must cost a bounded number of queries, whatever the content size.


def _count_queries(client, school, path):
    with CaptureQueriesContext(connection) as ctx:
        response = get(client, school, path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _fill(school, count):
    for i in range(count):
        news(school, title=f"Tin số {i}", image=(i < 8))


def test_home_and_article_render_in_bounded_queries(
    client, school, make_school, django_assert_max_num_queries
):
    from django.core.cache import cache

    for level in ("MN", "THCS"):
        make_school(level)
    _fill(school, 30)
    article = full_school_content(school)["news"]
    # First visits create image renditions (writes); measure the steady state after that,
    # with the shared caches emptied (a fresh server, or right after a publish).
    for path in ("/", page_url(article)):
        get(client, school, path)
    cache.clear()
    with django_assert_max_num_queries(25):
        get(client, school, "/")
    cache.clear()
    with django_assert_max_num_queries(30):
        get(client, school, page_url(article))

    # The count does not grow with more articles or more schools.
    cache.clear()
    home_before = _count_queries(client, school, "/")
    cache.clear()
    article_before = _count_queries(client, school, page_url(article))
    _fill(school, 10)
    make_school("TH")
    get(client, school, "/")
    cache.clear()
    assert _count_queries(client, school, "/") == home_before
    cache.clear()
    assert _count_queries(client, school, page_url(article)) == article_before


def test_site_context_is_cached_until_a_publish(client, school):
    cold = _count_queries(client, school, "/gioi-thieu/")
    warm = _count_queries(client, school, "/gioi-thieu/")
    # Identity, menu, banners and contact come from the cache on the second visit.
    assert warm <= cold - 4
    # Publishing in the school rebuilds the context: the new section title shows in the menu.
    history = section(school, "gioi-thieu")
    history.title = "Giới thiệu chung"
    history.save_revision().publish()
    html = text_of(get(client, school, "/tin-tuc/"))
    assert "Giới thiệu chung" in html.split('aria-label="Danh mục chính"', 1)[1].split("</nav>")[0]
