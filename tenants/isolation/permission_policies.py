"""Wagtail's page and collection permission policies, evaluated in a bounded number of queries.

An office admin holds one page-permission root and one collection-permission root per school of
its subtree (thousands in a province), derived from the authority tree (`office_rights`: no row
is stored per school) and loaded with the stored rows in one query per model. Wagtail ORs one
`descendant_of` queryset per root by repeated cloning (quadratic: 122 s for the explorer at 501
roots) and the SQL it makes tests every root on every row. Here the roots become one prefix filter per distinct path length
(`substr(path, 1, n) IN (…)`, a hash lookup per row), whatever the number of schools. The rights
are exactly Wagtail's over the same rows (stored and derived): the same descendant and ancestor
rules.

Installed on Wagtail's policy classes (`install()`, from `TenantsConfig.ready`): Wagtail binds
its policy instances at import time in many modules, so replacing instances would miss some."""

from dataclasses import dataclass
from functools import partial

from django.contrib.auth import get_permission_codename
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import CharField, Lookup, Q, Value
from django.db.models.functions import Substr
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PagePermissionTester,
)
from wagtail.permission_policies.collections import CollectionPermissionLookupMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from .office_rights import (
    MEDIA_CODENAMES,
    OFFICE_ADMIN_PAGE_PERMISSIONS,
    office_collections,
    office_root_pages,
)
from .permission_holders import (
    _users_with_perm_filter,
    users_with_any_permission,
    users_with_any_permission_for_instance,
)

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


class PagePermissionRow:
    __slots__ = ("page_id", "page", "permission")

    def __init__(self, page_id, page, permission):
        self.page_id, self.page, self.permission = page_id, page, permission


class CollectionPermissionRow:
    __slots__ = ("collection_id", "collection", "permission")

    def __init__(self, collection_id, collection, permission):
        self.collection_id, self.collection, self.permission = collection_id, collection, permission


class PermissionRows:
    """A user's permission rows (Wagtail caches them on the user for the request), kept as one
    grant per node, `(Node, codenames)`, and indexed on first use. A province admin holds 17,500
    page rows and 21,000 collection rows (one per school and codename), yet an admin page mostly
    asks which codenames the user holds at all and what is held at a few paths: the row objects
    Wagtail's own code iterates are built only when something iterates them (building all of
    them was 0.1-0.2 s of every admin page for the Sở). A check at a path looks up the node's own
    path and its ancestors' paths: the same rows match (a tree path starts with exactly its
    ancestors' paths)."""

    def __init__(self, grants, row_class):
        self.grants = list(grants)
        self._row_class = row_class
        self._rows = None
        self._by_path = None
        self._codenames = None
        self._built = {}
        self._for_codenames = {}

    def _row(self, node, name):
        # One object per (node, codename), so sets built by different checks agree.
        key = (node.pk, name.codename)
        row = self._built.get(key)
        if row is None:
            row = self._built[key] = self._row_class(node.pk, node, name)
        return row

    def _all(self):
        if self._rows is None:
            self._rows = [self._row(node, name) for node, names in self.grants for name in names]
        return self._rows

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self._all())

    def __getitem__(self, index):
        return self._all()[index]

    def __bool__(self):
        return any(names for _node, names in self.grants)

    @property
    def codenames(self):
        if self._codenames is None:
            self._codenames = {name.codename for _node, names in self.grants for name in names}
        return self._codenames

    def grants_at(self, path):
        """The grants on the node at `path` or on one of its ancestors."""
        if self._by_path is None:
            index = {}
            for grant in self.grants:
                index.setdefault(grant[0].path, []).append(grant)
            self._by_path = index
        found = []
        for end in range(Node.steplen, len(path) + 1, Node.steplen):
            found += self._by_path.get(path[:end], ())
        return found

    def at(self, path):
        """The rows on the node at `path` or on one of its ancestors."""
        return [self._row(node, name) for node, names in self.grants_at(path) for name in names]

    def held_at(self, path, codenames):
        """Whether any of `codenames` is held on the node at `path` or an ancestor."""
        return any(
            name.codename in codenames for _node, names in self.grants_at(path) for name in names
        )

    def nodes_with(self, codenames):
        """The nodes where any of `codenames` is held."""
        return [
            node for node, names in self.grants if any(name.codename in codenames for name in names)
        ]

    def paths_with(self, codenames):
        """The paths of the nodes where any of `codenames` is held."""
        return [node.path for node in self.nodes_with(codenames)]

    def with_codenames(self, codenames):
        """The rows of these codenames (a set, reused by every check of the request)."""
        key = frozenset(codenames)
        if key not in self._for_codenames:
            self._for_codenames[key] = {
                self._row(node, name)
                for node, names in self.grants
                for name in names
                if name.codename in key
            }
        return self._for_codenames[key]


