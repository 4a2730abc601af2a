"""Scoped replacements for Wagtail views whose listings span every tenant.

The middleware swaps the resolved view for one of these (never for superusers). Class-based
replacements are subclasses of Wagtail's own view, built with the same init kwargs, so the
screens look and behave the same with fewer rows and fewer filter choices:

- every listing view (Wagtail's `BaseListingView`: explorer, page search, reports, form pages,
  images, documents, snippets) gets its rows and its filter choices (users, sites, tags,
  collections, pages) restricted to the user's scope;
- choosers get scoped "popular tags";
- tag autocompletion only offers tags used on objects the user can see."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet
from django.http import JsonResponse
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django_filters import (
    ChoiceFilter,
    ModelChoiceFilter,
    ModelMultipleChoiceFilter,
    MultipleChoiceFilter,
)
from taggit.models import Tag, TaggedItem
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.admin.views.generic.chooser import BaseChooseView
from wagtail.models import Collection, Page, Site

from .registry import filter_for_scope, scope_q
from .scope import scope_for_user

TAGS_AUTOCOMPLETE_LIMIT = 10
# Above this many choices a listing's filter is left out of its sidebar.
MAX_FILTER_CHOICES = 50


def _wrap(view):
    return never_cache(require_admin_access(view))


def scoped_tags(scope, model=None):
    """Tags used on objects the scope can see (of `model` only, when given)."""
    items = TaggedItem.objects.all()
    if model is not None:
        items = items.filter(content_type=ContentType.objects.get_for_model(model))
    tag_ids = set()
    for content_type_id in items.values_list("content_type", flat=True).distinct():
        tagged_model = ContentType.objects.get_for_id(content_type_id).model_class()
        if tagged_model is None or scope_q(scope, tagged_model) is None:
            continue
        visible = filter_for_scope(scope, tagged_model._default_manager.all()).values("pk")
        tag_ids.update(
            items.filter(content_type_id=content_type_id, object_id__in=visible).values_list(
                "tag_id", flat=True
            )
        )
    return Tag.objects.filter(pk__in=tag_ids)


def scoped_popular_tags(scope, model, count=10):
    content_type = ContentType.objects.get_for_model(model)
    visible = filter_for_scope(scope, model._default_manager.all()).values("pk")
    return (
        Tag.objects.filter(
            taggit_taggeditem_items__content_type=content_type,
            taggit_taggeditem_items__object_id__in=visible,
        )
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count")[:count]
    )


def tag_autocomplete(request, app_name=None, model_name=None):
    term = request.GET.get("term", "")
    if not term or (app_name and model_name and (app_name, model_name) != ("taggit", "tag")):
        # Custom tag models are not used by the portal; nothing to offer tenants from them.
        return JsonResponse([], safe=False)
    names = (
        scoped_tags(scope_for_user(request.user))
        .filter(name__istartswith=term)
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


def _scoped_choice_queryset(scope, queryset):
    """A filter's choices, restricted when they name tenant data (users, sites, pages...)."""
    model = queryset.model
    if issubclass(model, Tag):
        return queryset.filter(pk__in=scoped_tags(scope).values("pk"))
    if scope_q(scope, model) is None:
        return queryset  # content types, locales, tasks: not tenant data
    return filter_for_scope(scope, queryset)


def _too_many(queryset, scope):
    """More choices than a sidebar can list: one bounded count query, or none for the sites and
    collections of a scope with more schools than that (each school has its own of both)."""
    if not isinstance(queryset, QuerySet):
        return False
    if len(scope.school_ids) > MAX_FILTER_CHOICES and issubclass(queryset.model, Site | Collection):
        return True
    return queryset.order_by()[: MAX_FILTER_CHOICES + 1].count() > MAX_FILTER_CHOICES


