"""Local time and simulated time, declared once for the product, the demo and the tests.

Dates the product shows and counts are local (Asia/Ho_Chi_Minh). `simulated_now` makes
Wagtail stamp log entries, revisions and publication dates at a chosen moment: the demo loader
builds a school year with it and the tests build histories with it, so both use one clock."""

import datetime
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from django.utils import timezone

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day, hour=8, minute=0):
    """The aware local moment `hour:minute` on `day`."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def local_today():
    return timezone.now().astimezone(TZ).date()


def local_date(moment):
    return moment.astimezone(TZ).date()


def monday_of(day):
    """The Monday of `day`'s week: weeks (menus, schedules, the audit's weekly counts) start
    on Monday."""
    return day - datetime.timedelta(days=day.weekday())


@contextmanager
def simulated_now(moment):
    """Make ``django.utils.timezone.now()`` return ``moment`` inside the block.

    Wagtail and Django look ``timezone.now`` up on the module at call time, so replacing the
    module attribute reaches every caller; the real function is restored on the way out."""
    real = timezone.now
    fixed = moment.astimezone(datetime.UTC)
    timezone.now = lambda: fixed
    try:
        yield
    finally:
        timezone.now = real
