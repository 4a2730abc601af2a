"""The dashboard's stored table: the same numbers as a full audit, and only the schools whose
data changed are recomputed."""

import datetime

import pytest

from audit import engine, table
from audit.models import StoredRow
from regulations.models import DeclaredDay
from tenants.models import School

from .history import add_news, moment

AS_OF = datetime.date(2016, 11, 25)


@pytest.fixture
def three(make_school):
    busy = make_school("TH", name="Trường Tiểu học Bận Rộn")
    other = make_school("TH", name="Trường Tiểu học Bình Thường")
    quiet = make_school("MN", name="Trường Mầm non Yên Ả")
    add_news(busy, moment(2016, 11, 14), title="Khai mạc hội giảng")
    add_news(busy, moment(2016, 11, 21), title="Hội thi giáo viên dạy giỏi")
    add_news(other, moment(2016, 11, 18), title="Ngày Nhà giáo Việt Nam")
    return {"busy": busy, "other": other, "quiet": quiet}


def full_table():
    """What a full audit says, in the table's terms."""
    rows = engine.run_audit(School.objects.all(), AS_OF).rows
    return {
        r["school_id"]: {**table.table_row(r), "rank_in_level": r["rank_in_level"]} for r in rows
    }


def stored_table(**kwargs):
    run = table.table_run(School.objects.all(), AS_OF, **kwargs)
    rows = {
        r["school_id"]: {
            **r,
            "last_update": r["last_update"].isoformat() if r["last_update"] else None,
        }
        for r in run.rows
    }
    return run, rows


def test_the_stored_table_has_the_full_audits_numbers(three):
    run, rows = stored_table()
    assert run.recomputed == 3
    assert rows == full_table()
    # Read back from the database: the same lines, nothing recomputed.
    run, again = stored_table()
    assert run.recomputed == 0
    assert again == rows
    assert StoredRow.objects.filter(as_of=AS_OF).count() == 3


def test_a_publication_recomputes_only_its_school(three):
    _run, before = stored_table()
    # Backdated into the audited window: it counts on its real (earlier than as_of) day.
    add_news(three["other"], moment(2016, 11, 23), title="Thông tin tuyển sinh bổ sung")
    run, after = stored_table()
    assert run.recomputed == 1
    other = three["other"].pk
    assert after[other]["posts"]["school_year"] == before[other]["posts"]["school_year"] + 1
    assert after[other]["last_update"] == "2016-11-23"
    assert after == full_table()


def test_a_school_record_change_recomputes_that_school(three):
    stored_table()
    busy = three["busy"]
    busy.name = "Trường Tiểu học Bận Rộn Mới"
    busy.save()
    run, rows = stored_table()
    assert run.recomputed == 1
    assert rows[busy.pk]["name"] == "Trường Tiểu học Bận Rộn Mới"


def test_a_shared_input_recomputes_every_school(three, authority):
    stored_table()
    # An office declares a day off: every school's calendar may change.
    DeclaredDay.objects.create(
        authority=authority, date=datetime.date(2016, 11, 21), kind=DeclaredDay.Kind.OFF
    )
    run, rows = stored_table()
    assert run.recomputed == 3
    assert rows == full_table()


def test_refresh_recomputes_every_line(three):
    stored_table()
    run, rows = stored_table(refresh=True)
    assert run.recomputed == 3
    assert rows == full_table()


def test_ranks_cover_the_whole_scope_when_one_school_is_recomputed(three):
    """Only the busy school is recomputed, yet ranks compare it with the stored others."""
    stored_table()
    for n in range(3):
        add_news(three["other"], moment(2016, 11, 22, 8 + n), title=f"Tin hoạt động {n}")
    run, rows = stored_table()
    assert run.recomputed == 1
    assert rows == full_table()
    busy, other = rows[three["busy"].pk], rows[three["other"].pk]
    assert other["posts"]["school_year"] > busy["posts"]["school_year"]
    assert other["rank_in_level"] == 1 and busy["rank_in_level"] == 2


def test_dashboard_queries_do_not_grow_with_stored_schools(
    client, three, make_member, authority, django_assert_max_num_queries
):
    from django.conf import settings

    from tenants.models import Membership

    office = make_member(Membership.Role.ADMIN, authority=authority, username="phong-bang")
    client.force_login(office)
    url = "/admin/audit/?as_of=2016-11-25"
    assert client.get(url, HTTP_HOST=settings.PORTAL_DOMAIN).status_code == 200
    # A fixed number, whatever the stored schools. (The per-request permission lookups still
    # repeat a few queries -- the authority tree, memberships -- until one Scope serves them all.)
    with django_assert_max_num_queries(50):
        response = client.get(url, HTTP_HOST=settings.PORTAL_DOMAIN)
    assert response.context["run"].recomputed == 0
    assert "tính lại 0 trường có thay đổi" in response.content.decode()
