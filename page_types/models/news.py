from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .base import PortalPage, SectionPage
from .mixins import attachments_field, body_field, displayed_date_field, gallery_field


class NewsCategory(models.TextChoices):
    ACTIVITY = "hoat-dong", _("Hoạt động")
    TEACHING = "chuyen-mon", _("Chuyên môn")
    YOUTH = "doan-doi", _("Đoàn – Đội")
    EXTRA = "ngoai-khoa", _("Ngoại khóa")
    OFFICE = "tin-tu-phong", _("Tin từ Phòng")
    ADMISSIONS = "tuyen-sinh", _("Tuyển sinh")


# What an admissions announcement says (folded, as the search index holds it).
ADMISSIONS_WORDS = "tuyen sinh"


class NewsQuerySet(PageQuerySet):
    def with_cards(self):
        """Articles for lists: lead image and its renditions fetched up front (no N+1)."""
        return self.select_related("lead_image").prefetch_related("lead_image__renditions")


class NewsIndexPage(SectionPage):
    per_page = 10
    parent_page_types = ["page_types.SchoolHomePage", "page_types.OfficeHomePage"]
    subpage_types = ["page_types.NewsArticlePage"]
    template = "page_types/news_index_page.html"

    class Meta:
        verbose_name = _("chuyên mục tin tức")
        verbose_name_plural = _("chuyên mục tin tức")

    def get_items(self):
        items = NewsArticlePage.objects.child_of(self).live().public().with_cards()
        category = getattr(self, "_category", "")
        if category:
            items = items.filter(category=category)
        return items.order_by("-date", "-first_published_at")

    def get_context(self, request, *args, **kwargs):
        category = request.GET.get("chuyen-muc", "")
        self._category = category if category in NewsCategory.values else ""
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = NewsCategory.choices
        context["current_category"] = self._category
        return context


class AdmissionsPage(SectionPage):
    """Tuyển sinh: the plan, quotas, conditions and timeline, plus dated notices below it."""

    body = body_field()
    content_panels = SectionPage.content_panels + [FieldPanel("body")]
    parent_page_types = ["page_types.SchoolHomePage"]
    subpage_types = ["page_types.NewsArticlePage"]
    template = "page_types/admissions_page.html"

    class Meta:
        verbose_name = _("trang tuyển sinh")
        verbose_name_plural = _("trang tuyển sinh")

    def get_items(self):
        """Its own notices, plus the school's news filed under "Tuyển sinh" anywhere."""
        home = self.get_parent()
        return (
            NewsArticlePage.objects.live()
            .public()
            .descendant_of(home)
            .filter(Q(path__startswith=self.path) | Q(category=NewsCategory.ADMISSIONS))
            .with_cards()
            .order_by("-date", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        from .announcements import AnnouncementPage

        context = super().get_context(request, *args, **kwargs)
        # The school's latest announcements about admissions, found by the folded search
        # index (either spelling, both databases), newest first.
        context["admissions_announcements"] = list(
            AnnouncementPage.objects.live()
            .public()
            .descendant_of(self.get_parent())
            .order_by("-date")
            .search(ADMISSIONS_WORDS, operator="and", order_by_relevance=False)[:5]
        )
        return context


class NewsArticlePage(PortalPage):
    is_post = True
    compared_for_duplicates = True
    objects = PageManager.from_queryset(NewsQuerySet)()

    date = displayed_date_field()
    category = models.CharField(
        _("chuyên mục"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.ACTIVITY
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("tóm tắt"), blank=True, max_length=500)
    body = body_field()
    gallery = gallery_field()
    attachments = attachments_field()
    shared_from_office = models.BooleanField(
        _("bài chia sẻ từ Phòng/Sở"),
        default=False,
        help_text=_("Đánh dấu khi đăng lại nguyên văn tin của Phòng/Sở (không tính là trùng lặp)."),
    )

    content_panels = PortalPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("shared_from_office")],
            heading=_("Thông tin bài"),
        ),
        FieldPanel("lead_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("gallery"),
        FieldPanel("attachments"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["page_types.NewsIndexPage", "page_types.AdmissionsPage"]
    subpage_types = []
    template = "page_types/news_article_page.html"

    class Meta:
        verbose_name = _("bài tin tức")
        verbose_name_plural = _("bài tin tức")
