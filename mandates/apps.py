from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandatesConfig(AppConfig):
    verbose_name = _("Chỉ đạo của Phòng/Sở")
    name = "mandates"
    default_auto_field = "django.db.models.BigAutoField"
