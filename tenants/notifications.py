"""E-mail the school's approvers when a page is submitted to them.

Wagtail's own submission notifier only knows GroupApprovalTask (its groups are fixed on the
task); our one shared SchoolApprovalTask finds the approvers from the page's school, so the
recipients are found the same way here. Connected in TenantsConfig.ready()."""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.mail import send_mail
from wagtail.models import Page, TaskState
from wagtail.signals import task_submitted

from .approval import SchoolApprovalTask, approver_groups_for_page
from .models import School, site_root_url

logger = logging.getLogger(__name__)


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


def notify_school_approvers(sender, instance, user=None, **kwargs):
    task_state = instance
    if not isinstance(task_state.task.specific, SchoolApprovalTask):
        return
    page = task_state.workflow_state.content_object
    if not isinstance(page, Page):
        return
    page_id, submitter_id = page.pk, getattr(user, "pk", None)

    def send():
        # Re-read after commit: the submission might have changed the title.
        fresh = Page.objects.filter(pk=page_id).first()
        if fresh is None:
            return
        submitter = get_user_model().objects.filter(pk=submitter_id).first()
        subject, body = submission_message(fresh, submitter)
        for recipient in approvers_to_notify(fresh, submitter):
            try:
                # One message each: approvers of a school do not see each other's addresses.
                send_mail(subject, body, [recipient.email])
            except Exception:  # noqa: BLE001 - a mail outage must not break the editor's submit
                logger.exception("Could not e-mail approver %s", recipient.pk)

    transaction.on_commit(send)


task_submitted.connect(
    notify_school_approvers, sender=TaskState, dispatch_uid="school_approval_task_submitted_email"
)
