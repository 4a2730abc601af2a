"""The school's open directives in its editors' to-do list (regulations/todo.py): each with its
deadline, when overdue or due within the list's horizon, and the button the school's
directive panel has (start answering it, or read and acknowledge it)."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from tenants.clock import local_date

from .models import Action
from .services import open_directives_for


@hooks.register("register_editor_todo_source")
def directives_source(school, now, horizon_days):
    """Imported by mandates/wagtail_hooks.py, which Wagtail loads at startup."""
    from regulations.todo import TodoDue

    horizon = local_date(now) + datetime.timedelta(days=horizon_days)
    out = []
    for directive, target, _verdict in open_directives_for(school, now):
        if directive.deadline > horizon:
            continue
        if directive.action == Action.ACKNOWLEDGE:
            # Only the approver confirms, on the directive's own screen (read it first).
            url = reverse("mandates:detail", args=[directive.pk])
            button, method = _("Xem và xác nhận"), "get"
        else:
            url = reverse("mandates:start", args=[target.pk])
            button, method = _("Bắt đầu thực hiện"), "post"
        out.append(
            TodoDue(
                _("Chỉ đạo"),
                directive.title,
                directive.deadline,
                url,
                button,
                directive.authority.name,
                method=method,
            )
        )
    return out