def _nodes():
    """A loader sharing one Node per tree node and one Codename per codename between rows."""
    nodes, codenames = {}, {}

    def node(pk, path, depth):
        if pk not in nodes:
            nodes[pk] = Node(pk, path, depth)
        return nodes[pk]

    def codename(name):
        if name not in codenames:
            codenames[name] = Codename(name)
        return codenames[name]

    return node, codename


def _granted(model, node, user, derived, office_codenames):
    """(node id, node path, node depth, codenames) of the user's permission rows of `model`: the
    stored rows and those the user holds through an office (`derived`: (id, path, depth) of the
    nodes, each granting `office_codenames`, a function of the annotations to add), in one query (a UNION; the derived rows' codename
    column is NULL). On PostgreSQL one result row per stored node with its codenames aggregated:
    converting 38,000 result rows (a province admin's rows when they were stored) was half of
    the admin's home."""
    rows = model.objects.filter(group__user=user).order_by()
    fields = (f"{node}_id", f"{node}__path", f"{node}__depth")
    if connection.vendor != "postgresql":
        stored = rows.values_list(*fields, "permission__codename")
        derived = derived(none=Value(None, output_field=CharField()))
        return (
            (pk, path, depth, (codename,) if codename is not None else office_codenames)
            for pk, path, depth, codename in stored.union(derived, all=True)
        )
    stored = (
        rows.values(*fields)
        .annotate(codenames=ArrayAgg("permission__codename"))
        .values_list(*fields, "codenames")
    )
    derived = derived(none=Value(None, output_field=ArrayField(CharField())))
    return (
        (pk, path, depth, names if names is not None else office_codenames)
        for pk, path, depth, names in stored.union(derived, all=True)
    )


def _permission_rows(user, model, node_name, derived, office_codenames, row_class):
    if not user.is_active or user.is_anonymous or user.is_superuser:
        return PermissionRows([], row_class)
    node, codename = _nodes()
    return PermissionRows(
        (
            (node(pk, path, depth), tuple(codename(name) for name in names))
            for pk, path, depth, names in _granted(
                model, node_name, user, partial(derived, user), office_codenames
            )
        ),
        row_class,
    )


def page_permission_rows(self, user):
    """The user's page permissions as plain rows, not model instances: a province admin holds
    one row per school and codename (17,500 at 3,500 schools), and building that many Page
    instances took a minute on the admin's home."""
    return _permission_rows(
        user,
        GroupPagePermission,
        "page",
        office_root_pages,
        OFFICE_ADMIN_PAGE_PERMISSIONS,
        PagePermissionRow,
    )


def collection_permission_rows(self, user):
    """As `page_permission_rows`, for collections (one per school and media codename)."""
    return _permission_rows(
        user,
        GroupCollectionPermission,
        "collection",
        office_collections,
        MEDIA_CODENAMES,
        CollectionPermissionRow,
    )


def _grants(rows):
    """(page, codename) of each row, without building the row objects when `rows` can."""
    if isinstance(rows, PermissionRows):
        return ((node, name.codename) for node, names in rows.grants for name in names)
    return ((perm.page, perm.permission.codename) for perm in rows)


def _rows_at(rows, path, node_attr):
    if isinstance(rows, PermissionRows):
        return rows.at(path)
    return [row for row in rows if path.startswith(getattr(row, node_attr).path)]


def user_has_any_permission(self, user, actions):
    base_permission = self._base_user_has_permission(user)
    if base_permission is not None:
        return base_permission
    actions = set(actions)
    if "change" in actions:
        # Wagtail: a user with only "add" can still edit their own pages.
        actions.add("add")
    rows = self.get_cached_permissions_for_user(user)
    held = (
        rows.codenames
        if isinstance(rows, PermissionRows)
        else {r.permission.codename for r in rows}
    )
    return bool(self._get_permission_codenames(actions) & held)


