"""Who may reach what: one `Scope` of a user, computed once per request.

Every permission check reads it (isolation, member management, audit access, regulations
admin, blueprints, approval tasks): the user's memberships and groups are loaded once, and the
facts each check derives from them are cached on the same object (cached properties here, or
`Scope.derived` for the apps above tenants), so the user carries one cache, `CACHE_ATTR`.

The isolation part is derived from both memberships and group membership, so it matches what
Wagtail's own group-based permissions would let the user do (a user put into a school group by
hand is still confined to that school)."""

from collections import namedtuple
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.db.models.functions import Substr
from wagtail.models import Collection, GroupCollectionPermission, Page

# The tenancy module, not the models package: the package's approval task reads this scope.
from ..models.tenancy import Authority, Membership, School
from .permission_policies import AnyOf, pages_below

CACHE_ATTR = "_portal_scope"

# One Membership row of the user, with its authority's place in the tree (None for a school's).
MembershipRow = namedtuple(
    "MembershipRow", "role school_id authority_id authority_path authority_parent_id"
)
_MEMBERSHIP_FIELDS = (
    "role",
    "school_id",
    "authority_id",
    "authority__path",
    "authority__parent_id",
)


@dataclass(frozen=True)
class Scope:
    """What one user may see. Superusers see everything (`unrestricted`)."""

    unrestricted: bool = False
    # Schools the user may see (their own school, or every school of their authority subtree).
    school_ids: frozenset = field(default_factory=frozenset)
    # Authorities whose subtree the user works in (office roles), expanded to the whole subtree.
    authority_ids: frozenset = field(default_factory=frozenset)
    # Root page paths of the visible sites (school home pages, office home pages).
    page_paths: tuple = ()
    # Visible collections (school collections, office collections) and their descendants.
    collection_ids: frozenset = field(default_factory=frozenset)
    site_ids: frozenset = field(default_factory=frozenset)
    # Roles held, for deciding read-only (auditors) and who manages members.
    school_roles: dict = field(default_factory=dict)  # school_id -> {roles}
    authority_roles: dict = field(default_factory=dict)  # authority_id -> {roles}
    # The user the scope is of (None: anonymous), and their raw facts when already read
    # (a restricted user's are read with the scope; a superuser's only if a check asks).
    user_id: int | None = None
    loaded_memberships: tuple | None = field(default=None, repr=False)
    loaded_group_ids: frozenset | None = field(default=None, repr=False)
    _derived: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def memberships(self):
        """The user's Membership rows (`MembershipRow`), whatever their active/superuser state:
        checks that look at roles held (audit, regulations, members) decide that themselves."""
        if self.loaded_memberships is not None:
            return self.loaded_memberships
        if self.user_id is None:
            return ()
        return _membership_rows(self.user_id)

    @cached_property
    def group_ids(self):
        if self.loaded_group_ids is not None:
            return self.loaded_group_ids
        if self.user_id is None:
            return frozenset()
        return _group_ids(self.user_id)

    @cached_property
    def office_memberships(self):
        """The Membership rows held in an office (an authority), not in a school."""
        return tuple(row for row in self.memberships if row.authority_id is not None)

    def derived(self, key, compute):
        """A fact an app above tenants derives from this scope, computed once (`compute()`)."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    @property
    def can_write(self):
        """Editors, approvers and office admins write; an auditor alone only reads."""
        if self.unrestricted:
            return True
        roles = set().union(*self.school_roles.values(), *self.authority_roles.values())
        return bool(roles - {Membership.Role.AUDITOR})

    @property
    def is_read_only(self):
        return not self.can_write

    def page_q(self, prefix=""):
        """A Q selecting pages inside the visible sites (prefix: lookup to a Page relation)."""
        if self.unrestricted:
            return Q()
        if not self.page_paths:
            return Q(pk__in=[])
        # A key lookup on a subquery: Wagtail's search backends only accept plain field lookups
        # in filters, and one `startswith` per school is tested on every row (thousands).
        return pages_below(Page, self.page_paths, prefix)

    def pages(self, queryset=None):
        queryset = Page.objects.all() if queryset is None else queryset
        return queryset.filter(self.page_q())

    def has_page(self, page):
        if self.unrestricted:
            return True
        return any(page.path.startswith(p) for p in self.page_paths)

    def collections(self, queryset=None):
        queryset = Collection.objects.all() if queryset is None else queryset
        if self.unrestricted:
            return queryset
        return queryset.filter(pk__in=self.collection_ids)

    def has_collection_id(self, collection_id):
        return self.unrestricted or collection_id in self.collection_ids

    def has_site_id(self, site_id):
        return self.unrestricted or site_id in self.site_ids


def _collection_and_descendants(paths):
    """Ids of the collections at these tree paths and below them.

    One query per distinct path length (usually one), not one per collection: an office
    admin of a province sees thousands of school collections."""
    by_length = {}
    for path in paths:
        by_length.setdefault(len(path), set()).add(path)
    ids = set()
    for length, paths in by_length.items():
        ids.update(
            Collection.objects.annotate(prefix=Substr("path", 1, length))
            .filter(AnyOf(F("prefix"), sorted(paths)))
            .values_list("pk", flat=True)
        )
    return ids


def office_collection_ids():
    """Collections belonging to an office: those an office admins group may work in that are not
    a school's collection (provisioning makes one per authority, named after it)."""
    admin_groups = Authority.objects.exclude(admins_group=None).values("admins_group")
    school_collections = School.objects.exclude(collection=None).values("collection")
    roots = Collection.objects.filter(
        pk__in=GroupCollectionPermission.objects.filter(group__in=admin_groups).values("collection")
    ).exclude(pk__in=school_collections)
    return _collection_and_descendants(roots.exclude(depth=1).values_list("path", flat=True))


