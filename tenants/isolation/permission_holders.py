"""Who holds a page or media right: Wagtail's "users with permission" methods (who may publish
this page, who is notified, who may choose this image), counting the groups that hold their
rights through an office (`office_rights`), which have no stored row for the school. Installed
on Wagtail's policy classes with the rest (`permission_policies.install`)."""

from django.contrib.auth import get_permission_codename, get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import GroupPagePermission

from .office_rights import collection_office_groups, page_office_groups


def _users(q, include_superusers):
    if include_superusers:
        q |= Q(is_superuser=True)
    return get_user_model()._default_manager.filter(is_active=True).filter(q).distinct()


def users_with_any_permission(self, actions, include_superusers=True):
    """Wagtail's, with the groups holding the rights through an office (no stored row)."""
    actions = set(actions)
    if "change" in actions:
        # Wagtail: a user with only "add" can still edit their own pages.
        actions.add("add")
    codenames = self._get_permission_codenames(actions)
    stored = GroupPagePermission.objects.filter(permission__codename__in=codenames)
    q = Q(groups__in=stored.values("group")) | Q(groups__in=page_office_groups(codenames))
    return _users(q, include_superusers)


def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
    """Wagtail's (rows on the page or an ancestor), with the offices above the page's school."""
    codenames = self._get_permission_codenames(actions)
    ancestors = instance.get_ancestors(inclusive=True)
    stored = GroupPagePermission.objects.filter(page__in=ancestors)

    def holders(names):
        return Q(groups__in=stored.filter(permission__codename__in=names).values("group")) | Q(
            groups__in=page_office_groups(names, instance)
        )

    q = holders(codenames)
    if "change" in actions and "add" not in actions:
        # Wagtail: "add" on an ancestor lets the page's owner change it.
        q |= holders({self._get_permission_codename("add")}) & Q(pk=instance.owner_id)
    return _users(q, include_superusers)


def _users_with_perm_filter(self, actions, collection=None):
    """Wagtail's filter of the users with any of `actions` (on `collection`, or anywhere), with
    the groups holding the media rights through an office."""
    permissions = self._get_permission_objects_for_actions(actions)
    groups = Group.objects.filter(collection_permissions__permission__in=permissions)
    if collection is not None:
        collections = collection.get_ancestors(inclusive=True)
        groups = groups.filter(collection_permissions__collection__in=collections)
    codenames = {get_permission_codename(action, self.auth_model._meta) for action in actions}
    offices = collection_office_groups(codenames, collection)
    return Q(is_active=True) & (Q(is_superuser=True) | Q(groups__in=groups) | Q(groups__in=offices))
