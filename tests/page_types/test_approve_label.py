"""The approver's buttons say "Duyệt và xuất bản" once: the task's own label, not Wagtail's
"%(label)s và xuất bản" wrapped around it."""

import re

from django.urls import reverse

from .test_workflow import OFFICE, create_article, submit


def test_approve_action_reads_once_in_the_editor(client, editor, approver, school):
    client.force_login(editor)
    page = submit(client, create_article(client, school))
    client.force_login(approver)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), HTTP_HOST=OFFICE
    ).content.decode()
    buttons = re.findall(
        r'data-workflow-action-name="(\w+)"[^>]*>\s*(?:<svg.*?</svg>)?([^<]+)<', html, re.S
    )
    labels = [(name, label.strip()) for name, label in buttons]
    assert ("approve", "Duyệt và xuất bản") in labels
    assert ("approve", "Duyệt kèm ghi chú") in labels
    assert ("reject", "Yêu cầu sửa") in labels
    assert "và xuất bản và xuất bản" not in html
