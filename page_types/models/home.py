import io

import segno
from django.core.paginator import Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber, Substr
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from tenants.models import Level, School
from tenants.vietnamese import MAX_QUERY_LENGTH, matches_all, query_terms

from ..blocks import RICH_FEATURES, QuickLinkBlock
from .announcements import AnnouncementPage
from .base import PortalPage
from .news import NewsArticlePage

# How many schools' latest articles the office home lists.
SCHOOL_NEWS_LIMIT = 8
# Schools of each level named on the office home (the directory lists them all).
HOME_SCHOOLS_PER_LEVEL = 12
# Schools per page of the directory: a province has thousands.
DIRECTORY_PER_PAGE = 60
HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Mã màu dạng #1d4e89."))
SECTION_TYPES = [
    "page_types.StandardPage",
    "page_types.NewsIndexPage",
    "page_types.AnnouncementIndexPage",
    "page_types.DisclosureIndexPage",
    "page_types.DocumentIndexPage",
    "page_types.AdmissionsPage",
    "page_types.PlanIndexPage",
    "page_types.MenuIndexPage",
    "page_types.ScheduleIndexPage",
    "page_types.FormsIndexPage",
    "page_types.GalleryIndexPage",
    "page_types.ContactPage",
]


class IdentityFields(models.Model):
    """Identity every site shows in its header: logo, colour, motto."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    brand_color = models.CharField(
        _("màu nhận diện"),
        max_length=7,
        default="#1d4e89",
        validators=[HEX_COLOUR],
        help_text=_("Màu đậm để chữ trắng trên nền màu này dễ đọc."),
    )
    motto = models.CharField(_("khẩu hiệu"), max_length=255, blank=True)
    welcome = RichTextField(_("lời chào"), blank=True, features=RICH_FEATURES)

    identity_panels = [
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("brand_color"), FieldPanel("motto")],
            heading=_("Nhận diện"),
        ),
        FieldPanel("welcome"),
    ]

    class Meta:
        abstract = True


class SchoolHomePage(IdentityFields, PortalPage):
    quick_links = StreamField(
        [("link", QuickLinkBlock())], verbose_name=_("liên kết nhanh"), blank=True
    )

    content_panels = (
        PortalPage.content_panels + IdentityFields.identity_panels + [FieldPanel("quick_links")]
    )
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_TYPES
    template = "page_types/school_home_page.html"

    class Meta:
        verbose_name = _("trang chủ trường")
        verbose_name_plural = _("trang chủ trường")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsArticlePage.objects.live()
            .public()
            .descendant_of(self)
            .with_cards()
            .order_by("-date", "-first_published_at")[:6]
        )
        # Expired announcements stay in their section (labelled) but leave the home's list.
        context["latest_announcements"] = AnnouncementPage.current_for_root(self)[:5]
        return context


class OfficeHomePage(IdentityFields, PortalPage):
    """The supervising office's own site: its news, documents, and the directory of schools."""

    # On unless the office turns it off: parents see which mandatory items a school lacks.
    show_disclosure_status = models.BooleanField(
        _("hiện tình trạng công khai của các trường"), default=True
    )

    content_panels = (
        PortalPage.content_panels
        + IdentityFields.identity_panels
        + [FieldPanel("show_disclosure_status")]
    )
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_TYPES + ["page_types.SchoolDirectoryPage"]
    template = "page_types/office_home_page.html"

    class Meta:
        verbose_name = _("trang chủ Phòng/Sở")
        verbose_name_plural = _("trang chủ Phòng/Sở")

    @property
    def authority(self):
        from tenants.models import Authority

        return Authority.objects.filter(site__root_page=self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        authority = self.authority
        schools = (
            authority.schools_in_subtree().filter(is_active=True)
            if authority
            else School.objects.none()
        )
        # A province has thousands of schools: the home names the first few of each level,
        # with the level's count and a link to the paginated directory.
        counts = dict(schools.order_by().values_list("level").annotate(n=Count("pk")))
        first = (
            schools.annotate(
                rank_in_level=Window(
                    RowNumber(),
                    partition_by=F("level"),
                    order_by=[F("commune").asc(), F("name").asc(), F("pk").asc()],
                )
            )
            .filter(rank_in_level__lte=HOME_SCHOOLS_PER_LEVEL)
            .select_related("site")
            .order_by("level", "commune", "name", "pk")
        )
        context["schools_by_level"] = [
            (label, level, group, counts[level]) for label, level, group in schools_by_level(first)
        ]
        context["school_count"] = sum(counts.values())
        office_news = NewsArticlePage.objects.live().public().descendant_of(self)
        context["office_news"] = office_news.with_cards().order_by("-date")[:4]
        if counts:
            context["school_news"] = latest_news_per_school(schools, SCHOOL_NEWS_LIMIT)
        return context


def latest_news_per_school(schools, limit):
    """(article, school) pairs: each school's newest live public article, newest first, so one
    busy school cannot fill the office's list. The same few queries whatever the number of
    schools (the schools are a subquery; only those of the listed articles are loaded)."""
    root_length = 2 * Page.steplen
    latest = list(
        NewsArticlePage.objects.live()
        .public()
        .annotate(root_path=Substr("path", 1, root_length))
        .filter(root_path__in=schools.exclude(root_page=None).values("root_page__path"))
        .annotate(
            rank_in_school=Window(
                RowNumber(),
                partition_by=F("root_path"),
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank_in_school=1)
        .with_cards()
        .order_by("-first_published_at", "-pk")[:limit]
    )
    by_root = {
        s.root_page.path: s
        for s in School.objects.filter(
            root_page__path__in={a.path[:root_length] for a in latest}
        ).select_related("root_page", "site")
    }
    return [(article, by_root[article.path[:root_length]]) for article in latest]


def schools_by_level(schools):
    grouped = {level: [] for level in Level.values}
    for school in schools:
        grouped[school.level].append(school)
    return [(Level(level).label, level, grouped[level]) for level in Level.values if grouped[level]]


class SchoolDirectoryPage(RoutablePageMixin, PortalPage):
    """Danh bạ trường: every school of the office, by level and commune, with address and QR."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=RICH_FEATURES)
    content_panels = PortalPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["page_types.OfficeHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "page_types/school_directory_page.html"

    class Meta:
        verbose_name = _("danh bạ trường học")
        verbose_name_plural = _("danh bạ trường học")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home = self.get_parent().specific
        authority = home.authority
        schools = (
            authority.schools_in_subtree().filter(is_active=True)
            if authority
            else School.objects.none()
        )
        level = request.GET.get("cap", "")
        if level in Level.values:
            schools = schools.filter(level=level)
        query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        terms = query_terms(query)
        if terms:
            # Folded in Python (tenants/vietnamese.py): "tan thong", "THÁI MỸ" and "Hoà Đông"
            # find the schools; the names of one office's schools fit in one small query.
            matching = [
                pk for pk, name in schools.values_list("pk", "name") if matches_all(terms, name)
            ]
            schools = schools.filter(pk__in=matching)
        paginator = Paginator(schools.order_by("level", "commune", "name"), DIRECTORY_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        schools = list(page_obj.object_list)
        for school in schools:
            school.qr_url = self.qr_url(school)
        context["directory_page"] = page_obj
        context["schools_by_level"] = schools_by_level(schools)
        context["levels"] = Level.choices
        context["current_level"] = level
        context["query"] = query
        return context

    def qr_url(self, school):
        # Routable paths end in "/"; the QR route is a file, so drop it.
        return self.reverse_subpage("qr", kwargs={"code": school.code}).rstrip("/")

    @path("qr/<slug:code>.svg/", name="qr")
    def qr(self, request, code):
        """A printable QR code of a school's address, for posters and letters to parents."""
        authority = self.get_parent().specific.authority
        school = (
            authority.schools_in_subtree().filter(code=code, is_active=True).first()
            if authority
            else None
        )
        if school is None:
            raise Http404
        buffer = io.BytesIO()
        segno.make(school.root_url + "/", error="m").save(
            buffer, kind="svg", scale=10, border=4, title=school.name, xmldecl=False
        )
        response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
        response["Content-Disposition"] = f'inline; filename="qr-{school.slug}.svg"'
        return response
