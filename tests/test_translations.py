"""The Wagtail editor speaks Vietnamese: locale/vi supplies what Wagtail's own catalogue lacks."""

import gettext
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from page_types.models import NewsArticlePage, NewsIndexPage

CATALOGUE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
# The admin is served on the office host; the office site exists once an authority does.
ADMIN_HOST = "portal.test"


def _builder():
    """The refresh script doubles as the .po reader and placeholder checker."""
    path = Path(settings.BASE_DIR) / "locale" / "build_wagtail_catalogue.py"
    spec = importlib.util.spec_from_file_location("build_wagtail_catalogue", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


builder = _builder()


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Publish", "Xuất bản"),
        ("Save draft", "Lưu bản nháp"),
        ("Submit for moderation", "Gửi duyệt"),
        ("Submit to %(workflow_name)s", "Gửi duyệt (%(workflow_name)s)"),
        ("Unpublish", "Ngừng xuất bản"),
        ("Request changes", "Yêu cầu sửa"),
        ("Approve", "Duyệt"),
        ("Pages", "Trang"),
        ("Images", "Ảnh"),
        ("Documents", "Tài liệu"),
        ("Collections", "Thư mục"),
        ("Snippets", "Đoạn nội dung"),
        ("Dashboard", "Bảng điều khiển"),
        ("Sign in", "Đăng nhập"),
        ("Log in", "Đăng nhập"),
        ("Workflows", "Quy trình duyệt"),
        ("Privacy", "Quyền xem"),
        ("Page locked", "Trang đang bị khóa"),
        # Django's own vi lacks or mangles these; the project catalogue fixes them.
        ("That page number is less than 1", "Số trang nhỏ hơn 1"),
        ("username", "tên đăng nhập"),
        ("This account is inactive.", "Tài khoản này đã bị ngừng hoạt động."),
    ],
)
def test_key_admin_strings_are_vietnamese(english, vietnamese):
    with translation.override("vi"):
        assert _(english) == vietnamese


def test_plural_strings_use_the_single_vietnamese_form():
    with translation.override("vi"):
        for n in (1, 5):
            assert ngettext("%(count)s image", "%(count)s images", n) % {"count": n} == f"{n} ảnh"


def test_login_page_is_vietnamese(client, authority):
    response = client.get("/admin/login/", HTTP_HOST=ADMIN_HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đăng nhập trang quản trị" in html
    assert "Quên mật khẩu?" in html
    assert "Ghi nhớ đăng nhập" in html
    assert "Sign in" not in html
    assert "Forgotten password?" not in html


def test_wrong_password_message_is_vietnamese(client, authority, django_user_model):
    django_user_model.objects.create_user("canbo", password="dung-mat-khau-1")
    response = client.post(
        "/admin/login/",
        {"username": "canbo", "password": "sai-mat-khau"},
        HTTP_HOST=ADMIN_HOST,
    )
    html = response.content.decode()
    assert "hoặc mật khẩu không đúng. Vui lòng thử lại." in html
    assert "didn&#x27;t match" not in html


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "quantri", "quantri@example.vn", "matkhau-quantri-123"
    )


@pytest.fixture
def news_article(school):
    news_index = NewsIndexPage.objects.descendant_of(school.root_page).get(slug="tin-tuc")
    article = NewsArticlePage(title="Lễ khai giảng", slug="le-khai-giang")
    news_index.add_child(instance=article)
    article.save_revision().publish()
    return article


def test_page_editor_action_menu_is_vietnamese(client, school, superuser, news_article):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{news_article.pk}/edit/", HTTP_HOST=ADMIN_HOST)
    html = response.content.decode()
    assert response.status_code == 200
    labels = re.findall(r'<em data-w-progress-target="label">([^<]+)</em>', html)
    assert "Xuất bản" in labels
    assert "Lưu bản nháp" in labels
    assert not {"Publish", "Save draft", "Save Draft"} & set(labels)
    for text in ("Nội dung", "Quảng bá", "Ngừng xuất bản", "Đường dẫn"):
        assert text in html


