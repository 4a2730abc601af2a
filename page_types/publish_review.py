"""The edit screen's side of the checks before publishing (publish_checks.py): the page form
runs them on publish or submit from the editor screen, refuses with each reason until the
author ticks "I have checked, publish anyway", logs that override, and the panel at the top of
the content tab shows the warnings to the author and, once overridden, to the approver."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import Panel
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from .publish_checks import MARKER_FIELD, OVERRIDE_ACTION, OVERRIDE_FIELD, collect_warnings

# Actions of the editor screen that make a page public or send it to the approver.
CHECKED_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow")
_STASH = "_overridden_publish_warnings"


def override_field():
    return forms.BooleanField(
        required=False, label=gettext_lazy("Tôi đã xem các cảnh báo trên, vẫn đăng bài")
    )


class PublishChecksFormMixin:
    """Mixed into the base page form, which declares `override_field()` as OVERRIDE_FIELD (form
    fields are collected from the form's own body). The marker is no form field: Wagtail would
    render a second, empty hidden input of it."""

    def checks_requested(self):
        data = self.data if self.is_bound else {}
        return bool(data.get(MARKER_FIELD)) and any(data.get(a) for a in CHECKED_ACTIONS)

    def _post_clean(self):
        super()._post_clean()
        self.publish_warnings = []
        if self._errors or not self.checks_requested():
            return
        warnings = collect_warnings(self.instance, getattr(self, "parent_page", None))
        if not warnings:
            return
        self.publish_warnings = warnings
        if self.cleaned_data.get(OVERRIDE_FIELD):
            # Logged by the view's hooks once the page is saved (wagtail_hooks.py).
            setattr(self.instance, _STASH, [w.as_dict() for w in warnings])
            return
        for warning in warnings:
            self.add_error(None, warning.message)
        self.add_error(
            None,
            _(
                "Sửa theo các cảnh báo trên, hoặc đánh dấu ô “%(label)s” ở đầu trang rồi bấm "
                "lại nút đăng."
            )
            % {"label": self.fields[OVERRIDE_FIELD].label},
        )


def log_override(request, page):
    """The view's hooks: log the warnings the author overrode, once, against the revision that
    was published or submitted (so the approver sees them with that revision)."""
    warnings = page.__dict__.pop(_STASH, None)
    if not warnings:
        return
    log(
        instance=page,
        action=OVERRIDE_ACTION,
        user=request.user,
        revision=page.latest_revision,
        data={"warnings": warnings},
    )


def overridden_for_current(page):
    """The override log entry of the page's latest revision, if its author overrode warnings."""
    if not page or not page.pk or not page.latest_revision_id:
        return None
    return (
        PageLogEntry.objects.filter(
            page_id=page.pk, action=OVERRIDE_ACTION, revision_id=page.latest_revision_id
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )


class PublishChecksPanel(Panel):
    """Renders the marker that turns the checks on, the warnings with the override box, and the
    warnings the author overrode on the revision being reviewed."""

    def get_form_options(self):
        # The panel renders the override box itself: Wagtail must not add a second, bare one.
        # (Only page forms built on the base page form have it: the contact form's does not.)
        options = super().get_form_options()
        base_form = getattr(getattr(self, "model", None), "base_form_class", None)
        if OVERRIDE_FIELD in getattr(base_form, "declared_fields", {}):
            options["fields"] = [*options.get("fields", []), OVERRIDE_FIELD]
        return options

    class BoundPanel(Panel.BoundPanel):
        template_name = "page_types/publish_checks_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            form = self.form
            context["marker_name"] = MARKER_FIELD
            context["warnings"] = getattr(form, "publish_warnings", [])
            context["override_field"] = (
                form[OVERRIDE_FIELD] if OVERRIDE_FIELD in form.fields else None
            )
            entry = overridden_for_current(self.instance)
            context["overridden"] = (entry.data or {}).get("warnings", []) if entry else []
            context["overridden_entry"] = entry
            return context
