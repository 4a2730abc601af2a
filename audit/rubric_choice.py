"""Which rubric scores a school: its nearest authority's (DESIGN decision 10).

A rubric belongs to an owner: the instance default (code "default", owned by nobody, which only
superusers edit) or an authority's own, whose code is the authority's code. A school is scored
with the latest version of the nearest owner on its authority's lineage (the authority itself,
its parent, …), else of the default: tenants.models.nearest_owner, the rule the blueprint
follows too. Two queries whatever the number of schools (the owners' latest versions, the
authority tree)."""

from django.db import transaction
from django.utils.translation import gettext as _

from tenants.models import Authority, authority_lineages, nearest_owner

from .models import Rubric


def latest_versions():
    """{owner id or None: its latest Rubric version}; the default is always there. (Versions
    are a few per owner: reading them all is one small query.)"""
    rubrics = {}
    for rubric in Rubric.objects.order_by("-version"):
        rubrics.setdefault(rubric.owner_id, rubric)
    if None not in rubrics:
        rubrics[None] = Rubric.current()
    return rubrics


def rubric_owner(authority_id, owners, lineages=None):
    """The owner whose rubric an authority's schools follow (`owners`: those with one)."""
    if authority_id is None:
        return None
    lineages = authority_lineages() if lineages is None else lineages
    return nearest_owner(lineages.get(authority_id, (authority_id,)), owners)


def rubric_for_authority(authority_id):
    """The rubric version that scores the schools of an authority."""
    rubrics = latest_versions()
    return rubrics[rubric_owner(authority_id, rubrics)]


def rubric_for(school):
    return rubric_for_authority(school.authority_id)


def rubric_groups(authority_ids):
    """{Rubric: [authority ids]} for the authorities of one audit: who is scored with what."""
    rubrics = latest_versions()
    lineages = authority_lineages()
    groups = {}
    for authority_id in authority_ids:
        rubric = rubrics[rubric_owner(authority_id, rubrics, lineages)]
        groups.setdefault(rubric, []).append(authority_id)
    return groups


def reference_rubric(groups):
    """The rubric a report names at its top: the one all its schools were scored with, else
    the instance default's latest version (schools scored with another say theirs)."""
    if len(groups) == 1:
        return next(iter(groups))
    return latest_versions()[None]


def rubric_of_row(row, run):
    """The rubric an audit row was scored with: the run's, unless the row names its own."""
    named = row.get("rubric")
    if not named:
        return run.rubric
    return Rubric.objects.get(code=named["code"], version=named["version"])


class AlreadyOwned(Exception):
    """The authority already has its own rubric."""


@transaction.atomic
def create_own_rubric(authority, user=None):
    """Give an authority its own rubric: version 1 of a copy of the one it follows."""
    Authority.objects.select_for_update().filter(pk=authority.pk).first()
    if Rubric.objects.filter(owner=authority).exists():
        raise AlreadyOwned(authority.code)
    source = rubric_for_authority(authority.pk)
    rubric = Rubric(
        **{**source.new_version_data(), "code": authority.code, "owner": authority},
        note=_("Sao chép từ “%(code)s” phiên bản %(version)s")
        % {"code": source.code, "version": source.version},
        created_by=user if user is not None and user.is_authenticated else None,
    )
    rubric.save()
    return rubric
