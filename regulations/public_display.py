"""What the public disclosure pages show: the items of a school-year page, and whether the
office lets parents see which items are missing."""

from .calendars import (
    Calendars,
)
from .catalogue import Catalogue, ItemSpec
from .models import Checklist, ItemVersion


def missing_items_public(school):
    """Does the school's office show parents which disclosure items are still missing? The
    nearest office (the school's, then up the tree) with a site decides, through
    OfficeHomePage.show_disclosure_status."""
    from page_types.models import OfficeHomePage

    chain = school.authority.ancestors_and_self().filter(site__isnull=False)
    roots = {a.path: a.site.root_page_id for a in chain.select_related("site")}
    if not roots:
        return False
    flags = dict(
        OfficeHomePage.objects.filter(pk__in=roots.values()).values_list(
            "pk", "show_disclosure_status"
        )
    )
    for path in sorted(roots, key=len, reverse=True):
        if roots[path] in flags:
            return flags[roots[path]]
    return False


def year_page_specs(school, year_page):
    """(profile, [ItemSpec]) of a school-year page: the checklist's pinned versions, else the
    catalogue items of the page's profile for the school's level."""
    catalogue = Catalogue()
    checklist = (
        Checklist.objects.filter(school=school, school_year=year_page.school_year)
        .select_related("profile")
        .first()
    )
    if checklist:
        specs = [
            ItemSpec.from_data(data)
            for data in ItemVersion.objects.filter(
                pk__in=checklist.entries.values("item_version_id")
            ).values_list("data", flat=True)
        ]
        profile = checklist.profile
    else:
        profile = catalogue.by_code.get(year_page.profile_code) or catalogue.profile_for(
            Calendars([]).chain(school.authority_id), year_page.school_year
        )
        specs = [
            spec
            for _item, spec in catalogue.current_specs(profile)
            if spec.applies_to(school.level, school.serves_meals)
        ]
    specs.sort(key=lambda spec: (spec.sort_order, spec.code))
    return profile, specs
