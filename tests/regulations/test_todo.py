"""The editor's home is a to-do list: at a chosen date, a school with known deadlines shows what
is overdue and due in the next 14 days (each with the button to its form), and its mandated
sections with their state and last update. Sources are pluggable through a hook."""

import datetime

from django.urls import reverse
from wagtail import hooks

from page_types.models import MandatedSection
from regulations.todo import SOURCE_HOOK, TodoDue
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
    menu_form = reverse(
        "wagtailadmin_pages:add",
        args=(
            "page_types",
            "weeklymenupage",
            MandatedSection.objects.get(school=school, key="thuc-don").page_id,
        ),
    )
    overdue = row(panel, "Quá hạn từ 15/11/2024", "Thực đơn")
    assert "kỳ bắt đầu 18/11/2024" in overdue and menu_form in overdue
    due = row(panel, "Hạn chót 22/11/2024 (còn 2 ngày)", "Thực đơn")
    assert "kỳ bắt đầu 25/11/2024" in due and menu_form in due
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
