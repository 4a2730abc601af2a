"""Page passwords (Wagtail's PageViewRestriction form) limited like logins: after
AXES_FAILURE_LIMIT wrong passwords from one IP address for one page, that address gets a 429
with a Vietnamese message for AXES_COOLOFF_TIME, even with the right password.

Failures are counted in the shared cache atomically (`add` then `incr`), so parallel guesses on
several workers are all counted. With the cache unreachable nothing can be counted and the form
works unthrottled (degraded, like every cache use)."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail import views as wagtail_views

from .lockout import LOCKED_OUT_STATUS

FAILURES_KEY = "portal:page-password-failures:{page}:{ip}"


def _window_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def _key(request, page_id):
    return FAILURES_KEY.format(page=page_id, ip=get_client_ip_address(request) or "unknown")


def failures(request, page_id):
    return cache.get(_key(request, page_id), 0)


def record_failure(request, page_id):
    key = _key(request, page_id)
    # The window starts at the first failure; add() never resets a running count.
    cache.add(key, 0, _window_seconds())
    try:
        return cache.incr(key)
    except ValueError:
        return 0  # expired between add and incr, or the cache is down


def locked_out_response(request):
    minutes = max(1, _window_seconds() // 60)
    message = _(
        "Đã nhập sai mật khẩu trang này quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút."
    ) % {"minutes": minutes}
    return render(
        request,
        "tenants/lockout.html",
        {"message": message, "title": _("Tạm khóa nhập mật khẩu")},
        status=LOCKED_OUT_STATUS,
    )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, behind the failure count."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if failures(request, page_id) >= settings.AXES_FAILURE_LIMIT:
        return locked_out_response(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 302:
        cache.delete(_key(request, page_id))
    elif response.status_code == 200:
        # Wagtail answers a wrong password with the form again.
        record_failure(request, page_id)
    return response
