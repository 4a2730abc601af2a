"""Reading the publication log (PageLogEntry) for disclosure statuses: per page, its first and
last publication, unpublication, deletion and pending edit up to a moment. The actions are
`tenants.log_actions`', the one vocabulary every reader of the log shares."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from wagtail.models import PageLogEntry

from tenants.log_actions import (
    CREATE_ACTION,
    DELETE_ACTIONS,
    EDIT_ACTIONS,
    PUBLISH_ACTIONS,
    UNPUBLISH_ACTIONS,
)

# A draft: someone saved content. Page creation counts only when a person did it (the slots
# this app creates are logged as "wagtail.create" without a user and are still "missing").
EDITED = Q(action__in=EDIT_ACTIONS) | Q(action=CREATE_ACTION, user__isnull=False)


@dataclass
class PageLog:
    first_pub: datetime.datetime | None = None
    last_pub: datetime.datetime | None = None
    last_unpub: datetime.datetime | None = None
    last_delete: datetime.datetime | None = None
    first_edit: datetime.datetime | None = None
    last_edit: datetime.datetime | None = None
    window_pubs: int = 0
    pending_since: datetime.datetime | None = None

    @property
    def live(self):
        if self.last_pub is None or self.last_delete is not None:
            return False
        return self.last_unpub is None or self.last_pub > self.last_unpub


def as_of_bounds(as_of):
    """(end of the as-of moment as an aware datetime, the local as-of date)."""
    if isinstance(as_of, datetime.datetime):
        moment = as_of if timezone.is_aware(as_of) else timezone.make_aware(as_of)
        return moment, timezone.localtime(moment).date()
    end = timezone.make_aware(datetime.datetime.combine(as_of, datetime.time.max))
    return end, as_of


def local_date_of(moment):
    return timezone.localtime(moment).date() if moment else None


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def page_logs(page_ids, moment, window=None):
    """PageLog per page id from the log up to moment (one grouped query + one for pending edits)."""
    if not page_ids:
        return {}
    window_filter = Q(pk__isnull=True)
    if window:
        window_filter = Q(
            action__in=PUBLISH_ACTIONS,
            timestamp__gte=day_start(window[0]),
            timestamp__lt=day_start(window[1] + datetime.timedelta(days=1)),
        )
    logs = {}
    for chunk in chunks(list(page_ids)):
        rows = (
            PageLogEntry.objects.filter(page_id__in=chunk, timestamp__lte=moment)
            .order_by()
            .values("page_id")
            .annotate(
                first_pub=Min("timestamp", filter=Q(action__in=PUBLISH_ACTIONS)),
                last_pub=Max("timestamp", filter=Q(action__in=PUBLISH_ACTIONS)),
                last_unpub=Max("timestamp", filter=Q(action__in=UNPUBLISH_ACTIONS)),
                last_delete=Max("timestamp", filter=Q(action__in=DELETE_ACTIONS)),
                first_edit=Min("timestamp", filter=EDITED),
                last_edit=Max("timestamp", filter=EDITED),
                window_pubs=Count("pk", filter=window_filter),
            )
        )
        for row in rows:
            page_id = row.pop("page_id")
            logs[page_id] = PageLog(**row)
    pending = [
        pid
        for pid, log in logs.items()
        if log.live and log.last_edit and log.last_edit > log.last_pub
    ]
    for chunk in chunks(pending):
        for page_id, stamp in PageLogEntry.objects.filter(
            EDITED, page_id__in=chunk, timestamp__lte=moment
        ).values_list("page_id", "timestamp"):
            log = logs[page_id]
            if stamp > log.last_pub and (log.pending_since is None or stamp < log.pending_since):
                log.pending_since = stamp
    return logs


def chunks(values, size=500):
    for start in range(0, len(values), size):
        yield values[start : start + size]
