"""Template helpers of the public disclosure pages (cong-khai)."""

from dataclasses import dataclass

from django import template
from django.db.models import Count

from page_types.models import DisclosureItemPage, MandatedSection
from tenants.clock import local_today

from ..calendars import school_year_of
from ..catalogue import yearly_deadline
from ..public_display import missing_items_public, year_page_specs

register = template.Library()


@dataclass
class Row:
    title: str
    code: str
    group: str
    page: DisclosureItemPage | None = None
    deadline: object = None


@register.simple_tag
def disclosure_year_listing(year_page):
    """What a school-year page shows, in catalogue order: the published items (with their
    file or table) and, if the office shows it, the items still missing. Constant queries."""
    school = year_page.school
    live = list(
        DisclosureItemPage.objects.child_of(year_page)
        .live()
        .public()
        .select_related("file")
        .order_by("item_code", "path")
    )
    if school is None:
        return {"rows": [Row(p.title, p.item_code, "", p) for p in live], "missing": []}
    profile, specs = year_page_specs(school, year_page)
    by_code = {}
    for page in live:
        by_code.setdefault(page.item_code, page)
    rows, missing, used = [], [], set()
    for spec in specs:
        if spec.recurring:
            continue
        page = by_code.get(spec.code)
        if page is not None:
            used.add(page.pk)
            rows.append(Row(page.title, spec.code, spec.group, page))
        else:
            missing.append(
                Row(
                    spec.title,
                    spec.code,
                    spec.group,
                    deadline=yearly_deadline(spec, year_page.school_year, profile),
                )
            )
    rows += [Row(p.title, p.item_code, "", p) for p in live if p.pk not in used]
    recurring = [spec for spec in specs if spec.recurring]
    sections = {}
    if recurring:
        sections = {
            m.key: m.page
            for m in MandatedSection.objects.filter(
                school=school, key__in=("ke-hoach", "thuc-don")
            ).select_related("page")
        }
    shown = missing_items_public(school)
    return {
        "profile": profile,
        "rows": rows,
        "missing": missing if shown else [],
        # The completeness panel parents see on the current year ("Đã công khai x/y mục").
        "completeness": (
            {"published": len(used), "required": len(used) + len(missing)}
            if shown and year_page.school_year == school_year_of(local_today())
            else None
        ),
        "recurring": [
            {
                "spec": spec,
                "section": sections.get("thuc-don" if spec.source == "menu" else "ke-hoach"),
            }
            for spec in recurring
        ],
    }


@register.simple_tag
def disclosure_item_counts(index_page):
    """{year page id: number of published items} for the years listed on the index page."""
    return dict(
        DisclosureItemPage.objects.descendant_of(index_page)
        .live()
        .public()
        .annotate(parent_path=_parent_path())
        .order_by()
        .values("parent_path")
        .annotate(n=Count("pk"))
        .values_list("parent_path", "n")
    )


def _parent_path():
    from django.db.models.functions import Length, Substr
    from wagtail.models import Page

    return Substr("path", 1, Length("path") - Page.steplen)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def row_header_index(table_value):
    """Which column labels each row: the "Nội dung" column of a form, else the first."""
    return 2 if len(table_value.columns) > 2 else 1


@register.simple_tag
def profile_names():
    """{profile code: short name} for labelling school years."""
    from ..models import Profile

    return dict(Profile.objects.values_list("code", "short_name"))
