"""Per school, the directives due so far and how many were done by their deadline: the input
of the audit's "Thực hiện chỉ đạo" criterion and of the drill-down's directives list. A
directive is due once its deadline day has passed (`as_of` after it); whether it was done on
time is its status at the deadline's last moment, read from the log like every status."""

import datetime
from collections import defaultdict

from django.utils import timezone

from tenants.clock import TZ

from .models import Directive, Target
from .progress import verdicts
from .status import Status


def _end_of(day):
    return datetime.datetime.combine(day, datetime.time.max, tzinfo=TZ)


def directive_summaries(schools, as_of):
    """{school id: {"due": n, "on_time": k}} for the schools that had a directive due."""
    school_ids = [s.pk if hasattr(s, "pk") else s for s in schools]
    result = defaultdict(lambda: {"due": 0, "on_time": 0})
    directives = Directive.objects.filter(
        deadline__lt=as_of, targets__school_id__in=school_ids
    ).distinct()
    for directive in directives:
        targets = list(Target.objects.filter(directive=directive, school_id__in=school_ids))
        judged = verdicts(directive, targets, directive.deadline_end)
        for target in targets:
            entry = result[target.school_id]
            entry["due"] += 1
            entry["on_time"] += judged[target.pk].status == Status.DONE
    return dict(result)


def school_directives(school, as_of=None):
    """[(directive, target, verdict)] of every directive sent to `school` by `as_of` (a date;
    today by default), judged at the end of that day, newest deadline first."""
    moment = _end_of(as_of) if as_of else timezone.now()
    targets = list(
        Target.objects.filter(school=school, directive__issued_at__lte=moment)
        .select_related("directive", "directive__authority")
        .order_by("-directive__deadline", "-directive__pk")
    )
    return [(t.directive, t, verdicts(t.directive, [t], moment)[t.pk]) for t in targets]


def open_by_school(schools, as_of):
    """{school id: [(directive, verdict)]} of the directives not done at the end of `as_of`
    (a date), soonest deadline first, overdue ones included: the weekly reminders' lines."""
    moment = _end_of(as_of)
    school_ids = [s.pk if hasattr(s, "pk") else s for s in schools]
    result = defaultdict(list)
    directives = (
        Directive.objects.filter(issued_at__lte=moment, targets__school_id__in=school_ids)
        .distinct()
        .order_by("deadline", "pk")
    )
    for directive in directives:
        targets = list(Target.objects.filter(directive=directive, school_id__in=school_ids))
        judged = verdicts(directive, targets, moment)
        for target in targets:
            if judged[target.pk].status != Status.DONE:
                result[target.school_id].append((directive, judged[target.pk]))
    return dict(result)
