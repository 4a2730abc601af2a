"""Signs of updating "only for show" (audit.md): thin, duplicate, burst, backdated posts and
unchanged re-publishes, each with its page and a reason in Vietnamese, for many schools in a
fixed number of queries (the thresholds are the rubric's)."""

import bisect
import datetime
from collections import defaultdict

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ActivityEvent, DailyActivity, EventKind
from .text import thin_exempt_models

FLAG_LABELS = {
    "thin": gettext_lazy("Bài sơ sài"),
    "duplicate": gettext_lazy("Bài trùng lặp"),
    "burst": gettext_lazy("Đăng dồn"),
    "backdated": gettext_lazy("Lùi ngày đăng"),
    "unchanged_republish": gettext_lazy("Xuất bản lại không đổi"),
}
# Flags that make an update count for nothing (rubric rules 2): the post stays in the evidence
# with its flag, but earns no volume, regularity, recency or section credit. A backdated post
# is real work shown with a wrong date: it is penalised, not discounted.
FOR_SHOW_KINDS = frozenset({"thin", "duplicate", "burst", "unchanged_republish"})


FLAG_FIELDS = (
    "id",
    "school_id",
    "section_key",
    "kind",
    "page_id",
    "page_model",
    "title",
    "url_path",
    "timestamp",
    "day",
    "word_count",
    "attachment_count",
    "image_count",
    "displayed_date",
    "displayed_lag_days",
    "duplicate_similarity",
    "shared_from_office",
    "duplicate_of__title",
    "duplicate_of__timestamp",
    "duplicate_of__school__name",
)


class FlagMaker:
    """Builds flag dicts for thousands of events: the zone, the schools' URLs and the translated
    reasons are looked up once, not once per flag."""

    def __init__(self, schools):
        self.tz = timezone.get_current_timezone()
        self.root_urls = {s.pk: s.root_url for s in schools}
        self.reasons = {
            "unchanged_republish": _("Xuất bản lại ngày %(day)s mà nội dung không thay đổi."),
            "thin": _("Chỉ có %(words)s chữ, %(images)s ảnh, không có tệp đính kèm."),
            "duplicate": _("Giống %(pct)s%% bài “%(title)s” của %(school)s đăng ngày %(day)s."),
            "backdated": _(
                "Ngày hiển thị %(shown)s, đăng thật ngày %(real)s (sớm hơn %(lag)s ngày)."
            ),
            "burst": _("%(count)s bài trong %(hours)s giờ, sau %(quiet)s ngày không có bài nào."),
        }
        self.labels = {kind: str(label) for kind, label in FLAG_LABELS.items()}
        self.many = _("nhiều")

    def __call__(self, kind, event, **values):
        moment = event["timestamp"].astimezone(self.tz)
        return {
            "kind": kind,
            "label": self.labels[kind],
            "url": self.root_urls[event["school_id"]] + event["url_path"],
            "published_at": moment.isoformat(timespec="seconds"),
            "moment": moment,
            "day": event["day"],
            "title": event["title"],
            "page_id": event["page_id"],
            "event_id": event["id"],
            "section_key": event["section_key"],
            "reason": self.reasons[kind] % values,
        }


