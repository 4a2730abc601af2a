"""Scoping arbitrary models: how a record of a model is tied to a school, an office or a page.

Apps declare it without importing tenants internals beyond this module:

    class Inspection(models.Model):
        school = models.ForeignKey(School, ...)
        tenant_scope = "school"          # a lookup ending at School, Authority, Page, Collection or Site

    class RegulationProfile(models.Model):
        tenant_scope = GLOBAL            # reference data, the same for every tenant

or, for a model they cannot edit: `register_scoped_model(SomeModel, "page")`; a lookup may also
be a callable `scope -> Q`.
A model with no declaration is treated as visible to superusers only by the admin guard.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from wagtail.models import Collection, Page, Site

from ..models import Authority, Membership, School, SchoolDomain
from .permission_policies import AnyOf

GLOBAL = "__global__"
SELF = "__self__"
TENANT_SCOPE_ATTR = "tenant_scope"

_registry = {}


def register_scoped_model(model, lookup):
    _registry[model] = lookup


def scope_lookup_for(model):
    for klass in model.__mro__:
        if klass in _registry:
            return _registry[klass]
    lookup = getattr(model, TENANT_SCOPE_ATTR, None)
    if lookup is None and issubclass(model, Page):
        return SELF
    return lookup


def _target_model(model, lookup):
    """The model a lookup path ends at ("page__school" on X → School)."""
    current = model
    for part in lookup.split("__"):
        try:
            field = current._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        if not field.is_relation:
            return None
        current = field.related_model
    return current


def scope_q(scope, model):
    """A Q restricting `model` to what the scope may see, or None when the model is undeclared."""
    if scope.unrestricted:
        return Q()
    lookup = scope_lookup_for(model)
    if lookup is None:
        return None
    if lookup == GLOBAL:
        return Q()
    if callable(lookup):
        return lookup(scope)
    if lookup == SELF:
        target, prefix = model, ""
    else:
        target, prefix = _target_model(model, lookup), lookup + "__"
        if target is None:
            return None
    if issubclass(target, Page):
        return scope.page_q(prefix)
    # Ids as one array parameter (AnyOf): a province admin's scope lists thousands.
    key = F(prefix + "pk")
    if issubclass(target, School):
        return Q(AnyOf(key, sorted(scope.school_ids)))
    if issubclass(target, Authority):
        return Q(AnyOf(key, sorted(scope.authority_ids)))
    if issubclass(target, Collection):
        return Q(AnyOf(key, sorted(scope.collection_ids)))
    if issubclass(target, Site):
        return Q(AnyOf(key, sorted(scope.site_ids)))
    if target is get_user_model():
        field = prefix + "pk__in" if prefix else "pk__in"
        return Q(**{field: visible_user_ids(scope)})
    return None


def filter_for_scope(scope, queryset):
    """The part of a queryset the scope may see; nothing for undeclared models."""
    condition = scope_q(scope, queryset.model)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


def object_in_scope(scope, model, pk):
    if scope.unrestricted:
        return True
    condition = scope_q(scope, model)
    if condition is None:
        return False
    try:
        return model._default_manager.filter(condition).filter(pk=pk).exists()
    except (ValueError, TypeError):
        return False


def _pk_strings(scope, model):
    """Primary keys (as strings, for generic object_id columns) of `model` rows in scope."""
    return (
        filter_for_scope(scope, model._default_manager.all())
        .annotate(_pk_str=Cast("pk", CharField()))
        .values("_pk_str")
    )


def content_object_q(scope, models, content_type_field, object_id_field):
    """Rows of a generic-relation table (revisions, log entries, workflow states) whose object
    is in scope. `models`: the object models worth checking; others are left out."""
    if scope.unrestricted:
        return Q()
    condition = Q(pk__in=[])
    for model in models:
        if scope_q(scope, model) is None:
            continue
        content_type = ContentType.objects.get_for_model(model)
        if issubclass(model, Page):
            content_type = ContentType.objects.get_for_model(Page)
        condition |= Q(**{content_type_field: content_type}) & Q(
            **{f"{object_id_field}__in": _pk_strings(scope, model)}
        )
    return condition


def _content_models():
    from wagtail.snippets.models import get_snippet_models

    return [Page, *get_snippet_models()]


def _logged_models():
    from wagtail.models import ModelLogEntry

    models = []
    for content_type_id in ModelLogEntry.objects.values_list("content_type", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            models.append(model)
    return models


def visible_user_ids(scope):
    """Users that are members of the visible schools or of the visible offices."""
    if scope.unrestricted:
        return get_user_model().objects.values("pk")
    # One array parameter, not thousands of values (a province's schools), see AnyOf.
    return Membership.objects.filter(
        Q(AnyOf(F("school_id"), sorted(scope.school_ids))) | Q(authority__in=scope.authority_ids)
    ).values("user")


def _register_builtins():
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Comment,
        GroupPagePermission,
        ModelLogEntry,
        PageLogEntry,
        PageSubscription,
        PageViewRestriction,
        Revision,
        TaskState,
        WorkflowPage,
        WorkflowState,
    )

    register_scoped_model(get_image_model(), "collection")
    register_scoped_model(get_document_model(), "collection")
    register_scoped_model(Collection, SELF)
    register_scoped_model(Site, SELF)
    register_scoped_model(School, SELF)
    register_scoped_model(Authority, SELF)
    register_scoped_model(SchoolDomain, "school")
    register_scoped_model(
        Membership,
        lambda scope: Q(school__in=scope.school_ids) | Q(authority__in=scope.authority_ids),
    )
    register_scoped_model(get_user_model(), lambda scope: Q(pk__in=visible_user_ids(scope)))
    register_scoped_model(FormSubmission, "page")
    register_scoped_model(Redirect, "site")
    register_scoped_model(Comment, "page")
    register_scoped_model(PageSubscription, "page")
    register_scoped_model(PageViewRestriction, "page")
    register_scoped_model(WorkflowPage, "page")
    register_scoped_model(GroupPagePermission, "page")
    register_scoped_model(PageLogEntry, "page")
    register_scoped_model(
        ModelLogEntry,
        lambda scope: content_object_q(scope, _logged_models(), "content_type", "object_id"),
    )
    register_scoped_model(
        Revision,
        lambda scope: content_object_q(scope, _content_models(), "base_content_type", "object_id"),
    )
    register_scoped_model(
        WorkflowState,
        lambda scope: content_object_q(scope, _content_models(), "base_content_type", "object_id"),
    )
    register_scoped_model(
        TaskState,
        lambda scope: content_object_q(
            scope,
            _content_models(),
            "workflow_state__base_content_type",
            "workflow_state__object_id",
        ),
    )


_register_builtins()
