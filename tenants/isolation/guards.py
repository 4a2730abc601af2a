"""URL-level guards for the admin: every Wagtail admin route that takes an object id is checked
against the user's tenant scope before Wagtail's view runs; screens that cannot be made safe
for tenants answer 403 to everyone but superusers; office auditors cannot write at all.

Out-of-scope ids answer 404 (the object's existence is not confirmed); forbidden screens 403."""

import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)

from .registry import object_in_scope, scope_q
from .scope import scope_for_user

# Whole Wagtail screens a tenant cannot be given safely: they act on every site at once.
SUPERUSER_ONLY_NAMESPACES = {
    "wagtailadmin_collections",
    "wagtailadmin_workflows",
    "wagtailredirects",
    "wagtailsites",
    "wagtailusers_users",
    "wagtailusers_groups",
    "wagtailusers_api_tokens",
}
SUPERUSER_ONLY_NAMES = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtailadmin_error_test",
}
# What an auditor (read-only office role) may still POST: signing out, their own profile.
READ_ONLY_POST_ALLOWED = {
    "wagtailadmin_logout",
    "wagtailadmin_account",
    "wagtailadmin_dismissibles",
    "wagtailadmin_login",
}

# Where the auditor's read-only rule is enforced here: Wagtail's screens and ours. Other apps'
# screens (the audit's inspections, written by auditors) decide for themselves.
READ_ONLY_ENFORCED_MODULES = ("wagtail.", "tenants.")


def _module_of(view_func):
    view_class = getattr(view_func, "view_class", None)
    return (view_class or view_func).__module__ or ""


# Route name → {url kwarg: kind of object it names}.
ROUTE_IDS = {
    "wagtailadmin_explore": {"parent_page_id": "page_or_root"},
    "wagtailadmin_explore_results": {"parent_page_id": "page_or_root"},
    "wagtailadmin_pages:add": {"parent_page_id": "page"},
    "wagtailadmin_pages:preview_on_add": {"parent_page_id": "page"},
    "wagtailadmin_pages:add_subpage": {"parent_page_id": "page"},
    "wagtailadmin_pages:usage": {"page_id": "page"},
    "wagtailadmin_pages:edit": {"page_id": "page"},
    "wagtailadmin_pages:preview_on_edit": {"page_id": "page"},
    "wagtailadmin_pages:view_draft": {"page_id": "page"},
    "wagtailadmin_pages:delete": {"page_id": "page"},
    "wagtailadmin_pages:unpublish": {"page_id": "page"},
    "wagtailadmin_pages:convert_alias": {"page_id": "page"},
    "wagtailadmin_pages:move": {"page_to_move_id": "page"},
    "wagtailadmin_pages:move_confirm": {"page_to_move_id": "page", "destination_id": "page"},
    "wagtailadmin_pages:set_page_position": {"page_to_move_id": "page"},
    "wagtailadmin_pages:copy": {"page_id": "page"},
    "wagtailadmin_pages:workflow_action": {"page_id": "page", "task_state_id": "task_state"},
    "wagtailadmin_pages:collect_workflow_action_data": {
        "page_id": "page",
        "task_state_id": "task_state",
    },
    "wagtailadmin_pages:confirm_workflow_cancellation": {"page_id": "page"},
    "wagtailadmin_pages:workflow_preview": {"page_id": "page"},
    "wagtailadmin_pages:set_privacy": {"page_id": "page"},
    "wagtailadmin_pages:lock": {"page_id": "page"},
    "wagtailadmin_pages:unlock": {"page_id": "page"},
    "wagtailadmin_pages:revisions_index": {"page_id": "page"},
    "wagtailadmin_pages:revisions_view": {"page_id": "page", "revision_id": "revision"},
    "wagtailadmin_pages:revisions_revert": {"page_id": "page", "revision_id": "revision"},
    "wagtailadmin_pages:revisions_unschedule": {"page_id": "page", "revision_id": "revision"},
    "wagtailadmin_pages:revisions_compare": {
        "pk": "page",
        "revision_id_a": "revision",
        "revision_id_b": "revision",
    },
    "wagtailadmin_pages:workflow_history": {"page_id": "page"},
    "wagtailadmin_pages:workflow_history_detail": {
        "page_id": "page",
        "workflow_state_id": "workflow_state",
    },
    "wagtailadmin_pages:history": {"page_id": "page"},
    "wagtailadmin_pages:history_results": {"page_id": "page"},
    "wagtailadmin_choose_page_child": {"parent_page_id": "page_or_root"},
    "wagtailadmin_api:pages:detail": {"pk": "page"},
    "wagtailadmin_api:pages:action": {"pk": "page"},
    "wagtailadmin_api:images:detail": {"pk": "image"},
    "wagtailadmin_api:documents:detail": {"pk": "document"},
    "wagtailforms:list_submissions": {"page_id": "page"},
    "wagtailforms:list_submissions_results": {"page_id": "page"},
    "wagtailforms:delete_submissions": {"page_id": "page"},
    "wagtaildocs:edit": {"document_id": "document"},
    "wagtaildocs:delete": {"document_id": "document"},
    "wagtaildocs:edit_multiple": {"doc_id": "document"},
    "wagtaildocs:delete_multiple": {"doc_id": "document"},
    "wagtaildocs:create_multiple_from_uploaded_document": {"uploaded_file_id": "uploaded_file"},
    "wagtaildocs:delete_upload_multiple": {"uploaded_file_id": "uploaded_file"},
    "wagtaildocs:document_usage": {"document_id": "document"},
    "wagtaildocs_chooser:chosen": {"pk": "document"},
    "wagtailimages:edit": {"image_id": "image"},
    "wagtailimages:delete": {"image_id": "image"},
    "wagtailimages:url_generator": {"image_id": "image"},
    "wagtailimages:url_generator_output": {"image_id": "image"},
    "wagtailimages:preview": {"image_id": "image"},
    "wagtailimages:image_usage": {"image_id": "image"},
    "wagtailimages:edit_multiple": {"image_id": "image"},
    "wagtailimages:delete_multiple": {"image_id": "image"},
    "wagtailimages:create_multiple_from_uploaded_image": {"uploaded_file_id": "uploaded_file"},
    "wagtailimages:delete_upload_multiple": {"uploaded_file_id": "uploaded_file"},
    "wagtailimages_chooser:chosen": {"pk": "image"},
    "wagtailimages_chooser:select_format": {"image_id": "image"},
    "wagtailadmin_editing_sessions:release": {"session_id": "editing_session"},
    "wagtailadmin_editing_sessions:ping": {"session_id": "editing_session"},
}
# Route name → {query parameter: kind}; every value of the parameter is checked.
QUERY_IDS = {
    "wagtailadmin_choose_page_chosen_multiple": {"id": "page"},
    "wagtailadmin_choose_page": {"target_pages[]": "page"},
    "wagtailadmin_choose_page_child": {"target_pages[]": "page"},
    "wagtailadmin_choose_page_search": {"target_pages[]": "page"},
    "wagtaildocs_chooser:chosen_multiple": {"id": "document"},
    "wagtailimages_chooser:chosen_multiple": {"id": "image"},
    "wagtailadmin_api:pages:listing": {"child_of": "page_or_root", "descendant_of": "page"},
    "wagtailadmin_pages:search": {"content_type": None},
}


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _page_in_scope(scope, pk, allow_root=False):
    page = Page.objects.filter(pk=_int(pk)).only("path", "depth").first()
    if page is None:
        return True  # Wagtail answers 404 itself
    if allow_root and page.depth == 1:
        return True
    return scope.has_page(page)


