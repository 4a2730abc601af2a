"""Facts of every target of a directive, read from the publication log in a few queries
(whatever the number of schools), then judged by `status.status_at`.

- publish a post: the post the school started from the directive, live at the moment;
  done when it went live (its real publication time in `PageLogEntry`).
- fill a section: a page below the school's section (its blueprint key) live at the moment;
  done when the earliest such page went live (what was there before the directive counts).
- fill a section by a disclosure item: the school's page for that item in the school year the
  directive was sent in (found by the regulations' statuses: by code, else the checklist's
  slot), live at the moment; done when it went live.
- acknowledge: the principal's confirmation."""

from collections import defaultdict

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from page_types.models import MandatedSection
from tenants.isolation.permission_policies import subtree_q
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


def _section_facts(directive, targets, moment):
    sections = dict(
        MandatedSection.objects.filter(
            school__in=[t.school_id for t in targets], key=directive.section_key
        ).values_list("school_id", "page__path")
    )
    by_prefix = {path: school for school, path in sections.items() if path}
    if not by_prefix:
        return {t.pk: Facts(t.seen_at, t.started_at) for t in targets}
    below = Page.objects.filter(subtree_q(list(by_prefix))).exclude(path__in=list(by_prefix))
    logs = _logs(below.values("pk"), moment, LOG_ACTIONS)
    owner = {}
    lengths = {len(p) for p in by_prefix}
    # Only the pages the log names (those ever published) are placed under their school.
    for pk, path in Page.objects.filter(pk__in=list(logs)).values_list("pk", "path"):
        for length in lengths:
            if path[:length] in by_prefix:
                owner[pk] = by_prefix[path[:length]]
    best = {}
    for pk, school in owner.items():
        since = live_since(logs.get(pk, ()), moment)
        if since is not None and (school not in best or since < best[school][0]):
            best[school] = (since, pk)
    facts = {}
    for t in targets:
        done, page = best.get(t.school_id, (None, None))
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
