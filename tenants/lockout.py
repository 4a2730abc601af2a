"""Login throttling (django-axes): what a locked-out user is told, in Vietnamese.

The admin login form says it in its error box (tenants.forms.PortalLoginForm) and flags the
request; axes' middleware then calls `lockout_response`, which keeps that login page. Any other
login (the public site's password-protected pages) gets a small page of its own.
"""

from axes.helpers import get_cool_off
from django.shortcuts import render
from django.utils.translation import gettext as _

LOCKED_OUT_STATUS = 429
# Set on the request by a login form that already shows the lockout message.
SHOWN_ON_FORM_ATTR = "portal_lockout_shown_on_form"


def is_locked_out(request):
    return bool(request is not None and getattr(request, "axes_locked_out", False))


def lockout_message(request=None):
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    if minutes is None:
        return _("Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng liên hệ quản trị viên.")
    return _(
        "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau %(minutes)s phút."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE."""
    if original_response is not None and getattr(request, SHOWN_ON_FORM_ATTR, False):
        original_response.status_code = LOCKED_OUT_STATUS
        return original_response
    return render(
        request,
        "tenants/lockout.html",
        {"message": lockout_message(request)},
        status=LOCKED_OUT_STATUS,
    )