def _object_in_scope(scope, content_type_id, object_id):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return False
    if model is None:
        return False
    if issubclass(model, Page):
        return _page_in_scope(scope, object_id)
    return object_in_scope(scope, model, object_id)


def _revision_in_scope(scope, pk):
    if not str(pk).isdigit():
        return True  # "live", "latest", "earliest": relative to the page, checked separately
    revision = Revision.objects.filter(pk=int(pk)).first()
    if revision is None:
        return True
    return _object_in_scope(scope, revision.base_content_type_id, revision.object_id)


def _workflow_state_in_scope(scope, pk):
    state = WorkflowState.objects.filter(pk=_int(pk)).first()
    if state is None:
        return True
    return _object_in_scope(scope, state.base_content_type_id, state.object_id)


def _task_state_in_scope(scope, pk):
    state = TaskState.objects.filter(pk=_int(pk)).select_related("workflow_state").first()
    if state is None:
        return True
    workflow_state = state.workflow_state
    return _object_in_scope(scope, workflow_state.base_content_type_id, workflow_state.object_id)


def _collection_member_in_scope(model):
    def check(scope, pk):
        collection_id = (
            model.objects.filter(pk=_int(pk)).values_list("collection_id", flat=True).first()
        )
        if collection_id is None:
            return True
        return scope.has_collection_id(collection_id)

    return check


def _owned_by_user(model, field):
    def check(scope, pk, request):
        owner = model.objects.filter(pk=_int(pk)).values_list(field, flat=True).first()
        return owner is None or owner == request.user.pk

    check.needs_request = True
    return check


def _editing_session_check(scope, pk, request):
    from wagtail.admin.models import EditingSession

    session = EditingSession.objects.filter(pk=_int(pk)).first()
    return session is None or session.user_id == request.user.pk


_editing_session_check.needs_request = True

KIND_CHECKS = {
    "page": lambda scope, pk: _page_in_scope(scope, pk),
    "page_or_root": lambda scope, pk: (
        pk in (None, "", "root") or _page_in_scope(scope, pk, allow_root=True)
    ),
    "revision": _revision_in_scope,
    "workflow_state": _workflow_state_in_scope,
    "task_state": _task_state_in_scope,
    "image": _collection_member_in_scope(get_image_model()),
    "document": _collection_member_in_scope(get_document_model()),
    "uploaded_file": _owned_by_user(UploadedFile, "uploaded_by_user_id"),
    "editing_session": _editing_session_check,
}


