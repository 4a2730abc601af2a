"""Pages that Wagtail's scheduler publishes or expires (`publish_scheduled`, run by cron) count
exactly like pages published or unpublished by hand: in the ledger as it follows the log, after
`audit_rebuild`, and in the audit's figures."""

import datetime
import io

from django.core.management import call_command
from wagtail.models import PageLogEntry

from audit.engine import run_audit
from audit.models import ActivityEvent, DailyActivity, EventKind
from page_types.models import NewsArticlePage
from tenants.clock import at, simulated_now
from tenants.models import School

from .history import section, words
from .test_ledger import ledger_state

SEPT_5 = datetime.date(2016, 9, 5)
SEPT_12 = datetime.date(2016, 9, 12)
SEPT_20 = datetime.date(2016, 9, 20)
OCT_3 = datetime.date(2016, 10, 3)


def _draft(school, title, text):
    page = NewsArticlePage(title=title, slug=f"bai-{school.pk}", date=SEPT_5, body=[], live=False)
    page.body = [("paragraph", f"<p>{text}</p>")]
    section(school, "tin-tuc").add_child(instance=page)
    return page


def _by_hand(school, text):
    with simulated_now(at(SEPT_5, 7, 0)):
        page = _draft(school, "Khai giảng", text)
    with simulated_now(at(SEPT_12, 7, 30)):
        page.save_revision().publish()
    page.refresh_from_db()
    with simulated_now(at(OCT_3, 6, 30)):
        page.unpublish()
    return page


def _by_scheduler(school, text):
    """Written on 5/9, to go live on 12/9 at 07:30 and expire on 3/10 at 06:30; cron runs
    `publish_scheduled` every few minutes (here: at 07:30 and 06:30 exactly, and in between)."""
    with simulated_now(at(SEPT_5, 7, 0)):
        page = _draft(school, "Khai giảng", text)
        page.go_live_at = at(SEPT_12, 7, 29)
        page.expire_at = at(OCT_3, 6, 29)
        page.save_revision().publish()  # approved for the go-live time: not live yet
    page.refresh_from_db()
    assert not page.live
    for moment in (at(SEPT_5, 7, 5), at(SEPT_12, 7, 30), at(SEPT_20, 9, 0), at(OCT_3, 6, 30)):
        with simulated_now(moment):
            call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert not page.live and page.expired
    return page


def _shape(school):
    """The school's ledger and rollup without its own ids."""
    events = list(
        ActivityEvent.objects.filter(school=school)
        .order_by("timestamp")
        .values_list("kind", "day", "section_key", "items_delta", "live_after", "word_count")
    )
    rollup = list(
        DailyActivity.objects.filter(school=school)
        .order_by("day", "section_key")
        .values_list("day", "section_key", "posts", "updates", "unpublishes", "items_delta")
    )
    return events, rollup


def _figures(row):
    keep = ("posts", "last_update", "days_since_update", "active_weeks_12", "score", "points")
    sections = {s["slug"]: (s["items"], s["status"]) for s in row["sections"]}
    return {key: row[key] for key in keep}, sections


def test_scheduled_go_live_and_expiry_count_like_by_hand(make_school):
    by_hand = make_school("TH")
    scheduled = make_school("TH")
    # Different texts of the same length: the same text would make the later one a duplicate.
    _by_hand(by_hand, words(60, seed=77))
    page = _by_scheduler(scheduled, words(60, seed=5))

    actions = list(
        PageLogEntry.objects.filter(page_id=page.pk).order_by("timestamp").values_list("action")
    )
    assert ("wagtail.publish.scheduled",) in actions
    assert ("wagtail.unpublish.scheduled",) in actions

    expected = (
        [
            (EventKind.POST, SEPT_12, "tin-tuc", 1, True, 60),
            (EventKind.UNPUBLISH, OCT_3, "tin-tuc", -1, False, None),
        ],
        [(SEPT_12, "tin-tuc", 1, 0, 0, 1), (OCT_3, "tin-tuc", 0, 0, 1, -1)],
    )
    assert _shape(by_hand) == expected
    assert _shape(scheduled) == expected
    post = ActivityEvent.objects.get(school=scheduled, kind=EventKind.POST)
    assert post.timestamp == at(SEPT_12, 7, 30)

    def audited(as_of):
        rows = {
            r["school_id"]: r
            for r in run_audit(School.objects.filter(pk__in=[by_hand.pk, scheduled.pk]), as_of).rows
        }
        return _figures(rows[by_hand.pk]), _figures(rows[scheduled.pk])

    for as_of in (datetime.date(2016, 9, 20), datetime.date(2016, 10, 10)):
        hand, sched = audited(as_of)
        assert hand == sched
    assert audited(datetime.date(2016, 9, 20))[1][0]["posts"]["school_year"] == 1

    before = ledger_state()
    call_command("audit_rebuild", stdout=io.StringIO())
    assert ledger_state() == before
    assert _shape(scheduled) == expected
