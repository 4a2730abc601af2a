"""The editor's home is a to-do list: at a chosen date, a school with known deadlines shows what
is overdue and due in the next 14 days (each with the button to its form), and its mandated
sections with their state and last update. Sources are pluggable through a hook."""

import datetime
import re

from django.urls import reverse
from wagtail import hooks

from page_types.models import MandatedSection
from regulations.todo import SOURCE_HOOK, TodoDue
from regulations.todo_drafts import draft_url
from tenants.clock import at, simulated_now
from tests.page_types.public_content import news

OFFICE = "portal.test"


def home(client, user, moment):
    client.force_login(user)
    with simulated_now(moment):
        response = client.get("/admin/", HTTP_HOST=OFFICE)
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('id="editor-todo-', 1)[1].split('id="disclosure-checklist-', 1)[0]


def row(panel, *texts):
    """The list item or table row that contains all of `texts`."""
    for chunk in panel.replace("</tr>", "</li>").split("</li>"):
        if all(text in chunk for text in texts):
            return chunk
    raise AssertionError(f"{texts!r} not in the to-do panel")


def test_dues_at_a_chosen_date(client, opened, make_member):
    # A kindergarten on Wednesday 20/11/2024: last week's menu (for 18/11, due Friday 15/11) is
    # overdue; next week's (for 25/11) is due Friday 22/11; December's plan is due 24/11.
    school = opened("MN", "2024-2025")
    editor = make_member("editor", school=school)
    panel = home(client, editor, at(datetime.date(2024, 11, 20), 9))
    # Each button posts to start that period's own draft (test_recurring_button_* below).
    overdue = row(panel, "Quá hạn từ 15/11/2024", "Thực đơn")
    assert "kỳ bắt đầu 18/11/2024" in overdue
    assert draft_url(school, "menu", datetime.date(2024, 11, 18)) in overdue
    due = row(panel, "Hạn chót 22/11/2024 (còn 2 ngày)", "Thực đơn")
    assert "kỳ bắt đầu 25/11/2024" in due
    assert draft_url(school, "menu", datetime.date(2024, 11, 25)) in due
    plan = row(panel, "kỳ bắt đầu 01/12/2024")
    assert "Hạn chót 24/11/2024 (còn 4 ngày)" in plan
    # Nothing beyond the 14 days: the menu for 09/12 is due 06/12 (16 days).
    assert "kỳ bắt đầu 09/12/2024" not in panel


def test_sections_fresh_stale_empty(client, opened, make_member):
    school = opened("MN", "2024-2025")
    editor = make_member("editor", school=school)
    panel = home(client, editor, at(datetime.date(2024, 11, 20), 9))
    news_row = row(panel, "Tin tức – Sự kiện")
    assert "Chưa có bài" in news_row
    assert (
        reverse(
            "wagtailadmin_pages:add_subpage",
            args=[MandatedSection.objects.get(school=school, key="tin-tuc").page_id],
        )
        in news_row
    )

    with simulated_now(at(datetime.date(2024, 11, 18), 10)):
        news(school, title="Bé vui hội trăng rằm", image=False)
    news_row = row(home(client, editor, at(datetime.date(2024, 11, 20), 9)), "Tin tức – Sự kiện")
    assert "Đang cập nhật" in news_row and "18/11/2024" in news_row
    # The news section's cadence is 7 days: a month later it is stale.
    news_row = row(home(client, editor, at(datetime.date(2024, 12, 20), 9)), "Tin tức – Sự kiện")
    assert "Chậm cập nhật" in news_row and "18/11/2024" in news_row


def test_another_app_adds_its_own_source(client, opened, make_member):
    school = opened("TH", "2024-2025")
    editor = make_member("editor", school=school)

    def directives(school_, now, horizon_days):
        return [
            TodoDue(
                "Chỉ đạo", "Báo cáo phòng chống bão", datetime.date(2024, 11, 25), "/admin/x/", "Mở"
            )
        ]

    with hooks.register_temporarily(SOURCE_HOOK, directives):
        panel = home(client, editor, at(datetime.date(2024, 11, 20), 9))
    item = row(panel, "Báo cáo phòng chống bão")
    assert "Chỉ đạo" in item and "Hạn chót 25/11/2024 (còn 5 ngày)" in item and "/admin/x/" in item


def test_other_schools_never_appear(client, opened, make_member):
    mine = opened("TH", "2024-2025", name="Trường Tiểu học Của Tôi")
    opened("TH", "2024-2025", name="Trường Tiểu học Người Khác")
    editor = make_member("editor", school=mine)
    client.force_login(editor)
    with simulated_now(at(datetime.date(2024, 11, 20), 9)):
        html = client.get("/admin/", HTTP_HOST=OFFICE).content.decode()
    assert "Việc cần làm – Trường Tiểu học Của Tôi" in html
    assert "Người Khác" not in html


# The "Đăng" button of a recurring item: a pre-filled draft -------------------------------------


def post_button(client, user, url, moment):
    client.force_login(user)
    with simulated_now(moment):
        return client.post(url, HTTP_HOST=OFFICE)


