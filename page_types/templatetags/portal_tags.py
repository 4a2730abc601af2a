"""Template helpers of the public site: links, files, images, dates, breadcrumbs."""

import datetime

from django import template
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from ..blocks import MealsBlock

register = template.Library()

DAY_CODES = [code for code, _label in MealsBlock.base_blocks["day"].field.choices if code]
DAY_LABELS = dict(MealsBlock.base_blocks["day"].field.choices)

# Sections of the blueprint and the icon (static/icons/sprite.svg) each one shows.
SECTION_ICONS = {
    "gioi-thieu": "info",
    "tin-tuc": "news",
    "thong-bao": "bell",
    "cong-khai": "shield",
    "van-ban": "doc",
    "tuyen-sinh": "school",
    "ke-hoach": "calendar",
    "thuc-don": "meal",
    "lich-cong-tac": "clock",
    "bieu-mau": "form",
    "goc-phu-huynh": "people",
    "thu-vien-anh": "image",
    "lien-he": "phone",
    "truong-hoc": "school",
}


@register.filter
def human_size(num_bytes):
    """245 KB, 1,2 MB: the sizes parents on mobile data care about, Vietnamese decimals."""
    if num_bytes is None:
        return ""
    size = float(num_bytes)
    if size < 1024:
        return f"{int(size)} B"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    if size < 1024 * 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{size / 1024 / 1024 / 1024:.1f} GB".replace(".", ",")


def _document_size(document):
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        # A missing file must not break the page that links to it.
        return None


@register.filter
def file_label(document):
    """ "PDF · 245 KB" for a Wagtail document."""
    if not document:
        return ""
    parts = [document.file_extension.upper() or _("Tệp")]
    size = _document_size(document)
    if size is not None:
        parts.append(human_size(size))
    return " · ".join(parts)


@register.filter
def tel_href(number):
    """A phone number as dialled from a phone: digits and a leading +."""
    number = str(number or "")
    digits = "".join(ch for ch in number if ch.isdigit())
    return ("+" if number.strip().startswith("+") else "") + digits


@register.filter
def model_name(obj):
    return obj._meta.model_name if hasattr(obj, "_meta") else ""


@register.filter
def image_alt(image):
    """Alt text: the ImageBlock's own text (empty if decorative), else the image's description
    or title."""
    if not image:
        return ""
    if getattr(image, "decorative", False):
        return ""
    contextual = getattr(image, "contextual_alt_text", None)
    if contextual:
        return contextual
    return getattr(image, "description", "") or image.title


@register.simple_tag(takes_context=True)
def local_url(context, page):
    """A page's URL: host-relative inside the current site (no scan over every site's root),
    absolute for another site's page."""
    if page is None:
        return ""
    portal = context.get("portal")
    root = getattr(portal, "root", None)
    if root is not None and page.url_path.startswith(root.url_path):
        return "/" + page.url_path[len(root.url_path) :]
    return page.get_url(context.get("request")) or ""


@register.filter
def in_section(page, section_path):
    """Whether the page is the nav section or lies below it (for aria-current)."""
    return bool(page and getattr(page, "path", "").startswith(section_path))


@register.filter
def section_icon(url):
    slug = url.strip("/").split("/")[0] if url else ""
    return SECTION_ICONS.get(slug, "page")


@register.filter
def day_label(code):
    return DAY_LABELS.get(code, code)


@register.filter
def day_date(code, week_start):
    """The calendar date of a weekday code ("tue") in the week starting on week_start."""
    if code not in DAY_CODES or not isinstance(week_start, datetime.date):
        return None
    return week_start + datetime.timedelta(days=DAY_CODES.index(code))


@register.filter
def sort_days(days):
    """Stream children of a weekly menu/schedule in weekday order, whatever the editor's order."""
    return sorted(
        days,
        key=lambda block: (
            DAY_CODES.index(block.value["day"]) if block.value["day"] in DAY_CODES else 99
        ),
    )


@register.inclusion_tag("page_types/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """From the site's home down to the current page, in one query."""
    page = context.get("page")
    portal = context.get("portal")
    root = getattr(portal, "root", None)
    if (
        page is None
        or root is None
        or not page.path.startswith(root.path)
        or page.depth <= root.depth
    ):
        return {"crumbs": []}
    steplen = Page.steplen
    paths = [page.path[: steplen * depth] for depth in range(root.depth + 1, page.depth)]
    ancestors = (
        Page.objects.filter(path__in=paths).only("title", "url_path", "path").order_by("path")
        if paths
        else []
    )
    crumbs = [{"title": _("Trang chủ"), "url": "/"}]
    for ancestor in ancestors:
        crumbs.append(
            {"title": ancestor.title, "url": "/" + ancestor.url_path[len(root.url_path) :]}
        )
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def og_image_url(context, image):
    """Absolute URL of a 1200×630 JPEG for link previews on Zalo and Facebook."""
    if not image:
        return ""
    try:
        rendition = image.get_rendition("fill-1200x630-c80|format-jpeg")
    except SourceImageIOError:  # the original is gone: no preview rather than a 500
        return ""
    request = context.get("request")
    return request.build_absolute_uri(rendition.url) if request else rendition.url


@register.filter
def attachment_documents(stream):
    """Documents of an attachments StreamField, skipping blocks whose file was deleted."""
    return [
        {"document": block.value["document"], "label": block.value.get("label") or ""}
        for block in stream or []
        if block.value.get("document")
    ]


@register.inclusion_tag("page_types/includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Page links that keep the other query parameters (?chuyen-muc=…)."""
    if not page_obj or not hasattr(page_obj, "paginator"):
        return {"page_obj": None}
    paginator = page_obj.paginator
    return {
        "page_obj": page_obj,
        "page_range": list(
            paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
        ),
        "ellipsis": paginator.ELLIPSIS,
        "request": context.get("request"),
    }


@register.simple_tag
def live_children(page):
    """Published, public child pages in tree order (for a section's table of contents)."""
    return list(
        page.get_children().live().public().only("title", "url_path", "path").order_by("path")
    )


@register.filter
def site_relative(url_path):
    """A page's path under its site's home: "/th-tan-thong/tin-tuc/abc/" → "/tin-tuc/abc/"
    (school homes sit right below the tree root)."""
    parts = (url_path or "/").split("/", 2)
    return "/" + (parts[2] if len(parts) > 2 else "")


@register.simple_tag
def page_description(page, portal):
    """The page's meta description: its own, else its summary or intro, else the site's motto
    and name, in at most 40 words (search engines and link previews cut the rest)."""
    from django.utils.html import strip_tags
    from django.utils.text import Truncator

    text = ""
    if page is not None:
        for name in ("search_description", "intro", "summary", "description", "welcome"):
            value = getattr(page, name, "")
            if value and str(value).strip():
                text = strip_tags(str(value))
                break
    if not text and portal is not None:
        text = " – ".join(p for p in (portal.name, portal.motto) if p)
    return Truncator(" ".join(text.split())).words(40)


@register.simple_tag
def last_updated(page):
    """When anything in the page's subtree was last published (Wagtail's publication log, by
    hand or scheduled), for "Cập nhật lần cuối": one query, never an editable date."""
    from django.db.models import Max
    from wagtail.models import PageLogEntry

    from tenants.log_actions import PUBLISH_ACTIONS

    if page is None or not getattr(page, "path", None):
        return None
    return PageLogEntry.objects.filter(
        action__in=PUBLISH_ACTIONS, page__path__startswith=page.path, page__live=True
    ).aggregate(moment=Max("timestamp"))["moment"]
