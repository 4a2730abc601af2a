"""Editors and office staff read Vietnamese words, not codes: rule codes as sentences, the root of
the page tree with a Vietnamese title, the rubric note in product words, and a disclosure item
without its code refused, naming the field."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from audit.models import Rubric
from page_types.models import DisclosureItemPage, DisclosureYearPage
from regulations import rules

from .conftest import section

OFFICE = "portal.test"


def test_rule_codes_read_as_sentences():
    assert rules.describe("yearly_june_update_september") == (
        "Hằng năm trong tháng 6, cập nhật trong tháng 9"
    )
    assert rules.describe("monthly_before_day(25)") == ("Hằng tháng, trước ngày 25 của tháng trước")
    assert rules.describe("weekly_before_saturday") == "Hằng tuần, trước thứ Bảy của tuần trước"
    assert rules.describe("retain_years(5)") == "Lưu giữ trực tuyến 5 năm"
    assert rules.describe("not_a_rule") == "not_a_rule"


def test_item_list_shows_rule_sentences(client, admin_user, authority):
    client.force_login(admin_user)
    html = client.get("/admin/regulations/items/", HTTP_HOST=OFFICE).content.decode()
    assert "Hằng năm trong tháng 6, cập nhật trong tháng 9" in html
    assert "yearly_june_update_september" not in html.split("<tbody")[1]


def test_root_page_and_rubric_note_are_vietnamese(db):
    assert Page.objects.get(depth=1).title == "Tất cả các trang web"
    notes = list(Rubric.objects.values_list("note", flat=True))
    assert notes and not any("audit.md" in note for note in notes)


def _item_data(code):
    return nested_form_data(
        {
            "title": "Kế hoạch tuyển sinh bổ sung",
            "slug": "ke-hoach-tuyen-sinh-bo-sung",
            "item_code": code,
            "table": streamfield([]),
            "body": rich_text("<p>Kế hoạch tuyển sinh bổ sung lớp 1.</p>"),
            "comments": inline_formset([]),
        }
    )


def test_new_disclosure_item_needs_its_code(client, opened, make_member):
    school = opened("TH", "2024-2025")
    editor = make_member("editor", school=school)
    year = DisclosureYearPage.objects.child_of(section(school, "cong-khai")).get(
        school_year="2024-2025"
    )
    url = reverse("wagtailadmin_pages:add", args=("page_types", "disclosureitempage", year.pk))
    client.force_login(editor)

    response = client.post(url, _item_data(""), HTTP_HOST=OFFICE)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Mã mục" in errors["item_code"][0]
    assert not DisclosureItemPage.objects.filter(slug="ke-hoach-tuyen-sinh-bo-sung").exists()

    response = client.post(url, _item_data("TT09_2024.D9"), HTTP_HOST=OFFICE)
    assert response.status_code == 302, response.context["form"].errors
    page = DisclosureItemPage.objects.get(slug="ke-hoach-tuyen-sinh-bo-sung")
    assert page.item_code == "TT09_2024.D9"


def test_existing_item_code_stays_as_the_catalogue_set_it(client, opened, make_member):
    school = opened("TH", "2024-2025")
    editor = make_member("editor", school=school)
    item = DisclosureItemPage.objects.descendant_of(school.root_page).exclude(item_code="").first()
    client.force_login(editor)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=(item.pk,)), HTTP_HOST=OFFICE
    ).content.decode()
    assert 'name="item_code"' in html and "disabled" in html.split('name="item_code"')[1][:200]


def test_date_fields_have_the_picker_with_day_month_year(client, make_member, authority):
    office_admin = make_member("admin", authority=authority)
    client.force_login(office_admin)
    for url in ("/admin/inspections/new/", "/admin/audit/", "/admin/regulations/school-years/"):
        html = client.get(url, HTTP_HOST=OFFICE).content.decode()
        assert "wagtailadmin/js/date-time-chooser.js" in html, url
        assert 'initDateChooser("id_' in html, url
        assert '"format": "d/m/Y"' in html, url
