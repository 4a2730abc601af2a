"""What every public template needs about the current site: identity, sections, contact, banners.

Built once per site and cached, keyed by the site's cache generation (bumped on every publish,
see signals.py) and by today's date (urgent banners expire at midnight)."""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.templatetags.static import static
from django.utils import timezone
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from tenants.models import Authority, School, site_root_url

from .signals import site_generations

logger = logging.getLogger(__name__)

CONTEXT_KEY = "portal:site-context:{site}:{gens}:{today}"
# Long enough to be useful, short enough that a missed invalidation heals by itself.
CONTEXT_TTL = 6 * 3600
DEFAULT_BRAND = "#1d4e89"


@dataclass
class NavItem:
    title: str
    url: str
    path: str


@dataclass
class Banner:
    title: str
    url: str
    date: object
    valid_until: object


@dataclass
class SiteContext:
    """Plain, picklable data about one site; safe to keep in a shared cache."""

    site_id: int
    is_office: bool
    root: Page
    school: School | None
    authority: Authority | None
    name: str
    motto: str
    brand: dict
    logo: dict | None
    home_url: str
    nav: list = field(default_factory=list)
    banners: list = field(default_factory=list)
    address: str = ""
    phone: str = ""
    email: str = ""
    office_name: str = ""
    office_url: str = ""
    favicon: str = ""
    last_updated: object = None


# Colour arithmetic: WCAG 2.1 relative luminance and contrast ratio.


def _hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _rgb_to_hex(rgb):
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(hex_a, hex_b):
    la, lb = sorted((_luminance(_hex_to_rgb(hex_a)), _luminance(_hex_to_rgb(hex_b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(rgb, other, amount):
    return tuple(c + (o - c) * amount for c, o in zip(rgb, other, strict=True))


def brand_palette(colour):
    """The school's colour darkened just enough that white text on it (and it as text on
    white) reaches 4.5:1, plus a darker shade and a pale tint for backgrounds."""
    try:
        rgb = _hex_to_rgb(colour or DEFAULT_BRAND)
    except ValueError:
        rgb = _hex_to_rgb(DEFAULT_BRAND)
    base = rgb
    step = 0
    while contrast_ratio(_rgb_to_hex(base), "#ffffff") < 4.6 and step < 40:
        step += 1
        base = _mix(rgb, (0, 0, 0), step * 0.025)
    brand = _rgb_to_hex(base)
    return {
        "brand": brand,
        "brand_dark": _rgb_to_hex(_mix(base, (0, 0, 0), 0.25)),
        "brand_tint": _rgb_to_hex(_mix(base, (255, 255, 255), 0.9)),
        "brand_text": "#ffffff",
        "adjusted": brand.lower() != _rgb_to_hex(rgb).lower(),
    }


def _local_url(page, root):
    """URL of a page of the current site relative to its host, without scanning every site."""
    return "/" + page.url_path[len(root.url_path) :]


def _logo(root):
    logo = getattr(root, "logo", None)
    if logo is None:
        return None
    rendition = _rendition(logo, "height-128")
    if rendition is None:
        return None
    return {
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": "",
    }


def _office_site():
    return (
        Authority.objects.filter(site__hostname=settings.PORTAL_DOMAIN)
        .values_list("name", flat=True)
        .first()
    )


def build_site_context(site, today):
    from .models import AnnouncementPage

    root = site.root_page.specific
    is_office = site.hostname == settings.PORTAL_DOMAIN
    school = authority = None
    if is_office:
        authority = Authority.objects.filter(site_id=site.pk).first()
        details = authority
        name = authority.name if authority else root.title
    else:
        school = School.objects.select_related("authority").filter(site_id=site.pk).first()
        details = school
        name = school.name if school else root.title
    nav = [
        NavItem(child.title, _local_url(child, root), child.path)
        for child in Page.objects.child_of(root).live().in_menu().public().order_by("path")
    ]
    banners = []
    if not is_office:
        banners = [
            Banner(a.title, _local_url(a, root), a.date, a.valid_until)
            for a in AnnouncementPage.urgent_for_root(root, today=today)
        ]
    return SiteContext(
        site_id=site.pk,
        is_office=is_office,
        root=root,
        school=school,
        authority=authority,
        name=name,
        motto=getattr(root, "motto", ""),
        brand=brand_palette(getattr(root, "brand_color", DEFAULT_BRAND)),
        logo=_logo(root),
        home_url="/",
        nav=nav,
        banners=banners,
        address=getattr(details, "address", "") or "",
        phone=getattr(details, "phone", "") or "",
        email=getattr(details, "email", "") or "",
        office_name=_office_site() or "",
        office_url=site_root_url(settings.PORTAL_DOMAIN) + "/",
        favicon=favicon_url(getattr(root, "logo", None)),
    )


def generations_for(site):
    """The cache generations a site's pages depend on (see signals.site_generations)."""
    return site_generations(site, site.hostname == settings.PORTAL_DOMAIN)


def _rendition(image, spec):
    """A rendition of a site's picture, or None when its original file is gone (a storage
    fault, a restored database without its media): the site then shows the default instead of
    answering 500 on every page."""
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        logger.warning("image %s: original file missing, default shown", image.pk)
        return None


def favicon_url(logo_image):
    """The site's icon: its logo as a small PNG, or the portal's default."""
    rendition = _rendition(logo_image, "fill-64x64|format-png") if logo_image else None
    return rendition.url if rendition else static("img/logo-default.svg")


def site_context(site):
    today = timezone.localdate()
    key = CONTEXT_KEY.format(site=site.pk, gens=generations_for(site), today=today.isoformat())
    data = cache.get(key)
    if data is None:
        data = build_site_context(site, today)
        cache.set(key, data, CONTEXT_TTL)
    return data


def portal(request):
    """Context processor: `portal` (SiteContext) plus shortcuts `site_root`, `school`,
    `authority`, `nav_sections`, `urgent_banners`. Empty off a known site."""
    site = getattr(request, "_wagtail_site", None)
    if site is None or site.root_page_id is None:
        return {"portal": None}
    data = site_context(site)
    return {
        "portal": data,
        "site_root": data.root,
        "school": data.school,
        "authority": data.authority,
        "nav_sections": data.nav,
        "urgent_banners": data.banners,
    }