def test_dashboard_and_explorer_are_vietnamese(client, school, superuser, news_article):
    client.force_login(superuser)
    dashboard = client.get("/admin/", HTTP_HOST=ADMIN_HOST).content.decode()
    assert "Bảng điều khiển" in dashboard
    explorer = client.get(
        f"/admin/pages/{news_article.get_parent().pk}/", HTTP_HOST=ADMIN_HOST
    ).content.decode()
    assert "Lễ khai giảng" in explorer
    assert "Đã xuất bản" in explorer or "đã xuất bản" in explorer
    assert ">Live<" not in explorer


def test_javascript_catalogue_is_vietnamese(client, school, superuser):
    client.force_login(superuser)
    response = client.get("/admin/jsi18n/", HTTP_HOST=ADMIN_HOST)
    source = response.content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", source, re.S).group(1))
    assert catalogue["Insert a block"] == "Chèn khối"
    assert catalogue["Save"] == "Lưu"
    assert catalogue["Dashboard"] == "Bảng điều khiển"


# --- the catalogue files themselves --------------------------------------------------------------


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_is_complete_and_keeps_placeholders(domain):
    entries = [e for e in builder.parse_po(CATALOGUE_DIR / f"{domain}.po") if e.msgid]
    assert entries
    assert builder.problems(entries) == []


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_covers_every_wagtail_string(domain):
    """Fails after a Wagtail upgrade until locale/build_wagtail_catalogue.py is re-run."""
    ours = {e.key for e in builder.parse_po(CATALOGUE_DIR / f"{domain}.po") if e.msgid}
    sources, _upstream, _flags = builder.collect(domain)
    missing = [msgid for (ctx, msgid) in (e.key for e in sources) if (ctx, msgid) not in ours]
    assert missing == []


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogue_matches_po(domain):
    """A .po edited without recompiling would silently show old text."""
    with open(CATALOGUE_DIR / f"{domain}.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.info()["language"] == "vi"
    assert compiled.info()["plural-forms"] == "nplurals=1; plural=0;"
    for entry in builder.parse_po(CATALOGUE_DIR / f"{domain}.po"):
        if not entry.msgid:
            continue
        if entry.msgid_plural is not None:
            got = (
                compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                if (entry.msgctxt)
                else compiled.ngettext(entry.msgid, entry.msgid_plural, 2)
            )
        elif entry.msgctxt is not None:
            got = compiled.pgettext(entry.msgctxt, entry.msgid)
        else:
            got = compiled.gettext(entry.msgid)
        assert got == entry.msgstr[0], entry.msgid


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_msgfmt_check_passes(domain):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(CATALOGUE_DIR / f"{domain}.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


# --- what editors read: every English msgid of the installed apps ---------------------------------


def test_every_editor_facing_msgid_comes_out_in_vietnamese():
    """Through Django's gettext with the project's catalogues, every msgid of the installed
    Wagtail apps and of Django's admin-facing packages reads in Vietnamese (language names and
    password-hasher parameters aside). After a Wagtail or Django upgrade this lists what the
    new version added: translate it in locale/vi (locale/build_wagtail_catalogue.py)."""
    figures = builder.coverage()
    for key in ("wagtail", "django", "project"):
        done, total, missing = figures[key]
        assert total > 0
        assert missing == [], f"{key}: {done}/{total}"


def test_coverage_notices_an_english_msgid():
    """The check itself: a msgid whose translation is the English text counts as missing,
    unless it is a listed loanword or has nothing to translate."""
    entry = builder.Entry(msgid="Please correct the error below.")
    assert not builder._vietnamese(entry, {entry.msgid: entry.msgid}, js=False)
    assert builder._vietnamese(entry, {entry.msgid: "Vui lòng sửa lỗi bên dưới."}, js=False)
    assert not builder._vietnamese(entry, {}, js=False)
    assert builder._vietnamese(builder.Entry(msgid="URL"), {"URL": "URL"}, js=False)
    assert builder._vietnamese(
        builder.Entry(msgid="%(field_label)s:"), {"%(field_label)s:": "%(field_label)s:"}, js=False
    )


def test_form_error_summary_is_vietnamese():
    with translation.override("vi"):
        assert (
            ngettext("Please correct the error below.", "Please correct the errors below.", 2)
            == "Vui lòng sửa lỗi bên dưới."
        )
