"""Công khai: index → one section per school year → one item per regulation item.
The catalogue of items and their deadlines lives in the regulations app."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import RICH_FEATURES, TableBlock
from .base import PortalPage, PortalPageForm, SectionPage

SCHOOL_YEAR = RegexValidator(r"^\d{4}-\d{4}$", _("Năm học viết dạng 2016-2017."))


class DisclosureIndexPage(SectionPage):
    children_order = ("-slug",)
    parent_page_types = ["page_types.SchoolHomePage"]
    subpage_types = ["page_types.DisclosureYearPage"]
    template = "page_types/disclosure_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục công khai")
        verbose_name_plural = _("chuyên mục công khai")

    def get_items(self):
        return DisclosureYearPage.objects.child_of(self).live().public().order_by("-school_year")


class DisclosureYearPage(SectionPage):
    school_year = models.CharField(_("năm học"), max_length=9, validators=[SCHOOL_YEAR])
    profile_code = models.CharField(
        _("quy định áp dụng"), max_length=20, blank=True, help_text=_("Ví dụ: TT09_2009")
    )

    content_panels = SectionPage.content_panels + [
        FieldPanel("school_year", read_only=True),
        FieldPanel("profile_code", read_only=True),
    ]
    parent_page_types = ["page_types.DisclosureIndexPage"]
    subpage_types = ["page_types.DisclosureItemPage"]
    template = "page_types/disclosure_year_page.html"
    per_page = 100

    class Meta:
        verbose_name = _("công khai năm học")
        verbose_name_plural = _("công khai năm học")

    def get_items(self):
        return (
            DisclosureItemPage.objects.child_of(self)
            .live()
            .public()
            .select_related("file")
            .order_by("item_code")
        )


class DisclosureItemForm(PortalPageForm):
    """The catalogue lives in the regulations app, which page_types may not import: it plugs its
    checks in through two hooks (accepted file formats, retention vs. an expiry date)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields.get("item_code")
        if code is not None and self.instance.pk and self.instance.item_code:
            # Set from the catalogue when the year opened; the evidence and statuses key on it.
            code.disabled = True
        for fn in hooks.get_hooks("construct_disclosure_item_form"):
            fn(self)

    def clean(self):
        cleaned_data = super().clean()
        code = self.fields.get("item_code")
        if code is not None and not code.disabled and not cleaned_data.get("item_code", "").strip():
            # Without a code the item counts for no deadline and shows as "(trống)" in the
            # office's evidence list.
            self.add_error(
                "item_code",
                _(
                    "Mã mục: hãy nhập mã của mục công khai theo quy định (ví dụ TT09_2009.BM05); "
                    "hạn công khai và danh sách chứng cứ dựa vào mã này."
                ),
            )
        for fn in hooks.get_hooks("clean_disclosure_item_form"):
            fn(self)
        return cleaned_data


def table_has_data(table):
    """True when a table holds more than the pre-filled headings, numbers and row labels."""
    for block in table or []:
        value = block.value
        skip = 2 if len(value.columns) > 2 else 0
        for row in value.row_data:
            if any(str(cell or "").strip() for cell in row["values"][skip:]):
                return True
    return False


class DisclosureItemPage(PortalPage):
    is_post = True
    base_form_class = DisclosureItemForm

    item_code = models.CharField(
        _("mã mục"), max_length=40, blank=True, db_index=True, help_text=_("Ví dụ: TT09_2009.BM05")
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp công khai (PDF, XLSX, DOCX)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    table = StreamField([("table", TableBlock())], verbose_name=_("bảng số liệu"), blank=True)
    body = RichTextField(_("nội dung"), blank=True, features=RICH_FEATURES)

    content_panels = PortalPage.content_panels + [
        FieldPanel("item_code"),
        FieldPanel("file"),
        FieldPanel("table"),
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("item_code"),
    ]
    parent_page_types = ["page_types.DisclosureYearPage"]
    subpage_types = []
    template = "page_types/disclosure_item_page.html"

    class Meta:
        verbose_name = _("mục công khai")
        verbose_name_plural = _("mục công khai")

    @property
    def has_table_data(self):
        return table_has_data(self.table)

    @property
    def has_content(self):
        return bool(self.file_id or self.has_table_data or self.body)
