from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from tenants.admin_refusal import Forbidden403Mixin

from .queue_health import queue_health


class TaskQueueView(Forbidden403Mixin, WagtailAdminTemplateMixin, TemplateView):
    """Superusers only: every tenant's tasks are in one queue."""

    template_name = "portal/task_queue.html"
    page_title = gettext_lazy("Hàng đợi tác vụ nền")
    header_icon = "cogs"
    forbidden_message = gettext_lazy("Chỉ quản trị hệ thống xem được hàng đợi tác vụ nền.")

    def check_access(self, request, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied

    def get_context_data(self, **kwargs):
        return super().get_context_data(health=queue_health(), **kwargs)
