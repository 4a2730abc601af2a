from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The platform layer under every app: background tasks, their retries, the scheduler."""

    name = "portal"
    verbose_name = _("Nền tảng")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import tasks

        tasks.connect()
