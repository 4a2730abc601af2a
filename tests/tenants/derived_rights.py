"""Helpers for the tests of office rights derived from the authority tree: a user's rights by
our policies and by Wagtail's own code over stored rows, and migration 0005's two directions
(which write and delete the rows provisioning used to store)."""

import importlib
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from wagtail.documents.permissions import permission_policy as documents
from wagtail.images.permissions import permission_policy as images
from wagtail.permission_policies.collections import CollectionPermissionLookupMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from tenants.isolation import permission_policies

migration = importlib.import_module("tenants.migrations.0005_office_rights_through_the_authority")
ACTIONS = ({"change"}, {"publish"}, {"add", "change"}, {"lock", "unlock"})
MEDIA_ACTIONS = (["add"], ["change"], ["choose"])


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def fresh(user):
    """The user as a new request sees it (no permission cache)."""
    return get_user_model().objects.get(pk=user.pk)


def restore():
    migration.restore_office_rows(apps, SimpleNamespace(connection=connection))


def forget():
    migration.forget_office_rows(apps, SimpleNamespace(connection=connection))


def rights(user):
    """Everything a user may do with pages and media, through our policies."""
    user = fresh(user)
    policy = PagePermissionPolicy()
    pages = {
        frozenset(actions): frozenset(
            policy.instances_user_has_any_permission_for(user, actions).values_list("pk", flat=True)
        )
        for actions in ACTIONS
    }
    explorable = frozenset(policy.explorable_instances(user).values_list("pk", flat=True))
    media = {
        (name, tuple(actions)): frozenset(
            media_policy.collections_user_has_any_permission_for(user, actions).values_list(
                "pk", flat=True
            )
        )
        for name, media_policy in (("images", images), ("documents", documents))
        for actions in MEDIA_ACTIONS
    }
    return pages, explorable, media


def wagtails_rights(user, monkeypatch):
    """The same, by Wagtail's own code over the stored rows alone (its row loaders and its
    evaluation): the reference once the rows are materialised."""
    wagtail = permission_policies.WAGTAIL
    with monkeypatch.context() as patch:
        patch.setattr(PagePermissionPolicy, "get_all_permissions_for_user", wagtail["page_rows"])
        patch.setattr(
            CollectionPermissionLookupMixin,
            "get_all_permissions_for_user",
            wagtail["collection_rows"],
        )
        patch.setattr(
            CollectionPermissionLookupMixin,
            "_get_user_permission_objects_for_actions",
            wagtail["_get_user_permission_objects_for_actions"],
        )
        patch.setattr(
            CollectionPermissionLookupMixin,
            "_collections_with_perm",
            wagtail["_collections_with_perm"],
        )
        patch.setattr(
            PagePermissionPolicy,
            "instances_user_has_any_permission_for",
            wagtail["instances_user_has_any_permission_for"],
        )
        patch.setattr(PagePermissionPolicy, "explorable_instances", wagtail["explorable_instances"])
        return rights(user)
