"""How parents and search engines find a site: RSS feeds, sitemap.xml, robots.txt, favicon.

Every view reads the host's own site (request._wagtail_site) and lists only its live, public
pages, in one query each: links are built from url_path, never by asking Wagtail for each
page's site."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from tenants.clock import TZ

from .context_processors import site_context

FEED_ITEMS = 20
# A province site is large, but one host's sitemap stays far below the 50,000-URL limit.
SITEMAP_LIMIT = 50_000


def _site(request):
    site = getattr(request, "_wagtail_site", None)
    if site is None or site.root_page_id is None:
        raise Http404
    return site


def local_path(page, root):
    return "/" + page.url_path[len(root.url_path) :]


def _feed_kinds():
    from .models import AnnouncementPage, NewsArticlePage, OfficialDocumentPage

    return {
        "tin-tuc": (NewsArticlePage, _("Tin tức"), ("-date", "-first_published_at")),
        "thong-bao": (AnnouncementPage, _("Thông báo"), ("-date", "-pk")),
        "van-ban": (OfficialDocumentPage, _("Văn bản"), ("-issued_on", "-pk")),
    }


FEED_KINDS = ("tin-tuc", "thong-bao", "van-ban")


class SectionFeed(Feed):
    """News, announcements or documents of one site, newest first (RSS 2.0)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, kind):
        kinds = _feed_kinds()
        if kind not in kinds:
            raise Http404
        site = _site(request)
        self.request = request
        self.kind = kind
        self.model, self.label, self.ordering = kinds[kind]
        self.root = site.root_page
        self.site_name = site_context(site).name
        return site

    def title(self, site):
        return f"{self.label} – {self.site_name}"

    def link(self, site):
        return "/"

    def description(self, site):
        return _("%(section)s mới nhất của %(site)s") % {
            "section": self.label,
            "site": self.site_name,
        }

    def items(self, site):
        return (
            self.model.objects.live()
            .public()
            .descendant_of(self.root)
            .order_by(*self.ordering)[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return local_path(item, self.root)

    def item_description(self, item):
        text = (
            item.search_description
            or getattr(item, "intro", "")
            or getattr(item, "summary", "")
            or ""
        )
        return strip_tags(str(text))

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return self.request.build_absolute_uri(local_path(item, self.root))

    item_guid_is_permalink = True


section_feed = SectionFeed()


@require_GET
def sitemap(request):
    site = _site(request)
    root = site.root_page
    rows = (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .order_by("path")
        .values_list("url_path", "last_published_at")[:SITEMAP_LIMIT]
    )
    base = request.build_absolute_uri("/").rstrip("/")
    urls = [
        (base + "/" + url_path[len(root.url_path) :], moment.astimezone(TZ) if moment else None)
        for url_path, moment in rows
    ]
    body = render_to_string("page_types/sitemap.xml", {"urls": urls})
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_GET
def robots(request):
    _site(request)
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        "Disallow: /_util/",
        "Allow: /",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """/favicon.ico for browsers that ask for it: the school's logo, or the default."""
    data = site_context(_site(request))
    return HttpResponseRedirect(data.favicon or static("img/logo-default.svg"))
