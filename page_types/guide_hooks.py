"""Admin wiring of the guides (page_types/guides.py): their URLs, the Help menu (our guides
instead of Wagtail's English editor guide and release notes)."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .guides import GUIDES, GuideIndexView, GuideView

# Wagtail's own Help menu items that point to its English site.
WAGTAIL_ENGLISH_HELP = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_urls")
def guide_urls():
    patterns = [
        path("", GuideIndexView.as_view(), name="index"),
        path("<slug:slug>/", GuideView.as_view(), name="guide"),
    ]
    return [path("guides/", include((patterns, "portal_guides"), namespace="portal_guides"))]


def _guide_item(guide, order):
    return lambda: MenuItem(
        guide.title, guide.url, name=f"guide-{guide.slug}", icon_name="help", order=order
    )


hooks.register("register_help_menu_item")(
    lambda: MenuItem(
        _("Hướng dẫn sử dụng"),
        reverse("portal_guides:index"),
        name="guides",
        icon_name="help",
        order=10,
    )
)
for _order, _guide in enumerate(GUIDES, start=20):
    hooks.register("register_help_menu_item", _guide_item(_guide, _order))


@hooks.register("construct_help_menu")
def drop_wagtail_english_help(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if not (item.name or "").startswith(WAGTAIL_ENGLISH_HELP)
    ]


@hooks.register("insert_global_admin_css")
def guide_css():
    return format_html('<link rel="stylesheet" href="{}">', static("page_types/guides.css"))
