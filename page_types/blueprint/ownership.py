"""Whose blueprint a school follows, and giving an authority its own version.

Rules belong to an authority (DESIGN decision 10): the rows with no owner are the instance
default; an authority with rows of its own has its own version, which its schools and those
of its sub-offices follow unless a nearer office has its own (tenants.models.nearest_owner).
An own version starts as a copy of the one the authority followed, so its schools' sections
(keyed by slug path) stay what they were until its admins refine it."""

from django.db import transaction
from wagtail.log_actions import log

from tenants.models import Authority, School

from .store import blueprint_owner, owners_with_own_blueprint

CREATE_LOG_ACTION = "page_types.blueprint_own_version"


class AlreadyOwned(Exception):
    """The authority already has its own version."""


def authorities_following(owner):
    """Ids of the authorities whose schools follow `owner`'s blueprint (None: the default)."""
    return [
        pk for pk in Authority.objects.values_list("pk", flat=True) if blueprint_owner(pk) == owner
    ]


def schools_following(owner):
    """The schools whose blueprint is `owner`'s."""
    return School.objects.filter(authority_id__in=authorities_following(owner))


@transaction.atomic
def create_own_blueprint(authority, user=None):
    """Copy the blueprint `authority` follows into rows it owns. Returns the rows created."""
    from ..models import BlueprintSection

    # Serialise concurrent copies for one authority: the owned-slug constraint refuses the
    # second, and the check below turns the usual case into a clear error.
    Authority.objects.select_for_update().filter(pk=authority.pk).first()
    if (
        authority.pk in owners_with_own_blueprint()
        or BlueprintSection.objects.filter(owner=authority).exists()
    ):
        raise AlreadyOwned(authority.code)
    source = blueprint_owner(authority)
    rows = list(BlueprintSection.objects.filter(owner_id=source).order_by("parent_id", "pk"))
    copies = {}
    for row in sorted(rows, key=lambda r: r.parent_id is not None):
        original = row.pk
        parent = copies.get(row.parent_id)
        row.pk = None
        row._state.adding = True
        row.owner = authority
        row.parent = parent
        row.save()
        copies[original] = row
    log(authority, CREATE_LOG_ACTION, user=user, data={"from": source, "rows": len(copies)})
    return list(copies.values())
