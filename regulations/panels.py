"""The editor's disclosure checklist on the admin home page: the current school year of the
user's own school(s) only."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from tenants.models import Membership, School

from .deadlines import deadlines_many
from .statuses import LIVE_STATUSES, NEEDS_UPDATE, STATUS_LABELS, year_statuses

WINDOW_DAYS = 30


def schools_of(user):
    """The schools where the user is an editor or approver (never another school)."""
    if not user.is_authenticated:
        return School.objects.none()
    return (
        School.objects.filter(
            memberships__user=user, memberships__role__in=Membership.SCHOOL_ROLES, is_active=True
        )
        .select_related("authority", "root_page")
        .distinct()
    )


def _edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id]) if page_id else None


class DisclosureChecklistPanel(Component):
    name = "disclosure_checklist"
    template_name = "regulations/admin/checklist_panel.html"
    order = 50

    def __init__(self, schools):
        self.schools = list(schools)

    def get_context_data(self, parent_context):
        now = timezone.now()
        today = timezone.localdate(now)
        years = year_statuses(self.schools, now)
        upcoming, overdue = deadlines_many(self.schools, now, WINDOW_DAYS)
        blocks = []
        for school in self.schools:
            year = years[school.pk]
            todo = []
            for due in overdue.get(school.pk, []) + upcoming.get(school.pk, []):
                todo.append(
                    {
                        "title": due.title,
                        "code": due.code,
                        "kind": due.kind,
                        "deadline": due.deadline,
                        "period_start": due.period_start,
                        "overdue": due.deadline < today,
                        "days_left": (due.deadline - today).days,
                        "school_year": due.school_year,
                        "edit_url": _edit_url(due.page_id),
                    }
                )
            items = [
                {
                    "title": s.title,
                    "code": s.code,
                    "status": s.status,
                    "status_label": STATUS_LABELS[s.status],
                    "deadline": s.deadline,
                    "update_due": s.update_due,
                    "published_at": s.published_at,
                    "edit_url": _edit_url(s.page_id),
                    "url": s.url,
                    "tone": _tone(s, today),
                }
                for s in year.items
            ]
            blocks.append(
                {
                    "school": school,
                    "year": year,
                    "items": items,
                    "todo": todo,
                    "published": sum(1 for s in year.items if s.status in LIVE_STATUSES),
                    "total": len(year.items),
                    "overdue_count": sum(1 for t in todo if t["overdue"]),
                    "window": WINDOW_DAYS,
                }
            )
        return {"blocks": blocks, "today": today}


def _tone(status, today):
    if status.status == NEEDS_UPDATE:
        return "warning"
    if status.status in LIVE_STATUSES:
        return "success" if status.on_time else "info"
    if status.deadline < today:
        return "critical"
    if status.deadline <= today + datetime.timedelta(days=WINDOW_DAYS):
        return "warning"
    return "neutral"
