"""The school staff's dashboard shows how many parents follow each list (no addresses)."""

from django.template.loader import render_to_string
from wagtail import hooks

from tenants.isolation.scope import scope_for_user
from tenants.models import School

from .counts import list_counts

# Office staff see many schools; the panel lists a few, the busiest first.
PANEL_SCHOOLS = 20


class SubscribersPanel:
    name = "subscribers"
    order = 300

    def __init__(self, schools, counts):
        self.schools = schools
        self.counts = counts

    def render_html(self, parent_context=None):
        rows = [(school, self.counts.get(school.pk)) for school in self.schools]
        return render_to_string("subscriptions/dashboard_panel.html", {"rows": rows})

    @property
    def media(self):
        from django.forms import Media

        return Media()


@hooks.register("construct_homepage_panels")
def add_subscribers_panel(request, panels):
    scope = scope_for_user(request.user)
    if scope.unrestricted or not scope.school_roles:
        return
    schools = list(
        School.objects.filter(pk__in=scope.school_roles).order_by("name")[:PANEL_SCHOOLS]
    )
    if schools:
        panels.append(SubscribersPanel(schools, list_counts([s.pk for s in schools])))
