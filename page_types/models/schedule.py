import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from ..blocks import ScheduleDayBlock
from .base import PortalPage, SectionPage
from .menus import next_monday, week_start_validator


class ScheduleIndexPage(SectionPage):
    parent_page_types = ["page_types.SchoolHomePage", "page_types.OfficeHomePage"]
    subpage_types = ["page_types.WeeklySchedulePage"]
    template = "page_types/schedule_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục lịch công tác")
        verbose_name_plural = _("chuyên mục lịch công tác")

    def get_items(self):
        return WeeklySchedulePage.objects.child_of(self).live().public().order_by("-week_start")


class WeeklySchedulePage(PortalPage):
    is_post = True
    is_structured = True

    week_start = models.DateField(
        _("tuần bắt đầu (thứ Hai)"), default=next_monday, validators=[week_start_validator]
    )
    days = StreamField([("day", ScheduleDayBlock())], verbose_name=_("lịch các ngày"))

    content_panels = PortalPage.content_panels + [FieldPanel("week_start"), FieldPanel("days")]
    parent_page_types = ["page_types.ScheduleIndexPage"]
    subpage_types = []
    template = "page_types/weekly_schedule_page.html"

    class Meta:
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")

    @property
    def week_end(self):
        return self.week_start + datetime.timedelta(days=6)
