from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import PortalPage, SectionPage
from .mixins import displayed_date_field, gallery_field


class GalleryIndexPage(SectionPage):
    parent_page_types = ["page_types.SchoolHomePage"]
    subpage_types = ["page_types.GalleryAlbumPage"]
    template = "page_types/gallery_index_page.html"

    class Meta:
        verbose_name = _("thư viện ảnh")
        verbose_name_plural = _("thư viện ảnh")

    def get_items(self):
        return GalleryAlbumPage.objects.child_of(self).live().public().order_by("-date")


class GalleryAlbumPage(PortalPage):
    date = displayed_date_field(_("ngày"))
    images = gallery_field(_("ảnh"))

    content_panels = PortalPage.content_panels + [FieldPanel("date"), FieldPanel("images")]
    parent_page_types = ["page_types.GalleryIndexPage"]
    subpage_types = []
    template = "page_types/gallery_album_page.html"

    class Meta:
        verbose_name = _("album ảnh")
        verbose_name_plural = _("album ảnh")