def user_has_any_permission_for_instance(self, user, actions, instance):
    base_permission = self._base_user_has_permission(user)
    if base_permission is not None:
        return base_permission
    add = self._get_permission_codename("add")
    permissions = set()
    # Wagtail: the instance itself or a descendant of the permission's page (same rows).
    for perm in _rows_at(self.get_cached_permissions_for_user(user), instance.path, "page"):
        permissions.add(perm.permission.codename)
        if perm.permission.codename == add and instance.owner_id == user.pk:
            permissions.add(self._get_permission_codename("change"))
    return bool(self._get_permission_codenames(actions) & permissions)


def tester_init(self, user, page):
    """Wagtail's `PagePermissionTester.__init__`, the rows above the page found by index."""
    from wagtail.permissions import policy_registry

    self.user = user
    self.permission_policy = policy_registry.get(page)
    self.page = page
    self.page_is_root = page.depth == 1  # Equivalent to page.is_root()
    if self.user.is_active and not self.user.is_superuser:
        rows = self.permission_policy.get_cached_permissions_for_user(user)
        self.permissions = {
            perm.permission.codename.rsplit("_", maxsplit=1)[0]
            for perm in _rows_at(rows, page.path, "page")
        }


def _get_user_permission_objects_for_actions(self, user, actions):
    codenames = {get_permission_codename(action, self.auth_model._meta) for action in actions}
    rows = self.get_cached_permissions_for_user(user)
    if isinstance(rows, PermissionRows):
        return rows.with_codenames(codenames)
    return {row for row in rows if row.permission.codename in codenames}


def _check_perm(self, user, actions, collection=None):
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    rows = self.get_cached_permissions_for_user(user)
    if isinstance(rows, PermissionRows):
        codenames = {get_permission_codename(a, self.auth_model._meta) for a in actions}
        if collection:
            # Wagtail: rows on the collection itself or on one of its ancestors.
            return rows.held_at(collection.path, codenames)
        return bool(rows.codenames & codenames)
    permissions = self._get_user_permission_objects_for_actions(user, actions)
    if collection:
        return any(row in permissions for row in _rows_at(rows, collection.path, "collection"))
    return bool(permissions)


