from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Đơn vị và trường học")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notifications, signals, site_root_paths  # noqa: F401
        from .isolation import permission_policies

        # Wagtail's checks of the Forms menu item and of the explorer now cost the same at any
        # number of schools (the Forms item had its own shortcut above 50 sites before).
        permission_policies.install()
        # URLs of pages built in bounded time at any number of sites (explorer, search, forms).
        site_root_paths.install()