def _membership_rows(user_id):
    return tuple(
        MembershipRow(*row)
        for row in Membership.objects.filter(user_id=user_id).values_list(*_MEMBERSHIP_FIELDS)
    )


def _group_ids(user_id):
    through = get_user_model().groups.through
    return frozenset(through.objects.filter(user_id=user_id).values_list("group_id", flat=True))


def compute_scope(user):
    if not user.is_authenticated:
        return Scope()
    if not user.is_active:
        return Scope(user_id=user.pk)
    if user.is_superuser:
        return Scope(unrestricted=True, user_id=user.pk)

    group_ids = _group_ids(user.pk)
    memberships = _membership_rows(user.pk)
    school_roles = {}
    authority_roles = {}
    for role, school_id, authority_id, _path, _parent in memberships:
        if school_id:
            school_roles.setdefault(school_id, set()).add(role)
        else:
            authority_roles.setdefault(authority_id, set()).add(role)
    # Group membership without a Membership row still grants Wagtail permissions: count it.
    for school in School.objects.filter(
        Q(editors_group__in=group_ids) | Q(approvers_group__in=group_ids)
    ).values("pk", "editors_group", "approvers_group"):
        roles = school_roles.setdefault(school["pk"], set())
        if school["editors_group"] in group_ids:
            roles.add(Membership.Role.EDITOR)
        if school["approvers_group"] in group_ids:
            roles.add(Membership.Role.APPROVER)
    for authority in Authority.objects.filter(
        Q(admins_group__in=group_ids) | Q(auditors_group__in=group_ids)
    ).values("pk", "admins_group", "auditors_group"):
        roles = authority_roles.setdefault(authority["pk"], set())
        if authority["admins_group"] in group_ids:
            roles.add(Membership.Role.ADMIN)
        if authority["auditors_group"] in group_ids:
            roles.add(Membership.Role.AUDITOR)

    authority_ids = set()
    school_q = Q(pk__in=list(school_roles))
    for authority in Authority.objects.filter(pk__in=list(authority_roles)):
        authority_ids.update(authority.subtree().values_list("pk", flat=True))
        school_q |= Q(authority__path__startswith=authority.path)
    # Plain values, not model instances: a province admin's scope spans thousands of schools
    # and is computed on every admin request.
    schools = list(
        School.objects.filter(school_q).values_list(
            "pk", "site_id", "root_page__path", "collection__path"
        )
    )
    offices = list(
        Authority.objects.filter(pk__in=authority_ids, site__isnull=False).values_list(
            "site_id", "site__root_page__path"
        )
    )

    page_paths = [path for _pk, _site, path, _c in schools if path]
    page_paths += [path for _site, path in offices if path]
    site_ids = {site for _pk, site, _p, _c in schools if site} | {site for site, _p in offices}

    collection_ids = _collection_and_descendants(path for *_rest, path in schools if path)
    if authority_ids:
        # Office collections the user's groups were given (their own office's media).
        own = (
            Collection.objects.filter(
                pk__in=GroupCollectionPermission.objects.filter(group__in=group_ids).values(
                    "collection"
                )
            )
            .exclude(depth=1)
            .values_list("path", flat=True)
        )
        collection_ids |= _collection_and_descendants(own) & (
            office_collection_ids() | collection_ids
        )

    return Scope(
        school_ids=frozenset(pk for pk, *_rest in schools),
        authority_ids=frozenset(authority_ids),
        page_paths=tuple(sorted(set(page_paths))),
        collection_ids=frozenset(collection_ids),
        site_ids=frozenset(site_ids),
        school_roles=school_roles,
        authority_roles=authority_roles,
        user_id=user.pk,
        loaded_memberships=memberships,
        loaded_group_ids=group_ids,
    )


def scope_for_user(user):
    """The user's scope, cached on the user object for the request (the user object lives as
    long as the request; every permission check of that request reads this one)."""
    scope = getattr(user, CACHE_ATTR, None)
    if scope is None:
        scope = compute_scope(user)
        if user.is_authenticated:
            setattr(user, CACHE_ATTR, scope)
    return scope
