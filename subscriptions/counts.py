"""Subscriber numbers per list for a school's staff: counts only, never addresses."""

from django.db.models import Count, Q

from .models import Subscriber


def list_counts(school_ids):
    """{school id: {"news": n, "announcements": n, "weekly": n, "audiences": {label: n}}}."""
    confirmed = Subscriber.objects.filter(school_id__in=school_ids, confirmed_at__isnull=False)
    out = {
        row["school_id"]: {
            "news": row["news"],
            "announcements": row["announcements"],
            "weekly": row["weekly"],
            "audiences": {},
        }
        for row in confirmed.values("school_id").annotate(
            news=Count("pk", filter=Q(wants_news=True)),
            announcements=Count("pk", filter=Q(wants_announcements=True)),
            weekly=Count("pk", filter=Q(frequency="weekly")),
        )
    }
    for row in (
        confirmed.filter(wants_announcements=True)
        .exclude(audience="")
        .values("school_id", "audience")
        .annotate(n=Count("pk"))
    ):
        out[row["school_id"]]["audiences"][row["audience"]] = row["n"]
    return out
