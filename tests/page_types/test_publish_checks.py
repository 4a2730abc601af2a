"""Checks before publishing (issue 13 scope 2), over HTTP with the admin's real forms: each
warning is raised with its reason, the author can override it, the override is logged, and the
approver sees the overridden warnings on the page under moderation."""

import datetime
import zlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from page_types.models import MandatedSection, NewsArticlePage
from page_types.publish_checks import OVERRIDE_ACTION, pdf_has_text
from tenants.clock import local_today
from tenants.vietnamese import fold as unidecode_vi
from tests.audit.history import add_news, words

OFFICE = "portal.test"
GOOD_TEXT = (
    "Sáng thứ Hai, toàn trường tổ chức lễ chào cờ đầu tuần với chủ đề an toàn giao thông. "
    "Các em học sinh được nghe cán bộ công an phường chia sẻ cách đi xe đạp đúng làn, đội mũ "
    "bảo hiểm khi ngồi sau xe máy và quan sát khi qua đường. Sau buổi lễ, các lớp thực hành "
    "đội mũ bảo hiểm đúng cách dưới sự hướng dẫn của giáo viên chủ nhiệm."
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def today_text(days_before=0):
    return (local_today() - datetime.timedelta(days=days_before)).strftime("%d/%m/%Y")


def article(title, text=GOOD_TEXT, date=None, checks=True, override=False, **extra):
    data = {
        "title": title,
        "slug": slugify(unidecode_vi(title)),
        "date": date or today_text(),
        "category": "hoat-dong",
        "intro": "",
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        "gallery": streamfield([]),
        "attachments": streamfield(extra.pop("attachments", [])),
        "comments": inline_formset([]),
        "action-submit": "1",
        **extra,
    }
    if checks:
        data["publish_checks"] = "1"
    if override:
        data["publish_warnings_override"] = "on"
    return nested_form_data(data)


def add_url(school):
    index = MandatedSection.objects.get(school=school, key="tin-tuc").page
    return reverse("wagtailadmin_pages:add", args=("page_types", "newsarticlepage", index.pk))


def post_article(client, school, **kwargs):
    return client.post(add_url(school), article(**kwargs), HTTP_HOST=OFFICE)


def warning_codes(response):
    assert response.status_code == 200, response.status_code
    return [w.code for w in response.context["form"].publish_warnings]


def overrides():
    return list(PageLogEntry.objects.filter(action=OVERRIDE_ACTION))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_a_good_post_has_no_warning(editor_client, school):
    response = post_article(editor_client, school, title="Chào cờ đầu tuần")
    assert response.status_code == 302
    assert NewsArticlePage.objects.get(title="Chào cờ đầu tuần").has_unpublished_changes
    assert overrides() == []


def test_thin_backdated_post_is_held_with_reasons_then_overridden(
    editor_client, client, school, approver
):
    short = "Học sinh dự lễ chào cờ sáng thứ Hai đầu tuần."
    response = post_article(editor_client, school, title="Chào cờ", text=short, date=today_text(21))
    assert warning_codes(response) == ["thin", "backdated"]
    assert not NewsArticlePage.objects.filter(title="Chào cờ").exists()
    html = response.content.decode()
    assert "Bài sơ sài: nội dung mới có 11 chữ" in html
    assert f"ô “Ngày” ghi {today_text(21)}, sớm hơn ngày đăng 21 ngày" in html
    assert html.count('name="publish_warnings_override"') == 1

    response = post_article(
        editor_client,
        school,
        title="Chào cờ",
        text=short,
        date=today_text(21),
        override=True,
    )
    assert response.status_code == 302
    page = NewsArticlePage.objects.get(title="Chào cờ")
    [entry] = overrides()
    assert entry.page_id == page.pk and entry.user.username == "bientap"
    assert entry.revision_id == page.latest_revision_id
    assert [w["code"] for w in entry.data["warnings"]] == ["thin", "backdated"]

    # The approver opens the page under moderation and sees what the author overrode.
    client.force_login(approver)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)), HTTP_HOST=OFFICE)
    html = edit.content.decode()
    assert "đã xem và vẫn đăng bài này" in html
    assert "Bài sơ sài: nội dung mới có 11 chữ" in html
    # And in the page's history.
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)), HTTP_HOST=OFFICE)
    assert "Vẫn đăng dù có cảnh báo" in history.content.decode()


def test_a_week_back_is_no_backdating(editor_client, school):
    response = post_article(editor_client, school, title="Tuần trước", date=today_text(7))
    assert response.status_code == 302


def test_publishing_from_code_and_forms_without_the_marker_are_not_held(editor_client, school):
    response = post_article(
        editor_client, school, title="Ngắn", text="Chỉ vài chữ.", date=today_text(30), checks=False
    )
    assert response.status_code == 302
    assert overrides() == []


