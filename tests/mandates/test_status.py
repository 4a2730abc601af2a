"""The status function at chosen moments (pure: no database)."""

import datetime

from mandates.progress import live_since
from mandates.status import Facts, Status, status_at
from tenants.clock import TZ

DEADLINE_END = datetime.datetime(2026, 11, 25, 23, 59, 59, tzinfo=TZ)


def moment(day, hour=9):
    return datetime.datetime(2026, 11, day, hour, tzinfo=TZ)


FACTS = Facts(seen_at=moment(10), started_at=moment(12), done_at=moment(20), page_id=7)


def test_progression_over_time():
    assert status_at(FACTS, DEADLINE_END, moment(9)).status == Status.UNSEEN
    assert status_at(FACTS, DEADLINE_END, moment(11)).status == Status.SEEN
    assert status_at(FACTS, DEADLINE_END, moment(15)).status == Status.DRAFTING
    done = status_at(FACTS, DEADLINE_END, moment(21))
    assert (done.status, done.on_time, done.done_at, done.page_id) == (
        Status.DONE,
        True,
        moment(20),
        7,
    )


def test_overdue_after_the_deadline_then_done_late():
    late = Facts(seen_at=moment(10), done_at=moment(27))
    assert status_at(late, DEADLINE_END, moment(25, 23)).status == Status.SEEN
    assert status_at(late, DEADLINE_END, moment(26)).status == Status.OVERDUE
    verdict = status_at(late, DEADLINE_END, moment(28))
    assert verdict.status == Status.DONE and verdict.late


def test_done_on_the_deadline_day_is_on_time():
    facts = Facts(done_at=datetime.datetime(2026, 11, 25, 22, tzinfo=TZ))
    assert status_at(facts, DEADLINE_END, moment(30)).on_time


def test_live_since_follows_unpublish_and_republish():
    entries = [
        (moment(1), "wagtail.publish"),
        (moment(2), "wagtail.publish"),
        (moment(3), "wagtail.unpublish"),
        (moment(5), "wagtail.publish.scheduled"),
    ]
    assert live_since(entries, moment(2, 12)) == moment(1)
    assert live_since(entries, moment(4)) is None
    assert live_since(entries, moment(6)) == moment(5)
