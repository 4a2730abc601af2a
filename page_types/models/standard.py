from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ..blocks import RICH_FEATURES
from .base import PortalPage
from .mixins import body_field


class StandardPage(PortalPage):
    """Introduction pages (history, mission, organisation, leaders, staff), parents' corner."""

    intro = RichTextField(_("tóm tắt"), blank=True, features=RICH_FEATURES)
    body = body_field()

    content_panels = PortalPage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = [
        "page_types.SchoolHomePage",
        "page_types.OfficeHomePage",
        "page_types.StandardPage",
    ]
    subpage_types = ["page_types.StandardPage"]
    template = "page_types/standard_page.html"

    class Meta:
        verbose_name = _("trang nội dung")
        verbose_name_plural = _("trang nội dung")
