from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    """Parents' e-mail subscriptions to a school's news and announcements (above page_types)."""

    name = "subscriptions"
    verbose_name = "Nhận tin qua email"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - connects publish → notification task
