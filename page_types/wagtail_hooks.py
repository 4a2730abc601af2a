"""Admin wiring of page_types: the blueprint screens (Cấu trúc trang trường) and their log, and
the log action of pages updated from an import of school details."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from . import guide_hooks  # noqa: F401  (the guides' URLs and Help menu)
from .blueprint.admin_owner import EDIT_LOG_ACTION
from .blueprint.admin_views import BlueprintViewSet
from .blueprint.ownership import CREATE_LOG_ACTION
from .blueprint.permissions import BlueprintPolicy
from .blueprint.provisioning import APPLY_LOG_ACTION
from .models import BlueprintSection
from .publish_checks import OVERRIDE_ACTION
from .publish_review import log_override
from .school_details import SYNC_ACTION

# The policy must exist before the viewset registers (Wagtail 8 looks it up by model).
register_permission_policy(BlueprintSection, BlueprintPolicy(BlueprintSection), exact_class=True)


@hooks.register("register_admin_viewset")
def register_blueprint_viewset():
    return BlueprintViewSet("page_types_blueprint", url_prefix="blueprint")


@hooks.register("register_log_actions")
def register_blueprint_log_actions(actions):
    @actions.register_action(EDIT_LOG_ACTION)
    class BlueprintEditFormatter(LogFormatter):
        label = gettext_lazy("Sửa mục cấu trúc trang trường")

        def format_message(self, log_entry):
            changes = (log_entry.data or {}).get("changes", [])
            parts = [
                _("%(field)s: %(old)s → %(new)s")
                % {"field": c["field"], "old": c["from"], "new": c["to"]}
                for c in changes
            ]
            return _("Sửa mục “%(title)s”: %(changes)s") % {
                "title": log_entry.label,
                "changes": "; ".join(parts),
            }

    @actions.register_action(APPLY_LOG_ACTION)
    class BlueprintApplyFormatter(LogFormatter):
        label = gettext_lazy("Bổ sung mục theo cấu trúc trang trường")

        def format_message(self, log_entry):
            added = (log_entry.data or {}).get("added", [])
            return _("Bổ sung %(count)s mục cho %(school)s: %(titles)s") % {
                "count": len(added),
                "school": log_entry.label,
                "titles": ", ".join(added),
            }

    @actions.register_action(CREATE_LOG_ACTION)
    class BlueprintOwnVersionFormatter(LogFormatter):
        label = gettext_lazy("Tạo cấu trúc trang trường riêng")

        def format_message(self, log_entry):
            return _("Tạo cấu trúc trang trường riêng cho %(authority)s (%(rows)s mục)") % {
                "authority": log_entry.label,
                "rows": (log_entry.data or {}).get("rows", 0),
            }

    label = gettext_lazy("Cập nhật theo thông tin trường do Phòng/Sở nhập")
    actions.register_action(SYNC_ACTION, label, label)

    @actions.register_action(OVERRIDE_ACTION)
    class PublishWarningsOverriddenFormatter(LogFormatter):
        label = gettext_lazy("Vẫn đăng dù có cảnh báo")

        def format_message(self, log_entry):
            warnings = (log_entry.data or {}).get("warnings", [])
            return _("Vẫn đăng dù có cảnh báo: %(reasons)s") % {
                "reasons": " ".join(w.get("message", "") for w in warnings)
            }


# The warnings an author overrode (publish_review.py), logged once the page is saved: on publish
# before Wagtail reloads the page, on submit after the revision is saved.
hooks.register("before_publish_page", log_override)
hooks.register("after_edit_page", log_override)
hooks.register("after_create_page", log_override)


@hooks.register("portal_listed_rows")
def mark_listed_mandated_sections(rows):
    # One query for a listing's rows instead of one per row and button (page search: 60).
    from .models.base import mark_mandated

    mark_mandated(rows)
