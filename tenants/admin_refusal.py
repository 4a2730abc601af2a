"""A real 403 inside the Wagtail admin: Wagtail turns a raised PermissionDenied into a redirect to
the dashboard, which hides from users and scripts that the screen is closed to them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def forbidden(request, message):
    return render(request, "admin_forbidden.html", {"message": message}, status=403)


class Forbidden403Mixin:
    """Views put their access checks in `check_access` (raise PermissionDenied, or return a
    response such as a redirect); a refusal anywhere in the view is answered with 403 and
    `forbidden_message`."""

    forbidden_message = ""

    def check_access(self, request, **kwargs):
        return None

    def dispatch(self, request, *args, **kwargs):
        try:
            response = self.check_access(request, **kwargs)
            if response is not None:
                return response
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request, self.forbidden_message)
