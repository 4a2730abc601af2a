from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .queue_health import queue_health


class TaskQueueView(WagtailAdminTemplateMixin, TemplateView):
    """Superusers only: every tenant's tasks are in one queue."""

    template_name = "portal/task_queue.html"
    page_title = gettext_lazy("Hàng đợi tác vụ nền")
    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(health=queue_health(), **kwargs)
