"""School years that open themselves.

A school year opens for a school on its opening day: 1 August of the year it starts unless the
school's office (or an office above it) set another day. Opening creates the year's disclosure
section and slots (``open_school_year`` below, idempotent). The scheduled job
``open_due_school_years`` (a command and a task, daily) opens every due year for every active
school; a new school gets the running year at once (``signals.open_current_year``); the office
can open a year early or move its day from the admin (``year_admin``)."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from page_types.models import (
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosureYearPage,
    MandatedSection,
)
from tenants.models import Authority, School

from .calendars import (
    SCHOOL_YEAR_CUTOFF_MONTH,
    Calendars,
    school_year_label,
    school_year_of,
    valid_school_year,
)
from .catalogue import Catalogue, ItemSpec, slot_slug
from .models import Checklist, ChecklistEntry, Profile, SchoolYearOpening

DEFAULT_OPENING = (SCHOOL_YEAR_CUTOFF_MONTH, 1)  # 1 August


# Opening a school year -----------------------------------------------------------------------


def _disclosure_index(school):
    section = (
        MandatedSection.objects.filter(school=school, key="cong-khai")
        .select_related("page")
        .first()
    )
    if section:
        return section.page.specific
    if school.root_page_id:
        index = DisclosureIndexPage.objects.child_of(school.root_page).first()
        if index:
            return index
    raise ValidationError(
        _("Trường %(school)s chưa có chuyên mục Công khai (cong-khai).") % {"school": school.code}
    )


def _table_block():
    return DisclosureItemPage._meta.get_field("table").stream_block.child_blocks["table"]


def prefilled_table(spec):
    """The form's fixed columns (and fixed rows, numbered) ready for the editor to fill."""
    if not spec.columns:
        return []
    width = len(spec.columns)
    rows = []
    for number, label in enumerate(spec.rows, start=1):
        values = [str(number), label] if width >= 2 else [label]
        rows.append({"values": (values + [""] * width)[:width]})
    raw = {
        "columns": [{"type": "text", "heading": heading} for heading in spec.columns],
        "rows": rows,
        "caption": spec.title,
    }
    return [("table", _table_block().to_python(raw))]


@dataclass
class OpenResult:
    checklist: Checklist
    year_page: DisclosureYearPage
    created_slots: list = field(default_factory=list)
    created_year: bool = False

    @property
    def changed(self):
        return self.created_year or bool(self.created_slots)


def ensure_catalogue():
    """Seed the catalogue if its tables are empty (a flushed database, e.g. after a transactional
    test): the data migration only runs once, provisioning must not depend on it."""
    if not Profile.objects.exists():
        from django.apps import apps

        from .catalogue_data import seed

        seed(apps)


