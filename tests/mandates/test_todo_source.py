"""Directives in the editors' to-do list (mandates/todo_source.py): at a chosen date, the school's
open directives overdue or due within 14 days, each with its button; never another school's."""

import datetime

from django.urls import reverse

from mandates.models import Action, Directive, Target
from tenants.clock import TZ, simulated_now
from tenants.models import Membership


def moment(month, day, hour=9):
    return datetime.datetime(2026, month, day, hour, tzinfo=TZ)


def directive(authority, title, deadline, school, action=Action.PUBLISH_POST):
    d = Directive.objects.create(
        authority=authority,
        title=title,
        body="Các trường thực hiện theo công văn.",
        deadline=deadline,
        action=action,
        section_key="tin-tuc",
        issued_at=moment(11, 1),
    )
    return Target.objects.create(directive=d, school=school)


def todo_panel(client, user, when):
    client.force_login(user)
    with simulated_now(when):
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('id="editor-todo-', 1)[1].split('id="disclosure-checklist-', 1)[0]


def item(panel, text):
    for chunk in panel.split("</li>"):
        if text in chunk:
            return chunk
    raise AssertionError(f"{text!r} not in the to-do panel")


def test_open_directives_due_and_overdue(client, authority, schools, make_member):
    a, b = schools["a"], schools["b"]
    editor = make_member(Membership.Role.EDITOR, school=a, username="a.bientap")
    soon = directive(authority, "Đăng bài phòng chống bão số 9", datetime.date(2026, 11, 25), a)
    late = directive(authority, "Báo cáo an toàn trường học", datetime.date(2026, 11, 15), a)
    directive(
        authority, "Xác nhận lịch thi học kỳ", datetime.date(2026, 11, 24), a, Action.ACKNOWLEDGE
    )
    directive(authority, "Tổng kết phong trào thi đua", datetime.date(2026, 12, 20), a)
    directive(authority, "Chỉ đạo riêng của trường Phước Hiệp", datetime.date(2026, 11, 22), b)

    panel = todo_panel(client, editor, moment(11, 20))
    due = item(panel, "Đăng bài phòng chống bão số 9")
    assert "Chỉ đạo" in due and "Hạn chót 25/11/2026 (còn 5 ngày)" in due
    assert authority.name in due
    assert f'<form method="post" action="{reverse("mandates:start", args=[soon.pk])}"' in due
    overdue = item(panel, "Báo cáo an toàn trường học")
    assert "Quá hạn từ 15/11/2026" in overdue
    assert reverse("mandates:start", args=[late.pk]) in overdue
    acknowledge = item(panel, "Xác nhận lịch thi học kỳ")
    assert "Xem và xác nhận" in acknowledge and "<form" not in acknowledge
    # Beyond the 14 days, and another school's: not listed.
    assert "Tổng kết phong trào thi đua" not in panel
    assert "Phước Hiệp" not in panel

    # The button starts the answer: a draft, opened in the editor.
    client.force_login(editor)
    with simulated_now(moment(11, 20)):
        response = client.post(reverse("mandates:start", args=[soon.pk]))
    assert response.status_code == 302 and "/edit/" in response["Location"]
