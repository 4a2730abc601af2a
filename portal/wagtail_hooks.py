from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import TaskQueueView


@hooks.register("register_admin_urls")
def register_task_queue_url():
    return [path("tasks/", TaskQueueView.as_view(), name="portal_task_queue")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_task_queue_menu():
    return SuperuserMenuItem(
        _("Hàng đợi tác vụ nền"), reverse("portal_task_queue"), icon_name="cogs", order=900
    )