def test_text_very_similar_to_an_earlier_post_of_the_school(editor_client, school, other_school):
    text = words(80, seed=5)
    add_news(
        school,
        datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=40),
        title="Bài cũ",
        text=text,
    )
    response = post_article(editor_client, school, title="Bài mới", text=text + " thêm")
    assert warning_codes(response) == ["duplicate"]
    assert "giống" in response.content.decode() and "“Bài cũ”" in response.content.decode()
    assert (
        post_article(
            editor_client, school, title="Bài mới", text=text + " thêm", override=True
        ).status_code
        == 302
    )
    # Another school's post is not the school's own earlier post.
    other = add_news(other_school, datetime.datetime.now(datetime.UTC), text=words(80, seed=9))
    other.refresh_from_db()
    assert other.live
    response = post_article(editor_client, school, title="Bài khác", text=words(80, seed=9))
    assert response.status_code == 302


def test_image_without_meaningful_alt_text(editor_client, school):
    image = Image.objects.create(
        title="IMG_2031.jpg", file=get_test_image_file(), collection=school.collection
    )
    response = post_article(editor_client, school, title="Ảnh", lead_image=image.pk)
    assert warning_codes(response) == ["alt_text"]
    assert "Ảnh “IMG_2031.jpg” chưa có mô tả thay thế có nghĩa" in response.content.decode()
    image.description = "Học sinh lớp 5A trồng cây ở sân trường"
    image.save()
    assert post_article(editor_client, school, title="Ảnh", lead_image=image.pk).status_code == 302


def pdf(text_layer, padding=0):
    if text_layer:
        content = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Ke hoach nam hoc) Tj ET")
        resources = b"/Resources<</Font<</F1 5 0 R>>>>"
    else:
        content = zlib.compress(b"q 595 0 0 842 0 0 cm /Im1 Do Q")
        resources = b"/Resources<</XObject<</Im1 6 0 R>>>>"
    return (
        b"%PDF-1.5\n3 0 obj<</Type/Page" + resources + b"/Contents 4 0 R>>endobj\n"
        b"4 0 obj<</Length "
        + str(len(content)).encode()
        + b"/Filter/FlateDecode>>stream\n"
        + content
        + b"\nendstream endobj\n"
        + b"%" * padding
        + b"\n%%EOF"
    )


def document(school, title, data):
    return Document.objects.create(
        title=title, file=ContentFile(data, name="tep.pdf"), collection=school.collection
    )


def attach(doc):
    return [("attachment", {"document": doc.pk, "label": ""})]


def test_pdf_text_layer_is_told_from_a_scan():
    assert pdf_has_text(pdf(True))
    assert not pdf_has_text(pdf(False))


def test_scanned_pdf_and_heavy_file(editor_client, school, settings):
    settings.PORTAL_MOBILE_FILE_SIZE = 2000
    scan = document(school, "Kế hoạch bản chụp", pdf(False))
    response = post_article(editor_client, school, title="Kế hoạch", attachments=attach(scan))
    assert warning_codes(response) == ["pdf_text"]
    assert "Tệp “Kế hoạch bản chụp” là bản chụp" in response.content.decode()

    heavy = document(school, "Kế hoạch nặng", pdf(True, padding=3000))
    response = post_article(editor_client, school, title="Kế hoạch", attachments=attach(heavy))
    assert warning_codes(response) == ["file_size"]
    assert "Tệp “Kế hoạch nặng” nặng" in response.content.decode()
    response = post_article(
        editor_client, school, title="Kế hoạch", attachments=attach(heavy), override=True
    )
    assert response.status_code == 302
    assert [w["code"] for w in overrides()[0].data["warnings"]] == ["file_size"]

    typed = document(school, "Kế hoạch bản Word", pdf(True))
    response = post_article(editor_client, school, title="Kế hoạch 2", attachments=attach(typed))
    assert response.status_code == 302


def test_urgent_announcement_without_expiry_is_still_refused(editor_client, school):
    index = MandatedSection.objects.get(school=school, key="thong-bao").page
    data = nested_form_data(
        {
            "title": "Nghỉ học do bão",
            "slug": "nghi-hoc",
            "date": today_text(),
            "priority": "urgent",
            "audience": "all",
            "audience_detail": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{GOOD_TEXT}</p>"))]),
            "valid_until": "",
            "attachments": streamfield([]),
            "comments": inline_formset([]),
            "action-submit": "1",
            "publish_checks": "1",
            "publish_warnings_override": "on",
        }
    )
    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=("page_types", "announcementpage", index.pk)),
        data,
        HTTP_HOST=OFFICE,
    )
    assert response.status_code == 200
    assert "valid_until" in response.context["form"].errors


def test_the_edit_screen_turns_the_checks_on(editor_client, school):
    """The add screen renders the marker; posting back what it renders runs the checks."""
    html = editor_client.get(add_url(school), HTTP_HOST=OFFICE).content.decode()
    assert 'type="hidden" name="publish_checks" value="1"' in html
