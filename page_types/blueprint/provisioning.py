"""Building a site's tree from the blueprint, and rolling blueprint changes out to existing
schools: pages are only ever added, never deleted, moved or renamed."""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Page

from .bulk_tree import PageTree
from .seed import OFFICE_SECTIONS
from .store import school_sections

APPLY_LOG_ACTION = "page_types.blueprint_apply"


def contact_subject(school_name):
    """Subject of the e-mails a school's contact form sends."""
    return f"Góp ý gửi {school_name}"


def _section_page(section, school):
    """The unsaved page of a blueprint section (a contact page carries the school's details)."""
    from ..models import ContactPage

    model = section.model
    page = model(title=section.title, slug=section.slug, show_in_menus=True, **section.fields)
    if model is ContactPage and school is not None:
        page.address, page.phone, page.email = school.address, school.phone, school.email
        page.subject = contact_subject(school.name)
        page.to_address = school.email
    return page


def _form_fields(page):
    """The contact form's default fields, unsaved (a page of another type has none)."""
    from ..models import ContactPage
    from ..models.contact import DEFAULT_FORM_FIELDS, ContactFormField

    if not isinstance(page, ContactPage):
        return []
    rows = [
        ContactFormField(page_id=page.pk, sort_order=order, **spec)
        for order, spec in enumerate(DEFAULT_FORM_FIELDS)
    ]
    for row in rows:
        # What the field's save() sets (bulk_create calls no save()): the submission's key.
        row.clean_name = row.clean_name or row.get_field_clean_name()
    return rows


def _add_section(parent, section, school):
    from ..models.contact import ContactFormField

    page = _section_page(section, school)
    parent.add_child(instance=page)
    # Saved directly: the cluster manager's create() only stages rows until the next save.
    ContactFormField.objects.bulk_create(_form_fields(page))
    return page


def build_school_site(school):
    """Create the school's home page and every section its level requires. Returns the home.
    The same builder as a batch's (`build_school_sites`), with a batch of one."""
    return build_school_sites([school])[0]


@transaction.atomic
def build_school_sites(schools):
    """Home pages and every section each school's level requires, for new schools together:
    a bounded number of queries per batch whatever its size (bulk_tree.py). Returns the
    homes, in the order of `schools`."""
    from ..models import ContactFormField, MandatedSection, SchoolHomePage

    root = Page.get_first_root_node()
    tree = PageTree()
    homes, sections = [], []
    for school in schools:
        home = tree.add(root, SchoolHomePage(title=school.name, slug=school.slug, motto=""))
        homes.append(home)
        pages = {"": home}
        for key, section in school_sections(school):
            parent = pages[key.rpartition("/")[0]]
            pages[key] = tree.add(parent, _section_page(section, school))
            sections.append((school, key, pages[key]))
    tree.save()
    MandatedSection.objects.bulk_create(
        [MandatedSection(page=page, school=school, key=key) for school, key, page in sections],
        batch_size=2000,
    )
    ContactFormField.objects.bulk_create(
        [field for _school, _key, page in sections for field in _form_fields(page)],
        batch_size=2000,
    )
    return homes


# The extension point's batch form (tenants.provisioning looks for it on the builder).
build_school_site.build_many = build_school_sites


def ensure_sections(school, home):
    """Add what the blueprint requires and the tree lacks; never delete. Returns pages added.
    A page already at a section's place (same slug under the same parent) becomes the section."""
    from ..models import MandatedSection

    existing = dict(MandatedSection.objects.filter(school=school).values_list("key", "page_id"))
    wanted = list(school_sections(school))
    if all(key in existing for key, _section in wanted):
        return []
    known = Page.objects.in_bulk([existing[key] for key, _s in wanted if key in existing])
    pages = {"": home}
    added = []
    for key, section in wanted:
        if key in existing:
            pages[key] = known[existing[key]]
            continue
        parent = pages[key.rpartition("/")[0]]
        page = parent.get_children().filter(slug=section.slug).first()
        if page is None:
            page = _add_section(parent, section, school)
            added.append(page)
        MandatedSection.objects.create(page=page, school=school, key=key)
        pages[key] = page
    return added


@dataclass
class RollOut:
    schools: int = 0
    pages: int = 0
    # (school, [titles of the pages added]) for every school that got something.
    changed: list = field(default_factory=list)


def apply_to_school(school, user=None):
    """Bring one existing school up to its nearest blueprint, in one transaction (a savepoint
    when the caller holds one), logged if it got pages. Returns the titles of the pages added;
    running it again adds nothing."""
    with transaction.atomic():
        added = ensure_sections(school, school.root_page)
        titles = [page.title for page in added]
        if titles:
            log(school, APPLY_LOG_ACTION, user=user, data={"added": titles})
    return titles


def apply_to_schools(schools, user=None):
    """Bring existing schools up to their blueprints, one school after the other (the
    command; the admin queues one task per school instead, rollout.py)."""
    result = RollOut()
    for school in schools.filter(root_page__isnull=False).select_related("root_page"):
        if titles := apply_to_school(school, user=user):
            result.changed.append((school, titles))
            result.pages += len(titles)
        result.schools += 1
    return result


@transaction.atomic
def build_office_site(authority):
    from ..models import MandatedSection, OfficeHomePage

    root = Page.get_first_root_node()
    home = OfficeHomePage(title=authority.name, slug=authority.code.lower())
    root.add_child(instance=home)
    for section in OFFICE_SECTIONS:
        page = _add_section(home, section, None)
        MandatedSection.objects.create(page=page, school=None, key=f"office/{section.slug}")
    return home
