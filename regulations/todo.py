"""The editor's to-do list on the admin home: the school's mandated sections with their state
(fresh, stale, empty) and last update, and what is due in the next 14 days or overdue, each with
a button to the right form (for a recurring plan or menu, a post that opens that period's draft,
pre-filled: regulations/todo_drafts.py).

What is due comes from pluggable sources: functions registered with the Wagtail hook
``register_editor_todo_source``, called as ``source(school, now, horizon_days)`` and returning
``[TodoDue…]``. This app registers the disclosures and recurring items; higher apps (the audit's
corrective requests, directives) register theirs the same way, without this module naming them.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry

from page_types.blueprint.store import sections_for
from page_types.models import MandatedSection
from tenants.log_actions import PUBLISH_ACTIONS

from .deadlines import deadlines_many
from .todo_drafts import SECTIONS, draft_url

HORIZON_DAYS = 14
SOURCE_HOOK = "register_editor_todo_source"
FRESH, STALE, EMPTY = "fresh", "stale", "empty"
STATE_LABELS = {FRESH: _("Đang cập nhật"), STALE: _("Chậm cập nhật"), EMPTY: _("Chưa có bài")}


@dataclass
class TodoDue:
    """One thing to do by a date, with the button that starts it."""

    what: str  # "Công khai", "Đăng định kỳ", "Khắc phục"…
    title: str
    deadline: datetime.date
    url: str | None
    button: str
    detail: str = ""
    # "post" when the button starts something (a draft, a directive's answer): the panel renders
    # it as a form with the page's CSRF token, so that a GET (a prefetch, a crawler) does nothing.
    method: str = "get"

    def overdue(self, today):
        return self.deadline < today


@dataclass
class SectionState:
    title: str
    key: str
    state: str
    last_update: datetime.datetime | None
    cadence_days: int | None
    url: str
    button: str

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


def section_states(school, now):
    """The school's mandated sections in blueprint order, each with its state and last update
    (the last publication in its subtree, from the publication log: two queries)."""
    blueprint = dict(sections_for(school.level, school.serves_meals, authority=school.authority_id))
    mandated = {
        m.key: m.page
        for m in MandatedSection.objects.filter(school=school, key__in=blueprint).select_related(
            "page"
        )
    }
    paths = {page.path: key for key, page in mandated.items()}
    latest = {}
    rows = (
        PageLogEntry.objects.filter(
            action__in=PUBLISH_ACTIONS,
            page__path__startswith=school.root_page.path,
            page__live=True,
        )
        .values("page__path", "page__depth")
        .annotate(moment=Max("timestamp"))
    )
    for row in rows:
        path = row["page__path"]
        # Credit every section on the page's path (a post in a sub-section counts for both).
        for depth in range(len(path) // Page.steplen, 0, -1):
            key = paths.get(path[: depth * Page.steplen])
            if key is None:
                continue
            own = depth * Page.steplen == len(path)
            section = blueprint[key]
            if own and section.expects_items:
                continue  # the section page itself: its posts are what count
            if latest.get(key) is None or row["moment"] > latest[key]:
                latest[key] = row["moment"]
    states = []
    for key, section in blueprint.items():
        page = mandated.get(key)
        if page is None:
            continue
        moment = latest.get(key)
        if moment is None:
            state = EMPTY
        elif section.cadence_days and now - moment > datetime.timedelta(days=section.cadence_days):
            state = STALE
        else:
            state = FRESH
        if section.expects_items:
            url, button = reverse("wagtailadmin_pages:add_subpage", args=[page.pk]), _("Thêm bài")
        else:
            url, button = reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Sửa")
        states.append(
            SectionState(page.title, key, state, moment, section.cadence_days, url, button)
        )
    return states


def _has_section(school, source):
    key = SECTIONS.get(source)  # the section a recurring item's draft goes in
    return key is not None and MandatedSection.objects.filter(school=school, key=key).exists()


@hooks.register(SOURCE_HOOK)
def disclosure_and_recurring_source(school, now, horizon_days):
    """Disclosure items to publish or update, and the plans and menus of the open periods."""
    upcoming, overdue = deadlines_many([school], now, horizon_days)
    sources = {}
    out = []
    for due in overdue.get(school.pk, []) + upcoming.get(school.pk, []):
        if due.kind == "period":
            source = _recurring_source(due.code)
            if source not in sources:
                sources[source] = _has_section(school, source)
            out.append(
                TodoDue(
                    str(_("Đăng định kỳ")),
                    due.title,
                    due.deadline,
                    draft_url(school, source, due.period_start) if sources[source] else None,
                    str(_("Đăng")),
                    str(_("kỳ bắt đầu %(date)s") % {"date": due.period_start.strftime("%d/%m/%Y")}),
                    method="post",
                )
            )
        else:
            what = _("Cập nhật") if due.kind == "update" else _("Công khai")
            url = reverse("wagtailadmin_pages:edit", args=[due.page_id]) if due.page_id else None
            out.append(TodoDue(str(what), due.title, due.deadline, url, str(_("Mở mục"))))
    return out


def _recurring_source(code):
    from .models import Item

    return Item.objects.filter(code=code).values_list("source", flat=True).first()


def due_items(school, now, horizon_days=HORIZON_DAYS):
    """Everything the registered sources say is due within the horizon or overdue, soonest
    first."""
    items = []
    for source in hooks.get_hooks(SOURCE_HOOK):
        items.extend(source(school, now, horizon_days))
    return sorted(items, key=lambda d: (d.deadline, d.title))


class TodoPanel(Component):
    """One school's to-do list (the editor's home; separate from the disclosure checklist)."""

    name = "editor_todo"
    template_name = "regulations/admin/todo_panel.html"
    order = 40

    def __init__(self, schools):
        self.schools = list(schools)

    def get_context_data(self, parent_context):
        now = timezone.now()
        today = timezone.localdate(now)
        blocks = []
        for school in self.schools:
            dues = due_items(school, now)
            blocks.append(
                {
                    "school": school,
                    "sections": section_states(school, now),
                    "dues": [
                        {
                            "item": d,
                            "overdue": d.overdue(today),
                            "days_left": (d.deadline - today).days,
                        }
                        for d in dues
                    ],
                }
            )
        # The post buttons need the page's CSRF token: a Component has a context of its own.
        return {
            "blocks": blocks,
            "horizon": HORIZON_DAYS,
            "today": today,
            "csrf_token": parent_context.get("csrf_token"),
        }
