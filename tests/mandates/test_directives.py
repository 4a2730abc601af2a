"""Directives end to end over HTTP: the office sends, schools act through real publishes at
chosen times, statuses come from the log, scoping holds, approvers get e-mails."""

import csv
import datetime
import io

from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page, PageLogEntry

from mandates.models import Action, Directive, Target
from mandates.progress import verdicts
from mandates.services import open_directives_for
from mandates.status import Status
from page_types.models import NewsArticlePage
from tenants.clock import TZ
from tenants.models import Membership
from tenants.provisioning import create_authority
from tests.audit.history import add_announcement, at, publish


def moment(month, day, hour=9):
    return datetime.datetime(2026, month, day, hour, tzinfo=TZ)


def login(client, user):
    client.force_login(user)
    return client


def send(client, authority, when=None, **fields):
    when = when or moment(11, 10)
    data = {
        "authority": authority.pk,
        "title": "Đăng thông tin về trang thông tin điện tử của trường",
        "body": "Thực hiện công văn 1636/GDĐT-VP, các trường đăng bài giới thiệu trang web.",
        "letter_number": "1636/GDĐT-VP",
        "letter_date": "16/11/2016",
        "letter_signer": "Nguyễn Văn Bình",
        "deadline": "2026-11-25",
        "action": Action.PUBLISH_POST,
        "section_key": "tin-tuc",
        "post_title": "Ra mắt trang thông tin điện tử của nhà trường",
        "post_body": "Kính gửi quý phụ huynh, nhà trường ra mắt trang thông tin điện tử.",
        "target_kind": "level",
        "target_level": "THCS",
    }
    data.update(fields)
    with at(when):
        response = client.post(reverse("mandates:create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Directive.objects.latest("pk")


def test_publish_a_post_end_to_end(client, office_admin, authority, schools, approvers):
    directive = send(login(client, office_admin), authority)
    # Only the THCS schools are targets; each one's approver got one e-mail.
    assert set(directive.targets.values_list("school__slug", flat=True)) == {
        "thcs-tan-thong-hoi",
        "thcs-phuoc-hiep",
    }
    assert sorted(m.to[0] for m in mail.outbox) == [
        "a.hieutruong@example.vn",
        "b.hieutruong@example.vn",
    ]
    assert "Chỉ đạo mới" in mail.outbox[0].subject
    assert f"/admin/directives/{directive.pk}/" in mail.outbox[0].body

    # The approver of school A sees it on the admin home, opens it, starts the draft.
    client.logout()
    login(client, approvers["a"])
    with at(moment(11, 11)):
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert directive.title in home and "25/11/2026" in home
        assert client.get(reverse("mandates:detail", args=[directive.pk])).status_code == 200
    target = Target.objects.get(directive=directive, school=schools["a"])
    with at(moment(11, 12)):
        response = client.post(reverse("mandates:start", args=[target.pk]))
    target.refresh_from_db()
    page = NewsArticlePage.objects.get(pk=target.page_id)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.shared_from_office and not page.live
    assert page.get_parent().slug == "tin-tuc"
    assert page.title == "Ra mắt trang thông tin điện tử của nhà trường"
    # A second click opens the same draft.
    with at(moment(11, 12, 10)):
        again = client.post(reverse("mandates:start", args=[target.pk]))
    assert again["Location"] == response["Location"]
    publish(page, moment(11, 20, 15))

    # Statuses at chosen times, from the log.
    targets = list(directive.targets.select_related("school"))
    by_slug = lambda judged: {t.school.slug: judged[t.pk] for t in targets}  # noqa: E731
    before = by_slug(verdicts(directive, targets, moment(11, 11, 12)))
    assert before["thcs-tan-thong-hoi"].status == Status.SEEN
    assert before["thcs-phuoc-hiep"].status == Status.UNSEEN
    assert (
        by_slug(verdicts(directive, targets, moment(11, 15)))["thcs-tan-thong-hoi"].status
        == Status.DRAFTING
    )
    after = by_slug(verdicts(directive, targets, moment(11, 26)))
    assert after["thcs-tan-thong-hoi"].status == Status.DONE
    assert after["thcs-tan-thong-hoi"].on_time
    assert after["thcs-tan-thong-hoi"].done_at == moment(11, 20, 15)
    assert after["thcs-phuoc-hiep"].status == Status.OVERDUE
    assert open_directives_for(schools["a"], moment(11, 21)) == []
    assert [d.pk for d, _t, _v in open_directives_for(schools["b"], moment(11, 21))] == [
        directive.pk
    ]

    # The office's table, filters and exports.
    client.logout()
    login(client, office_admin)
    url = reverse("mandates:detail", args=[directive.pk])
    with at(moment(11, 26)):
        page_html = client.get(url).content.decode()
        assert 'data-status="done"' in page_html and 'data-status="overdue"' in page_html
        assert "20/11/2026 15:00" in page_html
        only_late = client.get(url, {"status": "overdue"}).content.decode()
        assert "Phước Hiệp" in only_late and "Tân Thông Hội" not in only_late.split("<table")[1]
        exported = client.get(reverse("mandates:export", args=[directive.pk, "csv"]))
        rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        xlsx = client.get(reverse("mandates:export", args=[directive.pk, "xlsx"]))
    assert [r[1] for r in rows[1:]] == ["Trường THCS Phước Hiệp", "Trường THCS Tân Thông Hội"]
    assert rows[2][4:7] == ["Đã thực hiện", "Đúng hạn", "20/11/2026 15:00"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(3, 2).value == "Trường THCS Phước Hiệp"
    # Earlier as-of: the table as it stood then.
    with at(moment(11, 26)):
        earlier = client.get(url, {"as_of": "2026-11-15"}).content.decode()
        typed = client.get(url, {"as_of": "15/11/2026"}).content.decode()
    assert 'data-status="done"' not in earlier
    # The date field is typed and shown dd/mm/yyyy (the picker's format), like every date.
    assert 'data-status="done"' not in typed and 'value="15/11/2026"' in typed


def test_shared_post_is_not_a_duplicate(client, office_admin, authority, schools, approvers):
    """Two schools publish the office's text as is: neither copy is flagged duplicate."""
    from audit.models import ActivityEvent

    directive = send(login(client, office_admin), authority)
    for key, hour in (("a", 10), ("b", 11)):
        client.logout()
        login(client, approvers[key])
        target = Target.objects.get(directive=directive, school=schools[key])
        with at(moment(11, 12, hour)):
            client.post(reverse("mandates:start", args=[target.pk]))
        target.refresh_from_db()
        publish(Page.objects.get(pk=target.page_id).specific, moment(11, 13, hour))
    events = ActivityEvent.objects.filter(page_id__in=directive.targets.values("page_id"))
    assert events.count() == 2
    # The second copy is the first's text (a duplicate by similarity) and is exempt as shared.
    assert all(e.shared_from_office for e in events)
    assert events.order_by("timestamp").last().duplicate_similarity >= 0.9


def test_fill_a_section(client, office_admin, authority, schools):
    directive = send(
        login(client, office_admin),
        authority,
        action=Action.FILL_SECTION,
        section_key="thong-bao",
        post_title="",
        target_kind="subtree",
    )
    assert directive.targets.count() == 3
    add_announcement(schools["a"], moment(11, 24, 10))
    add_announcement(schools["th"], moment(11, 27, 10))
    targets = list(directive.targets.select_related("school"))
    judged = {t.school.slug: verdicts(directive, targets, moment(11, 28))[t.pk] for t in targets}
    assert (
        judged["thcs-tan-thong-hoi"].status == Status.DONE and judged["thcs-tan-thong-hoi"].on_time
    )
    assert judged["th-binh-my"].status == Status.DONE and judged["th-binh-my"].late
    assert judged["thcs-phuoc-hiep"].status == Status.OVERDUE
    # On the deadline, the late one was still pending.
    on_deadline = verdicts(directive, targets, moment(11, 25, 20))
    assert {t.school.slug: on_deadline[t.pk].status for t in targets}["th-binh-my"] == Status.UNSEEN


def test_acknowledge_by_the_approver_only(
    client, office_admin, authority, schools, approvers, make_member
):
    directive = send(
        login(client, office_admin),
        authority,
        action=Action.ACKNOWLEDGE,
        section_key="",
        post_title="",
        target_kind="schools",
        target_level="",
        schools=[schools["a"].pk],
    )
    target = directive.targets.get()
    editor = make_member(Membership.Role.EDITOR, school=schools["a"], username="a.bientap")
    client.logout()
    login(client, editor)
    assert client.post(reverse("mandates:acknowledge", args=[target.pk])).status_code == 404
    client.logout()
    login(client, approvers["a"])
    with at(moment(11, 14)):
        page = client.get(reverse("mandates:detail", args=[directive.pk])).content.decode()
        assert "Xác nhận đã đọc" in page
        answer = client.post(reverse("mandates:acknowledge", args=[target.pk]))
    assert answer.status_code == 302, answer.content.decode()[:2000]
    target.refresh_from_db()
    verdict = verdicts(directive, [target], moment(11, 30))[target.pk]
    assert verdict.status == Status.DONE and verdict.done_at == moment(11, 14)


def test_scoping(client, authority, make_school, make_member, schools, approvers, office_admin):
    """A sub-office sees only its schools' rows; a school sees its own directives and row only;
    a school not targeted gets a 403."""
    sub, _ = create_authority(
        "XA-TANTHONG", "Phòng Văn hóa – Xã hội xã Tân Thông", parent=authority
    )
    sub_school = make_school(
        "THCS", authority_code="XA-TANTHONG", name="Trường THCS Xã Con", slug="thcs-xa-con"
    )
    sub_admin = make_member(Membership.Role.AUDITOR, authority=sub, username="xa.kiemtra")
    directive = send(login(client, office_admin), authority)
    assert directive.targets.count() == 3
    url = reverse("mandates:detail", args=[directive.pk])

    client.logout()
    login(client, sub_admin)
    page = client.get(url).content.decode()
    assert sub_school.name in page and "Tân Thông Hội" not in page and "Phước Hiệp" not in page
    csv_text = client.get(reverse("mandates:export", args=[directive.pk, "csv"])).content.decode()
    assert sub_school.name in csv_text and "Phước Hiệp" not in csv_text

    client.logout()
    login(client, approvers["a"])
    page = client.get(url).content.decode()
    assert "Phước Hiệp" not in page and "Xã Con" not in page
    assert "Phước Hiệp" not in client.get(reverse("mandates:index")).content.decode()
    other = Target.objects.get(directive=directive, school=schools["b"])
    assert client.post(reverse("mandates:start", args=[other.pk])).status_code == 404
    assert client.get(reverse("mandates:create")).status_code == 403

    client.logout()
    login(client, approvers["th"])  # a TH school: not a target
    assert client.get(url).status_code == 403
    assert client.get(reverse("mandates:export", args=[directive.pk, "csv"])).status_code == 403


def test_bad_input_names_the_field(client, office_admin, authority, schools):
    login(client, office_admin)
    response = client.post(
        reverse("mandates:create"),
        {
            "authority": authority.pk,
            "title": "X",
            "body": "Y",
            "deadline": "2026-11-25",
            "action": Action.FILL_SECTION,
            "section_key": "khong-co",
            "target_kind": "level",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "Không có mục “khong-co”" in text and "Chọn cấp học." in text
    assert not Directive.objects.exists()


def test_reminder_two_days_before(client, office_admin, authority, schools, approvers):
    from mandates.notifications import remind_directives_due

    directive = send(login(client, office_admin), authority)
    done = Target.objects.get(directive=directive, school=schools["a"])
    client.logout()
    login(client, approvers["a"])
    with at(moment(11, 12)):
        client.post(reverse("mandates:start", args=[done.pk]))
    done.refresh_from_db()
    publish(Page.objects.get(pk=done.page_id).specific, moment(11, 20))
    mail.outbox.clear()
    with at(moment(11, 23, 7)):
        remind_directives_due.enqueue()
        remind_directives_due.enqueue()  # twice the same day: sent once
    assert [m.to for m in mail.outbox] == [["b.hieutruong@example.vn"]]
    assert "Nhắc hạn chỉ đạo" in mail.outbox[0].subject
    mail.outbox.clear()
    with at(moment(11, 22, 7)):
        remind_directives_due.enqueue()
    assert mail.outbox == []


def test_summaries_and_drill_down(client, office_admin, authority, schools):
    from mandates.summaries import directive_summaries

    directive = send(
        login(client, office_admin),
        authority,
        action=Action.FILL_SECTION,
        section_key="thong-bao",
        post_title="",
    )
    add_announcement(schools["a"], moment(11, 24, 10))
    add_announcement(schools["b"], moment(11, 27, 10))
    assert directive_summaries(schools.values(), datetime.date(2026, 11, 25)) == {}
    summary = directive_summaries(schools.values(), datetime.date(2026, 11, 28))
    assert summary == {
        schools["a"].pk: {"due": 1, "on_time": 1},
        schools["b"].pk: {"due": 1, "on_time": 0},
    }
    with at(moment(11, 28)):
        page = client.get(
            reverse("audit:school", args=[schools["b"].pk]), {"as_of": "2026-11-28"}
        ).content.decode()
    assert f'data-directive="{directive.pk}"' in page and "trễ hạn" in page


def test_weekly_reminders_list_open_and_late_directives(
    client, office_admin, authority, schools, approvers
):
    from audit.reminders import send_reminders

    directive = send(login(client, office_admin), authority)
    mail.outbox.clear()
    with at(moment(11, 30, 7)):
        send_reminders(datetime.date(2026, 11, 30))
    school_mail = [m for m in mail.outbox if m.to == ["b.hieutruong@example.vn"]]
    assert len(school_mail) == 1 and directive.title in school_mail[0].body
    assert "Quá hạn" in school_mail[0].body
    office_mail = [m for m in mail.outbox if m.to == ["phong.quantri@example.vn"]]
    assert len(office_mail) == 1
    body = office_mail[0].body
    assert "TRƯỜNG QUÁ HẠN THỰC HIỆN CHỈ ĐẠO" in body
    assert "Trường THCS Phước Hiệp: " + directive.title in body
    # The TH school was not a target: no directive in its reminder, if it gets one at all.
    assert all(
        directive.title not in m.body for m in mail.outbox if m.to == ["th.hieutruong@example.vn"]
    )


def test_start_from_the_home_panel_with_csrf_checks(office_admin, authority, schools, approvers):
    """The panel's form carries the page's CSRF token (a Component has its own context)."""
    import re

    from django.conf import settings
    from django.test import Client

    office = Client(HTTP_HOST=settings.PORTAL_DOMAIN)
    directive = send(login(office, office_admin), authority)
    client = Client(HTTP_HOST=settings.PORTAL_DOMAIN, enforce_csrf_checks=True)
    client.force_login(approvers["a"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = home.split('id="mandates-open-section"')[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', panel).group(1)
    target = Target.objects.get(directive=directive, school=schools["a"])
    response = client.post(
        reverse("mandates:start", args=[target.pk]), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302 and "/edit/" in response["Location"]


def test_status_table_queries_do_not_grow_with_schools(
    client, office_admin, authority, make_school
):
    """The table's own work (targets, log facts, pages) is a fixed number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mandates import table

    for n in range(6):
        make_school("THCS", name=f"Trường THCS Số {n}", slug=f"thcs-so-{n}")
    directive = send(
        login(client, office_admin),
        authority,
        action=Action.FILL_SECTION,
        section_key="thong-bao",
        post_title="",
    )
    for target in directive.targets.select_related("school"):
        add_announcement(target.school, moment(11, 20))

    def queries(count):
        targets = Target.objects.filter(
            pk__in=list(directive.targets.values_list("pk", flat=True)[:count])
        )
        with CaptureQueriesContext(connection) as captured:
            rows = table.status_rows(directive, targets, moment(11, 30))
            table.counts(rows)
            assert sum(1 for row in rows if row.page) == count
            [table.cells(row) for row in rows]
        return len(captured)

    queries(1)  # warms the site root paths full_url reads
    assert queries(2) == queries(6)


def test_published_on_the_office_site_when_chosen(client, office_admin, authority, schools):
    from page_types.models import OfficialDocumentPage
    from tenants.log_actions import PUBLISH_ACTIONS

    directive = send(login(client, office_admin), authority, publish_on_site="on")
    page = OfficialDocumentPage.objects.get(pk=directive.document_page_id)
    assert page.live and page.number == "1636/GDĐT-VP" and page.signer == "Nguyễn Văn Bình"
    assert page.get_parent().slug == "van-ban"
    assert page.path.startswith(authority.site.root_page.path)
    assert PageLogEntry.objects.filter(page=page, action__in=PUBLISH_ACTIONS).exists()
    # Not chosen: nothing on the site.
    other = send(client, authority, title="Chỉ đạo nội bộ")
    assert other.document_page_id is None