def flags_by_school(schools, scope, start, as_of, rubric):
    """{school id: [flag]} for events from `start` to as_of (callers cut at their year start)."""
    make = FlagMaker(schools)
    window = Q(day__gte=start, day__lte=as_of) & scope
    thin = Q(
        kind=EventKind.POST,
        word_count__lt=rubric.thin_min_words,
        attachment_count=0,
        image_count__lte=rubric.thin_max_images,
    ) & ~Q(page_model__in=thin_exempt_models())
    duplicate = Q(
        kind=EventKind.POST,
        duplicate_similarity__gte=rubric.duplicate_similarity,
        shared_from_office=False,
    )
    backdated = Q(kind=EventKind.POST, displayed_lag_days__gt=rubric.backdated_days)
    unchanged = Q(kind=EventKind.UNCHANGED)
    found = defaultdict(list)
    for event in (
        ActivityEvent.objects.filter(window)
        .filter(thin | duplicate | backdated | unchanged)
        .values(*FLAG_FIELDS)
    ):
        flags = found[event["school_id"]]
        if event["kind"] == EventKind.UNCHANGED:
            flags.append(make("unchanged_republish", event, day=date_text(event["day"])))
            continue
        if (
            event["word_count"] is not None
            and event["word_count"] < rubric.thin_min_words
            and event["attachment_count"] == 0
            and event["image_count"] <= rubric.thin_max_images
            and event["page_model"] not in thin_exempt_models()
        ):
            flags.append(
                make("thin", event, words=event["word_count"], images=event["image_count"])
            )
        similarity = event["duplicate_similarity"]
        if (
            similarity is not None
            and similarity >= rubric.duplicate_similarity
            and not event["shared_from_office"]
        ):
            original = event["duplicate_of__timestamp"].astimezone(make.tz).date()
            flags.append(
                make(
                    "duplicate",
                    event,
                    pct=round(similarity * 100),
                    title=event["duplicate_of__title"],
                    school=event["duplicate_of__school__name"],
                    day=date_text(original),
                )
            )
        lag = event["displayed_lag_days"]
        if lag is not None and lag > rubric.backdated_days:
            flags.append(
                make(
                    "backdated",
                    event,
                    shown=date_text(event["displayed_date"]),
                    real=date_text(event["day"]),
                    lag=lag,
                )
            )
    for event in bursts(scope, start, as_of, rubric):
        gap = event["gap_seconds"]
        found[event["school_id"]].append(
            make(
                "burst",
                event,
                count=event["burst_count"],
                hours=rubric.burst_hours,
                quiet=make.many if gap is None else gap // 86400,
            )
        )
    for flags in found.values():
        flags.sort(key=lambda f: (f["published_at"], f["kind"], f["url"]))
    return found


def bursts(scope, start, as_of, rubric):
    """Posts of each burst: ≥ N posts within H hours, after ≥ D days without a post. Under
    rules 1 only its first post is flagged; under rules 2 every post of it (each is for show).

    N posts within H hours fall on at most H // 24 + 2 calendar days, so one of those days has
    at least N / (H // 24 + 2) posts: only candidates next to such a "heavy" day (found in the
    rollup) are counted exactly, which keeps this cheap for thousands of schools."""
    span_days = rubric.burst_hours // 24 + 2
    heavy_min = -(-rubric.burst_posts // span_days)
    heavy = set(
        DailyActivity.objects.filter(scope, day__gte=start, day__lte=as_of, posts__gt=0)
        .values("school_id", "day")
        .annotate(n=Sum("posts"))
        .filter(n__gte=heavy_min)
        .values_list("school_id", "day")
        .order_by()
    )
    if not heavy:
        return []
    quiet = rubric.burst_quiet_days * 86400
    spread = [datetime.timedelta(days=k) for k in range(span_days)]
    candidates = [
        event
        for event in ActivityEvent.objects.filter(
            school_id__in={school_id for school_id, _day in heavy},
            kind=EventKind.POST,
            day__gte=start,
            day__lte=as_of,
        )
        .filter(Q(gap_seconds__isnull=True) | Q(gap_seconds__gte=quiet))
        .values(*FLAG_FIELDS, "gap_seconds")
        if any((event["school_id"], event["day"] + k) in heavy for k in spread)
    ]
    if not candidates:
        return []
    # Posts of the candidate schools on the candidate days (two IN lists; pairs checked below).
    wanted = {(e["school_id"], e["day"] + k) for e in candidates for k in spread}
    times = defaultdict(list)
    members = defaultdict(list)
    every_post = rubric.rules_version >= 2
    for event in (
        ActivityEvent.objects.filter(
            school_id__in={school_id for school_id, _day in wanted},
            day__in={day for _school_id, day in wanted},
            kind=EventKind.POST,
            day__lte=as_of,
        )
        .values(*FLAG_FIELDS, "gap_seconds")
        .order_by("timestamp", "log_entry_id")
    ):
        if (event["school_id"], event["day"]) in wanted:
            times[event["school_id"]].append(event["timestamp"])
            members[event["school_id"]].append(event)
    span = datetime.timedelta(hours=rubric.burst_hours)
    found = {}
    for event in candidates:
        moments = times[event["school_id"]]
        first = bisect.bisect_left(moments, event["timestamp"])
        last = bisect.bisect_left(moments, event["timestamp"] + span)
        if last - first < rubric.burst_posts:
            continue
        burst = members[event["school_id"]][first:last] if every_post else [event]
        for member in burst:
            # The quiet days are those before the burst, whichever of its posts is shown.
            found.setdefault(
                member["id"],
                {**member, "burst_count": last - first, "gap_seconds": event["gap_seconds"]},
            )
    return sorted(found.values(), key=lambda e: (e["timestamp"], e["id"]))


def date_text(day):
    return day.strftime("%d/%m/%Y") if day else ""
