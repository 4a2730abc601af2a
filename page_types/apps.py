from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageTypesConfig(AppConfig):
    name = "page_types"
    verbose_name = _("Trang của cổng thông tin")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import school_details, signals  # noqa: F401
