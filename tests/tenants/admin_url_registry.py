"""Every admin URL pattern, classified for the tenant-isolation sweep
(tests/tenants/test_isolation_sweep.py). A pattern missing here fails the sweep.

How to classify a new admin screen
----------------------------------
Add an entry keyed by the pattern's full name ("namespace:name"; the route string for unnamed
patterns). Apps other than tenants may instead keep their entries in `tests/<app>/admin_urls.py`
as a dict `ADMIN_URLS` (same format): it is merged here automatically, so each app owns its own
classification. Kinds:

- AUTH      login, logout, password reset, JS catalogue: no tenant data.
- SELF      the user's own account/preferences, or a screen with no stored data.
- LISTING   a listing, search, chooser, report or dashboard. Requested with `query` (the search
            term is added as `q` unless the query says otherwise); no school-B string may appear.
- OBJECT    takes object ids (`ids`: url kwarg → id kind of tests/tenants/conftest.py, e.g.
            "page", "image", "document", "revision", "user", "school"). Requested with school B's
            ids, GET and POST: must answer 403/404 or redirect away, showing nothing of B.
- SUPERUSER spans every tenant; hidden from tenants and answering 403 to them.
- OWNED     another app's screen that does its own scoping and is tested by that app (`owner`);
            the sweep still runs the id substitution when `ids` is given and the no-B-data check
            on GET when it takes no ids.

`params` gives fixed values for non-id kwargs (app labels, model names, actions); `query_ids`
maps a query parameter to an id kind (its value is replaced by B's id).
"""

import importlib
from dataclasses import dataclass, field

AUTH, SELF, LISTING, OBJECT, SUPERUSER, OWNED = (
    "auth",
    "self",
    "listing",
    "object",
    "superuser",
    "owned",
)


@dataclass(frozen=True)
class Route:
    kind: str
    ids: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    query: dict = field(default_factory=dict)
    query_ids: dict = field(default_factory=dict)
    owner: str = "tenants"
    # A listing whose GET must show this school-A id kind's title for the school-A editor.
    shows: str = ""


def R(kind, **kwargs):
    return Route(kind, **kwargs)


PAGE_TYPE = {"content_type_app_name": "page_types", "content_type_model_name": "newsarticlepage"}
IMAGE_CT = {"app_label": "wagtailimages", "model_name": "image"}

