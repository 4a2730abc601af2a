"""The to-do list's "Đăng" button for a recurring item: a draft of the right page type in the
right section, with its title and period already set, opened in the editor.

Wagtail's create form takes no initial values from the URL, so the button posts here instead:
the draft is created (never published: the audit counts publications only) and the editor
lands on its edit screen. A second click for the same period opens the same draft.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from page_types.models import MandatedSection, PlanPage, WeeklyMenuPage
from page_types.models.plans import Period
from tenants.log_actions import CREATE_ACTION

from .panels import schools_of

URL_NAME = "regulations_todo_draft"
# Recurring item source → the blueprint key of its section.
SECTIONS = {"menu": "thuc-don", "plan_week": "ke-hoach", "plan_month": "ke-hoach"}


def draft_url(school, source, period_start):
    """The button's target for `source`'s period starting `period_start`, or None."""
    if source not in SECTIONS:
        return None
    return reverse(URL_NAME, args=[school.pk, source, period_start.isoformat()])


def _period(source, start):
    """(start, end) of the period, or None when `start` does not begin one."""
    if source == "plan_month":
        if start.day != 1:
            return None
        return start, (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(1)
    if start.weekday() != 0:
        return None
    return start, start + datetime.timedelta(days=6)


def _existing(school, source, start, end):
    """The school's page (draft or not) for that period, wherever it sits in its site."""
    if source == "menu":
        qs = WeeklyMenuPage.objects.filter(week_start=start)
    else:
        period = Period.MONTH if source == "plan_month" else Period.WEEK
        qs = PlanPage.objects.filter(period=period, period_start__range=(start, end))
    return qs.descendant_of(school.root_page).order_by("pk").first()


def _new_page(source, start, end, user):
    day = "%d/%m/%Y"
    if source == "menu":
        page = WeeklyMenuPage(week_start=start, days=[])
        title = _("Thực đơn tuần %(start)s – %(end)s") % {
            "start": start.strftime(day),
            "end": page.week_end.strftime(day),
        }
        slug = f"thuc-don-{start.isoformat()}"
    elif source == "plan_week":
        page = PlanPage(period=Period.WEEK, period_start=start, period_end=end)
        title = _("Kế hoạch tuần %(start)s – %(end)s") % {
            "start": start.strftime(day),
            "end": end.strftime(day),
        }
        slug = f"ke-hoach-tuan-{start.isoformat()}"
    else:
        page = PlanPage(period=Period.MONTH, period_start=start, period_end=end)
        title = _("Kế hoạch tháng %(month)s") % {"month": start.strftime("%m/%Y")}
        slug = f"ke-hoach-thang-{start.strftime('%Y-%m')}"
    page.title = title
    page.slug = slug
    page.live = False
    page.owner = user
    return page


def _free_slug(parent, slug):
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def open_period_draft(school, source, start, user):
    """The page for `source`'s period starting `start` at `school`: the existing one, or a new
    draft in the school's section. Raises PermissionDenied when `user` may not add pages there."""
    bounds = _period(source, start)
    if bounds is None:
        raise Http404
    start, end = bounds
    mandated = (
        MandatedSection.objects.filter(school=school, key=SECTIONS[source])
        .select_related("page")
        .first()
    )
    if mandated is None:
        raise Http404
    section = mandated.page.specific
    model = WeeklyMenuPage if source == "menu" else PlanPage
    if not (section.permissions_for_user(user).can_add_subpage() and model.can_create_at(section)):
        raise PermissionDenied
    with transaction.atomic():
        # One draft per period even when two clicks race: they queue on the section's row.
        Page.objects.select_for_update().filter(pk=section.pk).first()
        page = _existing(school, source, start, end)
        if page is None:
            page = _new_page(source, start, end, user)
            page.slug = _free_slug(section, page.slug)
            section.add_child(instance=page)
            page.save_revision(user=user, log_action=False)
            log(instance=page, action=CREATE_ACTION, user=user)
    return page


def start_period_draft(request, school_id, source, start):
    """POST: open (creating if needed) the draft and go to its edit screen. Only the user's own
    schools, only a section they may add pages to; a GET changes nothing."""
    school = get_object_or_404(schools_of(request.user), pk=school_id)
    if source not in SECTIONS:
        raise Http404
    try:
        day = datetime.date.fromisoformat(start)
    except ValueError as error:
        raise Http404 from error
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = open_period_draft(school, source, day, request.user)
    return redirect("wagtailadmin_pages:edit", page.pk)
