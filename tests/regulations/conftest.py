"""Helpers for the regulations tests: publishing at simulated times, the log being the truth."""

import datetime

import pytest

from page_types.models import DisclosureItemPage, MandatedSection
from regulations.year_opening import open_school_year
from tenants import clock


def at(year, month, day, hour=9, minute=0):
    """An aware local (Asia/Ho_Chi_Minh) datetime."""
    return clock.at(datetime.date(year, month, day), hour, minute)


def publish(page, when, user=None):
    """Save a revision and publish it as if it happened at `when` (log timestamps included)."""
    with clock.simulated_now(when):
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user)
    page.refresh_from_db()
    return revision


def edit(page, when, user=None, **changes):
    """Save a draft change at `when` (a "wagtail.edit" log entry), without publishing."""
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    with clock.simulated_now(when):
        return page.save_revision(user=user, log_action=True)


def slot(school, school_year, code):
    section = MandatedSection.objects.get(school=school, key="cong-khai").page
    return DisclosureItemPage.objects.descendant_of(section).get(
        item_code=code, url_path__contains=f"/{school_year}/"
    )


@pytest.fixture
def opened(make_school):
    """opened(level, school_year, **fields) → a school with that year's disclosure slots."""

    def make(level, school_year, **fields):
        school = make_school(level, **fields)
        open_school_year(school, school_year)
        return school

    return make


def section(school, key):
    return MandatedSection.objects.get(school=school, key=key).page.specific


@pytest.fixture
def approver_of(make_member):
    """approver_of(school) → a new approver (Ban giám hiệu) of that school."""
    from tenants.models import Membership

    def make(school):
        return make_member(Membership.Role.APPROVER, school=school)

    return make
