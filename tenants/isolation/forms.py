"""Form helpers: a form field that chooses an image, a document, a page (or any tenant-scoped
model) accepts only the user's own tenant's objects, whatever id is posted."""

from django import forms

from .registry import filter_for_scope, scope_q
from .scope import scope_for_user


def restrict_choice_fields(form, user):
    """Narrow every model-choice field of `form` to `user`'s scope (call from a form's __init__,
    e.g. with Wagtail's `self.for_user`). Untouched for superusers and non-tenant models."""
    if user is None or user.is_superuser:
        return form
    scope = scope_for_user(user)
    for field in form.fields.values():
        if (
            isinstance(field, forms.ModelChoiceField)
            and field.queryset is not None
            and scope_q(scope, field.queryset.model) is not None
        ):
            field.queryset = filter_for_scope(scope, field.queryset)
    return form
