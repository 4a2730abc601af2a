"""The admin's roll-out ("Áp dụng cho các trường hiện có") as background work: one task per
school, queued once the request commits (DESIGN decision 9). Each task is idempotent (it adds
only what the school still lacks under its nearest blueprint), so a roll-out cut short is
resumed by running it again, and a task retried after a failure does no harm."""

from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks import task

from tenants.models import School

from .provisioning import apply_to_school


@task()
def roll_out_to_school(school_id, user_id=None):
    """Add what one school lacks. Returns the titles of the pages added."""
    school = School.objects.filter(pk=school_id, root_page__isnull=False).first()
    if school is None:  # deleted, or not provisioned, since it was queued
        return []
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return apply_to_school(school, user=user)


def enqueue_rollout(schools, user=None):
    """Queue the roll-out of every provisioned school of `schools`. Returns how many."""
    user_id = user.pk if user is not None and user.is_authenticated else None
    ids = list(
        schools.filter(root_page__isnull=False).order_by("code").values_list("pk", flat=True)
    )
    for pk in ids:
        transaction.on_commit(partial(roll_out_to_school.enqueue, pk, user_id))
    return len(ids)