@transaction.atomic
def open_school_year(school, school_year, user=None):
    """Create (idempotently) the school's disclosure section for the year — a published
    DisclosureYearPage "/cong-khai/<year>/" — and one draft DisclosureItemPage slot per item
    its profile requires for the school's level; pin the checklist to the item versions."""
    if not valid_school_year(school_year):
        raise ValidationError(
            _("Năm học “%(value)s” không hợp lệ; viết dạng 2016-2017.") % {"value": school_year}
        )
    ensure_catalogue()
    catalogue = Catalogue()
    calendars = Calendars([])
    checklist = Checklist.objects.filter(school=school, school_year=school_year).first()
    profile = (
        checklist.profile
        if checklist
        else catalogue.profile_for(calendars.chain(school.authority_id), school_year)
    )
    index = _disclosure_index(school)
    year_page = (
        DisclosureYearPage.objects.child_of(index).filter(school_year=school_year).first()
        or DisclosureYearPage.objects.child_of(index).filter(slug=school_year).first()
    )
    result_created_year = False
    if year_page is None:
        year_page = DisclosureYearPage(
            title=_("Năm học %(year)s") % {"year": school_year},
            slug=school_year,
            school_year=school_year,
            profile_code=profile.code,
            show_in_menus=False,
            live=True,
        )
        # Live straight away, like the blueprint's sections: a structural page, not a post.
        index.add_child(instance=year_page)
        result_created_year = True
    elif year_page.profile_code != profile.code or year_page.school_year != school_year:
        year_page.profile_code = profile.code
        year_page.school_year = school_year
        year_page.save(update_fields=["profile_code", "school_year"])

    if checklist is None:
        checklist = Checklist.objects.create(
            school=school, school_year=school_year, profile=profile, year_page=year_page
        )
    elif checklist.year_page_id != year_page.pk:
        checklist.year_page = year_page
        checklist.save(update_fields=["year_page"])

    entries = {e.item_id: e for e in checklist.entries.select_related("item_version")}
    existing = {
        p.item_code: p for p in DisclosureItemPage.objects.child_of(year_page).exclude(item_code="")
    }
    result = OpenResult(checklist=checklist, year_page=year_page, created_year=result_created_year)
    for item, current in catalogue.current_specs(profile):
        entry = entries.get(item.pk)
        if entry is not None:
            spec = ItemSpec.from_data(entry.item_version.data)
        elif current.applies_to(school.level, school.serves_meals):
            version = item.current_version()
            entry = ChecklistEntry.objects.create(
                checklist=checklist, item=item, item_version=version
            )
            spec = current
        else:
            continue
        if spec.recurring:
            continue
        slot = existing.get(spec.code)
        if slot is None:
            slot = year_page.get_children().filter(slug=slot_slug(spec.code)).specific().first()
        if slot is None:
            slot = DisclosureItemPage(
                title=spec.title,
                slug=slot_slug(spec.code),
                item_code=spec.code,
                table=prefilled_table(spec),
                live=False,
            )
            # A draft without revision or log entry: nobody has edited it yet.
            year_page.add_child(instance=slot)
            result.created_slots.append(slot)
        if entry.slot_page_id != slot.pk:
            entry.slot_page_id = slot.pk
            entry.save(update_fields=["slot_page_id"])
    return result


def open_school_year_for_new_schools(schools, school_year):
    """`open_school_year` for new schools together (a province's import): the same year
    pages, slots, checklists and entries, with a bounded number of queries per batch. A school
    that already has something of the year goes through `open_school_year` itself."""
    from page_types.blueprint.bulk_tree import PageTree

    ensure_catalogue()
    have = set(
        Checklist.objects.filter(school__in=schools, school_year=school_year).values_list(
            "school_id", flat=True
        )
    )
    indexes = dict(
        MandatedSection.objects.filter(school__in=schools, key="cong-khai").values_list(
            "school_id", "page"
        )
    )
    fresh = [s for s in schools if s.pk not in have and s.pk in indexes]
    for school in schools:
        if school not in fresh:
            open_school_year(school, school_year)
    if not fresh:
        return
    catalogue, calendars = Catalogue(), Calendars([])
    index_pages = Page.objects.in_bulk([indexes[s.pk] for s in fresh])
    versions = {}
    tree = PageTree()
    planned = []  # (school, profile, year page, [(item, version, slot or None)])
    for school in fresh:
        profile = catalogue.profile_for(calendars.chain(school.authority_id), school_year)
        year_page = tree.add(
            index_pages[indexes[school.pk]],
            DisclosureYearPage(
                title=_("Năm học %(year)s") % {"year": school_year},
                slug=school_year,
                school_year=school_year,
                profile_code=profile.code,
                show_in_menus=False,
                live=True,
            ),
        )
        entries = []
        for item, spec in catalogue.current_specs(profile):
            if not spec.applies_to(school.level, school.serves_meals):
                continue
            if item.pk not in versions:
                versions[item.pk] = item.current_version()
            slot = None
            if not spec.recurring:
                slot = tree.add(
                    year_page,
                    DisclosureItemPage(
                        title=spec.title,
                        slug=slot_slug(spec.code),
                        item_code=spec.code,
                        table=prefilled_table(spec),
                        live=False,
                    ),
                )
            entries.append((item, versions[item.pk], slot))
        planned.append((school, profile, year_page, entries))
    tree.save()
    checklists = Checklist.objects.bulk_create(
        [
            Checklist(school=school, school_year=school_year, profile=profile, year_page=page)
            for school, profile, page, _entries in planned
        ]
    )
    ChecklistEntry.objects.bulk_create(
        [
            ChecklistEntry(
                checklist=checklist,
                item=item,
                item_version=version,
                slot_page_id=slot.pk if slot else None,
            )
            for checklist, (_s, _p, _y, entries) in zip(checklists, planned, strict=True)
            for item, version, slot in entries
        ],
        batch_size=2000,
    )