ADMIN_URLS = {
    # Dashboard and no-data endpoints
    "wagtailadmin_home": R(LISTING),
    "admin/test404/": R(SELF),
    "admin/^.*/$": R(SELF),
    "wagtailadmin_error_test": R(SUPERUSER),
    "wagtailadmin_sprite": R(AUTH),
    "wagtailadmin_login": R(AUTH),
    "wagtailadmin_logout": R(AUTH),
    "wagtailadmin_password_reset": R(AUTH),
    "wagtailadmin_password_reset_done": R(AUTH),
    "wagtailadmin_password_reset_confirm": R(AUTH, params={"uidb64": "MQ", "token": "x-y"}),
    "wagtailadmin_password_reset_complete": R(AUTH),
    "wagtailadmin_javascript_catalog": R(AUTH),
    "wagtailadmin_account": R(SELF),
    "wagtailadmin_dismissibles": R(SELF),
    "wagtailadmin_block_preview": R(SELF),
    "wagtailadmin_choose_page_external_link": R(SELF),
    "wagtailadmin_choose_page_email_link": R(SELF),
    "wagtailadmin_choose_page_phone_link": R(SELF),
    "wagtailadmin_choose_page_anchor_link": R(SELF),
    "wagtailembeds:chooser": R(SELF),
    "wagtailembeds:chooser_upload": R(SELF),
    # Admin API (used by the sidebar explorer)
    "wagtailadmin_api:pages:listing": R(LISTING, query={"search": "Kenhdao"}),
    "wagtailadmin_api:pages:detail": R(OBJECT, ids={"pk": "page"}),
    "wagtailadmin_api:pages:find": R(LISTING, query={"html_path": "/"}),
    "wagtailadmin_api:pages:action": R(
        OBJECT, ids={"pk": "page"}, params={"action_name": "delete"}
    ),
    "wagtailadmin_api:documents:listing": R(LISTING, query={}),
    "wagtailadmin_api:documents:detail": R(OBJECT, ids={"pk": "document"}),
    "wagtailadmin_api:documents:find": R(LISTING, query={"id": "{document}"}),
    "wagtailadmin_api:images:listing": R(LISTING, query={}),
    "wagtailadmin_api:images:detail": R(OBJECT, ids={"pk": "image"}),
    "wagtailadmin_api:images:find": R(LISTING, query={"id": "{image}"}),
    # Page explorer and page actions
    "wagtailadmin_explore_root": R(LISTING, shows="page_home"),
    "wagtailadmin_explore": R(OBJECT, ids={"parent_page_id": "page_parent"}),
    "wagtailadmin_explore_results": R(OBJECT, ids={"parent_page_id": "page_parent"}),
    "wagtail_bulk_action": R(
        OBJECT,
        params={"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
        query_ids={"id": "page"},
    ),
    "wagtailadmin_pages:add": R(OBJECT, ids={"parent_page_id": "page_parent"}, params=PAGE_TYPE),
    "wagtailadmin_pages:preview_on_add": R(
        OBJECT, ids={"parent_page_id": "page_parent"}, params=PAGE_TYPE
    ),
    "wagtailadmin_pages:type_use": R(LISTING, params=PAGE_TYPE, shows="page"),
    "wagtailadmin_pages:type_use_results": R(LISTING, params=PAGE_TYPE, shows="page"),
    "wagtailadmin_pages:choose_parent": R(
        LISTING, params={"app_label": "page_types", "model_name": "newsarticlepage"}
    ),
    "wagtailadmin_pages:usage": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:edit": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:preview_on_edit": R(OBJECT, ids={"page_id": "page_draft"}),
    "wagtailadmin_pages:view_draft": R(OBJECT, ids={"page_id": "page_draft"}),
    "wagtailadmin_pages:add_subpage": R(OBJECT, ids={"parent_page_id": "page_parent"}),
    "wagtailadmin_pages:delete": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:unpublish": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:convert_alias": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:search": R(LISTING, shows="page"),
    "wagtailadmin_pages:search_results": R(LISTING, shows="page"),
    "wagtailadmin_pages:move": R(OBJECT, ids={"page_to_move_id": "page"}),
    "wagtailadmin_pages:move_confirm": R(
        OBJECT, ids={"page_to_move_id": "page", "destination_id": "page_parent"}
    ),
    "wagtailadmin_pages:set_page_position": R(OBJECT, ids={"page_to_move_id": "page"}),
    "wagtailadmin_pages:copy": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:workflow_action": R(
        OBJECT,
        ids={"page_id": "page_moderated", "task_state_id": "task_state"},
        params={"action_name": "approve"},
    ),
    "wagtailadmin_pages:collect_workflow_action_data": R(
        OBJECT,
        ids={"page_id": "page_moderated", "task_state_id": "task_state"},
        params={"action_name": "approve"},
    ),
    "wagtailadmin_pages:confirm_workflow_cancellation": R(
        OBJECT, ids={"page_id": "page_moderated"}
    ),
    "wagtailadmin_pages:workflow_preview": R(
        OBJECT, ids={"page_id": "page_moderated", "task_id": "task"}
    ),
    "wagtailadmin_pages:set_privacy": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:lock": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:unlock": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:revisions_index": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:revisions_view": R(
        OBJECT, ids={"page_id": "page", "revision_id": "revision"}
    ),
    "wagtailadmin_pages:revisions_revert": R(
        OBJECT, ids={"page_id": "page", "revision_id": "revision"}
    ),
    "wagtailadmin_pages:revisions_unschedule": R(
        OBJECT, ids={"page_id": "page", "revision_id": "revision"}
    ),
    "wagtailadmin_pages:revisions_compare": R(
        OBJECT, ids={"pk": "page", "revision_id_a": "revision", "revision_id_b": "revision"}
    ),
    "wagtailadmin_pages:workflow_history": R(OBJECT, ids={"page_id": "page_moderated"}),
    "wagtailadmin_pages:workflow_history_detail": R(
        OBJECT, ids={"page_id": "page_moderated", "workflow_state_id": "workflow_state"}
    ),
    "wagtailadmin_pages:history": R(OBJECT, ids={"page_id": "page"}),
    "wagtailadmin_pages:history_results": R(OBJECT, ids={"page_id": "page"}),
    # Page chooser (also used by rich-text links and PageChooserBlock)
    "wagtailadmin_choose_page": R(LISTING, shows="page_home"),
    "wagtailadmin_choose_page_child": R(OBJECT, ids={"parent_page_id": "page_parent"}),
    "wagtailadmin_choose_page_search": R(LISTING, shows="page"),
    "wagtailadmin_choose_page_chosen_multiple": R(OBJECT, query_ids={"id": "page"}),
    "wagtailadmin_tag_autocomplete": R(LISTING, query={"term": "zq"}),
    "wagtailadmin_tag_model_autocomplete": R(
        LISTING, params={"app_name": "taggit", "model_name": "tag"}, query={"term": "zq"}
    ),
    # Settings-menu screens that span every tenant
    "wagtailadmin_collections:index": R(SUPERUSER),
    "wagtailadmin_collections:add": R(SUPERUSER),
    "wagtailadmin_collections:edit": R(SUPERUSER, ids={"pk": "collection"}),
    "wagtailadmin_collections:delete": R(SUPERUSER, ids={"pk": "collection"}),
    "wagtailadmin_collections:set_privacy": R(SUPERUSER, ids={"collection_id": "collection"}),
    "wagtailadmin_workflows:index": R(SUPERUSER),
    "wagtailadmin_workflows:index_results": R(SUPERUSER),
    "wagtailadmin_workflows:add": R(SUPERUSER),
    "wagtailadmin_workflows:enable": R(SUPERUSER, ids={"pk": "workflow"}),
    "wagtailadmin_workflows:disable": R(SUPERUSER, ids={"pk": "workflow"}),
    "wagtailadmin_workflows:edit": R(SUPERUSER, ids={"pk": "workflow"}),
    "wagtailadmin_workflows:usage": R(SUPERUSER, ids={"pk": "workflow"}),
    "wagtailadmin_workflows:usage_results": R(SUPERUSER, ids={"pk": "workflow"}),
    "wagtailadmin_workflows:remove": R(
        SUPERUSER, ids={"page_pk": "page_home", "workflow_pk": "workflow"}
    ),
    "wagtailadmin_workflows:add_task": R(
        SUPERUSER, params={"app_label": "tenants", "model_name": "schoolapprovaltask"}
    ),
    "wagtailadmin_workflows:select_task_type": R(SUPERUSER),
    "wagtailadmin_workflows:task_index": R(SUPERUSER),
    "wagtailadmin_workflows:task_index_results": R(SUPERUSER),
    "wagtailadmin_workflows:edit_task": R(SUPERUSER, ids={"pk": "task"}),
    "wagtailadmin_workflows:disable_task": R(SUPERUSER, ids={"pk": "task"}),
    "wagtailadmin_workflows:enable_task": R(SUPERUSER, ids={"pk": "task"}),
    "wagtailadmin_workflows:task_chooser": R(SUPERUSER),
    "wagtailadmin_workflows:task_chooser_results": R(SUPERUSER),
    "wagtailadmin_workflows:task_chooser_create": R(SUPERUSER),
    "wagtailadmin_workflows:task_chosen": R(SUPERUSER, ids={"task_id": "task"}),
    # Reports
    "wagtailadmin_reports:locked_pages": R(LISTING, query={}),
    "wagtailadmin_reports:locked_pages_results": R(LISTING, query={}),
    "wagtailadmin_reports:workflow": R(LISTING, query={}),
    "wagtailadmin_reports:workflow_results": R(LISTING, query={}),
    "wagtailadmin_reports:workflow_tasks": R(LISTING, query={}),
    "wagtailadmin_reports:workflow_tasks_results": R(LISTING, query={}),
    "wagtailadmin_reports:site_history": R(LISTING, query={}),
    "wagtailadmin_reports:site_history_results": R(LISTING, query={}),
    "wagtailadmin_reports:aging_pages": R(LISTING, query={}),
    "wagtailadmin_reports:aging_pages_results": R(LISTING, query={}),
    "wagtailadmin_reports:page_types_usage": R(SUPERUSER),
    "wagtailadmin_reports:page_types_usage_results": R(SUPERUSER),
    # Editing sessions (the "someone else is editing" pings)
    "wagtailadmin_editing_sessions:ping": R(
        OBJECT,
        ids={"object_id": "page", "session_id": "editing_session"},
        params={"app_label": "wagtailcore", "model_name": "page"},
    ),
    "wagtailadmin_editing_sessions:release": R(OBJECT, ids={"session_id": "editing_session"}),
    # Form submissions
    "wagtailforms:index": R(LISTING, query={}),
    "wagtailforms:index_results": R(LISTING, query={}),
    "wagtailforms:list_submissions": R(OBJECT, ids={"page_id": "form_page"}),
    "wagtailforms:list_submissions_results": R(OBJECT, ids={"page_id": "form_page"}),
    "wagtailforms:delete_submissions": R(
        OBJECT, ids={"page_id": "form_page"}, query_ids={"selected-submissions": "submission"}
    ),
    # Redirects: a tenant could create one for every site
    "wagtailredirects:index": R(SUPERUSER),
    "wagtailredirects:index_results": R(SUPERUSER),
    "wagtailredirects:add": R(SUPERUSER),
    "wagtailredirects:edit": R(SUPERUSER, ids={"redirect_id": "redirect"}),
    "wagtailredirects:delete": R(SUPERUSER, ids={"redirect_id": "redirect"}),
    "wagtailredirects:start_import": R(SUPERUSER),
    "wagtailredirects:process_import": R(SUPERUSER),
    # Settings (none registered yet; site settings are checked by site id, generic ones 403)
    "wagtailsettings:edit": R(
        OBJECT, ids={"pk": "site"}, params={"app_name": "wagtailcore", "model_name": "site"}
    ),
    "wagtailsettings:preview_on_edit": R(
        OBJECT, ids={"pk": "site"}, params={"app_name": "wagtailcore", "model_name": "site"}
    ),
    # Snippets
    "wagtailsnippets:index": R(LISTING, query={}),
    # Documents
    "wagtaildocs:index": R(LISTING, shows="document"),
    "wagtaildocs:index_results": R(LISTING, shows="document"),
    "wagtaildocs:add": R(SELF),
    "wagtaildocs:edit": R(OBJECT, ids={"document_id": "document"}),
    "wagtaildocs:delete": R(OBJECT, ids={"document_id": "document"}),
    "wagtaildocs:add_multiple": R(LISTING, query={}),
    "wagtaildocs:edit_multiple": R(OBJECT, ids={"doc_id": "document"}),
    "wagtaildocs:create_multiple_from_uploaded_document": R(
        OBJECT, ids={"uploaded_file_id": "uploaded_file"}
    ),
    "wagtaildocs:delete_multiple": R(OBJECT, ids={"doc_id": "document"}),
    "wagtaildocs:delete_upload_multiple": R(OBJECT, ids={"uploaded_file_id": "uploaded_file"}),
    "wagtaildocs:document_usage": R(OBJECT, ids={"document_id": "document"}),
    "wagtaildocs_chooser:choose": R(LISTING, shows="document"),
    "wagtaildocs_chooser:choose_results": R(LISTING, shows="document"),
    "wagtaildocs_chooser:chosen": R(OBJECT, ids={"pk": "document"}),
    "wagtaildocs_chooser:chosen_multiple": R(OBJECT, query_ids={"id": "document"}),
    "wagtaildocs_chooser:create": R(LISTING, query={}),
    # Images
    "wagtailimages:index": R(LISTING, shows="image"),
    "wagtailimages:index_results": R(LISTING, shows="image"),
    "wagtailimages:edit": R(OBJECT, ids={"image_id": "image"}),
    "wagtailimages:delete": R(OBJECT, ids={"image_id": "image"}),
    "wagtailimages:url_generator": R(OBJECT, ids={"image_id": "image"}),
    "wagtailimages:url_generator_output": R(
        OBJECT, ids={"image_id": "image"}, query={"filter_method": "original"}
    ),
    "wagtailimages:preview": R(
        OBJECT, ids={"image_id": "image"}, params={"filter_spec": "original"}
    ),
    "wagtailimages:add": R(LISTING, query={}),
    "wagtailimages:image_usage": R(OBJECT, ids={"image_id": "image"}),
    "wagtailimages:add_multiple": R(LISTING, query={}),
    "wagtailimages:edit_multiple": R(OBJECT, ids={"image_id": "image"}),
    "wagtailimages:create_multiple_from_uploaded_image": R(
        OBJECT, ids={"uploaded_file_id": "uploaded_file"}
    ),
    "wagtailimages:delete_multiple": R(OBJECT, ids={"image_id": "image"}),
    "wagtailimages:delete_upload_multiple": R(OBJECT, ids={"uploaded_file_id": "uploaded_file"}),
    "wagtailimages_chooser:choose": R(LISTING, shows="image"),
    "wagtailimages_chooser:choose_results": R(LISTING, shows="image"),
    "wagtailimages_chooser:chosen": R(OBJECT, ids={"pk": "image"}),
    "wagtailimages_chooser:chosen_multiple": R(OBJECT, query_ids={"id": "image"}),
    "wagtailimages_chooser:create": R(LISTING, query={}),
    "wagtailimages_chooser:select_format": R(OBJECT, ids={"image_id": "image"}),
    # Sites, users, groups: tenants manage members in /admin/members/ instead
    "wagtailsites:index": R(SUPERUSER),
    "wagtailsites:index_results": R(SUPERUSER),
    "wagtailsites:add": R(SUPERUSER),
    "wagtailsites:edit": R(SUPERUSER, ids={"pk": "site"}),
    "wagtailsites:delete": R(SUPERUSER, ids={"pk": "site"}),
    "wagtailsites:history": R(SUPERUSER, ids={"pk": "site"}),
    "wagtailsites:history_results": R(SUPERUSER, ids={"pk": "site"}),
    "wagtailsites:usage": R(SUPERUSER, ids={"pk": "site"}),
    "wagtailsites:copy": R(SUPERUSER, ids={"pk": "site"}),
    "wagtailusers_users:index": R(SUPERUSER),
    "wagtailusers_users:index_results": R(SUPERUSER),
    "wagtailusers_users:add": R(SUPERUSER),
    "wagtailusers_users:edit": R(SUPERUSER, ids={"pk": "user"}),
    "wagtailusers_users:delete": R(SUPERUSER, ids={"pk": "user"}),
    "wagtailusers_users:history": R(SUPERUSER, ids={"pk": "user"}),
    "wagtailusers_users:history_results": R(SUPERUSER, ids={"pk": "user"}),
    "wagtailusers_users:usage": R(SUPERUSER, ids={"pk": "user"}),
    "wagtailusers_users:copy": R(SUPERUSER, ids={"pk": "user"}),
    "wagtailusers_groups:index": R(SUPERUSER),
    "wagtailusers_groups:index_results": R(SUPERUSER),
    "wagtailusers_groups:add": R(SUPERUSER),
    "wagtailusers_groups:edit": R(SUPERUSER, ids={"pk": "group"}),
    "wagtailusers_groups:delete": R(SUPERUSER, ids={"pk": "group"}),
    "wagtailusers_groups:history": R(SUPERUSER, ids={"pk": "group"}),
    "wagtailusers_groups:history_results": R(SUPERUSER, ids={"pk": "group"}),
    "wagtailusers_groups:usage": R(SUPERUSER, ids={"pk": "group"}),
    # Member management (tenants/members/)
    # The school and authority choosers of the listings' filters (tenants/choosers.py)
    "tenants_school_chooser:choose": R(LISTING, query={"q": ""}, shows="page_home"),
    "tenants_school_chooser:choose_results": R(LISTING, query={"q": ""}, shows="page_home"),
    "tenants_school_chooser:chosen": R(OBJECT, ids={"pk": "school"}),
    "tenants_authority_chooser:choose": R(LISTING, query={}),
    "tenants_authority_chooser:choose_results": R(LISTING, query={}),
    "tenants_authority_chooser:chosen": R(OBJECT, ids={"pk": "authority"}),
    "tenants_members:index": R(LISTING, query={}),
    "tenants_members:add": R(LISTING, query={}),
    "tenants_members:edit": R(OBJECT, ids={"user_id": "user"}),
    "tenants_members:deactivate": R(OBJECT, ids={"user_id": "user"}),
    "tenants_members:activate": R(OBJECT, ids={"user_id": "user"}),
    "tenants_members:password": R(OBJECT, ids={"user_id": "user"}),
    "tenants_members:schools": R(LISTING, query={}),
    "tenants_members:school_edit": R(OBJECT, ids={"school_id": "school"}),
    # School import (tenants/import_admin.py): office admins only, rows checked against scope.
    "tenants_import:index": R(LISTING, query={}),
    # An import's progress: shown only to admins of its office's subtree (test_import_admin.py).
    "tenants_import:status": R(OWNED, owner="tenants", params={"pk": "1"}),
}

# Snippet models registered with Wagtail: "app_label.model_name" → callable(world) returning
# the pk of one object of school B. A registered snippet model missing here fails the sweep.
SNIPPETS = {}

# Other apps' screens under these prefixes do their own scoping and are tested by that app.
OWNED_PREFIXES = {
    "admin/audit/": "audit",
    "admin/regulations/": "regulations",
    "admin/inspections/": "audit",
    "admin/blueprint/": "page_types",
    "admin/directives/": "mandates",
}

for _app in ("audit", "mandates", "regulations", "page_types", "portal"):
    try:
        _module = importlib.import_module(f"tests.{_app}.admin_urls")
    except ModuleNotFoundError as error:
        if error.name != f"tests.{_app}.admin_urls":
            raise
        continue
    ADMIN_URLS.update(_module.ADMIN_URLS)
