from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from tenants.clock import local_today

from .base import PortalPage, SectionPage
from .mixins import attachments_field, body_field, displayed_date_field


class Audience(models.TextChoices):
    ALL = "all", _("Toàn trường")
    GRADE = "grade", _("Một khối")
    CLASS = "class", _("Một lớp")


class Priority(models.TextChoices):
    NORMAL = "normal", _("Bình thường")
    IMPORTANT = "important", _("Quan trọng")
    URGENT = "urgent", _("Khẩn (hiện băng thông báo trên mọi trang)")


class AnnouncementIndexPage(SectionPage):
    parent_page_types = ["page_types.SchoolHomePage", "page_types.OfficeHomePage"]
    subpage_types = ["page_types.AnnouncementPage"]
    template = "page_types/announcement_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục thông báo")
        verbose_name_plural = _("chuyên mục thông báo")

    def get_items(self):
        return AnnouncementPage.objects.child_of(self).live().public().order_by("-date", "-pk")


class AnnouncementPage(PortalPage):
    is_post = True
    compared_for_duplicates = True

    date = displayed_date_field()
    audience = models.CharField(
        _("gửi đến"), max_length=8, choices=Audience.choices, default=Audience.ALL
    )
    audience_detail = models.CharField(
        _("khối/lớp"), max_length=50, blank=True, help_text=_("Ví dụ: Khối 5, Lớp 3A")
    )
    priority = models.CharField(
        _("mức độ"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    valid_until = models.DateField(
        _("hiệu lực đến"),
        null=True,
        blank=True,
        help_text=_("Thông báo khẩn hiện băng trên mọi trang của trường đến hết ngày này."),
    )
    body = body_field()
    attachments = attachments_field()

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("valid_until")]),
                FieldRowPanel([FieldPanel("audience"), FieldPanel("audience_detail")]),
                FieldPanel("priority"),
            ],
            heading=_("Thông tin thông báo"),
        ),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("valid_until"),
    ]
    parent_page_types = ["page_types.AnnouncementIndexPage"]
    subpage_types = []
    template = "page_types/announcement_page.html"

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.priority == Priority.URGENT and not self.valid_until:
            raise ValidationError(
                {"valid_until": _("Thông báo khẩn cần ngày hết hiệu lực để băng tự tắt.")}
            )
        if self.audience != Audience.ALL and not self.audience_detail:
            raise ValidationError({"audience_detail": _("Ghi rõ khối hoặc lớp nhận thông báo.")})

    @property
    def is_expired(self):
        """Past its "valid until" day (local time): labelled, no urgent badge, off the home."""
        return self.valid_until is not None and self.valid_until < local_today()

    @property
    def audience_label(self):
        if self.audience == Audience.ALL:
            return self.get_audience_display()
        return self.audience_detail

    @classmethod
    def current_for_root(cls, root_page, today=None):
        """Live, public announcements of one site still in force today, newest first."""
        today = today or local_today()
        return (
            cls.objects.live()
            .public()
            .descendant_of(root_page)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
            .order_by("-date", "-pk")
        )

    @classmethod
    def urgent_for_root(cls, root_page, today=None):
        """Urgent announcements of one school still valid today, newest first."""
        today = today or timezone.localdate()
        return (
            cls.objects.live()
            .public()
            .descendant_of(root_page)
            .filter(priority=Priority.URGENT, valid_until__gte=today)
            .order_by("-date", "-pk")
        )
