"""What for-show posts take away (rubric rules 2, audit.md "Score"): a post flagged thin,
duplicate or burst gives no credit to volume, regularity, recency or sections, and a page
section counts only with real content beyond its title.

The rollup counts every post; the flags are computed at audit time under the rubric's
thresholds, so credited figures are the rollup's minus the flagged posts, read per school,
section, day and week. Only schools with for-show flags need the extra daily rows."""

from collections import defaultdict

from django.db.models import Q
from wagtail.models import Page

from tenants.clock import monday_of

from .flags import FOR_SHOW_KINDS
from .models import ActivityEvent, DailyActivity, EventKind


class Discounts:
    """The for-show posts of the audited schools, from the flags of each school."""

    def __init__(self, flags):
        # {school id: {event id: flag}}: one entry per post, however many flags it has.
        self.posts = defaultdict(dict)
        for school_id, school_flags in flags.items():
            for flag in school_flags:
                # An unchanged re-publish is not a post or an update: it already counts for
                # nothing in the rollup, and has nothing to take away.
                if flag["kind"] in FOR_SHOW_KINDS and flag["kind"] != "unchanged_republish":
                    self.posts[school_id].setdefault(flag["event_id"], flag)
        self.live = self._live_pages()

    def _live_pages(self):
        ids = {f["page_id"] for posts in self.posts.values() for f in posts.values()}
        if not ids:
            return set()
        return set(Page.objects.filter(pk__in=ids, live=True).values_list("pk", flat=True))

    def of(self, school_id):
        return list(self.posts.get(school_id, {}).values())

    def since(self, school_id, start):
        return sum(1 for f in self.of(school_id) if f["day"] >= start)

    def per_week(self, school_id):
        weeks = defaultdict(int)
        for flag in self.of(school_id):
            weeks[monday_of(flag["day"])] += 1
        return weeks

    def live_items(self, school_id):
        """{section key: live for-show items} (their section shows them, but they earn nothing)."""
        sections = defaultdict(int)
        for flag in self.of(school_id):
            if flag["page_id"] in self.live:
                sections[flag["section_key"]] += 1
        return sections

    def last_credited_days(self, scope, as_of):
        """{school id: {section key: last day with a credited post or update}} for the schools
        that have for-show posts (others: the rollup's own last update is credited)."""
        schools = list(self.posts)
        if not schools:
            return {}
        taken = defaultdict(int)
        for school_id in schools:
            for flag in self.of(school_id):
                taken[(school_id, flag["section_key"], flag["day"])] += 1
        result = defaultdict(dict)
        for school_id, key, day, posts, updates in (
            DailyActivity.objects.filter(scope, school_id__in=schools, day__lte=as_of)
            .filter(Q(posts__gt=0) | Q(updates__gt=0))
            .values_list("school_id", "section_key", "day", "posts", "updates")
            .order_by()
        ):
            if posts + updates - taken[(school_id, key, day)] <= 0:
                continue
            current = result[school_id].get(key)
            if current is None or day > current:
                result[school_id][key] = day
        return result


def page_sections_with_content(scope, keys, as_of):
    """{(school id, section key)} of page sections (no items: Giới thiệu, Liên hệ…) whose last
    publication up to as_of has words, an image or an attachment beyond its title."""
    if not keys:
        return set()
    latest = {}
    for school_id, key, words, images, attachments in (
        ActivityEvent.objects.filter(
            scope,
            section_key__in=keys,
            is_item=False,
            kind__in=(EventKind.POST, EventKind.UPDATE, EventKind.UNCHANGED),
            day__lte=as_of,
        )
        .order_by("timestamp", "log_entry_id")
        .values_list("school_id", "section_key", "word_count", "image_count", "attachment_count")
    ):
        latest[(school_id, key)] = bool(words or images or attachments)
    return {pair for pair, has_content in latest.items() if has_content}
