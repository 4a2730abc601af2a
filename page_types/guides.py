"""Vietnamese guides inside the admin, one per common task, replacing Wagtail's English editor
guide and release notes in the Help menu. Each guide is a template with real text and the
screenshots the browser tests take from the real screens (tests/e2e/test_editor_guides.py saves
them under page_types/static/page_types/guides/, so the pictures follow the product)."""

from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.http import Http404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import HelpPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

SHOTS = "page_types/guides"


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    summary: str
    # Page types (model names) whose edit screen links this guide from its "?".
    page_types: tuple = ()
    # Screenshot file names (without .png) in the order the guide shows them, with captions.
    shots: tuple = field(default=())

    @property
    def url(self):
        return reverse("portal_guides:guide", args=[self.slug])

    @property
    def template(self):
        return f"page_types/guides/{self.slug}.html"

    def screenshots(self):
        """(url, caption) of the screenshots the browser tests have taken."""
        found = []
        for name, caption in self.shots:
            path = f"{SHOTS}/{name}.png"
            if finders.find(path):
                found.append((static(path), caption))
        return found


GUIDES = (
    Guide(
        "dang-tin-tuc",
        _("Đăng tin tức có ảnh và tệp đính kèm"),
        _("Viết bài, chèn ảnh, đính kèm tệp PDF và gửi Ban giám hiệu duyệt."),
        ("newsarticlepage", "newsindexpage", "galleryalbumpage", "galleryindexpage"),
        (
            ("tin-tuc-1-them-bai", _("Chuyên mục Tin tức: nút “Thêm trang con”.")),
            ("tin-tuc-2-soan-bai", _("Soạn bài: tiêu đề, ngày đăng, ảnh đại diện và nội dung.")),
            ("tin-tuc-3-gui-duyet", _("Nút “Gửi duyệt” dưới cùng màn hình.")),
            (
                "tin-tuc-4-canh-bao",
                _("Cảnh báo trước khi đăng: sửa bài, hoặc đánh dấu ô “vẫn đăng bài” rồi gửi lại."),
            ),
        ),
    ),
    Guide(
        "cong-khai",
        _("Công khai một mục theo quy định"),
        _("Tải tệp công khai của năm học lên đúng mục, trước hạn chót."),
        ("disclosureitempage", "disclosureyearpage", "disclosureindexpage"),
        (("cong-khai-1-muc", _("Một mục công khai: chọn tệp rồi gửi duyệt.")),),
    ),
    Guide(
        "thuc-don",
        _("Đăng thực đơn tuần"),
        _("Thực đơn tuần sau, đăng trước thứ Bảy của tuần này."),
        ("weeklymenupage", "menuindexpage"),
        (("thuc-don-1-soan", _("Thực đơn tuần: ngày thứ Hai đầu tuần và món ăn từng ngày.")),),
    ),
    Guide(
        "thong-bao-khan",
        _("Đăng thông báo khẩn"),
        _("Thông báo hiện băng trên mọi trang của trường đến hết ngày hiệu lực."),
        ("announcementpage", "announcementindexpage"),
        (("thong-bao-1-khan", _("Mức độ “Khẩn” cần ngày “Hiệu lực đến”.")),),
    ),
    Guide(
        "duyet-bai",
        _("Duyệt bài hoặc yêu cầu sửa (Ban giám hiệu)"),
        _("Xem bài chờ duyệt, duyệt và xuất bản, hoặc trả lại kèm góp ý."),
        (),
        (
            ("duyet-1-cho-duyet", _("Bảng điều khiển: các bài đang chờ duyệt.")),
            (
                "duyet-2-nut-duyet",
                _("Trong trang sửa bài: “Duyệt và xuất bản” hoặc “Yêu cầu sửa”."),
            ),
        ),
    ),
)
BY_SLUG = {g.slug: g for g in GUIDES}
APPROVAL = BY_SLUG["duyet-bai"]


def guide_for_page(page):
    model = type(page.specific if hasattr(page, "specific") else page)._meta.model_name
    for guide in GUIDES:
        if model in guide.page_types:
            return guide
    return None


class GuideIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "page_types/guides/index.html"
    page_title = _("Hướng dẫn sử dụng")
    header_icon = "help"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "guides": GUIDES}


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "help"

    def get_guide(self):
        guide = BY_SLUG.get(self.kwargs["slug"])
        if guide is None:
            raise Http404
        return guide

    def get_page_title(self):
        return self.get_guide().title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items()[:1],
            {"url": reverse("portal_guides:index"), "label": _("Hướng dẫn sử dụng")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_template_names(self):
        return [self.get_guide().template]

    def get_context_data(self, **kwargs):
        guide = self.get_guide()
        return {
            **super().get_context_data(**kwargs),
            "guide": guide,
            "screenshots": guide.screenshots(),
            "guides": GUIDES,
        }


class GuideLinkPanel(HelpPanel):
    """The "?" at the top of a page's edit screen: the guide for that kind of page (and the
    guides' index for the others)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Hướng dẫn"))
        kwargs.setdefault("template", "page_types/guides/link_panel.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["guide"] = guide_for_page(self.instance) if self.instance else None
            context["index_url"] = reverse("portal_guides:index")
            return context
