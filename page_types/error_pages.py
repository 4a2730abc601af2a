"""The Vietnamese 404 and 500 pages on the development server too.

With DEBUG on, Django answers a missing page with its English debug page listing every URL
pattern, and an error with its traceback page; parents testing a school's site on a dev or
staging server should see what production shows. The traceback still goes to the console."""

import logging

from django.conf import settings
from django.http import Http404

from .views import page_not_found, server_error

logger = logging.getLogger("django.request")


class FriendlyErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not settings.DEBUG:
            return None  # handler404/handler500 already do this
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exception,
            extra={"request": request},
        )
        return server_error(request)
