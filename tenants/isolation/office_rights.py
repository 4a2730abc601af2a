"""An office's rights over its schools, derived from the authority tree instead of stored.

An authority's admins group may act on every school of its subtree: OFFICE_ADMIN_PAGE_PERMISSIONS
on the school's root page and MEDIA_PERMISSIONS on its collection. Stored as rows, that was one
row per school, codename and ancestor office (87,500 page and collection rows for a Sở's group at
3,500 schools), rows a move of an office or a school left behind, granting the old office and
denying the new one. Here the fact is the tree: the rows a user holds through an office are read
as "the schools whose authority path starts with the path of an authority whose admins group the
user is in", one query per model, shaped like Wagtail's rows; "who holds this right" reads the
same fact the other way round. Each authority's own site and collection stay stored rows (one
per authority), as does anything an installation grants by hand."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr

from ..models import Authority, School

OFFICE_ADMIN_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
MEDIA_CODENAMES = tuple(codename for _app, codename in MEDIA_PERMISSIONS)


def _schools_of_offices(offices):
    """Schools at or below any of `offices` (an Authority queryset), as one EXISTS filter.
    Paths compared with substr, not LIKE: a code may contain "_" or "%"."""
    above = offices.annotate(below=Substr(OuterRef("authority__path"), 1, Length("path")))
    return School.objects.filter(Exists(above.filter(below=F("path"))))


def _office_nodes(user, node, extra):
    """(id, path, depth) of the `node` ("root_page" or "collection") of every school below an
    authority whose admins group `user` is in (`extra`: annotations added as further columns)."""
    offices = Authority.objects.filter(admins_group__user=user)
    return (
        _schools_of_offices(offices)
        .filter(**{f"{node}__isnull": False})
        .order_by()
        .annotate(**extra)
        .values_list(f"{node}_id", f"{node}__path", f"{node}__depth", *extra)
    )


def office_root_pages(user, **extra):
    """The root pages of the user's offices' schools: OFFICE_ADMIN_PAGE_PERMISSIONS on each."""
    return _office_nodes(user, "root_page", extra)


def office_collections(user, **extra):
    """Those schools' collections: MEDIA_PERMISSIONS on each."""
    return _office_nodes(user, "collection", extra)


def _office_groups(schools):
    """Admins groups of the authorities at or above the authority of any of `schools`."""
    below = schools.annotate(above=Substr("authority__path", 1, Length(OuterRef("path")))).filter(
        above=OuterRef("path")
    )
    return Authority.objects.filter(Exists(below), admins_group__isnull=False).values(
        "admins_group"
    )


def page_office_groups(codenames, page=None):
    """Groups holding any of `codenames` through an office: on `page` (a page or one of its
    ancestors is a school's root below the office) or, with no page, on any school's page."""
    if not set(codenames) & set(OFFICE_ADMIN_PAGE_PERMISSIONS):
        return Authority.objects.none().values("admins_group")
    schools = School.objects.filter(root_page__isnull=False)
    if page is not None:
        schools = schools.filter(root_page__path__in=_ancestor_or_self_paths(page))
    return _office_groups(schools)


def collection_office_groups(codenames, collection=None):
    """As `page_office_groups`, for MEDIA_PERMISSIONS on a school's collection."""
    if not set(codenames) & set(MEDIA_CODENAMES):
        return Authority.objects.none().values("admins_group")
    schools = School.objects.filter(collection__isnull=False)
    if collection is not None:
        schools = schools.filter(collection__path__in=_ancestor_or_self_paths(collection))
    return _office_groups(schools)


def _ancestor_or_self_paths(node):
    return [node.path[:end] for end in range(node.steplen, len(node.path) + 1, node.steplen)]
