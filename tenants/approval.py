"""The one workflow every school's pages go through, and how its actions read in the editor.
The task itself is a model: tenants/models/approval_task.py."""

from .models import SchoolApprovalTask


def keep_task_labels(menu_items, request, context):
    """Wagtail appends its "%(label)s and Publish" to the final task's approve actions in the
    page editor's menu; our labels already say it ("Duyệt và xuất bản"), so the approver would
    read it twice. Show the task's own labels, the same as on the dashboard and in the modal."""
    from django.utils.translation import gettext
    from wagtail.admin.action_menu import WorkflowMenuItem

    page = context.get("page")
    task = page.current_workflow_task if page is not None else None
    if not isinstance(task, SchoolApprovalTask):
        return
    own = {}
    for name, label, _modal in task.get_actions(page, request.user):
        own[(name, gettext("%(label)s and Publish") % {"label": label})] = label
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem):
            item.label = own.get((item.name, str(item.label)), item.label)


def get_school_workflow():
    """The single shared workflow, created on first use."""
    from wagtail.models import Workflow, WorkflowTask

    workflow, _created = Workflow.objects.get_or_create(name="Duyệt bài của trường")
    task = SchoolApprovalTask.objects.filter(name="Ban giám hiệu duyệt").first()
    if task is None:
        task = SchoolApprovalTask.objects.create(name="Ban giám hiệu duyệt")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow
