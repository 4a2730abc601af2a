"""The public side: documents answer only on their own school's host, and `{% slugurl %}`
never falls back to a page of another site."""

from wagtail.models import Collection, Page, Site

from ..models import Authority, School
from .scope import office_collection_ids


def _collection_under(collection_id, roots):
    path = Collection.objects.filter(pk=collection_id).values_list("path", flat=True).first()
    return path is not None and any(path.startswith(root) for root in roots)


def document_allowed_on_host(document, request):
    """A document of school B is not served on school A's host. Office documents (collections
    of an office) are served on every host: schools attach the office's letters."""
    site = getattr(request, "_wagtail_site", None) or Site.find_for_request(request)
    if site is None:
        return False
    if document.collection_id in office_collection_ids():
        return True
    school = School.objects.filter(site=site).select_related("collection").first()
    if school is not None:
        roots = [school.collection.path] if school.collection_id else []
        return _collection_under(document.collection_id, roots)
    authority = Authority.objects.filter(site=site).first()
    if authority is not None:
        roots = list(
            authority.schools_in_subtree()
            .exclude(collection=None)
            .values_list("collection__path", flat=True)
        )
        return _collection_under(document.collection_id, roots)
    return False


def safe_slugurl(context, slug):
    """Wagtail's slugurl, minus the fallback to any site's page: only a live page of the
    current site is linked; otherwise nothing."""
    from wagtail.templatetags.wagtailcore_tags import pageurl

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    page = Page.objects.in_site(site).live().filter(slug=slug).first()
    if page is None:
        return ""
    return pageurl(context, page)


def install_safe_slugurl():
    """Re-register `slugurl` in Wagtail's tag library (Django's documented Library API) so every
    template that loads wagtailcore_tags gets the site-bound version."""
    from wagtail.templatetags import wagtailcore_tags

    if getattr(wagtailcore_tags.register.tags.get("slugurl"), "_portal_safe", False):
        return
    wagtailcore_tags.register.simple_tag(takes_context=True, name="slugurl")(safe_slugurl)
    wagtailcore_tags.register.tags["slugurl"]._portal_safe = True