def test_recurring_button_opens_a_prefilled_draft(client, opened, make_member):
    from audit.models import ActivityEvent, DailyActivity
    from page_types.models import WeeklyMenuPage

    school = opened("MN", "2024-2025")
    editor = make_member("editor", school=school)
    wednesday = at(datetime.date(2024, 11, 20), 9)
    panel = home(client, editor, wednesday)
    url = draft_url(school, "menu", datetime.date(2024, 11, 25))
    # The button is a form posting with the page's CSRF token, not a link a GET could follow.
    assert f'<form method="post" action="{url}"' in row(panel, "kỳ bắt đầu 25/11/2024", "Thực đơn")

    response = post_button(client, editor, url, wednesday)
    menu = WeeklyMenuPage.objects.get(week_start=datetime.date(2024, 11, 25))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[menu.pk])
    section = MandatedSection.objects.get(school=school, key="thuc-don").page
    assert menu.get_parent().pk == section.pk and not menu.live and menu.owner == editor
    assert menu.title == "Thực đơn tuần 25/11/2024 – 30/11/2024"
    # The edit screen opens on it, its week already filled in.
    with simulated_now(wednesday):
        edit = client.get(response["Location"], HTTP_HOST=OFFICE)
    assert edit.status_code == 200
    html = edit.content.decode()
    assert 'value="Thực đơn tuần 25/11/2024 – 30/11/2024"' in html
    assert re.search(r'name="week_start"[^>]*value="25/11/2024"', html) or re.search(
        r'value="25/11/2024"[^>]*name="week_start"', html
    )

    # A second click opens the same draft.
    again = post_button(client, editor, url, wednesday)
    assert again["Location"] == response["Location"]
    assert WeeklyMenuPage.objects.filter(week_start=datetime.date(2024, 11, 25)).count() == 1

    # A draft is not a publication: the audit's ledger has nothing, the menu is still due.
    assert not ActivityEvent.objects.filter(page_id=menu.pk).exists()
    assert not DailyActivity.objects.filter(school_id=school.pk).exists()
    assert "kỳ bắt đầu 25/11/2024" in home(client, editor, wednesday)


def test_monthly_plan_button_sets_the_month(client, opened, make_member):
    from page_types.models import PlanPage

    school = opened("MN", "2024-2025")
    approver = make_member("approver", school=school)
    url = draft_url(school, "plan_month", datetime.date(2024, 12, 1))
    assert url in row(home(client, approver, at(datetime.date(2024, 11, 20), 9)), "01/12/2024")
    response = post_button(client, approver, url, at(datetime.date(2024, 11, 20), 9))
    plan = PlanPage.objects.get(period="month", period_start=datetime.date(2024, 12, 1))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[plan.pk])
    assert plan.period_end == datetime.date(2024, 12, 31) and not plan.live
    assert plan.title == "Kế hoạch tháng 12/2024"
    assert (
        plan.get_parent().pk == MandatedSection.objects.get(school=school, key="ke-hoach").page_id
    )


def test_recurring_button_refuses_get_other_schools_and_bad_periods(client, opened, make_member):
    from page_types.models import WeeklyMenuPage

    mine = opened("MN", "2024-2025")
    theirs = opened("MN", "2024-2025")
    editor = make_member("editor", school=mine)
    other_editor = make_member("editor", school=theirs)
    wednesday = at(datetime.date(2024, 11, 20), 9)
    url = draft_url(mine, "menu", datetime.date(2024, 11, 25))
    client.force_login(editor)
    with simulated_now(wednesday):
        assert client.get(url, HTTP_HOST=OFFICE).status_code == 405
    assert not WeeklyMenuPage.objects.exists()
    # Another school's editor: as if the school did not exist.
    assert post_button(client, other_editor, url, wednesday).status_code == 404
    assert not WeeklyMenuPage.objects.exists()
    # Not a Monday, not a recurring item: nothing to start.
    tuesday = reverse("regulations_todo_draft", args=[mine.pk, "menu", "2024-11-26"])
    assert post_button(client, editor, tuesday, wednesday).status_code == 404
    unknown = reverse("regulations_todo_draft", args=[mine.pk, "news", "2024-11-25"])
    assert post_button(client, editor, unknown, wednesday).status_code == 404
    assert not WeeklyMenuPage.objects.exists()


def test_recurring_button_with_csrf_checks(opened, make_member):
    from django.test import Client

    school = opened("MN", "2024-2025")
    editor = make_member("editor", school=school)
    client = Client(enforce_csrf_checks=True)
    wednesday = at(datetime.date(2024, 11, 20), 9)
    panel = home(client, editor, wednesday)
    url = draft_url(school, "menu", datetime.date(2024, 11, 25))
    with simulated_now(wednesday):
        assert client.post(url, HTTP_HOST=OFFICE).status_code == 403
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', panel).group(1)
        response = client.post(url, {"csrfmiddlewaretoken": token}, HTTP_HOST=OFFICE)
    assert response.status_code == 302 and "/edit/" in response["Location"]