def scope_filterset(filterset, scope):
    tag_names = None
    dropped = False
    for name, filter_ in list(filterset.filters.items()):
        if isinstance(filter_, ModelChoiceFilter | ModelMultipleChoiceFilter):
            original = filter_.get_queryset

            def scoped(request, original=original, filter_=filter_):
                queryset = original(request)
                if queryset is None:
                    # Some filtersets put the choices straight into `extra` in __init__.
                    queryset = filter_.extra.get("queryset")
                if queryset is None:
                    return None
                return _scoped_choice_queryset(scope, queryset)

            # An instance attribute: django-filter builds the field's choices through it.
            filter_.get_queryset = scoped
            filter_.__dict__.pop("_field", None)
            if _too_many(scoped(getattr(filterset, "request", None)), scope):
                # A province admin's site, collection or owner filter would list thousands of
                # checkboxes (600 KiB a page): the search box and the explorer's tree narrow
                # the rows instead, and the school and authority choosers (added below).
                del filterset.filters[name]
                dropped = True
        elif isinstance(filter_, ChoiceFilter | MultipleChoiceFilter) and name == "tag":
            if tag_names is None:
                tag_names = set(scoped_tags(scope).values_list("name", flat=True))
            choices = filter_.extra.get("choices") or []
            filter_.extra["choices"] = [c for c in choices if c[0] in tag_names]
            filter_.__dict__.pop("_field", None)
            if not filter_.extra["choices"]:
                del filterset.filters[name]
    if dropped or len(scope.school_ids) > MAX_FILTER_CHOICES:
        # Searchable choosers of the user's schools and authorities: bounded whatever the
        # number of schools, where checkboxes were not (tenants/admin_filters.py).
        from ..admin_filters import add_tenant_filters

        add_tenant_filters(filterset, scope)
    # The form may already be built (choices cached on its fields): rebuild it.
    filterset.__dict__.pop("_form", None)
    return filterset


SCOPED_QUERYSET_ATTR = "_portal_scoped_queryset"


def already_scoped(request, queryset):
    """True when `queryset` is the one a scoped listing of this request restricted (the object
    itself, not an equal one): a hook handed it need not filter it again."""
    return getattr(request, SCOPED_QUERYSET_ATTR, None) is queryset


class ScopedListingMixin:
    """Rows and filter choices of a Wagtail listing, restricted to the user's scope."""

    @property
    def _scope(self):
        return scope_for_user(self.request.user)

    def _restrict(self, queryset):
        if isinstance(queryset, QuerySet):
            condition = scope_q(self._scope, queryset.model)
            if condition is not None:
                return queryset.filter(condition)
        return queryset

    def get_queryset(self):
        self._scoped_model = None
        queryset = super().get_queryset()
        if isinstance(queryset, QuerySet) and queryset.model is self._scoped_model:
            return queryset
        return self._restrict(queryset)

    def filter_queryset(self, queryset):
        # Restricted here, before Wagtail's search turns the queryset into search results.
        # Wagtail's get_queryset only narrows what this returns (search, the explorer's hooks),
        # so the scope is applied once per listing: get_queryset and the explorer's hook skip
        # it. A view whose get_queryset never filters is restricted by get_queryset as before.
        queryset = self._restrict(super().filter_queryset(queryset))
        if isinstance(queryset, QuerySet):
            self._scoped_model = queryset.model
            # This very queryset is what Wagtail hands the explorer's hook next.
            setattr(self.request, SCOPED_QUERYSET_ATTR, queryset)
        return queryset

    @cached_property
    def filters(self):
        filterset = super().filters
        if filterset is not None:
            scope_filterset(filterset, self._scope)
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = _evaluated_rows(context.get("object_list"))
        if rows:
            # Page rows' buttons ask, row by row, whether the page is a mandated section.
            for hook in hooks.get_hooks(LISTED_ROWS_HOOK):
                hook(rows)
        return context


class ScopedPageSearchMixin(ScopedListingMixin):
    """Wagtail's page search has no filters of its own: a user reaching many schools gets the
    school and authority choosers, applied to the pages before they are searched."""

    @cached_property
    def filters(self):
        from ..admin_filters import add_tenant_filters

        if len(self._scope.school_ids) <= MAX_FILTER_CHOICES:
            return None
        filterset = add_tenant_filters(
            _PageSearchFilterSet(**self.get_filterset_kwargs()), self._scope
        )
        filterset.__dict__.pop("_form", None)
        return filterset if filterset.filters else None

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        if self.filters is not None and self.filters.is_valid():
            pages = self.filters.filter_queryset(pages)
        return pages


