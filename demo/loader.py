"""Loading the whole demo in one transaction: the office, its schools (through the provisioning
service), the demo accounts, and every school's last two school years: the one running on the
day of the load (up to that moment) and the one before it.

Idempotent: a school whose content is already there is left alone, so a second run only checks
and returns quickly; ``--schools N`` then a full run loads the rest."""

import datetime
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from audit.bulk import deferred_ledger
from audit.rebuild import rebuild as rebuild_ledger
from page_types.models import NewsArticlePage, OfficialDocumentPage
from regulations.year_opening import open_school_year
from tenants.clock import TZ, at, simulated_now
from tenants.models import Authority, Membership, School
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school

from . import data
from .directives import load_directives
from .office import OfficeLoader, OfficeMedia
from .publishing import Publisher, deferred_indexing, remembered_foreign_keys
from .school import SchoolLoader
from .years import REFERENCE_YEAR, DemoYear, years_to_build

DEMO_PASSWORD = "demo@2016"
SUPERUSER = "admin"
OFFICE_ADMIN = "phong.quantri"
OFFICE_AUDITOR = "phong.kiemtra"
# The office and schools were set up in May 2016, before the June disclosures.
PROVISIONED_AT = at(datetime.date(2016, 5, 16), 8, 0)
# The office opens a school year's disclosures on 1 June, before the June deadline.
YEAR_OPENED_ON = datetime.date(REFERENCE_YEAR, 6, 1)
LOG_START = datetime.datetime(REFERENCE_YEAR, 1, 1, tzinfo=TZ)


def drop_empty_years_before(demos, schools, first_year):
    """Provisioning at the simulated May 2016 opened 2015-2016 (the year then running); the demo
    starts with 2016-2017, so an earlier year with nothing published is only noise."""
    from page_types.models import DisclosureItemPage, DisclosureYearPage

    for demo in demos:
        root = schools[demo.slug].root_page
        for year in DisclosureYearPage.objects.descendant_of(root).filter(
            school_year__lt=first_year
        ):
            if not DisclosureItemPage.objects.child_of(year).live().exists():
                year.delete()


def editor_username(slug):
    return f"{slug}.bientap"


def approver_username(slug):
    return f"{slug}.hieutruong"


@dataclass
class Result:
    already_loaded: bool = False
    schools_created: list = field(default_factory=list)
    schools_loaded: list = field(default_factory=list)
    office_loaded: bool = False
    seconds: float = 0.0
    counts: dict = field(default_factory=dict)
    fixed_log_entries: int = 0
    years: list = field(default_factory=list)  # the school years built, "2025-2026"…
    timings: list = field(default_factory=list)  # (phase, CPU seconds), for -v 2

    def timed(self, label, started):
        now = time.process_time()
        self.timings.append((label, now - started))
        return now


def school_has_content(school):
    return bool(
        school.root_page_id and NewsArticlePage.objects.descendant_of(school.root_page).exists()
    )


def office_has_content(authority):
    site = authority.site
    return bool(
        site
        and OfficialDocumentPage.objects.descendant_of(site.root_page)
        .filter(number="1636/GDĐT-VP")
        .exists()
    )


def demo_status(limit=None):
    """(authority or None, demo schools, {slug: School}) as the database has them now."""
    office = data.load_office()
    demos = data.load_schools(limit)
    authority = Authority.objects.filter(code=office.code).first()
    schools = {s.slug: s for s in School.objects.filter(slug__in=[d.slug for d in demos])}
    return authority, demos, schools


def is_loaded(limit=None):
    authority, demos, schools = demo_status(limit)
    return bool(
        authority
        and (authority.site_id is None or office_has_content(authority))
        and len(schools) == len(demos)
        and all(school_has_content(s) for s in schools.values())
    )


def demo_years(now):
    """The DemoYears to build as of ``now``: the running one up to ``now``, the one before in
    full."""
    firsts = years_to_build(now.astimezone(TZ).date())
    return [DemoYear(first, horizon=now if first == firsts[-1] else None) for first in firsts]


def load(limit=None, log=print):
    """Load the demo as of now (``tenants.clock.simulated_now`` moves "now" for tests)."""
    started = time.monotonic()
    result = Result()
    if is_loaded(limit):
        result.already_loaded = True
        result.seconds = time.monotonic() - started
        return result
    publisher = Publisher()
    years = demo_years(timezone.now())
    result.years = [year.label for year in years]
    try:
        # DEBUG=True (development) would record and format every one of the load's SQL queries.
        with override_settings(DEBUG=False), transaction.atomic():
            # The ledger is replayed from the log once at the end, not followed row by row.
            with deferred_indexing(), deferred_ledger(), remembered_foreign_keys():
                _load(limit, years, publisher, result, log)
            log("Dựng lại sổ theo dõi cập nhật từ nhật ký xuất bản…")
            clock = time.process_time()
            rebuild_ledger()
            result.timed("audit_rebuild", clock)
    except BaseException:
        publisher.remove_files()
        raise
    result.counts = dict(publisher.counts)
    result.seconds = time.monotonic() - started
    return result


