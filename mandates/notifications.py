"""E-mails to the schools' approvers (Ban giám hiệu): a directive has arrived, and its deadline
is two days away. Sent by tasks (portal/tasks.py), each message once per key
(portal/delivery.py), so a task that runs twice sends nothing twice."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from portal.delivery import send_once
from tenants.clock import local_date
from tenants.models import Membership

from .models import Directive, Target
from .progress import verdicts
from .status import Status

REMIND_DAYS_BEFORE = 2


def directive_url(directive):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "mandates:detail", args=[directive.pk]
    )


def approver_addresses(school):
    users = get_user_model().objects.filter(
        is_active=True,
        memberships__school=school,
        memberships__role=Membership.Role.APPROVER,
    )
    return sorted({u.email for u in users if u.email})


def _send(name, subject, context, recipient):
    text = render_to_string(f"mandates/email/{name}.txt", context)
    html = render_to_string(f"mandates/email/{name}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
    message.attach_alternative(html, "text/html")
    message.send()


def _mail_targets(targets, name, subject_text, key_prefix):
    sent = 0
    with translation.override("vi"):
        for target in targets:
            directive = target.directive
            context = {
                "directive": directive,
                "school": target.school,
                "url": directive_url(directive),
            }
            subject = subject_text % {
                "school": target.school.name,
                "title": directive.title,
                "due": directive.deadline.strftime("%d/%m/%Y"),
            }
            for recipient in approver_addresses(target.school):
                key = f"{key_prefix}:{target.pk}:{recipient}"
                mail = lambda r=recipient, s=subject, c=context: _send(name, s, c, r)  # noqa: E731
                if send_once(key, mail):
                    sent += 1
    return sent


@task()
def notify_directive_issued(directive_id):
    """To each target school's approvers: the directive, its deadline and its link."""
    targets = Target.objects.filter(directive_id=directive_id).select_related(
        "school", "directive", "directive__authority"
    )
    with translation.override("vi"):
        subject = _("[%(school)s] Chỉ đạo mới: %(title)s (hạn %(due)s)")
    return _mail_targets(targets, "issued", subject, "directive-issued")


def due_reminder_targets(today):
    """Targets whose deadline is REMIND_DAYS_BEFORE days after `today` and not done yet."""
    due = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    result = []
    for directive in Directive.objects.filter(deadline=due).select_related("authority"):
        targets = list(directive.targets.select_related("school", "directive"))
        judged = verdicts(directive, targets)
        result += [t for t in targets if judged[t.pk].status != Status.DONE]
    return result


@task()
def remind_directives_due():
    """Daily: the approvers of schools that have not done a directive due in two days."""
    targets = due_reminder_targets(local_date(timezone.now()))
    with translation.override("vi"):
        subject = _("[%(school)s] Nhắc hạn chỉ đạo: %(title)s (hạn %(due)s)")
    return _mail_targets(targets, "reminder", subject, "directive-due")
