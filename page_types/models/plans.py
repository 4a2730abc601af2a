from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from .base import PortalPage, SectionPage
from .mixins import attachments_field, body_field, today


class Period(models.TextChoices):
    YEAR = "year", _("Năm học")
    TERM = "term", _("Học kỳ")
    MONTH = "month", _("Tháng")
    WEEK = "week", _("Tuần")
    DAY = "day", _("Ngày")


class PlanIndexPage(SectionPage):
    parent_page_types = ["page_types.SchoolHomePage", "page_types.PlanIndexPage"]
    subpage_types = ["page_types.PlanPage", "page_types.PlanIndexPage"]
    template = "page_types/plan_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục kế hoạch")
        verbose_name_plural = _("chuyên mục kế hoạch")

    def get_items(self):
        return PlanPage.objects.child_of(self).live().public().order_by("-period_start", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = PlanIndexPage.objects.child_of(self).live().public()
        return context


class PlanPage(PortalPage):
    is_post = True
    compared_for_duplicates = True

    period = models.CharField(_("kỳ kế hoạch"), max_length=8, choices=Period.choices)
    period_start = models.DateField(_("từ ngày"), default=today)
    period_end = models.DateField(_("đến ngày"), null=True, blank=True)
    body = body_field()
    attachments = attachments_field()

    content_panels = PortalPage.content_panels + [
        FieldPanel("period"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["page_types.PlanIndexPage"]
    subpage_types = []
    template = "page_types/plan_page.html"

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Ngày kết thúc phải sau ngày bắt đầu.")})