def _load(limit, years, publisher, result, log):
    clock = time.process_time()
    office = data.load_office()
    demos = data.load_schools(limit)
    with simulated_now(PROVISIONED_AT):
        authority, _ = create_authority(
            office.code,
            office.name,
            address=office.address,
            phone=office.phone,
            email=office.email,
        )
        schools = {}
        for demo in demos:
            existed = School.objects.filter(code=demo.row["code"]).exists()
            school, created = provision_school(
                SchoolData(
                    **demo.row,
                    extra={"serves_meals": demo.serves_meals, "commune": demo.commune},
                )
            )
            schools[demo.slug] = school
            if created and not existed:
                result.schools_created.append(school.slug)
                publisher.touch_tree(school.root_page)
        if authority.site_id and not office_has_content(authority):
            publisher.touch_tree(authority.site.root_page)
    clock = result.timed("provisioning", clock)
    fresh = [demo for demo in demos if not school_has_content(schools[demo.slug])]
    for year in years:
        with simulated_now(at(year.day(YEAR_OPENED_ON), 7, 30)):
            for demo in fresh:
                open_school_year(schools[demo.slug], year.label)
    drop_empty_years_before(fresh, schools, years[0].label)
    clock = result.timed("open_school_year", clock)
    users = ensure_users(office, authority, demos, schools)
    clock = result.timed("users", clock)
    office_media = OfficeMedia(office)
    if not office_has_content(authority) and authority.site_id:
        log("Nạp nội dung trang của Phòng…")
        OfficeLoader(authority, office, users[OFFICE_ADMIN], publisher, office_media).load()
        result.office_loaded = True
        clock = result.timed("office", clock)
    for demo in demos:
        school = schools[demo.slug]
        if school_has_content(school):
            continue
        log(f"Nạp nội dung {school.name} ({data.PROFILE_LABELS[demo.profile]})…")
        for year in years:
            publisher.horizon = year.horizon
            SchoolLoader(
                demo,
                school,
                year,
                editor=users[editor_username(demo.slug)],
                approver=users[approver_username(demo.slug)],
                publisher=publisher,
                office=office,
                office_media=office_media,
                peers=demos,
            ).load()
        publisher.horizon = None
        result.schools_loaded.append(demo.slug)
        clock = result.timed(demo.slug, clock)
    if years[-1].horizon is not None:
        log("Nạp các chỉ đạo của Phòng trong năm học…")
        load_directives(
            years[-1],
            authority,
            schools,
            demos,
            users[OFFICE_ADMIN],
            {demo.slug: users[approver_username(demo.slug)] for demo in demos},
        )
        clock = result.timed("directives", clock)
    log("Cập nhật chỉ mục tìm kiếm…")
    publisher.index()
    clock = result.timed("index", clock)
    roots = [s.root_page for s in schools.values() if s.root_page_id]
    if authority.site_id:
        roots.append(authority.site.root_page)
    result.fixed_log_entries = fix_log_times(roots, years[-1].horizon)


def ensure_users(office, authority, demos, schools):
    """The demo accounts, all with the demo password; names so the admin shows who did what."""
    User = get_user_model()
    people = {
        OFFICE_ADMIN: (office.admin_name, f"{OFFICE_ADMIN}@cuchi.edu.vn"),
        OFFICE_AUDITOR: (office.auditor_name, f"{OFFICE_AUDITOR}@cuchi.edu.vn"),
    }
    add_member(
        OFFICE_ADMIN, Membership.Role.ADMIN, authority=authority, email=people[OFFICE_ADMIN][1]
    )
    add_member(
        OFFICE_AUDITOR,
        Membership.Role.AUDITOR,
        authority=authority,
        email=people[OFFICE_AUDITOR][1],
    )
    for demo in demos:
        school = schools[demo.slug]
        editor, approver = demo.person("bientap"), demo.person("hieutruong")
        people[editor_username(demo.slug)] = (editor.name, editor.email)
        people[approver_username(demo.slug)] = (approver.name, approver.email)
        add_member(
            editor_username(demo.slug), Membership.Role.EDITOR, school=school, email=editor.email
        )
        add_member(
            approver_username(demo.slug),
            Membership.Role.APPROVER,
            school=school,
            email=approver.email,
        )
    superuser, _ = User.objects.get_or_create(
        username=SUPERUSER, defaults={"email": "admin@cuchi.edu.vn"}
    )
    superuser.is_superuser = superuser.is_staff = superuser.is_active = True
    superuser.first_name = "Quản trị hệ thống"
    superuser.save()
    people[SUPERUSER] = ("Quản trị hệ thống", superuser.email)
    # One hash for every demo account: hashing is deliberately slow.
    User.objects.filter(username__in=list(people)).update(password=make_password(DEMO_PASSWORD))
    users = {u.username: u for u in User.objects.filter(username__in=list(people))}
    for username, (name, _email) in people.items():
        user = users[username]
        if user.first_name != name:
            # Vietnamese names read family name first: keep the whole name in one field.
            user.first_name, user.last_name = name, ""
            user.save(update_fields=["first_name", "last_name"])
    return users


def fix_log_times(roots, now):
    """Every log entry of the demo's pages must carry a time between the office's first year and
    the load (the audit reads only the log). Anything stamped outside that range by code that
    ignores the simulated clock is moved to the provisioning time; returns how many were."""
    condition = None
    for root in roots:
        q = Page.objects.filter(path__startswith=root.path)
        condition = q if condition is None else condition | q
    if condition is None:
        return 0
    stray = PageLogEntry.objects.filter(page__in=condition.values("pk")).exclude(
        timestamp__range=(LOG_START, now)
    )
    return stray.update(timestamp=PROVISIONED_AT)