# When years open --------------------------------------------------------------------------------


def default_opening_day(school_year):
    return datetime.date(int(school_year[:4]), *DEFAULT_OPENING)


def years_to_consider(today):
    """The school year of ``today`` and the next one (an office may open it early)."""
    current = school_year_of(today)
    return [current, school_year_label(int(current[:4]) + 1)]


class OpeningDays:
    """Opening days by (authority, school year): the nearest office's own day wins."""

    def __init__(self, school_years):
        self.paths = dict(Authority.objects.values_list("pk", "path"))
        self.own = {
            (authority_id, year): day
            for authority_id, year, day in SchoolYearOpening.objects.filter(
                school_year__in=list(school_years)
            ).values_list("authority_id", "school_year", "opens_on")
        }
        self.by_path = {path: pk for pk, path in self.paths.items()}

    def day(self, authority_id, school_year):
        path = self.paths.get(authority_id, "")
        codes = [c for c in path.split("/") if c]
        # From the school's own office up to the root.
        for size in range(len(codes), 0, -1):
            pk = self.by_path.get("/".join(codes[:size]) + "/")
            if (pk, school_year) in self.own:
                return self.own[(pk, school_year)]
        return default_opening_day(school_year)


@dataclass
class OpenedYears:
    opened: dict = field(default_factory=dict)  # school year → schools that got it now
    slots: int = 0

    @property
    def total(self):
        return sum(self.opened.values())


def open_due_school_years(today=None, schools=None):
    """Open every school year that is due by ``today`` (default: today) for the active schools
    (default: all) that do not have it yet. Idempotent; one transaction per school."""
    today = today or timezone.localdate()
    years = years_to_consider(today)
    days = OpeningDays(years)
    schools = (schools if schools is not None else School.objects.all()).filter(is_active=True)
    result = OpenedYears()
    for year in years:
        have = set(Checklist.objects.filter(school_year=year).values_list("school_id", flat=True))
        for school in schools.exclude(pk__in=have).select_related("authority", "root_page"):
            if days.day(school.authority_id, year) > today:
                continue
            with transaction.atomic():
                opened = open_school_year(school, year)
            result.opened[year] = result.opened.get(year, 0) + 1
            result.slots += len(opened.created_slots)
    return result


def open_year_now(authority, school_year, user=None):
    """The office opens ``school_year`` for its whole subtree now, whatever the day."""
    schools = School.objects.filter(
        is_active=True, authority__path__startswith=authority.path
    ).select_related("authority", "root_page")
    result = OpenedYears()
    with transaction.atomic():
        for school in schools.order_by("code"):
            opened = open_school_year(school, school_year, user=user)
            result.opened[school_year] = result.opened.get(school_year, 0) + int(
                opened.created_year or bool(opened.created_slots)
            )
            result.slots += len(opened.created_slots)
        record, _created = SchoolYearOpening.objects.get_or_create(
            authority=authority,
            school_year=school_year,
            defaults={"opens_on": timezone.localdate()},
        )
        record.opened_at, record.opened_by = timezone.now(), user
        record.save(update_fields=["opened_at", "opened_by"])
    return result


def set_opening_day(authority, school_year, day):
    SchoolYearOpening.objects.update_or_create(
        authority=authority, school_year=school_year, defaults={"opens_on": day}
    )
