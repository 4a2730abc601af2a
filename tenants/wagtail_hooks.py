"""Tenant isolation in the Wagtail admin (querysets, menus, document serving) and the member
management area. URL-level guards are in tenants/isolation/guards.py (run by the middleware)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import Resolver404, include, path, resolve, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SummaryItem

from .isolation.api import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet
from .isolation.guards import SUPERUSER_ONLY_NAMES, SUPERUSER_ONLY_NAMESPACES
from .isolation.public import document_allowed_on_host
from .isolation.registry import filter_for_scope, scope_q
from .isolation.scope import scope_for_user
from .isolation.views import already_scoped


def _scoped_pages(pages, user):
    if user.is_superuser:
        return pages
    return pages.filter(scope_for_user(user).page_q())


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    # The chooser feeds rich-text links and PageChooserBlock too.
    return _scoped_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def scope_explorer(parent_page, pages, request):
    if already_scoped(request, pages):
        return pages  # the scoped listing restricted these rows just before (views.py)
    return _scoped_pages(pages, request.user)


@hooks.register("construct_image_chooser_queryset")
def scope_image_chooser(images, request):
    return filter_for_scope(scope_for_user(request.user), images)


@hooks.register("construct_document_chooser_queryset")
def scope_document_chooser(documents, request):
    return filter_for_scope(scope_for_user(request.user), documents)


@hooks.register("filter_form_submissions_for_user")
def scope_form_pages(user, form_pages):
    return _scoped_pages(form_pages, user)


# Wagtail's Forms menu item asks on every admin page whether any form page is editable: for a
# province admin that query tested the permission and scope subqueries on every page of every
# school (80-150 ms). Asked instead: the form pages of the user's sites (an indexed query on
# the page type, a page of rows), each checked against the permission rows already loaded for
# the request, once per request. Only when none of a full page of candidates is editable does
# it fall back to Wagtail's own query, so the answer is always Wagtail's.
FORMS_MENU_CANDIDATES = 20
FORMS_MENU_CACHE_ATTR = "_portal_has_form_pages"


def _has_form_pages(user):
    from wagtail.contrib.forms.utils import get_form_types, get_forms_for_user
    from wagtail.models import Page
    from wagtail.permissions import page_permission_policy

    from .isolation.permission_policies import subtree_q

    if user.is_superuser or not user.is_active:
        return get_forms_for_user(user).exists()
    scope = scope_for_user(user)
    if not scope.page_paths:
        return False  # the scope hook leaves such a user no form page at all
    if not page_permission_policy.user_has_any_permission(user, ["change"]):
        return False  # no page right to change anything ("add" counts: own pages), from memory
    candidates = list(
        Page.objects.filter(content_type__in=[ct.pk for ct in get_form_types()])
        .filter(subtree_q(scope.page_paths))
        .only("pk", "path", "depth", "owner_id")
        .order_by()[: FORMS_MENU_CANDIDATES + 1]
    )
    for page in candidates[:FORMS_MENU_CANDIDATES]:
        if page_permission_policy.user_has_any_permission_for_instance(user, ["change"], page):
            return True
    if len(candidates) <= FORMS_MENU_CANDIDATES:
        return False  # every form page of the scope was checked
    return get_forms_for_user(user).exists()


def forms_menu_is_shown(self, request):
    """Whether the user can reach at least one form page's submissions (Wagtail's rule)."""
    shown = getattr(request, FORMS_MENU_CACHE_ATTR, None)
    if shown is None:
        shown = _has_form_pages(request.user)
        setattr(request, FORMS_MENU_CACHE_ATTR, shown)
    return shown


def _install_forms_menu_check():
    from wagtail.contrib.forms.wagtail_hooks import FormsMenuItem

    FormsMenuItem.is_shown = forms_menu_is_shown


_install_forms_menu_check()


class SchoolsSummaryItem(SummaryItem):
    """The home's summary for a user reaching many schools: how many schools and authorities,
    read from the scope already computed for the request (no query)."""

    order = 100
    template_name = "tenants/home/site_summary_schools.html"

    def get_context_data(self, parent_context):
        scope = scope_for_user(self.request.user)
        return {"schools": len(scope.school_ids), "authorities": len(scope.authority_ids)}


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's
def summarise_many_schools(request, summary_items):
    """Wagtail counts the pages, images and documents under the user's explorable root: for a
    province admin that counts every page and media item of every school (a scan of the whole
    page tree and two of every collection's media on each visit of the home). A user reaching
    more schools than a sidebar lists gets the count of their schools and authorities instead;
    the listings (with their school filter) are a click away. A school's users are unchanged."""
    from wagtail.admin.site_summary import PagesSummaryItem
    from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
    from wagtail.images.wagtail_hooks import ImagesSummaryItem

    from .isolation.views import MAX_FILTER_CHOICES

    if request.user.is_superuser:
        return
    if len(scope_for_user(request.user).school_ids) <= MAX_FILTER_CHOICES:
        return
    counted = (PagesSummaryItem, ImagesSummaryItem, DocumentsSummaryItem)
    summary_items[:] = [item for item in summary_items if not isinstance(item, counted)]
    summary_items.append(SchoolsSummaryItem(request))


@hooks.register("construct_admin_api", order=100)
def scope_admin_api(router):
    # Runs after wagtail.images/documents registered theirs: same names, scoped querysets.
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


@hooks.register("before_bulk_action")
def bulk_action_in_scope(request, action_type, objects, action_class_instance):
    if request.user.is_superuser:
        return None
    scope = scope_for_user(request.user)
    if scope.is_read_only:
        raise PermissionDenied
    for obj in objects:
        model = type(obj)
        condition = scope_q(scope, model)
        if condition is None or not model._default_manager.filter(condition, pk=obj.pk).exists():
            raise PermissionDenied
    return None


def _superuser_only_url(url):
    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return False
    namespace = match.namespaces[-1] if match.namespaces else ""
    full = ":".join(match.namespaces + [match.url_name or ""])
    return namespace in SUPERUSER_ONLY_NAMESPACES or full in SUPERUSER_ONLY_NAMES


def _hide_superuser_screens(request, menu_items):
    if request.user.is_superuser:
        return
    menu_items[:] = [
        item for item in menu_items if not _superuser_only_url(getattr(item, "url", "") or "")
    ]


@hooks.register("construct_main_menu")
def hide_main_menu_items(request, menu_items):
    _hide_superuser_screens(request, menu_items)


@hooks.register("construct_settings_menu")
def hide_settings_menu_items(request, menu_items):
    _hide_superuser_screens(request, menu_items)


@hooks.register("construct_reports_menu")
def hide_reports_menu_items(request, menu_items):
    _hide_superuser_screens(request, menu_items)


@hooks.register("before_serve_document")
def document_on_its_own_host(document, request):
    # A school's document is served on that school's host (or the office's), nowhere else.
    if not document_allowed_on_host(document, request):
        raise Http404


@hooks.register("construct_page_action_menu")
def approve_label_said_once(menu_items, request, context):
    from .approval import keep_task_labels

    keep_task_labels(menu_items, request, context)


# The school and authority choosers of the listings' filters (tenants/admin_filters.py).


@hooks.register("register_admin_viewset")
def register_tenant_choosers():
    from .choosers import authority_chooser_viewset, school_chooser_viewset

    return [school_chooser_viewset, authority_chooser_viewset]


# Member management ("Thành viên của trường")


class MembersMenuItem(MenuItem):
    def is_shown(self, request):
        from .members.permissions import manager_scope

        return manager_scope(request.user).can_manage


@hooks.register("register_admin_urls")
def register_member_urls():
    from .members import urls

    return [
        path(
            "members/", include((urls.urlpatterns, "tenants_members"), namespace="tenants_members")
        )
    ]


@hooks.register("register_admin_menu_item")
def register_members_menu_item():
    return MembersMenuItem(
        _("Thành viên"),
        reverse("tenants_members:index"),
        name="thanh-vien",
        icon_name="group",
        order=900,
    )


# Importing schools from the admin (tenants/import_admin.py registers its own URLs and menu item).
from . import import_admin  # noqa: E402, F401
