"""Facts of every target of a directive, read from the publication log in a few queries
(whatever the number of schools), then judged by `status.status_at`.

- publish a post: the post the school started from the directive, live at the moment;
  done when it went live (its real publication time in `PageLogEntry`).
- fill a section: a page below the school's section (its blueprint key) live at the moment;
  done when the earliest such page went live (what was there before the directive counts),
  found by an aggregate per school in the database.
- fill a section by a disclosure item: the school's page for that item in the school year the
  directive was sent in (found by the regulations' statuses: by code, else the checklist's
  slot), live at the moment; done when it went live.
- acknowledge: the principal's confirmation."""

from collections import defaultdict

from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from page_types.models import MandatedSection
from tenants.log_actions import (
    CREATE_ACTION,
    DELETE_ACTIONS,
    EDIT_ACTIONS,
    PUBLISH_ACTIONS,
    UNPUBLISH_ACTIONS,
)
from tenants.models import School

from .models import Action
from .status import Facts, status_at

LOG_ACTIONS = PUBLISH_ACTIONS + UNPUBLISH_ACTIONS + DELETE_ACTIONS
DRAFT_ACTIONS = EDIT_ACTIONS + (CREATE_ACTION,)


def live_since(entries, moment):
    """When a page last went live, if it is live at `moment`: `entries` are its (timestamp,
    action) log rows in order."""
    since = None
    for timestamp, action in entries:
        if timestamp > moment:
            break
        # A publication keeps the page live since its first one; anything else takes it down.
        since = (since or timestamp) if action in PUBLISH_ACTIONS else None
    return since


def _logs(page_ids, moment, actions):
    """{page id: [(timestamp, action)]}; `page_ids`: ids or a subquery of page ids (a
    province's sections hold far more pages than a query should list)."""
    rows = defaultdict(list)
    if not isinstance(page_ids, QuerySet):
        if not page_ids:
            return rows
        page_ids = list(page_ids)
    for page_id, timestamp, action in (
        PageLogEntry.objects.filter(page_id__in=page_ids, action__in=actions, timestamp__lte=moment)
        .order_by("timestamp", "pk")
        .values_list("page_id", "timestamp", "action")
    ):
        rows[page_id].append((timestamp, action))
    return rows


def _post_facts(targets, moment):
    page_ids = {t.page_id for t in targets if t.page_id}
    logs = _logs(page_ids, moment, LOG_ACTIONS)
    drafts = _logs(page_ids, moment, DRAFT_ACTIONS)
    facts = {}
    for t in targets:
        done = live_since(logs.get(t.page_id, ()), moment) if t.page_id else None
        edited = drafts.get(t.page_id)
        started = min(filter(None, [t.started_at, edited[0][0] if edited else None]), default=None)
        facts[t.pk] = Facts(t.seen_at, started, done, t.page_id if done else None)
    return facts


def first_live_below(prefixes, moment):
    """{section path: (since, page id)}: of the pages below each section that are live at
    `moment`, the one live the longest (since its first publication after its last unpublish
    or delete). Aggregated in the database, one row per section: a province's news sections
    hold hundreds of thousands of pages, whose log rows must not travel to Python. One query
    per distinct section path length (all sections of a key have the same)."""
    last_down = (
        PageLogEntry.objects.filter(
            page_id=OuterRef("page_id"),
            action__in=UNPUBLISH_ACTIONS + DELETE_ACTIONS,
            timestamp__lte=moment,
        )
        .order_by("-timestamp")
        .values("timestamp")[:1]
    )
    result = {}
    by_length = defaultdict(list)
    for path in prefixes:
        by_length[len(path)].append(path)
    for length, paths in by_length.items():
        rows = (
            PageLogEntry.objects.annotate(section=Substr("page__path", 1, length))
            .filter(
                section__in=paths,
                page__depth__gt=length // Page.steplen,
                action__in=PUBLISH_ACTIONS,
                timestamp__lte=moment,
            )
            .annotate(down=Subquery(last_down))
            # The publications of the page's current live period.
            .filter(Q(down__isnull=True) | Q(timestamp__gt=F("down")))
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("section")],
                    order_by=[F("timestamp").asc(), F("pk").asc()],
                )
            )
            .filter(rank=1)
            .order_by()
            .values_list("section", "timestamp", "page_id")
        )
        for section, since, page_id in rows:
            result[section] = (since, page_id)
    return result


def _section_facts(directive, targets, moment):
    sections = dict(
        MandatedSection.objects.filter(
            school__in=[t.school_id for t in targets], key=directive.section_key
        ).values_list("school_id", "page__path")
    )
    first = first_live_below([path for path in sections.values() if path], moment)
    facts = {}
    for t in targets:
        done, page = first.get(sections.get(t.school_id), (None, None))
        facts[t.pk] = Facts(t.seen_at, t.started_at, done, page)
    return facts


def item_pages(directive, school_ids, moment):
    """{school id: the page answering the directive's disclosure item} (a fixed number of
    queries whatever the number of schools)."""
    from regulations.statuses import year_statuses

    schools = School.objects.filter(pk__in=list(school_ids))
    pages = {}
    for school_id, year in year_statuses(schools, moment, directive.school_year).items():
        for item in year.items:
            if item.code == directive.item_code and item.page_id:
                pages[school_id] = item.page_id
    return pages


def _item_facts(directive, targets, moment):
    pages = item_pages(directive, {t.school_id for t in targets}, moment)
    logs = _logs(set(pages.values()), moment, LOG_ACTIONS)
    # Editing the slot after the directive arrived is answering it.
    drafts = _logs(set(pages.values()), moment, DRAFT_ACTIONS)
    facts = {}
    for t in targets:
        page_id = pages.get(t.school_id)
        done = live_since(logs.get(page_id, ()), moment) if page_id else None
        edits = [stamp for stamp, _a in drafts.get(page_id, ()) if stamp >= directive.issued_at]
        started = min(filter(None, [t.started_at, edits[0] if edits else None]), default=None)
        facts[t.pk] = Facts(t.seen_at, started, done, page_id if done else None)
    return facts


def target_facts(directive, targets, moment):
    """{target pk: Facts} at `moment` for these targets of `directive`."""
    if directive.action == Action.PUBLISH_POST:
        return _post_facts(targets, moment)
    if directive.action == Action.FILL_SECTION and directive.item_code:
        return _item_facts(directive, targets, moment)
    if directive.action == Action.FILL_SECTION:
        return _section_facts(directive, targets, moment)
    return {t.pk: Facts(t.seen_at, t.started_at, t.acknowledged_at, None) for t in targets}


def verdicts(directive, targets, moment=None):
    """{target pk: Verdict} at `moment` (now by default)."""
    moment = moment or timezone.now()
    facts = target_facts(directive, targets, moment)
    return {pk: status_at(f, directive.deadline_end, moment) for pk, f in facts.items()}