class AnyOf(Lookup):
    """`lhs IN (values)`, sent to PostgreSQL as one array parameter (`lhs = ANY(%s)`, hashed
    like an IN list): Django prepares every value of an IN list in Python, and a province
    admin's requests list 3,500 paths or ids in a dozen filters (0.4 s of CPU a request).
    The values are the caller's own (paths, primary keys), used as given."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self):
        return list(self.rhs)

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if not self.rhs:
            raise EmptyResultSet
        placeholders = ", ".join(["%s"] * len(self.rhs))
        return f"{lhs} IN ({placeholders})", (*params, *self.rhs)

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*params, list(self.rhs))


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
        q |= Q(AnyOf(Substr("path", 1, length), group))
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
    return self.model._default_manager.filter(_permission_q(self, user, actions))


def _permission_q(self, user, actions):
    """The Q of the pages the user holds any of `actions` on (a restricted, active user)."""
    codenames = self._get_permission_codenames(actions)
    add = self._get_permission_codename("add")
    owned_only = "add" not in actions and "change" in actions
    full, own = [], []
    for page, name in _grants(self.get_cached_permissions_for_user(user)):
        if name == add and owned_only:
            # Wagtail: "add" alone lets a user change the pages they own.
            own.append(page.path)
        elif name in codenames:
            full.append(page.path)
    q = Q(pk__in=[])
    if full:
        q |= pages_below(self.model, full)
    if own:
        q |= pages_below(self.model, own) & Q(owner=user)
    return q


def explorable_instances(self, user):
    base_queryset = self._base_queryset_for_user(user)
    if base_queryset is not None:
        return base_queryset
    rows = self.get_cached_permissions_for_user(user)
    roots = (
        [node for node, _names in rows.grants]
        if isinstance(rows, PermissionRows)
        else [perm.page for perm in rows]
    )
    if not roots:
        return self.model._default_manager.filter(_permission_q(self, user, EXPLORE_ACTIONS))
    # The ancestors of every root are explorable (to navigate down to it), but only below the
    # roots' first common ancestor, as in Wagtail.
    page_model = self.model.base_page_model
    common = page_model.objects.first_common_ancestor_of(roots)
    ancestors = [
        path
        for path in ancestor_paths([page.path for page in roots], page_model.steplen)
        if path.startswith(common.path)
    ]
    # The permission filter itself, not `pk IN (its queryset)`: nested once more, PostgreSQL
    # joined every page with every page before filtering the explorer's 50 rows (90 ms).
    explorable = self.model._default_manager.filter(
        _permission_q(self, user, EXPLORE_ACTIONS) | Q(path__in=ancestors)
    )
    return explorable.filter(path__startswith=common.path)


def instances_with_direct_explore_permission(self, user):
    """Wagtail's list of the pages the user holds an explore right on (for the explorer's root),
    read from the grants: one entry per node instead of a row object per school and codename."""
    rows = self.get_cached_permissions_for_user(user)
    if user.is_superuser or not isinstance(rows, PermissionRows):
        return WAGTAIL["instances_with_direct_explore_permission"](self, user)
    codenames = self._get_permission_codenames(EXPLORE_ACTIONS)
    return rows.nodes_with(codenames)


def _collections_with_perm(self, user, actions):
    rows = self.get_cached_permissions_for_user(user)
    if isinstance(rows, PermissionRows):
        codenames = {get_permission_codename(a, self.auth_model._meta) for a in actions}
        return Collection.objects.filter(subtree_q(rows.paths_with(codenames)))
    permissions = self._get_user_permission_objects_for_actions(user, actions)
    return Collection.objects.filter(subtree_q(perm.collection.path for perm in permissions))


# Wagtail's own methods, kept for the tests that compare both evaluations.
WAGTAIL = {
    "instances_user_has_any_permission_for": (
        PagePermissionPolicy.instances_user_has_any_permission_for
    ),
    "explorable_instances": PagePermissionPolicy.explorable_instances,
    "instances_with_direct_explore_permission": (
        PagePermissionPolicy.instances_with_direct_explore_permission
    ),
    "_collections_with_perm": CollectionPermissionLookupMixin._collections_with_perm,
    "page_rows": PagePermissionPolicy.get_all_permissions_for_user,
    "collection_rows": CollectionPermissionLookupMixin.get_all_permissions_for_user,
    "user_has_any_permission": PagePermissionPolicy.user_has_any_permission,
    "user_has_any_permission_for_instance": (
        PagePermissionPolicy.user_has_any_permission_for_instance
    ),
    "tester_init": PagePermissionTester.__init__,
    "_get_user_permission_objects_for_actions": (
        CollectionPermissionLookupMixin._get_user_permission_objects_for_actions
    ),
    "_check_perm": CollectionPermissionLookupMixin._check_perm,
    "users_with_any_permission": PagePermissionPolicy.users_with_any_permission,
    "users_with_any_permission_for_instance": (
        PagePermissionPolicy.users_with_any_permission_for_instance
    ),
    "_users_with_perm_filter": CollectionPermissionLookupMixin._users_with_perm_filter,
}


def install():
    from wagtail import hooks

    from .office_rights_panel import office_rights_panel

    # Registered here, at startup, with the policies whose derived rights it explains.
    hooks.register("register_group_permission_panel", office_rights_panel)
    PagePermissionPolicy.instances_user_has_any_permission_for = (
        instances_user_has_any_permission_for
    )
    PagePermissionPolicy.explorable_instances = explorable_instances
    PagePermissionPolicy.instances_with_direct_explore_permission = (
        instances_with_direct_explore_permission
    )
    CollectionPermissionLookupMixin._collections_with_perm = _collections_with_perm
    PagePermissionPolicy.get_all_permissions_for_user = page_permission_rows
    CollectionPermissionLookupMixin.get_all_permissions_for_user = collection_permission_rows
    PagePermissionPolicy.user_has_any_permission = user_has_any_permission
    PagePermissionPolicy.user_has_any_permission_for_instance = user_has_any_permission_for_instance
    PagePermissionTester.__init__ = tester_init
    CollectionPermissionLookupMixin._get_user_permission_objects_for_actions = (
        _get_user_permission_objects_for_actions
    )
    CollectionPermissionLookupMixin._check_perm = _check_perm
    PagePermissionPolicy.users_with_any_permission = users_with_any_permission
    PagePermissionPolicy.users_with_any_permission_for_instance = (
        users_with_any_permission_for_instance
    )
    CollectionPermissionLookupMixin._users_with_perm_filter = _users_with_perm_filter