def check_kind(kind, scope, value, request):
    check = KIND_CHECKS[kind]
    if getattr(check, "needs_request", False):
        return check(scope, value, request)
    return check(scope, value)


def _full_name(match):
    namespace = ":".join(match.namespaces)
    return f"{namespace}:{match.url_name}" if namespace else (match.url_name or "")


SNIPPET_NAMESPACE = re.compile(r"^wagtailsnippets_|^wagtailsnippetchoosers_")


def _view_model(view_func):
    initkwargs = getattr(view_func, "view_initkwargs", None) or {}
    model = initkwargs.get("model")
    if model is None:
        view_class = getattr(view_func, "view_class", None)
        model = getattr(view_class, "model", None)
    return model


def check_request(request, match, view_func, view_kwargs):
    """Raise PermissionDenied/Http404 when the request reaches beyond the user's scope."""
    user = request.user
    if not user.is_authenticated or user.is_superuser:
        return
    name = _full_name(match)
    namespace = match.namespaces[-1] if match.namespaces else ""
    scope = scope_for_user(user)

    if namespace in SUPERUSER_ONLY_NAMESPACES or name in SUPERUSER_ONLY_NAMES:
        raise PermissionDenied
    if (
        request.method not in ("GET", "HEAD", "OPTIONS")
        and scope.is_read_only
        and name not in READ_ONLY_POST_ALLOWED
        and _module_of(view_func).startswith(READ_ONLY_ENFORCED_MODULES)
    ):
        raise PermissionDenied

    for kwarg, kind in ROUTE_IDS.get(name, {}).items():
        value = view_kwargs.get(kwarg)
        if value is not None and not check_kind(kind, scope, value, request):
            raise Http404
    for param, kind in QUERY_IDS.get(name, {}).items():
        if kind is None:
            continue
        for value in request.GET.getlist(param):
            if value and not check_kind(kind, scope, value, request):
                raise Http404

    if name == "wagtailadmin_editing_sessions:ping":
        _check_content_object(scope, view_kwargs)
    if name == "wagtail_bulk_action":
        _check_bulk_action(request, scope, view_kwargs)
    if name.startswith("wagtailsettings:"):
        _check_settings(request, scope, view_kwargs)
    if SNIPPET_NAMESPACE.match(namespace):
        _check_snippet(request, scope, view_func, view_kwargs)


def _model_for(app_label, model_name):
    try:
        return ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist as e:
        raise Http404 from e


def _check_content_object(scope, view_kwargs):
    model = _model_for(view_kwargs["app_label"], view_kwargs["model_name"])
    if model is None:
        raise Http404
    content_type = ContentType.objects.get_for_model(model)
    if not _object_in_scope(scope, content_type.pk, view_kwargs["object_id"]):
        raise Http404


def _check_bulk_action(request, scope, view_kwargs):
    model = _model_for(view_kwargs["app_label"], view_kwargs["model_name"])
    if model is None:
        raise Http404
    ids = request.GET.getlist("id")
    if issubclass(model, Page):
        if "all" in ids:
            # "all" means the children (or, when searching, descendants) of childOf.
            parent = request.GET.get("childOf")
            if not parent or not _page_in_scope(scope, parent):
                raise PermissionDenied
        for pk in ids:
            if pk != "all" and not _page_in_scope(scope, pk):
                raise Http404
        return
    if model is get_image_model() or model is get_document_model():
        kind = "image" if model is get_image_model() else "document"
        for pk in ids:
            if pk != "all" and not check_kind(kind, scope, pk, request):
                raise Http404
        return
    # Users and snippets: "all" would span every tenant; single ids must be in scope.
    if "all" in ids or scope_q(scope, model) is None:
        raise PermissionDenied
    for pk in ids:
        if not object_in_scope(scope, model, pk):
            raise Http404


def _check_settings(request, scope, view_kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting

    model = _model_for(view_kwargs["app_name"], view_kwargs["model_name"])
    if model is None:
        raise Http404
    if not issubclass(model, BaseSiteSetting):
        raise PermissionDenied  # one setting for every site: not a tenant's to change
    site_id = view_kwargs.get("pk")
    if site_id is None:
        return  # ScopedSettingsRedirect in views sends the user to their own site
    if not scope.has_site_id(_int(site_id)):
        raise Http404


def _check_snippet(request, scope, view_func, view_kwargs):
    model = _view_model(view_func)
    if model is None:
        raise PermissionDenied
    if scope_q(scope, model) is None:
        raise PermissionDenied  # undeclared snippet models are for superusers only
    pk = view_kwargs.get("pk")
    if pk is not None:
        from django.contrib.admin.utils import unquote

        if not object_in_scope(scope, model, unquote(str(pk))):
            raise Http404
    revision_id = view_kwargs.get("revision_id")
    if revision_id is not None and not _revision_in_scope(scope, revision_id):
        raise Http404
