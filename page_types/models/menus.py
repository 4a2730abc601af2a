import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from ..blocks import MealsBlock
from .base import PortalPage, SectionPage


def week_start_validator(value):
    if value.weekday() != 0:
        raise ValidationError(_("Ngày bắt đầu tuần phải là thứ Hai."))


def next_monday():
    from django.utils import timezone

    today = timezone.localdate()
    return today + datetime.timedelta(days=7 - today.weekday())


class MenuIndexPage(SectionPage):
    parent_page_types = ["page_types.SchoolHomePage"]
    subpage_types = ["page_types.WeeklyMenuPage"]
    template = "page_types/menu_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục thực đơn")
        verbose_name_plural = _("chuyên mục thực đơn")

    def get_items(self):
        return WeeklyMenuPage.objects.child_of(self).live().public().order_by("-week_start")


class WeeklyMenuPage(PortalPage):
    is_post = True
    is_structured = True

    week_start = models.DateField(
        _("tuần bắt đầu (thứ Hai)"), default=next_monday, validators=[week_start_validator]
    )
    days = StreamField([("day", MealsBlock())], verbose_name=_("thực đơn các ngày"))
    note = models.TextField(_("ghi chú"), blank=True)

    content_panels = PortalPage.content_panels + [
        FieldPanel("week_start"),
        FieldPanel("days"),
        FieldPanel("note"),
    ]
    parent_page_types = ["page_types.MenuIndexPage"]
    subpage_types = []
    template = "page_types/weekly_menu_page.html"

    class Meta:
        verbose_name = _("thực đơn tuần")
        verbose_name_plural = _("thực đơn tuần")

    @property
    def week_end(self):
        return self.week_start + datetime.timedelta(days=5)
