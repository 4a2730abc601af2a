"""What parents see under /cong-khai/: the school years, every published item with its file or
table and its publication date, and (if the office enables it) what is still missing."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from page_types.models import OfficeHomePage

from .conftest import at, publish, slot

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(opened, approver_of):
    school = opened("TH", "2016-2017")
    approver = approver_of(school)
    document = get_document_model()(
        title="Biểu mẫu 07",
        file=ContentFile(b"%PDF-1.4\n" + b"0" * 3000, name="bieu-mau-07.pdf"),
        collection=school.collection,
    )
    document.save()
    bm07 = slot(school, "2016-2017", "TT09_2009.BM07")
    bm07.file = document
    publish(bm07, at(2016, 6, 20), user=approver)
    bm05 = slot(school, "2016-2017", "TT09_2009.BM05")
    table = bm05.table[0].value
    for row in table.row_data:
        row["values"][2:] = ["Đạt", "Đạt", "Đạt", "Đạt", "Đạt"]
    bm05.table = [("table", table)]
    publish(bm05, at(2016, 6, 22), user=approver)
    publish(bm05, at(2016, 9, 14), user=approver)
    return school


def get(client, school, path):
    response = client.get(path, HTTP_HOST=school.hostname)
    assert response.status_code == 200, path
    return response.content.decode()


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_index_lists_the_school_years(client, site):
    body = text(get(client, site, "/cong-khai/"))
    assert "Công khai năm học 2016-2017" in body
    assert "Thông tư 09/2009/TT-BGDĐT" in body
    assert "2 mục đã công khai" in body


def test_year_page_lists_published_items_with_file_table_and_date(client, site):
    # The missing list is on by default; this office has turned it off.
    OfficeHomePage.objects.update(show_disclosure_status=False)
    html = get(client, site, "/cong-khai/2016-2017/")
    body = text(html)
    assert "Thực hiện theo Thông tư 09/2009/TT-BGDĐT" in body
    assert "Biểu mẫu 05 – Cam kết chất lượng giáo dục" in body
    assert "Biểu mẫu 07 – Cơ sở vật chất" in body
    assert "PDF · 3 KB" in body
    assert "Công khai ngày 20/06/2016" in body
    assert "Cập nhật 14/09/2016" in body
    assert "Tải tệp công khai – Biểu mẫu 07" in body
    # The form's table, accessible: column headers and row headers.
    assert '<th scope="col">Lớp 1</th>' in html
    assert '<th scope="row">Điều kiện tuyển sinh</th>' in html
    # Drafts stay invisible, and the missing list is off when the office turns it off.
    assert "Biểu mẫu 06" not in body
    assert "Các mục chưa công khai" not in body


def test_missing_items_are_shown_when_the_office_enables_it(client, site):
    OfficeHomePage.objects.update(show_disclosure_status=True)
    body = text(get(client, site, "/cong-khai/2016-2017/"))
    assert "Các mục chưa công khai" in body
    assert "Biểu mẫu 06 – Chất lượng giáo dục thực tế" in body
    assert "hạn chót 30/06/2016" in body


def test_item_page_shows_the_table_and_dates(client, site):
    html = get(client, site, "/cong-khai/2016-2017/tt09-2009-bm05/")
    body = text(html)
    assert "Ngày công khai 22/06/2016" in body and "Cập nhật 14/09/2016" in body
    assert "<caption>Biểu mẫu 05" in html
    assert '<th scope="row">Khả năng học tập tiếp tục của học sinh</th>' in html
    # A draft slot is not served to parents.
    response = client.get("/cong-khai/2016-2017/tt09-2009-bm06/", HTTP_HOST=site.hostname)
    assert response.status_code == 404


def test_previous_years_stay_online(client, site):
    from regulations.services import open_school_year

    open_school_year(site, "2017-2018")
    body = text(get(client, site, "/cong-khai/"))
    assert "Công khai năm học 2017-2018" in body and "Công khai năm học 2016-2017" in body
    get(client, site, "/cong-khai/2016-2017/tt09-2009-bm07/")
