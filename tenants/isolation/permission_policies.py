"""Wagtail's page and collection permission policies, evaluated in a bounded number of queries.

An office admin's group holds one page-permission root and one collection-permission root per
school of its subtree (thousands in a province). Wagtail ORs one `descendant_of` queryset per
root by repeated cloning (quadratic: 122 s for the explorer at 501 roots) and the SQL it makes
tests every root on every row. Here the roots become one prefix filter per distinct path length
(`substr(path, 1, n) IN (…)`, a hash lookup per row), whatever the number of schools. The rights
are exactly Wagtail's: the same permission rows, the same descendant and ancestor rules.

Installed on Wagtail's policy classes (`install()`, from `TenantsConfig.ready`): Wagtail binds
its policy instances at import time in many modules, so replacing instances would miss some."""

from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Substr
from django.db.models.lookups import In
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.permission_policies.collections import CollectionPermissionLookupMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


@dataclass(frozen=True)
class Node:
    """What Wagtail's permission checks read of a permission's page or collection: its place in
    the tree (`is_descendant_of`, `descendant_of`, `first_common_ancestor_of` use nothing else)."""

    pk: int
    path: str
    depth: int
    # Treebeard's path step (`ancestor_of` reads it); pages and collections both use 4.
    steplen = Page.steplen

    @property
    def id(self):
        return self.pk


@dataclass(frozen=True)
class Codename:
    codename: str


@dataclass(frozen=True)
class PagePermissionRow:
    page_id: int
    page: Node
    permission: Codename


@dataclass(frozen=True)
class CollectionPermissionRow:
    collection_id: int
    collection: Node
    permission: Codename


def page_permission_rows(self, user):
    """The user's page permissions as plain rows, not model instances: a province admin holds
    one row per school and codename (17,500 at 3,500 schools), and building that many Page
    instances took a minute on the admin's home."""
    if not user.is_active or user.is_anonymous or user.is_superuser:
        return []
    rows = GroupPagePermission.objects.filter(group__user=user).values_list(
        "page_id", "page__path", "page__depth", "permission__codename"
    )
    return [
        PagePermissionRow(page, Node(page, path, depth), Codename(codename))
        for page, path, depth, codename in rows
    ]


def collection_permission_rows(self, user):
    """As `page_permission_rows`, for collections (one per school and media codename)."""
    if not user.is_active or user.is_anonymous or user.is_superuser:
        return []
    rows = GroupCollectionPermission.objects.filter(group__user=user).values_list(
        "collection_id", "collection__path", "collection__depth", "permission__codename"
    )
    return [
        CollectionPermissionRow(pk, Node(pk, path, depth), Codename(codename))
        for pk, path, depth, codename in rows
    ]


def topmost(paths):
    """The paths not below another of them (a tree path starts with each of its ancestors')."""
    kept = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def subtree_q(paths):
    """A Q on a tree model (pages, collections): the nodes at these paths and their descendants.
    One clause per distinct path length, not one per path."""
    by_length = {}
    for path in topmost(paths):
        by_length.setdefault(len(path), []).append(path)
    if not by_length:
        return Q(pk__in=[])
    q = Q()
    for length, group in sorted(by_length.items()):
        q |= Q(In(Substr("path", 1, length), group))
    return q


def pages_below(model, paths, prefix=""):
    """Pages at or below `paths`, as a filter on the primary key (`prefix`: the lookup to a
    Page relation): Wagtail's search backends accept only plain lookups on indexed fields in a
    searched queryset (`id` is one)."""
    base = getattr(model, "base_page_model", model)
    pages = base._default_manager.filter(subtree_q(paths)).values("pk")
    return Q(**{f"{prefix}pk__in": pages})


def ancestor_paths(paths, steplen):
    """Paths of every strict ancestor of the nodes at `paths` (the root included)."""
    return sorted({path[:end] for path in paths for end in range(steplen, len(path), steplen)})


def instances_user_has_any_permission_for(self, user, actions):
    base_queryset = self._base_queryset_for_user(user)
    if base_queryset is not None:
        return base_queryset
    codenames = self._get_permission_codenames(actions)
    add = self._get_permission_codename("add")
    owned_only = "add" not in actions and "change" in actions
    full, own = [], []
    for perm in self.get_cached_permissions_for_user(user):
        if perm.permission.codename == add and owned_only:
            # Wagtail: "add" alone lets a user change the pages they own.
            own.append(perm.page.path)
        elif perm.permission.codename in codenames:
            full.append(perm.page.path)
    q = Q(pk__in=[])
    if full:
        q |= pages_below(self.model, full)
    if own:
        q |= pages_below(self.model, own) & Q(owner=user)
    return self.model._default_manager.filter(q)


def explorable_instances(self, user):
    base_queryset = self._base_queryset_for_user(user)
    if base_queryset is not None:
        return base_queryset
    explorable = instances_user_has_any_permission_for(self, user, EXPLORE_ACTIONS)
    roots = [perm.page for perm in self.get_cached_permissions_for_user(user)]
    if not roots:
        return explorable
    # The ancestors of every root are explorable (to navigate down to it), but only below the
    # roots' first common ancestor, as in Wagtail.
    page_model = self.model.base_page_model
    common = page_model.objects.first_common_ancestor_of(roots)
    ancestors = [
        path
        for path in ancestor_paths([page.path for page in roots], page_model.steplen)
        if path.startswith(common.path)
    ]
    explorable = self.model._default_manager.filter(
        Q(pk__in=explorable.values("pk")) | Q(path__in=ancestors)
    )
    return explorable.filter(path__startswith=common.path)


def _collections_with_perm(self, user, actions):
    permissions = self._get_user_permission_objects_for_actions(user, actions)
    return Collection.objects.filter(subtree_q(perm.collection.path for perm in permissions))


# Wagtail's own methods, kept for the tests that compare both evaluations.
WAGTAIL = {
    "instances_user_has_any_permission_for": (
        PagePermissionPolicy.instances_user_has_any_permission_for
    ),
    "explorable_instances": PagePermissionPolicy.explorable_instances,
    "_collections_with_perm": CollectionPermissionLookupMixin._collections_with_perm,
    "page_rows": PagePermissionPolicy.get_all_permissions_for_user,
    "collection_rows": CollectionPermissionLookupMixin.get_all_permissions_for_user,
}


def install():
    PagePermissionPolicy.instances_user_has_any_permission_for = (
        instances_user_has_any_permission_for
    )
    PagePermissionPolicy.explorable_instances = explorable_instances
    CollectionPermissionLookupMixin._collections_with_perm = _collections_with_perm
    PagePermissionPolicy.get_all_permissions_for_user = page_permission_rows
    CollectionPermissionLookupMixin.get_all_permissions_for_user = collection_permission_rows