# Apps mark the rows of a listing in bulk before it renders (page_types: mandated sections).
LISTED_ROWS_HOOK = "portal_listed_rows"


class _PageSearchFilterSet(WagtailFilterSet):
    class Meta:
        model = Page
        fields = []


def _evaluated_rows(objects):
    """The rows a listing already loaded (never evaluating a queryset again)."""
    if isinstance(objects, list):
        return objects
    cache = getattr(objects, "_result_cache", None)
    if cache is None:
        cache = getattr(objects, "_results_cache", None)
    return list(cache) if cache else []


class ScopedChooserMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "popular_tags" in context:
            context["popular_tags"] = scoped_popular_tags(
                scope_for_user(self.request.user), self.model
            )
        return context

    def get_object_list(self):
        objects = super().get_object_list()
        scope = scope_for_user(self.request.user)
        if isinstance(objects, QuerySet) and scope_q(scope, objects.model) is not None:
            return filter_for_scope(scope, objects)
        return objects


FUNCTION_SUBSTITUTES = {
    "wagtailadmin_tag_autocomplete": tag_autocomplete,
    "wagtailadmin_tag_model_autocomplete": tag_autocomplete,
}

_built = {}


def _full_name(match):
    namespace = ":".join(match.namespaces)
    return f"{namespace}:{match.url_name}" if namespace else (match.url_name or "")


def _scoped_subclass(view_class):
    from wagtail.admin.views.pages.search import SearchView

    if issubclass(view_class, SearchView):
        return type(f"Scoped{view_class.__name__}", (ScopedPageSearchMixin, view_class), {})
    if issubclass(view_class, BaseListingView):
        return type(f"Scoped{view_class.__name__}", (ScopedListingMixin, view_class), {})
    if issubclass(view_class, BaseChooseView):
        return type(f"Scoped{view_class.__name__}", (ScopedChooserMixin, view_class), {})
    return None


# Page routes Wagtail dispatches through its page viewset registry (no view class on the
# resolved function): route name → (viewset attribute, how the viewset is found).
PAGE_VIEWSET_ROUTES = {
    "wagtailadmin_pages:type_use": "content_type_use_view",
    "wagtailadmin_pages:type_use_results": "content_type_use_results_view",
    "wagtailadmin_pages:search": "search_view",
    "wagtailadmin_pages:search_results": "search_results_view",
    # The explorer: rows are narrowed by a hook, but its filters (site, owner) list choices.
    "wagtailadmin_explore_root": "index_view",
    "wagtailadmin_explore": "index_view",
    "wagtailadmin_explore_results": "index_results_view",
}


def _page_viewset_view(name, kwargs):
    from wagtail.admin.viewsets.pages import page_viewset_registry
    from wagtail.models import Page

    if "parent_page_id" in kwargs:
        viewset = page_viewset_registry.get_by_parent_page_id(kwargs["parent_page_id"])
    elif "content_type_app_name" in kwargs:
        viewset = page_viewset_registry.get_by_content_type_natural_key(
            kwargs["content_type_app_name"], kwargs["content_type_model_name"]
        )
    else:
        viewset = page_viewset_registry.get_by_type(Page)
    return getattr(viewset, PAGE_VIEWSET_ROUTES[name])


def substitute_view(request, match, view_func):
    if not request.user.is_authenticated or request.user.is_superuser:
        return None
    name = _full_name(match)
    if name in PAGE_VIEWSET_ROUTES:
        view_func = _page_viewset_view(name, match.kwargs)
    if name in FUNCTION_SUBSTITUTES:
        key = ("function", name)
        if key not in _built:
            _built[key] = _wrap(FUNCTION_SUBSTITUTES[name])
        return _built[key]
    view_class = getattr(view_func, "view_class", None)
    if view_class is None:
        return None
    key = ("class", id(view_func))
    if key not in _built:
        subclass = _scoped_subclass(view_class)
        _built[key] = (
            _wrap(subclass.as_view(**getattr(view_func, "view_initkwargs", {})))
            if subclass
            else None
        )
    return _built[key]
