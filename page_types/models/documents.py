import os

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ..blocks import RICH_FEATURES
from .base import PortalPage, SectionPage
from .mixins import today


class DocType(models.TextChoices):
    QUYET_DINH = "quyet-dinh", _("Quyết định")
    CONG_VAN = "cong-van", _("Công văn")
    KE_HOACH = "ke-hoach", _("Kế hoạch")
    THONG_BAO = "thong-bao", _("Thông báo")
    HUONG_DAN = "huong-dan", _("Hướng dẫn")
    BAO_CAO = "bao-cao", _("Báo cáo")
    CHI_THI = "chi-thi", _("Chỉ thị")
    THONG_TU = "thong-tu", _("Thông tư")
    NGHI_DINH = "nghi-dinh", _("Nghị định")
    KHAC = "khac", _("Khác")


class IssuerLevel(models.TextChoices):
    BO = "bo", _("Bộ Giáo dục và Đào tạo")
    SO = "so", _("Sở Giáo dục và Đào tạo")
    UBND = "ubnd", _("Ủy ban nhân dân")
    PHONG = "phong", _("Phòng Giáo dục và Đào tạo")
    TRUONG = "truong", _("Nhà trường")


class DocumentIndexPage(SectionPage):
    per_page = 20
    parent_page_types = ["page_types.SchoolHomePage", "page_types.OfficeHomePage"]
    subpage_types = ["page_types.OfficialDocumentPage"]
    template = "page_types/document_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục văn bản")
        verbose_name_plural = _("chuyên mục văn bản")

    def get_items(self):
        return (
            OfficialDocumentPage.objects.child_of(self)
            .live()
            .public()
            .select_related("file")
            .order_by("-issued_on", "-pk")
        )


class OfficialDocumentPage(PortalPage):
    is_post = True

    number = models.CharField(_("số hiệu"), max_length=100)
    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocType.choices)
    issuer_level = models.CharField(
        _("cơ quan ban hành"), max_length=10, choices=IssuerLevel.choices
    )
    issuer_name = models.CharField(
        _("tên cơ quan ban hành"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: UBND huyện Củ Chi"),
    )
    issued_on = models.DateField(_("ngày ban hành"), default=today)
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    summary = models.TextField(_("trích yếu"))
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("ghi chú"), blank=True, features=RICH_FEATURES)

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldRowPanel([FieldPanel("issuer_level"), FieldPanel("issuer_name")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on")]),
                FieldPanel("signer"),
            ],
            heading=_("Thuộc tính văn bản"),
        ),
        FieldPanel("summary"),
        FieldPanel("file"),
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.FilterField("issued_on"),
    ]
    parent_page_types = ["page_types.DocumentIndexPage"]
    subpage_types = []
    template = "page_types/official_document_page.html"

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")


class FormsIndexPage(SectionPage):
    """Biểu mẫu – Thủ tục: forms parents download (leave, transfer, re-marking, admissions)."""

    per_page = 30
    children_order = ("title",)
    parent_page_types = ["page_types.SchoolHomePage"]
    subpage_types = ["page_types.FormFilePage"]
    template = "page_types/forms_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục biểu mẫu")
        verbose_name_plural = _("chuyên mục biểu mẫu")

    def get_items(self):
        return FormFilePage.objects.child_of(self).live().public().select_related("file")


class FormFilePage(PortalPage):
    description = models.TextField(_("mô tả / thủ tục"), blank=True)
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp biểu mẫu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = PortalPage.content_panels + [FieldPanel("description"), FieldPanel("file")]
    parent_page_types = ["page_types.FormsIndexPage"]
    subpage_types = []
    template = "page_types/form_file_page.html"

    class Meta:
        verbose_name = _("biểu mẫu")
        verbose_name_plural = _("biểu mẫu")


def file_extension(document):
    return os.path.splitext(document.file.name)[1].lstrip(".").upper() if document else ""
