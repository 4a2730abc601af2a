"""Weekly reminders. Each school's approvers: sections going stale, deadlines in the next 14 days,
overdue items and corrective requests past due. Each office's admins and auditors: schools in
band Yếu, overdue disclosures and corrective requests its schools left past due.
A (recipient, subject) pair is sent at most once per ISO week (ReminderLog)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from mandates.summaries import open_by_school
from tenants.models import Authority, Membership, School

from . import engine
from .access import OFFICE_ROLES
from .models import CorrectiveRequest, ReminderLog
from .notifications import addresses, admin_url, members
from .sources import disclosure as disclosure_source

UPCOMING_DAYS = 14
DISCLOSURE_KINDS = ("publish", "update")


@dataclass
class Outcome:
    sent: list = field(default_factory=list)  # (recipient, key)
    skipped: list = field(default_factory=list)  # already sent this week


def _send_once(outcome, recipient, key, as_of, subject, text, html):
    year, week, _day = as_of.isocalendar()
    if ReminderLog.objects.filter(
        recipient=recipient, key=key, iso_year=year, iso_week=week
    ).exists():
        outcome.skipped.append((recipient, key))
        return
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
    message.attach_alternative(html, "text/html")
    message.send()
    try:
        with transaction.atomic():
            ReminderLog.objects.create(
                recipient=recipient, key=key, iso_year=year, iso_week=week, subject=subject[:255]
            )
    except IntegrityError:
        pass  # another run logged it at the same moment
    outcome.sent.append((recipient, key))


def _render(name, context):
    return (
        render_to_string(f"audit/email/{name}.txt", context),
        render_to_string(f"audit/email/{name}.html", context),
    )


def send_reminders(as_of):
    with translation.override("vi"):
        return _send_all(as_of)


def _send_all(as_of):
    outcome = Outcome()
    schools = list(School.objects.filter(is_active=True).select_related("authority"))
    run = engine.run_audit(School.objects.filter(pk__in=[s.pk for s in schools]), as_of)
    rows = {row["school_id"]: row for row in run.rows}
    upcoming = disclosure_source.upcoming_deadlines(schools, as_of, UPCOMING_DAYS)
    overdue = disclosure_source.overdue_items(schools, as_of)
    late_requests = defaultdict(list)
    for item in (
        CorrectiveRequest.overdue(as_of)
        .select_related("inspected__inspection")
        .order_by("due_date", "pk")
    ):
        late_requests[item.inspected.school_id].append(item)
    directives = open_by_school(schools, as_of)

    for school in schools:
        row = rows.get(school.pk)
        if row is None:
            continue
        stale = [s for s in row["sections"] if s["required"] and s["status"] != "fresh"]
        soon = upcoming.get(school.pk, [])
        late = overdue.get(school.pk, [])
        requests = late_requests.get(school.pk, [])
        open_directives = directives.get(school.pk, [])
        if not (stale or soon or late or requests or open_directives):
            continue
        context = {
            "school": school,
            "as_of": as_of,
            "row": row,
            "stale": stale,
            "upcoming": soon,
            "overdue": late,
            "requests": requests,
            "requests_url": admin_url("audit_inspections:my_requests"),
            "directives": open_directives,
            "directives_url": admin_url("mandates:index"),
            "days": UPCOMING_DAYS,
            "url": admin_url("audit:school", school_id=school.pk),
        }
        subject = _("[%(school)s] Nhắc việc cập nhật cổng thông tin, tuần %(day)s") % {
            "school": school.name,
            "day": as_of.strftime("%d/%m/%Y"),
        }
        text, html = _render("school_reminder", context)
        for recipient in addresses(members(school=school, role=Membership.Role.APPROVER)):
            _send_once(outcome, recipient, f"school:{school.pk}", as_of, subject, text, html)

    by_authority = defaultdict(list)
    for school in schools:
        by_authority[school.authority.path].append(school)
    for authority in Authority.objects.all():
        subtree = [
            school
            for path, items in by_authority.items()
            if path.startswith(authority.path)
            for school in items
        ]
        weak = [
            {**row, "url": admin_url("audit:school", school_id=row["school_id"])}
            for row in sorted(
                (rows[s.pk] for s in subtree if s.pk in rows and rows[s.pk]["band"] == "Yếu"),
                key=lambda r: (r["score"], r["code"]),
            )
        ]
        late = []
        for school in sorted(subtree, key=lambda s: (s.level, s.name)):
            items = [d for d in overdue.get(school.pk, []) if d["kind"] in DISCLOSURE_KINDS]
            if items:
                late.append(
                    {
                        "school": school,
                        "items": items,
                        "url": admin_url("audit:school", school_id=school.pk),
                    }
                )
        requests = [
            {
                "school": school,
                "item": item,
                "url": admin_url("audit_inspections:school", pk=item.inspected_id),
            }
            for school in sorted(subtree, key=lambda s: (s.level, s.name))
            for item in late_requests.get(school.pk, [])
        ]
        late_directives = [
            {"school": school, "directive": directive}
            for school in sorted(subtree, key=lambda s: (s.level, s.name))
            for directive, verdict in directives.get(school.pk, [])
            if verdict.status == "overdue"
        ]
        if not (weak or late or requests or late_directives):
            continue
        recipients = addresses(members(authority=authority, role__in=OFFICE_ROLES))
        if not recipients:
            continue
        context = {
            "authority": authority,
            "as_of": as_of,
            "weak": weak,
            "overdue": late,
            "requests": requests,
            "late_directives": late_directives,
            "dashboard_url": admin_url("audit:dashboard"),
        }
        subject = _("[%(office)s] Tình hình cập nhật cổng thông tin các trường, tuần %(day)s") % {
            "office": authority.name,
            "day": as_of.strftime("%d/%m/%Y"),
        }
        text, html = _render("office_reminder", context)
        for recipient in recipients:
            _send_once(outcome, recipient, f"office:{authority.pk}", as_of, subject, text, html)
    return outcome
