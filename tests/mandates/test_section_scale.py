"""Fill a section at a province's scale: a news section holds many pages, yet a directive's
statuses cost the same few queries at 5 or 30 schools, and the answer stays the log's: the page
live the longest, a page taken down no longer counting."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mandates.models import Action, Directive, Target
from mandates.progress import verdicts
from mandates.status import Status
from tenants.provisioning import SchoolData, create_schools
from tests.audit.history import add_news, at

from .test_directives import moment


def province(authority, count):
    return create_schools(
        [
            SchoolData(
                code=f"797990{n:02d}",
                name=f"Trường THCS Số {n}",
                level="THCS",
                authority=authority.code,
                slug=f"thcs-so-{n}",
            )
            for n in range(count)
        ]
    )


def news_directive(authority, schools):
    with at(moment(11, 10)):
        directive = Directive.objects.create(
            authority=authority,
            title="Cập nhật tin tức",
            body="Các trường đăng tin về hoạt động đầu năm học.",
            deadline=datetime.date(2026, 11, 25),
            action=Action.FILL_SECTION,
            section_key="tin-tuc",
        )
    Target.objects.bulk_create([Target(directive=directive, school=s) for s in schools])
    return directive


def test_the_page_live_the_longest_counts(authority):
    busy, taken_down, late, idle = province(authority, 4)
    before = add_news(busy, moment(10, 1))  # there before the directive: counts
    for day in range(12, 18):
        add_news(busy, moment(11, day))
    gone = add_news(taken_down, moment(11, 12))
    with at(moment(11, 14)):
        gone.refresh_from_db()
        gone.unpublish()
    again = add_news(taken_down, moment(11, 16))
    add_news(late, moment(11, 28))
    directive = news_directive(authority, [busy, taken_down, late, idle])
    targets = list(directive.targets.all())

    def judged_at(when):
        result = verdicts(directive, targets, when)
        return {t.school_id: result[t.pk] for t in targets}

    judged = judged_at(moment(11, 30))
    assert (judged[busy.pk].done_at, judged[busy.pk].page_id) == (moment(10, 1), before.pk)
    assert (judged[taken_down.pk].done_at, judged[taken_down.pk].page_id) == (
        moment(11, 16),
        again.pk,
    )
    assert judged[late.pk].late and judged[idle.pk].status == Status.OVERDUE
    # While the first page was live, it was the answer.
    assert judged_at(moment(11, 13))[taken_down.pk].page_id == gone.pk
    assert judged_at(moment(11, 15))[taken_down.pk].status == Status.UNSEEN


def test_statuses_cost_the_same_at_5_and_30_schools(authority):
    schools = province(authority, 30)
    for n, school in enumerate(schools):
        for k in range(n % 4):  # 0 to 3 news each
            add_news(school, moment(11, 12 + k, 8 + n % 10))
    directive = news_directive(authority, schools)

    def queries(subset):
        targets = list(directive.targets.filter(school__in=subset))
        with CaptureQueriesContext(connection) as ctx:
            judged = verdicts(directive, targets, moment(11, 20))
        done = sum(v.status == Status.DONE for v in judged.values())
        return len(ctx.captured_queries), done

    few, few_done = queries(schools[:5])
    many, many_done = queries(schools)
    assert few == many
    assert (few_done, many_done) == (3, 22)
