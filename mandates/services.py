"""What offices and schools do with a directive: send it (targets frozen, approvers told),
open it (seen), start answering it (a draft in the right section), acknowledge it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks
from wagtail.models import PageLogEntry

from page_types.models import MandatedSection, NewsArticlePage
from page_types.models.news import NewsCategory
from portal.tasks import enqueue_after_commit
from tenants.clock import local_date
from tenants.log_actions import CREATE_ACTION

from .models import Action, Target, targeted_schools
from .progress import verdicts
from .status import Status

# Sections a post can be published in: those whose pages take news articles (the one post type
# with the "Bài chia sẻ từ Phòng/Sở" flag, so the copies are never flagged as duplicates).
POST_SECTIONS = ("tin-tuc", "tuyen-sinh")


@transaction.atomic
def issue(directive, schools=None):
    """Save the directive and freeze its targets; the approvers of each school get an e-mail
    once this commits. Returns the number of schools."""
    from .notifications import notify_directive_issued

    directive.save()
    chosen = list(targeted_schools(directive, schools).values_list("pk", flat=True))
    Target.objects.bulk_create(
        [Target(directive=directive, school_id=pk) for pk in chosen], ignore_conflicts=True
    )
    enqueue_after_commit(notify_directive_issued, directive.pk)
    return len(chosen)


ISSUER_LEVELS = {"so": "so", "phong": "phong", "xa": "ubnd"}


def publish_on_office_site(directive, user):
    """The directive as an official document (công văn) in the "Văn bản chỉ đạo" section of its
    office's own site, published by `user`. Returns the page, or None when the office has no
    site of its own or the user may not publish there."""
    from page_types.models import OfficialDocumentPage
    from page_types.models.documents import DocType

    authority = directive.authority
    if not authority.site_id:
        return None
    section = (
        MandatedSection.objects.filter(
            school=None,
            key="office/van-ban",
            page__path__startswith=authority.site.root_page.path,
        )
        .select_related("page")
        .first()
    )
    if section is None:
        return None
    index = section.page.specific
    if not index.permissions_for_user(user).can_publish_subpage():
        return None
    with transaction.atomic():
        page = OfficialDocumentPage(
            title=directive.title,
            slug=f"chi-dao-{directive.pk}",
            number=directive.letter_number,
            doc_type=DocType.CONG_VAN,
            issuer_level=ISSUER_LEVELS.get(authority.kind, "phong"),
            issuer_name=authority.name,
            issued_on=directive.letter_date or local_date(timezone.now()),
            signer=directive.letter_signer,
            summary=directive.title,
            body=linebreaks(escape(directive.body)),
            file=directive.letter_document,
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True).publish(user=user)
        directive.document_page = page
        directive.save(update_fields=["document_page"])
    return page


def mark_seen(target):
    if target.seen_at is None:
        target.seen_at = timezone.now()
        target.save(update_fields=["seen_at"])


def _section_page(target):
    section = (
        MandatedSection.objects.filter(school=target.school, key=target.directive.section_key)
        .select_related("page")
        .first()
    )
    return section.page.specific if section else None


class NothingToStart(Exception):
    """The school has no page to answer the directive with yet (its school year's disclosure
    slots are not opened): the message says what to do."""


def _start_item(target, user):
    """Fill a section by a disclosure item: the edit form of the school's page for it."""
    from django.utils.translation import gettext as _
    from wagtail.models import Page

    from .progress import item_pages

    directive = target.directive
    page_id = item_pages(directive, [target.school_id], timezone.now()).get(target.school_id)
    # A deleted slot keeps its log (and its checklist entry), not its page.
    page = Page.objects.filter(pk=page_id).first() if page_id else None
    if page is None:
        raise NothingToStart(
            _(
                "Trường chưa có trang cho mục công khai “%(code)s” của năm học %(year)s: mở năm "
                "học trong mục Công khai trước."
            )
            % {"code": directive.item_code, "year": directive.school_year}
        )
    page = page.specific
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    if target.started_at is None:
        target.started_at = timezone.now()
        target.save(update_fields=["started_at"])
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def start(target, user):
    """A draft answering the directive, and the admin URL to edit it. Publish a post: a news
    article pre-filled with the office's text, marked as shared from the office, in the named
    section (the same draft on a second click). Fill a section: the add form of the section's
    item type, or the edit form of the disclosure item's page."""
    directive = target.directive
    if directive.action == Action.FILL_SECTION and directive.item_code:
        return _start_item(target, user)
    section = _section_page(target)
    if section is None or not section.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    if directive.action == Action.FILL_SECTION:
        child = section.specific_class.allowed_subpage_models()[0]
        if target.started_at is None:
            target.started_at = timezone.now()
            target.save(update_fields=["started_at"])
        return reverse(
            "wagtailadmin_pages:add",
            args=[child._meta.app_label, child._meta.model_name, section.pk],
        )
    if target.page_id:
        return reverse("wagtailadmin_pages:edit", args=[target.page_id])
    with transaction.atomic():
        body = [("paragraph", linebreaks(escape(directive.post_body or directive.body)))]
        attachments = []
        if directive.letter_document_id:
            attachments.append(("attachment", {"document": directive.letter_document, "label": ""}))
        page = NewsArticlePage(
            title=directive.post_title or directive.title,
            slug=f"chi-dao-{directive.pk}",
            body=body,
            attachments=attachments,
            shared_from_office=True,
            category=(
                NewsCategory.ADMISSIONS
                if directive.section_key == "tuyen-sinh"
                else NewsCategory.OFFICE
            ),
            live=False,
            owner=user,
        )
        section.add_child(instance=page)
        page.save_revision(user=user)
        PageLogEntry.objects.log_action(page, CREATE_ACTION, user=user)
        target.page = page
        target.started_at = target.started_at or timezone.now()
        target.save(update_fields=["page", "started_at"])
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def acknowledge(target, user):
    if target.directive.action != Action.ACKNOWLEDGE:
        raise PermissionDenied
    if target.acknowledged_at is None:
        target.acknowledged_at = timezone.now()
        target.acknowledged_by = user
        target.seen_at = target.seen_at or target.acknowledged_at
        target.save(update_fields=["acknowledged_at", "acknowledged_by", "seen_at"])


def open_directives_for(school, at=None):
    """The directives `school` has not done yet at `at` (now by default), soonest deadline
    first: [(directive, target, verdict)], overdue ones included. For the school's admin home
    and its editors' to-do list."""
    at = at or timezone.now()
    targets = list(
        Target.objects.filter(school=school, directive__issued_at__lte=at)
        .select_related("directive", "directive__authority", "school")
        .order_by("directive__deadline", "directive__pk")
    )
    result = []
    for target in targets:
        verdict = verdicts(target.directive, [target], at)[target.pk]
        if verdict.status != Status.DONE:
            result.append((target.directive, target, verdict))
    return result


def days_left(directive, at):
    return (directive.deadline - local_date(at)).days
