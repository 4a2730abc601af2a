"""A re-imported school's new name and contact details reach the pages that copy them.

Provisioning copies the school's name into its home page title, and its address, phone and
e-mail into the contact page (with the feedback form's recipient and subject). When an import
changes them (tenants' `school_details_changed`), the copies follow, in the import's transaction:
the home page title always (it is the school's name), the contact fields only where they still
hold the old value, so what a school wrote there itself stays. A live page gets a published
revision; a pending draft gets the same change on top, so the editor's work is not lost."""

from dataclasses import dataclass

from wagtail.models import Page

from tenants.signals import school_details_changed

from .blueprint import contact_subject
from .models import MandatedSection

# Its own log action, not "wagtail.publish": the audit counts publications as the school's
# work. Registered with a label in wagtail_hooks.py.
SYNC_ACTION = "page_types.school_details_sync"
CONTACT_SECTION = "lien-he"  # the blueprint key of the contact page


@dataclass(frozen=True)
class Copy:
    """A page field holding a copy of a school detail that changed from `old` to `new`."""

    field: str
    old: str
    new: str
    keep_own_edits: bool = True


def home_copies(school, previous):
    if "name" not in previous:
        return []
    return [Copy("title", previous["name"], school.name, keep_own_edits=False)]


def contact_copies(school, previous):
    copies = [
        Copy(name, previous[name], getattr(school, name))
        for name in ("address", "phone", "email")
        if name in previous
    ]
    if "email" in previous:
        copies.append(Copy("to_address", previous["email"], school.email))
    if "name" in previous:
        copies.append(
            Copy("subject", contact_subject(previous["name"]), contact_subject(school.name))
        )
    return copies


def apply_copies(page, copies):
    """Set the new values on a page instance; True when anything changed."""
    changed = False
    for copy in copies:
        current = getattr(page, copy.field)
        if current == copy.new or (copy.keep_own_edits and current != copy.old):
            continue
        setattr(page, copy.field, copy.new)
        changed = True
    return changed


def update_page(page, copies):
    if not copies:
        return
    # Read the draft before publishing: the published revision becomes the latest one.
    draft = (
        page.get_latest_revision_as_object()
        if page.has_unpublished_changes or not page.live
        else None
    )
    if page.live and apply_copies(page, copies):
        # clean=False: only validated school details change; a school's unrelated content must
        # not block the office's import.
        revision = page.save_revision(clean=False)
        revision.publish(log_action=SYNC_ACTION, skip_permission_checks=True)
    if draft is not None and apply_copies(draft, copies):
        draft.save_revision(clean=False, log_action=SYNC_ACTION)


def follow_school_details(sender, school, previous, **kwargs):
    if school.root_page_id:
        home = Page.objects.get(pk=school.root_page_id).specific
        update_page(home, home_copies(school, previous))
    section = (
        MandatedSection.objects.filter(school=school, key=CONTACT_SECTION)
        .select_related("page")
        .first()
    )
    if section is not None:
        update_page(section.page.specific, contact_copies(school, previous))


school_details_changed.connect(follow_school_details, dispatch_uid="page-types-school-details")
