"""What every page of the portal shares: its school, mandated-section protection, the post flag."""

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from tenants.isolation.forms import restrict_choice_fields
from tenants.models import School
from tenants.vietnamese import fold

from ..blocks import RICH_FEATURES
from ..guides import GuideLinkPanel
from ..publish_review import (
    PublishChecksFormMixin,
    PublishChecksPanel,
    override_field,
)


class MandatedSection(models.Model):
    """A section page the blueprint requires. School users may not delete, move,
    unpublish or re-slug it; the audit finds sections through this table."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="mandated_section")
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.CASCADE, related_name="sections"
    )
    key = models.CharField(max_length=100, help_text="Blueprint path, e.g. gioi-thieu/lich-su")

    class Meta:
        verbose_name = _("mục bắt buộc")
        verbose_name_plural = _("mục bắt buộc")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="mandated_section_unique_key")
        ]

    def __str__(self):
        return self.key


MANDATED_ATTR = "_portal_is_mandated"


def is_mandated(page):
    # A listing marks its rows in one query (tenants' scoped listings): one query per row
    # otherwise, twice per row of a page search.
    known = getattr(page, MANDATED_ATTR, None)
    if known is not None:
        return known
    return MandatedSection.objects.filter(page_id=page.pk).exists()


def mark_mandated(pages):
    """Record on each page instance whether it is a mandated section, in one query."""
    pages = [page for page in pages if isinstance(page, Page) and page.pk]
    if not pages:
        return
    mandated = set(
        MandatedSection.objects.filter(page_id__in=[page.pk for page in pages]).values_list(
            "page_id", flat=True
        )
    )
    for page in pages:
        setattr(page, MANDATED_ATTR, page.pk in mandated)


def is_structural(page):
    """A mandated section or a site's home page (depth 2): unpublishing a home with its
    descendants would take every mandated section down with it."""
    return bool(page.pk) and (page.depth == 2 or is_mandated(page))


class PortalPagePermissionTester(PagePermissionTester):
    @cached_property
    def mandated(self):
        return is_structural(self.page)

    def _protected(self):
        return self.mandated and not self.user.is_superuser

    def can_delete(self, ignore_bulk=False):
        return not self._protected() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return not self._protected() and super().can_unpublish()

    def can_move(self):
        return not self._protected() and super().can_move()

    def can_move_to(self, destination):
        return not self._protected() and super().can_move_to(destination)

    def can_set_view_restrictions(self):
        # A password or login on a mandated section hides it from parents like unpublishing.
        return not self._protected() and super().can_set_view_restrictions()


class MandatedSlugMixin:
    """The slug of a mandated section is fixed for everyone but superusers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        # Image/document/page choice fields accept only ids of the user's own school.
        restrict_choice_fields(self, user)
        if (
            "slug" in self.fields
            and self.instance.pk
            and not (user and user.is_superuser)
            and is_structural(self.instance)
        ):
            self.fields["slug"].disabled = True
            self.fields["slug"].help_text = _(
                "Đây là mục bắt buộc của cổng thông tin; không đổi được đường dẫn."
            )
            # An expiry date would unpublish the section when it passes.
            if "expire_at" in self.fields:
                self.fields["expire_at"].disabled = True
                self.fields["expire_at"].help_text = _(
                    "Mục bắt buộc không đặt được ngày hết hạn hiển thị."
                )

    def clean(self):
        cleaned_data = super().clean()
        from ..references import foreign_references, reference_error

        for name in foreign_references(cleaned_data, getattr(self, "for_user", None)):
            self.add_error(name if name in self.fields else None, reference_error())
        return cleaned_data


class PortalPageForm(PublishChecksFormMixin, MandatedSlugMixin, WagtailAdminPageForm):
    # The checks before publishing (publish_checks.py): "publish anyway".
    publish_warnings_override = override_field()


class FoldedSearchField(index.SearchField):
    """A search field indexed in its folded form (tenants/vietnamese.py)."""

    def get_value(self, obj):
        return fold(super().get_value(obj))


class PortalPage(Page):
    """Base of every page type in the portal."""

    # A post is counted by the audit when first published (news, announcements, documents…).
    is_post = False
    # What the audit reads of a page type (audit/text.py), declared on the type itself:
    # a structured post's shape is its content (a menu, a schedule), so it is never "thin";
    # a narrative post is compared across schools for copies (documents, disclosures, menus
    # are legitimately identical across schools: the same circular, the same form).
    is_structured = False
    compared_for_duplicates = False
    # The "?" to the Vietnamese guide of this kind of page, above its title.
    # The warnings before publishing (and those the author overrode) under it.
    content_panels = [GuideLinkPanel(), PublishChecksPanel(), *Page.content_panels]
    base_form_class = PortalPageForm
    # Public search matches folded text (tenants/vietnamese.py) on SQLite and PostgreSQL alike;
    # subclasses add their own fields to this list, so every page type gets both.
    # Every search field named "title" fills the index's title column (ranked highest): the
    # title as typed (the admin's search) and folded (the public search, both databases).
    search_fields = Page.search_fields + [
        FoldedSearchField("title", boost=2),
        index.SearchField("search_folded_text"),
    ]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return PortalPagePermissionTester(user, self)

    @cached_property
    def school(self):
        return School.for_page(self)

    def search_folded_text(self):
        from ..search_text import folded_text

        return folded_text(self)


class SectionPage(PortalPage):
    """An index page of the mandated structure: an introduction and a paginated list."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=RICH_FEATURES)
    per_page = 12
    # Ordering of children in the list; dated children override it.
    children_order = ("-first_published_at",)

    content_panels = PortalPage.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_items(self):
        return Page.objects.child_of(self).live().public().specific().order_by(*self.children_order)

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate(request, self.get_items())
        return context
