"""The printable minutes of one school's inspection (biên bản kiểm tra): the frozen findings,
the inspectors' notes, the corrective requests and the follow-ups, each stating the rubric
version it was scored under. Dates dd/mm/yyyy, times Asia/Ho_Chi_Minh."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from tenants.clock import TZ

from . import access, scoring
from .inspections import inspected_for_office


def _day(text):
    return datetime.date.fromisoformat(text) if text else None


class MinutesView(access.Forbidden403Mixin, TemplateView):
    template_name = "audit/inspections/minutes.html"

    def check_access(self, request, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
        if not access.can_inspect(request.user):
            raise PermissionDenied
        self.inspected = inspected_for_office(request.user, kwargs["pk"])
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inspected = self.inspected
        snapshot = inspected.snapshot
        inspection = inspected.inspection
        follow_ups = [
            {
                "as_of": f.as_of,
                "performed_at": f.performed_at.astimezone(TZ),
                "score": f.snapshot["score"],
                "band": f.snapshot["band"],
                "rubric": f.snapshot["rubric"],
                "resolved": f.resolved,
                "remaining": f.remaining,
            }
            for f in inspected.follow_ups.order_by("performed_at", "pk")
        ]
        context.update(
            {
                "inspected": inspected,
                "inspection": inspection,
                "school": inspected.school,
                "snapshot": snapshot,
                "opened_at": inspection.opened_at.astimezone(TZ),
                "criteria": [
                    {
                        "label": scoring.CRITERION_LABELS[name],
                        "points": snapshot["points"][name],
                        "max": snapshot.get("weights", {}).get(name),
                    }
                    for name, _field in scoring.CRITERIA
                ],
                "flags": [
                    {**f, "moment": datetime.datetime.fromisoformat(f["published_at"])}
                    for f in snapshot["flags"]
                ],
                "last_update": _day(snapshot.get("last_update")),
                "requests": [
                    {
                        "item": r,
                        "answered_at": r.answered_at.astimezone(TZ) if r.answered_at else None,
                    }
                    for r in inspected.requests.order_by("due_date", "pk")
                ],
                "follow_ups": follow_ups,
            }
        )
        return context
