"""Listing filters "Trường" and "Đơn vị quản lý": narrow any scoped Wagtail listing to one
school, or to the schools of one authority's subtree, through the school and authority choosers.

They replace, for a user who reaches many schools, the site, collection and owner filters that
would list thousands of checkboxes (tenants/isolation/views.py drops those). The narrowing is a
`Scope` of the chosen schools run through the same registry as the isolation itself, so every
model a listing shows (pages, images, documents, log entries...) narrows the way it is scoped:
pages to the schools' trees, media to their collections. A few queries whatever the size of
the subtree (the schools' ids and paths, their collections, the offices' sites)."""

from django.utils.translation import gettext_lazy as _
from django_filters import ModelChoiceFilter
from wagtail.models import Page

from .choosers import authority_chooser_viewset, school_chooser_viewset
from .isolation.registry import scope_q
from .isolation.scope import Scope, _collection_and_descendants
from .models import Authority, School

SCHOOL_PARAM = "school"
AUTHORITY_PARAM = "authority"


def schools_scope(schools, offices=()):
    """A read-only Scope covering `schools` (School rows) and the sites of `offices`
    (Authority rows): what "this school" or "this authority" means for a listing's rows."""
    rows = list(schools.values_list("pk", "site_id", "root_page__path", "collection__path"))
    page_paths = {path for _pk, _site, path, _c in rows if path}
    site_ids = {site for _pk, site, _p, _c in rows if site}
    office_ids = set()
    for pk, site_id, path in offices:
        office_ids.add(pk)
        if site_id:
            site_ids.add(site_id)
        if path:
            page_paths.add(path)
    return Scope(
        school_ids=frozenset(pk for pk, *_rest in rows),
        authority_ids=frozenset(office_ids),
        page_paths=tuple(sorted(page_paths)),
        collection_ids=frozenset(_collection_and_descendants(c for *_rest, c in rows if c)),
        site_ids=frozenset(site_ids),
    )


def school_scope(school):
    return schools_scope(School.objects.filter(pk=school.pk))


def authority_scope(authority):
    subtree = Authority.objects.filter(path__startswith=authority.path)
    offices = subtree.values_list("pk", "site_id", "site__root_page__path")
    return schools_scope(School.objects.filter(authority__in=subtree.values("pk")), offices)


def narrow(queryset, scope):
    """`queryset` restricted to `scope` the way the isolation restricts its model."""
    condition = scope_q(scope, queryset.model)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


def _filter_by_school(queryset, name, value):
    return narrow(queryset, school_scope(value)) if value else queryset


def _filter_by_authority(queryset, name, value):
    return narrow(queryset, authority_scope(value)) if value else queryset


def can_narrow(model):
    """Whether rows of `model` can be narrowed to schools (declared in the scope registry)."""
    return scope_q(Scope(), model) is not None


def _chooser_filter(viewset, queryset, label, method):
    return ModelChoiceFilter(
        label=label,
        queryset=queryset,
        widget=viewset.widget_class(queryset=queryset),
        method=method,
    )


def tenant_filters(scope):
    """The filters to add for a user of this scope: {name: filter}. The school chooser for any
    scope of more than one school, the authority chooser when it spans several authorities."""
    from .isolation.registry import filter_for_scope

    filters = {}
    if len(scope.school_ids) > 1 or scope.unrestricted:
        filters[SCHOOL_PARAM] = _chooser_filter(
            school_chooser_viewset,
            filter_for_scope(scope, School.objects.all()),
            _("Trường"),
            _filter_by_school,
        )
    if len(scope.authority_ids) > 1 or scope.unrestricted:
        filters[AUTHORITY_PARAM] = _chooser_filter(
            authority_chooser_viewset,
            filter_for_scope(scope, Authority.objects.all()),
            _("Đơn vị quản lý"),
            _filter_by_authority,
        )
    return filters


def add_tenant_filters(filterset, scope):
    """Add the school and authority filters to a listing's filterset (first in its sidebar)."""
    model = getattr(filterset, "queryset", None)
    model = getattr(model, "model", None) or getattr(filterset._meta, "model", None) or Page
    if not can_narrow(model):
        return filterset
    added = tenant_filters(scope)
    for filter_ in added.values():
        filter_.model = model
    filterset.filters = {**added, **filterset.filters}
    for name, filter_ in added.items():
        filter_.field_name = name
        filter_.parent = filterset
    return filterset
