from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Đơn vị và trường học")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notifications, signals  # noqa: F401
        from .isolation import menus, permission_policies

        menus.install()
        permission_policies.install()
