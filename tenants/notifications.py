"""E-mail the school's approvers when a page is submitted to them, and the submitter when it
is approved or sent back: on the task worker, after the commit, each message once.

Wagtail's own submission notifier only knows GroupApprovalTask (its groups are fixed on the
task); our one shared SchoolApprovalTask finds the approvers from the page's school, so the
recipients are found the same way here. Connected in TenantsConfig.ready()."""

from functools import partial

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    send_mail,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from portal.delivery import send_once
from portal.tasks import enqueue_after_commit

from .models import School, SchoolApprovalTask, site_root_url
from .models.approval_task import approver_groups_for_page


def approvers_to_notify(page, submitter=None):
    """Active approvers of the page's school with an address who accept these e-mails."""
    from wagtail.users.models import UserProfile

    group_ids = approver_groups_for_page(page)
    if not group_ids:
        return []
    users = (
        get_user_model()
        .objects.filter(groups__id__in=group_ids, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    if submitter is not None:
        users = users.exclude(pk=submitter.pk)
    return [u for u in users if UserProfile.get_for_user(u).submitted_notifications]


def _display_name(user):
    if user is None:
        return _("Một biên tập viên")
    return user.get_full_name() or user.get_username()


def submission_message(page, submitter):
    from django.conf import settings

    school = School.for_page(page)
    owner = school.name if school else _("Phòng/Sở")
    edit_url = site_root_url(settings.PORTAL_DOMAIN) + reverse(
        "wagtailadmin_pages:edit", args=(page.pk,)
    )
    subject = _("[%(owner)s] Bài chờ duyệt: %(title)s") % {"owner": owner, "title": page.title}
    body = _(
        "%(who)s vừa gửi trang “%(title)s” (%(kind)s) của %(owner)s để Ban giám hiệu duyệt.\n\n"
        "Xem, duyệt và xuất bản, hoặc yêu cầu sửa tại:\n%(url)s\n\n"
        "Bài chỉ hiện trên cổng thông tin sau khi được duyệt.\n"
        "Bạn nhận thư này vì là người duyệt bài của đơn vị; có thể tắt thông báo trong "
        "mục Tài khoản của trang quản trị."
    ) % {
        "who": _display_name(submitter),
        "title": page.title,
        "kind": page.specific_class._meta.verbose_name if page.specific_class else "",
        "owner": owner,
        "url": edit_url,
    }
    return subject, body


class MailNotSent(Exception):
    """The mail server refused a notice: the task fails and is retried."""


@task()
def send_submission_notice(task_state_id, submitter_id):
    """E-mail the approvers of the page's school about a submission, each at most once."""
    state = TaskState.objects.filter(pk=task_state_id).select_related("workflow_state").first()
    page = state and state.workflow_state.content_object
    if not isinstance(page, Page):
        return 0
    # Read now, after the commit: the submission may have changed the title.
    page = Page.objects.get(pk=page.pk)
    submitter = get_user_model().objects.filter(pk=submitter_id).first()
    subject, body = submission_message(page, submitter)
    sent = 0
    for recipient in approvers_to_notify(page, submitter):
        # One message each: approvers of a school do not see each other's addresses.
        sent += send_once(
            f"submitted:{task_state_id}:{recipient.pk}",
            partial(send_mail, subject, body, [recipient.email], fail_silently=False),
        )
    return sent


def notify_school_approvers(sender, instance, user=None, **kwargs):
    task_state = instance
    if not isinstance(task_state.task.specific, SchoolApprovalTask):
        return
    if not isinstance(task_state.workflow_state.content_object, Page):
        return
    enqueue_after_commit(send_submission_notice, task_state.pk, getattr(user, "pk", None))


task_submitted.connect(
    notify_school_approvers, sender=TaskState, dispatch_uid="school_approval_task_submitted_email"
)


# --- approval and rejection: Wagtail's notices, sent by the worker --------------------------

OUTCOME_NOTIFIERS = {
    "approved": WorkflowStateApprovalEmailNotifier,
    "rejected": WorkflowStateRejectionEmailNotifier,
}


@task()
def send_workflow_outcome(outcome, workflow_state_id, task_state_id, user_id):
    """Wagtail's "approved"/"rejected" e-mail to the submitter, each at most once."""
    notifier = OUTCOME_NOTIFIERS[outcome]()
    state = WorkflowState.objects.filter(pk=workflow_state_id).first()
    if state is None or not notifier.can_handle(state):
        return 0
    user = get_user_model().objects.filter(pk=user_id).first()
    recipients = notifier.get_valid_recipients(state, user=user)
    if not recipients:
        return 0
    context = notifier.get_context(state, user=user)
    task_state = TaskState.objects.filter(pk=task_state_id).first()
    if outcome == "rejected" and task_state is not None:
        # The rejection being told, even if the page was resubmitted since.
        task_state = task_state.specific
        context.update(
            task=task_state.task, task_state=task_state, comment=task_state.get_comment()
        )
    template_set = notifier.get_template_set(state)

    def send(recipient):
        if not notifier.send_emails(template_set, dict(context), [recipient]):
            raise MailNotSent(recipient.pk)

    return sum(
        send_once(f"{outcome}:{task_state_id}:{recipient.pk}", partial(send, recipient))
        for recipient in sorted(recipients, key=lambda r: r.pk)
    )


def _queue_outcome(outcome):
    def receiver(sender, instance, user=None, **kwargs):
        enqueue_after_commit(
            send_workflow_outcome,
            outcome,
            instance.pk,
            instance.current_task_state_id,
            getattr(user, "pk", None),
        )

    return receiver


queue_approved_notice = _queue_outcome("approved")
queue_rejected_notice = _queue_outcome("rejected")

# Wagtail's admin app (after tenants in INSTALLED_APPS) connects its own notifiers under these
# dispatch_uids; a signal keeps one receiver per uid and sender, so ours, connected first, take
# their place: the same e-mails, sent by the worker after the commit instead of in the request.
workflow_approved.connect(
    queue_approved_notice,
    sender=WorkflowState,
    dispatch_uid="workflow_state_approved_email_notification",
)
workflow_rejected.connect(
    queue_rejected_notice,
    sender=WorkflowState,
    dispatch_uid="workflow_state_rejected_email_notification",
)
