"""Version counters of the audit's inputs: stored table rows (audit/table.py) are valid while
they carry the current counters. Per school for what one school's publications change, global
for inputs many schools share."""

from django.db import transaction
from django.db.models import F

from .models import GlobalStamp, SchoolStamp, StoredRow


def bump_schools(school_ids):
    """Raise the counters of these schools (their stored rows become stale)."""
    ids = sorted({pk for pk in school_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        SchoolStamp.objects.bulk_create(
            [SchoolStamp(school_id=pk) for pk in ids], ignore_conflicts=True
        )
        SchoolStamp.objects.filter(school_id__in=ids).update(value=F("value") + 1)


def bump_global():
    """Every stored row becomes stale (a calendar, the catalogue or an authority changed)."""
    with transaction.atomic():
        GlobalStamp.objects.get_or_create(pk=1)
        GlobalStamp.objects.filter(pk=1).update(value=F("value") + 1)


def global_value():
    return GlobalStamp.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def school_values(school_ids):
    """{school id: counter} (0 for a school whose data never changed since it was created)."""
    values = dict(
        SchoolStamp.objects.filter(school_id__in=school_ids).values_list("school_id", "value")
    )
    return {pk: values.get(pk, 0) for pk in school_ids}


def forget_all():
    """Drop every stored row (after `audit_rebuild`): they are derived data."""
    StoredRow.objects.all().delete()
    bump_global()


# --- the cached dashboard's generation ------------------------------------------------------
# Raised on every change of the ledger: the dashboard's cached figures carry it in their key.

GENERATION_KEY = "audit:ledger-generation"


def bump_generation():
    from django.core.cache import cache

    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def generation():
    from django.core.cache import cache

    return cache.get(GENERATION_KEY, 0)
