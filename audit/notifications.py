"""E-mails that close an inspection's loop: the school's approvers hear of a corrective request
when the office sends it, the office hears when the school answers. Vietnamese, plain text and
HTML. Sent by a task after the transaction commits, so a rolled-back request sends nothing and
a slow mail server never holds up the inspector's page."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from tenants.models import Membership

from .access import OFFICE_ROLES
from .models import CorrectiveRequest


def admin_url(name, **kwargs):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def addresses(users):
    return sorted({u.email for u in users if u.is_active and u.email})


def members(**filters):
    return (
        get_user_model()
        .objects.filter(memberships__in=Membership.objects.filter(**filters))
        .distinct()
    )


def send(name, subject, context, recipients):
    """One message per recipient (addresses are not shown to each other)."""
    text = render_to_string(f"audit/email/{name}.txt", context)
    html = render_to_string(f"audit/email/{name}.html", context)
    for recipient in recipients:
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
        message.attach_alternative(html, "text/html")
        message.send()
    return len(recipients)


def _request(pk):
    return (
        CorrectiveRequest.objects.select_related(
            "inspected__school", "inspected__inspection__authority", "answered_by"
        )
        .filter(pk=pk)
        .first()
    )


@task()
def notify_request_sent(request_id):
    """To the school's approvers (Ban giám hiệu): a new corrective request and its due date."""
    item = _request(request_id)
    if item is None:  # deleted before the task ran
        return 0
    school = item.inspected.school
    with translation.override("vi"):
        subject = _("[%(school)s] Yêu cầu khắc phục sau kiểm tra, hạn %(due)s") % {
            "school": school.name,
            "due": item.due_date.strftime("%d/%m/%Y"),
        }
        context = {
            "item": item,
            "school": school,
            "inspection": item.inspected.inspection,
            "url": admin_url("audit_inspections:answer", pk=item.pk),
        }
        recipients = addresses(members(school=school, role=Membership.Role.APPROVER))
        return send("request_sent", subject, context, recipients)


@task()
def notify_request_answered(request_id):
    """To the office: whoever opened the inspection, and the admins and auditors of its
    authority."""
    item = _request(request_id)
    if item is None:
        return 0
    inspection = item.inspected.inspection
    users = get_user_model().objects.filter(
        Q(pk=inspection.opened_by_id)
        | Q(
            memberships__in=Membership.objects.filter(
                authority=inspection.authority, role__in=OFFICE_ROLES
            )
        )
    )
    with translation.override("vi"):
        subject = _("[%(school)s] Trường đã trả lời yêu cầu khắc phục") % {
            "school": item.inspected.school.name
        }
        context = {
            "item": item,
            "school": item.inspected.school,
            "inspection": inspection,
            "url": admin_url("audit_inspections:school", pk=item.inspected_id),
        }
        return send("request_answered", subject, context, addresses(users.distinct()))


def request_sent(item):
    transaction.on_commit(lambda: notify_request_sent.enqueue(item.pk))


def request_answered(item):
    transaction.on_commit(lambda: notify_request_answered.enqueue(item.pk))
