from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from .field_rules import clean_fields
from .lockout import SHOWN_ON_FORM_ATTR, is_locked_out, lockout_message


class SchoolFieldRulesMixin:
    """A school form applying the import's rules (field_rules): values normalised, control
    characters, formula-like names and values longer than the column refused per field."""

    def clean(self):
        cleaned = super().clean()
        values = {name: value for name, value in cleaned.items() if isinstance(value, str)}
        for name, message in clean_fields(values).items():
            self.add_error(name, message)
        cleaned.update({name: value for name, value in values.items() if name in cleaned})
        return cleaned


class PortalLoginForm(LoginForm):
    """Wagtail's login form in Vietnamese, telling a throttled user why they cannot sign in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's password field has no label, so Django derives an untranslated "Password".
        self.fields["password"].label = _("Mật khẩu")

    def get_invalid_login_error(self):
        # django-axes refuses a locked-out login inside authenticate(), which then looks like a
        # wrong password; say what really happened instead.
        if is_locked_out(self.request):
            setattr(self.request, SHOWN_ON_FORM_ATTR, True)
            return forms.ValidationError(lockout_message(self.request), code="locked_out")
        return super().get_invalid_login_error()
